//! `crosscheck show ID`: one stored article, its metadata and its text. The id
//! may be shortened to a unique prefix of at least four hex digits; `--json`
//! prints the whole article (text, paragraph spans, date provenance).

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_store::Store;

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article id (16 hex digits) or a unique prefix of it.
    pub id: String,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let store = crosscheck_store::open(&ctx.db).with_context(|| format!("opening the store {}", ctx.db))?;
    let id = resolve_id(store.as_ref(), &args.id)?;
    let article = store.get_article(&id)?.with_context(|| format!("no article {id} in {}", ctx.db))?;
    let mut out = String::new();
    if ctx.json {
        out.push_str(&serde_json::to_string_pretty(&article)?);
        out.push('\n');
    } else {
        out.push_str(&describe(&article));
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// A full id, or the one stored id that starts with the given prefix.
pub(crate) fn resolve_id(store: &dyn Store, given: &str) -> anyhow::Result<crosscheck_core::ArticleId> {
    if let Ok(id) = crosscheck_core::ArticleId::parse(given) {
        return Ok(id);
    }
    let given = given.trim().to_ascii_lowercase();
    anyhow::ensure!(
        given.len() >= 4 && given.bytes().all(|b| b.is_ascii_hexdigit()),
        "{given:?} is not an article id (16 hex digits, or a prefix of at least 4)"
    );
    let found = store.find_by_prefix(&given)?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => anyhow::bail!("no article with an id starting {given}"),
        many => anyhow::bail!("{} articles have ids starting {given}; give more digits", many.len()),
    }
}

/// An article as a person reads it: metadata lines, a blank line, the text.
pub(crate) fn describe(a: &crosscheck_core::Article) -> String {
    let mut out = String::new();
    out.push_str(&format!("id:        {}\n", a.id));
    out.push_str(&format!("source:    {}\n", a.source));
    out.push_str(&format!("path:      {}\n", a.path));
    if let Some(u) = &a.url {
        out.push_str(&format!("url:       {u}\n"));
    }
    if let Some(t) = &a.title {
        out.push_str(&format!("title:     {t}\n"));
    }
    if !a.authors.is_empty() {
        out.push_str(&format!("authors:   {}\n", a.authors.join(", ")));
    }
    if let Some(p) = &a.published {
        out.push_str(&format!(
            "published: {} ({:?}, confidence {:.2}: {:?})\n",
            p.datetime.map(|d| d.to_rfc3339()).unwrap_or_else(|| p.date.to_string()),
            p.method,
            p.confidence,
            p.evidence
        ));
    }
    if let Some(l) = &a.language {
        out.push_str(&format!("language:  {l}\n"));
    }
    out.push_str(&format!("format:    {}\n", a.format.as_str()));
    out.push_str(&format!("words:     {}\n\n", a.word_count()));
    out.push_str(&a.text);
    out.push('\n');
    out
}
