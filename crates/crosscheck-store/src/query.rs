//! User search input reduced to plain words and phrases.
//!
//! A query typed by a user is never passed to a backend's query language:
//! operators, quotes, stars, colons and brackets would raise syntax errors (or,
//! worse, change the meaning). Instead the input is cut into *terms*: each
//! double-quoted part is one phrase, every other white-space separated chunk is
//! one word. Each term is then handed to the backend as a literal string to
//! tokenize with the same tokenizer that indexed the text (an FTS5 string, a
//! `phraseto_tsquery` argument), so a chunk such as `don't`, `e-mail` or
//! `harbour*` matches the way the text was indexed. All terms must match (AND).

use crate::tables::MAX_SEARCH_TERMS;

/// Cut `query` into terms (words or phrases, as typed, without control
/// characters); empty when it holds no letter or digit.
pub(crate) fn terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        // Odd parts were inside double quotes (an unclosed quote runs to the end).
        let quoted = i % 2 == 1;
        if quoted {
            push(&mut terms, part.split_whitespace().collect::<Vec<_>>().join(" "));
        } else {
            for chunk in part.split_whitespace() {
                push(&mut terms, chunk.to_string());
            }
        }
    }
    terms.truncate(MAX_SEARCH_TERMS);
    terms
}

fn push(terms: &mut Vec<String>, term: String) {
    let term: String = term.chars().filter(|c| !c.is_control()).collect();
    // A term without a letter or digit indexes to nothing: drop it rather than
    // ask a backend for an empty phrase.
    if term.chars().any(char::is_alphanumeric) && !terms.contains(&term) {
        terms.push(term);
    }
}

/// The terms as an SQLite FTS5 query: each term an FTS5 string (double-quoted,
/// inner quotes doubled), joined with AND.
pub(crate) fn fts5_expression(terms: &[String]) -> String {
    terms.iter().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_junk() {
        assert_eq!(terms(r#"Ceasefire "peace   talks" AND( x*"#), ["Ceasefire", "peace talks", "AND(", "x*"]);
        assert!(terms(r#" " * ( ) ' ; -- "#).is_empty());
        assert_eq!(terms("'; DROP TABLE articles; --"), ["DROP", "TABLE", "articles;"]);
        assert_eq!(terms("a a b"), ["a", "b"]);
        assert_eq!(terms("Straße\u{0} 42"), ["Straße", "42"]);
    }

    #[test]
    fn unclosed_quote_is_a_phrase_to_the_end() {
        assert_eq!(terms(r#"one "two three"#), ["one", "two three"]);
    }

    #[test]
    fn fts5_expression_quotes_every_term() {
        let t = terms(r#"NEAR "a b" OR col:x"#);
        assert_eq!(fts5_expression(&t), r#""NEAR" AND "a b" AND "OR" AND "col:x""#);
        assert_eq!(fts5_expression(&["say \"hi\"".to_string()]), r#""say ""hi""""#);
    }

    #[test]
    fn term_count_is_bounded() {
        let long = (0..100).map(|i| format!("t{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(terms(&long).len(), MAX_SEARCH_TERMS);
    }
}
