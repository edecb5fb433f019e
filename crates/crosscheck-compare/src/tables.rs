//! Every cue-word list and threshold of the comparison stage, apart from the
//! algorithms that use them. Nothing here names a person, outlet or phrase of a
//! particular story: these are properties of English news prose. The word
//! lists other stages read too (stopwords, number words, months and weekdays,
//! titles, reporting verbs, demonym endings) are `crosscheck_lexicon`'s.


/// Words that open a new clause inside a long sentence; a long sentence is cut
/// before them (after a comma) into claim units.
pub const CLAUSE_OPENERS: &[&str] = &["while", "whereas", "with", "although", "though", "but", "and", "as", "after", "prompting", "including", "given", "which", "amid", "along", "such", "stating", "saying", "adding", "claiming", "warning", "insisting", "asserting"];

/// Words that name the occasion of a statement ("in an interview with",
/// "speaking to", "told"): followed by a name, they say to whom or where the
/// statement was made, which is an outlet's own claim even inside reported speech.
pub const VENUE_CUES: &[&str] = &["interview", "interviews", "speaking", "spoke", "talking", "talked", "told", "tells", "remarks", "comments", "briefing", "statement"];
/// Links between a venue cue and the venue's name ("with", "to").
pub const VENUE_LINKS: &[&str] = &["with", "to", "told", "tells"];

/// Clause openers whose clause elaborates the one before it rather than
/// stating a claim of its own ("…, with Baltic states discussing 5%").
pub const DEPENDENT_OPENERS: &[&str] = &["with", "including", "prompting", "given", "along", "such"];

/// Coordinating conjunctions: after a comma they open a clause, unless they
/// close a list of short items.
pub const COORDINATORS: &[&str] = &["and", "or"];
/// Sentences longer than this (in words) are cut into clause units.
pub const LONG_SENTENCE_WORDS: usize = 24;
/// A clause shorter than this (in words) is glued back to its neighbour.
pub const MIN_CLAUSE_WORDS: usize = 5;

