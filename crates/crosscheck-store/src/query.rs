//! User search input reduced to plain words and phrases.
//!
//! A query typed by a user is never passed to a backend's query language:
//! operators, quotes, stars and brackets would raise syntax errors (or worse,
//! change the meaning). Instead the input is cut into *terms*: each
//! double-quoted part is one phrase, every other white-space separated chunk is
//! one word, and each term keeps only its letters and digits, split the way
//! both backends tokenize text. A chunk such as `don't` or `e-mail` becomes the
//! phrase `don t` / `e mail`, which is how the indexes saw it. All terms must
//! match (AND).

use crate::tables::MAX_SEARCH_TERMS;

/// One term of a query: the tokens of a word (one token) or phrase (several),
/// lower-cased, only letters and digits.
pub(crate) type Term = Vec<String>;

/// Cut `query` into terms; empty when it holds no letter or digit.
pub(crate) fn terms(query: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        // Odd parts were inside double quotes (an unclosed quote runs to the end).
        let quoted = i % 2 == 1;
        if quoted {
            push(&mut terms, tokens(part));
        } else {
            for chunk in part.split_whitespace() {
                push(&mut terms, tokens(chunk));
            }
        }
    }
    terms.truncate(MAX_SEARCH_TERMS);
    terms
}

fn push(terms: &mut Vec<Term>, term: Term) {
    if !term.is_empty() && !terms.contains(&term) {
        terms.push(term);
    }
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// The terms as an SQLite FTS5 query: each term a double-quoted string (safe:
/// tokens hold no quote), joined with AND.
pub(crate) fn fts5_expression(terms: &[Term]) -> String {
    terms.iter().map(|t| format!("\"{}\"", t.join(" "))).collect::<Vec<_>>().join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_junk() {
        assert_eq!(terms(r#"Ceasefire "peace talks" AND( x*"#), vec![
            vec!["ceasefire".to_string()],
            vec!["peace".into(), "talks".into()],
            vec!["and".into()],
            vec!["x".into()],
        ]);
        assert!(terms(r#" " * ( ) ' ; -- "#).is_empty());
        assert_eq!(terms("don't"), vec![vec!["don".to_string(), "t".into()]]);
        assert_eq!(terms("'; DROP TABLE articles; --").len(), 3);
        assert_eq!(terms("a a A"), vec![vec!["a".to_string()]]);
        assert_eq!(terms("Ünïcode Straße 42"), vec![vec!["ünïcode".to_string()], vec!["straße".into()], vec!["42".into()]]);
    }

    #[test]
    fn unclosed_quote_is_a_phrase_to_the_end() {
        assert_eq!(terms(r#"one "two three"#), vec![vec!["one".to_string()], vec!["two".into(), "three".into()]]);
    }

    #[test]
    fn fts5_expression_quotes_every_term() {
        let t = terms(r#"NEAR "a b" OR"#);
        assert_eq!(fts5_expression(&t), r#""near" AND "a b" AND "or""#);
    }

    #[test]
    fn term_count_is_bounded() {
        let long = "w ".repeat(10) + &(0..100).map(|i| format!("t{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(terms(&long).len(), MAX_SEARCH_TERMS);
    }
}
