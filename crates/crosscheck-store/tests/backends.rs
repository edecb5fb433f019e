//! One test suite for the [`Store`] contract, run against every backend.
//!
//! SQLite always runs; PostgreSQL runs when `CROSSCHECK_TEST_PG` names a server
//! (see `scripts/test-postgres.sh`) and fails when `CI` is set without it.

mod common;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use common::{article, full_article, Harness};
use crosscheck_core::{Article, ArticleId};
use crosscheck_store::{Page, QuoteText, Store, StoryRecord};

fn batch(prefix: &str, n: usize) -> Vec<Article> {
    (0..n).map(|i| article(&format!("{prefix}-{i}"))).collect()
}

fn round_trip_every_field(h: &Harness) {
    let s = &*h.store;
    let a = full_article();
    assert!(a.title_span.is_some() && a.dateline_span.is_some() && a.published.is_some() && !a.authors.is_empty());
    let out = s.put_articles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(out.inserted, vec![a.id.clone()]);
    assert!(out.existing.is_empty());
    let back = s.get_article(&a.id).unwrap().expect("stored article");
    assert_eq!(back, a);
    let pubd = back.published.as_ref().unwrap();
    assert_eq!(pubd.confidence, 0.83);
    assert_eq!(back.slice(back.dateline_span.unwrap()), "Portville – March 3, 2024 – ");
    let missing = ArticleId::of_text("never stored");
    assert!(s.get_article(&missing).unwrap().is_none());

    let rows = s.list_articles(Page::default()).unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r.id, a.id);
    assert_eq!(r.source, "Example Wire");
    assert_eq!(r.path, "feeds/wire.xml#entry-7");
    assert_eq!(r.url.as_deref(), Some("https://example.org/2024/03/03/harbour-fire"));
    assert_eq!(r.title.as_deref(), Some("Harbour fire contained"));
    assert_eq!(r.published.as_deref(), Some("2024-03-03"));
    assert_eq!(r.language.as_deref(), Some("en"));
    assert_eq!(r.format, "rss");
    assert_eq!(r.words, a.word_count() as u64);
    assert!(chrono::DateTime::parse_from_rfc3339(&r.ingested_at).is_ok(), "{}", r.ingested_at);
}

fn idempotent_batches(h: &Harness) {
    let s = &*h.store;
    let b = batch("idem", 10);
    let first = s.put_articles(&b).unwrap();
    assert_eq!(first.inserted.len(), 10);
    assert!(first.existing.is_empty());
    let ids: Vec<ArticleId> = b.iter().map(|a| a.id.clone()).collect();
    assert_eq!(first.inserted, ids, "inserted ids in input order");
    let second = s.put_articles(&b).unwrap();
    assert!(second.inserted.is_empty());
    assert_eq!(second.existing, ids);
    assert_eq!(s.count_articles().unwrap(), 10);
    // The same text under another path is the same article.
    let mut copy = b[0].clone();
    copy.path = "elsewhere.txt".into();
    // A repeat inside one batch counts as existing.
    let fresh = article("idem-new");
    let out = s.put_articles(&[fresh.clone(), copy, fresh.clone()]).unwrap();
    assert_eq!(out.inserted, vec![fresh.id.clone()]);
    assert_eq!(out.existing, vec![b[0].id.clone(), fresh.id.clone()]);
    assert_eq!(s.count_articles().unwrap(), 11);
    assert_eq!(s.get_article(&b[0].id).unwrap().unwrap().path, b[0].path, "first copy wins");
    // An empty batch is fine.
    assert_eq!(s.put_articles(&[]).unwrap(), Default::default());
}

fn batch_is_all_or_nothing(h: &Harness) {
    let s = &*h.store;
    h.install_poison();
    let mut b = batch("atom", 4);
    b[2].source = "poison".into();
    assert!(s.put_articles(&b).is_err(), "poisoned batch must fail");
    assert_eq!(s.count_articles().unwrap(), 0, "nothing of a failed batch stays");
    assert!(s.get_article(&b[0].id).unwrap().is_none());
    assert!(s.search("Report", 10).unwrap().is_empty(), "the search index rolled back too");
    b[2].source = "fine".into();
    let out = s.put_articles(&b).unwrap();
    assert_eq!(out.inserted.len(), 4);
    assert_eq!(s.count_articles().unwrap(), 4);
}

