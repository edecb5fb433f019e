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
/// Certainty of a statement with no cue at all.
pub const CERTAINTY_BASE: f64 = 0.5;
/// A lead is flagged when its certainty exceeds the quoted source's by this much.
pub const FRAMING_MARGIN: f64 = 0.3;

/// Words that make a claim unit speculative rather than a report of a
/// happening ("the alliance may consider strikes"): such a unit is not a
/// timeline event even when it names one.
pub const SPECULATIVE: &[&str] = &["may", "might", "could", "would", "consider", "considering", "considers", "considered", "whether", "weighing", "thinking", "if", "should", "proposal", "possibility", "option", "options", "threshold"];
