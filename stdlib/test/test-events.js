// Tests of the "events" module: EventEmitter and Promise.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - EventEmitter and Promise behaviour: the document ("Events", "events.EventEmitter",
//     "events.Promise"), including the listener array's "Caution" and the computeQuestion
//     example;
//   - emit's return value: the facts file ("### events");
//   - NO SOURCE: `this` in a listener, emit() without a name throwing a TypeError, skipping
//     non-functions, the "Unhandled emitError: [...]" message, the wait() "never fired" error
//     and the "WARNING: promise.wait() is being called too often." line;
//   - where a listener's exception goes: the facts file ("### events").
var common = require("./common");
var assert = common.assert;
var events = require("../events");
var EventEmitter = events.EventEmitter;
var Promise = events.Promise;

// Runs `block` with process.nextTick collecting its callbacks instead of
// scheduling them, and returns them, so a test can run "the next tick"
// itself and see what it throws.
function collectTicks(block) {
  var saved = process.nextTick;
  var ticks = [];
  process.nextTick = function (callback) { ticks.push(callback); };
  try {
    block();
  } finally {
    process.nextTick = saved;
  }
  return ticks;
}

// Runs `block` with process._uncaught (where the runtime sends an exception that reaches the
// event loop) replaced by a collector, and returns the exceptions that reached it.
function uncaughtDuring(block) {
  var saved = process._uncaught;
  var reached = [];
  process._uncaught = function (error) { reached.push(error); };
  try {
    block();
  } finally {
    process._uncaught = saved;
  }
  return reached;
}

// What `block` throws, or undefined.
function thrownBy(block) {
  try {
    block();
  } catch (e) {
    return e;
  }
  return undefined;
}

// --- The document's example: a listener for "connection". ---
(function () {
  var server = new EventEmitter();
  var connected = [];
  server.addListener("connection", function (socket) { connected.push(socket); });
  server.emit("connection", "socket 1");
  assert.deepEqual(connected, ["socket 1"]);
})();

// --- addListener ---
(function () {
  var e = new EventEmitter();
  var f = function () {};
  assert.strictEqual(e.addListener("x", f), e);                      // chains
  assert.deepEqual(e.listeners("x"), [f]);
})();
(function () {
  var e = new EventEmitter();
  var f = function () {};
  e.addListener("x", f);
  e.addListener("x", f);
  assert.equal(e.listeners("x").length, 2);                          // no de-duplication
})();
(function () {
  var e = new EventEmitter();
  e.addListener("x", "not a function");
  assert.equal(e.listeners("x").length, 0);                          // ignored
})();
// "newListener" is emitted with (event, listener), before the listener is added.
(function () {
  var e = new EventEmitter();
  var seen = [];
  var f = function () {};
  e.addListener("newListener", function (event, listener) {
    seen.push([event, listener, e.listeners(event).length]);
  });
  e.addListener("x", f);
  assert.deepEqual(seen, [["x", f, 0]]);
})();
// A "newListener" listener is not told about itself.
(function () {
  var e = new EventEmitter();
  var calls = 0;
  e.addListener("newListener", function () { calls++; });
  assert.equal(calls, 0);
})();
// Event names that are also Object.prototype's members are ordinary names.
(function () {
  var e = new EventEmitter();
  var calls = 0;
  assert.equal(e.emit("toString"), false);
  e.addListener("constructor", function () { calls++; });
  assert.equal(e.emit("constructor"), true);
  assert.equal(calls, 1);
})();
// An emitter whose constructor never called EventEmitter works.
(function () {
  function Thing() {}
  Thing.prototype = Object.create(EventEmitter.prototype);
  var t = new Thing();
  var got;
  t.addListener("x", function (v) { got = v; });
  t.emit("x", 5);
  assert.equal(got, 5);
})();

// --- removeListener ---
(function () {
  var e = new EventEmitter();
  var f = function () {};
  var g = function () {};
  e.addListener("x", f);
  e.addListener("x", g);
  assert.strictEqual(e.removeListener("x", f), e);                   // chains
  assert.deepEqual(e.listeners("x"), [g]);
})();
(function () {
  var e = new EventEmitter();
  var f = function () {};
  e.addListener("x", f);
  e.addListener("x", f);
  e.removeListener("x", f);
  assert.equal(e.listeners("x").length, 1);                          // the first one only
})();
(function () {
  var e = new EventEmitter();
  assert.strictEqual(e.removeListener("x", function () {}), e);      // absent: nothing happens
  assert.strictEqual(e._events, undefined);                          // and nothing is created
})();

