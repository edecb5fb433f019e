//! The word lists more than one stage of crosscheck reads, kept once, as data,
//! per language.
//!
//! A stage never keeps its own copy of a list held here: it asks
//! [`for_language`] (or [`english`]) for a [`Lexicon`] and reads the tables or
//! the lookups on it. Where a stage needs only part of a table (the number
//! words that are not scales, say) it filters this one by the fields it
//! carries; where a stage needs words on top of one ("year" among the
//! clustering stopwords), it keeps them as a small table of its own whose doc
//! comment says why.
//!
//! Languages: English ([`en`]) and German ([`de`]). A language is one more module with the
//! same items and one more arm in [`for_language`]. Month names of languages
//! without a lexicon yet, read when dating pages of any language, are in
//! [`calendar`].
//!
//! Nothing here is a gazetteer (places and their demonyms live with the
//! place layer), and nothing in a general table names a particular
//! organisation: the few a stage needs are the separate domain list
//! [`Lexicon::known_organisations`].

pub mod calendar;
pub mod de;
pub mod en;

/// What a number word stands for, so each stage can take the part it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An exact count spelled out: "zero" … "ninety", "hundred", "dozen".
    Cardinal,
    /// A fraction standing alone or before a scale: "half" ("half a million").
    Fraction,
    /// A plural round number read as an order of magnitude, valued at twice
    /// its unit: "dozens" (24), "hundreds" (200), "thousands" (2000).
    Approximate,
    /// A scale that multiplies the number before it: "thousand", "million".
    Scale,
    /// A scale abbreviated after digits ("5m", "3bn"): never a word on its own.
    ScaleAbbreviation,
}

/// One number word: the word (lower case), its value, and its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberWord {
    pub word: &'static str,
    pub value: f64,
    pub kind: NumberKind,
}

/// How a language cites a text with an impersonal verb ("In der Erklärung
/// heißt es: „…“", "…, hieß es in dem Antrag"): the verb's subject is an
/// expletive, and the source is the text a prepositional phrase names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextCitation {
    /// The verb in every printed form, lower case.
    pub verbs: &'static [&'static str],
    /// The expletive subject ("es").
    pub expletive: &'static str,
    /// Prepositions that name where the words stand ("in", "auf").
    pub prepositions: &'static [&'static str],
}

/// A reporting verb whose particle stands apart from it in a main clause
/// ("gab ein Sprecher bekannt", "strich Romney heraus"), and is joined to it
/// in a verb-final clause ("wie der Sprecher bekanntgab") and in the
/// participle ("bekanntgegeben"). The base verb alone is no reporting verb
/// ("gab", "stellte"), so it is one only with its particle closing the clause.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeparableVerb {
    /// The particle ("bekannt", "heraus"), lower case.
    pub particle: &'static str,
    /// The base verb's finite forms in the third person, singular and plural,
    /// present and past ("gibt", "geben", "gab", "gaben"), lower case.
    pub finite: &'static [&'static str],
    /// The participle, joined ("bekanntgegeben").
    pub participle: &'static str,
}

