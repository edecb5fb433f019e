//! Conflicts between outlets: one person with different titles, different
//! numbers for one counted thing, different dates within one claim.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claims::{Claim, ClaimStatus};
use crosscheck_core::Span;
use crosscheck_extract::Annotated;

use crate::lexical::{diff_words, is_number_token, is_stop, stem};
use crate::people::People;
use crate::{sorted_sources, tables, Cite, StoryInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Role,
    Number,
    Date,
}

/// One side of a conflict: a value and the outlets that print it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: String,
    pub sources: Vec<String>,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The person (role), counted thing (number) or claim (date) in question.
    pub subject: String,
    /// The claim the number/date conflict was found in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    pub sides: Vec<ConflictSide>,
}

/// The head noun of a role phrase: the last word before the first preposition,
/// skipping determiners, possessives and rank adjectives.
pub fn role_head(role: &str) -> Option<String> {
    let mut head = None;
    for w in diff_words(role) {
        if tables::ROLE_PREPOSITIONS.contains(&w.as_str()) {
            if head.is_some() {
                break;
            }
            continue;
        }
        if w.ends_with("'s") || tables::ROLE_DETERMINERS.contains(&w.as_str()) {
            continue;
        }
        head = Some(w);
    }
    head
}

fn same_title(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    a == b || common >= tables::ROLE_SAME_PREFIX || stem(a) == stem(b) || tables::EQUIVALENT_TITLES.iter().any(|class| class.contains(&a) && class.contains(&b))
}

/// A role phrase read as a title: its head noun (a role noun of extract's
/// table, so a clause fragment is no title) and the content words around it
/// that say of what or where ("to Belgium", "Foreign Ministry").
struct Title {
    head: String,
    complement: Vec<String>,
}

fn title_of(role: &str) -> Option<Title> {
    let head = role_head(role)?;
    if !crosscheck_extract::roles::is_role_word(&head) || tables::GENERIC_ROLE_HEADS.contains(&head.as_str()) {
        return None;
    }
    let complement = diff_words(role)
        .into_iter()
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
        .filter(|w| *w != head && !is_stop(w) && !tables::ROLE_DETERMINERS.contains(&w.as_str()) && !crosscheck_extract::roles::is_role_word(w))
        .collect();
    Some(Title { head, complement })
}

/// People given two titles that cannot both hold: different head nouns (not
/// one title written two ways, nor equivalent titles) for the same office,
/// i.e. with a complement word in common ("envoy to Belgium" / "ambassador to
/// Belgium"). A person holds several roles at once ("senator" and "nominee"),
/// so titles with nothing in common are no conflict; an outlet printing both
/// titles does not contradict itself, so each side needs an outlet the other
/// side lacks.
pub fn role_conflicts(people: &People) -> Vec<Conflict> {
    let mut out = Vec::new();
    for p in &people.people {
        let titles: Vec<(usize, Title)> = p.roles.iter().enumerate().filter_map(|(ri, r)| Some((ri, title_of(&r.text)?))).collect();
        // Classes of one title written alike: (head, role indices).
        let mut classes: Vec<(String, Vec<usize>)> = Vec::new();
        for (ri, t) in &titles {
            match classes.iter_mut().find(|(h, _)| same_title(h, &t.head)) {
                Some(c) => c.1.push(*ri),
                None => classes.push((t.head.clone(), vec![*ri])),
            }
        }
        let title = |ri: usize| &titles.iter().find(|(i, _)| *i == ri).expect("a titled role").1;
        let sources = |c: &(String, Vec<usize>)| sorted_sources(c.1.iter().map(|&ri| p.roles[ri].source.clone()));
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for a in 0..classes.len() {
            for b in a + 1..classes.len() {
                let shared = classes[a].1.iter().any(|&x| classes[b].1.iter().any(|&y| title(x).complement.iter().any(|w| title(y).complement.contains(w))));
                let (sa, sb) = (sources(&classes[a]), sources(&classes[b]));
                let own_outlets = sa.iter().any(|s| !sb.contains(s)) && sb.iter().any(|s| !sa.contains(s));
                if shared && own_outlets {
                    pairs.push((a, b));
                }
            }
        }
        if pairs.is_empty() {
            continue;
        }
        let mut in_conflict: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        in_conflict.sort();
        in_conflict.dedup();
        let sides: Vec<ConflictSide> = in_conflict
            .iter()
            .map(|&c| {
                let ris = &classes[c].1;
                ConflictSide {
                    value: p.roles[ris[0]].text.clone(),
                    sources: sources(&classes[c]),
                    cites: ris
                        .iter()
                        .map(|&ri| Cite { article: p.roles[ri].article.clone(), source: p.roles[ri].source.clone(), span: p.roles[ri].span, text: p.roles[ri].text.clone() })
                        .collect(),
                }
            })
            .collect();
        out.push(Conflict { kind: ConflictKind::Role, subject: p.name.clone(), claim: None, sides });
    }
    out
}