// --- listeners ---
(function () {
  var e = new EventEmitter();
  var list = e.listeners("x");
  assert.deepEqual(list, []);
  assert.strictEqual(e.listeners("x"), list);                        // stored: the same array
})();
(function () {
  var e = new EventEmitter();
  var calls = 0;
  e.listeners("x").push(function () { calls++; });                   // pushes count
  e.emit("x");
  assert.equal(calls, 1);
})();
(function () {
  var e = new EventEmitter();
  var calls = 0;
  e.addListener("x", function () { calls++; });
  e.listeners("x").length = 0;                                       // so do removals
  e.emit("x");
  assert.equal(calls, 0);
})();

// --- emit ---
(function () {
  var e = new EventEmitter();
  assert.strictEqual(e.emit("x"), false);                            // no listeners
  e.listeners("x");
  assert.strictEqual(e.emit("x"), false);                            // an empty array
  e.addListener("x", function () {});
  assert.strictEqual(e.emit("x"), true);
})();
(function () {
  var e = new EventEmitter();
  var order = [];
  e.addListener("x", function () { order.push(1); });
  e.addListener("x", function () { order.push(2); });
  e.emit("x");
  assert.deepEqual(order, [1, 2]);                                   // in order
})();
(function () {
  var e = new EventEmitter();
  var got;
  e.addListener("x", function () { got = [this, Array.prototype.slice.call(arguments)]; });
  e.emit("x", 1, "two", null);
  assert.strictEqual(got[0], e);                                     // this is the emitter
  assert.deepEqual(got[1], [1, "two", null]);
})();
(function () {
  var e = new EventEmitter();
  var count;
  e.addListener("x", function () { count = arguments.length; });
  e.emit("x");
  assert.equal(count, 0);
})();
// The event name is converted to a string.
(function () {
  var e = new EventEmitter();
  var calls = 0;
  e.addListener("1", function () { calls++; });
  e.emit(1);
  assert.equal(calls, 1);
})();
assert.throws(function () { new EventEmitter().emit(); }, TypeError);
// An "error" event without listeners is not special.
assert.strictEqual(new EventEmitter().emit("error", new Error("x")), false);
// From the facts file ("### events"): a listener's exception goes where an exception that
// reaches the event loop goes (process._uncaught: "uncaughtException", or printed and exit 1),
// the listeners after it are skipped, emit returns false, and its caller never sees it.
(function () {
  var e = new EventEmitter();
  var later = 0;
  var error = new Error("boom");
  e.addListener("x", function () { throw error; });
  e.addListener("x", function () { later++; });
  var result;
  var reached = uncaughtDuring(function () {
    assert.strictEqual(thrownBy(function () { result = e.emit("x"); }), undefined);
  });
  assert.strictEqual(result, false);
  assert.equal(reached.length, 1);
  assert.strictEqual(reached[0], error);
  assert.equal(later, 0);
  // emit returns true when every listener ran.
  var fine = new EventEmitter();
  fine.addListener("y", function () {});
  assert.strictEqual(fine.emit("y"), true);
})();
// emit walks the live array: a listener added during the emit is called...
(function () {
  var e = new EventEmitter();
  var calls = [];
  e.addListener("x", function () {
    calls.push("a");
    if (calls.length === 1) e.addListener("x", function () { calls.push("b"); });
  });
  e.emit("x");
  assert.deepEqual(calls, ["a", "b"]);
})();
// ...and one that removes itself makes the next one be skipped (the
// document's "Caution").
(function () {
  var e = new EventEmitter();
  var calls = [];
  var first = function () { calls.push(1); e.removeListener("x", first); };
  e.addListener("x", first);
  e.addListener("x", function () { calls.push(2); });
  e.addListener("x", function () { calls.push(3); });
  e.emit("x");
  assert.deepEqual(calls, [1, 3]);
})();
// Non-functions pushed into the live array are skipped.
(function () {
  var e = new EventEmitter();
  var calls = 0;
  e.listeners("x").push(42);
  e.addListener("x", function () { calls++; });
  assert.strictEqual(e.emit("x"), true);
  assert.equal(calls, 1);
})();

// --- Promise: construction ---
(function () {
  var p = new Promise();
  assert.ok(p instanceof EventEmitter);
  assert.ok(p instanceof Promise);
  assert.strictEqual(p.constructor, Promise);
  assert.strictEqual(p.hasFired, false);
})();

