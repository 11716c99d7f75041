//! Timers (the API document's "Timers"): arguments, clearing, ids, intervals and their phase.

use integration::{assert_prints, run_js};

#[test]
fn set_timeout_passes_extra_arguments_in_order_of_deadline() {
    // `this` in the callback is the timer (facts file, "### timers").
    assert_prints(
        "timeoutargs",
        r#"var sys = require("sys");
setTimeout(function (a, b, c) {
  sys.puts("args " + a + " " + b + " " + c + " " + arguments.length + " " + (this instanceof process.Timer));
}, 2, "x", 2, undefined);
setTimeout(function () { sys.puts("zero fires before two"); }, 0);
setTimeout(function () { sys.puts("no delay means zero: " + arguments.length); });
"#,
        "zero fires before two\nno delay means zero: 0\nargs x 2 undefined 3 true\n",
    );
}

#[test]
fn clear_timeout_before_it_fires_and_ids() {
    // setTimeout returns a process.Timer, an object (facts file, "### timers").
    assert_prints(
        "cleartimeout",
        r#"var sys = require("sys");
var first = setTimeout(function () { sys.puts("cleared: never"); }, 5);
var second = setTimeout(function () { sys.puts("second fires"); }, 5);
sys.puts(typeof first + " " + (first !== second));
clearTimeout(first);
clearTimeout(first);
clearTimeout(123456);
clearTimeout(undefined);
// A timer may clear another that is due at the same moment.
var victim;
setTimeout(function () { clearTimeout(victim); sys.puts("killer"); }, 10);
victim = setTimeout(function () { sys.puts("victim: never"); }, 10);
// ...and clearing itself from its own callback is harmless.
var self = setTimeout(function () { clearTimeout(self); sys.puts("self"); }, 15);
"#,
        "object true\nsecond fires\nkiller\nself\n",
    );
}

#[test]
fn intervals_repeat_with_arguments_until_cleared() {
    assert_prints(
        "interval",
        r#"var sys = require("sys");
var count = 0;
var id = setInterval(function (tag, n) {
  count++;
  sys.puts(tag + " " + n + " " + count);
  if (count === 3) clearInterval(id);
}, 2, "tick", 7);
var never = setInterval(function () { sys.puts("cleared interval: never"); }, 1);
clearInterval(never);
process.addListener("exit", function () { sys.puts("exit after " + count); });
"#,
        "tick 7 1\ntick 7 2\ntick 7 3\nexit after 3\n",
    );
}

/// Runs a script that prints the times of an interval's calls, in ms, on one line.
fn call_times(name: &str, source: &str) -> Vec<u64> {
    let (run, _dir) = run_js(name, source, &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    run.stdout
        .split_whitespace()
        .map(|t| t.parse().expect("a number"))
        .collect()
}

#[test]
fn an_interval_does_not_drift_after_slow_callbacks() {
    // Each callback takes 10 ms of a 20 ms period. Re-armed from its deadline, the 8th call
    // comes about 160 ms after the start; re-armed from the end of each callback, the period
    // would stretch to 30 ms and the 8th call would come after 240 ms. The bound in between
    // leaves room for a loaded machine.
    let times = call_times(
        "drift",
        r#"var sys = require("sys");
var start = Date.now(), calls = 0, times = [];
var id = setInterval(function () {
  calls++;
  times.push(Date.now() - start);
  var busy = Date.now();
  while (Date.now() - busy < 10) {}
  if (calls === 8) {
    clearInterval(id);
    sys.puts(times.join(" "));
  }
}, 20);
"#,
    );
    assert_eq!(times.len(), 8);
    // Never early.
    for (i, t) in times.iter().enumerate() {
        assert!(
            *t >= 20 * (i as u64 + 1) - 1,
            "call {} at {t} ms: {times:?}",
            i + 1
        );
    }
    assert!(times[7] < 215, "the interval drifted: {times:?}");
}

#[test]
fn a_slow_callback_does_not_cause_a_burst_of_calls() {
    // The first call blocks for 5 periods. What was missed is skipped, not fired in a burst:
    // at most one call comes right after the slow one, then the period resumes.
    let times = call_times(
        "burst",
        r#"var sys = require("sys");
var start = Date.now(), calls = 0, times = [];
var id = setInterval(function () {
  calls++;
  times.push(Date.now() - start);
  if (calls === 1) { var busy = Date.now(); while (Date.now() - busy < 50) {} }
  if (calls === 4) { clearInterval(id); sys.puts(times.join(" ")); }
}, 10);
"#,
    );
    assert_eq!(times.len(), 4);
    // Calls 3 and 4 are a period apart or more, never back to back.
    assert!(times[3] - times[2] >= 5, "a burst of calls: {times:?}");
    assert!(times[2] >= 60, "missed periods were fired: {times:?}");
}

#[test]
fn timers_and_ticks_interleave_in_order() {
    assert_prints(
        "timerorder",
        r#"var sys = require("sys");
setTimeout(function () {
  sys.puts("timer 1");
  process.nextTick(function () { sys.puts("tick from timer 1"); });
}, 1);
setTimeout(function () { sys.puts("timer 2"); }, 1);
setTimeout(function () {
  sys.puts("timer 3");
  setTimeout(function () { sys.puts("timer from timer 3"); }, 0);
}, 3);
"#,
        "timer 1\ntick from timer 1\ntimer 2\ntimer 3\ntimer from timer 3\n",
    );
}

#[test]
fn a_callback_that_is_not_a_function_is_an_error() {
    let (run, _dir) = run_js(
        "notfn",
        r#"var sys = require("sys");
try { setTimeout("code string", 1); } catch (e) { sys.puts(e instanceof TypeError); }
"#,
        &[],
    );
    assert_eq!(run.stdout, "true\n", "{}", run.stderr);
    assert_eq!(run.code(), 0);
}
