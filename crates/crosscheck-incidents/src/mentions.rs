//! Incident mentions in one annotated article.
//!
//! For each sentence: take the incidents of the extraction stage's event layer
//! ([`crosscheck_extract::events`], which already left out intentions and
//! hypotheticals such as "an attempt to sabotage"), mark the ones a campaign head
//! governs ("a wave of sabotage") as aggregates, then give each cue the places
//! and dates of its stretch of the sentence: a place or date belongs to the
//! nearest cue before it, so a list such as "the cutting of two cables in the
//! Baltic Sea, drone violations over Poland, and cyber breaches…" becomes one
//! mention per item with its own place. Dates printed before the first cue
//! ("Last month a warship shadowed…") apply to every cue of the sentence.

use chrono::{Datelike, NaiveDate};
use crosscheck_core::{Article, Span};
use crosscheck_extract::Annotated;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::dates::IncidentDate;
use crate::gazetteer::{self, Place, PlaceKind};
use crosscheck_extract::{DateAnchor, EntityKind, PlaceOrigin};
use crate::tables;
use crate::{Actor, Count, IncidentKind, Mention, Multiplicity, PlaceMention};

static CAMPAIGN: Lazy<Regex> = Lazy::new(|| Regex::new(tables::CAMPAIGN_HEADS).expect("campaign regex"));
static LOCATIVE: Lazy<Regex> = Lazy::new(|| Regex::new(tables::LOCATIVE_TAIL).expect("locative regex"));
static COORD: Lazy<Regex> = Lazy::new(|| Regex::new(tables::COORDINATION_TAIL).expect("coord regex"));
static FRONTED: Lazy<Regex> = Lazy::new(|| Regex::new(tables::FRONTED_LOCATIVE).expect("fronted regex"));
static ATTRIBUTIONS: Lazy<Vec<Regex>> =
    Lazy::new(|| tables::ATTRIBUTION_PATTERNS.iter().map(|p| Regex::new(p).expect("attribution regex")).collect());
static AGENT: Lazy<Regex> = Lazy::new(|| Regex::new(tables::AGENT_PATTERN).expect("agent regex"));

/// A cue found in a sentence (offsets relative to the sentence).
#[derive(Debug, Clone)]
struct Cue {
    kind: IncidentKind,
    start: usize,
    end: usize,
    campaign: bool,
}

/// Whether a campaign head governs the cue: "a wave of sabotage and cyber
/// warfare", "mounting sabotage operations".
fn is_campaign(s: &str, c: &Cue) -> bool {
    let prefix = &s[..c.start];
    let Some(m) = CAMPAIGN.find_iter(prefix).last() else { return false };
    if m.end() == prefix.len() {
        return true;
    }
    let between = &prefix[m.end()..];
    !between.contains(['.', ';', ':']) && between.split_whitespace().count() <= tables::CAMPAIGN_LIST_WORDS
}

/// A scene place found in a sentence (offsets relative to it).
#[derive(Debug, Clone)]
struct PlaceHit {
    start: usize,
    end: usize,
    place: Place,
    origin: PlaceOrigin,
}

