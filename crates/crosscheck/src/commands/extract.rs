//! `crosscheck extract FILE [--url URL] [--charset LABEL] [--json]`: main text
//! and metadata of one HTML page (like `trafilatura --json`). A `.gz` file is
//! read decompressed. Other formats are refused with a clear error for now.

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
        bail!("{name}: not an HTML page (only HTML is extracted by this command for now)");
    }
    let ex = crosscheck_html::extract(&bytes, args.charset.as_deref(), args.url.as_deref())
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
    println!();
    println!("{}", ex.text);
    Ok(ExitCode::SUCCESS)
}