fn readers_see_whole_batches(h: &Harness) {
    let s: &dyn Store = &*h.store;
    const BATCH: usize = 25;
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut looks = 0;
            while !done.load(Ordering::SeqCst) || looks == 0 {
                let n = s.count_articles().unwrap();
                assert_eq!(n % BATCH as u64, 0, "a reader saw part of a batch: {n}");
                looks += 1;
            }
            looks
        });
        for k in 0..12 {
            s.put_articles(&batch(&format!("vis{k}"), BATCH)).unwrap();
        }
        done.store(true, Ordering::SeqCst);
        assert!(reader.join().unwrap() > 0);
    });
    assert_eq!(s.count_articles().unwrap(), 12 * BATCH as u64);
}

fn paging_newest_first(h: &Harness) {
    let s = &*h.store;
    let all = batch("page", 25);
    for chunk in all.chunks(9) {
        s.put_articles(chunk).unwrap();
    }
    assert_eq!(s.count_articles().unwrap(), 25);
    let mut seen = Vec::new();
    for offset in (0..30).step_by(10) {
        seen.extend(s.list_articles(Page { offset, limit: 10 }).unwrap());
    }
    assert_eq!(seen.len(), 25);
    let listed: Vec<&ArticleId> = seen.iter().map(|r| &r.id).collect();
    let expected: Vec<&ArticleId> = all.iter().rev().map(|a| &a.id).collect();
    assert_eq!(listed, expected, "newest first");
    assert!(seen.windows(2).all(|w| w[0].seq > w[1].seq));
    assert!(s.list_articles(Page { offset: 25, limit: 10 }).unwrap().is_empty());
    assert!(s.list_articles(Page { offset: 0, limit: 0 }).unwrap().is_empty());
    assert_eq!(s.list_articles(Page { offset: 3, limit: 2 }).unwrap().len(), 2);
}

fn articles_after_in_ingest_order(h: &Harness) {
    let s = &*h.store;
    let all = batch("after", 12);
    s.put_articles(&all[..5]).unwrap();
    s.put_articles(&all[5..]).unwrap();
    let got = s.articles_after(0, 100).unwrap();
    assert_eq!(got.len(), 12);
    assert!(got.windows(2).all(|w| w[0].0 < w[1].0), "increasing sequence numbers");
    let ids: Vec<&ArticleId> = got.iter().map(|(_, a)| &a.id).collect();
    assert_eq!(ids, all.iter().map(|a| &a.id).collect::<Vec<_>>());
    assert_eq!(got[3].1, all[3], "whole articles");
    let cut = got[6].0;
    let rest = s.articles_after(cut, 3).unwrap();
    assert_eq!(rest.iter().map(|(q, _)| *q).collect::<Vec<_>>(), got[7..10].iter().map(|(q, _)| *q).collect::<Vec<_>>());
    assert!(s.articles_after(got[11].0, 10).unwrap().is_empty());
    // New articles come after everything seen so far.
    s.put_articles(&[article("after-late")]).unwrap();
    let late = s.articles_after(got[11].0, 10).unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].1.id, article("after-late").id);
}

fn prefix_lookup(h: &Harness) {
    let s = &*h.store;
    let all = batch("prefix", 40);
    s.put_articles(&all).unwrap();
    let id = &all[7].id;
    assert_eq!(s.find_by_prefix(id.as_str()).unwrap(), vec![id.clone()]);
    assert!(s.find_by_prefix(&id.as_str()[..8]).unwrap().contains(id));
    assert!(s.find_by_prefix(&id.as_str()[..6].to_uppercase()).unwrap().contains(id));
    let four = &id.as_str()[..4];
    let hits = s.find_by_prefix(four).unwrap();
    let expected: HashSet<&ArticleId> = all.iter().map(|a| &a.id).filter(|i| i.as_str().starts_with(four)).collect();
    assert_eq!(hits.iter().collect::<HashSet<_>>(), expected);
    assert!(s.find_by_prefix(&id.as_str()[..3]).unwrap().is_empty(), "too short");
    assert!(s.find_by_prefix("zzzz").unwrap().is_empty());
    assert!(s.find_by_prefix("'; --").unwrap().is_empty());
}

