//! Self-contained SVG drawings of register rows for the dossier and the web UI:
//! a timeline and a map. Offline by construction: no tiles, no fonts, no
//! scripts; every text is XML-escaped; each row carries a `<title>` tooltip.
//!
//! The map is an equirectangular view of Europe with a 5° graticule and the
//! gazetteer's country points as faint reference dots (no coastline data is
//! shipped); incidents are circles sized by their number of independent sources.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::gazetteer::{self, PlaceKind};
use crate::{IncidentKind, IncidentRow};

/// Escape text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A colour per kind (colour-blind-safe-ish palette).
pub fn kind_colour(k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::SabotageArson => "#d55e00",
        IncidentKind::Explosion => "#cc79a7",
        IncidentKind::CableDamage => "#0072b2",
        IncidentKind::DroneIncursion => "#e69f00",
        IncidentKind::AirspaceViolation => "#f0c000",
        IncidentKind::GpsJamming => "#56b4e9",
        IncidentKind::CyberAttack => "#009e73",
        IncidentKind::EspionageArrest => "#7f7f7f",
        IncidentKind::NavalShadowing => "#004c7a",
        IncidentKind::Strike => "#b00020",
        IncidentKind::MilitaryAircraft => "#8a5a00",
        IncidentKind::Other => "#444444",
    }
}

fn row_title(r: &IncidentRow) -> String {
    let date = r.date.as_ref().map(|d| d.display()).unwrap_or_else(|| "undated".into());
    let place = r.place.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| "unknown place".into());
    let actors: Vec<String> = r.actors.iter().map(|a| format!("{} ({})", a.name, a.wording)).collect();
    let mut t = format!("{} — {} — {} — {} source(s)", r.kind.label(), place, date, r.independent_sources);
    if !actors.is_empty() {
        t.push_str(&format!(" — {}", actors.join("; ")));
    }
    if !r.conflicts.is_empty() {
        t.push_str(&format!(" — {} conflicting detail(s)", r.conflicts.len()));
    }
    t
}

fn legend(out: &mut String, rows: &[IncidentRow], x: f64, y: f64) {
    let mut kinds: Vec<IncidentKind> = rows.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    for (i, k) in kinds.iter().enumerate() {
        let yy = y + i as f64 * 14.0;
        let _ = write!(
            out,
            r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="10">{}</text>"#,
            x,
            yy,
            kind_colour(*k),
            x + 8.0,
            yy + 3.5,
            escape(k.label())
        );
    }
}