/// Two claim units from different outlets align when their IDF-weighted token
/// cosine reaches this.
pub const CLAIM_ALIGN_THRESHOLD: f64 = 0.34;
/// With sentence embeddings: two units whose embedding cosine reaches this say
/// the same thing in other words and align even below the lexical threshold.
/// On all-MiniLM-L6-v2, sentences of one story about different points of it sit
/// at 0.55–0.75 ("NATO is debating its stance" / "Moscow responded angrily");
/// retellings of one fact at 0.77 and above ("two underwater cables in the
/// Baltic Sea were cut" / "multiple severed Baltic Sea data cables").
pub const CLAIM_EMBEDDING_THRESHOLD: f32 = 0.78;
/// Two counts of one noun conflict only when their units share at least this
/// many other content words besides the noun (same subject, not just the same word).
pub const NUMBER_CONFLICT_MIN_SHARED: usize = 2;
/// What a qualifier printed before a number allows, as factors of the number:
/// (qualifier, lowest, highest). "At least 129" and "130" agree, "nearly 130"
/// and "129" agree, "about 100" and "130" do not. Round-number approximations
/// in news ("about", "some") are taken to be within 10%. The qualifiers are
/// extract's `tables::QUALIFIERS`; one missing here bounds nothing.
pub const QUALIFIER_BOUNDS: &[(&str, f64, f64)] = &[
    ("at least", 1.0, f64::INFINITY), ("more than", 1.0, f64::INFINITY), ("over", 1.0, f64::INFINITY),
    ("exceed", 1.0, f64::INFINITY), ("exceeds", 1.0, f64::INFINITY), ("just over", 1.0, 1.1),
    ("at most", 0.0, 1.0), ("less than", 0.0, 1.0), ("fewer than", 0.0, 1.0), ("under", 0.0, 1.0),
    ("up to", 0.0, 1.0), ("as many as", 0.0, 1.0), ("just under", 0.9, 1.0),
    ("nearly", 0.9, 1.0), ("almost", 0.9, 1.0), ("approach", 0.9, 1.0), ("approaching", 0.9, 1.0),
    ("about", 0.9, 1.1), ("around", 0.9, 1.1), ("approximately", 0.9, 1.1), ("roughly", 0.9, 1.1),
    ("some", 0.9, 1.1), ("an estimated", 0.9, 1.1),
];
/// What a vague count allows (its words are extract's `tables::VAGUE_COUNTS`):
/// generous on purpose, since "several" against "three" is no contradiction;
/// only a count outside these bounds is ("dozens of" against "three").
pub const VAGUE_COUNT_BOUNDS: &[(&str, f64, f64)] = &[
    ("multiple", 2.0, f64::INFINITY), ("several", 2.0, 30.0), ("numerous", 2.0, f64::INFINITY),
    ("repeated", 2.0, f64::INFINITY), ("regular", 2.0, f64::INFINITY), ("many", 2.0, f64::INFINITY),
    ("dozens of", 13.0, 300.0), ("hundreds of", 101.0, 3000.0), ("thousands of", 1001.0, 1e7),
    ("a number of", 2.0, f64::INFINITY), ("a series of", 2.0, f64::INFINITY), ("a handful of", 2.0, 12.0),
    ("various", 2.0, f64::INFINITY), ("some", 1.0, f64::INFINITY), ("a few", 2.0, 12.0), ("few", 0.0, 12.0),
];
/// Words before a date that give it a role other than the day of the event
/// ("until June 1" a deadline, "since May" a start): dates compare only with
/// dates of the same role.
pub const DATE_ROLE_WORDS: &[&str] = &["until", "till", "by", "before", "after", "since", "from", "through", "to", "between", "ahead", "starting", "beginning", "ending", "next", "last"];
/// A scaled number ("1.2 million") is taken to be rounded: it allows this
/// share above and below.
pub const SCALED_NUMBER_PRECISION: f64 = 0.05;
/// ... and whose content words other than numbers overlap by at least this
/// Jaccard share: two sentences giving one fact say nearly the same thing
/// around it. Set on the ECB+ events of `../shared/bench/stories-ecbplus`
/// (sports-statistics sentences about different players sit below it); check
/// with `crosscheck eval --audit crates/crosscheck/tests/audits/conflicts.jsonl
/// --events .../labels_event.json .../txt`.
pub const NUMBER_CONFLICT_MIN_SIMILARITY: f64 = 0.3;
/// Two sentences dating one claim conflict only when their content words
/// other than numbers overlap by at least this Jaccard share (set on the ECB+
/// events, like [`NUMBER_CONFLICT_MIN_SIMILARITY`]): biographies date many
/// different happenings in sentences that share a few words.
pub const DATE_CONFLICT_MIN_SIMILARITY: f64 = 0.3;
/// Pronouns that stand for the subject of a count when no name is printed:
/// whose count it is is then unknown, and it is compared with nothing.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "we", "our", "i", "my"];
/// Words of a counted noun phrase that say nothing about what is counted.
pub const COUNT_DETERMINERS: &[&str] = &["the", "a", "an", "of", "these", "those", "its", "their", "his", "her", "our", "your", "my", "such"];
/// Heads of counted phrases that are no counted thing: ages ("50-year-old")
/// and clock times with their zones ("3 p.m. EST").
pub const NOT_COUNTED_HEADS: &[&str] = &["old", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "cest"];
/// Currency signs: "$2.5 million" and "€2 million" are different amounts.
pub const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₽'];
/// Two claim neighbourhoods sharing this share of their units are one claim.
pub const CLAIM_MERGE_JACCARD: f64 = 0.5;
/// Weight multiplier of a shared number (digits or number word): numbers are
/// what makes two sentences say the same specific thing.
pub const NUMBER_WEIGHT: f64 = 1.5;
/// Weight multiplier of a shared capitalised name.
pub const NAME_WEIGHT: f64 = 1.3;

/// Two quotation segments from different outlets are the same utterance when
/// the longest common word subsequence covers this share of the shorter one.
pub const QUOTE_GROUP_MIN_COVER: f64 = 0.6;
/// A sentence of a quotation counts as printed inside another outlet's
/// quotation (a reason to cut there) when this share of its words recur in order.
pub const QUOTE_CUT_MIN_COVER: f64 = 0.8;
/// ... and has at least this many words.
pub const QUOTE_GROUP_MIN_WORDS: usize = 2;
/// Words compared at a segment edge to decide whether another outlet's
/// quotation starts or ends there.
pub const QUOTE_EDGE_WORDS: usize = 3;

/// Determiners skipped when finding a role's head noun (the last word of the
/// role's first noun phrase).
pub const ROLE_DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "also"];
/// Role words too generic to conflict with a specific title ("official" vs "chair").
pub const GENERIC_ROLE_HEADS: &[&str] = &["official", "officer", "officials", "leader", "figure", "representative", "member", "head", "person", "source", "spokesperson", "diplomat", "expert", "analyst", "politician"];
/// Words that end a role's head noun phrase.
pub const ROLE_PREPOSITIONS: &[&str] = &["of", "to", "for", "at", "in", "on", "with", "from", "and", ","];
/// Titles that name one office, or that one person holds at once by the
/// nature of the job (a captain is a pilot): never a conflict. General English
/// usage, not read from any story.
pub const EQUIVALENT_TITLES: &[&[&str]] = &[
    &["ceo", "executive", "chief"],
    &["captain", "pilot", "commander"],
    &["chair", "chairman", "chairwoman", "chairperson", "president"],
    &["spokesman", "spokeswoman", "spokesperson"],
    &["adviser", "advisor", "aide", "counselor", "counsellor"],
    &["lawyer", "attorney", "counsel"],
    &["director", "head", "chief"],
    &["secretary", "minister"],
    &["governor", "chief"],
    &["nominee", "candidate"],
    &["reporter", "correspondent", "journalist", "writer", "columnist", "editor", "contributor"],
    &["cop", "officer", "policeman", "policewoman"],
];
/// Two role head nouns sharing a prefix at least this long are one title
/// written two ways ("chair"/"chairman", "spokeswoman"/"spokesperson").
pub const ROLE_SAME_PREFIX: usize = 5;