fn story(id: &str, updated_at: &str, members: &[&Article], quotes: Vec<QuoteText>) -> StoryRecord {
    StoryRecord {
        id: id.into(),
        article_ids: members.iter().map(|a| a.id.clone()).collect(),
        outlets: members.len() as u64,
        headline: format!("Headline of {id}"),
        dossier_json: Some(format!("{{\"story\":\"{id}\"}}")),
        dossier_md: Some(format!("# {id}\n")),
        quotes,
        updated_at: updated_at.into(),
    }
}

fn stories_put_replace_delete(h: &Harness) {
    let s = &*h.store;
    let arts = batch("story", 3);
    s.put_articles(&arts).unwrap();
    let q = |a: &Article, speaker: Option<&str>, text: &str| QuoteText {
        article_id: a.id.clone(),
        speaker: speaker.map(Into::into),
        text: text.into(),
    };
    let one = story(
        "s-one",
        "2024-03-03T10:00:00Z",
        &[&arts[0], &arts[1]],
        vec![q(&arts[0], Some("Harbour Master"), "The quay is closed"), q(&arts[1], None, "marmalade zeppelin")],
    );
    let two = story("s-two", "2024-03-04T10:00:00Z", &[&arts[2]], vec![]);
    s.put_story(&one).unwrap();
    s.put_story(&two).unwrap();
    assert_eq!(s.count_stories().unwrap(), 2);
    assert_eq!(s.get_story("s-one").unwrap().as_ref(), Some(&one));
    assert!(s.get_story("nope").unwrap().is_none());
    let list = s.list_stories(Page::default()).unwrap();
    assert_eq!(list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["s-two", "s-one"], "newest first");
    assert_eq!((list[1].articles, list[1].outlets), (2, 2));
    assert_eq!(list[1].headline, "Headline of s-one");
    assert_eq!(s.list_stories(Page { offset: 1, limit: 5 }).unwrap().len(), 1);
    assert_eq!(s.search("zeppelin", 10).unwrap().len(), 1);

    // Replace: new members, fewer quotes, later time; the dropped quote leaves the index.
    let mut replaced = story("s-one", "2024-03-05T10:00:00Z", &[&arts[0], &arts[1], &arts[2]], vec![]);
    replaced.quotes = vec![q(&arts[2], Some("Port Authority"), "Ferries resume at noon")];
    replaced.dossier_md = None;
    s.put_story(&replaced).unwrap();
    assert_eq!(s.count_stories().unwrap(), 2);
    assert_eq!(s.get_story("s-one").unwrap().as_ref(), Some(&replaced));
    assert!(s.search("zeppelin", 10).unwrap().is_empty(), "replaced quote still indexed");
    assert_eq!(s.list_stories(Page::default()).unwrap()[0].id, "s-one");

    s.delete_story("s-one").unwrap();
    s.delete_story("never-there").unwrap();
    assert!(s.get_story("s-one").unwrap().is_none());
    assert_eq!(s.count_stories().unwrap(), 1);
    assert!(s.search("ferries", 10).unwrap().is_empty(), "deleted story's quotes still indexed");
    assert_eq!(s.count_articles().unwrap(), 3, "deleting a story keeps its articles");
}

