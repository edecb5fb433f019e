//! Word lists and thresholds the extractors rely on, kept apart from the
//! algorithms so they can be reviewed and tuned without touching the logic.
//! Nothing here names a person, outlet or phrase of any particular story: these
//! are closed-class words of English news prose. The lists other stages read
//! too (sentence abbreviations, titles, reporting verbs, demonym endings,
//! months, weekdays, number words, known organisations) are
//! `crosscheck_lexicon`'s.

use crate::EventKind;

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

/// Generational suffixes that end an English personal name ("Vann R. Newkirk
/// II", "Martin Luther King Jr."), as printed without a dot.
pub const NAME_SUFFIXES: &[&str] = &["II", "III", "IV", "Jr", "Sr"];

/// Head words of organisation names ("Foreign Ministry", "Financial Times").
pub const ORG_WORDS: &[&str] = &[
    "Ministry", "Committee", "Council", "Commission", "Agency", "Office", "Department", "Party", "Union",
    "Times", "Post", "News", "Journal", "Herald", "Telegraph", "Guardian", "Press", "Navy", "Army",
    "Force", "Forces", "Guard", "Bank", "Fund", "Group", "Inc", "Ltd", "Corp", "Company", "Institute",
    "University", "College", "School", "Court", "Parliament", "Assembly", "Congress", "Senate", "Cabinet",
    "Government", "Administration", "Service", "Services", "Organisation", "Organization", "Association",
    "Foundation", "Alliance", "Federation", "Operation", "Network", "Police", "Commons", "Bureau", "Authority",
    "Board", "Centre", "Center", "Federal", "National", "Royal", "Airlines", "Motors", "Command", "Corps", "Club", "League", "Church", "Hospital", "Television", "Radio", "Media",
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
/// The fewest words of a quotation in a reported clause for it to count as a
/// partial quotation of the speaker rather than a term in scare quotes.
pub const PARTIAL_QUOTE_MIN_WORDS: usize = 3;

/// At most this many words in title case inside a sentence are taken for a
/// title or a name in marks (a programme, a book, a slogan), not speech.
pub const TITLE_MAX_WORDS: usize = 5;

/// A short quotation closed by a comma is an utterance when a reporting verb
/// follows within this many words (“Really,” she said / “Quiet,” the officer told him).
pub const CUE_AFTER_UTTERANCE_WORDS: usize = 3;
/// The longest attribution that may interrupt one statement's quotation
/// (“…,” said the chairman of the committee, on Monday. “…”), in bytes.
pub const MAX_INTERRUPTION_BYTES: usize = 200;
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

/// A day printed without a year ("December 20") is in the reference day's year
/// unless that puts it more than this many days after the reference, when it is
/// the year before: reports mostly look back, but also announce the coming weeks.
pub const YEARLESS_DAY_MAX_AHEAD_DAYS: i64 = 60;

// ---------------------------------------------------------------------------
// Datelines ("Brussels/Moscow – December 2, 2025 – ...") and written dates in
// them. Moved here from crosscheck-ingest, which reads a plain text's date from
// its dateline with `crate::dateline`. Month names (English and other
// languages) and weekday names are the lexicon's (`crosscheck_lexicon::calendar`).

/// How far into a paragraph a dateline may run (characters).
pub const DATELINE_MAX_CHARS: usize = 120;
/// A dateline place has at most this many words ("Washington D.C.", "Brussels/Moscow").
pub const DATELINE_PLACE_MAX_WORDS: usize = 5;
/// Characters that end a dateline or separate its place from its date. A
/// plain hyphen counts only with a space on both sides (" - "), because
/// hyphens also sit inside words and ISO dates.
pub const DATELINE_DASHES: &[char] = &[
    '\u{2010}', // hyphen
    '\u{2011}', // non-breaking hyphen
    '\u{2012}', // figure dash
    '\u{2013}', // en dash
    '\u{2014}', // em dash
    '\u{2015}', // horizontal bar
    '\u{2212}', // minus sign
    '\u{fe58}', // small em dash
    '\u{fe63}', // small hyphen-minus
    '\u{ff0d}', // fullwidth hyphen-minus
];

/// English ordinal suffixes after a day number ("2nd December").
pub const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];
/// Words between a day and a month in some languages ("2 de diciembre de 2025").
pub const DATE_FILLER_WORDS: &[&str] = &["de", "del", "of", "the"];

