//! Turning results into what a person reads: pass rates per directory, failure reasons, totals.

use crate::run::{Outcome, TestResult};
use std::collections::BTreeMap;

/// Counts of passing and failing tests (or modes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
}

impl Counts {
    fn add(&mut self, passed: bool) {
        if passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
    }

    pub fn total(self) -> usize {
        self.passed + self.failed
    }
}

/// Counts tests: a test passes when all its modes pass.
pub fn count_tests(results: &[TestResult]) -> Counts {
    let mut counts = Counts::default();
    for result in results {
        counts.add(result.passed());
    }
    counts
}

/// Counts test-mode pairs; a test that could not be run counts as one failed mode.
pub fn count_modes(results: &[TestResult]) -> Counts {
    let mut counts = Counts::default();
    for result in results {
        match &result.outcome {
            Outcome::Ran(modes) => modes.iter().for_each(|m| counts.add(m.failure.is_none())),
            Outcome::NotRun(_) => counts.add(false),
        }
    }
    counts
}

/// The group a test is reported under: the first two directories of its path
/// (`language/expressions`), or fewer when the test is not that deep.
pub fn group(path: &str) -> &str {
    let directory = path.rfind('/').map_or("", |i| &path[..i]);
    match directory.match_indices('/').nth(1) {
        Some((i, _)) => &directory[..i],
        None => directory,
    }
}

/// The pass rate of each group, sorted by group, one line each, columns aligned:
/// `language/expressions  1234/1240  99.52%`.
pub fn directory_table(results: &[TestResult]) -> Vec<String> {
    let mut groups: BTreeMap<&str, Counts> = BTreeMap::new();
    for result in results {
        groups
            .entry(group(&result.path))
            .or_default()
            .add(result.passed());
    }
    let name_width = groups.keys().map(|name| name.len()).max().unwrap_or(0);
    let fraction = |counts: &Counts| format!("{}/{}", counts.passed, counts.total());
    let fraction_width = groups
        .values()
        .map(|c| fraction(c).len())
        .max()
        .unwrap_or(0);
    groups
        .iter()
        .map(|(name, counts)| {
            format!(
                "{name:<name_width$}  {:>fraction_width$}  {:>7}",
                fraction(counts),
                percent(*counts)
            )
        })
        .collect()
}

/// The pass rate as a percentage with two decimals (`100.00%` when nothing ran).
pub fn percent(counts: Counts) -> String {
    if counts.total() == 0 {
        return "100.00%".to_string();
    }
    format!(
        "{:.2}%",
        counts.passed as f64 * 100.0 / counts.total() as f64
    )
}

/// One line per failing test and mode, with the reason:
/// `FAIL language/x.js (strict): expected SyntaxError, parsed fine`.
pub fn failure_lines(results: &[TestResult]) -> Vec<String> {
    let mut lines = Vec::new();
    for result in results {
        match &result.outcome {
            Outcome::Ran(modes) => {
                for mode in modes {
                    if let Some(reason) = &mode.failure {
                        lines.push(format!("FAIL {} ({}): {reason}", result.path, mode.mode));
                    }
                }
            }
            Outcome::NotRun(reason) => lines.push(format!("FAIL {}: {reason}", result.path)),
        }
    }
    lines
}

/// Prints a titled list of test paths, at most `limit` of them (all with `None`).
pub fn print_paths(title: &str, paths: &[String], limit: Option<usize>) {
    if paths.is_empty() {
        return;
    }
    println!("{title} ({}):", paths.len());
    let shown = limit.unwrap_or(paths.len()).min(paths.len());
    for path in &paths[..shown] {
        println!("  {path}");
    }
    if shown < paths.len() {
        println!("  ... and {} more (-v lists all)", paths.len() - shown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{Mode, ModeResult};

    fn result(path: &str, failures: &[Option<&str>]) -> TestResult {
        let modes = [Mode::Sloppy, Mode::Strict];
        TestResult {
            path: path.to_string(),
            outcome: Outcome::Ran(
                failures
                    .iter()
                    .zip(modes)
                    .map(|(failure, mode)| ModeResult {
                        mode,
                        failure: failure.map(str::to_string),
                    })
                    .collect(),
            ),
        }
    }

    #[test]
    fn groups() {
        assert_eq!(
            group("language/expressions/addition/a.js"),
            "language/expressions"
        );
        assert_eq!(group("language/expressions/a.js"), "language/expressions");
        assert_eq!(group("harness/a.js"), "harness");
        assert_eq!(group("a.js"), "");
    }

    #[test]
    fn counts_and_table() {
        let results = vec![
            result("language/types/a.js", &[None, None]),
            result("language/types/x/b.js", &[None, Some("SyntaxError: x")]),
            result("built-ins/Array/c.js", &[None]),
            TestResult {
                path: "built-ins/Array/d.js".to_string(),
                outcome: Outcome::NotRun("no front matter".to_string()),
            },
        ];
        assert_eq!(
            count_tests(&results),
            Counts {
                passed: 2,
                failed: 2
            }
        );
        assert_eq!(
            count_modes(&results),
            Counts {
                passed: 4,
                failed: 2
            }
        );
        assert_eq!(
            directory_table(&results),
            vec![
                "built-ins/Array  1/2   50.00%",
                "language/types   1/2   50.00%",
            ]
        );
        assert_eq!(
            failure_lines(&results),
            vec![
                "FAIL language/types/x/b.js (strict): SyntaxError: x",
                "FAIL built-ins/Array/d.js: no front matter",
            ]
        );
    }
}
