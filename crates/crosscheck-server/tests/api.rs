//! The HTTP API against a real server on a random 127.0.0.1 port, with a real
//! HTTP client. Each scenario runs on SQLite, and on PostgreSQL when
//! `CROSSCHECK_TEST_PG` names a server (required when `CI` is set).

mod common;

use std::collections::BTreeSet;

use common::{delete, get, post, serve, TestStore};

const SEED: &str = "../../examples/seeds/001_02c79b21a8477926.txt";

fn seed_json(url: &str) -> String {
    let text = std::fs::read_to_string(SEED).unwrap();
    serde_json::json!({"url": url, "title": "Envoy warns of a wider war", "text": text, "source": "Example Wire", "published": "2025-12-02", "authors": ["A. Reporter"]}).to_string()
}

fn ingest_and_read(store: TestStore) {
    let (_pipeline, server) = serve(&store, None, None);
    let r = post(&server.url("/articles?wait=true"), "application/json", seed_json("http://news.example/a").as_bytes(), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["dossiers_pending"], false);
    let id = v["inserted"][0].as_str().expect("inserted id").to_string();
    assert_eq!(v["existing"].as_array().unwrap().len(), 0);
    let story = v["stories"][&id].as_str().expect("story of the article").to_string();

    // Same text again: nothing new.
    let again = post(&server.url("/articles"), "application/json", seed_json("http://mirror.example/b").as_bytes(), None).json();
    assert_eq!(again["inserted"].as_array().unwrap().len(), 0);
    assert_eq!(again["existing"][0].as_str(), Some(id.as_str()));

    let list = get(&server.url("/articles?limit=10")).json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"].as_str(), Some(id.as_str()));
    assert_eq!(list["items"][0]["source"], "Example Wire");

    let a = get(&server.url(&format!("/articles/{id}")));
    assert_eq!(a.status, 200);
    let a = a.json();
    assert_eq!(a["published"], "2025-12-02");
    assert_eq!(a["story_id"].as_str(), Some(story.as_str()));
    assert!(a["text"].as_str().unwrap().contains("We are studying everything"));
    assert!(!a["paragraphs"].as_array().unwrap().is_empty());

    let stories = get(&server.url("/stories")).json();
    assert_eq!(stories["total"], 1);
    assert_eq!(stories["items"][0]["id"].as_str(), Some(story.as_str()));
    assert_eq!(stories["items"][0]["outlets"], 1);
    assert!(!stories["items"][0]["headline"].as_str().unwrap().is_empty());

    let d = get(&server.url(&format!("/stories/{story}")));
    assert_eq!(d.status, 200);
    assert!(d.header("content-type").unwrap().starts_with("application/json"));
    let d = d.json();
    assert_eq!(d["story_id"].as_str(), Some(story.as_str()));
    assert_eq!(d["articles"][0]["id"].as_str(), Some(id.as_str()));
    let md = get(&server.url(&format!("/stories/{story}.md")));
    assert_eq!(md.status, 200);
    assert!(md.header("content-type").unwrap().starts_with("text/markdown"));
    assert!(md.body.starts_with('#'), "{}", &md.body[..md.body.len().min(200)]);

    let s = get(&server.url("/search?q=studying"));
    assert_eq!(s.status, 200, "{}", s.body);
    let hits = s.json()["hits"].as_array().unwrap().clone();
    assert!(hits.iter().any(|h| h["article_id"].as_str() == Some(id.as_str())), "{hits:?}");

    let h = get(&server.url("/health")).json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["articles"], 1);
    assert_eq!(h["stories"], 1);
}

#[test]
fn ingest_and_read_sqlite() {
    ingest_and_read(TestStore::sqlite());
}

#[test]
fn ingest_and_read_postgres() {
    if let Some(s) = TestStore::postgres("ingest_and_read_postgres") {
        ingest_and_read(s);
    }
}

