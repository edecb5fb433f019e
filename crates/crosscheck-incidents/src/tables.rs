//! Every heuristic of the incident stage: cue patterns per incident kind, the
//! words that mark a campaign, a hypothetical or an attribution, count words,
//! and the thresholds of merging. The algorithms in `mentions`, `dates` and
//! `register` only read these tables, so tuning never touches the logic.
//!
//! Patterns are general English news wording about hybrid-warfare incidents;
//! none names a person, outlet or phrase of a particular story. Stopwords,
//! number words, months, weekdays and known organisations are
//! `crosscheck_lexicon`'s.

/// Mentions dated more than this many years before their article are history
/// ("the bombing of the city in 1945"), not register rows.
pub const HISTORICAL_MAX_YEARS: i32 = 10;
/// A campaign head governing a list of incident kinds ("a wave of sabotage and
/// cyber warfare", "a series of fires, explosions and cable cuts"): the list
/// describes a campaign, an aggregate claim, not incidents to register.
pub const CAMPAIGN_HEADS: &str = r"(?i)\b(?:wave|campaign|series|spate|string|surge|catalogue|litany|pattern|shadow\s+war|hybrid\s+war(?:fare)?|covert\s+war)\s+of\b|\b(?:mounting|escalating|intensifying|growing|ongoing|increasing|rising)\s+(?:[\w'’-]+\s+){0,2}$";
/// How many words may stand between a campaign head and a cue of its list.
pub const CAMPAIGN_LIST_WORDS: usize = 10;

/// Nouns that count incidents: with a number of at least [`AGGREGATE_MIN_COUNT`]
/// before them ("over 110 sabotage incidents") the mention is an aggregate.
pub const INCIDENT_COUNT_NOUNS: &[&str] = &["incidents", "attacks", "cases", "acts", "operations", "attempts", "episodes", "events", "violations", "incursions", "strikes"];
pub const AGGREGATE_MIN_COUNT: f64 = 5.0;

/// Plural event nouns: a cue ending in one reports several incidents of its
/// kind ("drone violations", "cyber breaches"), not one.
pub const EVENT_NOUNS_PLURAL: &[&str] = &[
    "incursions", "violations", "breaches", "attacks", "cyberattacks", "strikes", "airstrikes", "fires", "blazes",
    "explosions", "blasts", "cuts", "intrusions", "sightings", "overflights", "incidents", "operations", "bombings",
];



/// Attribution patterns: the wording is kept as printed. Group `by` is who
/// makes the attribution, group `actor` the attributed perpetrator.
pub const ATTRIBUTION_PATTERNS: &[&str] = &[
    r"(?i)(?P<wording>(?:\b(?:widely|allegedly|reportedly|all|been|were|was|have|has)\s+)*\b(?:linked|tied|connected)\s+(?:by\s+(?P<by>[^,.;]{1,60}?)\s+)?to)\s+(?P<actor>[^,.;:]{2,80})",
    r"(?i)(?P<wording>(?:\b(?:widely|allegedly|reportedly|been|were|was|have|has)\s+)*\battributed\s+(?:by\s+(?P<by>[^,.;]{1,60}?)\s+)?to)\s+(?P<actor>[^,.;:]{2,80})",
    r"(?i)(?P<wording>(?:\b(?:widely|allegedly|been|were|was|have|has)\s+)*\bblamed\s+(?:by\s+(?P<by>[^,.;]{1,60}?)\s+)?on)\s+(?P<actor>[^,.;:]{2,80})",
    r"(?i)(?P<wording>\b(?:believed|thought|suspected|alleged)\s+to\s+(?:have\s+been\s+)?(?:be\s+)?(?:behind|responsible\s+for|carried\s+out\s+by|orchestrated\s+by|the\s+work\s+of))\s+(?P<actor>[^,.;:]{2,80})",
    r"(?i)(?P<wording>\bsuspected\s+of\s+(?:being\s+)?)(?P<actor>[^,.;:]{2,80})",
    r"(?i)(?P<actor>\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?P<wording>claimed\s+responsibility)",
    r"(?i)(?P<wording>\b(?:carried\s+out|conducted|orchestrated|directed)\s+by)\s+(?P<actor>[^,.;:]{2,80})",
];
/// A perpetrator named as the agent of the incident itself ("Russian drones",
/// "Chinese hackers"), kept with the wording "reported as perpetrator".
pub const AGENT_PATTERN: &str = r"\b(?P<actor>(?:suspected\s+)?(?:Russian|Russia's|Chinese|China's|Iranian|Iran's|Belarusian|North\s+Korean|pro-Russian|state-backed|state-sponsored|Kremlin-backed|unidentified|unknown)\s+(?:[\w-]+\s+){0,1}(?:vessels?|ships?|drones?|jets?|fighter\s+jets|aircraft|warplanes|bombers|hackers?|hacking\s+groups?|agents?|saboteurs?|operatives|spies|intelligence(?:\s+services)?|military|forces|submarines?|proxies))\b";
/// Where an actor phrase stops even without punctuation.
pub const ACTOR_STOP_WORDS: &[&str] = &[" and have ", " which ", " who ", " that ", " while ", " but ", " as ", " after ", " since "];
pub const ACTOR_MAX_WORDS: usize = 6;

