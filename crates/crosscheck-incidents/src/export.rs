//! Register exports: a text table, JSON, CSV (RFC 4180) and Parquet.
//!
//! CSV and Parquet share one flat column set ([`COLUMNS`]): lists (actors,
//! sources, conflicts) are joined with " | " in one cell, so the files load
//! directly into pandas or pyarrow without nested types.

use crate::register::Register;
use crate::IncidentRow;

/// Flat columns of the CSV and Parquet exports.
pub const COLUMNS: &[&str] = &[
    "id", "kind", "date_start", "date_end", "date_precision", "place", "cc", "lat", "lon", "other_places",
    "multiplicity", "actors", "counts", "independent_sources", "outlets", "first_seen", "last_seen", "conflicts",
    "sources",
];

/// One row in the flat form; `None` is an empty cell / a null.
struct Flat {
    text: Vec<Option<String>>,
    lat: Option<f64>,
    lon: Option<f64>,
    independent_sources: i64,
}

fn actors_cell(r: &IncidentRow) -> String {
    r.actors.iter().map(|a| format!("{} [{}]", a.name, a.wording)).collect::<Vec<_>>().join(" | ")
}

fn sources_cell(r: &IncidentRow) -> String {
    r.sources
        .iter()
        .map(|s| format!("{}:{}-{} ({})", s.article, s.span.start, s.span.end, s.source))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn conflicts_cell(r: &IncidentRow) -> String {
    r.conflicts
        .iter()
        .map(|c| {
            let vals: Vec<String> = c.values.iter().map(|v| format!("{} ({})", v.value, v.sources.join(", "))).collect();
            format!("{}: {}", c.field, vals.join(" vs "))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn flatten(r: &IncidentRow) -> Flat {
    let some = |s: String| (!s.is_empty()).then_some(s);
    let text = vec![
        Some(r.id.clone()),
        Some(r.kind.as_str().to_string()),
        r.date.as_ref().map(|d| d.start.to_string()),
        r.date.as_ref().map(|d| d.end.to_string()),
        r.date.as_ref().map(|d| format!("{:?}", d.precision).to_lowercase()),
        r.place.as_ref().map(|p| p.name.clone()),
        r.place.as_ref().and_then(|p| p.cc.clone()),
        None,
        None,
        some(r.places.iter().skip(1).map(|p| p.name.clone()).collect::<Vec<_>>().join(" | ")),
        Some(format!("{:?}", r.multiplicity).to_lowercase()),
        some(actors_cell(r)),
        some(r.counts.iter().map(|k| format!("{} {}", k.display(), k.noun)).collect::<Vec<_>>().join(" | ")),
        None,
        Some(r.outlets.join(" | ")),
        r.first_seen.map(|d| d.to_string()),
        r.last_seen.map(|d| d.to_string()),
        some(conflicts_cell(r)),
        Some(sources_cell(r)),
    ];
    Flat {
        text,
        lat: r.place.as_ref().and_then(|p| p.lat),
        lon: r.place.as_ref().and_then(|p| p.lon),
        independent_sources: r.independent_sources as i64,
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The rows as CSV with a header line.
pub fn to_csv(rows: &[IncidentRow]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for r in rows {
        let f = flatten(r);
        let cells: Vec<String> = COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| match *c {
                "lat" => f.lat.map(|v| v.to_string()).unwrap_or_default(),
                "lon" => f.lon.map(|v| v.to_string()).unwrap_or_default(),
                "independent_sources" => f.independent_sources.to_string(),
                _ => csv_cell(f.text[i].as_deref().unwrap_or("")),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The register as pretty JSON: `{"incidents": [...], "aggregates": [...], "unlocated": [...]}`.
pub fn to_json(reg: &Register) -> String {
    let v = serde_json::json!({
        "incidents": reg.rows,
        "aggregates": reg.aggregates,
        "unlocated": reg.unlocated,
    });
    serde_json::to_string_pretty(&v).expect("register serialises")
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A plain-text table for the terminal, one line per row plus its source lines.
pub fn to_table(reg: &Register) -> String {
    let mut out = format!(
        "{:<12}  {:<12}  {:<19}  {:<24}  {:>3}  {}\n",
        "id", "date", "kind", "place", "src", "actors / conflicts"
    );
    for r in &reg.rows {
        let date = r.date.as_ref().map(|d| d.display()).unwrap_or_else(|| "-".into());
        let place = r
            .place
            .as_ref()
            .map(|p| match &p.cc {
                Some(cc) if p.kind != crate::PlaceKind::Country => format!("{} ({cc})", p.name),
                _ => p.name.clone(),
            })
            .unwrap_or_else(|| "-".into());
        let mut extra: Vec<String> = r.actors.iter().map(|a| format!("{} [{}]", a.name, a.wording)).collect();
        if !r.conflicts.is_empty() {
            extra.push(format!("CONFLICT {}", conflicts_cell(r)));
        }
        out.push_str(&format!(
            "{:<12}  {:<12}  {:<19}  {:<24}  {:>3}  {}\n",
            r.id,
            clip(&date, 12),
            clip(r.kind.as_str(), 19),
            clip(&place, 24),
            r.independent_sources,
            clip(&extra.join("; "), 100)
        ));
        for s in &r.sources {
            let how = if s.attached { " (joined: no place/date of its own)" } else { "" };
            out.push_str(&format!("{:>14}{} @{}-{}: «{}»{}\n", "", s.source, s.span.start, s.span.end, clip(&s.cue, 90), how));
        }
    }
    out.push_str(&format!(
        "{} incident rows; {} aggregate claims; {} mentions too vague to place\n",
        reg.rows.len(),
        reg.aggregates.len(),
        reg.unlocated.len()
    ));
    for a in &reg.aggregates {
        let count = a.count.as_ref().map(|k| format!("{} {}", k.display(), k.noun)).unwrap_or_else(|| a.cue.clone());
        out.push_str(&format!(
            "  aggregate  {:<19}  {:<32}  {} @{}: {}\n",
            a.kind.as_str(),
            clip(&count, 32),
            a.source,
            a.sentence.start,
            clip(&a.sentence_text, 70)
        ));
    }
    out
}

/// The rows as a Parquet file (uncompressed, one row group), same columns as [`to_csv`].
#[cfg(feature = "parquet")]
pub fn to_parquet(rows: &[IncidentRow]) -> Result<Vec<u8>, crate::IncidentsError> {
    use std::sync::Arc;

    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    let err = |e: parquet::errors::ParquetError| crate::IncidentsError::Parquet(e.to_string());
    let mut schema = String::from("message incidents {\n");
    for c in COLUMNS {
        match *c {
            "lat" | "lon" => schema.push_str(&format!("  OPTIONAL DOUBLE {c};\n")),
            "independent_sources" => schema.push_str(&format!("  REQUIRED INT64 {c};\n")),
            _ => schema.push_str(&format!("  OPTIONAL BYTE_ARRAY {c} (UTF8);\n")),
        }
    }
    schema.push('}');
    let schema = Arc::new(parse_message_type(&schema).map_err(err)?);
    let props = Arc::new(WriterProperties::builder().build());
    let flats: Vec<Flat> = rows.iter().map(flatten).collect();
    let mut buf = Vec::new();
    {
        let mut writer = SerializedFileWriter::new(&mut buf, schema, props).map_err(err)?;
        let mut rg = writer.next_row_group().map_err(err)?;
        let mut col_index = 0;
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let name = COLUMNS[col_index];
            match name {
                "lat" | "lon" => {
                    let vals: Vec<Option<f64>> = flats.iter().map(|f| if name == "lat" { f.lat } else { f.lon }).collect();
                    let def: Vec<i16> = vals.iter().map(|v| v.is_some() as i16).collect();
                    let data: Vec<f64> = vals.into_iter().flatten().collect();
                    col.typed::<DoubleType>().write_batch(&data, Some(&def), None).map_err(err)?;
                }
                "independent_sources" => {
                    let data: Vec<i64> = flats.iter().map(|f| f.independent_sources).collect();
                    col.typed::<Int64Type>().write_batch(&data, None, None).map_err(err)?;
                }
                _ => {
                    let def: Vec<i16> = flats.iter().map(|f| f.text[col_index].is_some() as i16).collect();
                    let data: Vec<ByteArray> =
                        flats.iter().filter_map(|f| f.text[col_index].as_deref().map(ByteArray::from)).collect();
                    col.typed::<ByteArrayType>().write_batch(&data, Some(&def), None).map_err(err)?;
                }
            }
            col.close().map_err(err)?;
            col_index += 1;
        }
        rg.close().map_err(err)?;
        writer.close().map_err(err)?;
    }
    Ok(buf)
}

/// Parquet export is compiled out.
#[cfg(not(feature = "parquet"))]
pub fn to_parquet(_rows: &[IncidentRow]) -> Result<Vec<u8>, crate::IncidentsError> {
    Err(crate::IncidentsError::ParquetDisabled)
}
