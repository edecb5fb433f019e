//! The German lexicon. Word lists are sorted and lower case (except the
//! abbreviations, kept as printed), like the English ones.

use crate::NumberKind::*;
use crate::{Lexicon, NumberWord};

pub static LEXICON: Lexicon = Lexicon {
    language: "de",
    stopwords: STOPWORDS,
    number_words: NUMBER_WORDS,
    months: MONTHS,
    month_abbreviations: MONTH_ABBREVIATIONS,
    weekdays: WEEKDAYS,
    weekday_abbreviations: WEEKDAY_ABBREVIATIONS,
    titles: TITLES,
    title_abbreviations: TITLE_ABBREVIATIONS,
    reporting_verbs: REPORTING_VERBS,
    demonym_endings: DEMONYM_ENDINGS,
    sentence_abbreviations: SENTENCE_ABBREVIATIONS,
    fragments_are_speech: false,
    clause_openers: CLAUSE_OPENERS,
    known_organisations: &[],
};

/// German function words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries and common particles.
pub const STOPWORDS: &[&str] = &[
    "aber", "alle", "als", "am", "an", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "damit",
    "dann", "das", "dass", "daß", "dem", "den", "denen", "denn", "der", "deren", "des", "dessen", "die", "dies",
    "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "er", "es", "etwa", "euch", "für", "gegen", "haben", "hat", "hatte", "hatten", "ich", "ihm",
    "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ist", "ja", "jedoch", "kann", "kein",
    "keine", "man", "mit", "muss", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sei", "sein",
    "seine", "seinem", "seinen", "seiner", "seit", "sich", "sie", "sind", "so", "soll", "um", "und", "uns", "unter",
    "vom", "von", "vor", "war", "waren", "was", "weil", "wenn", "werden", "wie", "wir", "wird", "wo", "wurde",
    "wurden", "zu", "zum", "zur", "über",
];

const fn n(word: &'static str, value: f64, kind: crate::NumberKind) -> NumberWord {
    NumberWord { word, value, kind }
}

/// Number words ("ein"/"eine" left out: they are articles far more often).
pub const NUMBER_WORDS: &[NumberWord] = &[
    n("acht", 8.0, Cardinal), n("dreißig", 30.0, Cardinal), n("drei", 3.0, Cardinal), n("dutzend", 12.0, Cardinal),
    n("elf", 11.0, Cardinal), n("fünf", 5.0, Cardinal), n("hälfte", 0.5, Fraction), n("hundert", 100.0, Scale),
    n("hunderte", 200.0, Approximate), n("milliarde", 1e9, Scale), n("milliarden", 1e9, Scale),
    n("million", 1e6, Scale), n("millionen", 1e6, Scale), n("neun", 9.0, Cardinal), n("null", 0.0, Cardinal),
    n("sechs", 6.0, Cardinal), n("sieben", 7.0, Cardinal), n("tausend", 1000.0, Scale), n("tausende", 2000.0, Approximate),
    n("vier", 4.0, Cardinal), n("zehn", 10.0, Cardinal), n("zwanzig", 20.0, Cardinal), n("zwei", 2.0, Cardinal),
    n("zwölf", 12.0, Cardinal),
];

/// Month names (with the Austrian "Jänner" and the ASCII "Maerz").
pub const MONTHS: &[(&str, u32)] = &[
    ("april", 4), ("august", 8), ("dezember", 12), ("februar", 2), ("januar", 1), ("juli", 7), ("juni", 6),
    ("jänner", 1), ("maerz", 3), ("mai", 5), ("märz", 3), ("november", 11), ("oktober", 10), ("september", 9),
];

/// Month abbreviations, without a final dot.
pub const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("apr", 4), ("aug", 8), ("dez", 12), ("feb", 2), ("jan", 1), ("jun", 6), ("jul", 7), ("nov", 11), ("okt", 10),
    ("sep", 9), ("sept", 9),
];