/// Accepted scene places of sentence `si` (offsets relative to it), from the
/// extraction stage's place layer, skipping `skip` bytes at its start (a
/// dateline): gazetteer places used as a scene, then names the gazetteer does
/// not know (the layer finds those only in a scene position).
fn scene_places(doc: &Annotated, si: usize, sent: Span, skip: usize) -> Vec<PlaceHit> {
    let s = sent.slice(&doc.article.text);
    let names: Vec<PlaceHit> = doc
        .places
        .iter()
        .filter(|p| p.sentence == si && sent.contains(p.span))
        .map(|p| PlaceHit { start: p.span.start - sent.start, end: p.span.end - sent.start, place: p.place.clone(), origin: p.origin })
        .collect();
    let known = names.iter().filter(|h| matches!(h.origin, PlaceOrigin::Gazetteer | PlaceOrigin::BorderDemonym) && h.start >= skip);
    let mut accepted: Vec<PlaceHit> = Vec::new();
    for h in known {
        if accepted.iter().any(|a| h.start < a.end && a.start < h.end) {
            continue;
        }
        let after = &s[h.end..];
        // Possessives and compounds name actors: "Russia's ambassador", "Moscow-directed".
        if after.starts_with("'s") || after.starts_with("’s") || after.starts_with('-') {
            continue;
        }
        let prefix = &s[..h.start];
        let next_word = after.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let is_border = h.place.kind == PlaceKind::Country
            && ["border", "frontier", "airspace", "coast", "territorial"].iter().any(|w| next_word.starts_with(w));
        let ok = LOCATIVE.is_match(prefix)
            || (COORD.is_match(prefix) && accepted.last().is_some_and(|a| prefix[a.end..].trim().len() <= 8))
            || matches!(h.place.kind, PlaceKind::Sea)
            || tables::FACILITY_NOUNS.contains(&next_word.as_str())
            || is_border;
        if ok {
            accepted.push(h.clone());
        }
    }
    let mut out = accepted;
    let known_end = out.len();
    // An unknown name the entity layer reads as a person or an organisation
    // ("directed at Palin"-style phrases, "at the Acme Corp") is an actor, not a scene.
    let actor_spans: Vec<Span> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
        .flat_map(|e| e.mentions.iter().copied())
        .filter(|m| sent.contains(*m))
        .collect();
    for h in names.iter().filter(|h| matches!(h.origin, PlaceOrigin::AfterPreposition | PlaceOrigin::BeforeFacility)) {
        if h.start < skip || out.iter().any(|o| h.start < o.end && o.start < h.end) {
            continue;
        }
        let abs = Span::new(sent.start + h.start, sent.start + h.end);
        if actor_spans.iter().any(|m| m.start < abs.end && abs.start < m.end) {
            continue;
        }
        out.push(h.clone());
    }
    debug_assert!(out[known_end..].iter().all(|h| h.place.kind == PlaceKind::Named));
    out.sort_by_key(|h| h.start);
    out
}

/// The index of the cue an item at `pos` belongs to: the nearest cue starting
/// before it; failing that, the first cue when nothing but words (no comma)
/// separates them.
fn owner(s: &str, cues: &[Cue], pos: usize) -> Option<usize> {
    if let Some(i) = cues.iter().rposition(|c| c.start <= pos) {
        return Some(i);
    }
    let first = cues.first()?;
    (!s[pos..first.start].contains([',', ';', ':'])).then_some(0)
}

/// The count of cue `c` of sentence `sent` (`s` its text): the last quantity of
/// the extraction stage's layer ([`crosscheck_extract::numbers`]) whose number
/// is printed between the last comma before the cue (at most 40 bytes back)
/// and the cue's end, with what it counts. No number is parsed here.
fn find_count(doc: &Annotated, sent: Span, s: &str, c: &Cue) -> Option<Count> {
    let mut from = c.start.saturating_sub(40);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    if let Some(i) = s[from..c.start].rfind([',', ';', '(']) {
        from += i + 1;
    }
    let (lo, hi) = (sent.start + from, sent.start + c.end);
    let text = &doc.article.text;
    let q = doc.quantities.iter().filter(|q| sent.contains(q.span) && (lo..hi).contains(&q.number.start)).last()?;
    Some(Count {
        value: (!q.vague).then_some(q.value),
        vague: q.vague.then(|| q.number.slice(text).to_lowercase()),
        qualifier: q.qualifier.as_ref().map(|x| x.to_lowercase()),
        noun: q.counted?.slice(text).to_string(),
        span: q.span,
    })
}

fn trim_actor(raw: &str) -> String {
    let mut t = raw.to_string();
    for stop in tables::ACTOR_STOP_WORDS {
        if let Some(i) = t.find(stop) {
            t.truncate(i);
        }
    }
    let words: Vec<&str> = t.split_whitespace().take(tables::ACTOR_MAX_WORDS).collect();
    words.join(" ").trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_string()
}

/// Attributions of the whole sentence (offsets absolute via `base`).
fn attributions(s: &str, base: usize) -> Vec<Actor> {
    let mut out = Vec::new();
    for re in ATTRIBUTIONS.iter() {
        for c in re.captures_iter(s) {
            let (Some(actor), Some(wording)) = (c.name("actor"), c.name("wording")) else { continue };
            let name = trim_actor(actor.as_str());
            if name.is_empty() {
                continue;
            }
            let whole = c.get(0).unwrap();
            out.push(Actor {
                name,
                wording: wording.as_str().trim().to_string(),
                attributed_by: c.name("by").map(|b| b.as_str().trim().to_string()),
                span: Span::new(base + whole.start(), base + whole.end()),
            });
        }
    }
    out
}

