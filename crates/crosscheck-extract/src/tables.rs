//! Word lists and thresholds the extractors rely on, kept apart from the
//! algorithms so they can be reviewed and tuned without touching the logic.
//! Nothing here names a person, outlet or phrase of any particular story: these
//! are closed-class words of English news prose.

/// Tokens that end with a period without ending a sentence (compared without the dot).
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Ft", "Adm", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Maj",
    "Sen", "Rep", "Gov", "Prof", "Rev", "Hon", "Pres", "Supt", "Insp", "Jr", "Sr", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "approx", "Inc",
    "Ltd", "Co", "Corp", "Bros", "cf", "al", "Fig", "Art", "Vol", "pp",
];

/// Honorifics and titles printed before a name; they mark the name as a person
/// and are not part of it ("Admiral Giuseppe ...", "President ...", "Mr ...").
pub const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor", "Admiral", "Adm",
    "General", "Gen", "Colonel", "Col", "Lieutenant", "Lt", "Captain", "Capt", "Commander", "Major", "Sergeant",
    "Marshal", "President", "Vice", "Senator", "Sen", "Rep", "Representative", "Congressman", "Congresswoman",
    "Governor", "Gov", "Mayor", "Minister", "Chancellor", "Premier", "King", "Queen", "Prince", "Princess",
    "Pope", "Cardinal", "Bishop", "Rabbi", "Imam", "Sheikh", "Judge", "Justice", "Ambassador", "Secretary",
    "Speaker", "Chairman", "Chairwoman", "Chief", "Director", "Deputy", "Prime", "Foreign", "Defence",
    "CEO", "Chairwoman", "Founder", "Coach", "Sheriff", "Mrs.", "Mr.", "Dr.",
];

/// Nouns naming a role or office; a phrase holding one is a role phrase
/// ("Foreign Ministry spokeswoman", "Russia's envoy to Belgium").
pub const ROLE_NOUNS: &[&str] = &[
    "admiral", "general", "colonel", "commander", "officer", "official", "officials", "spokeswoman",
    "spokesman", "spokesperson", "ambassador", "envoy", "diplomat", "minister", "president", "senator",
    "chairman", "chairwoman", "chair", "chief", "director", "secretary", "negotiator", "adviser", "advisor",
    "aide", "leader", "head", "governor", "mayor", "chancellor", "premier", "king", "queen", "lawmaker",
    "legislator", "mp", "representative", "congressman", "congresswoman", "prosecutor", "judge", "analyst",
    "expert", "researcher", "professor", "economist", "executive", "ceo", "founder", "manager", "commissioner",
    "spy", "source", "sources", "deputy", "staff", "captain", "lieutenant", "sergeant", "marshal", "envoys",
    "correspondent", "editor", "reporter", "activist", "lawyer", "attorney", "witness", "resident", "member",
    "chairperson", "diplomats", "strategist", "inspector", "superintendent", "police", "soldier", "pilot",
    // occupations that often speak in local and incident reporting
    "master", "worker", "employee", "firefighter", "engineer", "operator", "owner", "doctor", "nurse",
    "eyewitness", "survivor", "passenger", "farmer", "driver", "paramedic", "guard",
];

/// Role nouns that mark a woman or a man, for pronoun agreement.
pub const FEMALE_CUES: &[&str] = &["spokeswoman", "chairwoman", "congresswoman", "mrs", "ms", "miss", "queen", "princess", "lady", "dame"];
pub const MALE_CUES: &[&str] = &["spokesman", "chairman", "congressman", "mr", "king", "prince", "sir", "lord"];

/// Reporting verbs in every printed form; the lemma is not needed, the cue is kept as printed.
pub const CUE_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding", "warned", "warns",
    "warning", "claimed", "claims", "claiming", "stated", "states", "stating", "explained", "explains",
    "explaining", "noted", "notes", "noting", "accused", "accuses", "accusing", "condemned", "condemns",
    "condemning", "called", "calls", "calling", "insisted", "insists", "insisting", "asserted", "asserts",
    "asserting", "acknowledged", "acknowledges", "acknowledging", "argued", "argues", "arguing", "stressed",
    "stresses", "stressing", "described", "describes", "describing", "characterized", "characterised",
    "characterizes", "characterises", "characterizing", "characterising", "wrote", "writes", "writing",
    "asked", "asks", "replied", "replies", "declared", "declares", "announced", "announces", "confirmed",
    "confirms", "urged", "urges", "suggested", "suggests", "revealed", "reveals", "emphasized", "emphasised",
    "emphasizes", "emphasises", "remarked", "recalled", "admitted", "admits", "denied", "denies", "insisted",
    "predicted", "predicts", "promised", "promises", "vowed", "vows", "pledged", "tweeted", "posted",
    "continued", "concluded", "observed", "cautioned", "complained", "branded", "labelled", "labeled",
    "dubbed", "termed", "slammed", "blasted", "criticised", "criticized", "denounced", "dismissed",
    "indicated", "indicates", "agreed", "conceded", "boasted", "quipped", "wondered", "mused", "answered",
    "responded", "reiterated", "maintained", "contended", "alleged", "alleges", "according",
];