/// Vague counts: phrases that count without a number ("multiple severed
/// cables", "dozens of drones"). Hand-collected from hybrid-warfare reporting
/// (formerly the incident register's and the comparison's own lists, merged);
/// longest first is not needed, the finder tries every phrase.
pub const VAGUE_COUNTS: &[&str] = &[
    "multiple", "several", "numerous", "repeated", "regular", "many", "dozens of", "hundreds of", "thousands of",
    "a number of", "a series of", "a handful of", "various", "some", "a few", "few",
];
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
/// Longest counted noun phrase after a number, in words: enough for a plural
/// head noun after four modifiers ("multiple severed Baltic Sea data cables").
pub const COUNTED_MAX_WORDS: usize = 5;
/// Auxiliaries between a counted noun phrase and its participle ("people were
/// killed", "have been arrested").
pub const PREDICATE_AUXILIARIES: &[&str] = &["were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "also", "all", "later", "now", "still"];
/// What can happen to a counted thing without an -ed/-ing form ("12 people
/// dead", "12 hurt"), in English news usage.
pub const PREDICATE_WORDS: &[&str] = &["dead", "hurt", "missing", "slain", "shot", "held", "taken", "stolen", "lost", "sold", "born", "hit", "cut", "built", "won", "gone", "alive", "aboard", "on board"];
/// -ed/-ing words that are prepositions or say nothing about the counted
/// thing ("including two passengers", "according to").
pub const NOT_PREDICATES: &[&str] = &["including", "included", "includes", "according", "regarding", "following", "concerning", "during", "excluding", "involving", "totalling", "totaling", "numbering", "estimated", "reported", "expected", "counting", "nothing", "something", "anything", "everything", "morning", "evening", "ceiling", "building", "bring", "thing", "king", "during", "red", "bed", "need", "speed", "feed", "seed", "hundred", "kindred"];
/// Words that end a counted noun phrase.
pub const COUNT_STOPS: &[&str] = &[
    "and", "or", "but", "in", "on", "at", "to", "from", "with", "by", "for", "since", "that", "which", "who",
    "were", "was", "is", "are", "have", "has", "had", "will", "would", "could", "across", "after", "before",
    "during", "while", "as", "than", "the", "a", "an", "of", "this", "these", "been", "be",
    // prepositions after a money or measure ("$160 million over eight years")
    "over", "per", "under", "about", "into", "through", "against", "between", "among", "off", "each", "apiece",
];

/// Two role phrases name one office when they share this share of the longer
/// one's content words ("Russia's ambassador to Belgium" / "the Russian
/// ambassador to Belgium"); a role-only speaker resolves to the person whose
/// printed role reaches it. The value the comparison stage used for role
/// speakers before people were merged in one place.
pub const ROLE_MATCH_MIN_OVERLAP: f64 = 0.6;

// ---- events: what kind of happening a sentence reports ----
// Moved here from the incident stage, whose cue table was the fuller of the
// two classifiers (the comparison's timeline had its own word-prefix table);
// general English news wording about hybrid-warfare incidents, plus the
// non-incident happenings a story timeline shows (meetings, interviews).

/// Cue patterns per kind, in priority order: when two cues overlap in a
/// sentence, the one listed first wins (a "drone strike" is a strike, not a
/// drone incursion; "sabotage of a pipeline" is pipeline damage, not generic
/// sabotage; "arrested for sabotage" is an arrest). All are case-insensitive.
pub const EVENT_CUES: &[(EventKind, &str)] = &[
    (EventKind::Strike, r"\b(?:missile|drone|rocket|air|artillery|glide[\s-]bomb)(?:\s+and\s+(?:missile|drone|rocket|artillery))?[\s-]?strikes?\b"),
    (EventKind::Strike, r"\bairstrikes?\b|\bbombardments?\b|\bshelling\b"),
    // "U.S. forces bombed a hospital": bombing by armed forces is a strike, not an explosion.
    (EventKind::Strike, r"\b(?:forces|troops|jets|warplanes|planes|aircraft|military|coalition|army|navy|air\s+force)\s+(?:\w+\s+)?bombed\b"),
    (EventKind::Strike, r"\b(?:killed|wounded|injured)\b[^.;]{0,40}?\bin\s+an?\s+(?:\w+\s+)?(?:strike|attack)\b"),
    (EventKind::EspionageArrest, r"\bespionage\b|\bspying\b|\bspy\s+(?:ring|network|cell)s?\b|\bspies\b"),
    // "arrested on suspicion of drunk driving" is no espionage arrest: the charge itself must be named.
    (EventKind::EspionageArrest, r"\b(?:arrested|detained|charged|convicted)\b[^.;]{0,60}?\b(?:spy\w*|espionage|sabotage|treason)\b"),
    (EventKind::CableDamage, r"\b(?:cut|cuts|cutting|severed|severing|sever|damaged|damaging|damage\s+to|ruptured?|rupturing|broken|sabotaged|sabotaging|sabotage\s+of)\s+(?:of\s+|to\s+)?(?:[\w-]+[\s-]+){0,5}?(?:cables?|pipelines?|interconnectors?)\b"),
    (EventKind::CableDamage, r"\b(?:cables?|pipelines?|interconnectors?)\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|has\s+been\s+)?(?:cut|severed|damaged|ruptured|sabotaged|broken|torn)\b"),
    (EventKind::CableDamage, r"\b(?:cable|pipeline|interconnector)\s+(?:cuts?|sabotage|damage|breaks?|ruptures?|incidents?|failures?)\b"),
    (EventKind::DroneIncursion, r"\bdrone[\s-]?(?:incursions?|violations?|sightings?|overflights?|swarms?|flights?)\b"),
    (EventKind::DroneIncursion, r"\b(?:incursions?|violations?|sightings?|overflights?)\s+(?:by|of|involving)\s+(?:[\w-]+\s+){0,2}drones?\b"),
    (EventKind::DroneIncursion, r"\bdrones?\s+(?:were\s+|was\s+|had\s+been\s+)?(?:spotted|seen|sighted|observed|flew|flying|hovering|hovered|detected)\s+(?:over|above|near|around)\b"),
    (EventKind::AirspaceViolation, r"\bairspace\s+(?:violations?|incursions?|breach(?:es)?|intrusions?)\b"),
    (EventKind::AirspaceViolation, r"\b(?:violat\w*|incursions?|breach\w*|intrusions?|entered|strayed)\s+(?:into\s+|of\s+|in\s+)?(?:[\w-]+\s+){0,2}airspace\b"),
    (EventKind::MilitaryAircraft, r"\b(?:fighter\s+jets?|fighter\s+aircraft|warplanes?|strategic\s+bombers?|bombers|military\s+(?:aircraft|jets?|planes?|helicopters?)|combat\s+aircraft|reconnaissance\s+(?:aircraft|planes?))\b"),
    (EventKind::NavalShadowing, r"\bshadow(?:ed|ing|s)\s+(?:[\w-]+\s+){0,3}(?:vessels?|ships?|warships?|submarines?|tankers?|frigates?|destroyers?|corvettes?)\b"),
    (EventKind::NavalShadowing, r"\b(?:vessels?|ships?|warships?|submarines?|tankers?)\b[^.;]{0,40}?\b(?:was|were)\s+shadowed\b"),
    (EventKind::NavalShadowing, r"\b(?:escorted|tracked|monitored)\s+(?:[\w-]+\s+){0,3}(?:warships?|submarines?|naval\s+vessels?|spy\s+ships?)\b"),
    (EventKind::GpsJamming, r"\b(?:gps|gnss|satellite[\s-]navigation|navigation)(?:\s+signals?)?\s+(?:jamming|spoofing|interference|disruptions?|outages?)\b"),
    (EventKind::GpsJamming, r"\b(?:gps|gnss|navigation|satellite)\s+(?:signals?\s+|systems?\s+)?(?:was|were|had\s+been|have\s+been)\s+(?:jammed|spoofed|disrupted)\b"),
    (EventKind::GpsJamming, r"\b(?:jamming|spoofing)\s+(?:of\s+)?(?:gps|gnss|satellite|navigation)\b|\bjamm(?:ed|ing)\s+(?:[\w-]+\s+){0,2}(?:gps|gnss|navigation)\b"),
    (EventKind::CyberAttack, r"\bcyber[\s-]?(?:attacks?|breach(?:es)?|intrusions?|incidents?|operations?|warfare|espionage|sabotage)\b"),
    (EventKind::CyberAttack, r"\bcyberattacks?\b|\bhack(?:ed|ing|ers?)\b|\bransomware\b|\bddos\b|\bdenial[\s-]of[\s-]service\b|\bdata\s+breach(?:es)?\b"),
    // Petrol bombs and Molotov cocktails set fires; they are arson, not explosions.
    (EventKind::SabotageArson, r"\b(?:petrol|gasoline|molotov)\s+(?:cocktail\s+)?(?:fire\s*-?\s*)?bombs?\b|\bfire\s*-?\s*bomb(?:s|ed|ing)?\b|\bmolotov\s+cocktails?\b|\bincendiary\s+(?:devices?|bombs?)\b"),
    (EventKind::Explosion, r"\bexplosions?\b|\bblasts?\b|\bexploded\b|\bdetonat\w+|\bbomb(?:s|ing|ings|ed)?\b"),
    (EventKind::SabotageArson, r"\barson\b|\bblazes?\b|\b(?:a|the|large|major|huge|suspicious)\s+fire\b|\bfires\b|\bset\s+(?:on\s+)?fire\b|\bset\s+ablaze\b|\bset\s+alight\b|\btorched\b|\bfirebomb\w*"),
    (EventKind::SabotageArson, r"\bfires?\s+(?:tore|broke\s+out|swept|ripped|gutted|destroyed|engulfed|raged|damaged)\b|\b(?:destroyed|gutted|damaged|engulfed|razed)\s+by\s+(?:a\s+)?(?:fire|blaze|flames)\b|\bfires?\s+(?:was|were|had\s+been)\s+(?:deliberately\s+)?(?:set|started|lit)\b"),
    (EventKind::SabotageArson, r"\bsabotage\b|\bsaboteurs?\b|\bderailment\b"),
    // Happenings that are not incidents, for the story's timeline.
    (EventKind::DiplomaticMeeting, r"\btalks\b|\bmeet(?:s|ing|ings)?\b|\bvisit(?:s|ed|ing)?\b|\bnegotiations?\b|\bsummits?\b"),
    (EventKind::Interview, r"\binterview(?:s|ed)?\b"),
];

/// Cue words that are also verbs: preceded by "to" they name an intention
/// ("an attempt to sabotage peace talks"), not an incident.
pub const VERBAL_CUES: &[&str] = &["sabotage", "hack", "bomb", "strike", "attack", "blast", "detonat", "explode", "set"];

/// Words before a cue (within [`GOVERNOR_WINDOW`] words) that make it a
/// hypothetical or a policy topic rather than a report: "responding to drone
/// incursions would be complex", "retaliation against sabotage sites".
pub const HYPOTHETICAL_GOVERNORS: &[&str] = &[
    "respond", "responding", "response to", "retaliat", "counter", "deter", "prevent", "defend against",
    "protect against", "protection against", "threat of", "risk of", "capabilit", "prepare for", "preparing for",
    "resilience", "plans to", "plan to", "planning", "proposal", "proposed", "call for", "calls for", "called for",
    "calling for", "urged", "demand for", "need for", "needed", "in favor of", "in favour of", "increase the",
    "intensify", "to start", "if we", "if you", "if they", "if he", "if she", "allegations", "accusations", "defence against", "defense against", "conference", "summit", "exercise",
    "drill", "training", "law on", "laws on", "strategy", "policy", "study of", "debate", "talks on", "fear of",
    "fears of", "warn of", "warned of", "warning of", "threat", "danger", "insurance against", "simulat",
];

/// Words right after a cue that turn it into something else ("a fire sale",
/// "the fire brigade"), per cue head word.
pub const CUE_FOLLOWER_EXCLUSIONS: &[(&str, &[&str])] = &[
    ("fire", &["sale", "alarm", "alarms", "brigade", "brigades", "service", "services", "chief", "department", "fighters", "fighter", "safety", "exit", "drill", "crew", "crews", "station", "truck", "engine", "escape", "risk", "hazard", "season", "commissioner", "officials", "investigators"]),
    ("blast", &["furnace", "radius"]),
    // "a hacking offense", "hacking charges": the crime's name, not the intrusion.
    ("hacking", &["offense", "offence", "offenses", "offences", "charge", "charges", "conviction", "case", "scandal", "trial", "allegations"]),
];
/// A word right before a cue that asks for a quantity of happenings ("more
/// airstrikes", "further sanctions"), not one that happened.
pub const PROPOSAL_QUANTIFIERS: &[&str] = &["more", "further", "additional", "fewer", "less"];
/// Words right before a cue that turn it into something else ("left on full
/// blast", "flash bombs" are no explosions), per cue head word.
pub const CUE_PRECEDER_EXCLUSIONS: &[(&str, &[&str])] = &[
    ("blast", &["full"]),
    ("bomb", &["flash", "smoke", "stun", "photo", "box-office", "sex"]),
    ("bombs", &["flash", "smoke", "stun", "photo"]),
];
/// Words near a cyber cue (within [`CUE_CONTEXT_WINDOW`] words) that make it
/// the intrusion into one person's phone or account, not an attack on systems.
pub const CUE_CONTEXT_EXCLUSIONS: &[(EventKind, &[&str])] = &[
    (EventKind::CyberAttack, &["phone", "phones", "voicemail", "voicemails", "mobile", "messages", "password", "passwords", "account", "accounts"]),
];
pub const CUE_CONTEXT_WINDOW: usize = 3;
/// Cues that name only a thing or its agent, not a happening ("espionage
/// techniques", "a reconnaissance aircraft", "allowing hackers to hijack…"):
/// the cue (matched whole, case-insensitive) counts only when its sentence
/// also holds a word starting with one of the evidence stems, outside the cue.
/// General English event verbs of each kind; tuned on no data set.
pub const CUE_EVIDENCE: &[(EventKind, &str, &[&str])] = &[
    (
        EventKind::EspionageArrest,
        r"^(?:espionage|spying|spies|spy\s+(?:ring|network|cell)s?)$",
        &["arrest", "detain", "charg", "convict", "expel", "caught", "uncover", "bust", "jail", "sentenc", "accus", "indict", "suspect", "plead", "guilty", "expos", "dismantl", "recruit"],
    ),
    (
        EventKind::MilitaryAircraft,
        r".",
        &["flew", "fly", "flying", "flown", "intercept", "scrambl", "approach", "spotted", "sighted", "detected", "entered", "violat", "buzz", "circl", "crash", "shot", "tracked", "patrol", "near", "over", "along", "incursion"],
    ),
    // "a bomb technician", "a bomb threat", "rioters bomb a bank" (with petrol
    // bombs): a bomb is an explosion only when the sentence says it went off.
    (EventKind::Explosion, r"^bombs?$", &["explod", "detonat", "blast", "blew", "went"]),
    (
        EventKind::CyberAttack,
        r"^(?:hackers?|hacking)$",
        &["hacked", "breach", "stole", "stolen", "attack", "broke", "compromis", "exploit", "target", "infiltrat", "leak", "claim", "disrupt", "encrypt", "hijacked", "crippl", "shut", "paralys", "knocked", "took", "defac"],
    ),
];
/// Abstract nouns that make "an explosion of …" figurative ("an explosion of
/// anger", "the explosion of the angry"), looked for among the
/// [`FIGURATIVE_WINDOW`] words after "of". General English.
pub const FIGURATIVE_OBJECTS: &[(&str, &[&str])] = &[
    ("explosion", &["anger", "angry", "rage", "fury", "violence", "protest", "protests", "joy", "growth", "interest", "demand", "popularity", "colour", "color", "emotion", "emotions", "frustration", "discontent", "creativity", "debt", "prices", "cases", "talent"]),
    ("explosions", &["anger", "rage", "violence", "joy", "colour", "color", "emotion", "emotions"]),
];
pub const FIGURATIVE_WINDOW: usize = 3;
/// Words inside a cable/pipeline cue that make it economic, not physical
/// ("cut funding for gas pipelines").
pub const CUE_INNER_EXCLUSIONS: &[&str] = &[
    "funding", "budget", "spending", "investment", "investments", "subsidies", "prices", "price", "costs", "taxes",
    "tariffs", "ties", "supplies", "supply", "exports", "imports", "plans", "permits", "deal", "deals", "jobs",
];
/// How many words before a cue [`HYPOTHETICAL_GOVERNORS`] are looked for.
pub const GOVERNOR_WINDOW: usize = 6;
/// Modal verbs after a cue (within [`MODAL_WINDOW`] words) that mark a
/// hypothetical: "drone incursions would be more complicated". ("may" is left
/// out: it is also the month.)
pub const MODALS_AFTER: &[&str] = &["would", "could", "might"];
pub const MODAL_WINDOW: usize = 4;

/// Kinds that one sentence's cues can both name for one event, and the kind
/// kept: "fighter jets violated Estonian airspace" is one airspace violation.
pub const SUBSUMED: &[(EventKind, EventKind)] = &[
    (EventKind::MilitaryAircraft, EventKind::AirspaceViolation),
];
/// An airspace violation whose clause names drones is a drone incursion.
pub const DRONE_WORDS: &[&str] = &["drone", "drones", "uav", "uavs", "unmanned"];

// ---- places: names the gazetteer does not know ----
// Moved here from the incident stage with the gazetteer (`gazetteer.rs`, whose
// module doc gives the table's sources).

/// A place the gazetteer does not know: a capitalised name after a locative
/// preposition ("at the Port of Kelmarsh", "in Kelmarsh") or before a facility
/// noun ("Kelmarsh port").
pub const UNKNOWN_PLACE_AFTER_PREP: &str = r"\b(?:in|at|near|outside|off|over|inside)\s+(?:the\s+)?(?P<name>(?:Port|Bay|Gulf|Isle|Island|Lake|Mount|Cape)\s+of\s+[A-Z][\w’'-]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})";
pub const UNKNOWN_PLACE_BEFORE_FACILITY: &str = r"\b(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:port|airport|harbour|harbor|naval\s+base|air\s+base|base|terminal|depot|refinery|shipyard|power\s+plant|station)\b";
/// Capitalised words that are not places when they follow a preposition
/// (months, weekdays and known organisations are the lexicon's).
pub const NOT_PLACES: &[&str] = &[
    "White", "Parliament", "Congress", "Senate", "Ministry", "Government", "President", "The", "A", "An", "This",
    "That", "His", "Her", "Their", "Our", "Its", "Operation", "Christmas", "Easter",
];
/// Endings of a capitalised word that make it an adjective, not a place
/// ("a Kelmarsh-based group").
pub const NOT_PLACE_SUFFIXES: &[&str] = &["-based"];
/// Capitalised words that do not identify a place on their own: an unknown
/// name made only of these ("High Street", "Main Square", "North Gate") is
/// every town's, so it is no scene. General English street and feature words.
pub const GENERIC_PLACE_WORDS: &[&str] = &[
    "High", "Main", "Old", "New", "Upper", "Lower", "Great", "Little", "North", "South", "East", "West", "Central",
    "Street", "Road", "Avenue", "Lane", "Square", "Gate", "Bridge", "Park", "Station", "Centre", "Center", "Hill",
    "Market", "Place", "Way", "Drive", "Court", "Row", "Terrace", "Close", "Crescent", "Boulevard", "Highway",
    "Quarter", "District", "Town", "City", "Village", "Hall", "Tower", "Church", "Bank", "Building", "House",
];
/// Lower-case words that may follow an unknown place name after a preposition
/// without making the name a modifier ("in Kelmarsh late Friday"): time words
/// the lexicon's calendar words do not cover.
pub const PLACE_FOLLOWING_TIME_WORDS: &[&str] = &["late", "early", "last", "this", "overnight", "yesterday", "today", "tonight", "earlier", "later", "where", "when", "who", "which", "after", "before", "during", "since", "until", "while", "amid"];
/// Words dropped from an unknown place's name to form its key.
pub const PLACE_FACILITY_WORDS: &[&str] = &["the", "port", "of", "airport", "harbour", "harbor", "terminal", "depot", "base", "naval", "air", "station", "refinery", "shipyard", "power", "plant"];

// ---------------------------------------------------------------------------
// German people and organisations (`entities_de.rs`). In German every noun is
// capitalised, so a capitalised word is a noun by default; these closed-class
// words and word endings are the general morphology and syntax that tell a
// name from a noun. None names a person, organisation or place.

/// Determiners, possessives and contracted preposition-articles (lower case):
/// a capitalised word directly after one is a noun ("die Gefahr", "im Streit").
pub const DE_DETERMINERS: &[&str] = &[
    "am", "ans", "aufs", "beim", "das", "dem", "den", "der", "des", "die", "diese", "diesem", "diesen", "dieser",
    "dieses", "ein", "eine", "einem", "einen", "einer", "eines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
    "im", "ins", "jede", "jedem", "jeden", "jeder", "jedes", "kein", "keine", "keinem", "keinen", "keiner", "keines",
    "mein", "meine", "seine", "seinem", "seinen", "seiner", "seines", "sein", "unser", "unsere", "unserem", "unseren",
    "unserer", "vom", "zum", "zur", "alle", "allen", "aller", "viele", "vielen", "einige", "einigen", "mehrere",
    "mehreren", "beide", "beiden", "welche", "welcher", "solche", "solchen",
];

/// Endings of German derived nouns (with their plurals): a capitalised word
/// ending so is a common noun, not a name ("Regierung", "Freiheit",
/// "Wirtschaft", "Nation", "Universität", "Terrorismus", "Ergebnis", "Wachstum").
/// Only endings that German surnames and given names (nearly) never have.
pub const DE_NOUN_SUFFIXES: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "sion", "sionen",
    "tät", "täten", "ismus", "ismen", "nis", "nisse", "nissen", "tum", "tümer", "enten", "logie", "gramm", "chen",
    "lein", "werk", "zeug", "wesen", "sport", "stoff", "gebiet", "gesetz", "land", "länder",
];