/// The fact a count fills: the head noun of what it counts, the other words
/// of that noun phrase, what happened to it (the quantity layer's predicate),
/// and whether it is a share. "25% steel tariff" and "10% aluminium tariff",
/// "239 passengers" and "two Iranian passengers", "129 people killed" and
/// "2,000 people mourned" are different facts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Slot {
    head: String,
    modifiers: Vec<String>,
    predicate: Option<String>,
    share: bool,
    /// The currency sign printed before the number ("$", "€").
    currency: Option<char>,
}

/// One count of the quantity layer ([`crosscheck_extract::numbers`]) as the
/// value of a fact: the interval of values it allows once qualifiers, ranges
/// and vague words are read.
#[derive(Debug, Clone)]
struct Count {
    slot: Slot,
    /// What is counted, as printed ("people killed").
    subject: String,
    /// The count as printed with its qualifier ("at least 129").
    printed: String,
    lo: f64,
    hi: f64,
    vague: bool,
    /// Names of the people, organisations and places printed in the unit
    /// before the count (after any earlier count): whose count it is. "The
    /// Angels' $160 million offer" and "the Red Sox' $200 million offer" are
    /// different facts.
    subjects: Vec<String>,
}

/// Two names (match form) of one entity: one's words are all the other's
/// ("teixeira" / "mark teixeira").
fn names_meet(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
}

impl Count {
    /// Two counts of one slot are about the same subject when they name one in
    /// common (a name, or a name and its surname). Counts naming nobody ("the
    /// margin of error is 4.1 points") may be of different polls, matches,
    /// operations: they are compared with nothing.
    fn same_subject(&self, other: &Count) -> bool {
        self.subjects.iter().any(|x| other.subjects.iter().any(|y| names_meet(x, y)))
    }
}

