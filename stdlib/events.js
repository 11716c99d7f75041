// The "events" module: EventEmitter, the base of every object in node that
// emits events (servers, connections, child processes, process itself), and
// Promise, an emitter of exactly one "success" or "error" event.
//
// In node v0.1.27 the constructor EventEmitter and its emit() were C++
// (src/node_events.cc) and the rest was JavaScript in src/node.js. Here all
// of it is JavaScript; the behaviour follows that release, and where this
// file chooses differently the comment says so and why.
//
// Nothing here uses `process` at load time: the bootstrap (stdlib/node.js)
// loads this module first and then makes process itself an emitter with
// these methods.

// ---------------------------------------------------------------------------
// EventEmitter

// Listeners are kept in this._events, an object mapping an event name to an
// array of functions. It is created on first use, so a constructor that
// forgets to call EventEmitter (as many in the wild did) still works.
function EventEmitter() {}
exports.EventEmitter = EventEmitter;

var objectPrototype = Object.prototype;
var hasOwn = objectPrototype.hasOwnProperty;

// The listener array for `type`, or undefined when there is none. The
// hasOwnProperty test keeps names such as "constructor" or "toString" from
// finding Object.prototype's members. (It is made only when the read found
// something: it costs more than the read, and every promise and emit comes
// here.)
function existingListeners(emitter, type) {
  var events = emitter._events;
  if (!events) return undefined;
  var list = events[type];
  if (list === undefined || !hasOwn.call(events, type)) return undefined;
  return list;
}

// Adds `listener` to the end of the listeners of `type` and returns the
// emitter, so calls chain. "newListener" is emitted *before* the listener
// is added: a "newListener" listener that adds a "newListener" listener
// would otherwise be told about itself, and loop.
//
// As in 0.1.27, a listener that is not a function is ignored (nothing could
// call it), silently.
var addListener = EventEmitter.prototype.addListener = function (type, listener) {
  if (typeof listener === "function") {
    var events = this._events;
    if (!events) events = this._events = {};
    var list = existingListeners(this, type);
    if (list === undefined) list = events[type] = [];
    // (Only when someone listens: an emit without listeners does nothing, and
    // every promise adds two listeners.)
    if (events.newListener !== undefined && hasOwn.call(events, "newListener")) {
      this.emit("newListener", type, listener);
      list = this._events[type];
    }
    list[list.length] = listener;     // (push, without the call)
  }
  return this;
};

// Removes the first occurrence of `listener` from the listeners of `type`.
// It does not create the array (unlike listeners()), and does nothing when
// the listener is not there. (0.1.27 returned undefined in that case and the
// emitter otherwise; here it always returns the emitter, so calls chain.)
EventEmitter.prototype.removeListener = function (type, listener) {
  if (typeof listener === "function") {
    var list = existingListeners(this, type);
    if (list) {
      var index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
    }
  }
  return this;
};

// The live array of listeners of `type`: the same array emit() walks, so a
// program may push to it or splice it. When there is none yet, an empty one
// is created and stored, so that changes to the returned array count.
EventEmitter.prototype.listeners = function (type) {
  if (!this._events) this._events = {};
  if (!hasOwn.call(this._events, type)) this._events[type] = [];
  return this._events[type];
};

// Calls each listener of `event` in order, with `this` the emitter and the
// remaining arguments as its arguments. Returns true when every listener ran,
// false when there were none or one threw.
//
// Like 0.1.27's C++ emit, this walks the live array, reading its length
// again before each call: a listener added to the same event during the
// emit is called in this emit too, and a listener that removes itself makes
// the one after it be skipped (the document's "Caution" under
// removeListener). Entries that are not functions are skipped.
//
// An "error" event with no listener is not special: node started throwing it
// only in later versions. (Promise, below, has its own rule for errors.)
//
// An exception thrown by a listener does not reach the caller of emit(): as
// 0.1.27's C++ emit did, it goes where an exception that reaches the event
// loop goes (process._uncaught: the "uncaughtException" listeners, or printed
// with its stack and exit status 1), the remaining listeners are skipped, and
// emit returns false (facts file, "### events").
EventEmitter.prototype.emit = function (event) {
  var count = arguments.length;
  if (count === 0) throw new TypeError("Must give event name.");
  var type = typeof event === "string" ? event : String(event);
  // (existingListeners, inlined: emit runs for every request and chunk of a server.)
  var events = this._events;
  if (!events) return false;
  var list = events[type];
  if (!list || list.length === 0 || !hasOwn.call(events, type)) return false;

  var args = count > 4 ? Array.prototype.slice.call(arguments, 1) : null;
  return callListeners(this, list, count - 1, arguments[1], arguments[2], arguments[3], args);
};