/// Certainty boosters with their weight (added to a statement's certainty).
pub const BOOSTERS: &[(&str, f64)] = &[
    ("urgent", 0.25), ("breaking", 0.25), ("actively", 0.3), ("seriously", 0.3), ("forced to", 0.35),
    ("will", 0.2), ("must", 0.25), ("set to", 0.2), ("certainly", 0.3), ("definitely", 0.3),
    ("clearly", 0.2), ("openly", 0.15), ("no choice", 0.3), ("determined", 0.2), ("vows", 0.25),
    ("confirms", 0.2), ("confirmed", 0.15), ("plans to", 0.2), ("prepares", 0.2), ("preparing", 0.15),
    ("is going to", 0.25), ("imminent", 0.3), ("decided", 0.3),
];
/// Hedges with their weight (subtracted from a statement's certainty).
pub const HEDGES: &[(&str, f64)] = &[
    ("may", 0.3), ("might", 0.3), ("could", 0.2), ("possible", 0.15), ("possibly", 0.2), ("perhaps", 0.25),
    ("thinking about", 0.35), ("considering", 0.2), ("consider", 0.2), ("considers", 0.2), ("studying", 0.3),
    ("weighing", 0.25), ("exploring", 0.25), ("suggested", 0.2), ("suggests", 0.2), ("kind of", 0.2),
    ("whether", 0.15), ("reportedly", 0.15), ("not out of the question", 0.3), ("cannot rule out", 0.3), ("can't rule out", 0.3), ("possibility", 0.15), ("potential", 0.1),
    ("examining", 0.2), ("examine", 0.2), ("examines", 0.2), ("investigating", 0.15), ("debating", 0.2), ("option", 0.15), ("options", 0.15), ("mulling", 0.25),
    ("likely", 0.1), ("unclear", 0.2), ("indicated", 0.1),
];
/// What makes a single-source claim worth checking first, after the
/// check-worthiness features of ClaimBuster (Hassan et al., KDD 2017: numbers,
/// named entities and dated, attributed statements of fact rank high;
/// opinion and speculation low). Hand-set weights, not fitted: no set in
/// `../shared/bench` labels check-worthiness. A number among the claim's specifics.
pub const CHECK_NUMBER: f64 = 1.0;
/// Each name among its specifics (at most [`CHECK_MAX_NAMES`] count).
pub const CHECK_NAME: f64 = 0.5;
pub const CHECK_MAX_NAMES: usize = 2;
/// A resolved date inside the claim's sentence.
pub const CHECK_DATE: f64 = 0.5;
/// The claim is attributed (a reporting verb or a quotation in its sentence).
pub const CHECK_ATTRIBUTED: f64 = 0.25;
/// In the article's first [`CHECK_LEAD_SENTENCES`] sentences: the news, not background.
pub const CHECK_LEAD: f64 = 0.5;
pub const CHECK_LEAD_SENTENCES: usize = 3;
/// A hedge or speculative word ([`HEDGES`], [`SPECULATIVE`]): not a stated fact.
pub const CHECK_SPECULATIVE: f64 = -1.0;
/// First or second person outside a quotation ("I do hope…", "you remember"):
/// the writer's opinion or an address to the reader, not a reported fact.
pub const CHECK_PERSONAL: f64 = -1.0;
pub const PERSONAL_PRONOUNS: &[&str] = &["i", "me", "my", "we", "us", "our", "you", "your"];
/// How many single-source claims the dossier's summary lists (the rest are
/// behind "show all"): a 35-outlet story yields hundreds, nobody reads them.
pub const SUMMARY_SINGLE_SOURCE: usize = 10;

/// Certainty of a statement with no cue at all.
pub const CERTAINTY_BASE: f64 = 0.5;
/// A lead is flagged when its certainty exceeds the quoted source's by this much.
pub const FRAMING_MARGIN: f64 = 0.3;

/// Words that make a claim unit speculative rather than a report of a
/// happening ("the alliance may consider strikes"): such a unit is not a
/// timeline event even when it names one.
pub const SPECULATIVE: &[&str] = &["may", "might", "could", "would", "consider", "considering", "considers", "considered", "whether", "weighing", "thinking", "if", "should", "proposal", "possibility", "option", "options", "threshold"];
