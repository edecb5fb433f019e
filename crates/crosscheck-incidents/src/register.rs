//! Merging mentions into register rows.
//!
//! Pass 1 takes the mentions that locate or date an incident (a place more
//! specific than a continent, or a date) and clusters them greedily in article
//! order: a mention joins the best existing row of its kind whose places are
//! compatible (same place, same country, or one containing the other — two
//! different cities never) and whose dates all overlap its own (a day of
//! tolerance around day-precise dates); the place match, date match and the
//! overlap of the sentences' content words rank candidates.
//!
//! Pass 2 takes the vague mentions (no place, or only "Europe"; no date of a
//! month or better): one joins the row its own article located for that kind
//! when there is exactly one, else the only row of its kind that can take it;
//! otherwise it is kept apart as unlocated. Aggregate claims are kept apart too: "over 110
//! incidents" is one claim, never 110 rows.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use crosscheck_core::text::match_words;
use crosscheck_core::Article;
use serde::{Deserialize, Serialize};

use crate::gazetteer::{best_compatibility, Place};
use crate::mentions::mentions_of_article;
use crate::tables;
use crate::{Actor, Conflict, ConflictValue, Count, IncidentKind, IncidentRow, Mention, Multiplicity, SourceRef};

/// The register: rows, plus what could not become a row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Register {
    pub rows: Vec<IncidentRow>,
    /// Aggregate and campaign claims ("over 110 sabotage incidents across Europe").
    pub aggregates: Vec<Mention>,
    /// Mentions too vague to place in one row (no place, no date, several candidate rows or none).
    pub unlocated: Vec<Mention>,
}

/// Row selection of `crosscheck incidents`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Rows whose date (or, undated, last sighting) ends on or after this day.
    pub since: Option<NaiveDate>,
    pub kind: Option<IncidentKind>,
    /// ISO country code: rows with a place in that country.
    pub country: Option<String>,
}

impl Filter {
    pub fn accepts(&self, row: &IncidentRow) -> bool {
        if let Some(k) = self.kind {
            if row.kind != k {
                return false;
            }
        }
        if let Some(cc) = &self.country {
            let cc = cc.to_uppercase();
            if !row.places.iter().any(|p| p.cc.as_deref() == Some(cc.as_str())) {
                return false;
            }
        }
        if let Some(since) = self.since {
            let end = row.date.as_ref().map(|d| d.end).or(row.last_seen);
            if end.is_none_or(|e| e < since) {
                return false;
            }
        }
        true
    }
}

impl Register {
    /// The rows a filter accepts (aggregates and unlocated mentions are kept as they are).
    pub fn filtered(&self, f: &Filter) -> Register {
        Register {
            rows: self.rows.iter().filter(|r| f.accepts(r)).cloned().collect(),
            aggregates: self.aggregates.clone(),
            unlocated: self.unlocated.clone(),
        }
    }
}

/// Mentions of every article, merged into the register.
pub fn register_of_articles(articles: &[Article]) -> Register {
    let mentions = articles.iter().flat_map(mentions_of_article).collect();
    build_register(mentions)
}

/// A row in the making, with its places and description words kept up to date
/// as members join (scoring a candidate must not re-read every member).
struct Cluster {
    kind: IncidentKind,
    members: Vec<(Mention, bool)>,
    places: Vec<Place>,
    words: BTreeSet<String>,
}

impl Cluster {
    fn new(m: Mention) -> Cluster {
        let mut c = Cluster { kind: m.kind, members: Vec::new(), places: Vec::new(), words: BTreeSet::new() };
        c.push(m, false);
        c
    }

    fn push(&mut self, m: Mention, attached: bool) {
        if !attached {
            for p in &m.places {
                if !self.places.iter().any(|q| q.id == p.place.id) {
                    self.places.push(p.place.clone());
                }
            }
        }
        self.words.extend(content_words(&m.sentence_text));
        self.members.push((m, attached));
    }

    fn places(&self) -> Vec<Place> {
        self.places.clone()
    }