fn bad_input(store: TestStore) {
    let (_pipeline, server) = serve(&store, None, Some(64 * 1024));
    let url = server.url("/articles");
    // Malformed and invalid bodies.
    let r = post(&url, "application/json", b"{\"text\": \"unterminated", None);
    assert_eq!((r.status, r.error_code().as_str()), (400, "malformed_json"));
    let r = post(&url, "application/json", b"[{\"text\": 1},", None);
    assert_eq!((r.status, r.error_code().as_str()), (400, "malformed_json"));
    let r = post(&url, "application/json", br#"{"title":"no text"}"#, None);
    assert_eq!((r.status, r.error_code().as_str()), (422, "missing_text"));
    let r = post(&url, "application/json", br#"{"text":"x","published":"last tuesday"}"#, None);
    assert_eq!((r.status, r.error_code().as_str()), (422, "bad_date"));
    let r = post(&url, "application/json", b"   ", None);
    assert_eq!((r.status, r.error_code().as_str()), (400, "empty_body"));
    let r = post(&url, "application/pdf", b"%PDF-1.4", None);
    assert_eq!((r.status, r.error_code().as_str()), (415, "unsupported_media_type"));
    let r = post(&url, "text/plain", &[0xff, 0xfe, 0x00, 0x41], None);
    assert_eq!((r.status, r.error_code().as_str()), (422, "bad_encoding"));

    // A JSONL batch with bad lines: the good ones are stored, the bad ones named.
    let good1 = serde_json::json!({"text": common::article_text(1, 1), "source": "a"}).to_string();
    let good2 = serde_json::json!({"text": common::article_text(2, 2), "source": "b"}).to_string();
    let batch = format!("{good1}\n{{oops\n\n{{\"title\":\"t\"}}\n{good2}\n");
    let r = post(&url, "application/x-ndjson", batch.as_bytes(), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["inserted"].as_array().unwrap().len(), 2);
    let errs: Vec<(u64, String)> = v["errors"].as_array().unwrap().iter().map(|e| (e["record"].as_u64().unwrap(), e["code"].as_str().unwrap().to_string())).collect();
    assert_eq!(errs, vec![(2, "malformed_json".to_string()), (4, "missing_text".to_string())]);

    // NUL bytes and other control characters in every field (PostgreSQL
    // refuses NUL in text): stored cleaned or refused, never a 500.
    let nul = serde_json::json!({"text": format!("{}\u{0}tail\u{1}", common::article_text(5, 5)), "title": "a\u{0}b", "source": "s\u{0}", "url": "http://x.example/\u{0}", "authors": ["\u{0}"]}).to_string();
    let r = post(&url, "application/json", nul.as_bytes(), None);
    assert!(r.status == 200 || r.status == 422, "{r:?}");
    let nul_stored = usize::from(r.status == 200);
    let r = post(&format!("{url}?source=%00&title=%00"), "text/plain", format!("{}\u{0}", common::article_text(6, 6)).as_bytes(), None);
    assert!(r.status == 200 || r.status == 422, "{r:?}");
    let nul_stored = nul_stored + usize::from(r.status == 200);

    // Oversized body: 413 with a JSON error, and the server keeps serving.
    let big = serde_json::json!({"text": "word ".repeat(20_000)}).to_string();
    let r = post(&url, "application/json", big.as_bytes(), None);
    assert_eq!((r.status, r.error_code().as_str()), (413, "body_too_large"));
    assert_eq!(get(&server.url("/health")).status, 200);

    // Unknown and malformed ids.
    let r = get(&server.url("/articles/0123456789abcdef"));
    assert_eq!((r.status, r.error_code().as_str()), (404, "article_not_found"));
    let r = get(&server.url("/articles/not-an-id"));
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_id"));
    let r = get(&server.url("/articles/%FF%FE"));
    assert!(r.status == 400 || r.status == 404, "{r:?}");
    r.error_code();
    for id in ["story-0123456789abcdef", "story-0123456789abcdef.md", "..%2F..%2Fetc%2Fpasswd", "%00"] {
        let r = get(&server.url(&format!("/stories/{id}")));
        assert_eq!(r.status, 404, "{id}: {r:?}");
        r.error_code();
    }

    // Bad paging parameters.
    for q in ["limit=0", "limit=abc", "limit=100000", "offset=-1", "offset=1e3", "limit=%FF", "limit=18446744073709551616"] {
        for path in ["/articles", "/stories"] {
            let r = get(&server.url(&format!("{path}?{q}")));
            assert_eq!(r.status, 400, "{path}?{q}: {r:?}");
            let code = r.error_code();
            assert!(code == "invalid_parameter" || code == "invalid_query", "{code}");
        }
    }
    let r = get(&server.url("/articles?offset=1000000&limit=5"));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["items"].as_array().unwrap().len(), 0);

    // Unknown routes and methods.
    let r = get(&server.url("/nope"));
    assert_eq!((r.status, r.error_code().as_str()), (404, "not_found"));
    let r = delete(&server.url("/articles"));
    assert_eq!((r.status, r.error_code().as_str()), (405, "method_not_allowed"));
    // Nothing bad was stored.
    assert_eq!(get(&server.url("/health")).json()["articles"].as_u64().unwrap() as usize, 2 + nul_stored);
}

#[test]
fn bad_input_sqlite() {
    bad_input(TestStore::sqlite());
}

#[test]
fn bad_input_postgres() {
    if let Some(s) = TestStore::postgres("bad_input_postgres") {
        bad_input(s);
    }
}

fn hostile_search(store: TestStore) {
    let (_pipeline, server) = serve(&store, None, None);
    let r = post(&server.url("/articles?wait=1"), "application/json", seed_json("http://news.example/a").as_bytes(), None);
    assert_eq!(r.status, 200);
    let hostile = [
        "\"", "\"\"", "*", "NEAR(", "a OR", "OR", "AND NOT", "(((", ")", "^", "-", "title:studying", "text:*", "'; DROP TABLE articles; --",
        "\\", "%", "_", "studying*", "{}", "[]", "NEAR(studying everything, 2)", "\u{0}", "\u{202e}studying", "🙂", "ståndpunkt", "a\"b'c",
        "select * from articles", "$1", "::", "'", "''", "&&", "||", "!", "~", "@@", "studying:*",
    ];
    for q in hostile {
        let url = format!("{}?q={}", server.url("/search"), percent_encode(q));
        let r = get(&url);
        assert!(r.status == 200 || r.status == 400, "query {q:?}: {r:?}");
        if r.status == 200 {
            assert!(r.json()["hits"].is_array());
        } else {
            r.error_code();
        }
    }
    let r = get(&server.url("/search"));
    assert_eq!((r.status, r.error_code().as_str()), (400, "missing_query"));
    let r = get(&format!("{}?q={}", server.url("/search"), "x".repeat(600)));
    assert_eq!((r.status, r.error_code().as_str()), (400, "query_too_long"));
    let r = get(&server.url("/search?q=studying&limit=0"));
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_parameter"));
    // The store is intact and search still finds the article.
    assert_eq!(get(&server.url("/health")).json()["articles"], 1);
    let hits = get(&server.url("/search?q=studying")).json()["hits"].as_array().unwrap().len();
    assert!(hits >= 1);
}

fn percent_encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[test]
fn hostile_search_sqlite() {
    hostile_search(TestStore::sqlite());
}

#[test]
fn hostile_search_postgres() {
    if let Some(s) = TestStore::postgres("hostile_search_postgres") {
        hostile_search(s);
    }
}

#[test]
fn token_guards_writes_only() {
    let store = TestStore::sqlite();
    let (_p, server) = serve(&store, Some("s3cret-token"), None);
    let url = server.url("/articles");
    let body = serde_json::json!({"text": common::article_text(3, 3)}).to_string();
    let r = post(&url, "application/json", body.as_bytes(), None);
    assert_eq!((r.status, r.error_code().as_str()), (401, "token_required"));
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    let r = post(&url, "application/json", body.as_bytes(), Some("s3cret-tokeX"));
    assert_eq!((r.status, r.error_code().as_str()), (401, "bad_token"));
    let r = post(&url, "application/json", body.as_bytes(), Some("s3cret"));
    assert_eq!((r.status, r.error_code().as_str()), (401, "bad_token"));
    // An oversized unauthenticated body is refused for the token, not read:
    // the headers announce 1 MiB, none of it is sent, and the 401 comes back
    // anyway. (Sending the body with a client races the server's close: the
    // refusal then shows as a broken pipe rather than a response.)
    {
        use std::io::{Read as _, Write as _};
        let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_string();
        let mut conn = std::net::TcpStream::connect(&addr).unwrap();
        conn.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
        write!(conn, "POST /articles HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", 1 << 20).unwrap();
        let mut head = [0u8; 12];
        conn.read_exact(&mut head).expect("a response before any body was sent");
        assert_eq!(&head, b"HTTP/1.1 401", "{}", String::from_utf8_lossy(&head));
    }
    assert_eq!(get(&server.url("/health")).json()["articles"], 0);
    let r = post(&url, "application/json", body.as_bytes(), Some("s3cret-token"));
    assert_eq!(r.status, 200, "{}", r.body);
    // Reads need no token.
    assert_eq!(get(&server.url("/articles")).json()["total"], 1);
}

#[test]
fn non_loopback_bind_needs_a_token() {
    let any: std::net::SocketAddr = "0.0.0.0:0".parse().unwrap();
    assert!(matches!(crosscheck_server::check_bind(any, None), Err(crosscheck_server::ServerError::TokenRequired { .. })));
    assert!(crosscheck_server::check_bind(any, Some("  ")).is_err());
    assert!(crosscheck_server::check_bind(any, Some("t0ken")).is_ok());
    assert!(crosscheck_server::check_bind("127.0.0.1:0".parse().unwrap(), None).is_ok());
    assert!(crosscheck_server::check_bind("[::1]:0".parse().unwrap(), None).is_ok());
    // The server refuses before binding.
    let store = TestStore::sqlite();
    let config = crosscheck_server::ServerConfig { bind: any, token: None, ..Default::default() };
    assert!(crosscheck_server::RunningServer::start(store.pipeline(), config).is_err());
}

#[test]
fn ui_openapi_and_security_headers() {
    let store = TestStore::sqlite();
    let (_p, server) = serve(&store, None, None);
    let page = get(&server.url("/"));
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.body.contains("app.js"));
    for path in ["/", "/app.js", "/app.css", "/health", "/nope", "/openapi.json"] {
        let r = get(&server.url(path));
        let csp = r.header("content-security-policy").unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), "{csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{path}");
    }
    assert!(get(&server.url("/app.js")).header("content-type").unwrap().starts_with("text/javascript"));
    assert!(get(&server.url("/app.css")).header("content-type").unwrap().starts_with("text/css"));
    assert_eq!(get(&server.url("/favicon.svg")).header("content-type"), Some("image/svg+xml"));
    let doc = get(&server.url("/openapi.json")).json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in ["/articles", "/articles/{id}", "/stories", "/stories/{id}", "/storylines", "/search", "/health"] {
        assert!(doc["paths"][p].is_object(), "OpenAPI lacks {p}");
    }
    assert!(doc["paths"]["/articles"]["post"].is_object());
    assert!(doc["components"]["schemas"]["ArticleRecord"].is_object());
}