/// Words that open a sentence without being a name.
pub const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "As", "For", "From", "With", "Without", "By", "Since", "While",
    "Meanwhile", "Despite", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
    "You", "Yet", "But", "And", "Or", "So", "If", "When", "Whether", "What", "Which", "Who", "Where", "Why",
    "How", "Several", "Some", "Many", "Most", "All", "Both", "Each", "Every", "Any", "No", "One", "Two",
    "After", "Before", "During", "Under", "Over", "Among", "Between", "Through", "Although", "Though",
    "However", "Also", "Additionally", "Moreover", "Furthermore", "Still", "Even", "Only", "Such", "Other",
    "Another", "Last", "Next", "Earlier", "Later", "Now", "Then", "Today", "Yesterday", "Tomorrow", "Here",
    "There", "Their", "His", "Her", "Our", "My", "Your", "Asked", "According", "Speaking", "Following",
    "Recent", "Several", "Few", "Once", "Nor", "Not", "To", "Of", "About", "Against", "Amid", "Until",
    "Unlike", "Like", "Because", "Instead", "Indeed", "Perhaps", "Please", "Thus", "Hence", "Whatever",
];

/// Head words of organisation names ("Foreign Ministry", "Financial Times").
pub const ORG_WORDS: &[&str] = &[
    "Ministry", "Committee", "Council", "Commission", "Agency", "Office", "Department", "Party", "Union",
    "Times", "Post", "News", "Journal", "Herald", "Telegraph", "Guardian", "Press", "Navy", "Army",
    "Force", "Forces", "Guard", "Bank", "Fund", "Group", "Inc", "Ltd", "Corp", "Company", "Institute",
    "University", "College", "School", "Court", "Parliament", "Assembly", "Congress", "Senate", "Cabinet",
    "Government", "Administration", "Service", "Services", "Organisation", "Organization", "Association",
    "Foundation", "Alliance", "Federation", "Operation", "Network", "Police", "Commons", "Bureau", "Authority",
    "Board", "Centre", "Center", "Federal", "National", "Royal", "Airlines", "Motors", "Reuters", "Kremlin",
    "Pentagon", "Command", "Corps", "Club", "League", "Church", "Hospital", "Television", "Radio", "Media",
    "Fleet", "Fisheries", "Industries", "Holdings", "Partners", "Shipping", "Energy", "Systems", "Technologies",
    "Labs", "Capital", "Directorate", "Studios", "Games", "Entertainment", "Records", "Pictures", "Airways", "Lines", "Brigade", "Division", "Regiment", "Battalion", "Squadron",
];

/// Head words of place names ("Baltic Sea", "English Channel").
pub const PLACE_WORDS: &[&str] = &[
    "Sea", "Ocean", "Channel", "River", "Lake", "Mountains", "Mountain", "Island", "Islands", "Bay", "Gulf",
    "Strait", "Coast", "Peninsula", "Valley", "Street", "Square", "Avenue", "Road", "Airport", "City",
    "County", "Province", "Region", "State", "States", "Republic", "Kingdom", "Emirates", "House", "Palace",
    "Hall", "Park", "Bridge", "Port", "Harbour", "Harbor", "Desert", "Basin", "Strip", "Bank", "Heights",
];

/// Suffixes of demonyms and other adjectives that start a capitalised run
/// ("Italian chairman", "Western powers") but never a personal name.
pub const ADJECTIVE_SUFFIXES: &[&str] = &["ian", "ean", "ern", "ish", "ese", "ic", "can"];

/// Prepositions after which a capitalised word is a place ("in Moscow").
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "to", "from", "near", "at", "across", "into", "over", "toward", "towards", "outside", "inside"];

/// Words that may sit between a role noun and its object ("envoy to Belgium").
pub const ROLE_LINKS: &[&str] = &["of", "to", "for", "at", "in", "on"];

/// Lower-case modifiers that can sit inside a pre-modifying role phrase ("special envoy", "top diplomat").
pub const ROLE_MODIFIERS: &[&str] = &[
    "special", "top", "senior", "chief", "deputy", "former", "acting", "foreign", "defence", "defense",
    "military", "interior", "prime", "vice", "general", "influential", "highest-ranking", "high-ranking",
    "longtime", "veteran", "lead", "principal", "assistant", "associate", "executive", "finance", "health",
    "trade", "economy", "press", "national", "security", "staff", "of", "new", "outgoing", "incoming",
];

