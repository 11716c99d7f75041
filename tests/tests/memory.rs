//! The collector keeps memory bounded while a script allocates far more than that in total:
//! in a plain loop, in callbacks passed to `Array.prototype.forEach`, and in a `sort`
//! comparator. (Issue 3 asks the same at 10 GB; these run at about a gigabyte each so that the
//! test suite stays quick. Scale them with NODE_MEMORY_TEST_SCALE=10.)

use integration::{node_with_limit, scripts_dir};
use std::time::Duration;

/// The peak resident set size allowed, in KiB. The README claims these stay "near 6 MB peak
/// RSS"; measured in December 2026 they peak at 8.0 to 8.8 MB (the binary and its startup are
/// most of it). 16 MB leaves room for allocator noise and a larger binary while still failing
/// if the collector stopped keeping up (a leak here grows by hundreds of megabytes).
const LIMIT_KIB: u64 = 16 * 1024;

fn scale() -> u64 {
    std::env::var("NODE_MEMORY_TEST_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// Runs `tests/scripts/memory/driven/NAME.js` at the scale asked for and checks its peak RSS.
fn stays_small(name: &str) {
    let script = scripts_dir().join(format!("memory/driven/{name}.js"));
    let scale = scale().to_string();
    let run = node_with_limit(
        &[script.as_os_str(), scale.as_ref()],
        Duration::from_secs(600),
    );
    assert_eq!(run.code(), 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let peak = run.peak_rss_kib.expect("/proc is readable");
    eprintln!("{name}: peak {peak} KiB in {:?}", run.elapsed);
    assert!(peak < LIMIT_KIB, "{name}: peak RSS {peak} KiB");
}

#[test]
fn a_loop_of_short_lived_objects_and_strings() {
    stays_small("loop");
}

#[test]
fn short_lived_objects_made_in_for_each_callbacks() {
    stays_small("for-each");
}

#[test]
fn short_lived_objects_made_in_a_sort_comparator() {
    stays_small("sort");
}