/// The counts inside `unit` of `doc`. A quantity inside a mention of the date
/// layer ("three days ago") is a date, not a count; a lone "one" counts
/// nothing to compare; a count without a counted noun phrase has no fact.
fn counts(doc: &Annotated, unit: Span) -> Vec<Count> {
    let text = &doc.article.text;
    let in_unit: Vec<&crosscheck_extract::Quantity> = doc.quantities.iter().filter(|q| unit.contains(q.span)).collect();
    let names_in = |from: usize, to: usize| -> Vec<String> {
        let mut names: Vec<String> =
            doc.entities.iter().filter(|e| e.mentions.iter().any(|m| m.start >= from && m.end <= to)).map(|e| crosscheck_core::text::match_form(&e.name)).collect();
        names.sort();
        names.dedup();
        names
    };
    // Whose count: the names since the previous count of the unit, else since
    // the unit's start. `None` when the unit names nobody there but refers to
    // someone by pronoun ("He has 548 rushing yards"): the subject is unknown.
    let subjects_before = |q: &crosscheck_extract::Quantity| -> Option<Vec<String>> {
        let previous = in_unit.iter().map(|p| p.span.end).filter(|&e| e <= q.span.start).max();
        let near = previous.map(|p| names_in(p, q.span.start)).unwrap_or_default();
        let names = if near.is_empty() { names_in(unit.start, q.span.start) } else { near };
        let pronoun = diff_words(&text[unit.start..q.span.start]).iter().any(|w| tables::SUBJECT_PRONOUNS.contains(&w.as_str()));
        (!names.is_empty() || !pronoun).then_some(names)
    };
    // A count right after another ("12 minutes, 31 seconds") is part of one
    // measure; a count after "N of" ("178 of 369 punches") is a whole a part
    // is taken from.
    let part_of_another = |q: &crosscheck_extract::Quantity| -> bool {
        let before = &text[unit.start..q.span.start];
        let compound = in_unit.iter().any(|p| p.span.end <= q.span.start && text[p.span.end..q.span.start].chars().all(|c| c == ' ' || c == ','));
        let last: Vec<String> = before.split_whitespace().rev().take(3).map(|w| w.to_lowercase()).collect();
        let skip = usize::from(last.first().is_some_and(|w| w != "of" && tables::COUNT_DETERMINERS.contains(&w.as_str())));
        let of_part = last.get(skip).is_some_and(|w| w == "of") && last.get(skip + 1).is_some_and(|w| is_number_token(w));
        compound || of_part
    };
    in_unit
        .iter()
        .copied()
        .filter(|q| !(q.value == 1.0 && !q.vague && q.upper.is_none()) && !part_of_another(q))
        .filter(|q| !doc.dates.iter().any(|m| m.span.overlaps(q.number)))
        .filter_map(|q| {
            let counted_span = q.counted?;
            let counted = counted_span.slice(text);
            // "a four-by-four car", "an eight-year deal", "a 6.1-magnitude
            // quake": a number in a compound modifier counts nothing.
            if text[q.number.end..counted_span.start].contains(['-', '\u{2010}', '\u{2011}', '\u{2013}']) || counted.starts_with(['-', '\u{2013}']) {
                return None;
            }
            let words: Vec<String> = diff_words(counted).into_iter().filter(|x| !is_number_token(x) && !tables::COUNT_DETERMINERS.contains(&x.as_str())).collect();
            let (head, rest) = words.split_last()?;
            // A head must be a word: not a clock time ("3 p.m."), an initial, or
            // an age ("a 50-year-old man" is whose age, not how many).
            if head.chars().count() < 3 || !head.chars().all(|c| c.is_alphabetic()) || tables::NOT_COUNTED_HEADS.contains(&head.as_str()) {
                return None;
            }
            let mut modifiers: Vec<String> = rest.iter().map(|w| stem(w)).collect();
            // "420 passengers and crew" counts both.
            let after = &text[counted_span.end..];
            if let Some(rest) = after.strip_prefix(" and ").or_else(|| after.strip_prefix(" or ")) {
                if let Some(w) = rest.split(|c: char| !c.is_alphanumeric()).next().filter(|w| !w.is_empty() && !is_number_token(&w.to_lowercase())) {
                    modifiers.push(format!("+{}", stem(&w.to_lowercase())));
                }
            }
            modifiers.sort();
            modifiers.dedup();
            let predicate = q.predicate.map(|p| stem(&p.slice(text).to_lowercase()));
            let share = q.unit.as_deref().is_some_and(|u| u.starts_with('%'));
            let currency = text[..q.number.start].trim_end().chars().next_back().filter(|c| tables::CURRENCY_SIGNS.contains(c));
            let number = q.number.slice(text).to_lowercase();
            let (lo, hi) = interval(q, &number);
            let subject = match q.predicate {
                Some(p) => format!("{} {}", counted, p.slice(text)),
                None => counted.to_string(),
            };
            Some(Count {
                slot: Slot { head: stem(head), modifiers, predicate, share, currency },
                subject,
                printed: q.span.slice(text).strip_suffix(counted).unwrap_or(&number).trim().to_string(),
                lo,
                hi,
                vague: q.vague,
                subjects: subjects_before(q)?,
            })
        })
        .collect()
}

/// The values a count allows: its number (or range), widened by the printed
/// precision of a scaled number ("1.2 million"), bounded by its qualifier
/// ([`tables::QUALIFIER_BOUNDS`]); a vague count's span is
/// [`tables::VAGUE_COUNT_BOUNDS`].
fn interval(q: &crosscheck_extract::Quantity, number: &str) -> (f64, f64) {
    if q.vague {
        return tables::VAGUE_COUNT_BOUNDS.iter().find(|(w, _, _)| number == *w).map(|&(_, lo, hi)| (lo, hi)).unwrap_or((1.0, f64::INFINITY));
    }
    let (mut lo, mut hi) = (q.value, q.upper.unwrap_or(q.value).max(q.value));
    if number.contains(|c: char| c.is_alphabetic()) && number.contains(|c: char| c.is_ascii_digit()) {
        lo *= 1.0 - tables::SCALED_NUMBER_PRECISION;
        hi *= 1.0 + tables::SCALED_NUMBER_PRECISION;
    }
    if let Some(&(_, lf, hf)) = q.qualifier.as_deref().and_then(|x| tables::QUALIFIER_BOUNDS.iter().find(|(w, _, _)| x.eq_ignore_ascii_case(w))) {
        (lo, hi) = (lo * lf, hi * hf);
    }
    (lo, hi)
}

