//! Month names of the languages crosscheck reads dates in (page metadata,
//! datelines) but has no [`crate::Lexicon`] for yet. Dates on a page are read
//! whatever its language, so [`month_number_any`] looks a word up in every
//! language's months. When a language gets its own lexicon module, its list
//! moves there and is read from it here.

/// French month names (with and without accents, as pages print both).
pub const FR: &[(&str, u32)] = &[
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
    ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("décembre", 12), ("decembre", 12),
];
/// Spanish month names.
pub const ES: &[(&str, u32)] = &[
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
    ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
];
/// Italian month names.
pub const IT: &[(&str, u32)] = &[
    ("gennaio", 1), ("febbraio", 2), ("marzo", 3), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
    ("agosto", 8), ("settembre", 9), ("ottobre", 10), ("novembre", 11), ("dicembre", 12),
];
/// Portuguese month names.
pub const PT: &[(&str, u32)] = &[
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("abril", 4), ("maio", 5), ("junho", 6), ("julho", 7),
    ("agosto", 8), ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
];
/// Dutch month names (those spelled as in English or German are found there).
pub const NL: &[(&str, u32)] = &[
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
];
/// Russian month names in the genitive, the form a date prints ("2 декабря 2025").
pub const RU: &[(&str, u32)] = &[
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6), ("июля", 7),
    ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
];

/// Every month table: English (full and abbreviated) first, then the others.
pub fn all_month_tables() -> [&'static [(&'static str, u32)]; 9] {
    [crate::en::MONTHS, crate::en::MONTH_ABBREVIATIONS, FR, crate::de::MONTHS, ES, IT, PT, NL, RU]
}

/// Month number of a lower-case month name (a final dot ignored) in any
/// language above: "december", "dec", "dezember", "декабря" → 12.
pub fn month_number_any(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    all_month_tables().iter().find_map(|t| t.iter().find(|(m, _)| *m == w).map(|(_, n)| *n))
}