/// The shared word lists of one language. Every word is lower case unless the
/// field says otherwise; `(word, number)` tables give the 1-based calendar
/// number (January = 1, Monday = 1).
#[derive(Debug)]
pub struct Lexicon {
    /// ISO 639-1 code of the language.
    pub language: &'static str,
    /// Function words that carry no topic.
    pub stopwords: &'static [&'static str],
    /// Number words with their values (one meaning per word).
    pub number_words: &'static [NumberWord],
    /// Month names in full.
    pub months: &'static [(&'static str, u32)],
    /// Month abbreviations, without a final dot.
    pub month_abbreviations: &'static [(&'static str, u32)],
    /// Weekday names in full, Monday first.
    pub weekdays: &'static [(&'static str, u32)],
    /// Weekday abbreviations, without a final dot.
    pub weekday_abbreviations: &'static [(&'static str, u32)],
    /// Honorifics and titles printed before a name, written out.
    pub titles: &'static [&'static str],
    /// Abbreviated honorifics and titles, without a final dot.
    pub title_abbreviations: &'static [&'static str],
    /// Reporting (speech) verbs in every printed form.
    pub reporting_verbs: &'static [&'static str],
    /// Reporting verbs with a separable particle, where the language has them
    /// (German "bekannt|geben", "heraus|streichen"); their joined forms count
    /// as reporting verbs, their split forms are read by the clause.
    pub separable_reporting_verbs: &'static [SeparableVerb],
    /// Endings of demonyms and other proper adjectives.
    pub demonym_endings: &'static [&'static str],
    /// Abbreviations other than titles and months that end in a dot without
    /// ending a sentence, *as printed* (case matters: "No. 10", not "said no.").
    pub sentence_abbreviations: &'static [&'static str],
    /// Domain list: particular organisations, outlets and platforms, as printed.
    pub known_organisations: &'static [&'static str],
    /// Coordinating and subordinating conjunctions and relative words that open
    /// a clause ("but", "when", "which"; "aber", "als", "während"): a subject
    /// phrase starts after them.
    pub clause_openers: &'static [&'static str],
    /// Prepositions (and their contractions with an article: "zum", "im"): a
    /// phrase opening with one is an adverbial, never the subject of a verb.
    pub prepositions: &'static [&'static str],
    /// Whether the language capitalises every noun (German), so that a noun
    /// phrase without a capitalised word has no noun.
    pub nouns_capitalised: bool,
    /// The ending that makes an adverb of an adjective ("forceful" →
    /// "forcefully"), where the language marks adverbs so.
    pub adverb_suffix: Option<&'static str>,
    /// Whether a long quotation without closing punctuation still counts as
    /// speech. English news quotes fragments of speech in running text (“…
    /// called it “a betrayal of every voter in the state” on Monday”); German
    /// news marks titles, names and slogans with „…“ and prints quoted speech
    /// as whole sentences, so there such a fragment is a term, not speech
    /// (checked on `shared/bench/quotes-spkatt-de` train).
    pub fragments_are_speech: bool,
    /// The finite forms of the subjunctive of reported speech that differ from
    /// the indicative (German Konjunktiv I: "sei", "habe", "könne"), where
    /// the language marks indirect speech so; a sentence holding one reports
    /// what someone said.
    pub subjunctive_forms: &'static [&'static str],
    /// The impersonal construction that cites a text, where the language has
    /// one (German "es heißt in …"; English names the text as the subject:
    /// "the statement said").
    pub text_citation: Option<TextCitation>,
}

/// The lexicon of a language (ISO 639-1 code, any case, region suffix
/// ignored: "en-GB"). Languages without one get English, the language every
/// stage's heuristics were written for.
pub fn for_language(code: &str) -> &'static Lexicon {
    let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "en" => &en::LEXICON,
        "de" => &de::LEXICON,
        _ => &en::LEXICON,
    }
}

/// The English lexicon.
pub fn english() -> &'static Lexicon {
    &en::LEXICON
}

impl Lexicon {
    // The word lists are sorted (tests/invariants.rs), so look-ups are binary searches.

