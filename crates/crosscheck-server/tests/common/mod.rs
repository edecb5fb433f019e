//! Test harness: a fresh store (SQLite in a temporary folder, or a fresh
//! database on the PostgreSQL server `CROSSCHECK_TEST_PG` names), a server on a
//! random 127.0.0.1 port, and a real HTTP client (ureq).
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use crosscheck_pipeline::Pipeline;
use crosscheck_server::{RunningServer, ServerConfig};

// The store harness and story memberships are the pipeline's test harness.
#[path = "../../../crosscheck-pipeline/tests/common/mod.rs"]
mod store;
pub use store::*;

/// A server over `store` on a random loopback port.
pub fn serve(store: &TestStore, token: Option<&str>, max_body: Option<usize>) -> (Arc<Pipeline>, RunningServer) {
    let pipeline = store.pipeline();
    let mut config = ServerConfig { bind: "127.0.0.1:0".parse().unwrap(), token: token.map(str::to_string), ..Default::default() };
    if let Some(m) = max_body {
        config.max_body_bytes = m;
    }
    let server = RunningServer::start(pipeline.clone(), config).expect("start server");
    (pipeline, server)
}

/// A response as the tests look at it.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    /// The error code of a JSON error response (asserting the error shape).
    pub fn error_code(&self) -> String {
        let v = self.json();
        assert!(v["error"]["message"].is_string(), "error without message: {}", self.body);
        v["error"]["code"].as_str().unwrap_or_else(|| panic!("not an error body: {}", self.body)).to_string()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(300))).build().into()
}

fn finish(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
    let mut r = r.expect("HTTP request");
    let status = r.status().as_u16();
    let headers = r.headers().iter().map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string())).collect();
    let body = r.body_mut().with_config().limit(256 << 20).read_to_string().expect("read body");
    Resp { status, headers, body }
}

pub fn get(url: &str) -> Resp {
    finish(agent().get(url).call())
}

pub fn post(url: &str, content_type: &str, body: &[u8], token: Option<&str>) -> Resp {
    let mut req = agent().post(url).header("Content-Type", content_type);
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    finish(req.send(body))
}

pub fn delete(url: &str) -> Resp {
    finish(agent().delete(url).call())
}

/// An article text about topic `n`: distinct vocabulary per topic so
/// unrelated test articles do not cluster together.
pub fn article_text(client: usize, i: usize) -> String {
    const WORDS: &[&str] = &[
        "harbour", "council", "budget", "bridge", "railway", "festival", "library", "orchard", "reservoir", "stadium", "museum", "ferry", "vineyard", "glacier",
        "observatory", "market", "tunnel", "airport", "school", "hospital", "factory", "forest", "canal", "quarry",
    ];
    let w = |k: usize| WORDS[(client * 7 + i * 13 + k * 5) % WORDS.len()];
    format!(
        "Report {client}-{i} on the {a} and the {b}.\n\nOfficials in district {client}{i} said the {a} project number {i} will cost {n} thousand. \
         \"We are reviewing the {c} plan,\" said the district clerk {client}.\n\nResidents near the {b} asked about the {d} schedule for case {client}x{i}.",
        a = w(0),
        b = w(1),
        c = w(2),
        d = w(3),
        n = client * 1000 + i
    )
}

/// A text of `words` pseudo-random words from a large made-up vocabulary:
/// unrelated texts share almost no terms, so each tends to open its own story.
pub fn random_text(seed: u64, words: usize) -> String {
    const SYL: &[&str] = &["ka", "lo", "mer", "tis", "van", "dro", "pel", "sun", "qui", "bra", "nor", "fel", "gu", "zan", "ri", "om", "tek", "lia", "wes", "cor"];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut out = String::new();
    for i in 0..words {
        let n = 2 + (next() % 3) as usize;
        let w: String = (0..n).map(|_| SYL[(next() % SYL.len() as u64) as usize]).collect();
        out.push_str(&w);
        out.push(if i % 12 == 11 { '.' } else { ' ' });
        if i % 36 == 35 {
            out.push_str("\n\n");
        }
    }
    out.trim_end().to_string() + "."
}
