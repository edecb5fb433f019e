//! Exports: CSV and Parquet load in pandas/pyarrow; JSON round-trips; the SVGs
//! are well-formed XML with escaped text.

use std::path::PathBuf;
use std::process::Command;

use crosscheck_incidents::{export, map_svg, register_of_articles, timeline_svg, Register};

fn register() -> Register {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/campaign");
    register_of_articles(&crosscheck_testkit::fixtures::text_articles(&dir))
}

#[test]
fn csv_has_one_line_per_row_and_quotes_cells() {
    let reg = register();
    let csv = export::to_csv(&reg.rows);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), reg.rows.len() + 1);
    assert_eq!(lines[0], export::COLUMNS.join(","));
    assert!(csv.contains("\"2026-02-03\"") || csv.contains(",2026-02-03,"), "{csv}");
}

#[test]
fn json_round_trips() {
    let reg = register();
    let v: serde_json::Value = serde_json::from_str(&export::to_json(&reg)).unwrap();
    let rows: Vec<crosscheck_incidents::IncidentRow> = serde_json::from_value(v["incidents"].clone()).unwrap();
    assert_eq!(rows, reg.rows);
}

/// Needs python3 with pandas and pyarrow (scripts/install-test-deps.sh); with
/// `CI` set it never skips.
#[test]
fn csv_and_parquet_load_in_pandas_and_pyarrow() {
    let reg = register();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("incidents.csv");
    let pq = dir.path().join("incidents.parquet");
    std::fs::write(&csv, export::to_csv(&reg.rows)).unwrap();
    let bytes = match export::to_parquet(&reg.rows) {
        Ok(b) => b,
        Err(crosscheck_incidents::IncidentsError::ParquetDisabled) => {
            crosscheck_testkit::missing("the CSV and Parquet check", "the `parquet` feature", "build crosscheck-incidents with its default features");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    std::fs::write(&pq, bytes).unwrap();
    let total: usize = reg.rows.iter().map(|r| r.independent_sources).sum();
    let script = format!(
        r#"
import sys, pandas, pyarrow.parquet as pq
c = pandas.read_csv(sys.argv[1])
t = pq.read_table(sys.argv[2])
p = t.to_pandas()
assert len(c) == {n}, len(c)
assert t.num_rows == {n}, t.num_rows
assert list(c.columns) == list(p.columns) == {cols:?}, (list(c.columns), list(p.columns))
assert int(c["independent_sources"].sum()) == int(p["independent_sources"].sum()) == {total}
assert str(t.schema.field("lat").type) == "double"
assert sorted(c["id"]) == sorted(p["id"])
print("ok", len(c))
"#,
        n = reg.rows.len(),
        cols = export::COLUMNS,
    );
    let out = Command::new("python3").arg("-c").arg(&script).arg(&csv).arg(&pq).output();
    let out = match out {
        Ok(o) => o,
        Err(e) => panic!("python3 is needed for this test (pip install pandas pyarrow): {e}"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("ModuleNotFoundError") && std::env::var_os("CROSSCHECK_SKIP_PYTHON_TESTS").is_some() && !crosscheck_testkit::under_ci() {
        eprintln!("skipped: pandas/pyarrow missing and CROSSCHECK_SKIP_PYTHON_TESTS set");
        return;
    }
    assert!(out.status.success(), "python failed (needs pandas and pyarrow):\n{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok"));
}

#[test]
fn svgs_are_well_formed_and_escape_text() {
    let mut reg = register();
    // Text from articles may hold markup characters; they must come out escaped.
    reg.rows[0].actors.push(crosscheck_incidents::Actor {
        name: "<script>alert(1)</script> & \"co\"".into(),
        wording: "attributed to".into(),
        attributed_by: None,
        span: crosscheck_core::Span::new(0, 1),
    });
    for svg in [timeline_svg(&reg.rows), map_svg(&reg.rows)] {
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert!(!svg.contains("<script"), "unescaped text");
        assert!(!svg.contains("http://") || svg.matches("http://").count() == 1, "no external references");
        let titles: Vec<String> = doc.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text().map(str::to_string)).collect();
        assert!(titles.iter().any(|t| t.contains("<script>alert(1)</script> & \"co\"")), "{titles:?}");
    }
    // Every located row is drawn on the map; every dated row has a lane on the timeline.
    let map = map_svg(&reg.rows);
    let doc = roxmltree::Document::parse(&map).unwrap();
    let drawn = doc.descendants().filter(|n| n.has_tag_name("g")).count();
    assert_eq!(drawn, reg.rows.iter().filter(|r| r.place.is_some()).count());
    let tl = timeline_svg(&reg.rows);
    let doc = roxmltree::Document::parse(&tl).unwrap();
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("g")).count(), reg.rows.iter().filter(|r| r.date.is_some()).count());
}