    /// Whether a lower-case word is a stopword.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.binary_search(&word).is_ok()
    }

    /// The number word a lower-case word is, if any.
    pub fn number_word(&self, word: &str) -> Option<&'static NumberWord> {
        self.number_words.iter().find(|n| n.word == word)
    }

    /// The number words of the given kinds.
    pub fn number_words_of<'a>(&'a self, kinds: &'a [NumberKind]) -> impl Iterator<Item = &'static NumberWord> + 'a {
        self.number_words.iter().filter(move |n| kinds.contains(&n.kind))
    }

    /// Month number of a lower-case month name written out ("march" → 3).
    pub fn month_full(&self, word: &str) -> Option<u32> {
        lookup(self.months, word)
    }

    /// Month number of a lower-case month name, in full or abbreviated
    /// (a final dot is ignored: "sept." → 9).
    pub fn month_number(&self, word: &str) -> Option<u32> {
        let w = word.strip_suffix('.').unwrap_or(word);
        lookup(self.months, w).or_else(|| lookup(self.month_abbreviations, w))
    }

    /// Weekday number (Monday = 1) of a lower-case weekday written out.
    pub fn weekday_full(&self, word: &str) -> Option<u32> {
        lookup(self.weekdays, word)
    }

    /// Weekday number (Monday = 1) of a lower-case weekday, in full or
    /// abbreviated (a final dot is ignored).
    pub fn weekday_number(&self, word: &str) -> Option<u32> {
        let w = word.strip_suffix('.').unwrap_or(word);
        lookup(self.weekdays, w).or_else(|| lookup(self.weekday_abbreviations, w))
    }

    /// Whether a lower-case word names a month or a weekday in full.
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.month_full(word).is_some() || self.weekday_full(word).is_some()
    }

    /// Whether a lower-case word is a title, written out or abbreviated (a
    /// final dot is ignored).
    pub fn is_title(&self, word: &str) -> bool {
        let w = word.strip_suffix('.').unwrap_or(word);
        self.titles.contains(&w) || self.title_abbreviations.contains(&w)
    }

    /// Whether a lower-case word is a form of [`Lexicon::subjunctive_forms`].
    pub fn is_reported_speech_form(&self, word: &str) -> bool {
        self.subjunctive_forms.binary_search(&word).is_ok()
    }

    /// Whether a lower-case word is a verb of [`Lexicon::text_citation`].
    pub fn is_text_citing_verb(&self, word: &str) -> bool {
        self.text_citation.is_some_and(|c| c.verbs.binary_search(&word).is_ok())
    }

    /// See [`Lexicon::fragments_are_speech`].
    pub fn is_speech_quote_without_punctuation(&self) -> bool {
        self.fragments_are_speech
    }

    /// Whether a lower-case word opens a clause.
    pub fn is_clause_opener(&self, word: &str) -> bool {
        self.clause_openers.binary_search(&word).is_ok()
    }

    /// Whether a word as printed has the form of a derived adverb: lower case,
    /// with the adverb ending after a stem of at least four letters.
    pub fn is_adverb_form(&self, word: &str) -> bool {
        self.adverb_suffix.is_some_and(|suf| {
            word.chars().next().is_some_and(char::is_lowercase) && word.strip_suffix(suf).is_some_and(|stem| stem.chars().count() >= 4 && stem.chars().all(char::is_alphabetic))
        })
    }

    /// Whether a lower-case word is a preposition.
    pub fn is_preposition(&self, word: &str) -> bool {
        self.prepositions.binary_search(&word).is_ok()
    }

    /// Whether a lower-case word is a reporting verb: a listed form, or the
    /// joined form of a separable one ("bekanntgab", "hervorgehoben").
    pub fn is_reporting_verb(&self, word: &str) -> bool {
        self.reporting_verbs.binary_search(&word).is_ok()
            || self.separable_reporting_verbs.iter().any(|v| {
                v.participle == word || word.strip_prefix(v.particle).is_some_and(|base| v.finite.contains(&base))
            })
    }

    /// The particles that make a lower-case finite verb a reporting verb when
    /// they close its clause ("gab" → "bekannt", "zu", "an").
    pub fn separable_particles<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.separable_reporting_verbs.iter().filter(move |v| v.finite.contains(&word)).map(|v| v.particle)
    }

    /// Whether a word ends like a demonym ("Italian", "Polish").
    pub fn has_demonym_ending(&self, word: &str) -> bool {
        self.demonym_endings.iter().any(|e| word.ends_with(e))
    }

    /// Whether a word as printed (without its dot) is an abbreviation after
    /// which a dot does not end a sentence: a listed abbreviation, or a title
    /// or month abbreviation printed capitalised ("Gen", "Sept"). May is no
    /// abbreviation: "in May." ends a sentence.
    pub fn is_sentence_abbreviation(&self, word: &str) -> bool {
        if self.sentence_abbreviations.contains(&word) {
            return true;
        }
        let mut cs = word.chars();
        let capitalised = cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase);
        if !capitalised {
            return false;
        }
        let l = word.to_lowercase();
        self.title_abbreviations.contains(&l.as_str())
            || (lookup(self.month_abbreviations, &l).is_some() && lookup(self.months, &l).is_none())
    }

    /// A case-insensitive regex alternation of the month names, full and
    /// abbreviated, longest first so a full name wins over its prefix
    /// ("September|…|Sept|Sep|…").
    pub fn month_alternation(&self) -> String {
        alternation(self.months.iter().chain(self.month_abbreviations).map(|(w, _)| *w))
    }

    /// A case-insensitive regex alternation of the month names in full.
    pub fn full_month_alternation(&self) -> String {
        alternation(self.months.iter().map(|(w, _)| *w))
    }

    /// A case-insensitive regex alternation of the weekday names in full.
    pub fn weekday_alternation(&self) -> String {
        alternation(self.weekdays.iter().map(|(w, _)| *w))
    }
}

fn lookup(table: &[(&'static str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// Distinct words, longest first (ties alphabetically), joined with `|`.
fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut ws: Vec<&str> = words.collect();
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    ws.dedup();
    ws.join("|")
}