/// Verbs of a relative clause that give a role ("who chairs the committee").
pub const ROLE_CLAUSE_VERBS: &[&str] = &["chairs", "heads", "leads", "runs", "directs", "chaired", "headed", "led", "oversees", "commands", "represents"];

/// Personal pronouns that can be speakers, with their gender (None: any).
pub const PRONOUNS: &[(&str, Option<bool>)] = &[("he", Some(false)), ("she", Some(true)), ("they", None)];

/// Determiners that make a role phrase anonymous ("a senior official").
pub const INDEFINITES: &[&str] = &["a", "an", "one", "another", "two", "three", "several", "some"];

/// Words before a short quoted phrase that make it a quoted complement of a
/// reporting verb ("as the 'toughest part'", "to be 'hammered out'") rather than a term.
pub const COMPLEMENT_MARKERS: &[&str] = &["as", "be", "is", "was", "were", "are", "been", "being", "that", "it"];

/// Determiners before a short quoted phrase that make it a term ("a 'pre-emptive strike'").
pub const TERM_MARKERS: &[&str] = &["a", "an", "so-called", "his", "her", "its", "their", "our", "this", "these", "those"];

/// Verbs that name something with a quoted phrase ("called the incident 'a provocation'").
pub const NAMING_VERBS: &[&str] = &[
    "called", "calls", "calling", "branded", "brands", "labelled", "labeled", "dubbed", "termed", "described",
    "describes", "characterized", "characterised", "condemned", "denounced", "slammed",
];

/// Head nouns of indefinite subjects that are documents, not people ("a
/// statement said"): such a subject is not taken as an anonymous speaker.
pub const DOCUMENT_NOUNS: &[&str] = &[
    "statement", "report", "document", "letter", "study", "survey", "poll", "memo", "note", "post", "message",
    "sign", "notice", "website", "video", "tweet", "banner", "headline", "release", "filing", "analysis", "paper",
];

/// How far back (bytes) a pronoun may look for an anonymous source as its antecedent.
pub const MAX_ANON_ANTECEDENT_BYTES: usize = 400;

/// Confidence of a definite description resolved only by proximity.
pub const CONF_DESCRIPTION_NEAREST: f32 = 0.5;

/// A quotation of at least this many words is a full quotation whatever its context.
pub const FULL_QUOTE_MIN_WORDS: usize = 4;
/// A quotation running past this many bytes without a closing mark is abandoned.
pub const MAX_QUOTE_BYTES: usize = 3000;
/// How many paragraph breaks a quotation may cross.
pub const MAX_QUOTE_PARAGRAPHS: usize = 4;
/// Subject chunks longer than this many words are not trusted for attribution.
pub const MAX_SUBJECT_WORDS: usize = 16;

/// Attribution confidences by method.
pub const CONF_NAME: f32 = 0.9;
pub const CONF_ROLE: f32 = 0.8;
pub const CONF_ANON: f32 = 0.8;
/// An indefinite subject without a listed role noun ("a ferry hand said").
pub const CONF_ANON_UNLISTED: f32 = 0.6;
pub const CONF_ORG: f32 = 0.75;
pub const CONF_COLON: f32 = 0.75;
pub const CONF_PRONOUN: f32 = 0.7;
pub const CONF_DESCRIPTION: f32 = 0.7;
pub const CONF_CONTINUATION: f32 = 0.65;

pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];
pub const MONTH_ABBR: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0), ("seven", 7.0),
    ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0), ("twelve", 12.0), ("thirteen", 13.0),
    ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0), ("seventeen", 17.0), ("eighteen", 18.0),
    ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
    ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0), ("hundred", 100.0), ("dozens", 24.0),
    ("dozen", 12.0), ("hundreds", 200.0), ("thousands", 2000.0), ("half", 0.5),
];
/// Scale words multiply the number before them.
pub const SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9), ("m", 1e6)];
/// Qualifiers printed before a number.
pub const QUALIFIERS: &[&str] = &[
    "at least", "at most", "more than", "less than", "fewer than", "over", "under", "nearly", "almost",
    "about", "around", "approximately", "roughly", "some", "up to", "as many as", "an estimated", "exceed",
    "exceeds", "approach", "approaching", "just over", "just under",
];
/// Units printed after a number.
pub const UNITS: &[&str] = &[
    "%", "percent", "per cent", "km", "kilometres", "kilometers", "miles", "metres", "meters", "kg", "tonnes",
    "tons", "dollars", "euros", "pounds", "years", "months", "weeks", "days", "hours", "minutes",
];
/// Words that end a counted noun phrase.
pub const COUNT_STOPS: &[&str] = &[
    "and", "or", "but", "in", "on", "at", "to", "from", "with", "by", "for", "since", "that", "which", "who",
    "were", "was", "is", "are", "have", "has", "had", "will", "would", "could", "across", "after", "before",
    "during", "while", "as", "than", "the", "a", "an", "of", "this", "these", "been", "be",
];
