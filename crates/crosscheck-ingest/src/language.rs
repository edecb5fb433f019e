//! The language of an article: declared by the input when it says so,
//! otherwise detected from the text with `whatlang`, and reported only when
//! the detector is confident.

use crate::tables;

/// ISO 639-1 code of a declared language tag ("en-US", "en_GB", "EN" → "en").
/// Tags that do not start with a two-letter primary subtag give `None`.
pub fn normalize_declared(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

/// ISO 639-1 code of the text's language, when the text is long enough and
/// detection is confident.
pub fn detect(text: &str) -> Option<String> {
    let sample: String = text.chars().take(tables::LANGUAGE_SAMPLE_CHARS).collect();
    if sample.chars().filter(|c| c.is_alphabetic()).count() < tables::LANGUAGE_MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() || info.confidence() < tables::LANGUAGE_MIN_CONFIDENCE {
        return None;
    }
    let code3 = info.lang().code();
    tables::ISO639_3_TO_1.iter().find(|(c3, _)| *c3 == code3).map(|(_, c1)| c1.to_string())
}

/// The declared language if it is a valid tag, else the detected one.
pub fn choose<'a>(declared: impl IntoIterator<Item = Option<&'a str>>, text: &str) -> Option<String> {
    declared.into_iter().flatten().find_map(normalize_declared).or_else(|| detect(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags() {
        assert_eq!(normalize_declared("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_declared("DE_at").as_deref(), Some("de"));
        assert_eq!(normalize_declared("english"), None);
    }

    #[test]
    fn detects_only_when_sure() {
        let en = "The ministry said on Tuesday that the talks would continue next week in the capital, despite the protests.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        let fr = "Le ministère a déclaré mardi que les négociations reprendraient la semaine prochaine dans la capitale.";
        assert_eq!(detect(fr).as_deref(), Some("fr"));
        assert_eq!(detect("OK 42"), None);
    }
}