/// The perpetrator named as agent within the cue's clause ("incursions by
/// Russian drones", "Russian vessels … damaging cables").
fn agent(s: &str, cues: &[Cue], i: usize, base: usize) -> Option<Actor> {
    let c = &cues[i];
    // The clause: between the nearest commas, and never into a neighbouring cue's stretch.
    let mut start = s[..c.start].rfind([',', ';']).map(|i| i + 1).unwrap_or(0);
    if i > 0 {
        start = start.max(cues[i - 1].end);
    }
    let mut end = s[c.end..].find([',', ';']).map(|i| c.end + i).unwrap_or(s.len());
    if let Some(next) = cues.get(i + 1) {
        end = end.min(next.start);
    }
    let clause = &s[start..end];
    let m = AGENT.captures(clause)?.name("actor")?;
    Some(Actor {
        name: m.as_str().to_string(),
        wording: "named as perpetrator".into(),
        attributed_by: None,
        span: Span::new(base + start + m.start(), base + start + m.end()),
    })
}

/// Whether a reporting verb ("said", "announced") stands within
/// [`tables::REPORTING_DATE_WINDOW`] words before byte `pos` of `s`.
fn after_reporting_verb(s: &str, pos: usize) -> bool {
    let lex = crosscheck_lexicon::english();
    s[..pos]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(tables::REPORTING_DATE_WINDOW)
        .any(|w| lex.is_reporting_verb(&w.to_lowercase()))
}

/// A date of the extraction stage's layer inside one sentence (its start as a byte offset into the sentence).
struct DateHit {
    start: usize,
    date: IncidentDate,
}

/// The article's own date, as the extraction stage reads it: its published
/// date, else the date of its dateline.
pub fn article_date(article: &Article) -> Option<NaiveDate> {
    let dateline = crosscheck_extract::article_dateline(article);
    crosscheck_extract::article_reference(article, dateline.as_ref()).map(|r| r.date)
}

/// Incident mentions of one article, annotating it first with the extraction
/// stage. Its relative dates resolve only against its own date (see [`mentions`]).
pub fn mentions_of_article(article: &Article) -> Vec<Mention> {
    let doc = crosscheck_extract::annotate(article, None);
    mentions(&doc)
}