// --- emitSuccess, addCallback ---
(function () {
  var p = new Promise();
  var got = [];
  assert.strictEqual(p.addCallback(function (a, b) { got.push([a, b]); }), p);  // chains
  p.emitSuccess(1, 2);
  assert.deepEqual(got, [[1, 2]]);
  assert.ok(p.hasFired);
})();
// Once only: later emitSuccess and emitError calls do nothing.
(function () {
  var p = new Promise();
  var successes = 0;
  var errors = 0;
  p.addCallback(function () { successes++; });
  p.addErrback(function () { errors++; });
  p.emitSuccess();
  p.emitSuccess();
  p.emitError(new Error("late"));
  assert.equal(successes, 1);
  assert.equal(errors, 0);
})();
// hasFired is already set when the listeners run.
(function () {
  var p = new Promise();
  var firedInListener;
  p.addCallback(function () { firedInListener = p.hasFired; });
  p.emitSuccess();
  assert.ok(firedInListener);
})();
// A callback added after the success is called at once, with the arguments,
// and with this = the promise.
(function () {
  var p = new Promise();
  p.emitSuccess("a", "b");
  var got;
  p.addCallback(function () { got = [this, Array.prototype.slice.call(arguments)]; });
  assert.strictEqual(got[0], p);
  assert.deepEqual(got[1], ["a", "b"]);
})();
// An errback added after a success is never called.
(function () {
  var p = new Promise();
  var calls = 0;
  p.emitSuccess();
  p.addErrback(function () { calls++; });
  assert.equal(calls, 0);
})();
// The callbacks are events: emit("success") reaches them too (without
// firing the promise, which emitSuccess alone does).
(function () {
  var p = new Promise();
  var calls = 0;
  p.addCallback(function () { calls++; });
  p.emit("success");
  assert.equal(calls, 1);
  assert.strictEqual(p.hasFired, false);
})();

// --- emitError, addErrback ---
(function () {
  var p = new Promise();
  var got;
  assert.strictEqual(p.addErrback(function (e) { got = e; }), p);  // chains
  p.emitError("bad");
  assert.equal(got, "bad");
  assert.ok(p.hasFired);
})();
(function () {
  var p = new Promise();
  var calls = 0;
  p.addErrback(function () { calls++; });
  p.emitError();
  p.emitError();
  p.emitSuccess();
  assert.equal(calls, 1);                                            // once only
})();
// An errback added after the error is called at once.
(function () {
  var p = new Promise();
  var ticks = collectTicks(function () { p.emitError("bad", 2); });
  var got;
  p.addErrback(function (a, b) { got = [a, b]; });
  assert.deepEqual(got, ["bad", 2]);
  ticks.forEach(function (tick) { tick(); });                        // and nothing is thrown
})();
// With an errback attached in the same tick (the document's computeQuestion
// example), the next tick throws nothing.
(function () {
  function computeQuestion(answer) {
    var promise = new Promise();
    if (answer !== 42) {
      promise.emitError("wrong answer");
      return promise;
    }
    return promise;
  }
  var ticks = collectTicks(function () {
    computeQuestion(23).addErrback(function () {});
  });
  assert.equal(ticks.length, 1);
  assert.strictEqual(thrownBy(ticks[0]), undefined);
})();
// Without one by the next tick, the next tick throws: an Error given to
// emitError is thrown as it is...
(function () {
  var error = new Error("wrong answer");
  var p = new Promise();
  var ticks = collectTicks(function () { p.emitError(error); });
  assert.equal(ticks.length, 1);
  assert.strictEqual(thrownBy(ticks[0]), error);
})();
// ...anything else is described in a new Error.
(function () {
  var p = new Promise();
  var ticks = collectTicks(function () { p.emitError("wrong answer", 23); });
  var thrown = thrownBy(ticks[0]);
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.message, 'Unhandled emitError: ["wrong answer",23]');
})();
(function () {
  var p = new Promise();
  var ticks = collectTicks(function () { p.emitError(); });
  assert.equal(thrownBy(ticks[0]).message, "Unhandled emitError: []");
})();
// A promise that already had an errback schedules no check at all.
(function () {
  var p = new Promise();
  p.addErrback(function () {});
  assert.equal(collectTicks(function () { p.emitError("x"); }).length, 0);
})();
// An errback attached later is too late: the error was thrown in the tick.
(function () {
  var p = new Promise();
  var ticks = collectTicks(function () { p.emitError("x"); });
  assert.ok(thrownBy(ticks[0]) instanceof Error);
})();

