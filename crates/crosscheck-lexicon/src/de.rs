//! The German lexicon. Word lists are sorted and lower case (except the
//! abbreviations, kept as printed), like the English ones.

use crate::NumberKind::*;
use crate::{Lexicon, NumberWord, SeparableVerb, TextCitation};

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
    separable_reporting_verbs: SEPARABLE_REPORTING_VERBS,
    demonym_endings: DEMONYM_ENDINGS,
    sentence_abbreviations: SENTENCE_ABBREVIATIONS,
    fragments_are_speech: false,
    clause_openers: CLAUSE_OPENERS,
    prepositions: PREPOSITIONS,
    adverb_suffix: None,
    nouns_capitalised: true,
    known_organisations: &[],
    subjunctive_forms: SUBJUNCTIVE_FORMS,
    text_citation: Some(TEXT_CITATION),
};

/// "es heißt in/auf/im …" (present, past, perfect participle; with and without ß).
pub const TEXT_CITATION: TextCitation = TextCitation {
    verbs: &["geheissen", "geheißen", "heisst", "heißt", "hiess", "hieß"],
    expletive: "es",
    prepositions: &["auf", "im", "in"],
};

/// German function words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries, pronominal and sentence adverbs and common particles. The
/// stop-word list of spaCy 3.8 (`spacy/lang/de/stop_words.py`, MIT licence),
/// less its nouns ("jahr", "zeit", "teil" …), number words, reporting verbs
/// and stray letters ("a", "en"), joined with the words crosscheck listed before.
pub const STOPWORDS: &[&str] = &[
    "ab", "aber", "ach", "achte", "achten", "achter", "achtes", "alle", "allein", "allem", "allen", "aller",
    "allerdings", "alles", "allgemeinen", "als", "also", "am", "an", "andere", "anderem", "anderen", "andern",
    "anders", "auch", "auf", "aus", "ausser", "ausserdem", "außer", "außerdem", "bald", "bei", "beide", "beiden",
    "beim", "bekannt", "bereits", "besonders", "besser", "besten", "bin", "bis", "bisher", "bist", "da", "dabei",
    "dadurch", "dafür", "dagegen", "daher", "dahin", "dahinter", "damals", "damit", "danach", "daneben", "dank",
    "dann", "daran", "darauf", "daraus", "darf", "darfst", "darin", "darum", "darunter", "darüber", "das", "daselbst",
    "dass", "dasselbe", "davon", "davor", "dazu", "dazwischen", "daß", "dein", "deine", "deinem", "deiner", "dem",
    "dementsprechend", "demgegenüber", "demgemäss", "demgemäß", "demselben", "demzufolge", "den", "denen", "denn",
    "denselben", "der", "deren", "derjenige", "derjenigen", "dermassen", "dermaßen", "derselbe", "derselben", "des",
    "deshalb", "desselben", "dessen", "deswegen", "dich", "die", "diejenige", "diejenigen", "dies", "diese",
    "dieselbe", "dieselben", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "drin", "dritte",
    "dritten", "dritter", "drittes", "du", "durch", "durchaus", "durfte", "durften", "dürfen", "dürft", "eben",
    "ebenso", "ehrlich", "eigen", "eigene", "eigenen", "eigener", "eigenes", "ein", "einander", "eine", "einem",
    "einen", "einer", "eines", "einige", "einigen", "einiger", "einiges", "einmal", "endlich", "entweder", "er",
    "erst", "erste", "ersten", "erster", "erstes", "es", "etwa", "etwas", "euch", "früher", "fünfte", "fünften",
    "fünfter", "fünftes", "für", "gab", "ganz", "ganze", "ganzen", "ganzer", "ganzes", "gar", "gedurft", "gegen",
    "gegenüber", "gehabt", "gehen", "geht", "gekannt", "gekonnt", "gemacht", "gemocht", "gemusst", "genug", "gerade",
    "gern", "geschweige", "gewesen", "gewollt", "geworden", "gibt", "ging", "gleich", "gross", "grosse", "grossen",
    "grosser", "grosses", "groß", "große", "großen", "großer", "großes", "gut", "gute", "guter", "gutes", "habe",
    "haben", "habt", "hast", "hat", "hatte", "hatten", "heisst", "heißt", "her", "heute", "hier", "hin", "hinter",
    "hoch", "hätte", "hätten", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im",
    "immer", "in", "indem", "infolgedessen", "ins", "irgend", "ist", "ja", "je", "jede", "jedem", "jeden", "jeder",
    "jedermann", "jedermanns", "jedoch", "jemand", "jemandem", "jemanden", "jene", "jenem", "jenen", "jener", "jenes",
    "jetzt", "kam", "kann", "kannst", "kaum", "kein", "keine", "keinem", "keinen", "keiner", "kleine", "kleinen",
    "kleiner", "kleines", "kommen", "kommt", "konnte", "konnten", "kurz", "können", "könnt", "könnte", "lang",
    "lange", "leicht", "leider", "lieber", "los", "machen", "macht", "machte", "mag", "magst", "man", "manche",
    "manchem", "manchen", "mancher", "manches", "mehr", "mein", "meine", "meinem", "meinen", "meiner", "meines",
    "mich", "mir", "mit", "mochte", "mochten", "morgen", "muss", "musst", "musste", "mussten", "muß", "möchte",
    "mögen", "möglich", "mögt", "müssen", "müsst", "na", "nach", "nachdem", "nahm", "natürlich", "neben", "nein",
    "neue", "neuen", "neunte", "neunten", "neunter", "neuntes", "nicht", "nichts", "nie", "niemand", "niemandem",
    "niemanden", "noch", "nun", "nur", "ob", "oben", "oder", "offen", "oft", "ohne", "recht", "rechte", "rechten",
    "rechter", "rechtes", "richtig", "rund", "sah", "satt", "schlecht", "schon", "sechste", "sechsten", "sechster",
    "sechstes", "sehr", "sei", "seid", "seien", "sein", "seine", "seinem", "seinen", "seiner", "seines", "seit",
    "seitdem", "selbst", "sich", "sie", "siebente", "siebenten", "siebenter", "siebentes", "siebte", "siebten",
    "siebter", "siebtes", "sind", "so", "solang", "solche", "solchem", "solchen", "solcher", "solches", "soll",
    "sollen", "sollte", "sollten", "sondern", "sonst", "sowie", "später", "statt", "tat", "trotzdem", "tun", "um",
    "und", "uns", "unser", "unsere", "unserer", "unter", "vergangene", "vergangenen", "viel", "viele", "vielem",
    "vielen", "vielleicht", "vierte", "vierten", "vierter", "viertes", "vom", "von", "vor", "wahr", "wann", "war",
    "waren", "wart", "warum", "was", "wegen", "weil", "weit", "weiter", "weitere", "weiteren", "weiteres", "welche",
    "welchem", "welchen", "welcher", "welches", "wem", "wen", "wenig", "wenige", "weniger", "weniges", "wenigstens",
    "wenn", "wer", "werde", "werden", "werdet", "wessen", "wie", "wieder", "will", "willst", "wir", "wird",
    "wirklich", "wirst", "wo", "wohl", "wollen", "wollt", "wollte", "wollten", "worden", "wurde", "wurden", "während",
    "währenddem", "währenddessen", "wäre", "würde", "würden", "zehnte", "zehnten", "zehnter", "zehntes", "zu",
    "zuerst", "zugleich", "zum", "zunächst", "zur", "zurück", "zusammen", "zwar", "zweite", "zweiten", "zweiter",
    "zweites", "zwischen", "über", "überhaupt", "übrigens",
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

/// Speech and attribution cues in their printed forms: reporting verbs (the
/// verba dicendi of news German, each in its third-person present and past
/// forms, singular and plural, and its participle; separable prefixes such as
/// "fügte … hinzu" are matched on the verb) and the attributing prepositions of
/// "so X", "X zufolge", "laut X", "nach Angaben von X". Forms that are also a
/// common noun or pronoun when capitalised ("Fragen", "Antworten", "meinen")
/// are left out, since a German noun is capitalised anywhere in a sentence.
pub const REPORTING_VERBS: &[&str] = &[
    "angaben", "antwortet", "antwortete", "antworteten", "appellieren", "appelliert", "appellierte", "appellierten",
    "argumentieren", "argumentiert", "argumentierte", "argumentierten", "bedauern", "bedauert", "bedauerte",
    "bedauerten", "behaupten", "behauptet", "behauptete", "behaupteten", "beklagen", "beklagt", "beklagte",
    "beklagten", "bekräftigen", "bekräftigt", "bekräftigte", "bekräftigten", "berichten", "berichtet", "berichtete",
    "berichteten", "bestätigen", "bestätigt", "bestätigte", "bestätigten", "beteuern", "beteuert", "beteuerte",
    "beteuerten", "betonen", "betont", "betonte", "betonten", "bezeichnen", "bezeichnet", "bezeichnete",
    "bezeichneten", "bilanzieren", "bilanziert", "bilanzierte", "bilanzierten", "dementieren", "dementiert",
    "dementierte", "dementierten", "entgegnen", "entgegnet", "entgegnete", "entgegneten", "ergänzen", "ergänzt",
    "ergänzte", "ergänzten", "erklären", "erklärt", "erklärte", "erklärten", "erläutern", "erläutert", "erläuterte",
    "erläuterten", "erwidern", "erwidert", "erwiderte", "erwiderten", "erzählen", "erzählt", "erzählte", "erzählten",
    "folgert", "folgerte", "folgerten", "fordern", "fordert", "forderte", "forderten", "fragt", "fragte", "fragten",
    "fügt", "fügte", "fügten", "geantwortet", "gefolgert", "gefordert", "gesagt", "geschildert", "geschrieben",
    "gestand", "gestanden", "gesteht", "gewürdigt", "geäußert", "hieß", "insistieren", "insistiert", "insistierte", "insistierten",
    "klagt", "klagte", "klagten", "kommentieren", "kommentiert", "kommentierte", "kommentierten", "konstatieren",
    "konstatiert", "konstatierte", "konstatierten", "kontert", "konterte", "konterten", "kritisieren", "kritisiert",
    "kritisierte", "kritisierten", "kündigt", "kündigte", "kündigten", "laut", "lobt", "lobte", "lobten", "mahnt",
    "mahnte", "mahnten", "meint", "meinte", "meinten", "monieren", "moniert", "monierte", "monierten",
    "nannte", "nannten", "nennt", "protestieren", "protestiert", "protestierte", "protestierten", "präzisieren",
    "präzisiert", "präzisierte", "präzisierten", "resümieren", "resümiert", "resümierte", "resümierten", "rief",
    "riefen", "ruft", "räumt", "räumte", "räumten", "sagen", "sagt", "sagte", "sagten", "schildern", "schildert",
    "schilderte", "schilderten", "schreiben", "schreibt", "schrieb", "schrieben", "signalisieren", "signalisiert",
    "signalisierte", "signalisierten", "skandieren", "skandiert", "skandierte", "skandierten", "so", "sprach",
    "sprachen", "spricht", "teilt", "teilte", "teilten", "unterstreicht", "unterstrich", "unterstrichen", "verkünden",
    "verkündet", "verkündete", "verkündeten", "verlautbaren", "verlautbart", "verlautbarte", "verlautbarten",
    "versichern", "versichert", "versicherte", "versicherten", "versprach", "versprachen", "verspricht", "warnt",
    "warnte", "warnten", "widersprach", "widerspricht", "würdigen", "würdigt", "würdigte", "würdigten", "zitieren", "zitiert", "zitierte", "zitierten", "zufolge",
    "äusserte", "äußern", "äußert", "äußerte", "äußerten",
];

/// The Konjunktiv I of reported speech in the third person singular, where
/// it differs from the indicative ("sei" / "ist", "habe" / "hat", "könne" /
/// "kann"), and the plural "seien": the auxiliaries, the modal verbs and the
/// commonest full verbs of indirect speech in news German (Duden grammar,
/// "indirekte Rede"). Forms shared with the indicative ("sie haben") are
/// left out: they do not mark reported speech.
pub const SUBJUNCTIVE_FORMS: &[&str] = &[
    "bestehe", "bleibe", "brauche", "dürfe", "fehle", "finde", "gebe", "gehe", "gelte", "habe", "halte",
    "handle", "komme", "könne", "lasse", "lebe", "liege", "mache", "möge", "müsse", "sehe", "sei", "seien",
    "solle", "stehe", "trage", "werde", "wisse", "wolle", "zeige",
];

/// Separable verba dicendi of news German (the particle verbs of speech in
/// the Duden grammar's lists, "bekannt|geben", "hervor|heben", "hin|weisen"),
/// each with its base verb's third-person forms and its participle. Where the
/// base verb is a reporting verb on its own ("fügte … hinzu", "teilte … mit")
/// it is in [`REPORTING_VERBS`] too; the entry here adds the joined forms of
/// verb-final clauses ("wie der Sprecher mitteilte").
pub const SEPARABLE_REPORTING_VERBS: &[SeparableVerb] = &[
    SeparableVerb { particle: "ab", finite: STREITEN, participle: "abgestritten" },
    SeparableVerb { particle: "an", finite: GEBEN, participle: "angegeben" },
    SeparableVerb { particle: "an", finite: KUENDIGEN, participle: "angekündigt" },
    SeparableVerb { particle: "an", finite: MERKEN, participle: "angemerkt" },
    SeparableVerb { particle: "auf", finite: RUFEN, participle: "aufgerufen" },
    SeparableVerb { particle: "aus", finite: FUEHREN, participle: "ausgeführt" },
    SeparableVerb { particle: "bekannt", finite: GEBEN, participle: "bekanntgegeben" },
    SeparableVerb { particle: "ein", finite: RAEUMEN, participle: "eingeräumt" },
    SeparableVerb { particle: "ein", finite: WENDEN, participle: "eingewandt" },
    SeparableVerb { particle: "fest", finite: HALTEN, participle: "festgehalten" },
    SeparableVerb { particle: "fest", finite: STELLEN, participle: "festgestellt" },
    SeparableVerb { particle: "heraus", finite: STELLEN, participle: "herausgestellt" },
    SeparableVerb { particle: "heraus", finite: STREICHEN, participle: "herausgestrichen" },
    SeparableVerb { particle: "hervor", finite: HEBEN, participle: "hervorgehoben" },
    SeparableVerb { particle: "hin", finite: WEISEN, participle: "hingewiesen" },
    SeparableVerb { particle: "hinzu", finite: FUEGEN, participle: "hinzugefügt" },
    SeparableVerb { particle: "klar", finite: STELLEN, participle: "klargestellt" },
    SeparableVerb { particle: "mit", finite: TEILEN, participle: "mitgeteilt" },
    SeparableVerb { particle: "vor", finite: SCHLAGEN, participle: "vorgeschlagen" },
    SeparableVerb { particle: "vor", finite: WERFEN, participle: "vorgeworfen" },
    SeparableVerb { particle: "zu", finite: GEBEN, participle: "zugegeben" },
    SeparableVerb { particle: "zu", finite: SICHERN, participle: "zugesichert" },
    SeparableVerb { particle: "zusammen", finite: FASSEN, participle: "zusammengefasst" },
];

// Third-person present and past forms, singular and plural, of the base verbs above.
const FASSEN: &[&str] = &["fassen", "fasst", "fasste", "fassten"];
const FUEGEN: &[&str] = &["fügen", "fügt", "fügte", "fügten"];
const FUEHREN: &[&str] = &["führen", "führt", "führte", "führten"];
const GEBEN: &[&str] = &["gab", "gaben", "geben", "gibt"];
const HALTEN: &[&str] = &["halten", "hielt", "hielten", "hält"];
const HEBEN: &[&str] = &["heben", "hebt", "hob", "hoben"];
const KUENDIGEN: &[&str] = &["kündigen", "kündigt", "kündigte", "kündigten"];
const MERKEN: &[&str] = &["merken", "merkt", "merkte", "merkten"];
const RAEUMEN: &[&str] = &["räumen", "räumt", "räumte", "räumten"];
const RUFEN: &[&str] = &["rief", "riefen", "rufen", "ruft"];
const SCHLAGEN: &[&str] = &["schlagen", "schlug", "schlugen", "schlägt"];
const SICHERN: &[&str] = &["sichern", "sichert", "sicherte", "sicherten"];
const STELLEN: &[&str] = &["stellen", "stellt", "stellte", "stellten"];
const STREICHEN: &[&str] = &["streichen", "streicht", "strich", "strichen"];
const STREITEN: &[&str] = &["streiten", "streitet", "stritt", "stritten"];
const TEILEN: &[&str] = &["teilen", "teilt", "teilte", "teilten"];
const WEISEN: &[&str] = &["weisen", "weist", "wies", "wiesen"];
const WENDEN: &[&str] = &["wandte", "wandten", "wenden", "wendet", "wendete", "wendeten"];
const WERFEN: &[&str] = &["warf", "warfen", "werfen", "wirft"];

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

/// German prepositions of the Duden grammar with their article contractions
/// ("zum", "im", "ins"); "laut" and "zufolge" are left out: they attribute ("laut X", "X zufolge").
pub const PREPOSITIONS: &[&str] = &[
    "ab", "abseits", "am", "an", "angesichts", "anhand", "anlässlich", "ans", "anstatt", "auf", "aufgrund", "aufs",
    "aus", "ausser", "außer", "außerhalb", "bei", "beim", "binnen", "bis", "dank", "durch", "durchs", "entgegen",
    "entlang", "für", "fürs", "gegen", "gegenüber", "gemäß", "hinter", "hinters", "im", "in", "infolge", "inmitten",
    "innerhalb", "ins", "jenseits", "mangels", "mit", "mittels", "nach", "neben", "nebst", "ohne", "samt", "seit",
    "seitens", "statt", "trotz", "um", "ums", "unter", "unterhalb", "vom", "von", "vor", "vorm", "wegen", "während",
    "zu", "zugunsten", "zum", "zur", "zuzüglich", "zwischen", "über", "überm", "übers",
];
