//! `test262`: runs the test262 conformance suite against the engine.
//!
//! `cargo run --release -p test262 -- --help` lists the options; `conformance/test262/README.md`
//! explains the expectation files. The steps of a run, each in its own module:
//! [`cli`] reads the command line, [`select`] finds the tests and reads their [`frontmatter`],
//! [`run`] runs them in parallel, [`report`] prints the pass rates and [`records`] keeps the
//! results and expectation files.

mod cli;
mod frontmatter;
mod records;
mod report;
mod run;
mod select;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use run::{Phase, RunConfig};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How many paths a "newly passing/failing" list shows without `--verbose`.
const LIST_LIMIT: usize = 50;

fn main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("test262: {message}\n(see --help)");
            return ExitCode::from(2);
        }
    };
    if options.help {
        print!("{}", cli::USAGE);
        return ExitCode::SUCCESS;
    }
    match run_suite(options) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("test262: {message}");
            ExitCode::from(2)
        }
    }
}

/// The workspace root, where the default suite and results paths start: two levels above this
/// crate's manifest when that still exists (the binary may have been moved), else the
/// current directory.
fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match root.canonicalize() {
        Ok(root) if root.join("Cargo.toml").is_file() => root,
        _ => PathBuf::from("."),
    }
}

/// A whole run: select, run, report, record. Returns the exit status (1 when an expected
/// test failed) or a message for errors that stop the run (status 2).
fn run_suite(options: cli::Options) -> Result<ExitCode, String> {
    let root = workspace_root();
    let suite = options
        .suite
        .clone()
        .unwrap_or_else(|| root.join("../shared/test262"));
    let test_dir = suite.join("test");
    if !test_dir.is_dir() {
        return Err(format!(
            "no test262 suite at {} (expected a test/ directory there; use --suite DIR)",
            suite.display()
        ));
    }

    let pool = run::worker_pool(options.threads).map_err(|e| format!("thread pool: {e}"))?;
    // The dialect's tests are in a few places: search only there unless told where.
    let roots: Vec<String> = if options.filter.dialect && options.paths.is_empty() {
        select::DIALECT_ROOTS
            .iter()
            .map(|r| r.to_string())
            .collect()
    } else if options.filter.typed_arrays && options.paths.is_empty() {
        select::TYPED_ARRAY_ROOTS
            .iter()
            .map(|r| r.to_string())
            .collect()
    } else {
        options.paths.clone()
    };
    let paths = select::discover(&test_dir, &roots).map_err(|e| e.to_string())?;
    let tests = pool.install(|| {
        paths
            .par_iter()
            .map(|path| select::load(&test_dir, path))
            .collect()
    });
    let selection = select::select(tests, &options.filter);

    if options.list {
        for test in &selection.tests {
            println!("{}", test.path);
        }
        report_skipped(selection.skipped_modules);
        return Ok(ExitCode::SUCCESS);
    }

    // Read the files to compare with before this run's results replace them.
    let results_path = options
        .results
        .clone()
        .unwrap_or_else(|| root.join("target/test262-results.txt"));
    let previous = previous_results(options.compare.as_deref(), &results_path)?;
    let expected = match &options.expect {
        Some(path) => Some(read_expectations(path)?),
        None => None,
    };

    let phase = options.phase.unwrap_or(Phase::Parse);
    let config = RunConfig {
        test_dir: test_dir.clone(),
        phase,
    };
    let progress = progress_bar(selection.tests.len());
    let results = pool.install(|| run::run_all(&selection.tests, &config, &progress));
    progress.finish_and_clear();

    for line in report::directory_table(&results) {
        println!("{line}");
    }
    if options.verbose {
        for line in report::failure_lines(&results) {
            println!("{line}");
        }
    }
    let limit = (!options.verbose).then_some(LIST_LIMIT);

    write_file(&results_path, &records::results_text(&results))?;
    println!("results written to {}", results_path.display());
    if let Some((compare_path, previous)) = &previous {
        let changes = records::compare(previous, &results);
        println!(
            "compared with {}: {} newly failing, {} newly passing",
            compare_path.display(),
            changes.newly_failing.len(),
            changes.newly_passing.len()
        );
        report::print_paths("newly failing", &changes.newly_failing, limit);
        report::print_paths("newly passing", &changes.newly_passing, limit);
    }

    let mut verdict = None;
    if let (Some(expect_path), Some(expected)) = (&options.expect, &expected) {
        let roots =
            select::normalize_roots(&test_dir, &options.paths).map_err(|e| e.to_string())?;
        let check = records::check_expectations(expected, &results, |path| {
            records::under_roots(path, &roots)
        });
        if options.update {
            let updated = records::updated_expectations(expected, &results, |path| {
                test_dir.join(path).is_file()
            });
            write_file(expect_path, &records::expectations_text(&updated))?;
            report::print_paths("no longer passing (removed)", &check.regressions, None);
            report::print_paths(
                "listed but not run (kept if the suite still has them)",
                &check.missing,
                limit,
            );
            println!(
                "recorded {} passing tests in {} ({} added, {} removed)",
                updated.len(),
                expect_path.display(),
                updated.difference(expected).count(),
                expected.difference(&updated).count()
            );
        } else {
            report::print_paths(
                "REGRESSIONS: expected to pass, now failing",
                &check.regressions,
                None,
            );
            report::print_paths(
                "MISSING: expected to pass, not run at all (not in the suite, or not selected)",
                &check.missing,
                limit,
            );
            report::print_paths(
                "newly passing (run with --update to record)",
                &check.newly_passing,
                limit,
            );
        }
        let of_file = if roots.is_empty() {
            String::new()
        } else {
            format!(" under the given paths, of {}", expected.len())
        };
        verdict = Some((check, of_file, expect_path.display().to_string()));
    }

    report_skipped(selection.skipped_modules);
    let modes = report::count_modes(&results);
    let tests = report::count_tests(&results);
    println!("modes: {} passed, {} failed", modes.passed, modes.failed);
    println!("{} passed, {} failed", tests.passed, tests.failed);
    let Some((check, of_file, expect_path)) = verdict else {
        return Ok(ExitCode::SUCCESS);
    };
    println!(
        "{} passed (expectation file: {}{of_file})",
        tests.passed, check.expected
    );
    if options.update || !check.failed() {
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "FAILED against {expect_path}: {} expected tests failed, {} did not run",
        check.regressions.len(),
        check.missing.len()
    );
    Ok(ExitCode::FAILURE)
}