// --- timeout ---
(function () {
  var p = new Promise();
  assert.strictEqual(p.timeout(), undefined);                       // none set
  assert.strictEqual(p.timeout(50), p);                              // chains
  assert.equal(p.timeout(), 50);                                     // reads it back
  p.emitSuccess();                                                   // cancels the timer
})();
(function () {
  var p = new Promise();
  p.emitSuccess();
  assert.strictEqual(p.timeout(50), p);                              // fired: no timer, still chains
  assert.equal(p.timeout(), 50);
})();
// The timer fires "error" with Error("timeout"); the document's test tells
// it apart from other errors.
var timedOut = null;
(function () {
  var p = new Promise();
  p.timeout(10);
  p.addCallback(function () { timedOut = "success"; });
  p.addErrback(function (e) {
    if (e instanceof Error && e.message === "timeout") {
      timedOut = "timeout";
    } else {
      timedOut = "regular error";
    }
  });
})();
// A success or an error before the time cancels it.
var timeoutCanceled = [];
(function () {
  var succeeds = new Promise();
  succeeds.timeout(10);
  succeeds.addErrback(function (e) { timeoutCanceled.push("success then " + e.message); });
  succeeds.emitSuccess();

  var fails = new Promise();
  fails.timeout(10);
  fails.addErrback(function (e) { timeoutCanceled.push(e); });
  fails.emitError("own error");

  // A second timeout() replaces the first timer.
  var replaced = new Promise();
  replaced.timeout(10);
  replaced.timeout(1000);
  replaced.addErrback(function (e) { timeoutCanceled.push("replaced then " + e.message); });
  setTimeout(function () { replaced.emitSuccess(); }, 30);
})();

// --- wait ---
(function () {
  var p = new Promise();
  p.emitSuccess("one");
  assert.equal(p.wait(), "one");                                     // a single argument
})();
(function () {
  var p = new Promise();
  p.emitSuccess(1, 2);
  assert.deepEqual(p.wait(), [1, 2]);                                // several: an array
})();
(function () {
  var p = new Promise();
  p.emitSuccess();
  assert.strictEqual(p.wait(), undefined);                           // none
})();
(function () {
  var error = new Error("failed");
  var p = new Promise();
  collectTicks(function () { p.emitError(error, "more"); });
  assert.strictEqual(thrownBy(function () { p.wait(); }), error);   // throws the error
})();
(function () {
  var p = new Promise();
  collectTicks(function () { p.emitError("not an Error"); });
  assert.strictEqual(thrownBy(function () { p.wait(); }), "not an Error");
})();
(function () {
  var p = new Promise();
  collectTicks(function () { p.emitError(); });
  assert.equal(thrownBy(function () { p.wait(); }).message,
               "Promise completed with error (No arguments given.)");
})();
// wait() handles the error, so emitError's next tick throws nothing.
(function () {
  var p = new Promise();
  var ticks = collectTicks(function () { p.emitError("x"); });
  thrownBy(function () { p.wait(); });
  assert.strictEqual(thrownBy(ticks[0]), undefined);
})();
// wait() goes to process._waitPromise only for a promise that has not fired,
// and says so when the event loop ran out of work before it did.
(function () {
  var saved = process._waitPromise;
  var asked = [];
  process._waitPromise = function (promise) { asked.push(promise); return false; };
  try {
    var fired = new Promise();
    fired.emitSuccess(7);
    assert.equal(fired.wait(), 7);
    assert.equal(asked.length, 0);

    var never = new Promise();
    var thrown = thrownBy(function () { never.wait(); });
    assert.deepEqual(asked, [never]);
    assert.ok(thrown instanceof Error);
    assert.ok(/never fired/.test(thrown.message));
  } finally {
    process._waitPromise = saved;
  }
})();
// When the promise fires while wait() is suspended (as the runtime's
// _waitPromise lets other events run), wait() returns its value.
(function () {
  var saved = process._waitPromise;
  var p = new Promise();
  process._waitPromise = function (promise) {
    promise.emitSuccess("resumed");
    return true;
  };
  try {
    assert.equal(p.wait(), "resumed");
  } finally {
    process._waitPromise = saved;
  }
})();
// More than ten suspended waits at once print 0.1.27's warning on stderr.
(function () {
  var saved = process._waitPromise;
  var depth = 0;
  process._waitPromise = function (promise) {
    depth++;
    if (depth <= 10) new Promise().wait();                          // nests one more wait
    promise.emitSuccess();
    return true;
  };
  try {
    var captured = common.captureStdio(function () { new Promise().wait(); });
    assert.equal(captured.stderr, "WARNING: promise.wait() is being called too often.\n");
  } finally {
    process._waitPromise = saved;
  }
})();

process.addListener("exit", function () {
  assert.equal(timedOut, "timeout");
  assert.deepEqual(timeoutCanceled, ["own error"]);
});
