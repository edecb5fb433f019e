//! English: the language every stage's heuristics were first written for.

use crate::{Lexicon, NumberKind, NumberWord};

/// The English lexicon ([`crate::english`], [`crate::for_language`]).
pub static LEXICON: Lexicon = Lexicon {
    language: "en",
    stopwords: STOPWORDS,
    number_words: NUMBER_WORDS,
    months: MONTHS,
    month_abbreviations: MONTH_ABBREVIATIONS,
    weekdays: WEEKDAYS,
    weekday_abbreviations: WEEKDAY_ABBREVIATIONS,
    titles: TITLES,
    title_abbreviations: TITLE_ABBREVIATIONS,
    reporting_verbs: REPORTING_VERBS,
    separable_reporting_verbs: &[],
    demonym_endings: DEMONYM_ENDINGS,
    sentence_abbreviations: SENTENCE_ABBREVIATIONS,
    fragments_are_speech: true,
    clause_openers: CLAUSE_OPENERS,
    prepositions: PREPOSITIONS,
    adverb_suffix: Some("ly"),
    nouns_capitalised: false,
    known_organisations: KNOWN_ORGANISATIONS,
    subjunctive_forms: &[],
    text_citation: None,
};

/// English function words: pronouns, determiners, prepositions, conjunctions,
/// auxiliaries and the commonest adverbs, after the NLTK / SMART English
/// stopword lists (trimmed to the words of news prose), plus "said", "says",
/// "according" and "including", which every news sentence carries. The union
/// of the lists clustering (TF-IDF terms), comparison (lexical claim
/// alignment) and the incident register (description similarity) kept before.
/// Sorted, lower case, in match form (`it's` with an ASCII apostrophe).
pub const STOPWORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "again", "against", "all", "already", "also", "am",
    "amid", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
    "even", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "including", "into", "is", "it",
    "it's", "its", "itself", "just", "may", "me", "meanwhile", "might", "more", "most", "much", "must", "my",
    "myself", "near", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other",
    "our", "ours", "ourselves", "out", "over", "own", "s", "said", "same", "says", "she", "should", "since",
    "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very",
    "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will",
    "with", "within", "would", "yet", "you", "your", "yours", "yourself",
];

const fn n(word: &'static str, value: f64, kind: NumberKind) -> NumberWord {
    NumberWord { word, value, kind }
}
use NumberKind::{Approximate, Cardinal, Fraction, Scale, ScaleAbbreviation};

/// Number words of English with their values: the cardinals zero to twenty,
/// the tens, "hundred" and "dozen"; "half"; the plural round numbers read as
/// an order of magnitude ("dozens" of something is taken as 24, "hundreds" as
/// 200, "thousands" as 2000); the short-scale multipliers (a "billion" is
/// 10^9, as in English news since the 1970s) and their abbreviations after
/// digits ("5m", "3bn"). Extraction reads all but the scales as numbers and
/// the scales as multipliers; comparison counts every written word as a
/// specific; the incident register counts with the cardinals.
pub const NUMBER_WORDS: &[NumberWord] = &[
    n("zero", 0.0, Cardinal), n("one", 1.0, Cardinal), n("two", 2.0, Cardinal), n("three", 3.0, Cardinal),
    n("four", 4.0, Cardinal), n("five", 5.0, Cardinal), n("six", 6.0, Cardinal), n("seven", 7.0, Cardinal),
    n("eight", 8.0, Cardinal), n("nine", 9.0, Cardinal), n("ten", 10.0, Cardinal), n("eleven", 11.0, Cardinal),
    n("twelve", 12.0, Cardinal), n("thirteen", 13.0, Cardinal), n("fourteen", 14.0, Cardinal),
    n("fifteen", 15.0, Cardinal), n("sixteen", 16.0, Cardinal), n("seventeen", 17.0, Cardinal),
    n("eighteen", 18.0, Cardinal), n("nineteen", 19.0, Cardinal), n("twenty", 20.0, Cardinal),
    n("thirty", 30.0, Cardinal), n("forty", 40.0, Cardinal), n("fifty", 50.0, Cardinal), n("sixty", 60.0, Cardinal),
    n("seventy", 70.0, Cardinal), n("eighty", 80.0, Cardinal), n("ninety", 90.0, Cardinal),
    n("hundred", 100.0, Cardinal), n("dozen", 12.0, Cardinal),
    n("half", 0.5, Fraction),
    n("dozens", 24.0, Approximate), n("hundreds", 200.0, Approximate), n("thousands", 2000.0, Approximate),
    n("thousand", 1e3, Scale), n("million", 1e6, Scale), n("billion", 1e9, Scale), n("trillion", 1e12, Scale),
    n("bn", 1e9, ScaleAbbreviation), n("m", 1e6, ScaleAbbreviation),
];