/// The shortest stem left before a noun ending for the ending to count
/// ("Jung" is a name, "Lösung" a noun).
pub const DE_NOUN_SUFFIX_MIN_STEM: usize = 3;

/// Head nouns of German role and office words (lower case, singular; the
/// feminine "-in" and inflected forms are derived): matched as the whole word or
/// as the last part of a compound ("Innenminister", "Regierungssprecher",
/// "SPD-Chef"). A name follows them ("Innenminister Otto Beispiel"); a
/// determiner before them makes a definite description ("der Minister").
pub const DE_ROLE_HEADS: &[&str] = &[
    "abgeordnete", "abgeordneter", "aktivist", "analyst", "angeklagte", "angeklagter", "anwalt", "anwältin", "arzt",
    "ärztin", "astronaut", "autor", "beamte", "beamter", "beauftragte", "beauftragter", "berater", "beobachter",
    "bischof", "botschafter", "bürgermeister", "chef", "dekan", "direktor", "dirigent", "ermittler", "experte",
    "forscher", "fahrer", "general", "gouverneur", "gründer", "geschäftsführer", "herausgeber", "historiker",
    "inhaber", "intendant", "journalist", "kandidat", "kanzler", "kapitän", "kardinal", "kollege", "kommandeur",
    "kommissar", "korrespondent", "kritiker", "künstler", "landrat", "leiter", "manager", "mediziner", "minister",
    "mitarbeiter", "mitglied", "moderator", "musiker", "nachfolger", "offizier", "ökonom", "papst", "pfarrer",
    "physiker", "pilot", "politiker", "polizist", "premier", "präses", "präsident", "professor", "rechtsanwalt",
    "redakteur", "referent", "regisseur", "reporter", "rektor", "richter", "sänger", "schauspieler", "sekretär",
    "senator", "soldat", "spieler", "sprecher", "staatsanwalt", "stadtrat", "stürmer", "torwart", "trainer",
    "vertreter", "verteidiger", "vorgänger", "vorsitzende", "vorsitzender", "vorstand", "wissenschaftler", "zeuge",
    "zeugin", "könig", "königin", "fürst", "prinz", "prinzessin", "herzog", "kaiser", "sheriff", "bundestrainer",
];