fn compatible(a: &Count, b: &Count) -> bool {
    a.lo <= b.hi * (1.0 + 1e-9) && b.lo <= a.hi * (1.0 + 1e-9)
}

/// A figure that changed over time: one fact's values in dated reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Development {
    /// The counted thing ("people killed").
    pub subject: String,
    /// The values in the order of their reports' dates.
    pub steps: Vec<DevelopmentStep>,
}

/// One value of a [`Development`] and the reports of one day that give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DevelopmentStep {
    pub date: NaiveDate,
    pub value: String,
    pub sources: Vec<String>,
    pub cites: Vec<Cite>,
}

/// What the number comparison found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NumberFindings {
    /// Values of one fact that cannot both be true.
    pub conflicts: Vec<Conflict>,
    /// Values of one fact that changed from one day's reports to a later day's.
    pub developments: Vec<Development>,
    /// One fact counted exactly by some outlets and only vaguely by others
    /// ("two cables" / "multiple cables"): compatible, so not a conflict, but a
    /// reader wants to know who is specific.
    pub vague_counts: Vec<Conflict>,
}

/// Whether two units say nearly the same thing around a count of `slot`:
/// enough content words in common, numbers and the counted words themselves
/// left out (they are shared by construction).
fn similar_context(a: &crate::claims::Unit, b: &crate::claims::Unit, slot: &Slot) -> bool {
    let counted = |t: &String| *t == slot.head || slot.modifiers.contains(t) || slot.predicate.as_ref() == Some(t);
    let words = |u: &crate::claims::Unit| -> BTreeSet<String> { u.tokens.iter().filter(|t| !is_number_token(t) && !counted(t)).cloned().collect() };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.intersection(&wb).count();
    shared >= tables::NUMBER_CONFLICT_MIN_SHARED + 1 && shared as f64 / wa.union(&wb).count().max(1) as f64 >= tables::NUMBER_CONFLICT_MIN_SIMILARITY
}

/// A date mention of a unit: its day range when resolved, else its words.
#[derive(Debug, Clone, PartialEq)]
enum UnitDate {
    Days(NaiveDate, NaiveDate),
    Printed(String),
}

fn dates_in(doc: &Annotated, unit: Span) -> Vec<UnitDate> {
    doc.dates
        .iter()
        .filter(|m| unit.contains(m.span))
        .map(|m| match m.resolved {
            Some((a, b)) => UnitDate::Days(a, b),
            None => UnitDate::Printed(crosscheck_core::text::match_form(m.span.slice(&doc.article.text))),
        })
        .collect()
}

/// Two units may speak of one time unless both are dated and share no date
/// (the same words, or overlapping days).
fn same_time(a: &[UnitDate], b: &[UnitDate]) -> bool {
    let meet = |x: &UnitDate, y: &UnitDate| match (x, y) {
        (UnitDate::Days(a0, a1), UnitDate::Days(b0, b1)) => a0 <= b1 && b0 <= a1,
        (UnitDate::Printed(p), UnitDate::Printed(q)) => p == q,
        _ => false,
    };
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| meet(x, y)))
}

/// One value of a fact with where it is printed.
struct Printed {
    count: Count,
    cite: Cite,
    date: Option<NaiveDate>,
}