/// Gregorian month names in English, with their numbers.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
];

/// English month abbreviations as news styles print them (AP, Reuters,
/// Chicago: three letters, "Sept" too; May is its own abbreviation), without
/// the final dot.
pub const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

/// English weekday names, Monday first (ISO 8601 numbering, Monday = 1).
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
];

/// English weekday abbreviations printed in datelines and page dates ("Tue,
/// 2 Dec 2025"), without the final dot.
pub const WEEKDAY_ABBREVIATIONS: &[(&str, u32)] = &[
    ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4), ("fri", 5),
    ("sat", 6), ("sun", 7),
];

/// Honorifics, ranks and offices printed before a personal name in English
/// news ("Admiral …", "President …", "Sheikh …"), including the title words
/// that open a compound title ("Vice President", "Prime Minister", "Foreign
/// Secretary"). Extraction marks a name after one as a person's and leaves
/// the title out of it; comparison drops them when comparing person names.
pub const TITLES: &[&str] = &[
    "admiral", "ambassador", "bishop", "captain", "cardinal", "ceo", "chairman", "chairwoman", "chancellor",
    "chief", "coach", "colonel", "commander", "congressman", "congresswoman", "dame", "defence", "deputy",
    "director", "foreign", "founder", "general", "governor", "imam", "judge", "justice", "king", "lady",
    "lieutenant", "lord", "major", "marshal", "mayor", "minister", "miss", "pope", "premier", "president",
    "prime", "prince", "princess", "professor", "queen", "rabbi", "representative", "secretary", "senator",
    "sergeant", "sheikh", "sheriff", "sir", "speaker", "vice",
];

/// Abbreviated English honorifics and ranks ("Mr", "Dr", "Gen", "Sgt"),
/// without the dot: titles for extraction and comparison, sentence-internal
/// abbreviations for the sentence splitter, and words without topic for
/// clustering and claim alignment.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "capt", "cmdr", "col", "dr", "gen", "gov", "hon", "insp", "lt", "maj", "mr", "mrs", "ms", "pres",
    "prof", "rep", "rev", "sen", "sgt", "supt",
];

/// English reporting (speech-act) verbs in every printed form, after the
/// reporting-verb inventories of English grammars (Quirk et al.; Biber et
/// al.'s communication verbs) as news prose uses them, with "according" (to).
/// Extraction finds attributions with them; comparison marks sentences about
/// someone speaking.
pub const REPORTING_VERBS: &[&str] = &[
    "according", "accuse", "accused", "accuses", "accusing", "acknowledge", "acknowledged", "acknowledges",
    "acknowledging", "add", "added", "adding", "adds", "admit", "admits", "admitted", "admitting", "agree",
    "agreed", "agreeing", "alleged", "alleges", "alleging", "announce", "announced", "announces", "announcing",
    "answered", "answering", "argue", "argued", "argues", "arguing", "ask", "asked", "asking", "asks",
    "asserted", "asserting", "asserts", "blasted", "blasting", "boasted", "boasting", "branded", "called",
    "calling", "calls", "cautioned", "cautioning", "characterised", "characterises", "characterising",
    "characterized", "characterizes", "characterizing", "cited", "citing", "claimed", "claiming",
    "claims", "complained", "complaining", "complains", "conceded", "conceding", "concluded", "concluding",
    "condemned", "condemning", "condemns", "confirm", "confirmed", "confirming", "confirms", "contended",
    "contends", "continued", "countered", "counters", "criticised", "criticising", "criticized", "criticizing",
    "declare", "declared", "declares", "declaring", "demand", "demanded", "demanding", "demands", "denied",
    "denies", "denounced", "deny", "denying", "describe", "described", "describes", "describing", "dismissed",
    "dismissing", "dubbed", "emphasised", "emphasises", "emphasising", "emphasized", "emphasizes",
    "emphasizing", "exclaimed", "explain", "explained", "explaining", "explains", "indicated", "indicates",
    "insist", "insisted", "insisting", "insists", "joked", "joking", "labeled", "labelled", "lamented",
    "maintained", "mentioned", "mocked", "mused", "noted", "notes", "noting", "observed", "observing",
    "pledged", "posted", "posting", "praised", "predicted", "predicting", "predicts", "promised", "promises",
    "promising", "questioned", "quipped", "recall", "recalled", "recalling", "recounted", "reiterated",
    "remarked", "replied", "replies", "replying", "reported", "respond", "responded", "responding", "revealed",
    "revealing", "reveals", "said", "say", "saying", "says", "scoffed", "shouted", "shouting", "slammed",
    "stated", "states", "stating", "stressed", "stresses", "stressing", "suggest", "suggested", "suggests",
    "tell", "telling", "tells", "termed", "testified", "testifying", "told", "touted", "tweeted", "tweeting",
    "tweets", "urged", "urges", "urging", "vowed", "vowing", "vows", "warn", "warned", "warning", "warns",
    "wondered", "write", "writes", "writing", "wrote",
];