/// Incident mentions of one annotated article, sentence by sentence (the
/// extraction stage's sentences). Dates are the extraction stage's resolved
/// ones (its `dates` layer); a mention it could not resolve gives no date.
/// An incident is dated only from its text and the article's own date
/// (published, else its dateline): a date the extraction stage resolved
/// against a story's date is another article's, and a month or year taken
/// from it would be invented for this one. Unknown stays unknown.
pub fn mentions(doc: &Annotated) -> Vec<Mention> {
    let article = &doc.article;
    let text = &article.text;
    let own_date = crosscheck_extract::article_reference(article, doc.dateline.as_ref()).map(|r| r.date);
    let date_ref = own_date;
    // Places in a dateline are where the report was filed, not where anything happened.
    let dateline_end = doc.dateline.as_ref().map(|d| d.span.end).or(article.dateline_span.map(|s| s.end)).unwrap_or(0);
    let mut out = Vec::new();
    for (si, sent) in doc.sentence_spans().into_iter().enumerate() {
        let s = sent.slice(text);
        let mut cues: Vec<Cue> = doc
            .events
            .iter()
            .filter(|e| e.sentence == si && sent.contains(e.cue))
            .filter(|e| e.kind.is_incident())
            .map(|e| Cue { kind: e.kind, start: e.cue.start - sent.start, end: e.cue.end - sent.start, campaign: false })
            .collect();
        if cues.is_empty() {
            continue;
        }
        for c in cues.iter_mut() {
            c.campaign = is_campaign(s, c);
        }
        let skip = dateline_end.saturating_sub(sent.start).min(s.len());
        // Places per cue.
        let places = scene_places(doc, si, sent, skip);
        let fronted = FRONTED.is_match(s);
        let mut cue_places: Vec<Vec<&PlaceHit>> = vec![Vec::new(); cues.len()];
        let first_cue = cues[0].start;
        for h in &places {
            if h.start < first_cue && fronted && !s[..h.start].contains(',') {
                for cp in cue_places.iter_mut() {
                    cp.push(h);
                }
            } else if let Some(i) = owner(s, &cues, h.start) {
                cue_places[i].push(h);
            }
        }
        // Dates per cue: the extraction stage's resolved dates.
        let mut dates: Vec<DateHit> = doc
            .dates
            .iter()
            .filter(|d| sent.contains(d.span) && d.span.start >= sent.start + skip)
            .filter(|d| d.anchor != DateAnchor::StoryDate)
            .filter_map(|d| {
                let (a, b) = d.resolved?;
                Some(DateHit {
                    start: d.span.start - sent.start,
                    date: IncidentDate::from_range(a, b, d.relative, d.span.slice(text)),
                })
            })
            .collect();
        // "Since the invasion of X in 2022, …": the date opens a range up to the article date.
        for d in dates.iter_mut() {
            let clause_start = s[..d.start].rfind([',', ';']).map(|i| i + 1).unwrap_or(0);
            let clause = s[clause_start..d.start].to_lowercase();
            if clause.split_whitespace().any(|w| w == "since") || d.date.text.to_lowercase().starts_with("since") {
                if let Some(r) = date_ref.filter(|r| *r > d.date.end) {
                    d.date = IncidentDate::from_range(d.date.start, r, true, d.date.text.clone());
                }
            }
        }
        // A cue's own dates (printed after it) win over dates fronted before the
        // first cue, which may be the reporting date ("said on Thursday that…").
        let mut cue_dates: Vec<Vec<&DateHit>> = vec![Vec::new(); cues.len()];
        let mut fronted_dates: Vec<&DateHit> = Vec::new();
        for d in &dates {
            if d.start < first_cue {
                // "X announced today (4 May) that the cable was repaired": a date
                // after a reporting verb dates the report, not the incident.
                if !after_reporting_verb(s, d.start) {
                    fronted_dates.push(d);
                }
            } else if let Some(i) = cues.iter().rposition(|c| c.start <= d.start) {
                cue_dates[i].push(d);
            }
        }
        // Of a cue's own dates the nearest counts ("the bombing in 1995 and the
        // attacks of Sept. 11, 2001": 1995); of fronted dates the most precise.
        for cd in cue_dates.iter_mut() {
            if cd.is_empty() {
                cd.extend(fronted_dates.iter().copied());
                cd.sort_by_key(|d| d.date.days());
            }
            cd.truncate(1);
        }
        let sentence_actors = attributions(s, sent.start);
        // One mention per cue, then same-kind cues with compatible places merge.
        let mut sentence_mentions: Vec<Mention> = Vec::new();
        for (i, c) in cues.iter().enumerate() {
            let mut pm: Vec<PlaceMention> = cue_places[i]
                .iter()
                // A cyber attack happens on systems: an unknown capitalised name
                // near it is a product or a company ("a flaw in Acme Browser"),
                // only a known geographic place locates it.
                .filter(|h| c.kind != IncidentKind::CyberAttack || h.place.kind != PlaceKind::Named)
                .map(|h| PlaceMention {
                    place: h.place.clone(),
                    text: s[h.start..h.end].to_string(),
                    span: Span::new(sent.start + h.start, sent.start + h.end),
                })
                .collect();
            pm.dedup_by(|a, b| a.place.id == b.place.id);
            let date = cue_dates[i].first().map(|d| d.date.clone());
            let count = find_count(doc, sent, s, c);
            let cue_text = &s[c.start..c.end];
            let last_word = cue_text.split_whitespace().last().unwrap_or("").to_lowercase();
            let aggregate_count = count.as_ref().is_some_and(|k| {
                k.value.is_some_and(|v| v >= tables::AGGREGATE_MIN_COUNT)
                    && k.noun.split_whitespace().last().is_some_and(|w| tables::INCIDENT_COUNT_NOUNS.contains(&w.to_lowercase().as_str()))
            });
            let multiplicity = if c.campaign || aggregate_count {
                Multiplicity::Aggregate
            } else if tables::EVENT_NOUNS_PLURAL.contains(&last_word.as_str())
                || count.as_ref().is_some_and(|k| k.vague.is_some())
            {
                Multiplicity::Several
            } else {
                Multiplicity::Single
            };
            let distinct = s[..c.start].split_whitespace().rev().take(3).any(|w| tables::DISTINCT_MARKERS.contains(&w.to_lowercase().as_str()));
            let mut actors = sentence_actors.clone();
            if let Some(a) = agent(s, &cues, i, sent.start) {
                if !actors.iter().any(|x| x.name == a.name) {
                    actors.push(a);
                }
            }
            let m = Mention {
                article: article.id.clone(),
                source: article.source.clone(),
                article_date: date_ref,
                sentence: sent,
                sentence_text: s.to_string(),
                cue: cue_text.to_string(),
                cue_span: Span::new(sent.start + c.start, sent.start + c.end),
                kind: c.kind,
                multiplicity,
                places: pm,
                date,
                actors,
                count,
                distinct,
            };
            merge_into_sentence(&mut sentence_mentions, m);
        }
        tracing::trace!(sentence = si, mentions = sentence_mentions.len(), "incident cues");
        out.extend(sentence_mentions);
    }
    for m in out.iter_mut() {
        m.places.sort_by_key(|p| std::cmp::Reverse(p.place.kind.specificity()));
    }
    // History is not news: "the bombing of the city in 1945".
    if let Some(r) = date_ref {
        out.retain(|m| {
            m.date.as_ref().is_none_or(|d| r.year() - d.end.year() <= tables::HISTORICAL_MAX_YEARS)
        });
    }
    out
}