/// A timeline of the dated rows: one lane per row, a dot for a day, a bar for a
/// range; undated rows are counted in the caption.
pub fn timeline_svg(rows: &[IncidentRow]) -> String {
    let dated: Vec<&IncidentRow> = rows.iter().filter(|r| r.date.is_some()).collect();
    let (w, left, lane, top) = (900.0_f64, 300.0_f64, 20.0_f64, 30.0_f64);
    let h = top + lane * dated.len().max(1) as f64 + 40.0;
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" role="img" aria-label="Incident timeline"><rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let undated = rows.len() - dated.len();
    let _ = write!(
        out,
        r#"<text x="8" y="18" font-size="12" font-weight="bold">Incident timeline ({} dated, {} undated)</text>"#,
        dated.len(),
        undated
    );
    if dated.is_empty() {
        out.push_str("</svg>");
        return out;
    }
    let min = dated.iter().map(|r| r.date.as_ref().unwrap().start).min().unwrap();
    let max = dated.iter().map(|r| r.date.as_ref().unwrap().end).max().unwrap();
    let span = ((max - min).num_days().max(1)) as f64;
    let plot_w = w - left - 20.0;
    let x_of = |d: NaiveDate| left + (d - min).num_days() as f64 / span * plot_w;
    // Axis with month ticks (or year ticks for long spans).
    let axis_y = top + lane * dated.len() as f64 + 6.0;
    let _ = write!(out, r##"<line x1="{left}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#555"/>"##, left + plot_w);
    let yearly = span > 800.0;
    let mut t = NaiveDate::from_ymd_opt(min.year(), if yearly { 1 } else { min.month() }, 1).unwrap();
    let mut ticks = 0;
    while t <= max && ticks < 60 {
        if t >= min {
            let x = x_of(t);
            let label = if yearly { t.format("%Y").to_string() } else { t.format("%b %Y").to_string() };
            let _ = write!(
                out,
                r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{axis_y}" stroke="#eee"/><text x="{x:.1}" y="{:.1}" font-size="9" text-anchor="middle">{}</text>"##,
                axis_y + 12.0,
                escape(&label)
            );
        }
        t = if yearly {
            NaiveDate::from_ymd_opt(t.year() + 1, 1, 1).unwrap()
        } else if t.month() == 12 {
            NaiveDate::from_ymd_opt(t.year() + 1, 1, 1).unwrap()
        } else {
            NaiveDate::from_ymd_opt(t.year(), t.month() + 1, 1).unwrap()
        };
        ticks += 1;
    }
    for (i, r) in dated.iter().enumerate() {
        let d = r.date.as_ref().unwrap();
        let y = top + lane * i as f64 + lane / 2.0;
        let colour = kind_colour(r.kind);
        let place = r.place.as_ref().map(|p| p.name.as_str()).unwrap_or("?");
        let label = format!("{} · {} · {}", d.display(), r.kind.label(), place);
        let _ = write!(out, r#"<g><title>{}</title>"#, escape(&row_title(r)));
        let _ = write!(out, r#"<text x="8" y="{:.1}" font-size="10">{}</text>"#, y + 3.5, escape(&label));
        let (x0, x1) = (x_of(d.start), x_of(d.end));
        if x1 - x0 < 4.0 {
            let _ = write!(out, r#"<circle cx="{x0:.1}" cy="{y:.1}" r="{:.1}" fill="{colour}"/>"#, 3.0 + r.independent_sources.min(6) as f64);
        } else {
            let _ = write!(
                out,
                r#"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="8" rx="3" fill="{colour}" fill-opacity="0.6"/>"#,
                y - 4.0,
                x1 - x0
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// Map bounds (degrees) and projection: equirectangular, x scaled by cos 52°.
const LON0: f64 = -25.0;
const LON1: f64 = 45.0;
const LAT0: f64 = 34.0;
const LAT1: f64 = 72.0;

/// A map of Europe with the located rows as circles (radius by independent
/// sources); rows outside the frame or without a place are counted in the caption.
pub fn map_svg(rows: &[IncidentRow]) -> String {
    let k = 12.0_f64;
    let cx = (52.0_f64).to_radians().cos();
    let (w, h) = ((LON1 - LON0) * cx * k, (LAT1 - LAT0) * k);
    let proj = |lat: f64, lon: f64| ((lon - LON0) * cx * k, (LAT1 - lat) * k);
    let inside = |lat: f64, lon: f64| (LAT0..=LAT1).contains(&lat) && (LON0..=LON1).contains(&lon);
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{:.0}" viewBox="0 0 {w:.1} {:.1}" font-family="sans-serif" role="img" aria-label="Incident map"><rect width="100%" height="100%" fill="#f4f8fb"/>"##,
        h + 24.0,
        h + 24.0
    );
    let mut lon = LON0;
    while lon <= LON1 {
        let (x, _) = proj(LAT0, lon);
        let _ = write!(out, r##"<line x1="{x:.1}" y1="0" x2="{x:.1}" y2="{h:.1}" stroke="#dde5ec" stroke-width="0.6"/>"##);
        if (lon as i64) % 10 == 0 {
            let _ = write!(out, r##"<text x="{:.1}" y="{:.1}" font-size="8" fill="#889">{}°</text>"##, x + 2.0, h - 3.0, lon as i64);
        }
        lon += 5.0;
    }
    let mut lat = LAT0;
    while lat <= LAT1 {
        let (_, y) = proj(lat, LON0);
        let _ = write!(out, r##"<line x1="0" y1="{y:.1}" x2="{w:.1}" y2="{y:.1}" stroke="#dde5ec" stroke-width="0.6"/>"##);
        if (lat as i64) % 10 == 0 {
            let _ = write!(out, r##"<text x="2" y="{:.1}" font-size="8" fill="#889">{}°N</text>"##, y - 2.0, lat as i64);
        }
        lat += 2.0;
    }
    // Reference points: countries and seas of the gazetteer.
    for e in gazetteer::entries() {
        let p = &e.place;
        if !inside(p.lat, p.lon) {
            continue;
        }
        let (x, y) = proj(p.lat, p.lon);
        match p.kind {
            PlaceKind::Country => {
                let _ = write!(
                    out,
                    r##"<circle cx="{x:.1}" cy="{y:.1}" r="1.5" fill="#b8c4cf"/><text x="{:.1}" y="{:.1}" font-size="7" fill="#9aa8b5">{}</text>"##,
                    x + 2.5,
                    y + 2.5,
                    escape(p.cc.as_deref().unwrap_or(""))
                );
            }
            PlaceKind::Sea => {
                let _ = write!(
                    out,
                    r##"<text x="{x:.1}" y="{y:.1}" font-size="8" font-style="italic" fill="#8fb0cc" text-anchor="middle">{}</text>"##,
                    escape(&p.name)
                );
            }
            _ => {}
        }
    }
    let mut shown = 0;
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for r in rows {
        let Some(p) = &r.place else { continue };
        if !inside(p.lat, p.lon) {
            continue;
        }
        let (mut x, mut y) = proj(p.lat, p.lon);
        // Rows at one place are fanned out so each stays visible.
        let same = placed.iter().filter(|(a, b)| (a - x).abs() < 1.0 && (b - y).abs() < 1.0).count();
        placed.push((x, y));
        if same > 0 {
            let angle = same as f64 * 2.1;
            x += 9.0 * angle.cos();
            y += 9.0 * angle.sin();
        }
        let radius = 4.0 + 2.0 * (r.independent_sources as f64).sqrt();
        let _ = write!(
            out,
            r##"<g><title>{}</title><circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}" fill="{}" fill-opacity="0.75" stroke="#222" stroke-width="0.6"/></g>"##,
            escape(&row_title(r)),
            kind_colour(r.kind)
        );
        shown += 1;
    }
    legend(&mut out, rows, w - 150.0, 14.0);
    let _ = write!(
        out,
        r##"<text x="6" y="{:.1}" font-size="10" fill="#333">{} incident(s) on the map; {} without a place in this frame. Graticule 5°, equirectangular.</text></svg>"##,
        h + 16.0,
        shown,
        rows.len() - shown
    );
    out
}