fn search_titles_texts_quotes(h: &Harness) {
    let s = &*h.store;
    let full = full_article();
    let others = batch("search", 5);
    s.put_articles(std::slice::from_ref(&full)).unwrap();
    s.put_articles(&others).unwrap();
    let quote = QuoteText {
        article_id: others[1].id.clone(),
        speaker: Some("Chief Inspector Quill".into()),
        text: "We found the lighthouse keys in the boathouse".into(),
    };
    s.put_story(&story("st", "2024-03-06T00:00:00Z", &[&others[1]], vec![quote])).unwrap();

    // A word of the title.
    let hits = s.search("harbour", 10).unwrap();
    assert_eq!(hits[0].article_id, full.id);
    assert_eq!(hits[0].kind, "article");
    assert_eq!(hits[0].title.as_deref(), Some("Harbour fire contained"));
    assert_eq!(hits[0].source, "Example Wire");
    assert!(hits[0].snippet.to_lowercase().contains("harbour"), "{}", hits[0].snippet);
    // Words of the text only, any case, and a non-ASCII word.
    let hits = s.search("FIREFIGHTERS blaze", 10).unwrap();
    assert_eq!(hits.iter().map(|h| &h.article_id).collect::<Vec<_>>(), vec![&full.id]);
    assert_eq!(s.search("überraschend", 10).unwrap().len(), 1);
    // All words must match.
    assert!(s.search("firefighters lighthouse", 10).unwrap().is_empty());
    // A phrase must match in order.
    assert_eq!(s.search("\"port authority\"", 10).unwrap().len(), 1);
    assert!(s.search("\"authority port\"", 10).unwrap().is_empty());
    // Quote text and speaker.
    let hits = s.search("lighthouse keys", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, "quote");
    assert_eq!(hits[0].story_id.as_deref(), Some("st"));
    assert_eq!(hits[0].article_id, others[1].id);
    assert_eq!(hits[0].source, others[1].source);
    assert!(hits[0].snippet.contains("lighthouse"), "{}", hits[0].snippet);
    assert_eq!(s.search("quill", 10).unwrap()[0].kind, "quote");
    // Many matches: limited, best first.
    let hits = s.search("report", 3).unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(s.search("report", 0).unwrap().is_empty());
    assert!(s.search("xylophonist", 10).unwrap().is_empty());

    for hostile in [
        "", "   ", "\"", "\"\"", "*", "AND(", "OR", "NOT", "NEAR(a b)", "'; DROP TABLE articles; --", "a:b", "title:",
        "^", "-", "!!", "(((", "\\", "harbour*", "col:harbour", "\u{0}", "🙂", "harbour & | ! <-> fire", "':*",
        "\"\"\"", "a\"b", "NEAR/3", "^harbour", "harbour:", "{title text}: harbour", "ـ", "हिन्दी", "x\u{301}",
        "e-mail", "12.5%", "C++", "@user #tag", "$$ \\x00 $1",
    ] {
        let r = s.search(hostile, 10);
        assert!(r.is_ok(), "query {hostile:?} failed: {:?}", r.err());
    }
    assert!(s.search("", 10).unwrap().is_empty());
    assert_eq!(s.search("harbour*", 10).unwrap()[0].article_id, full.id, "stars are dropped, the word stays");
    // Words with inner punctuation match the way the text was tokenized.
    let text = "Send an e-mail, don't wait: call 555-0100 at 12.5 past.";
    let punct = crosscheck_core::ArticleBuilder::new("punct", "punct.txt", crosscheck_core::SourceFormat::Text, b"", text)
        .build(None, None)
        .unwrap();
    s.put_articles(std::slice::from_ref(&punct)).unwrap();
    for q in ["e-mail", "don't", "wait:", "\"an e-mail\"", "555-0100", "12.5"] {
        let hits = s.search(q, 10).unwrap();
        assert_eq!(hits.iter().map(|h| &h.article_id).collect::<Vec<_>>(), vec![&punct.id], "query {q:?}");
    }
    assert_eq!(s.count_articles().unwrap(), 7, "nothing dropped");
}

