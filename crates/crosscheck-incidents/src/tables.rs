//! Every heuristic of the incident stage: cue patterns per incident kind, the
//! words that mark a campaign, a hypothetical or an attribution, count words,
//! and the thresholds of merging. The algorithms in `mentions`, `dates` and
//! `register` only read these tables, so tuning never touches the logic.
//!
//! Patterns are general English news wording about hybrid-warfare incidents;
//! none names a person, outlet or phrase of a particular story.

use crate::IncidentKind;

/// Cue patterns per kind, in priority order: when two cues overlap in a
/// sentence, the one listed first wins (a "drone strike" is a strike, not a
/// drone incursion; "sabotage of a pipeline" is pipeline damage, not generic
/// sabotage; "arrested for sabotage" is an arrest). All are case-insensitive.
pub const KIND_CUES: &[(IncidentKind, &str)] = &[
    (IncidentKind::Strike, r"\b(?:missile|drone|rocket|air|artillery|glide[\s-]bomb)(?:\s+and\s+(?:missile|drone|rocket|artillery))?[\s-]?strikes?\b"),
    (IncidentKind::Strike, r"\bairstrikes?\b|\bbombardments?\b|\bshelling\b"),
    (IncidentKind::Strike, r"\b(?:killed|wounded|injured)\b[^.;]{0,40}?\bin\s+an?\s+(?:\w+\s+)?(?:strike|attack)\b"),
    (IncidentKind::EspionageArrest, r"\bespionage\b|\bspying\b|\bspy\s+(?:ring|network|cell)s?\b|\bspies\b"),
    (IncidentKind::EspionageArrest, r"\b(?:arrested|detained|charged|convicted)\b[^.;]{0,60}?\b(?:spy\w*|espionage|sabotage|suspicion)\b"),
    (IncidentKind::CableDamage, r"\b(?:cut|cuts|cutting|severed|severing|sever|damaged|damaging|damage\s+to|ruptured?|rupturing|broken|sabotaged|sabotaging|sabotage\s+of)\s+(?:of\s+|to\s+)?(?:[\w-]+[\s-]+){0,5}?(?:cables?|pipelines?|interconnectors?)\b"),
    (IncidentKind::CableDamage, r"\b(?:cables?|pipelines?|interconnectors?)\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|has\s+been\s+)?(?:cut|severed|damaged|ruptured|sabotaged|broken|torn)\b"),
    (IncidentKind::CableDamage, r"\b(?:cable|pipeline|interconnector)\s+(?:cuts?|sabotage|damage|breaks?|ruptures?|incidents?|failures?)\b"),
    (IncidentKind::DroneIncursion, r"\bdrone[\s-]?(?:incursions?|violations?|sightings?|overflights?|swarms?|flights?)\b"),
    (IncidentKind::DroneIncursion, r"\b(?:incursions?|violations?|sightings?|overflights?)\s+(?:by|of|involving)\s+(?:[\w-]+\s+){0,2}drones?\b"),
    (IncidentKind::DroneIncursion, r"\bdrones?\s+(?:were\s+|was\s+|had\s+been\s+)?(?:spotted|seen|sighted|observed|flew|flying|hovering|hovered|detected)\s+(?:over|above|near|around)\b"),
    (IncidentKind::AirspaceViolation, r"\bairspace\s+(?:violations?|incursions?|breach(?:es)?|intrusions?)\b"),
    (IncidentKind::AirspaceViolation, r"\b(?:violat\w*|incursions?|breach\w*|intrusions?|entered|strayed)\s+(?:into\s+|of\s+|in\s+)?(?:[\w-]+\s+){0,2}airspace\b"),
    (IncidentKind::MilitaryAircraft, r"\b(?:fighter\s+jets?|fighter\s+aircraft|warplanes?|strategic\s+bombers?|bombers|military\s+(?:aircraft|jets?|planes?|helicopters?)|combat\s+aircraft|reconnaissance\s+(?:aircraft|planes?))\b"),
    (IncidentKind::NavalShadowing, r"\bshadow(?:ed|ing|s)\s+(?:[\w-]+\s+){0,3}(?:vessels?|ships?|warships?|submarines?|tankers?|frigates?|destroyers?|corvettes?)\b"),
    (IncidentKind::NavalShadowing, r"\b(?:vessels?|ships?|warships?|submarines?|tankers?)\b[^.;]{0,40}?\b(?:was|were)\s+shadowed\b"),
    (IncidentKind::NavalShadowing, r"\b(?:escorted|tracked|monitored)\s+(?:[\w-]+\s+){0,3}(?:warships?|submarines?|naval\s+vessels?|spy\s+ships?)\b"),
    (IncidentKind::GpsJamming, r"\b(?:gps|gnss|satellite[\s-]navigation|navigation)(?:\s+signals?)?\s+(?:jamming|spoofing|interference|disruptions?|outages?)\b"),
    (IncidentKind::GpsJamming, r"\b(?:gps|gnss|navigation|satellite)\s+(?:signals?\s+|systems?\s+)?(?:was|were|had\s+been|have\s+been)\s+(?:jammed|spoofed|disrupted)\b"),
    (IncidentKind::GpsJamming, r"\b(?:jamming|spoofing)\s+(?:of\s+)?(?:gps|gnss|satellite|navigation)\b|\bjamm(?:ed|ing)\s+(?:[\w-]+\s+){0,2}(?:gps|gnss|navigation)\b"),
    (IncidentKind::CyberAttack, r"\bcyber[\s-]?(?:attacks?|breach(?:es)?|intrusions?|incidents?|operations?|warfare|espionage|sabotage)\b"),
    (IncidentKind::CyberAttack, r"\bcyberattacks?\b|\bhack(?:ed|ing|ers?)\b|\bransomware\b|\bddos\b|\bdenial[\s-]of[\s-]service\b|\bdata\s+breach(?:es)?\b"),
    (IncidentKind::Explosion, r"\bexplosions?\b|\bblasts?\b|\bexploded\b|\bdetonat\w+|\bbomb(?:s|ing|ings|ed)?\b"),
    (IncidentKind::SabotageArson, r"\barson\b|\bblazes?\b|\b(?:a|the|large|major|huge|suspicious)\s+fire\b|\bfires\b|\bset\s+(?:on\s+)?fire\b|\bset\s+ablaze\b|\bset\s+alight\b|\btorched\b|\bfirebomb\w*"),
    (IncidentKind::SabotageArson, r"\bfires?\s+(?:tore|broke\s+out|swept|ripped|gutted|destroyed|engulfed|raged|damaged)\b|\b(?:destroyed|gutted|damaged|engulfed|razed)\s+by\s+(?:a\s+)?(?:fire|blaze|flames)\b|\bfires?\s+(?:was|were|had\s+been)\s+(?:deliberately\s+)?(?:set|started|lit)\b"),
    (IncidentKind::SabotageArson, r"\bsabotage\b|\bsaboteurs?\b|\bderailment\b"),
];

