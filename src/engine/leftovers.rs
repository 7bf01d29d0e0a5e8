//! Temporary files that a killed run left in its output folder, removed by the next run into it: only names
//! that our own writers make (`.docs.tmp-<pid>`, `.docs.old-<pid>`, `.<file>.tmp-<pid>`), and only when no
//! live process has that pid. Imports nothing of the crate.

use std::path::Path;

/// The pid in `name` if it is one of our temporary names: `.docs.tmp-PID`, `.docs.old-PID`, or
/// `.NAME.tmp-PID`.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (stem, pid) = rest.rsplit_once('-')?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ours = stem == "docs.old" || (stem.ends_with(".tmp") && stem.len() > ".tmp".len());
    ours.then(|| pid.parse().ok()).flatten()
}

/// Whether a process with this pid is running (on a system without `/proc`, any pid but ours counts as
/// gone).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    proc.is_dir() && proc.join(pid.to_string()).exists()
}

/// Remove our temporary files and folders of dead processes from `out_dir` (which may not exist yet).
pub fn remove(out_dir: &Path) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(out_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        if alive(pid) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_temporary_names_match() {
        assert_eq!(temporary_pid(".docs.tmp-123"), Some(123));
        assert_eq!(temporary_pid(".docs.old-9"), Some(9));
        assert_eq!(temporary_pid(".rejected.jsonl.tmp-4567"), Some(4567));
        assert_eq!(temporary_pid(".corpus.csv.tmp-1"), Some(1));
        for not_ours in [
            "docs.tmp-123",
            ".docs.tmp-",
            ".docs.tmp-12a",
            ".tmp-12",
            ".notes-12",
            "rejected.jsonl",
            ".cleanalign",
            ".git",
            ".docs.tmp-123.bak",
        ] {
            assert_eq!(temporary_pid(not_ours), None, "{not_ours}");
        }
    }

    #[test]
    fn a_live_process_keeps_its_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mine = format!(".corpus.csv.tmp-{}", std::process::id());
        let dead = format!(".corpus.csv.tmp-{}", u32::MAX - 3);
        for name in [&mine, &dead, &"corpus.csv".to_string()] {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        remove(dir.path()).expect("remove");
        assert!(dir.path().join(&mine).exists());
        assert!(!dir.path().join(&dead).exists());
        assert!(dir.path().join("corpus.csv").exists());
        assert!(remove(&dir.path().join("missing")).is_ok());
    }
}
