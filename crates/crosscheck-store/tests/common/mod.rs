//! Shared by the store's integration tests: article fixtures and a fresh store
//! of either backend.
#![allow(dead_code)]


use chrono::{DateTime, NaiveDate};
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat, Span};
use crosscheck_testkit::store::ScratchStore;
use crosscheck_store::Store;

/// A plain article whose text is unique to `tag`.
pub fn article(tag: &str) -> Article {
    let text = format!("Report {tag}\n\nFirst paragraph of report {tag}.\nSecond paragraph, number {tag}.");
    ArticleBuilder::new(format!("outlet-{tag}"), format!("in/{tag}.txt"), SourceFormat::Text, text.as_bytes(), &text)
        .build(None, None)
        .expect("valid article")
}

/// An article with every optional field set, non-ASCII text, spans and a dated timestamp.
pub fn full_article() -> Article {
    let text = "Harbour fire contained\n\nPortville – March 3, 2024 – Firefighters said the blaze at the \
                harbour “was contained by dawn”, the port authority reported.\n\nÜberraschend: 12 crews, \
                3 boats.";
    let mut b = ArticleBuilder::new("Example Wire", "feeds/wire.xml#entry-7", SourceFormat::Rss, b"<raw bytes>", text);
    b.url = Some("https://example.org/2024/03/03/harbour-fire".into());
    b.title = Some("Harbour fire contained".into());
    b.authors = vec!["A. Writer".into(), "B. Reporter".into()];
    b.language = Some("en".into());
    b.published = Some(PublishedDate {
        date: NaiveDate::from_ymd_opt(2024, 3, 3).unwrap(),
        datetime: Some(DateTime::parse_from_rfc3339("2024-03-03T06:45:00+01:00").unwrap()),
        precision: DatePrecision::DateTime,
        method: DateMethod::Feed,
        confidence: 0.83,
        evidence: "Sun, 03 Mar 2024 06:45:00 +0100".into(),
    });
    let t = b.text().to_string();
    let title = t.find("Harbour fire contained").unwrap();
    let dl_start = t.find("Portville").unwrap();
    let dl_end = t.find("Firefighters").unwrap();
    b.build(Some(Span::new(title, title + "Harbour fire contained".len())), Some(Span::new(dl_start, dl_end)))
        .expect("valid article")
}

/// A store of one backend for one test, removed afterwards.
pub struct Harness {
    pub store: Box<dyn Store>,
    pub location: String,
    scratch: ScratchStore,
}

impl Harness {
    fn open(scratch: ScratchStore) -> Harness {
        let location = scratch.location.clone();
        let store = crosscheck_store::open(&location).unwrap_or_else(|e| panic!("open store {location}: {e}"));
        Harness { store, location, scratch }
    }

    /// A fresh SQLite file in a temporary directory.
    pub fn sqlite() -> Harness {
        Harness::open(ScratchStore::sqlite("store.sqlite"))
    }

    /// A fresh database on the server `CROSSCHECK_TEST_PG` names, or `None`
    /// when it is unset (a failure under CI: see `crosscheck_testkit::pg::ScratchDatabase::from_env`).
    pub fn postgres(test: &str) -> Option<Harness> {
        ScratchStore::postgres(test).map(Harness::open)
    }

    /// Make the backend refuse any article whose source is `poison`, with a
    /// trigger, to break a batch half-way.
    pub fn install_poison(&self) {
        match self.scratch.is_sqlite() {
            true => {
                let c = rusqlite::Connection::open(&self.location).unwrap();
                c.execute_batch(
                    "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.source = 'poison'
                     BEGIN SELECT RAISE(ABORT, 'poisoned article'); END;",
                )
                .unwrap();
            }
            false => {
                let mut c = postgres::Client::connect(&self.location, postgres::NoTls).unwrap();
                c.batch_execute(
                    "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN IF NEW.source = 'poison' THEN RAISE EXCEPTION 'poisoned article'; END IF; RETURN NEW; END $$;
                     CREATE TRIGGER poison BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION poison();",
                )
                .unwrap();
            }
        }
    }
}