/// Cue words that are also verbs: preceded by "to" they name an intention
/// ("an attempt to sabotage peace talks"), not an incident.
pub const VERBAL_CUES: &[&str] = &["sabotage", "hack", "bomb", "strike", "attack", "blast"];

/// Words before a cue (within [`GOVERNOR_WINDOW`] words) that make it a
/// hypothetical or a policy topic rather than a report: "responding to drone
/// incursions would be complex", "retaliation against sabotage sites".
pub const HYPOTHETICAL_GOVERNORS: &[&str] = &[
    "respond", "responding", "response to", "retaliat", "counter", "deter", "prevent", "defend against",
    "protect against", "protection against", "threat of", "risk of", "capabilit", "prepare for", "preparing for",
    "resilience", "plans to", "planning", "defence against", "defense against", "conference", "summit", "exercise",
    "drill", "training", "law on", "laws on", "strategy", "policy", "study of", "debate", "talks on", "fear of",
    "fears of", "warn of", "warned of", "warning of", "threat", "danger", "insurance against", "simulat",
];

/// Words right after a cue that turn it into something else ("a fire sale",
/// "the fire brigade"), per cue head word.
pub const CUE_FOLLOWER_EXCLUSIONS: &[(&str, &[&str])] = &[
    ("fire", &["sale", "alarm", "alarms", "brigade", "brigades", "service", "services", "chief", "department", "fighters", "fighter", "safety", "exit", "drill", "crew", "crews", "station", "truck", "engine", "escape", "risk", "hazard", "season", "commissioner", "officials", "investigators"]),
    ("blast", &["furnace", "radius"]),
];
/// Words inside a cable/pipeline cue that make it economic, not physical
/// ("cut funding for gas pipelines").
pub const CUE_INNER_EXCLUSIONS: &[&str] = &[
    "funding", "budget", "spending", "investment", "investments", "subsidies", "prices", "price", "costs", "taxes",
    "tariffs", "ties", "supplies", "supply", "exports", "imports", "plans", "permits", "deal", "deals", "jobs",
];
/// Mentions dated more than this many years before their article are history
/// ("the bombing of the city in 1945"), not register rows.
pub const HISTORICAL_MAX_YEARS: i32 = 10;
/// How many words before a cue [`HYPOTHETICAL_GOVERNORS`] are looked for.
pub const GOVERNOR_WINDOW: usize = 6;
/// Modal verbs after a cue (within [`MODAL_WINDOW`] words) that mark a
/// hypothetical: "drone incursions would be more complicated". ("may" is left
/// out: it is also the month.)
pub const MODALS_AFTER: &[&str] = &["would", "could", "might"];
pub const MODAL_WINDOW: usize = 4;

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

