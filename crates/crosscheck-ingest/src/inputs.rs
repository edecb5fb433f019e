//! Command-line inputs to files: paths, directories (walked recursively),
//! glob patterns and `-` for standard input.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::{io_reason, tables, IngestError};

/// Expand command-line inputs (files, directories recursively, glob patterns)
/// into the files to read, in a stable (sorted) order. Unmatched patterns and
/// missing paths come back as errors, in place.
///
/// * a file named explicitly is always returned, whatever its extension;
/// * a directory is walked recursively in sorted order, skipping hidden
///   entries (names starting with `.`) and files whose extension no reader
///   knows (images, archives, …); files without an extension are kept;
/// * a pattern with `*`, `?` or `[` is a glob (hidden files match only when
///   the pattern spells the dot); directories it matches are walked;
/// * `-` is standard input and is passed through as the path `-`.
pub fn expand_inputs(inputs: &[String]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Ok(PathBuf::from("-")));
            continue;
        }
        let path = Path::new(input);
        if path.exists() {
            expand_path(path, input, &mut out);
        } else if is_glob(input) {
            expand_glob(input, &mut out);
        } else {
            out.push(Err(IngestError::new(input.as_str(), "no such file or directory")));
        }
    }
    out
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

fn expand_glob(pattern: &str, out: &mut Vec<Result<PathBuf, IngestError>>) {
    let options = glob::MatchOptions { case_sensitive: true, require_literal_separator: false, require_literal_leading_dot: true };
    let paths = match glob::glob_with(pattern, options) {
        Ok(paths) => paths,
        Err(e) => {
            out.push(Err(IngestError::new(pattern, format!("invalid glob pattern: {e}"))));
            return;
        }
    };
    let mut matched: Vec<PathBuf> = Vec::new();
    for entry in paths {
        match entry {
            Ok(p) => matched.push(p),
            Err(e) => out.push(Err(IngestError::new(e.path().display().to_string(), io_reason(e.error())))),
        }
    }
    if matched.is_empty() {
        out.push(Err(IngestError::new(pattern, "no file matches the pattern")));
        return;
    }
    matched.sort();
    for p in matched {
        let label = p.display().to_string();
        expand_path(&p, &label, out);
    }
}

fn expand_path(path: &Path, label: &str, out: &mut Vec<Result<PathBuf, IngestError>>) {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let before = out.len();
            let mut seen = HashSet::new();
            walk_dir(path, &mut seen, out);
            if out.len() == before {
                tracing::warn!(dir = label, "directory holds no readable files");
            }
        }
        Ok(_) => out.push(Ok(path.to_path_buf())),
        Err(e) => out.push(Err(IngestError::new(label, io_reason(&e)))),
    }
}

/// Walk a directory in sorted order; `seen` holds canonical directories
/// already walked, so a symlink loop is walked once.
fn walk_dir(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Result<PathBuf, IngestError>>) {
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(IngestError::new(dir.display().to_string(), io_reason(&e))));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let hidden = child.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&child) {
            Ok(meta) if meta.is_dir() => walk_dir(&child, seen, out),
            Ok(_) if is_readable_name(&child) => out.push(Ok(child)),
            Ok(_) => tracing::debug!(path = %child.display(), "skipped: no reader for this extension"),
            Err(e) => out.push(Err(IngestError::new(child.display().to_string(), io_reason(&e)))),
        }
    }
}

/// Whether a file found in a directory walk is worth trying: a known
/// extension, or none at all.
fn is_readable_name(path: &Path) -> bool {
    let Some(ext) = crate::extension(path) else { return true };
    [tables::TEXT_EXTENSIONS, tables::HTML_EXTENSIONS, tables::FEED_EXTENSIONS, tables::JSONL_EXTENSIONS, tables::SNIFFED_EXTENSIONS]
        .iter()
        .any(|list| list.contains(&ext.as_str()))
}

/// Every article under `inputs` (files, directories, globs), in input order,
/// or the first input or record that could not be read. For tests and for
/// programs embedding crosscheck that want all or nothing; the command line
/// reports and skips bad inputs instead (`crosscheck` `commands/inputs.rs`).
pub fn read_all<S: AsRef<str>>(inputs: &[S]) -> Result<Vec<crosscheck_core::Article>, IngestError> {
    let inputs: Vec<String> = inputs.iter().map(|s| s.as_ref().to_string()).collect();
    let mut articles = Vec::new();
    for path in expand_inputs(&inputs) {
        for article in crate::read_path(&path?) {
            articles.push(article?);
        }
    }
    Ok(articles)
}