/// Counts of one fact in claim units of different outlets (different
/// near-duplicate groups and different outlet names, so a sentence is never
/// set against itself or its copy) whose other content words overlap enough to
/// be about the same thing. Values that cannot both hold are a conflict, unless
/// every report is dated and the values differ only between days: then they
/// are a development. An exact count against a compatible vague one is a
/// vague count.
pub fn number_findings(input: StoryInput<'_>) -> NumberFindings {
    let units = crate::claims::units(input);
    let per: Vec<Vec<Count>> = units.iter().map(|u| counts(&input.docs[u.doc], u.span)).collect();
    // slot -> values printed for it in pairs that disagree / that differ in precision only
    // One fact: its slot and whose count it is (the subject names of the
    // first pair that found it).
    let mut clashing: BTreeMap<(Slot, Vec<String>), Vec<Printed>> = BTreeMap::new();
    let mut vaguer: BTreeMap<(Slot, Vec<String>), Vec<Printed>> = BTreeMap::new();
    let printed = |u: usize, c: &Count| {
        let doc = &input.docs[units[u].doc];
        Printed { count: c.clone(), cite: Cite::of(doc, units[u].span), date: doc.article.published.as_ref().map(|p| p.date) }
    };
    // Every count an article prints, for "does this article print both values?".
    let mut by_doc: BTreeMap<usize, Vec<&Count>> = BTreeMap::new();
    for (u, cs) in units.iter().zip(&per) {
        by_doc.entry(u.doc).or_default().extend(cs.iter());
    }
    let prints = |doc: usize, like: &Count| by_doc.get(&doc).is_some_and(|cs| cs.iter().any(|c| c.slot == like.slot && compatible(c, like)));
    // An article that prints both values knows they count different things
    // (one operation's haul and the total so far).
    let some_article_prints_both = |a: &Count, b: &Count| by_doc.keys().any(|&d| prints(d, a) && prints(d, b));
    let unit_dates: Vec<Vec<UnitDate>> = units.iter().map(|u| dates_in(&input.docs[u.doc], u.span)).collect();
    for i in 0..units.len() {
        if per[i].is_empty() {
            continue;
        }
        for j in i + 1..units.len() {
            let (di, dj) = (&input.docs[units[i].doc], &input.docs[units[j].doc]);
            if per[j].is_empty() || units[i].doc == units[j].doc || input.group(units[i].doc) == input.group(units[j].doc) || di.article.source == dj.article.source {
                continue;
            }
            // A unit dated otherwise ("In February, a quake killed 612") is
            // another happening than one dated differently.
            if !same_time(&unit_dates[i], &unit_dates[j]) {
                continue;
            }
            for a in &per[i] {
                for b in per[j].iter().filter(|b| b.slot == a.slot && a.same_subject(b) && similar_context(&units[i], &units[j], &a.slot)) {
                    let target = if !compatible(a, b) {
                        if a.vague || b.vague || some_article_prints_both(a, b) {
                            continue;
                        }
                        &mut clashing
                    } else if a.vague != b.vague {
                        &mut vaguer
                    } else {
                        continue;
                    };
                    let key = target.keys().find(|(slot, names)| *slot == a.slot && (names.is_empty() && a.subjects.is_empty() || names.iter().any(|n| a.subjects.iter().any(|x| names_meet(n, x))))).cloned();
                    let values = target.entry(key.unwrap_or_else(|| (a.slot.clone(), a.subjects.clone()))).or_default();
                    for p in [printed(i, a), printed(j, b)] {
                        if !values.iter().any(|v| v.cite.article == p.cite.article && v.cite.span == p.cite.span && v.count.printed == p.count.printed) {
                            values.push(p);
                        }
                    }
                }
            }
        }
    }
    let mut out = NumberFindings::default();
    for values in clashing.into_values() {
        let subject = values[0].count.subject.clone();
        let dated = values.iter().all(|v| v.date.is_some());
        // Values that clash within one day's reports are a conflict whatever
        // happened later.
        let same_day_clash = values.iter().any(|a| values.iter().any(|b| a.date == b.date && !compatible(&a.count, &b.count)));
        if dated && !same_day_clash {
            out.developments.push(development(subject, values));
        } else {
            out.conflicts.push(Conflict { kind: ConflictKind::Number, subject, claim: None, sides: sides(values) });
        }
    }
    for values in vaguer.into_values() {
        out.vague_counts.push(Conflict { kind: ConflictKind::Number, subject: values[0].count.subject.clone(), claim: None, sides: sides(values) });
    }
    out
}