/// Vague quantities, kept as printed when no number is given ("multiple severed cables").
pub const VAGUE_COUNTS: &[&str] = &[
    "multiple", "several", "numerous", "repeated", "regular", "many", "dozens of", "hundreds of", "a number of",
    "a series of", "a handful of", "various", "some", "few", "a few",
];

/// Number words for counts.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0), ("a single", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
    ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0), ("twelve", 12.0),
    ("a dozen", 12.0), ("twenty", 20.0), ("both", 2.0), ("a pair of", 2.0),
];
/// Qualifiers printed before a number ("over 110", "at least four").
pub const COUNT_QUALIFIERS: &[&str] = &["more than", "over", "at least", "nearly", "almost", "about", "around", "approximately", "up to", "some", "fewer than", "less than"];

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

/// Thresholds of the register.
/// Tolerance (days) around a day-precise date when judging two dates compatible:
/// outlets in different time zones and "overnight" reports differ by a day.
pub const DAY_TOLERANCE: i64 = 1;
/// The longest date range (days) that still identifies an incident; wider
/// ranges ("since 2022") describe campaigns and leave a mention vague.
pub const SPECIFIC_DATE_MAX_DAYS: i64 = 31;

/// Words ignored when comparing descriptions.
pub const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "over", "near",
    "is", "was", "were", "are", "be", "been", "has", "have", "had", "that", "this", "it", "its", "as", "which", "who",
    "also", "after", "before", "last", "this", "week", "month", "year", "said", "says", "reported", "according",
];

/// Words that say a mention is a different incident from the one the article
/// is about ("a similar blaze hit … in 2019"): such a mention never joins a row
/// without a place and date of its own.
pub const DISTINCT_MARKERS: &[&str] = &["similar", "another", "separate", "previous", "earlier", "past", "prior"];

/// A place the gazetteer does not know: a capitalised name after a locative
/// preposition ("at the Port of Kelmarsh", "in Kelmarsh") or before a facility
/// noun ("Kelmarsh port").
pub const UNKNOWN_PLACE_AFTER_PREP: &str = r"\b(?:in|at|near|outside|off|over|inside)\s+(?:the\s+)?(?P<name>(?:Port|Bay|Gulf|Isle|Island|Lake|Mount|Cape)\s+of\s+[A-Z][\w’'-]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})";
pub const UNKNOWN_PLACE_BEFORE_FACILITY: &str = r"\b(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:port|airport|harbour|harbor|naval\s+base|air\s+base|base|terminal|depot|refinery|shipyard|power\s+plant|station)\b";
/// Capitalised words that are not places when they follow a preposition.
pub const NOT_PLACES: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Nato", "NATO", "EU",
    "UN", "Kremlin", "White", "Pentagon", "Parliament", "Congress", "Senate", "Ministry", "Government", "President",
    "The", "A", "An", "This", "That", "His", "Her", "Their", "Our", "Its", "Brussels-based", "Operation", "Christmas",
    "Easter", "Telegram", "Facebook", "Twitter", "X",
];
/// Words dropped from an unknown place's name to form its key.
pub const PLACE_FACILITY_WORDS: &[&str] = &["the", "port", "of", "airport", "harbour", "harbor", "terminal", "depot", "base", "naval", "air", "station", "refinery", "shipyard", "power", "plant"];

/// Kinds that one sentence's cues can both name for one event, and the kind
/// kept: "fighter jets violated Estonian airspace" is one airspace violation.
pub const SUBSUMED: &[(IncidentKind, IncidentKind)] = &[
    (IncidentKind::MilitaryAircraft, IncidentKind::AirspaceViolation),
];
/// An airspace violation whose clause names drones is a drone incursion.
pub const DRONE_WORDS: &[&str] = &["drone", "drones", "uav", "uavs", "unmanned"];
