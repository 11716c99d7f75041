//! The runner of `tests/scripts/`: test programs kept as `.js` files that a person can read
//! and run by hand (`node tests/scripts/timers/intervals-repeat-with-arguments-until-cleared.js`), with what they must do
//! beside them, as `conformance/run.sh` has it for the API document's examples:
//!
//! - `NAME.out`: exactly what the script prints on stdout. Every `.js` of an area has one,
//!   except modules the scripts require (named `_NAME.js`); scripts that a Rust test must
//!   drive (input, environment, peers, files checked from outside) are in `AREA/driven/`, and
//!   files the scripts read in `AREA/fixtures/`; neither is run here.
//! - `NAME.status`: its exit status when that is not 0;
//! - `NAME.err`: lines that must appear in its stderr, in this order (each a part of the
//!   stderr's text); `NAME.stderr`: the whole of its stderr. With neither, stderr must be
//!   empty.
//!
//! Each script runs as `node NAME.js` from its own directory, under a time limit that only a
//! hang reaches. Every failure is reported, each with a diff, before the test fails.
//! `SCRIPTS=timers/clear` runs only the scripts whose path (from `tests/scripts/`) contains
//! that text.

use integration::{scripts_dir, try_node_with, Options};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

/// How many scripts there are: fewer found means scripts were lost (moved, renamed without
/// their `.out`), which must not pass silently. Raise it when adding scripts.
const EXPECTED_SCRIPTS: usize = 91;

/// Longer than any script takes on a loaded machine; reached only by a hang.
const LIMIT: Duration = Duration::from_secs(90);

/// One test program and its expectations.
struct Script {
    /// The path from `tests/scripts/`, for messages.
    name: String,
    path: PathBuf,
}

/// The scripts of every area (`tests/scripts/AREA/NAME.js` with a `NAME.out`).
///
/// # Panics
/// When an area holds no script at all (neither its own nor in `driven/`), or a `.js` of an
/// area lacks its `.out`.
fn find_scripts() -> Vec<Script> {
    let root = scripts_dir();
    let mut areas: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", root.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_dir())
        .collect();
    areas.sort();
    let mut scripts = Vec::new();
    for area in areas {
        let mut found: Vec<PathBuf> = fs::read_dir(&area)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", area.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
            .collect();
        found.sort();
        // An area whose every script needs a Rust test to drive it (http) has only driven/.
        assert!(
            !found.is_empty() || area.join("driven").is_dir(),
            "{} holds no script: a test area must not be empty",
            area.display()
        );
        for path in found {
            // Modules the scripts require start with "_" (as in `_helper.js`); every other
            // script of an area is a test and must say what it prints.
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            if stem.as_deref().is_some_and(|s| s.starts_with('_')) {
                continue;
            }
            assert!(
                path.with_extension("out").is_file(),
                "{} has no .out beside it",
                path.display()
            );
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            scripts.push(Script { name, path });
        }
    }
    scripts
}

/// An expectation file's text. Invalid UTF-8 becomes U+FFFD, as it does in what `node`
/// printed (`Run` holds its output that way), so a script may expect raw bytes.
fn read(path: &Path) -> Option<String> {
    fs::read(path)
        .ok()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs one script; `None` when it did all it should, else what went wrong.
fn check(script: &Script) -> Option<String> {
    let dir = script.path.parent().map(Path::to_path_buf);
    let file = script.path.file_name().map(|n| n.to_os_string())?;
    let options = Options {
        cwd: dir,
        limit: LIMIT,
        ..Options::default()
    };
    let run = match try_node_with(&[file], &options) {
        Ok(run) => run,
        Err(problem) => return Some(problem),
    };
    let expected_out = read(&script.path.with_extension("out")).unwrap_or_default();
    let expected_status: i32 = match read(&script.path.with_extension("status")) {
        Some(text) => match text.trim().parse() {
            Ok(status) => status,
            Err(_) => return Some(format!("bad .status file: {text:?}")),
        },
        None => 0,
    };
    let mut problems = String::new();
    if run.stdout != expected_out {
        let _ = writeln!(
            problems,
            "stdout differs (- expected, + actual):\n{}",
            diff(&expected_out, &run.stdout)
        );
    }
    match run.status.code() {
        Some(code) if code == expected_status => {}
        code => {
            let _ = writeln!(
                problems,
                "exit status {code:?} ({:?}), expected {expected_status}",
                run.status
            );
        }
    }
    if let Some(exact) = read(&script.path.with_extension("stderr")) {
        if run.stderr != exact {
            let _ = writeln!(
                problems,
                "stderr differs (- expected, + actual):\n{}",
                diff(&exact, &run.stderr)
            );
        }
    } else if let Some(lines) = read(&script.path.with_extension("err")) {
        let mut rest = run.stderr.as_str();
        for line in lines.lines().filter(|l| !l.is_empty()) {
            match rest.find(line) {
                Some(at) => rest = &rest[at + line.len()..],
                None => {
                    let _ = writeln!(problems, "stderr lacks (in this order): {line:?}");
                }
            }
        }
    } else if !run.stderr.is_empty() {
        let _ = writeln!(problems, "stderr should be empty");
    }
    if problems.is_empty() {
        return None;
    }
    if !run.stderr.is_empty() {
        let _ = writeln!(problems, "stderr was:\n{}", indent(&run.stderr, 40));
    }
    Some(problems)
}

fn indent(text: &str, max_lines: usize) -> String {
    text.lines()
        .take(max_lines)
        .map(|l| format!("    {l}\n"))
        .collect()
}

/// A line diff of `expected` and `actual` (longest common subsequence), `-`/`+` marking the
/// lines that differ, with their neighbours as context.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    // Outputs are small; a large one is shown only in part.
    if a.len() * b.len() > 4_000_000 {
        return format!(
            "    (too long to diff: {} lines expected, {} actual; first lines of actual)\n{}",
            a.len(),
            b.len(),
            indent(actual, 20)
        );
    }
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    let show = |mark: char, line: &str| {
        let shown = line
            .strip_suffix('\n')
            .map_or(format!("{line:?} (no newline)"), |l| l.to_string());
        format!("  {mark} {shown}\n")
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&show(' ', a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&show('+', b[j]));
            j += 1;
        } else {
            out.push_str(&show('-', a[i]));
            i += 1;
        }
    }
    out
}

#[test]
fn every_script_does_what_its_files_say() {
    let all = find_scripts();
    assert!(
        all.len() >= EXPECTED_SCRIPTS,
        "found {} scripts under {}, expected at least {EXPECTED_SCRIPTS}",
        all.len(),
        scripts_dir().display()
    );
    let filter = std::env::var("SCRIPTS").unwrap_or_default();
    let scripts: Vec<Script> = all
        .into_iter()
        .filter(|s| s.name.contains(&filter))
        .collect();
    assert!(!scripts.is_empty(), "no script matches SCRIPTS={filter:?}");

    // A few at a time, as cargo runs tests; each script is a process of its own.
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = thread::available_parallelism().map_or(2, |n| n.get().min(4));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(script) = scripts.get(index) else {
                    break;
                };
                if let Some(problem) = check(script) {
                    let mut failures = failures.lock().unwrap_or_else(|e| e.into_inner());
                    failures.push(format!("FAIL {}\n{problem}", script.name));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} scripts failed:\n\n{}",
        failures.len(),
        scripts.len(),
        failures.join("\n")
    );
}