    /// Whether `m` (whose places are `mp` and content words `mine`) fits, and how well.
    fn score(&self, m: &Mention, mp: &[Place], mine: &BTreeSet<String>) -> Option<f64> {
        if m.kind != self.kind {
            return None;
        }
        let place = match best_compatibility(mp, &self.places) {
            Some(0) => return None,
            Some(c) => c as f64,
            None => 0.5,
        };
        let mut date = 0.0;
        if let Some(d) = &m.date {
            for (o, _) in &self.members {
                if let Some(od) = &o.date {
                    if !d.compatible(od, tables::DAY_TOLERANCE) {
                        return None;
                    }
                    date = 1.0;
                }
            }
        }
        let inter = mine.intersection(&self.words).count() as f64;
        let union = (mine.len() + self.words.len()) as f64 - inter;
        Some(place * 2.0 + date * 2.0 + inter / union.max(1.0))
    }
}

/// Which rows a mention can possibly join, so merging is not quadratic: rows are
/// filed under their kind and every key of their places (place id, country,
/// member countries of a region or sea). Two compatible places always share a
/// key, except an unknown (named) place or a continent, which is compatible
/// with places of no shared key: rows and mentions with such places, or with
/// none, are compared with every row of their kind.
#[derive(Default)]
struct CandidateIndex {
    by_key: std::collections::HashMap<(IncidentKind, String), Vec<usize>>,
    wide: std::collections::HashMap<IncidentKind, Vec<usize>>,
    all: std::collections::HashMap<IncidentKind, Vec<usize>>,
}

fn is_wide(places: &[Place]) -> bool {
    places.is_empty() || places.iter().any(|p| matches!(p.kind, crate::PlaceKind::Named | crate::PlaceKind::Continent))
}

fn place_keys(p: &Place) -> Vec<String> {
    let mut keys = vec![p.id.clone()];
    if let Some(cc) = &p.cc {
        keys.push(format!("cc:{cc}"));
    }
    if let Some(e) = crate::gazetteer::entry_by_id(&p.id) {
        keys.extend(e.members.iter().map(|m| format!("cc:{m}")));
    }
    keys
}

