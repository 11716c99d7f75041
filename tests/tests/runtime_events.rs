//! The "sys" and "events" modules (EventEmitter and Promise, apart from wait(), which has
//! runtime_wait.rs), driven through the built binary.

use integration::{assert_prints, run_js};

#[test]
fn sys_output_functions() {
    let (run, _dir) = run_js(
        "sysout",
        r#"var sys = require("sys");
sys.print("no newline, ");
sys.print(42);
sys.puts("");
sys.puts("puts");
sys.puts(undefined);
sys.debug("to stderr at once");
sys.error("an error line");
sys.p({ a: [1, "two"] });
"#,
        &[],
    );
    assert_eq!(run.code(), 0);
    assert_eq!(run.stdout, "no newline, 42\nputs\nundefined\n");
    assert_eq!(
        run.stderr,
        "DEBUG: to stderr at once\nan error line\n{\n \"a\": [\n  1,\n  \"two\"\n ]\n}\n"
    );
}

#[test]
fn sys_debug_is_out_before_a_crash() {
    let (run, _dir) = run_js(
        "debugcrash",
        r#"require("sys").debug("said before dying");
throw new Error("dead");
"#,
        &[],
    );
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr
            .starts_with("DEBUG: said before dying\nError: dead\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn sys_inspect_values_cycles_and_accessors() {
    // Date and RegExp objects print as {} (facts file, "### sys").
    assert_prints(
        "inspect",
        r#"var sys = require("sys");
sys.puts([sys.inspect("a\n"), sys.inspect(undefined), sys.inspect(null), sys.inspect(1.5),
          sys.inspect(true), sys.inspect([]), sys.inspect({})].join(" "));
var o = { a: [1, { b: "x" }], f: function () {}, d: new Date(0), r: /ab+c/gi,
          e: new Error("bad") };
o.self = o;
o.a.push(o.a);
sys.puts(sys.inspect(o));
var shared = {};
sys.puts(sys.inspect({ one: shared, two: shared }));
var accessors = {};
Object.defineProperty(accessors, "g", { get: function () { throw new Error("called"); }, enumerable: true });
Object.defineProperty(accessors, "s", { set: function () {}, enumerable: true });
Object.defineProperty(accessors, "gs", { get: function () {}, set: function () {}, enumerable: true });
sys.puts(sys.inspect(accessors));
var fn = function () {};
fn.prop = 1;
sys.puts(sys.inspect(fn));
"#,
        r#""a\n" undefined null 1.5 true [] {}
{
 "a": [
  1,
  {
   "b": "x"
  },
  [Circular]
 ],
 "f": [Function],
 "d": {},
 "r": {},
 "e": [Error: bad],
 "self": [Circular]
}
{
 "one": {},
 "two": {}
}
{
 "g": [Getter],
 "s": [Setter],
 "gs": [Getter/Setter]
}
{ [Function]
 "prop": 1
}
"#,
    );
}

#[test]
fn sys_inherits() {
    assert_prints(
        "sysinherits",
        r#"var sys = require("sys"), events = require("events");
function Server() { events.EventEmitter.call(this); }
sys.inherits(Server, events.EventEmitter);
Server.prototype.start = function () { this.emit("started", 8000); };
var s = new Server();
s.addListener("started", function (port) { sys.puts("started on " + port); });
s.start();
sys.puts((s instanceof events.EventEmitter) + " " + (Server.super_ === events.EventEmitter));
"#,
        "started on 8000\ntrue true\n",
    );
}

#[test]
fn emitter_add_remove_listeners_and_emit() {
    assert_prints(
        "emitter",
        r#"var sys = require("sys"), events = require("events");
var e = new events.EventEmitter();
var log = [];
e.addListener("newListener", function (event, listener) {
  log.push("newListener " + event + " " + typeof listener);
});
function a(x, y) { log.push("a " + x + y + " " + (this === e)); }
function b() { log.push("b " + arguments.length); }
sys.puts(e.addListener("foo", a) === e);
e.addListener("foo", b);
var live = e.listeners("foo");
sys.puts(live.length + " " + (live[0] === a));
live.push(function () { log.push("pushed onto the live array"); });
sys.puts(e.emit("foo", 1, 2));
e.removeListener("foo", a);
sys.puts(e.listeners("foo").length + " " + (e.listeners("foo") === live));
e.emit("foo");
live.length = 0;
e.emit("foo", "nobody hears this");
sys.puts(e.emit("nothing-listens"));
sys.puts(log.join("\n"));
"#,
        "true\n2 true\ntrue\n2 true\nfalse\nnewListener foo function\nnewListener foo function\n\
         a 12 true\nb 2\npushed onto the live array\nb 0\npushed onto the live array\n",
    );
}

#[test]
fn promise_callbacks_fire_once_and_at_once_when_already_fired() {
    assert_prints(
        "promise",
        r#"var sys = require("sys"), events = require("events");
var p = new events.Promise();
sys.puts((p instanceof process.EventEmitter) + " " + (p.addCallback(function (v, w) {
  sys.puts("callback " + v + w);
}) === p));
p.emitSuccess(1, 2);
sys.puts("after emitSuccess");
p.addCallback(function (v, w) { sys.puts("added late, called at once " + v + w); });
p.addErrback(function () { sys.puts("errback on a success: never"); });
p.emitSuccess(3);
p.emitError("ignored");

var q = new events.Promise();
sys.puts(q.addErrback(function (e) { sys.puts("errback " + e); }) === q);
q.emitError("wrong answer");
q.addErrback(function (e) { sys.puts("late errback " + e); });
q.addCallback(function () { sys.puts("callback on an error: never"); });
"#,
        "true true\ncallback 12\nafter emitSuccess\nadded late, called at once 12\n\
         true\nerrback wrong answer\nlate errback wrong answer\n",
    );
}

#[test]
fn emit_error_without_errback_by_next_tick_throws() {
    // An errback added in the same tick stops the throw...
    assert_prints(
        "errbacksametick",
        r#"var sys = require("sys"), events = require("events");
function computeQuestion(answer) {
  var promise = new events.Promise();
  if (answer !== 42) promise.emitError("wrong answer");
  return promise;
}
computeQuestion(23).addErrback(function (e) { sys.puts("handled: " + e); });
"#,
        "handled: wrong answer\n",
    );
    // ...one added later does not: the error reaches the process.
    let (run, _dir) = run_js(
        "errbacklate",
        r#"var sys = require("sys"), events = require("events");
var promise = new events.Promise();
promise.emitError("wrong answer");
setTimeout(function () {
  promise.addErrback(function () { sys.puts("never executes"); });
}, 10);
"#,
        &[],
    );
    assert_eq!(run.code(), 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("Error: Unhandled emitError: [\"wrong answer\"]"),
        "{}",
        run.stderr
    );
    // An Error argument is thrown as it is, and an uncaughtException listener gets it.
    assert_prints(
        "errbackuncaught",
        r#"var sys = require("sys"), events = require("events");
process.addListener("uncaughtException", function (e) { sys.puts("uncaught: " + e.message); });
new events.Promise().emitError(new Error("the real error"));
"#,
        "uncaught: the real error\n",
    );
}

#[test]
fn promise_timeout() {
    assert_prints(
        "promisetimeout",
        r#"var sys = require("sys"), events = require("events");
var slow = new events.Promise();
sys.puts(slow.timeout() === undefined);
sys.puts(slow.timeout(10) === slow);
sys.puts(slow.timeout());
slow.addErrback(function (e) {
  sys.puts("slow: " + (e instanceof Error && e.message === "timeout"));
});
slow.addCallback(function () { sys.puts("slow succeeded: never"); });

var quick = new events.Promise();
quick.timeout(20);
quick.addErrback(function () { sys.puts("quick timed out: never"); });
quick.addCallback(function (v) { sys.puts("quick: " + v); });
setTimeout(function () { quick.emitSuccess("in time"); }, 1);

var failed = new events.Promise();
failed.timeout(20);
failed.addErrback(function (e) { sys.puts("failed: " + e); });
failed.emitError("its own error");
"#,
        "true\ntrue\n10\nfailed: its own error\nquick: in time\nslow: true\n",
    );
}
