//! `crosscheck extract FILE [--url URL] [--charset LABEL] [--json]`: main text
//! and metadata of one file, without storing it. An HTML page (also gzipped)
//! goes straight to `crosscheck-html` (like `trafilatura --json`); any other
//! format crosscheck reads (plain text, feeds, WARC, JSONL) goes through the
//! ingest readers, and a container with several records prints each one
//! (`--json`: one object per line, each with its `text`). An HTML page's
//! `kind` says whether it is an article or a listing (`section-front`,
//! `tag-listing`, `search-results`) or has none (`no-article`).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context as _};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The HTML file (`.html`, `.htm`, or the same gzipped).
    pub file: PathBuf,
    /// Address the page was fetched from (date in the URL, the outlet's domain).
    #[arg(long)]
    pub url: Option<String>,
    /// Charset to decode with, overriding the page's own declaration.
    #[arg(long)]
    pub charset: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let path = &args.file;
    let name = path.display();
    let raw = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{name}: not a valid gzip file"))?;
        out
    } else {
        raw
    };
    if bytes.is_empty() {
        bail!("{name}: empty file");
    }
    if !crosscheck_html::looks_like_html(&bytes) {
        return extract_other(ctx, path);
    }
    // Under --json a page without article text is reported with its kind
    // (`no-article`) and metadata; the plain output calls it an error.
    let ex = if ctx.json {
        crosscheck_html::extract_any(&bytes, args.charset.as_deref(), args.url.as_deref())
    } else {
        crosscheck_html::extract(&bytes, args.charset.as_deref(), args.url.as_deref())
    }
    .with_context(|| format!("{name}: extraction failed"))?;
    if ctx.json {
        let mut v = serde_json::to_value(&ex)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("source".into(), serde_json::json!(ex.site_name));
            obj.insert("file".into(), serde_json::json!(path.display().to_string()));
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let field = |label: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            println!("{label:<10} {v}");
        }
    };
    field("title", ex.title.as_deref());
    field("authors", Some(&ex.authors.join("; ")));
    if let Some(p) = &ex.published {
        let when = p.datetime.map_or_else(|| p.date.to_string(), |d| d.to_rfc3339());
        println!("{:<10} {when} ({:?}, confidence {:.2})", "published", p.method, p.confidence);
    }
    field("language", ex.language.as_deref());
    field("site", ex.site_name.as_deref());
    field("url", ex.url.as_deref());
    field("encoding", Some(ex.encoding));
    field("kind", Some(ex.kind.as_str()));
    println!();
    println!("{}", ex.text);
    Ok(ExitCode::SUCCESS)
}

/// A file that is not one HTML page: every article the ingest readers find in it.
fn extract_other(ctx: &Context, path: &std::path::Path) -> anyhow::Result<ExitCode> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for r in crosscheck_ingest::read_path(path) {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e),
        }
    }
    if !articles.is_empty() && !ctx.quiet {
        for e in &errors {
            eprintln!("crosscheck: warning: {e}");
        }
    }
    let Some(first) = articles.first() else {
        match errors.into_iter().next() {
            Some(e) => bail!("{e}"),
            None => bail!("{}: no article in the file", path.display()),
        }
    };
    if ctx.json {
        if articles.len() == 1 {
            println!("{}", serde_json::to_string_pretty(first)?);
        } else {
            for a in &articles {
                println!("{}", serde_json::to_string(a)?);
            }
        }
    } else {
        let shown: Vec<String> = articles.iter().map(super::show::describe).collect();
        println!("{}", shown.join("\n\n"));
    }
    Ok(ExitCode::SUCCESS)
}
