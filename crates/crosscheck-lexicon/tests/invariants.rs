//! Invariants of the tables: what the lookups of the stages rely on.

use crosscheck_lexicon::{calendar, en, english, for_language, NumberKind};

fn lower_case(words: &[&str]) -> Vec<String> {
    words.iter().filter(|w| w.to_lowercase() != **w).map(|w| w.to_string()).collect()
}

fn duplicates(words: impl IntoIterator<Item = &'static str>) -> Vec<&'static str> {
    let mut seen = std::collections::HashSet::new();
    words.into_iter().filter(|w| !seen.insert(*w)).collect()
}

fn is_sorted(words: &[&str]) -> bool {
    words.windows(2).all(|p| p[0] < p[1])
}

#[test]
fn word_lists_are_sorted_unique_and_lower_case() {
    for lex in [english(), for_language("de")] {
    for (name, list) in [
        ("stopwords", lex.stopwords),
        ("titles", lex.titles),
        ("title_abbreviations", lex.title_abbreviations),
        ("reporting_verbs", lex.reporting_verbs),
        ("demonym_endings", lex.demonym_endings),
        ("clause_openers", lex.clause_openers),
        ("prepositions", lex.prepositions),
        ("subjunctive_forms", lex.subjunctive_forms),
    ] {
        assert!(is_sorted(list), "{name} is not sorted and duplicate-free");
        assert!(lower_case(list).is_empty(), "{name} has upper case: {:?}", lower_case(list));
        assert!(list.iter().all(|w| !w.is_empty() && !w.ends_with('.')), "{name} has an empty word or a dot");
    }
    if let Some(c) = lex.text_citation {
        for list in [c.verbs, c.prepositions] {
            assert!(is_sorted(list) && lower_case(list).is_empty(), "{}: text citation {list:?}", lex.language);
        }
        assert!(c.prepositions.iter().all(|p| lex.prepositions.contains(p)), "text-citation prepositions are prepositions");
    }
    for v in lex.separable_reporting_verbs {
        assert!(is_sorted(v.finite) && lower_case(v.finite).is_empty(), "{}: separable verb {v:?}", lex.language);
        assert!(v.participle.starts_with(v.particle) && lower_case(&[v.participle, v.particle]).is_empty(), "{}: separable verb {v:?}", lex.language);
    }
    // As printed, but still sorted and without duplicates.
    assert!(is_sorted(lex.sentence_abbreviations), "{}", lex.language);
    assert!(is_sorted(lex.known_organisations));
    }
}

#[test]
fn german_months_and_weekdays_cover_every_number() {
    let lex = for_language("de");
    assert_eq!(lex.language, "de");
    for n in 1..=12 {
        assert!(lex.months.iter().any(|(_, m)| *m == n), "month {n}");
    }
    for n in 1..=7 {
        assert!(lex.weekdays.iter().any(|(_, d)| *d == n), "weekday {n}");
    }
    for (a, n) in lex.month_abbreviations {
        assert!(lex.months.iter().any(|(m, k)| k == n && m.starts_with(a)), "{a}");
    }
}

#[test]
fn titles_and_abbreviations_do_not_overlap() {
    let lex = english();
    let both: Vec<_> = lex.titles.iter().filter(|t| lex.title_abbreviations.contains(t)).collect();
    assert!(both.is_empty(), "listed twice: {both:?}");
    let sentence: Vec<_> =
        lex.sentence_abbreviations.iter().filter(|a| lex.title_abbreviations.contains(&a.to_lowercase().as_str())).collect();
    assert!(sentence.is_empty(), "title abbreviations listed again: {sentence:?}");
}

#[test]
fn months_and_weekdays_have_their_numbers() {
    let lex = english();
    assert_eq!(lex.months.len(), 12);
    for (i, (m, n)) in lex.months.iter().enumerate() {
        assert_eq!(*n, i as u32 + 1, "{m}");
    }
    for (a, n) in lex.month_abbreviations {
        assert!((1..=12).contains(n), "{a}");
        let full = lex.months[*n as usize - 1].0;
        assert!(full.starts_with(a), "{a} does not abbreviate {full}");
    }
    assert_eq!(lex.weekdays.len(), 7);
    for (i, (d, n)) in lex.weekdays.iter().enumerate() {
        assert_eq!(*n, i as u32 + 1, "{d}");
    }
    for (a, n) in lex.weekday_abbreviations {
        let full = lex.weekdays[*n as usize - 1].0;
        assert!(full.starts_with(a), "{a} does not abbreviate {full}");
    }
    for table in calendar::all_month_tables() {
        assert!(table.iter().all(|(m, n)| (1..=12).contains(n) && m.to_lowercase() == *m), "{table:?}");
        assert!(duplicates(table.iter().map(|(m, _)| *m)).is_empty(), "{table:?}");
    }
    // One word, one month, whatever table it is in.
    let mut meaning = std::collections::HashMap::new();
    for (m, n) in calendar::all_month_tables().iter().flat_map(|t| t.iter()) {
        assert_eq!(*meaning.entry(*m).or_insert(*n), *n, "{m} names two months");
    }
}

#[test]
fn month_and_weekday_lookups() {
    let lex = english();
    assert_eq!(lex.month_number("sept."), Some(9));
    assert_eq!(lex.month_number("december"), Some(12));
    assert_eq!(lex.month_full("dec"), None);
    assert_eq!(lex.weekday_number("thurs"), Some(4));
    assert_eq!(lex.weekday_full("sunday"), Some(7));
    assert!(lex.is_calendar_word("may") && !lex.is_calendar_word("mayor"));
    assert_eq!(calendar::month_number_any("dezember"), Some(12));
    assert_eq!(calendar::month_number_any("декабря"), Some(12));
    assert_eq!(calendar::month_number_any("maart"), Some(3));
    assert_eq!(calendar::month_number_any("mayor"), None);
    let alt = lex.month_alternation();
    let words: Vec<&str> = alt.split('|').collect();
    let pos = |w: &str| words.iter().position(|x| *x == w).unwrap();
    assert!(pos("september") < pos("sept") && pos("sept") < pos("sep"), "{alt}");
    assert_eq!(words.len(), 12 + 12, "may is listed once: {alt}");
}

#[test]
fn number_words_have_one_value_each() {
    let lex = english();
    assert!(duplicates(lex.number_words.iter().map(|n| n.word)).is_empty());
    let value = |w: &str| lex.number_word(w).map(|n| n.value);
    assert_eq!(value("zero"), Some(0.0));
    assert_eq!(value("seven"), Some(7.0));
    assert_eq!(value("nineteen"), Some(19.0));
    assert_eq!(value("ninety"), Some(90.0));
    assert_eq!(value("dozen"), Some(12.0));
    assert_eq!(value("half"), Some(0.5));
    assert_eq!(value("million"), Some(1e6));
    assert_eq!(value("bn"), Some(1e9));
    assert_eq!(value("seventh"), None);
    for w in lex.number_words {
        assert_eq!(w.word.to_lowercase(), w.word);
        match w.kind {
            NumberKind::Cardinal => assert!(w.value.fract() == 0.0 && w.value <= 100.0, "{w:?}"),
            NumberKind::Fraction => assert!(w.value < 1.0, "{w:?}"),
            // Plural round numbers: twice their unit.
            NumberKind::Approximate => {
                let unit = lex.number_word(w.word.trim_end_matches('s')).expect("unit of a plural").value;
                assert_eq!(w.value, 2.0 * unit, "{w:?}");
            }
            NumberKind::Scale | NumberKind::ScaleAbbreviation => assert!(w.value >= 1e3, "{w:?}"),
        }
    }
    // Cardinals one to twenty are consecutive.
    let cardinals: Vec<f64> = lex.number_words_of(&[NumberKind::Cardinal]).map(|n| n.value).take(21).collect();
    assert_eq!(cardinals, (0..=20).map(f64::from).collect::<Vec<_>>());
}

#[test]
fn titles_abbreviations_and_other_lookups() {
    let lex = english();
    assert!(lex.is_title("mr.") && lex.is_title("president") && lex.is_title("sgt"));
    assert!(!lex.is_title("minister's"));
    assert!(lex.is_sentence_abbreviation("Gen") && lex.is_sentence_abbreviation("Sept"));
    assert!(lex.is_sentence_abbreviation("No") && !lex.is_sentence_abbreviation("no"));
    assert!(!lex.is_sentence_abbreviation("May"), "in May. ends a sentence");
    assert!(!lex.is_sentence_abbreviation("President"));
    assert!(lex.is_reporting_verb("said") && !lex.is_reporting_verb("sad"));
    // German separable verbs: joined forms are reporting verbs, the bare base verb is not.
    let de = for_language("de");
    assert!(de.is_reporting_verb("bekanntgab") && de.is_reporting_verb("hervorgehoben") && !de.is_reporting_verb("gab"));
    assert!(de.separable_particles("gab").any(|p| p == "bekannt") && de.separable_particles("sagte").next().is_none());
    assert!(lex.has_demonym_ending("Italian") && !lex.has_demonym_ending("Paris"));
    assert!(lex.is_stopword("the") && !lex.is_stopword("cable"));
    // No general table lists a known organisation.
    for org in lex.known_organisations {
        let l = org.to_lowercase();
        assert!(!lex.stopwords.contains(&l.as_str()) && !lex.titles.contains(&l.as_str()), "{org}");
    }
}

#[test]
fn unknown_languages_get_english() {
    assert_eq!(for_language("en-GB").language, "en");
    assert_eq!(for_language("xx").language, "en");
    assert_eq!(for_language("").language, "en");
    assert!(std::ptr::eq(for_language("EN"), &en::LEXICON));
}
