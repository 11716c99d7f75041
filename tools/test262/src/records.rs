//! The files that outlive a run: the results file (every test of the last run, to compare the
//! next run with) and the expectation file (the tests known to pass, checked in, so a change
//! that breaks one is caught).
//!
//! Both are plain sorted text, one test per line, so they diff well in review.

use crate::run::{Outcome, TestResult};
use std::collections::{BTreeMap, BTreeSet};

/// The results file's text: one line per test, sorted by path:
/// `<path> PASS`, or `<path> FAIL <failing modes, comma-separated>` (`not-run` when the test
/// could not be run at all).
pub fn results_text(results: &[TestResult]) -> String {
    let mut lines: Vec<String> = results
        .iter()
        .map(|result| match &result.outcome {
            _ if result.passed() => format!("{} PASS", result.path),
            Outcome::Ran(modes) => {
                let failing: Vec<&str> = modes
                    .iter()
                    .filter(|m| m.failure.is_some())
                    .map(|m| m.mode.name())
                    .collect();
                format!("{} FAIL {}", result.path, failing.join(","))
            }
            Outcome::NotRun(_) => format!("{} FAIL not-run", result.path),
        })
        .collect();
    lines.sort();
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Reads a results file: whether each test passed. Lines it does not understand are skipped
/// (the file may come from an older runner).
pub fn parse_results(text: &str) -> BTreeMap<String, bool> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let path = words.next()?;
            let passed = match words.next()? {
                "PASS" => true,
                "FAIL" => false,
                _ => return None,
            };
            Some((path.to_string(), passed))
        })
        .collect()
}

/// Tests whose result differs from a previous run's.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub newly_failing: Vec<String>,
    pub newly_passing: Vec<String>,
}

/// Compares this run with a previous one, over the tests both ran (sorted paths).
pub fn compare(previous: &BTreeMap<String, bool>, results: &[TestResult]) -> Changes {
    let mut changes = Changes::default();
    for result in results {
        match (previous.get(&result.path), result.passed()) {
            (Some(true), false) => changes.newly_failing.push(result.path.clone()),
            (Some(false), true) => changes.newly_passing.push(result.path.clone()),
            _ => {}
        }
    }
    changes.newly_failing.sort();
    changes.newly_passing.sort();
    changes
}

/// Reads an expectation file: the paths of the tests that pass. Blank lines and `#` comments
/// are allowed.
pub fn parse_expectations(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// How this run measures up to an expectation file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ExpectationCheck {
    /// How many tests the file lists within the run's scope (all of them for a run over the
    /// whole suite).
    pub expected: usize,
    /// Tests the file says pass that failed in this run.
    pub regressions: Vec<String>,
    /// Tests the file says pass, within the run's scope, that this run did not run at all: the
    /// suite lacks them, or the selection (front matter, filter) left them out.
    pub missing: Vec<String>,
    /// Tests that passed in this run that the file does not list.
    pub newly_passing: Vec<String>,
}

impl ExpectationCheck {
    /// Whether the run fails the check: a listed test failed or did not run.
    pub fn failed(&self) -> bool {
        !self.regressions.is_empty() || !self.missing.is_empty()
    }
}

/// Checks this run against the expected passing set. `in_scope` says which of the file's tests
/// the run was asked for (a run over part of the suite, by path, is not asked for the rest);
/// a test in scope that the run did not run is `missing`, which fails the check as a
/// regression does: a run that selects fewer tests must not pass for that reason.
pub fn check_expectations(
    expected: &BTreeSet<String>,
    results: &[TestResult],
    in_scope: impl Fn(&str) -> bool,
) -> ExpectationCheck {
    let mut check = ExpectationCheck::default();
    for result in results {
        match (expected.contains(&result.path), result.passed()) {
            (true, false) => check.regressions.push(result.path.clone()),
            (false, true) => check.newly_passing.push(result.path.clone()),
            _ => {}
        }
    }
    let ran: BTreeSet<&str> = results.iter().map(|r| r.path.as_str()).collect();
    for path in expected.iter().filter(|path| in_scope(path)) {
        check.expected += 1;
        if !ran.contains(path.as_str()) {
            check.missing.push(path.clone());
        }
    }
    check.regressions.sort();
    check.newly_passing.sort();
    check
}