/// Says how many module tests were left out, if any.
fn report_skipped(skipped_modules: usize) {
    if skipped_modules > 0 {
        eprintln!("skipped {skipped_modules} module tests (modules are not part of ES5)");
    }
}

/// The progress bar, on stderr, hidden when stderr is not a terminal (CI logs, pipes).
fn progress_bar(len: usize) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} tests  {elapsed} (eta {eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::with_draw_target(Some(len as u64), target).with_style(style)
}

/// An earlier run's results file and whether each of its tests passed.
type PreviousResults = (PathBuf, BTreeMap<String, bool>);

/// The results to compare with: the `--compare` file (which must exist), or else the previous
/// results file if there is one.
fn previous_results(
    compare: Option<&Path>,
    results_path: &Path,
) -> Result<Option<PreviousResults>, String> {
    let path = match compare {
        Some(path) => path,
        None if results_path.is_file() => results_path,
        None => return Ok(None),
    };
    let text = fs::read_to_string(path)
        .map_err(|e| format!("cannot read results file {}: {e}", path.display()))?;
    Ok(Some((path.to_path_buf(), records::parse_results(&text))))
}

/// Reads an expectation file; a missing one is an empty set (nothing recorded yet).
fn read_expectations(path: &Path) -> Result<BTreeSet<String>, String> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(records::parse_expectations(&text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "note: expectation file {} does not exist yet; treating it as empty",
                path.display()
            );
            Ok(BTreeSet::new())
        }
        Err(e) => Err(format!(
            "cannot read expectation file {}: {e}",
            path.display()
        )),
    }
}

/// Writes a file, creating its directory if needed.
fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
