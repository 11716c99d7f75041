// The "assert" module: the assertions of the CommonJS Unit Testing 1.0
// proposal, used by node's own tests and by programs' unit tests.
//
// Every check that fails throws an assert.AssertionError carrying what was
// compared (actual, expected), how (operator) and why (message). Nothing else
// is thrown, except that throws() and doesNotThrow() let an exception of a
// kind they were not watching for pass through unchanged.

var assert = exports;

// ---------------------------------------------------------------------------
// A small value formatter for failure messages.
//
// sys.inspect is the real one, but assert must not depend on it: messages
// only need to be short and unambiguous ("1 == 2", "'a' deepEqual { a: 1 }"),
// and an assertion about sys itself should not need sys to report it.

var MAX_DEPTH = 2;        // nested objects deeper than this print as [Object]
var MAX_MESSAGE = 128;    // each side of a generated message is cut to this

var identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
var toClass = Object.prototype.toString;

function isArguments(value) {
  return toClass.call(value) === "[object Arguments]";
}

function isDate(value) {
  return toClass.call(value) === "[object Date]";
}

function formatValue(value, depth, seen) {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      // String(-0) is "0", which would make "0 === -0" look like a bad message.
      return value === 0 && 1 / value < 0 ? "-0" : String(value);
    case "boolean":
      return String(value);
    case "function":
      // Function.prototype.name is not in ES5; use it when the engine has it.
      return typeof value.name === "string" && value.name !== ""
        ? "[Function: " + value.name + "]" : "[Function]";
  }

  var cls = toClass.call(value);
  if (cls === "[object Date]") {
    return isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  }
  if (cls === "[object RegExp]") return String(value);
  if (cls === "[object Error]") return "[" + Error.prototype.toString.call(value) + "]";

  for (var s = 0; s < seen.length; s++) {
    if (seen[s] === value) return "[Circular]";
  }

  var isList = cls === "[object Array]" || cls === "[object Arguments]";
  if (depth > MAX_DEPTH) return isList ? "[Array]" : "[Object]";

  seen.push(value);
  var parts = [];
  if (isList) {
    for (var i = 0; i < value.length; i++) {
      parts.push(formatValue(value[i], depth + 1, seen));
    }
  }
  var keys = Object.keys(value);
  for (var k = 0; k < keys.length; k++) {
    var key = keys[k];
    // An array's indices were printed above; list its other keys by name.
    if (isList && String(key >>> 0) === key && (key >>> 0) < value.length) continue;
    parts.push((identifier.test(key) ? key : JSON.stringify(key)) + ": " +
               formatValue(value[key], depth + 1, seen));
  }
  seen.pop();

  if (parts.length === 0) return isList ? "[]" : "{}";
  return isList ? "[ " + parts.join(", ") + " ]" : "{ " + parts.join(", ") + " }";
}

function truncate(text) {
  return text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE - 3) + "..." : text;
}

function inspect(value) {
  return truncate(formatValue(value, 0, []));
}

// ---------------------------------------------------------------------------
// assert.AssertionError
//
//   new assert.AssertionError({ message: m, actual: a, expected: e, operator: o })
//
// When no message is given, one is made from the values: "1 == 2". It is an
// Error (instanceof Error is true), so an uncaught one prints like any other.

assert.AssertionError = function AssertionError(options) {
  options = options || {};
  this.actual = options.actual;
  this.expected = options.expected;
  this.operator = options.operator;
  this.message = options.message ||
    inspect(this.actual) + " " + this.operator + " " + inspect(this.expected);

  // Point the stack at the caller of the assertion, not at assert's insides.
  // captureStackTrace is V8's; elsewhere, borrow the stack of a fresh Error
  // and give it our first line.
  var stackStart = options.stackStartFunction || assert.AssertionError;
  if (typeof Error.captureStackTrace === "function") {
    Error.captureStackTrace(this, stackStart);
  } else {
    var stack = new Error(this.message).stack;
    if (typeof stack === "string") {
      this.stack = this.toString() + stack.replace(/^[^\n]*/, "");
    }
  }
};

assert.AssertionError.prototype = Object.create(Error.prototype);
assert.AssertionError.prototype.constructor = assert.AssertionError;
assert.AssertionError.prototype.name = "AssertionError";

// The constructor's own prototype link is Error.prototype too, as v0.1.27's
// `assert.AssertionError.__proto__ = Error.prototype` made it, so that
// `assert.AssertionError instanceof Error` is true (facts file, "### assert"). (It is then no
// longer a Function instance: it has no call or apply, as in v0.1.27.) ES5 cannot say this;
// our runtime has process._setPrototype, V8 Object.setPrototypeOf and __proto__.
if (typeof Object.setPrototypeOf === "function") {
  Object.setPrototypeOf(assert.AssertionError, Error.prototype);
} else if (typeof process._setPrototype === "function") {
  process._setPrototype(assert.AssertionError, Error.prototype);
} else {
  assert.AssertionError.__proto__ = Error.prototype;
}

// "AssertionError: 1 == 2", or "AssertionError: <the message given>".
assert.AssertionError.prototype.toString = function () {
  return this.name + ": " + this.message;
};

// ---------------------------------------------------------------------------
// The assertions.