/// One side per value as printed ("at least 129"), its outlets and sentences.
fn sides(values: Vec<Printed>) -> Vec<ConflictSide> {
    let mut sides: Vec<ConflictSide> = Vec::new();
    for v in values {
        let label = format!("{} {}", v.count.printed, v.count.subject);
        match sides.iter_mut().find(|s| crosscheck_core::text::match_form(&s.value) == crosscheck_core::text::match_form(&label)) {
            Some(s) => add_cite(&mut s.cites, &mut s.sources, v.cite),
            None => sides.push(ConflictSide { value: label, sources: vec![v.cite.source.clone()], cites: vec![v.cite] }),
        }
    }
    sides
}

fn development(subject: String, mut values: Vec<Printed>) -> Development {
    values.sort_by_key(|v| v.date);
    let mut steps: Vec<DevelopmentStep> = Vec::new();
    for v in values {
        let date = v.date.expect("a development's values are dated");
        match steps.iter_mut().find(|s| s.date == date && crosscheck_core::text::match_form(&s.value) == crosscheck_core::text::match_form(&v.count.printed)) {
            Some(s) => add_cite(&mut s.cites, &mut s.sources, v.cite),
            None => steps.push(DevelopmentStep { date, value: v.count.printed, sources: vec![v.cite.source.clone()], cites: vec![v.cite] }),
        }
    }
    Development { subject, steps }
}

/// Add `cite` to one value's cites (once per sentence) and keep its outlets
/// in step.
fn add_cite(cites: &mut Vec<Cite>, sources: &mut Vec<String>, cite: Cite) {
    if !cites.iter().any(|c| c.article == cite.article && c.span == cite.span) {
        cites.push(cite);
    }
    *sources = sorted_sources(cites.iter().map(|c| c.source.clone()));
}

