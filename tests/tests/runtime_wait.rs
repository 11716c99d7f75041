//! promise.wait(): the stack that calls it is suspended and the loop goes on; a wait begun
//! while another waits must return first ("the first promise's wait will not return until all
//! others return"). Timers, nextTick and stdin data from a real pipe interleave with the
//! waits here.

use integration::{assert_prints, run_js, run_js_with, Options};
use std::time::Duration;

#[test]
fn nested_waits_with_timers_and_stdin_return_last_begun_first() {
    // main waits for A; a timer then waits for B (fired by stdin "b"); a timer set up by
    // that one waits for C (fired by stdin "c"). A fires in a tick before B and C do, and B
    // before C, yet the waits return C, B, A. An interval keeps ticking all along.
    let source = r#"var sys = require("sys"), events = require("events");
var log = [];
var seen = "", waiting = {};
process.stdio.open();
process.stdio.addListener("data", function (data) {
  for (var i = 0; i < data.length; i++) {
    var ch = data.charAt(i);
    seen += ch;
    if (waiting[ch]) waiting[ch].emitSuccess("input " + ch);
  }
});
// A promise of the character `ch` on stdin.
function input(ch) {
  var p = new events.Promise();
  if (seen.indexOf(ch) >= 0) p.emitSuccess("input " + ch); else waiting[ch] = p;
  return p;
}
var ticks = 0;
var interval = setInterval(function () { ticks++; }, 2);

var A = new events.Promise(), B, C;
setTimeout(function t1() {
  log.push("t1 waits for B");
  B = input("b");
  setTimeout(function t2() {
    log.push("t2 waits for C");
    process.nextTick(function () { A.emitSuccess("a", 1); });
    C = input("c");
    var c = C.wait();
    log.push("C returned " + c + "; A fired: " + !!A.hasFired + ", B fired: " + !!B.hasFired +
             ", interval ran: " + (ticks > 0));
  }, 1);
  var b = B.wait();
  log.push("B returned " + b);
}, 1);

log.push("main waits for A");
var a = A.wait();
log.push("A returned " + JSON.stringify(a));
clearInterval(interval);
process.stdio.close();
sys.puts(log.join("\n"));
"#;
    let options = Options {
        stdin: vec![
            (Duration::from_millis(40), b"xb".to_vec()),
            (Duration::from_millis(40), b"c".to_vec()),
            (Duration::from_millis(500), b"never needed".to_vec()),
        ],
        ..Options::default()
    };
    let (run, _dir) = run_js_with("nested", source, &[], &options);
    assert_eq!(
        run.stdout,
        "main waits for A\nt1 waits for B\nt2 waits for C\n\
         C returned input c; A fired: true, B fired: true, interval ran: true\n\
         B returned input b\nA returned [\"a\",1]\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
    // close() ended it: the writer's last chunk, 500 ms on, was not waited for.
    assert!(
        run.elapsed < Duration::from_millis(450),
        "{:?}",
        run.elapsed
    );
}

#[test]
fn wait_returns_what_the_promise_succeeded_with() {
    assert_prints(
        "waitvalues",
        r#"var sys = require("sys"), events = require("events");
function after(ms) {
  var p = new events.Promise();
  var args = Array.prototype.slice.call(arguments, 1);
  setTimeout(function () { p.emitSuccess.apply(p, args); }, ms);
  return p;
}
sys.puts(JSON.stringify(after(1, "one").wait()));
sys.puts(JSON.stringify(after(1, 1, "two", [3]).wait()));
sys.puts(after(1).wait() === undefined);
// Already fired: returns at once, without going round the loop.
var fired = new events.Promise();
fired.emitSuccess("already");
var ticked = false;
process.nextTick(function () { ticked = true; });
sys.puts(fired.wait() + " " + ticked);
// The promise's callbacks run as usual, before wait returns.
var p = after(1, "v");
p.addCallback(function (v) { sys.puts("callback " + v); });
sys.puts("wait " + p.wait());
"#,
        "\"one\"\n[1,\"two\",[3]]\ntrue\nalready false\ncallback v\nwait v\n",
    );
}

#[test]
fn wait_on_an_error_throws_it() {
    assert_prints(
        "waiterror",
        r#"var sys = require("sys"), events = require("events");
var bad = new events.Promise();
setTimeout(function () { bad.emitError(new Error("it failed"), "extra"); }, 1);
try { bad.wait(); sys.puts("no throw"); } catch (e) { sys.puts("caught " + e.message); }

var plain = new events.Promise();
setTimeout(function () { plain.emitError("a string"); }, 1);
try { plain.wait(); } catch (e) { sys.puts("caught " + e); }

var bare = new events.Promise();
bare.emitError();
try { bare.wait(); } catch (e) { sys.puts("caught " + e.message); }

// The error was handled by wait(): no unhandled-error throw on the next tick.
var timedOut = new events.Promise().timeout(5);
try { timedOut.wait(); } catch (e) { sys.puts("caught " + e.message); }
setTimeout(function () { sys.puts("still running"); }, 10);
"#,
        "caught it failed\ncaught a string\ncaught Promise completed with error (No arguments given.)\n\
         caught timeout\nstill running\n",
    );
}

#[test]
fn an_inner_error_stays_in_the_inner_wait() {
    assert_prints(
        "innererror",
        r#"var sys = require("sys"), events = require("events");
var outer = new events.Promise();
setTimeout(function () {
  var inner = new events.Promise();
  setTimeout(function () { inner.emitError(new Error("inner failed")); }, 1);
  setTimeout(function () { outer.emitSuccess("outer ok"); }, 1);
  try { inner.wait(); } catch (e) { sys.puts("inner threw " + e.message); }
}, 1);
sys.puts("outer returned " + outer.wait());
"#,
        "inner threw inner failed\nouter returned outer ok\n",
    );
}

#[test]
fn a_promise_that_can_never_fire_makes_wait_throw_once_the_loop_is_dry() {
    let (run, _dir) = run_js(
        "never",
        r#"var sys = require("sys"), events = require("events");
process.addListener("exit", function (code) { sys.puts("exit " + code); });
var outer = new events.Promise();
setTimeout(function () {
  // This one waits on a promise nothing will fire, while the outer one fires: the loop runs
  // dry, the inner wait throws, and then the outer wait returns.
  setTimeout(function () { outer.emitSuccess("outer fired"); }, 1);
  try {
    new events.Promise().wait();
    sys.puts("returned: never");
  } catch (e) {
    sys.puts("inner: " + e.message);
  }
}, 1);
sys.puts(outer.wait());
try { new events.Promise().wait(); } catch (e) { sys.puts("main: " + (e instanceof Error)); }
"#,
        &[],
    );
    assert_eq!(
        run.stdout,
        "inner: promise.wait(): the promise never fired; the event loop ran out of work \
         before it emitted \"success\" or \"error\"\nouter fired\nmain: true\nexit 0\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);

    // Uncaught, that error ends the program like any other.
    let (run, _dir) = run_js(
        "neveruncaught",
        "new (require('events').Promise)().wait();\nrequire('sys').puts('never');",
        &[],
    );
    assert_eq!(run.code(), 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("Error: promise.wait(): the promise never fired"),
        "{}",
        run.stderr
    );
}

#[test]
fn wait_inside_a_native_callback_is_a_clear_error() {
    assert_prints(
        "waitnested",
        r#"var sys = require("sys"), events = require("events");
function soon() {
  var p = new events.Promise();
  setTimeout(function () { p.emitSuccess("value"); }, 1);
  return p;
}
function check(what, f) {
  try { f(); sys.puts(what + ": no error"); }
  catch (e) { sys.puts(what + ": " + (e instanceof Error) + " " + /cannot be suspended/.test(e.message)); }
}
check("toJSON", function () { JSON.stringify({ toJSON: function () { return soon().wait(); } }); });
var o = {};
Object.defineProperty(o, "g", { get: function () { return soon().wait(); } });
check("getter", function () { return o.g; });
check("valueOf", function () { return 1 + { valueOf: function () { return soon().wait(); } }; });
check("replace", function () { return "abc".replace(/b/, function () { return soon().wait(); }); });
check("sort", function () { return [2, 1].sort(function (a, b) { soon().wait(); return a - b; }); });
check("forEach", function () { [1].forEach(function () { soon().wait(); }); });
// After all that, an ordinary wait still works.
sys.puts(soon().wait());
"#,
        "toJSON: true true\ngetter: true true\nvalueOf: true true\nreplace: true true\n\
         sort: no error\nforEach: no error\nvalue\n",
    );
}

#[test]
fn exit_from_another_event_while_waiting() {
    let (run, _dir) = run_js(
        "waitexit",
        r#"var sys = require("sys"), events = require("events");
process.addListener("exit", function (code) { sys.puts("exit " + code); });
setTimeout(function () { sys.puts("exiting"); process.exit(4); }, 1);
new events.Promise().timeout(10000).wait();
sys.puts("never");
"#,
        &[],
    );
    assert_eq!(run.stdout, "exiting\nexit 4\n", "{}", run.stderr);
    assert_eq!(run.code(), 4);
}

#[test]
fn many_nested_waits_warn_and_still_unwind_in_order() {
    let (run, _dir) = run_js(
        "deepwaits",
        r#"var sys = require("sys"), events = require("events");
var order = [];
function level(n) {
  var p = new events.Promise();
  setTimeout(function () { p.emitSuccess(n); }, 1);
  if (n < 12) setTimeout(function () { level(n + 1); }, 0);
  order.push(p.wait());
}
level(1);
sys.puts(order.join(","));
"#,
        &[],
    );
    assert_eq!(run.stdout, "12,11,10,9,8,7,6,5,4,3,2,1\n", "{}", run.stderr);
    assert!(
        run.stderr
            .contains("WARNING: promise.wait() is being called too often."),
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}