/// Endings of English demonyms and other proper adjectives ("Italian",
/// "Korean", "Chinese", "Polish", "American", "Baltic", "Western"): a
/// capitalised word ending so before a lower-case word is an adjective, not a
/// name. The gazetteer's demonyms are the place layer's, not this list.
pub const DEMONYM_ENDINGS: &[&str] = &["can", "ean", "ern", "ese", "ian", "ic", "ish"];

/// Abbreviations (besides titles and months) after which a dot does not end
/// an English sentence, as printed: street and place words ("St", "Mt"),
/// suffixes of names ("Jr", "Inc", "Ltd"), and reference words ("No", "vs",
/// "cf", "et al", "Fig", "pp"), after the abbreviation lists of the Punkt
/// sentence tokenizer's English model and news style guides.
pub const SENTENCE_ABBREVIATIONS: &[&str] = &[
    "Art", "Bros", "Co", "Corp", "Fig", "Ft", "Inc", "Jr", "Ltd", "Mt", "No", "Nos", "Sr", "St", "Vol", "al",
    "approx", "cf", "pp", "vs",
];

/// Domain list, not a general table: particular organisations, news agencies
/// and platforms that English news names by a bare word which the general
/// heuristics would misread (as a place after "in", as a personal name, as a
/// byline's author): alliances and unions ("NATO"), seats of government
/// standing for it ("Kremlin"), news agencies ("Reuters"), social platforms
/// ("Telegram", "X"). Extraction takes them as organisations, the incident
/// register never as places, page extraction never as a byline's name.
/// As printed.
pub const KNOWN_ORGANISATIONS: &[&str] = &[
    "AFP", "Associated Press", "EU", "Facebook", "Kremlin", "NATO", "Nato", "Pentagon", "Reuters", "Telegram",
    "Twitter", "UN", "X",
];

/// English conjunctions and relative words that open a clause (the closed classes of Quirk et al.'s grammar: coordinators, common subordinators, wh-relatives), leaving out those that are also prepositions ("as", "after", "since").
pub const CLAUSE_OPENERS: &[&str] = &[
    "although", "and", "because", "but", "if", "though", "when", "whenever", "where", "whereas", "which", "while", "who", "whom", "yet",
];

/// The common English prepositions, simple and participial ("following",
/// "regarding"): a closed class, listed from the grammar, not from any corpus.
pub const PREPOSITIONS: &[&str] = &[
    "aboard", "about", "above", "across", "after", "against", "along", "amid", "amidst", "among", "amongst", "around",
    "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "concerning",
    "despite", "down", "during", "except", "following", "for", "from", "in", "inside", "into", "like", "near", "of",
    "off", "on", "onto", "opposite", "out", "outside", "over", "past", "per", "regarding", "since", "through",
    "throughout", "till", "to", "toward", "towards", "under", "underneath", "unlike", "until", "unto", "up", "upon",
    "versus", "via", "with", "within", "without",
];
