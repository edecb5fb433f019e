//! A second, invented story: eight short reports by four outlets over five weeks,
//! the same incidents told in different words with relative dates. Checks the
//! row count, which reports merge, and which must stay apart.

use std::path::PathBuf;

use chrono::NaiveDate;
use crosscheck_core::{Article, ArticleBuilder, SourceFormat};
use crosscheck_incidents::{register_of_articles, IncidentKind, IncidentRow, Register, When};

fn articles() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/campaign");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let raw = std::fs::read(p).unwrap();
            let text = String::from_utf8(raw.clone()).unwrap();
            // "balticwire_02" is the second report of the outlet "balticwire".
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let outlet = stem.rsplit_once('_').unwrap().0.to_string();
            ArticleBuilder::new(outlet, p.display().to_string(), SourceFormat::Text, &raw, &text).build(None, None).unwrap()
        })
        .collect()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn find<'a>(reg: &'a Register, kind: IncidentKind, place: &str) -> Vec<&'a IncidentRow> {
    reg.rows.iter().filter(|r| r.kind == kind && r.places.iter().any(|p| p.name == place)).collect()
}

#[test]
fn campaign_fixture_rows_and_merges() {
    let reg = register_of_articles(&articles());
    eprintln!("{}", crosscheck_incidents::export::to_table(&reg));
    assert_eq!(reg.rows.len(), 6, "rows: {:#?}", reg.rows.iter().map(|r| (r.kind, r.place.as_ref().map(|p| p.name.clone()), r.date.as_ref().map(|d| d.display()))).collect::<Vec<_>>());

    // Two fires in Riga a month apart stay two rows; the first merges three reports
    // ("on Tuesday", "two days ago", "on February 3") from two outlets.
    let mut riga = find(&reg, IncidentKind::SabotageArson, "Riga");
    riga.sort_by_key(|r| r.date.as_ref().unwrap().start);
    assert_eq!(riga.len(), 2);
    assert_eq!(riga[0].date.as_ref().unwrap().start, day(2, 3));
    assert_eq!(riga[0].date.as_ref().unwrap().precision, When::Day);
    assert_eq!(riga[0].independent_sources, 2, "balticwire twice + nordpost");
    let reports: std::collections::BTreeSet<_> = riga[0].sources.iter().map(|s| s.article.clone()).collect();
    assert_eq!(reports.len(), 3);
    assert!(riga[0].actors.iter().any(|a| a.wording.contains("attributed by Latvian investigators to")), "{:?}", riga[0].actors);
    assert_eq!(riga[1].date.as_ref().unwrap().start, day(3, 2));
    assert_eq!(riga[1].independent_sources, 1);

    // The cable damage: "yesterday" (Feb 11 report) and "on Tuesday" (Feb 12 report) are one
    // incident on Feb 10; two cables vs three is kept as a conflict.
    let cable = find(&reg, IncidentKind::CableDamage, "Gulf of Finland");
    assert_eq!(cable.len(), 1);
    assert_eq!(cable[0].date.as_ref().unwrap().start, day(2, 10));
    assert_eq!(cable[0].independent_sources, 2);
    let conflict = cable[0].conflicts.iter().find(|c| c.field == "count").expect("count conflict");
    assert_eq!(conflict.values.len(), 2);

    // The drones over Aalborg airport, told a day and nine days later.
    let drones = find(&reg, IncidentKind::DroneIncursion, "Aalborg");
    assert_eq!(drones.len(), 1);
    assert_eq!(drones[0].date.as_ref().unwrap().start, day(2, 17));
    assert_eq!(drones[0].independent_sources, 2);

    // Single-source rows.
    let arrest = find(&reg, IncidentKind::EspionageArrest, "Gdańsk");
    assert_eq!(arrest.len(), 1);
    assert_eq!(arrest[0].date.as_ref().unwrap().start, day(2, 25));
    let gps = reg.rows.iter().find(|r| r.kind == IncidentKind::GpsJamming).expect("gps row");
    let d = gps.date.as_ref().unwrap();
    assert_eq!((d.start, d.end), (day(3, 2), day(3, 8)), "last week of a March 10 report");
    assert!(gps.places.iter().any(|p| p.cc.as_deref() == Some("LT")));

    // The tally is an aggregate; the hypothetical drone sentence is no mention at all.
    assert!(reg.aggregates.iter().any(|a| a.count.as_ref().is_some_and(|c| c.value == Some(30.0))));
    assert!(!reg.rows.iter().flat_map(|r| &r.sources).any(|s| s.text.contains("would require")));
}