fn random_queries_never_error(h: &Harness) {
    let s = &*h.store;
    s.put_articles(&batch("rand", 3)).unwrap();
    let alphabet: Vec<char> = "ab \"'*()-+:^~!&|<>{}[];,.\\/%$@#?=_0123456789é\u{301}ـ日本NEARORANDNOT".chars().collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let len = (x % 24) as usize;
        let q: String = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                alphabet[(x % alphabet.len() as u64) as usize]
            })
            .collect();
        let r = s.search(&q, 5);
        assert!(r.is_ok(), "query {q:?} failed: {:?}", r.err());
        x = x.wrapping_add(1);
    }
}

fn nul_in_metadata_does_not_fail_a_batch(h: &Harness) {
    let s = &*h.store;
    let mut odd = article("nul");
    odd.source = "out\0let".into();
    odd.title = Some("ti\0tle".into());
    odd.authors = vec!["a\0b".into()];
    let plain = article("nul-neighbour");
    let out = s.put_articles(&[odd.clone(), plain.clone()]).unwrap();
    assert_eq!(out.inserted.len(), 2);
    assert_eq!(s.get_article(&odd.id).unwrap(), Some(odd), "the article itself round-trips exactly");
    assert!(s.get_article(&plain.id).unwrap().is_some());
    let q = QuoteText { article_id: plain.id.clone(), speaker: Some("x\0y".into()), text: "nul\0quote".into() };
    s.put_story(&story("nul-story", "2024-01-01T00:00:00Z", &[&plain], vec![q])).unwrap();
    assert_eq!(s.get_story("nul-story").unwrap().unwrap().quotes.len(), 1);
    s.put_state("k\0", b"v").unwrap();
}

fn state_get_put(h: &Harness) {
    let s = &*h.store;
    assert!(s.get_state("cluster").unwrap().is_none());
    s.put_state("cluster", b"v1").unwrap();
    assert_eq!(s.get_state("cluster").unwrap().as_deref(), Some(&b"v1"[..]));
    let binary: Vec<u8> = (0..=255u8).chain([0, 0, 255]).collect();
    s.put_state("cluster", &binary).unwrap();
    assert_eq!(s.get_state("cluster").unwrap(), Some(binary));
    s.put_state("feed:x", b"").unwrap();
    assert_eq!(s.get_state("feed:x").unwrap(), Some(Vec::new()));
    assert!(s.get_state("other").unwrap().is_none());
}

fn vectors_get_put(h: &Harness) {
    let s = &*h.store;
    let key = |n: u8| [n; 32];
    assert!(s.get_vectors("model-a", &[]).unwrap().is_empty());
    assert_eq!(s.get_vectors("model-a", &[key(1)]).unwrap(), vec![None]);
    let one = [0.25f32, -1.5, f32::MIN_POSITIVE, 3.0e38];
    let two = [1.0f32; 384];
    s.put_vectors("model-a", &[(key(1), &one[..]), (key(2), &two[..])]).unwrap();
    // The first vector put under a key stays; another model's are its own.
    s.put_vectors("model-a", &[(key(1), &two[..])]).unwrap();
    s.put_vectors("model-b", &[(key(1), &two[..])]).unwrap();
    let got = s.get_vectors("model-a", &[key(2), key(3), key(1)]).unwrap();
    assert_eq!(got, vec![Some(two.to_vec()), None, Some(one.to_vec())]);
    assert_eq!(s.get_vectors("model-b", &[key(1), key(2)]).unwrap(), vec![Some(two.to_vec()), None]);
    // A key asked for twice comes back twice.
    assert_eq!(s.get_vectors("model-a", &[key(1), key(1)]).unwrap(), vec![Some(one.to_vec()), Some(one.to_vec())]);
}