impl CandidateIndex {
    fn candidates(&self, kind: IncidentKind, places: &[Place]) -> Vec<usize> {
        if is_wide(places) {
            return self.all.get(&kind).cloned().unwrap_or_default();
        }
        let mut out: Vec<usize> = self.wide.get(&kind).cloned().unwrap_or_default();
        for p in places {
            for k in place_keys(p) {
                if let Some(v) = self.by_key.get(&(kind, k)) {
                    out.extend(v);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// File (or re-file, after it gained places) row `i`.
    fn add(&mut self, i: usize, c: &Cluster) {
        let push = |v: &mut Vec<usize>| {
            if !v.contains(&i) {
                v.push(i)
            }
        };
        push(self.all.entry(c.kind).or_default());
        if is_wide(&c.places) {
            push(self.wide.entry(c.kind).or_default());
        }
        for p in &c.places {
            for k in place_keys(p) {
                push(self.by_key.entry((c.kind, k)).or_default());
            }
        }
    }
}

fn content_words(s: &str) -> BTreeSet<String> {
    match_words(s).into_iter().filter(|w| w.len() > 2 && !crosscheck_lexicon::english().is_stopword(w) && !tables::DESCRIPTION_NEUTRAL_WORDS.contains(&w.as_str())).collect()
}

/// A date that can tell incidents apart: a month or better.
fn has_specific_date(m: &Mention) -> bool {
    m.date.as_ref().is_some_and(|d| d.days() <= tables::SPECIFIC_DATE_MAX_DAYS)
}

fn is_vague(m: &Mention) -> bool {
    !m.is_located() && !has_specific_date(m)
}

/// Merge mentions into rows (see the module doc).
pub fn build_register(mut mentions: Vec<Mention>) -> Register {
    mentions.sort_by(|a, b| {
        (a.article_date, &a.article, a.sentence.start, a.cue_span.start).cmp(&(b.article_date, &b.article, b.sentence.start, b.cue_span.start))
    });
    let mut aggregates = Vec::new();
    let mut vague = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = CandidateIndex::default();
    for m in mentions {
        if m.multiplicity == Multiplicity::Aggregate {
            aggregates.push(m);
            continue;
        }
        if is_vague(&m) {
            vague.push(m);
            continue;
        }
        let mine = content_words(&m.sentence_text);
        let mp: Vec<Place> = m.places.iter().map(|p| p.place.clone()).collect();
        let best = index
            .candidates(m.kind, &mp)
            .into_iter()
            .map(|i| (i, &clusters[i]))
            .filter(|(_, c)| !m.distinct || !c.members.iter().any(|(o, _)| o.article == m.article))
            .filter_map(|(i, c)| c.score(&m, &mp, &mine).map(|s| (i, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let i = match best {
            Some((i, _)) => {
                clusters[i].push(m, false);
                i
            }
            None => {
                clusters.push(Cluster::new(m));
                clusters.len() - 1
            }
        };
        index.add(i, &clusters[i]);
    }
    let mut unlocated = Vec::new();
    for m in vague {
        if m.distinct {
            unlocated.push(m);
            continue;
        }
        let mine = content_words(&m.sentence_text);
        let mp: Vec<Place> = m.places.iter().map(|p| p.place.clone()).collect();
        let fits: Vec<usize> =
            index.candidates(m.kind, &mp).into_iter().filter(|&i| clusters[i].score(&m, &mp, &mine).is_some()).collect();
        // A vague sentence in an article that located exactly one incident of its
        // kind refers back to it ("Police suspect arson." after "A fire destroyed…").
        let same_article: Vec<usize> = fits
            .iter()
            .copied()
            .filter(|&i| clusters[i].members.iter().any(|(o, attached)| !attached && o.article == m.article))
            .collect();
        if let [i] = same_article[..] {
            clusters[i].push(m, true);
        } else if let [i] = fits[..] {
            clusters[i].push(m, true);
        } else {
            unlocated.push(m);
        }
    }
    let mut rows: Vec<IncidentRow> = clusters.into_iter().map(row_of).collect();
    rows.sort_by(|a, b| {
        let ka = (a.date.as_ref().map(|d| d.start), a.kind, a.place.as_ref().map(|p| p.name.clone()));
        let kb = (b.date.as_ref().map(|d| d.start), b.kind, b.place.as_ref().map(|p| p.name.clone()));
        ka.cmp(&kb)
    });
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for r in rows.iter_mut() {
        let n = seen.entry(r.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.id = format!("{}-{}", r.id, n);
        }
    }
    Register { rows, aggregates, unlocated }
}

/// Outlet identity for counting independent sources.
fn outlet_key(source: &str) -> String {
    source.trim().to_lowercase().trim_start_matches("www.").to_string()
}

fn row_of(c: Cluster) -> IncidentRow {
    let kind = c.kind;
    let mut places = c.places();
    places.sort_by_key(|p| std::cmp::Reverse(p.kind.specificity()));
    let place = places.first().cloned();
    // Attached (vague) sources do not set the row's date: theirs may be a campaign's span.
    let date = c.members.iter().filter(|(_, a)| !a).filter_map(|(m, _)| m.date.clone()).min_by_key(|d| d.days());
    let mut actors: Vec<Actor> = Vec::new();
    let mut counts: Vec<Count> = Vec::new();
    let mut outlets: Vec<String> = Vec::new();
    let mut sources = Vec::new();
    let mut multiplicity = Multiplicity::Several;
    for (m, attached) in &c.members {
        for a in &m.actors {
            if !actors.iter().any(|x| x.name == a.name && x.wording == a.wording) {
                actors.push(a.clone());
            }
        }
        if let Some(k) = &m.count {
            counts.push(k.clone());
        }
        let key = outlet_key(&m.source);
        if !outlets.iter().any(|o| outlet_key(o) == key) {
            outlets.push(m.source.clone());
        }
        if m.multiplicity == Multiplicity::Single {
            multiplicity = Multiplicity::Single;
        }
        sources.push(SourceRef {
            article: m.article.clone(),
            source: m.source.clone(),
            span: m.sentence,
            text: m.sentence_text.clone(),
            cue: m.cue.clone(),
            article_date: m.article_date,
            date: m.date.clone(),
            count: m.count.clone(),
            places: m.places.iter().map(|p| p.place.name.clone()).collect(),
            attached: *attached,
        });
    }
    let conflicts = conflicts_of(&c);
    let first_seen = c.members.iter().filter_map(|(m, _)| m.article_date).min();
    let last_seen = c.members.iter().filter_map(|(m, _)| m.article_date).max();
    let id_key = format!(
        "{}|{}|{}",
        kind.as_str(),
        place.as_ref().map(|p| p.id.as_str()).unwrap_or("-"),
        date.as_ref().map(|d| d.display()).unwrap_or_else(|| "-".into())
    );
    let id = blake3::hash(id_key.as_bytes()).to_hex()[..12].to_string();
    IncidentRow {
        id,
        kind,
        multiplicity,
        date,
        place,
        places,
        actors,
        counts,
        independent_sources: outlets.len(),
        outlets,
        first_seen,
        last_seen,
        sources,
        conflicts,
    }
}

fn push_value(values: &mut Vec<ConflictValue>, value: String, source: &str) {
    match values.iter_mut().find(|v| v.value == value) {
        Some(v) => {
            if !v.sources.iter().any(|s| s == source) {
                v.sources.push(source.to_string());
            }
        }
        None => values.push(ConflictValue { value, sources: vec![source.to_string()] }),
    }
}

/// Details the sources disagree on: counts (2 vs "multiple"), day-precise dates,
/// and places that cannot be one scene.
fn conflicts_of(c: &Cluster) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut counts = Vec::new();
    for (m, _) in &c.members {
        if let Some(k) = &m.count {
            push_value(&mut counts, format!("{} {}", k.display(), k.noun), &m.source);
        }
    }
    let distinct_counts: BTreeSet<String> =
        c.members.iter().filter_map(|(m, _)| m.count.as_ref().map(|k| k.display())).collect();
    if distinct_counts.len() > 1 {
        out.push(Conflict { field: "count".into(), values: counts });
    }
    let mut days = Vec::new();
    for (m, attached) in &c.members {
        if *attached {
            continue;
        }
        if let Some(d) = &m.date {
            if d.precision == crate::When::Day {
                push_value(&mut days, d.display(), &m.source);
            }
        }
    }
    if days.len() > 1 {
        out.push(Conflict { field: "date".into(), values: days });
    }
    let placed: Vec<&Mention> = c.members.iter().filter(|(m, a)| !a && !m.places.is_empty()).map(|(m, _)| m).collect();
    let mut clash = false;
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            let pa: Vec<Place> = a.places.iter().map(|p| p.place.clone()).collect();
            let pb: Vec<Place> = b.places.iter().map(|p| p.place.clone()).collect();
            if best_compatibility(&pa, &pb) == Some(0) {
                clash = true;
            }
        }
    }
    if clash {
        let mut values = Vec::new();
        for m in placed {
            let names: Vec<&str> = m.places.iter().map(|p| p.place.name.as_str()).collect();
            push_value(&mut values, names.join(", "), &m.source);
        }
        out.push(Conflict { field: "place".into(), values });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    fn art(source: &str, text: &str) -> Article {
        ArticleBuilder::new(source, format!("{source}.txt"), SourceFormat::Text, text.as_bytes(), text).build(None, None).unwrap()
    }

    #[test]
    fn places_outside_the_gazetteer_still_merge_and_distinct_mentions_stay_apart() {
        let reg = register_of_articles(&[
            art("a", "A fire destroyed two warehouses at the Port of Kelmarsh overnight. A similar blaze hit a depot in 2019."),
            art("b", "Fire tore through warehouses at Kelmarsh port, officials said."),
            art("c", "Investigators said the fire at Kelmarsh was set deliberately."),
        ]);
        assert_eq!(reg.rows.len(), 1, "{:#?}", reg.rows);
        let row = &reg.rows[0];
        assert_eq!(row.place.as_ref().unwrap().id, "named/kelmarsh");
        assert_eq!(row.independent_sources, 3);
        assert!(reg.unlocated.iter().any(|m| m.distinct && m.sentence_text.contains("similar")));
    }

    #[test]
    fn filter_by_kind_country_and_since() {
        let reg = register_of_articles(&[
            art("a", "Riga – March 3, 2026 – Drones were spotted over Gdańsk airport on Monday. A fire destroyed a depot in Riga on February 2."),
        ]);
        assert_eq!(reg.rows.len(), 2);
        let f = |kind, country: Option<&str>, since| Filter { kind, country: country.map(str::to_string), since };
        assert_eq!(reg.filtered(&f(Some(IncidentKind::DroneIncursion), None, None)).rows.len(), 1);
        assert_eq!(reg.filtered(&f(None, Some("pl"), None)).rows[0].kind, IncidentKind::DroneIncursion);
        let since = NaiveDate::from_ymd_opt(2026, 3, 1);
        let recent = reg.filtered(&f(None, None, since));
        assert_eq!(recent.rows.len(), 1);
        assert_eq!(recent.rows[0].date.as_ref().unwrap().start, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    }
}