/// Text just before a place name that makes it the scene of an event rather
/// than an actor ("drones over Poland" vs "accused Poland"). Matched against
/// the end of the text before the name.
pub const LOCATIVE_TAIL: &str = r"(?i)\b(?:in|at|on|over|near|across|into|off|around|outside|inside|above|along|within|throughout|from|of|border\s+with|borders?\s+of|coast\s+of|shores?\s+of|skies\s+over)\s+(?:the\s+)?(?:(?:east|west|north|south|eastern|western|northern|southern|central|north-eastern|north-western|south-eastern|south-western|northeast|northwest|southeast|southwest|coastal|occupied|rural|greater)\s+)?$";
/// Coordination after an accepted place: "in Poland, the Baltics, and Scandinavia".
pub const COORDINATION_TAIL: &str = r"(?i)(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$";
/// Nouns after a place name that make it a scene ("Copenhagen airport").
pub const FACILITY_NOUNS: &[&str] = &["airport", "port", "harbour", "harbor", "station", "base", "cables", "cable", "pipeline", "pipelines", "region", "area", "coast", "waters", "depot", "plant", "terminal", "shipyard", "refinery"];
/// A sentence that opens with a locative phrase sets the scene for all its cues.
pub const FRONTED_LOCATIVE: &str = r"(?i)^(?:in|at|over|near|off|across|outside)\s";

/// How many words before a date a reporting verb makes it the report's date
/// ("announced today (4 May) that…"), not the incident's.
pub const REPORTING_DATE_WINDOW: usize = 3;

/// Thresholds of the register.
/// Tolerance (days) around a day-precise date when judging two dates compatible:
/// outlets in different time zones and "overnight" reports differ by a day.
pub const DAY_TOLERANCE: i64 = 1;
/// The longest date range (days) that still identifies an incident; wider
/// ranges ("since 2022") describe campaigns and leave a mention vague.
pub const SPECIFIC_DATE_MAX_DAYS: i64 = 31;

/// Words ignored when comparing descriptions besides the lexicon's stopwords
/// (`crosscheck_lexicon`): the words of relative time and reporting every
/// incident description carries ("reported last week").
pub const DESCRIPTION_NEUTRAL_WORDS: &[&str] = &["last", "month", "reported", "week", "year"];

/// Words that say a mention is a different incident from the one the article
/// is about ("a similar blaze hit … in 2019"): such a mention never joins a row
/// without a place and date of its own.
pub const DISTINCT_MARKERS: &[&str] = &["similar", "another", "separate", "previous", "earlier", "past", "prior"];