fn concurrent_writers_lose_nothing(h: &Harness) {
    const THREADS: usize = 8;
    const PER_THREAD: usize = 200;
    const BATCH: usize = 20;
    let s: &dyn Store = &*h.store;
    // Every thread also puts the same shared articles: each must be inserted once.
    let shared = Arc::new(batch("shared", BATCH));
    let inserted: Vec<Vec<ArticleId>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let shared = Arc::clone(&shared);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    let own = batch(&format!("t{t}"), PER_THREAD);
                    for (k, chunk) in own.chunks(BATCH).enumerate() {
                        let out = s.put_articles(chunk).unwrap();
                        mine.extend(out.inserted);
                        if k == t % 4 {
                            mine.extend(s.put_articles(&shared).unwrap().inserted);
                        }
                        let _ = s.list_articles(Page { offset: 0, limit: 5 }).unwrap();
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let total = THREADS * PER_THREAD + BATCH;
    let all: Vec<&ArticleId> = inserted.iter().flatten().collect();
    assert_eq!(all.len(), total, "each article reported inserted exactly once");
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), total);
    assert_eq!(s.count_articles().unwrap(), total as u64);
    let seqs: Vec<u64> = s.articles_after(0, 10_000).unwrap().iter().map(|(q, _)| *q).collect();
    assert_eq!(seqs.len(), total);
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "unique increasing sequence numbers");
}

macro_rules! backend_suite {
    ($backend:ident, $make:expr) => {
        mod $backend {
            use super::*;
            macro_rules! case {
                ($name:ident) => {
                    #[test]
                    fn $name() {
                        let make: fn(&str) -> Option<Harness> = $make;
                        if let Some(h) = make(stringify!($name)) {
                            super::$name(&h);
                        }
                    }
                };
            }
            case!(round_trip_every_field);
            case!(idempotent_batches);
            case!(batch_is_all_or_nothing);
            case!(readers_see_whole_batches);
            case!(paging_newest_first);
            case!(articles_after_in_ingest_order);
            case!(prefix_lookup);
            case!(stories_put_replace_delete);
            case!(search_titles_texts_quotes);
            case!(random_queries_never_error);
            case!(state_get_put);
            case!(vectors_get_put);
            case!(nul_in_metadata_does_not_fail_a_batch);
            case!(concurrent_writers_lose_nothing);
        }
    };
}

backend_suite!(sqlite, |_| Some(Harness::sqlite()));
backend_suite!(postgres, Harness::postgres);

#[test]
fn reopened_sqlite_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite").display().to_string();
    let a = full_article();
    {
        let s = crosscheck_store::open(&path).unwrap();
        s.put_articles(std::slice::from_ref(&a)).unwrap();
        s.put_state("k", b"v").unwrap();
    }
    let s = crosscheck_store::open(&path).unwrap();
    assert_eq!(s.get_article(&a.id).unwrap(), Some(a));
    assert_eq!(s.get_state("k").unwrap().as_deref(), Some(&b"v"[..]));
    assert_eq!(s.search("firefighters", 5).unwrap().len(), 1);
}

#[test]
fn postgres_reopen_and_newer_schema() {
    let Some(h) = Harness::postgres("postgres_reopen_and_newer_schema") else { return };
    h.store.put_articles(&[article("pg-reopen")]).unwrap();
    // A second open of a current database applies nothing and sees the data.
    let again = crosscheck_store::open(&h.location).unwrap();
    assert_eq!(again.count_articles().unwrap(), 1);
    drop(again);
    let mut c = ::postgres::Client::connect(&h.location, ::postgres::NoTls).unwrap();
    let versions: i64 = c.query_one("SELECT count(*) FROM schema_migrations", &[]).unwrap().get(0);
    assert_eq!(versions as usize, crosscheck_store::postgres::migrations().len());
    c.batch_execute("INSERT INTO schema_migrations (version) VALUES (999)").unwrap();
    match crosscheck_store::open(&h.location) {
        Err(crosscheck_store::StoreError::SchemaTooNew { found: 999, .. }) => {}
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("opened a newer schema"),
    }
}

#[test]
fn unreachable_postgres_is_an_open_error() {
    // Port 1 on loopback: nothing listens there.
    let err = crosscheck_store::open("postgres://nobody:secret@127.0.0.1:1/db").err().expect("connected to nothing");
    assert!(matches!(err, crosscheck_store::StoreError::Open { .. }), "{err}");
    assert!(!err.to_string().contains("secret"), "password leaked: {err}");
}