// assert.fail(actual, expected, message, operator)
// Throws an AssertionError for the comparison of actual and expected by
// operator. Every other assertion fails through here. The fifth argument is
// internal: the function whose caller the stack trace should start at.
function fail(actual, expected, message, operator, stackStartFunction) {
  throw new assert.AssertionError({
    message: message,
    actual: actual,
    expected: expected,
    operator: operator,
    stackStartFunction: stackStartFunction || fail
  });
}
assert.fail = fail;

// assert.ok(value, message): value is truthy, the same test as
// assert.equal(true, value, message) for the values an if statement accepts.
assert.ok = function ok(value, message) {
  if (!value) fail(value, true, message, "==", assert.ok);
};

// assert.equal(actual, expected, message): actual == expected.
assert.equal = function equal(actual, expected, message) {
  if (actual != expected) fail(actual, expected, message, "==", assert.equal);
};

// assert.notEqual(actual, expected, message): actual != expected.
assert.notEqual = function notEqual(actual, expected, message) {
  if (actual == expected) fail(actual, expected, message, "!=", assert.notEqual);
};

// assert.deepEqual(actual, expected, message): the values have the same
// structure; see deepEqual below for what that means exactly.
assert.deepEqual = function deepEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected)) {
    fail(actual, expected, message, "deepEqual", assert.deepEqual);
  }
};

// assert.notDeepEqual(actual, expected, message): the opposite.
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected)) {
    fail(actual, expected, message, "notDeepEqual", assert.notDeepEqual);
  }
};

// assert.strictEqual(actual, expected, message): actual === expected.
assert.strictEqual = function strictEqual(actual, expected, message) {
  if (actual !== expected) fail(actual, expected, message, "===", assert.strictEqual);
};

// assert.notStrictEqual(actual, expected, message): actual !== expected.
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (actual === expected) fail(actual, expected, message, "!==", assert.notStrictEqual);
};

// Deep equality, by the steps of the CommonJS Unit Testing 1.0 proposal:
//
// 1. Values that are === are equal.
// 2. A Date equals only a Date of the same time.
// 3. If either value is not an object, they are compared with ==, so
//    deepEqual(4, "4") holds, as equal() would have it.
// 4. Two objects are equal when they have the same own enumerable keys, in
//    any order, with deepEqual values under each key. The proposal also asks
//    for an identical "prototype" property: that is the property of that
//    name, which constructors have and ordinary objects do not. Two objects
//    made by different constructors, with the same own properties, are
//    therefore deepEqual, as they were in node; their [[Prototype]] is not
//    compared. An arguments object equals only another arguments object
//    with the same elements.
function isDeepEqual(actual, expected) {
  if (actual === expected) return true;

  if (isDate(actual) || isDate(expected)) {
    return isDate(actual) && isDate(expected) &&
      actual.getTime() === expected.getTime();
  }

  if (typeof actual !== "object" || typeof expected !== "object") {
    return actual == expected;
  }

  return objectsEquivalent(actual, expected);
}

function objectsEquivalent(a, b) {
  // typeof null is "object": null only equals null, handled by === above.
  if (a === null || b === null) return false;
  if (a.prototype !== b.prototype) return false;

  if (isArguments(a) !== isArguments(b)) return false;
  if (isArguments(a)) {
    return isDeepEqual(Array.prototype.slice.call(a), Array.prototype.slice.call(b));
  }

  var keysA = Object.keys(a).sort();
  var keysB = Object.keys(b).sort();
  if (keysA.length !== keysB.length) return false;
  // Cheap test first: the same keys, by name.
  for (var i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i]) return false;
  }
  // Then the values under them, which may recurse.
  for (var j = 0; j < keysA.length; j++) {
    if (!isDeepEqual(a[keysA[j]], b[keysA[j]])) return false;
  }
  return true;
}

// assert.throws(block, [error], [message]): calling block() throws.
// assert.doesNotThrow(block, [error], [message]): calling block() does not.
//
// error, when given, is a constructor: only exceptions that are instanceof it
// count. throws() lets an exception of another kind pass through unchanged,
// and doesNotThrow() does the same for every exception it was not told to
// watch for, since the original error and its stack say more than a
// generated message would. A string in error's place is the message.
assert.throws = function throws(block, error, message) {
  checkThrows(true, block, error, message, assert.throws);
};

assert.doesNotThrow = function doesNotThrow(block, error, message) {
  checkThrows(false, block, error, message, assert.doesNotThrow);
};

function checkThrows(shouldThrow, block, error, message, caller) {
  if (typeof error === "string") {
    message = error;
    error = undefined;
  }

  var threw = false;
  var exception;
  try {
    block();
  } catch (e) {
    threw = true;
    exception = e;
  }

  // " (TypeError). the message", or just "." when there is neither.
  var name = error && (error.name || (error.prototype && error.prototype.name));
  var detail = (name ? " (" + name + ")." : ".") + (message ? " " + message : "");

  if (shouldThrow) {
    if (!threw) fail(undefined, error, "Missing expected exception" + detail, "throws", caller);
    if (error && !(exception instanceof error)) throw exception;
  } else if (threw) {
    if (error && exception instanceof error) {
      fail(exception, error, "Got unwanted exception" + detail, "doesNotThrow", caller);
    }
    throw exception;
  }
}