/// Weekday names, Monday first ("Sonnabend" is Saturday in the north).
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("dienstag", 2), ("donnerstag", 4), ("freitag", 5), ("mittwoch", 3), ("montag", 1), ("samstag", 6),
    ("sonnabend", 6), ("sonntag", 7),
];

/// Weekday abbreviations: none, since "So", "Do" and "Mi" are ordinary words
/// far more often than days in running text.
pub const WEEKDAY_ABBREVIATIONS: &[(&str, u32)] = &[];

/// Titles and offices printed before a name ("Bundeskanzlerin Merkel").
pub const TITLES: &[&str] = &[
    "abgeordnete", "abgeordneter", "bischof", "botschafter", "botschafterin", "bundeskanzler", "bundeskanzlerin",
    "bundespräsident", "bundespräsidentin", "bürgermeister", "bürgermeisterin", "chef", "chefin", "direktor",
    "direktorin", "frau", "general", "generalsekretär", "herr", "kanzler", "kanzlerin", "kardinal", "könig",
    "königin", "minister", "ministerin", "ministerpräsident", "ministerpräsidentin", "papst", "parteichef",
    "parteichefin", "premier", "premierminister", "premierministerin", "präsident", "präsidentin", "richter",
    "richterin", "senator", "senatorin", "sprecher", "sprecherin", "staatssekretär", "trainer", "vorsitzende",
    "vorsitzender",
];

/// Abbreviated titles, without a final dot.
pub const TITLE_ABBREVIATIONS: &[&str] = &["dr", "prof"];

/// Speech and attribution cues in their printed forms: reporting verbs (finite
/// forms and participles; separable prefixes such as "fügte … hinzu" are
/// matched on the verb) and the attributing prepositions of "so X", "X zufolge",
/// "laut X", "nach Angaben von X".
pub const REPORTING_VERBS: &[&str] = &[
    "angaben", "antwortet", "antwortete", "argumentierte", "behauptet", "behauptete", "beklagte", "bekräftigte",
    "berichtet", "berichtete", "berichteten", "bestätigt", "bestätigte", "betont", "betonte", "betonten",
    "bezeichnet", "bezeichnete", "ergänzte", "erklärt", "erklärte", "erklärten", "erläuterte", "erzählte", "fordert",
    "forderte", "fragte", "fügte", "gesagt", "hieß", "kommentierte", "kritisiert", "kritisierte", "kündigte", "laut",
    "mahnte", "meint", "meinte", "mitgeteilt", "nannte", "rief", "räumte", "sagen", "sagt", "sagte", "sagten",
    "schreibt", "schrieb", "so", "sprach", "spricht", "teilte", "teilten", "unterstrich", "verkündete", "versicherte",
    "warnt", "warnte", "zitiert", "zitierte", "zufolge", "äusserte", "äußerte",
];

/// Endings of proper adjectives ("französische", "deutschen").
pub const DEMONYM_ENDINGS: &[&str] = &[
    "isch", "ische", "ischem", "ischen", "ischer", "isches",
];

/// Abbreviations after which a dot does not end a German sentence, as printed.
pub const SENTENCE_ABBREVIATIONS: &[&str] = &[
    "Abs", "Jh", "Mio", "Mrd", "Nr", "St", "bzw", "ca", "d.h", "evtl", "ggf", "inkl", "u.a", "usw", "vgl", "z.B",
];

/// German conjunctions and relative adverbs that open a clause (coordinating and subordinating conjunctions of the Duden grammar).
pub const CLAUSE_OPENERS: &[&str] = &[
    "aber", "als", "bevor", "bis", "da", "damit", "denn", "doch", "falls", "indem", "nachdem", "ob", "obwohl", "oder", "seit", "sobald", "sodass", "sowie", "und", "weil", "wenn", "wie", "wo", "worauf", "woraufhin", "während",
];