#[test]
fn raw_text_and_html_bodies() {
    let store = TestStore::sqlite();
    let (_p, server) = serve(&store, None, None);
    let text = common::article_text(4, 4);
    let r = post(&server.url("/articles?source=Plain%20Outlet&url=http%3A%2F%2Fplain.example%2Fx&title=Plain"), "text/plain; charset=utf-8", text.as_bytes(), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let id = r.json()["inserted"][0].as_str().unwrap().to_string();
    let a = get(&server.url(&format!("/articles/{id}"))).json();
    assert_eq!(a["source"], "Plain Outlet");
    assert_eq!(a["title"], "Plain");
    assert_eq!(a["url"], "http://plain.example/x");
    assert_eq!(a["format"], "text");
    // HTML goes through main-text extraction; a page with no article is a
    // clear 422, never a 500.
    let r = post(&server.url("/articles?source=H"), "text/html", b"<html><body><nav>menu</nav></body></html>", None);
    assert!(r.status == 200 || r.status == 422, "{r:?}");
    if r.status == 422 {
        assert!(["bad_html", "empty_text"].contains(&r.error_code().as_str()));
    }
}

fn concurrent_uploads(store: TestStore) {
    const CLIENTS: usize = 16;
    const PER_CLIENT: usize = 100;
    let (pipeline, server) = serve(&store, None, None);
    let url = server.url("/articles");
    let reported: Vec<BTreeSet<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let url = url.clone();
                s.spawn(move || {
                    let records: Vec<String> = (0..PER_CLIENT)
                        .map(|i| serde_json::json!({"text": common::random_text((c * PER_CLIENT + i) as u64, 60), "source": format!("outlet{}", c % 5), "title": format!("Report {c}-{i}")}).to_string())
                        .collect();
                    // Each client also re-sends one record of its neighbour.
                    let dup = serde_json::json!({"text": common::random_text((((c + 1) % CLIENTS) * PER_CLIENT) as u64, 60), "source": "copycat"}).to_string();
                    let mut ids = BTreeSet::new();
                    if c % 2 == 0 {
                        for r in records.iter().chain(std::iter::once(&dup)) {
                            let resp = post(&url, "application/json", r.as_bytes(), None);
                            assert_eq!(resp.status, 200, "{}", resp.body);
                            let v = resp.json();
                            ids.extend(v["inserted"].as_array().unwrap().iter().chain(v["existing"].as_array().unwrap()).map(|i| i.as_str().unwrap().to_string()));
                        }
                    } else {
                        let mut all = records.clone();
                        all.push(dup);
                        for chunk in all.chunks(25) {
                            let resp = post(&url, "application/x-ndjson", chunk.join("\n").as_bytes(), None);
                            assert_eq!(resp.status, 200, "{}", resp.body);
                            let v = resp.json();
                            assert!(v["errors"].as_array().unwrap().is_empty(), "{}", resp.body);
                            ids.extend(v["inserted"].as_array().unwrap().iter().chain(v["existing"].as_array().unwrap()).map(|i| i.as_str().unwrap().to_string()));
                        }
                    }
                    ids
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let expected: BTreeSet<String> = reported.iter().flatten().cloned().collect();
    assert_eq!(expected.len(), CLIENTS * PER_CLIENT, "distinct ids reported");
    // Everything is listed exactly once.
    let mut listed = Vec::new();
    let mut offset = 0;
    loop {
        let page = get(&server.url(&format!("/articles?offset={offset}&limit=500"))).json();
        assert_eq!(page["total"], (CLIENTS * PER_CLIENT) as u64);
        let items = page["items"].as_array().unwrap().clone();
        if items.is_empty() {
            break;
        }
        offset += items.len();
        listed.extend(items.into_iter().map(|i| i["id"].as_str().unwrap().to_string()));
    }
    assert_eq!(listed.len(), CLIENTS * PER_CLIENT, "no duplicates in the listing");
    assert_eq!(listed.iter().cloned().collect::<BTreeSet<_>>(), expected, "nothing lost");
    // Every article was clustered once: stories partition the articles.
    let memberships = pipeline.memberships();
    let members: Vec<String> = memberships.iter().flat_map(|(_, m)| m.iter().map(|i| i.to_string())).collect();
    assert_eq!(members.len(), CLIENTS * PER_CLIENT);
    assert_eq!(members.into_iter().collect::<BTreeSet<_>>(), expected);
    // Stories stored so far (the dossier worker is still busy: one dossier
    // per story in a debug build takes a while) are live ones, and no article
    // is in two of them.
    let live: BTreeSet<&str> = memberships.iter().map(|(id, _)| id.as_str()).collect();
    let stories = get(&server.url("/stories?limit=1000")).json();
    let mut seen = BTreeSet::new();
    for s in stories["items"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        assert!(live.contains(id), "stored story {id} is live");
        let d = get(&server.url(&format!("/stories/{id}"))).json();
        for a in d["articles"].as_array().unwrap() {
            assert!(seen.insert(a["id"].as_str().unwrap().to_string()), "article in two stories");
        }
    }
}

#[test]
fn concurrent_uploads_sqlite() {
    concurrent_uploads(TestStore::sqlite());
}

#[test]
fn concurrent_uploads_postgres() {
    if let Some(s) = TestStore::postgres("concurrent_uploads_postgres") {
        concurrent_uploads(s);
    }
}

/// Storylines are the second level over the stored stories: every story is in
/// exactly one, each named by its oldest story, with the stored headline.
#[test]
fn storylines_cover_every_story_once() {
    let store = TestStore::sqlite();
    let (_pipeline, server) = serve(&store, None, None);
    for (i, path) in ["../../examples/seeds/000_c4180d424b25fc11.txt", SEED].iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let body = serde_json::json!({"url": format!("http://news.example/{i}"), "text": text, "source": format!("Outlet {i}")}).to_string();
        assert_eq!(post(&server.url("/articles?wait=true"), "application/json", body.as_bytes(), None).status, 200);
    }
    let stories: BTreeSet<String> = get(&server.url("/stories?limit=1000")).json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!stories.is_empty());
    let lines = get(&server.url("/storylines")).json();
    let mut seen = BTreeSet::new();
    for l in lines["items"].as_array().unwrap() {
        assert!(l["id"].as_str().unwrap().starts_with("storyline-story-"), "{l}");
        for s in l["stories"].as_array().unwrap() {
            assert!(seen.insert(s["id"].as_str().unwrap().to_string()), "story in two storylines: {l}");
            assert!(!s["headline"].as_str().unwrap_or_default().is_empty(), "stored headline: {s}");
        }
    }
    assert_eq!(seen, stories);
    assert_eq!(lines["total"].as_u64().unwrap() as usize, lines["items"].as_array().unwrap().len());
}