/// Whether a test path lies under one of the roots a run was given (paths relative to
/// `test/`, `/`-separated, as [`crate::select::normalize_roots`] makes them); every test
/// does when there are none (a run over the whole suite).
pub fn under_roots(path: &str, roots: &[String]) -> bool {
    roots.is_empty()
        || roots.iter().any(|root| {
            root.is_empty()
                || path == root
                || path
                    .strip_prefix(root.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
}

/// The passing set to record: this run's passing tests, plus the entries of the old file that
/// this run did not select (so updating after a partial run keeps the rest), minus entries
/// whose test no longer exists in the suite.
pub fn updated_expectations(
    expected: &BTreeSet<String>,
    results: &[TestResult],
    exists: impl Fn(&str) -> bool,
) -> BTreeSet<String> {
    let ran: BTreeSet<&str> = results.iter().map(|r| r.path.as_str()).collect();
    let mut updated: BTreeSet<String> = expected
        .iter()
        .filter(|path| !ran.contains(path.as_str()) && exists(path))
        .cloned()
        .collect();
    updated.extend(
        results
            .iter()
            .filter(|r| r.passed())
            .map(|r| r.path.clone()),
    );
    updated
}

/// An expectation file's text: the sorted paths, one a line.
pub fn expectations_text(passing: &BTreeSet<String>) -> String {
    passing.iter().map(|path| format!("{path}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{Mode, ModeResult};

    fn result(path: &str, passed: bool) -> TestResult {
        TestResult {
            path: path.to_string(),
            outcome: Outcome::Ran(vec![
                ModeResult {
                    mode: Mode::Sloppy,
                    failure: None,
                },
                ModeResult {
                    mode: Mode::Strict,
                    failure: (!passed).then(|| "SyntaxError: x".to_string()),
                },
            ]),
        }
    }

    #[test]
    fn results_round_trip() {
        let results = vec![
            result("b.js", false),
            result("a.js", true),
            TestResult {
                path: "c.js".to_string(),
                outcome: Outcome::NotRun("unreadable".to_string()),
            },
        ];
        let text = results_text(&results);
        assert_eq!(text, "a.js PASS\nb.js FAIL strict\nc.js FAIL not-run\n");
        let parsed = parse_results(&text);
        assert_eq!(parsed.get("a.js"), Some(&true));
        assert_eq!(parsed.get("b.js"), Some(&false));
        assert_eq!(parsed.get("c.js"), Some(&false));
        assert_eq!(parse_results("garbage\nx.js MAYBE\n").len(), 0);
    }

    #[test]
    fn comparing_runs() {
        let previous = parse_results("a.js PASS\nb.js FAIL strict\nc.js PASS\n");
        let results = vec![
            result("a.js", false),
            result("b.js", true),
            result("c.js", true),
            result("new.js", false),
        ];
        assert_eq!(
            compare(&previous, &results),
            Changes {
                newly_failing: vec!["a.js".to_string()],
                newly_passing: vec!["b.js".to_string()],
            }
        );
    }

    #[test]
    fn expectations() {
        let expected = parse_expectations("# comment\na.js\n\nb.js\ngone.js\nother.js\n");
        let results = vec![
            result("a.js", false),
            result("b.js", true),
            result("c.js", true),
        ];
        assert_eq!(
            check_expectations(&expected, &results, |_| true),
            ExpectationCheck {
                expected: 4,
                regressions: vec!["a.js".to_string()],
                missing: vec!["gone.js".to_string(), "other.js".to_string()],
                newly_passing: vec!["c.js".to_string()],
            }
        );
        assert!(check_expectations(&expected, &results, |_| true).failed());
        // A run over part of the suite is not asked for the tests outside it.
        let scoped = check_expectations(&expected, &results, |path| path != "gone.js");
        assert_eq!(scoped.expected, 3);
        assert_eq!(scoped.missing, vec!["other.js".to_string()]);
        let all_ran = vec![result("a.js", true), result("b.js", true)];
        let check = check_expectations(&parse_expectations("a.js\nb.js\n"), &all_ran, |_| true);
        assert_eq!(check.expected, 2);
        assert!(!check.failed());
        let updated = updated_expectations(&expected, &results, |path| path != "gone.js");
        assert_eq!(expectations_text(&updated), "b.js\nc.js\nother.js\n");
    }

    #[test]
    fn roots() {
        let roots = vec![
            "language/types".to_string(),
            "built-ins/Array/a.js".to_string(),
        ];
        assert!(under_roots("language/types/x.js", &roots));
        assert!(under_roots("built-ins/Array/a.js", &roots));
        assert!(!under_roots("language/typesx/y.js", &roots));
        assert!(!under_roots("built-ins/Array/b.js", &roots));
        assert!(under_roots("anything.js", &[]));
    }
}
