//! `crosscheck quotes PATH...`: every quotation of every article, one record
//! each (article, source, path, quote, speaker as resolved and as printed, role,
//! cue verb, byte spans, scare-quote flag, whether it sits in a reported
//! clause (the table's `part`; the record's `content` is the clause), confidence). The records are the
//! extract layer's (`Annotated::quote_records`), the same the dossier's "who
//! said what" reads. `--json` prints one array, `--jsonl` one record per line.

use std::io::Write as _;
use std::process::ExitCode;

use crosscheck_extract::QuoteRecord;
use serde::Serialize;

use super::inputs::{spinner, visit_inputs};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories, globs, or `-` for JSONL on stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// One JSON record per line (streams; for large inputs such as WARC files).
    #[arg(long)]
    pub jsonl: bool,
    /// Leave scare quotes (a word or two in marks, no speech) out.
    #[arg(long)]
    pub no_scare_quotes: bool,
}

/// One output row: the article it comes from and the layer's record.
#[derive(Debug, Serialize)]
struct Row<'a> {
    article: &'a str,
    source: &'a str,
    path: &'a str,
    language: Option<&'a str>,
    #[serde(flatten)]
    record: QuoteRecord,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let pb = spinner(ctx, args.jsonl, "finding quotations in");
    let mut stdout = std::io::stdout().lock();
    let mut rows_json: Vec<serde_json::Value> = Vec::new();
    let mut table = String::new();
    let mut count = 0usize;
    let mut closed = false;
    let tally = visit_inputs(ctx, &args.inputs, &pb, |article| {
        let annotated = crosscheck_pipeline::stages::annotate(&article, None);
        for record in annotated.quote_records() {
            if args.no_scare_quotes && record.scare_quote {
                continue;
            }
            count += 1;
            let row = Row {
                article: article.id.as_str(),
                source: &article.source,
                path: &article.path,
                language: article.language.as_deref(),
                record,
            };
            if args.jsonl {
                if !closed && writeln!(stdout, "{}", serde_json::to_string(&row)?).is_err() {
                    // A closed pipe (`| head`) ends the output, not the walk's bookkeeping.
                    closed = true;
                }
            } else if ctx.json {
                rows_json.push(serde_json::to_value(&row)?);
            } else {
                let quote: String = row.record.quote.chars().take(70).collect::<String>().replace('\n', " ");
                let speaker = row.record.speaker.as_deref().unwrap_or("-");
                let short_id: String = row.article.chars().take(12).collect();
                table.push_str(&format!("{short_id:<12}  {:<24}  {:<5}  {}\n", speaker.chars().take(24).collect::<String>(), if row.record.scare_quote { "scare" } else if row.record.in_reported_clause { "part" } else { "" }, quote));
            }
        }
        Ok(())
    })?;
    pb.finish_and_clear();
    if ctx.json && !args.jsonl {
        let _ = writeln!(stdout, "{}", serde_json::to_string_pretty(&rows_json)?);
    } else if !args.jsonl {
        let _ = write!(stdout, "{:<12}  {:<24}  {:<5}  QUOTE\n{table}", "ARTICLE", "SPEAKER", "");
    }
    if !ctx.quiet && !ctx.json && !args.jsonl {
        eprintln!("{count} quotations in {} articles ({} input error(s))", tally.articles, tally.errors.len());
    }
    Ok(if tally.articles == 0 && !tally.errors.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
