//! Self-contained SVG drawings of register rows for the dossier and the web UI:
//! a timeline and a map. Offline by construction: no tiles, no fonts, no
//! scripts; every text is XML-escaped; each row carries a `<title>` tooltip.
//!
//! The map is an equirectangular view of Europe: a hand-simplified land outline
//! (`LAND`, about 1° accurate), a 5° graticule and the gazetteer's country
//! points as faint reference dots; incidents are circles sized by their number
//! of independent sources.

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
        // Meetings and interviews are never register rows.
        IncidentKind::Other | IncidentKind::DiplomaticMeeting | IncidentKind::Interview => "#444444",
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
        t = if yearly || t.month() == 12 {
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

/// A hand-simplified land outline of Europe and its rim (about 1° accuracy),
/// written for crosscheck from general geographic knowledge of coastline shapes
/// (as published by Natural Earth, public domain). Rings of (lon, lat); the
/// first is the mainland (its east edge is the frame), `WATER` rings are inland
/// seas drawn over it.
pub const LAND: &[&[(f64, f64)]] = &[
    &[
        (-5.6, 36.0), (-6.3, 36.8), (-7.4, 37.2), (-8.9, 37.0), (-8.8, 38.7), (-9.5, 38.8), (-8.9, 40.2), (-8.7, 42.0),
        (-9.3, 42.9), (-8.2, 43.7), (-5.7, 43.6), (-3.8, 43.5), (-1.8, 43.4), (-1.4, 44.6), (-1.2, 46.2), (-2.2, 47.1),
        (-4.4, 47.8), (-4.8, 48.4), (-3.0, 48.8), (-1.6, 48.7), (-1.9, 49.7), (-0.2, 49.3), (1.6, 50.2), (1.6, 50.9),
        (3.2, 51.3), (4.0, 51.9), (4.7, 52.9), (5.5, 53.4), (7.0, 53.6), (8.5, 53.6), (8.9, 54.0), (8.6, 55.0),
        (8.1, 55.5), (8.1, 56.8), (8.6, 57.1), (10.6, 57.7), (10.5, 57.2), (10.9, 56.4), (10.2, 55.8), (9.8, 55.0),
        (10.0, 54.5), (11.0, 54.0), (12.5, 54.4), (13.8, 54.1), (14.3, 53.9), (16.0, 54.3), (18.6, 54.8), (18.7, 54.4),
        (19.9, 54.4), (21.1, 55.0), (21.1, 55.7), (21.0, 56.5), (21.6, 57.4), (22.6, 57.7), (23.5, 57.0), (24.1, 57.0),
        (24.4, 57.9), (23.6, 58.5), (23.5, 58.9), (24.8, 59.5), (28.0, 59.5), (29.0, 60.0), (30.3, 59.9), (29.0, 60.2),
        (27.5, 60.5), (25.0, 60.2), (22.9, 59.9), (21.4, 60.9), (21.5, 61.6), (21.2, 62.8), (21.5, 63.2), (24.5, 64.9),
        (25.5, 65.0), (24.1, 65.8), (22.1, 65.6), (21.0, 64.7), (20.3, 63.8), (18.9, 63.2), (17.4, 62.5), (17.2, 61.3),
        (18.5, 60.2), (18.9, 59.3), (16.9, 58.2), (16.5, 57.3), (16.0, 56.2), (14.3, 56.0), (12.9, 55.4), (12.7, 56.2),
        (11.9, 57.7), (11.2, 58.9), (10.7, 59.9), (10.4, 59.2), (8.0, 58.1), (6.7, 58.1), (5.6, 58.9), (5.1, 60.4),
        (5.0, 61.6), (5.9, 62.5), (7.7, 63.1), (9.7, 63.7), (10.8, 64.9), (12.4, 66.0), (13.9, 67.5), (14.4, 68.2),
        (16.5, 68.6), (18.9, 69.7), (21.0, 70.1), (23.7, 70.7), (25.8, 71.1), (28.0, 71.0), (30.0, 69.8), (33.0, 69.4),
        (36.5, 69.1), (41.0, 67.7), (41.3, 66.8), (38.5, 66.1), (40.5, 64.5), (44.0, 66.0), (45.0, 68.0), (45.0, 34.0),
        (36.0, 34.0), (35.9, 34.5), (35.8, 35.8), (36.2, 36.6), (34.6, 36.8), (32.0, 36.3), (30.6, 36.8), (28.2, 36.7),
        (27.3, 37.0), (26.3, 38.3), (26.2, 39.5), (26.4, 40.1), (26.0, 40.8), (24.5, 40.9), (22.9, 40.6), (22.6, 40.0),
        (23.2, 39.2), (22.9, 38.5), (24.0, 37.8), (23.0, 37.3), (22.4, 36.4), (21.7, 36.8), (21.1, 37.8), (21.6, 38.3),
        (20.7, 38.9), (20.2, 39.6), (19.4, 40.3), (19.5, 41.8), (18.5, 42.4), (17.0, 43.3), (15.9, 43.6), (15.2, 44.3),
        (14.4, 45.3), (13.6, 45.1), (13.7, 45.6), (12.3, 45.4), (12.4, 44.2), (13.6, 43.6), (14.2, 42.5), (16.0, 41.4),
        (16.9, 41.1), (18.5, 40.1), (17.2, 40.5), (16.5, 39.6), (17.1, 39.0), (16.1, 38.0), (15.6, 38.2), (15.7, 39.4),
        (15.0, 40.2), (14.3, 40.8), (13.0, 41.3), (12.2, 41.8), (11.1, 42.4), (10.5, 43.3), (10.2, 43.9), (8.9, 44.4),
        (7.5, 43.8), (6.2, 43.1), (4.8, 43.4), (3.2, 43.2), (3.1, 42.4), (3.2, 41.9), (2.2, 41.4), (0.9, 41.0),
        (-0.3, 39.5), (0.2, 38.8), (-0.5, 38.3), (-0.8, 37.6), (-2.1, 36.7), (-4.4, 36.7),
    ],
    // Great Britain
    &[
        (-5.7, 50.1), (-4.2, 50.4), (-3.0, 50.7), (-1.4, 50.8), (0.3, 50.8), (1.4, 51.2), (0.9, 51.6), (1.7, 52.6),
        (0.3, 53.1), (0.1, 53.6), (-0.4, 54.5), (-1.5, 55.0), (-1.8, 55.8), (-2.6, 56.0), (-2.5, 56.6), (-1.8, 57.5),
        (-3.0, 57.7), (-4.0, 57.6), (-3.1, 58.6), (-5.0, 58.6), (-5.7, 57.3), (-5.6, 56.4), (-5.6, 55.3), (-5.0, 54.6),
        (-3.6, 54.9), (-3.3, 54.3), (-3.0, 53.4), (-4.6, 53.3), (-4.2, 52.8), (-4.1, 52.3), (-5.2, 51.8), (-3.2, 51.4),
        (-4.2, 51.2), (-5.0, 50.5),
    ],
    // Ireland
    &[
        (-6.4, 52.2), (-6.2, 53.3), (-6.0, 54.0), (-5.5, 54.6), (-6.2, 55.2), (-7.3, 55.4), (-8.3, 55.1), (-8.6, 54.3),
        (-10.0, 54.2), (-9.9, 53.4), (-9.0, 53.2), (-9.9, 52.6), (-10.4, 52.1), (-9.6, 51.5), (-8.5, 51.6), (-7.0, 52.1),
    ],
    // Iceland
    &[(-22.0, 64.0), (-24.0, 65.5), (-22.4, 66.4), (-18.0, 66.2), (-14.5, 66.3), (-13.5, 65.2), (-14.6, 64.4), (-16.9, 63.8), (-18.8, 63.4), (-21.0, 63.8)],
    // Zealand and Funen
    &[(11.1, 55.7), (11.8, 55.95), (12.6, 56.0), (12.6, 55.6), (12.2, 55.2), (11.5, 55.1), (11.2, 55.3)],
    &[(9.8, 55.5), (10.4, 55.6), (10.8, 55.3), (10.5, 55.0), (10.0, 55.1)],
    // Sicily, Sardinia, Corsica, Crete, Cyprus
    &[(12.4, 37.8), (13.3, 38.2), (15.6, 38.3), (15.1, 37.3), (15.1, 36.7), (14.5, 36.8), (12.6, 37.6)],
    &[(8.4, 39.0), (8.2, 40.6), (9.2, 41.2), (9.8, 40.5), (9.6, 39.1), (8.9, 39.0)],
    &[(8.6, 41.5), (9.4, 41.4), (9.5, 43.0), (8.7, 42.6)],
    &[(23.5, 35.3), (24.5, 35.4), (26.3, 35.3), (26.2, 35.0), (24.7, 34.9), (23.6, 35.2)],
    &[(32.3, 34.7), (33.0, 34.6), (34.0, 35.0), (34.6, 35.7), (33.0, 35.4), (32.3, 35.1)],
    // North Africa (to the frame's southern edge)
    &[(-6.8, 34.0), (-6.0, 35.8), (-2.0, 35.1), (1.0, 36.5), (3.0, 36.8), (6.6, 37.0), (9.8, 37.3), (11.1, 36.9), (10.5, 36.0), (10.2, 34.0)],
];

/// Inland seas drawn over the mainland, rings of (lon, lat).
pub const WATER: &[&[(f64, f64)]] = &[
    // Black Sea
    &[
        (29.0, 41.2), (28.0, 41.6), (27.9, 42.5), (28.6, 43.5), (28.7, 44.2), (29.7, 45.2), (30.7, 46.5), (31.5, 46.6),
        (32.6, 45.9), (32.5, 45.4), (33.5, 44.5), (34.5, 44.6), (35.4, 45.0), (36.5, 45.3), (37.8, 44.7), (39.7, 43.6),
        (41.6, 41.6), (39.7, 41.0), (36.3, 41.3), (35.0, 42.0), (33.0, 41.9), (31.4, 41.3),
    ],
    // Sea of Azov
    &[(35.0, 45.7), (35.5, 46.4), (37.5, 47.1), (39.2, 47.2), (38.2, 46.2), (37.0, 45.3), (35.9, 45.4)],
];

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
    let ring = |pts: &[(f64, f64)]| {
        let mut d = String::new();
        for (i, (lon, lat)) in pts.iter().enumerate() {
            let (x, y) = proj(*lat, *lon);
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
        d
    };
    let land: String = LAND.iter().map(|r| ring(r)).collect();
    let water: String = WATER.iter().map(|r| ring(r)).collect();
    let _ = write!(
        out,
        r##"<path d="{land}" fill="#e6e2d6" stroke="#b9b3a0" stroke-width="0.7"/><path d="{water}" fill="#f4f8fb" stroke="#b9b3a0" stroke-width="0.7"/>"##
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
        let (Some(lat), Some(lon)) = (p.lat, p.lon) else { continue };
        if !inside(lat, lon) {
            continue;
        }
        let (x, y) = proj(lat, lon);
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
        // The most specific place with coordinates (an unknown port falls back to its country).
        let Some((lat, lon)) = r.places.iter().find_map(|p| Some((p.lat?, p.lon?))) else { continue };
        if !inside(lat, lon) {
            continue;
        }
        let (mut x, mut y) = proj(lat, lon);
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
    // The legend sits over the open Atlantic, bottom left.
    let kinds = {
        let mut k: Vec<IncidentKind> = rows.iter().map(|r| r.kind).collect();
        k.sort();
        k.dedup();
        k.len()
    };
    legend(&mut out, rows, 10.0, h - 14.0 * kinds as f64 - 6.0);
    let _ = write!(
        out,
        r##"<text x="6" y="{:.1}" font-size="10" fill="#333">{} incident(s) on the map; {} without a place in this frame. Graticule 5°, equirectangular.</text></svg>"##,
        h + 16.0,
        shown,
        rows.len() - shown
    );
    out
}