/// A support sentence's one full date: (date as printed, role word, the word
/// it attaches to, resolved range, document index, cite).
type DatedSupport = (String, Option<&'static str>, Option<String>, (NaiveDate, NaiveDate), usize, Cite);

/// Different days printed for one corroborated claim. Only a date printed in
/// full (not relative to a day a reader must guess: "Monday", "last week") is
/// compared, only between sentences with one such date each, from different
/// outlets and copy groups, and only dates with the same role: "until June 1"
/// is a deadline, "June 1" the day of the event ([`tables::DATE_ROLE_WORDS`]).
/// "June" and "June 1" overlap, so they agree.
pub fn date_conflicts(input: StoryInput<'_>, claims: &[Claim]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for c in claims.iter().filter(|c| c.status == ClaimStatus::Corroborated) {
        let mut dated: Vec<DatedSupport> = Vec::new();
        for s in &c.support {
            let Some((di, d)) = input.docs.iter().enumerate().find(|(_, d)| d.article.id == s.article) else { continue };
            let absolute: Vec<_> = d.dates.iter().filter(|m| s.span.contains(m.span) && !m.relative && m.resolved.is_some()).collect();
            let [m] = absolute.as_slice() else { continue };
            let text = &d.article.text;
            let printed = m.span.slice(text);
            let first = printed.split_whitespace().next().map(|w| w.to_lowercase());
            let before = text[s.span.start..m.span.start].split_whitespace().next_back().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
            let role = [first, before.clone()].into_iter().flatten().find_map(|w| tables::DATE_ROLE_WORDS.iter().find(|r| **r == w).copied());
            // The word the date attaches to ("convicted in June 1998",
            // "returned to prison in June 1999"): dates of different happenings.
            let anchor = before.filter(|w| !w.is_empty() && !is_stop(w) && !tables::DATE_ROLE_WORDS.contains(&w.as_str())).map(|w| stem(&w));
            dated.push((printed.to_string(), role, anchor, m.resolved.expect("filtered"), di, s.clone()));
        }
        let words = |c: &Cite| -> BTreeSet<String> { crate::lexical::content_tokens(&c.text).into_iter().filter(|t| !is_number_token(t)).collect() };
        let similar = |a: &Cite, b: &Cite| {
            let (wa, wb) = (words(a), words(b));
            wa.intersection(&wb).count() as f64 / wa.union(&wb).count().max(1) as f64 >= tables::DATE_CONFLICT_MIN_SIMILARITY
        };
        // An article printing both days in this claim's sentences knows they
        // date different things.
        let printed_by_one = |a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)| {
            let meets = |r: (NaiveDate, NaiveDate), x: (NaiveDate, NaiveDate)| x.0 <= r.1 && r.0 <= x.1;
            let (x, y): (Vec<&DatedSupport>, Vec<&DatedSupport>) = (dated.iter().filter(|d| meets(a, d.3)).collect(), dated.iter().filter(|d| meets(b, d.3)).collect());
            x.iter().any(|p| y.iter().any(|q| p.5.article == q.5.article))
        };
        let clash = |a: &DatedSupport, b: &DatedSupport| {
            a.1 == b.1
                && (a.2.is_none() || b.2.is_none() || a.2 == b.2)
                && (a.3 .1 < b.3 .0 || b.3 .1 < a.3 .0)
                && input.group(a.4) != input.group(b.4)
                && a.5.source != b.5.source
                && similar(&a.5, &b.5)
                && !printed_by_one(a.3, b.3)
        };
        if !dated.iter().enumerate().any(|(i, a)| dated[i + 1..].iter().any(|b| clash(a, b))) {
            continue;
        }
        // Only the supports in a clash are sides.
        let dated: Vec<&DatedSupport> = dated.iter().filter(|a| dated.iter().any(|b| clash(a, b))).collect();
        let mut sides: Vec<ConflictSide> = Vec::new();
        for (value, _, _, _, _, cite) in dated {
            match sides.iter_mut().find(|x| x.value == *value) {
                Some(x) => {
                    if !x.sources.contains(&cite.source) {
                        x.sources.push(cite.source.clone());
                    }
                    x.cites.push(cite.clone());
                }
                None => sides.push(ConflictSide { value: value.clone(), sources: vec![cite.source.clone()], cites: vec![cite.clone()] }),
            }
        }
        out.push(Conflict { kind: ConflictKind::Date, subject: c.text.clone(), claim: Some(c.id.clone()), sides });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_heads() {
        assert_eq!(role_head("the country's envoy to Ruritania").as_deref(), Some("envoy"));
        assert_eq!(role_head("the Italian chairman of the Military Committee").as_deref(), Some("chairman"));
        assert_eq!(role_head("US special envoy").as_deref(), Some("envoy"));
        assert_eq!(role_head("the city's fire chief").as_deref(), Some("chief"));
        assert!(same_title("chair", "chairman"));
        assert!(same_title("spokeswoman", "spokesperson"));
        assert!(!same_title("envoy", "ambassador"));
    }

    #[test]
    fn counts_find_vague_and_exact() {
        let counts_of = |t: &str| {
            let a = crosscheck_core::ArticleBuilder::new("t", "t", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
            let d = crosscheck_extract::annotate(&a, None);
            counts(&d, Span::new(0, d.article.text.len()))
        };
        let a = counts_of("Divers reported the cutting of two underwater cables in the sea.");
        let b = counts_of("Officials reported multiple severed sea data cables.");
        let cable = stem("cables");
        assert!(a.iter().any(|c| c.printed == "two" && c.slot.head == cable && (c.lo, c.hi) == (2.0, 2.0)), "{a:?}");
        assert!(b.iter().any(|c| c.printed == "multiple" && c.slot.head == cable && c.vague && c.lo == 2.0), "{b:?}");
        assert!(counts_of("It happened on December 2, 2025.").is_empty());
    }

    #[test]
    fn counts_read_the_quantity_layer() {
        let t = "Divers reported the cutting of two underwater cables in the sea.";
        let a = crosscheck_core::ArticleBuilder::new("t", "t", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        let mut d = crosscheck_extract::annotate(&a, None);
        let all = Span::new(0, d.article.text.len());
        assert!(!counts(&d, all).is_empty());
        d.quantities.clear();
        assert!(counts(&d, all).is_empty(), "no quantity layer, no counts: the text is not parsed here");
    }

    #[test]
    fn counts_leave_out_the_date_layer() {
        let t = "Talks began on December 2, 2025 with 40 delegates, three days ago.";
        let a = crosscheck_core::ArticleBuilder::new("s", "p", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        let doc = crosscheck_extract::annotate(&a, None);
        let found = counts(&doc, Span::new(0, doc.article.text.len()));
        assert_eq!(found.iter().map(|c| c.printed.as_str()).collect::<Vec<_>>(), vec!["40"], "a date's day, year or count of days is not a count");
    }
}