/// Same-kind cues of one sentence ("fires and explosions, such as the blaze at a
/// warehouse in east London") are one mention unless they name incompatible places.
fn merge_into_sentence(acc: &mut Vec<Mention>, m: Mention) {
    for prev in acc.iter_mut() {
        if prev.kind != m.kind || (prev.multiplicity == Multiplicity::Aggregate) != (m.multiplicity == Multiplicity::Aggregate) {
            continue;
        }
        let a: Vec<_> = prev.places.iter().map(|p| p.place.clone()).collect();
        let b: Vec<_> = m.places.iter().map(|p| p.place.clone()).collect();
        if gazetteer::best_compatibility(&a, &b).is_some_and(|c| c == 0) {
            continue;
        }
        for p in m.places {
            if !prev.places.iter().any(|q| q.place.id == p.place.id) {
                prev.places.push(p);
            }
        }
        // Keep only the most specific places when one contains the other.
        let max = prev.places.iter().map(|p| p.place.kind.specificity()).max().unwrap_or(0);
        if max >= 3 {
            prev.places.retain(|p| p.place.kind.specificity() >= 2);
        }
        if let Some(d) = m.date {
            if prev.date.as_ref().is_none_or(|pd| d.days() < pd.days()) {
                prev.date = Some(d);
            }
        }
        if prev.count.is_none() {
            prev.count = m.count;
        }
        if m.multiplicity == Multiplicity::Single {
            prev.multiplicity = Multiplicity::Single;
        }
        for a in m.actors {
            if !prev.actors.iter().any(|x| x.name == a.name && x.wording == a.wording) {
                prev.actors.push(a);
            }
        }
        prev.cue = format!("{} … {}", prev.cue, m.cue);
        prev.cue_span = prev.cue_span.cover(m.cue_span);
        return;
    }
    acc.push(m);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    fn art(text: &str) -> Article {
        ArticleBuilder::new("outlet", "x.txt", SourceFormat::Text, text.as_bytes(), text).build(None, None).unwrap()
    }

    /// Mentions of an article published on 2025-12-02 (incidents are dated
    /// only against the article's own date).
    fn ms(text: &str) -> Vec<Mention> {
        let mut a = art(text);
        a.published = Some(crosscheck_core::PublishedDate {
            date: NaiveDate::from_ymd_opt(2025, 12, 2).unwrap(),
            datetime: None,
            precision: crosscheck_core::DatePrecision::Day,
            method: crosscheck_core::DateMethod::Meta,
            confidence: 1.0,
            evidence: String::new(),
        });
        mentions_of_article(&a)
    }

    #[test]
    fn a_borrowed_story_date_dates_no_incident() {
        // Annotated against a story's date, as the dossier does: the incident still takes none of it.
        let doc = crosscheck_extract::annotate(&art("A fire destroyed a depot in Riga last month."), NaiveDate::from_ymd_opt(2025, 12, 2));
        let m = mentions(&doc);
        assert_eq!(m.len(), 1);
        assert!(m[0].date.is_none(), "an undated article's 'last month' stays unknown: {:?}", m[0].date);
    }

    #[test]
    fn thing_nouns_need_a_happening_and_petrol_bombs_are_arson() {
        assert!(ms("He spent the war hunting spies in Berlin.").is_empty());
        assert!(ms("A player was arrested in Berlin on suspicion of drunk driving.").is_empty());
        assert!(ms("The plan to base a reconnaissance aircraft in Riga is underway.").is_empty());
        assert!(ms("A bomb technician from Riga spoke at the hearing.").is_empty());
        let m = ms("Rioters threw petrol bombs at a police station in Riga.");
        assert_eq!(m.iter().map(|m| m.kind).collect::<Vec<_>>(), vec![IncidentKind::SabotageArson]);
    }

    #[test]
    fn a_list_yields_one_mention_per_item_with_its_place() {
        let m = ms("Recent incidents include the cutting of two underwater cables in the Baltic Sea, drone violations over Poland and Germany, and cyber breaches affecting multiple nations.");
        let kinds: Vec<_> = m.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, vec![IncidentKind::CableDamage, IncidentKind::DroneIncursion, IncidentKind::CyberAttack]);
        assert_eq!(m[0].places[0].place.id, "sea/baltic-sea");
        assert_eq!(m[0].count.as_ref().unwrap().value, Some(2.0));
        assert_eq!(m[0].count.as_ref().unwrap().noun, "underwater cables");
        let drone: Vec<_> = m[1].places.iter().map(|p| p.place.id.as_str()).collect();
        assert_eq!(drone, vec!["pl", "de"]);
        assert!(m[2].places.is_empty());
        assert_eq!(m[1].multiplicity, Multiplicity::Several);
    }

    #[test]
    fn aggregates_campaigns_and_hypotheticals() {
        let m = ms("A recent report documented over 110 sabotage incidents across Europe from January 2022 to July 2023.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].multiplicity, Multiplicity::Aggregate);
        assert_eq!(m[0].count.as_ref().unwrap().display(), "over 110");
        assert_eq!(m[0].date.as_ref().unwrap().precision, crate::When::Range);
        let m = ms("Officials warned of a wave of sabotage and cyber warfare across Europe.");
        assert!(m.iter().all(|m| m.multiplicity == Multiplicity::Aggregate) && !m.is_empty());
        assert!(ms("Responding to physical sabotage or drone incursions would be more complex.").is_empty());
        assert!(ms("It was an attempt to sabotage peace talks.").is_empty());
        assert!(ms("NATO could be forced to fire the first shot.").is_empty());
    }

    #[test]
    fn attribution_wording_is_kept_and_places_skip_actors() {
        let m = ms("A fire that destroyed a warehouse in east London earlier this year and relentless cyber intrusions in Poland have all been linked by Western intelligence agencies to Moscow-directed operations.");
        assert_eq!(m[0].kind, IncidentKind::SabotageArson);
        assert_eq!(m[0].places[0].place.id, "gb/london");
        assert_eq!(m[0].date.as_ref().unwrap().start, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        let a = &m[0].actors[0];
        assert_eq!(a.name, "Moscow-directed operations");
        assert!(a.wording.contains("linked by Western intelligence agencies to"), "{a:?}");
        assert_eq!(a.attributed_by.as_deref(), Some("Western intelligence agencies"));
        assert_eq!(m[1].places[0].place.id, "pl");
        assert!(m.iter().all(|m| m.places.iter().all(|p| p.place.id != "ru/moscow")));
    }

    #[test]
    fn fronted_dates_apply_and_counts_are_found() {
        let m = ms("Last month a navy warship shadowed two Russian vessels in the English Channel.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, IncidentKind::NavalShadowing);
        assert_eq!(m[0].date.as_ref().unwrap().display(), "2025-11");
        assert_eq!(m[0].places[0].place.id, "sea/english-channel");
        assert_eq!(m[0].count.as_ref().unwrap().value, Some(2.0));
        let m = ms("Four Russian fighter jets were spotted near the border with Poland.");
        assert_eq!(m[0].kind, IncidentKind::MilitaryAircraft);
        assert_eq!(m[0].places[0].place.id, "pl");
        assert_eq!(m[0].actors[0].name, "Russian fighter jets");
    }

    #[test]
    fn everyday_wording_is_not_an_incident() {
        for t in [
            "Workers went on strike at the port of Gdańsk.",
            "The company announced a fire sale of its assets in Warsaw.",
            "The fire brigade in Riga held an open day.",
            "The government cut funding for gas pipelines in Germany.",
            "Poland will host a conference on cyber attacks in Warsaw.",
            "The bombing of Dresden in 1945 is remembered every year.",
            "He was arrested in Berlin for fraud.",
            "NATO said it would study the threat of drone incursions over Poland.",
        ] {
            let m = ms(t);
            assert!(m.iter().all(|m| !m.is_located()), "{t}: {m:#?}");
        }
    }

    #[test]
    fn kinds_across_wordings() {
        let one = |t: &str| {
            let m = ms(t);
            assert_eq!(m.len(), 1, "{t}: {m:#?}");
            (m[0].kind, m[0].places.first().map(|p| p.place.id.clone()).unwrap_or_default())
        };
        use crosscheck_extract::EventKind::*;
        assert_eq!(one("Three Russian fighter jets violated Estonian airspace over the Gulf of Finland on Friday."), (AirspaceViolation, "ee".into()));
        assert_eq!(one("Around 20 Russian drones violated Polish airspace overnight."), (DroneIncursion, "pl".into()));
        assert_eq!(one("GPS signals were jammed over the Baltic Sea for hours."), (GpsJamming, "sea/baltic-sea".into()));
        assert_eq!(one("Hackers crippled the website of the defence ministry in Copenhagen."), (CyberAttack, "dk/copenhagen".into()));
        assert_eq!(one("A parcel bomb exploded at a logistics hub in Leipzig."), (Explosion, "de/leipzig".into()));
        assert_eq!(one("Police in Warsaw detained a man on suspicion of spying for Russia."), (EspionageArrest, "pl/warsaw".into()));
        assert_eq!(one("A German frigate shadowed a Russian submarine in the North Sea."), (NavalShadowing, "sea/north-sea".into()));
    }

    #[test]
    fn no_incident_date_without_a_year_from_the_text_or_the_article() {
        // Undated, no dateline, no story date: a day without a year and a
        // relative date have nothing to be resolved against, so no date.
        let text = "A drone was seen over Oslo airport on December 1. Last month a cable was cut in the Baltic Sea.";
        let m = mentions_of_article(&art(text));
        assert_eq!(m.len(), 2, "{m:#?}");
        assert!(m.iter().all(|x| x.date.is_none()), "{m:#?}");
        // The year printed in the text is the text's own.
        let m = mentions_of_article(&art("A drone was seen over Oslo airport on December 1, 2024."));
        assert_eq!(m[0].date.as_ref().unwrap().display(), "2024-12-01");
        // The article's dateline gives the year.
        let dated = format!("OSLO \u{2013} December 3, 2025 \u{2013} {text}");
        let m = mentions_of_article(&art(&dated));
        let days: Vec<String> = m.iter().map(|x| x.date.as_ref().unwrap().display()).collect();
        assert_eq!(days, vec!["2025-12-01", "2025-11"]);
        // Every date the register holds comes from the layer, with its anchor.
        let doc = crosscheck_extract::annotate(&art(&dated), None);
        assert!(doc.dates.iter().filter(|d| d.relative).all(|d| d.anchor == crosscheck_extract::DateAnchor::Dateline));
    }

    #[test]
    fn uses_the_extraction_layers_when_present() {
        // Sentences and resolved dates given by the extraction stage win over the fallbacks.
        let text = "Drones were seen over Oslo airport at dawn. Officials said so";
        let a = art(text);
        let mut doc = crosscheck_extract::annotate(&a, None);
        doc.sentences = vec![crosscheck_extract::Sentence { span: Span::new(0, text.len()), paragraph: 0 }];
        let at = text.find("at dawn").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 9).unwrap();
        doc.dates = vec![crosscheck_extract::DateMention {
            span: Span::new(at, at + "at dawn".len()),
            relative: true,
            resolved: Some((day, day)),
            anchor: crosscheck_extract::DateAnchor::ArticleDate,
            sentence: 0,
            confidence: 0.9,
        }];
        let m = mentions(&doc);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].sentence, Span::new(0, text.len()), "the given sentence span is used");
        assert_eq!(m[0].places[0].place.id, "no/oslo");
        let d = m[0].date.as_ref().unwrap();
        assert_eq!((d.start, d.text.as_str()), (day, "at dawn"));
    }

    #[test]
    fn without_a_sentence_layer_there_are_no_mentions() {
        // The sentence layer is the extraction stage's alone: emptied, nothing is re-split here.
        let a = art("A blaze hit a depot in Riga. Drones were seen over Oslo airport.");
        let mut doc = crosscheck_extract::annotate(&a, None);
        assert!(!mentions(&doc).is_empty());
        doc.sentences.clear();
        assert!(mentions(&doc).is_empty());
    }
}