/// Role heads this short are matched as whole words only, never as the end of
/// a compound ("Chef" ends "Parteichef" but "-rat" would end "Apparat").
pub const DE_ROLE_HEAD_MIN_COMPOUND: usize = 4;

/// Inflection endings stripped from a role word before its head is looked up
/// ("Ministers", "Präsidenten", "Experten").
pub const DE_ROLE_INFLECTIONS: &[&str] = &["s", "es", "en", "n", "e"];

/// Titles that say the person is a woman or a man ("Frau", "Herr").
pub const DE_FEMALE_TITLES: &[&str] = &["frau"];
pub const DE_MALE_TITLES: &[&str] = &["herr", "herrn"];

/// Lower-case particles inside a name ("Ursula von der Beispiel").
pub const DE_NAME_PARTICLES: &[&str] = &["von", "van", "zu", "de", "di", "da", "del", "der", "den", "dos", "bin", "al", "el", "ter"];

/// Endings of capitalised words naming an organisation ("Bundesregierung",
/// "Innenministerium", "Bundesverfassungsgericht", "Polizei"), matched on the
/// whole word or the last part of a compound.
pub const DE_ORG_HEADS: &[&str] = &[
    "agentur", "akademie", "amt", "armee", "bank", "behörde", "bundestag", "bund", "club", "gericht",
    "gerichtshof", "gewerkschaft", "gruppe", "institut", "kommission", "konzern", "ministerium", "organisation",
    "parlament", "partei", "polizei", "rat", "regierung", "senat", "staatsanwaltschaft", "stiftung", "universität",
    "verband", "verein", "zeitung", "fraktion", "ag", "gmbh",
];

/// A short parenthesis right after a capitalised run is German news's way of
/// giving a person's party, age or country ("(SPD)", "(45)"): evidence of a
/// person unless it spells the run's initials ("Europäische Union (EU)"). The
/// longest such parenthesis, in bytes.
pub const DE_NAME_PARENTHESIS_MAX_BYTES: usize = 24;