// emit's work once it has the listeners: calls each with `this` the emitter and `count`
// arguments, which are `a`, `b`, `c` when there are up to three (servers emit for every
// request and chunk, promises for every result: the usual case makes no array of them), and
// the array-like `args` otherwise.
function callListeners(emitter, list, count, a, b, c, args) {
  try {
    for (var i = 0; i < list.length; i++) {
      var listener = list[i];
      if (typeof listener !== "function") continue;
      if (count === 0) listener.call(emitter);
      else if (count === 1) listener.call(emitter, a);
      else if (count === 2) listener.call(emitter, a, b);
      else if (count === 3) listener.call(emitter, a, b, c);
      else listener.apply(emitter, args);
    }
  } catch (error) {
    // (Before the bootstrap has defined process._uncaught there is no loop to go to.)
    if (typeof process._uncaught !== "function") throw error;
    process._uncaught(error);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Promise

// A Promise is an EventEmitter that emits one event, once: "success" (through
// emitSuccess) or "error" (through emitError). `hasFired` is false until
// then, and afterwards the name of the event it fired ("success" or
// "error"), as in 0.1.27. The runtime's process._waitPromise only asks
// whether it is truthy.
//
// (EventEmitter's constructor is not called: it does nothing, the listeners' table is made on
// first use, and a promise is made for every DNS query and posix call.)
function Promise() {
  this.hasFired = false;
  this._values = undefined;       // the arguments it fired with, an array
  this._timer = null;             // the pending timeout(), if any
  this._timeoutDuration = undefined;
}
exports.Promise = Promise;

// Promise.prototype inherits from EventEmitter.prototype. (sys.inherits does
// this for user code; this module cannot require sys, which requires it.)
Promise.prototype = Object.create(EventEmitter.prototype);
Promise.prototype.constructor = Promise;

// With a number of milliseconds: arms a timer that makes the promise emit
// "error" with new Error("timeout") unless it fires first; a later call
// replaces the earlier timer. Returns the promise. Without one (or with 0,
// as in 0.1.27): returns the duration last set, or undefined.
//
// On a promise that has already fired this only records the duration (no
// timer is needed). 0.1.27 returned undefined in that case; here it returns
// the promise, so `promise.timeout(100).addCallback(...)` always works.
Promise.prototype.timeout = function (timeout) {
  if (!timeout) return this._timeoutDuration;

  this._timeoutDuration = timeout;
  if (this.hasFired) return this;
  this._clearTimeout();

  var self = this;
  this._timer = setTimeout(function () {
    self._timer = null;
    if (!self.hasFired) self.emitError(new Error("timeout"));
  }, timeout);
  return this;
};

Promise.prototype._clearTimeout = function () {
  if (this._timer === null) return;
  clearTimeout(this._timer);
  this._timer = null;
};

// Emits "success" with the given arguments, once: a promise that has fired
// (either way) ignores later emitSuccess and emitError calls. hasFired is set
// before the listeners run, so a listener, or a wait() resumed by this
// event, sees the promise as fired.
Promise.prototype.emitSuccess = function (a, b, c) {
  if (this.hasFired) return;
  this.hasFired = "success";
  this._clearTimeout();
  var values = this._values = Array.prototype.slice.call(arguments);
  // (emit's own cases, without building its arguments as an array: every posix call and DNS
  // answer comes through here.)
  switch (values.length) {
    case 0: this.emit("success"); break;
    case 1: this.emit("success", a); break;
    case 2: this.emit("success", a, b); break;
    case 3: this.emit("success", a, b, c); break;
    default: this.emit.apply(this, ["success"].concat(values));
  }
};

// emitSuccess(a, b, c) for the runtime's own modules (dns.js), which settle a promise for
// every answer: the same, without the arguments object and the calls that emitSuccess makes to
// handle any number of arguments (making them was a good part of the cost of an answer). A
// promise whose emitSuccess or emit a program replaced gets its own method called.
function succeed(promise, a, b, c) {
  var proto = Promise.prototype;
  if (promise.emitSuccess !== proto.emitSuccess || promise.emit !== proto.emit) {
    promise.emitSuccess(a, b, c);
    return;
  }
  if (promise.hasFired) return;
  promise.hasFired = "success";
  if (promise._timer !== null) promise._clearTimeout();
  var values = promise._values = [a, b, c];
  // (existingListeners, with the name written out, as in addCallback; an
  // inherited "success" is Object.prototype's, the prototype of _events.)
  var events = promise._events;
  var list = events ? events.success : undefined;
  if (list !== undefined && list !== objectPrototype.success && list.length !== 0) {
    callListeners(promise, list, 3, a, b, c, values);
  }
}
// (Not enumerable: not part of the module's face.)
Object.defineProperty(exports, "_succeed", { value: succeed });

// Emits "error" with the given arguments, once (see emitSuccess).
//
// An error nobody handles must not vanish. But the errback is commonly added
// after the call that makes the promise (`computeQuestion(23).addErrback(..)`,
// the document's example) and a function may emit the error before it
// returns the promise, so the check waits one tick: if by then the promise
// still has no "error" listener, the error is thrown from the next tick,
// where it reaches "uncaughtException" or ends the process with its stack.
// What is thrown is the first argument when it is an Error, otherwise
// Error("Unhandled emitError: " + JSON of the arguments), as in 0.1.27.
Promise.prototype.emitError = function () {
  if (this.hasFired) return;
  this.hasFired = "error";
  this._clearTimeout();
  this._values = Array.prototype.slice.call(arguments);
  this.emit.apply(this, ["error"].concat(this._values));

  if (this.listeners("error").length === 0) {
    var self = this;
    process.nextTick(function () {
      if (self.listeners("error").length === 0) throw unhandledError(self._values);
    });
  }
};

function unhandledError(values) {
  if (values[0] instanceof Error) return values[0];
  var text;
  try {
    text = JSON.stringify(values);
  } catch (e) {
    text = String(values);          // a cyclic argument cannot be written as JSON
  }
  return new Error("Unhandled emitError: " + text);
}

// Adds a "success" listener and returns the promise. If the promise has
// already succeeded the listener is called at once with the arguments it
// succeeded with (the document: "executed right away if the promise has
// already fired"). It is added to the listeners either way, as in 0.1.27;
// the promise will not emit again, so it is not called twice.
//
// (Every promise gets its callbacks this way, so the usual case, the first
// callback of a promise nobody watches with "newListener", is done here with
// the event's name written out: a property the code names is found through
// the interpreter's caches, where a computed name is converted and looked up
// each time, which made addListener the costliest part of a DNS query after
// the script's own closures.)
Promise.prototype.addCallback = function (listener) {
  if (this.hasFired === "success") listener.apply(this, this._values);
  var events = this._events;
  if (typeof listener === "function" && this.addListener === addListener &&
      (!events || (events.success === undefined && events.newListener === undefined))) {
    if (!events) this._events = { success: [listener] };
    else events.success = [listener];
    return this;
  }
  return this.addListener("success", listener);
};

// Adds an "error" listener and returns the promise, like addCallback. Being
// an "error" listener, it also stops emitError's next-tick throw, if it is
// added before that tick.
Promise.prototype.addErrback = function (listener) {
  if (this.hasFired === "error") listener.apply(this, this._values);
  var events = this._events;
  if (typeof listener === "function" && this.addListener === addListener &&
      (!events || (events.error === undefined && events.newListener === undefined))) {
    if (!events) this._events = { error: [listener] };
    else events.error = [listener];
    return this;
  }
  return this.addListener("error", listener);
};

// How many wait() calls are suspended right now. Waits end in the reverse
// order of their start (the runtime keeps them on a stack), so a counter is
// enough to tell how deep the stack is.
var waitDepth = 0;

// Blocks until the promise fires and returns what it succeeded with: the
// single argument, an array of them when there were several, undefined when
// there were none. If it emitted "error", throws the first argument, or an
// Error when "error" came without one.
//
// "Blocks" without blocking the process: process._waitPromise (a native of
// the runtime) suspends this JavaScript stack and returns to the event loop,
// which goes on running other events; it resumes this stack once the
// promise has fired and every wait() begun after this one has returned.
// This is the behaviour the document describes for 0.1.27's nested event
// loops ("the first promise's wait will not return until all others return")
// without nesting loops. When the loop runs out of work first, the promise
// can never fire and _waitPromise returns false.
Promise.prototype.wait = function () {
  var result;
  var hadError = false;

  // These listeners also make an error a handled one: wait() reports it by
  // throwing, so emitError's next-tick throw must not fire as well.
  this.addCallback(function () {
    if (arguments.length === 1) {
      result = arguments[0];
    } else if (arguments.length > 1) {
      result = Array.prototype.slice.call(arguments);
    }
  });
  this.addErrback(function (error) {
    hadError = true;
    result = error;
  });

  if (!this.hasFired) {
    waitDepth++;
    if (waitDepth > 10) {
      // As 0.1.27 warned: each wait() holds its stack until the ones above it
      // return, so many nested waits usually mean a program waiting in a loop.
      process.stdio.writeError("WARNING: promise.wait() is being called too often.\n");
    }
    var fired;
    try {
      fired = process._waitPromise(this);
    } finally {
      waitDepth--;
    }
    if (!fired) {
      throw new Error("promise.wait(): the promise never fired; the event loop " +
                      "ran out of work before it emitted \"success\" or \"error\"");
    }
  }

  if (hadError) {
    if (result === undefined) {
      throw new Error("Promise completed with error (No arguments given.)");
    }
    throw result;
  }
  return result;
};
