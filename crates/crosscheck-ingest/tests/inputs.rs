//! `expand_inputs`: files, directories, globs, stdin, and errors in place.

use std::fs;
use std::path::Path;

use crosscheck_ingest::expand_inputs;

fn touch(p: &Path) {
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, "x").unwrap();
}

fn ok_names(results: &[Result<std::path::PathBuf, crosscheck_ingest::IngestError>], root: &Path) -> Vec<String> {
    results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect()
}

#[test]
fn directories_recursive_sorted_without_hidden_or_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for f in ["b.txt", "a.html", "sub/c.xml", "sub/deeper/d.jsonl", "sub/e.warc.gz", ".hidden.txt", ".git/config", "photo.png", "README"] {
        touch(&root.join(f));
    }
    let r = expand_inputs(&[root.display().to_string()]);
    assert!(r.iter().all(|x| x.is_ok()));
    assert_eq!(ok_names(&r, root), vec!["README", "a.html", "b.txt", "sub/c.xml", "sub/deeper/d.jsonl", "sub/e.warc.gz"]);
}

#[test]
fn explicit_files_are_kept_whatever_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("photo.png");
    touch(&p);
    let r = expand_inputs(&[p.display().to_string()]);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].as_ref().unwrap(), &p);
}

#[test]
fn globs_sorted_and_unmatched_is_an_error_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for f in ["z.txt", "m.txt", "a.html", ".h.txt"] {
        touch(&root.join(f));
    }
    let inputs = vec![
        format!("{}/*.txt", root.display()),
        format!("{}/*.nothing", root.display()),
        "-".to_string(),
        format!("{}/missing.txt", root.display()),
        format!("{}/[", root.display()),
    ];
    let r = expand_inputs(&inputs);
    assert_eq!(r.len(), 6, "{r:?}");
    assert!(r[0].as_ref().unwrap().ends_with("m.txt"));
    assert!(r[1].as_ref().unwrap().ends_with("z.txt"));
    let e = r[2].as_ref().unwrap_err();
    assert!(e.path.ends_with("*.nothing") && e.reason.contains("no file matches"), "{e}");
    assert_eq!(r[3].as_ref().unwrap().to_str(), Some("-"));
    let e = r[4].as_ref().unwrap_err();
    assert!(e.path.ends_with("missing.txt") && e.reason.contains("no such file"), "{e}");
    let e = r[5].as_ref().unwrap_err();
    assert!(e.reason.contains("invalid glob"), "{e}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    touch(&root.join("a/x.txt"));
    std::os::unix::fs::symlink(root.join("a"), root.join("a/loop")).unwrap();
    let r = expand_inputs(&[root.display().to_string()]);
    assert_eq!(ok_names(&r, root), vec!["a/x.txt"]);
}
