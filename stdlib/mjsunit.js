// The "mjsunit" module: the assertions of V8's own test suite (mjsunit),
// which node's early tests were written with and which node v0.1.27 still
// shipped for old test code:
//
//   var mjsunit = require("mjsunit");
//   mjsunit.assertEquals(4, 2 + 2);
//
// or, as those tests did, mixed into the global scope:
//
//   process.mixin(GLOBAL, require("mjsunit"));
//   assertEquals(4, 2 + 2);
//
// A failed assertion throws a MjsUnitAssertionError. New code should use the
// "assert" module instead.

// ---------------------------------------------------------------------------
// MjsUnitAssertionError
//
// An Error, so that an uncaught one prints with a stack. Its toString() is
// the bare message, as V8's test runner printed it.

function MjsUnitAssertionError(message) {
  this.message = message;
  if (typeof Error.captureStackTrace === "function") {
    Error.captureStackTrace(this, MjsUnitAssertionError);
  }
}
MjsUnitAssertionError.prototype = Object.create(Error.prototype);
MjsUnitAssertionError.prototype.constructor = MjsUnitAssertionError;
MjsUnitAssertionError.prototype.name = "MjsUnitAssertionError";
MjsUnitAssertionError.prototype.toString = function () {
  return this.message;
};
exports.MjsUnitAssertionError = MjsUnitAssertionError;

// ---------------------------------------------------------------------------
// Messages: "Fail - <name>: expected <1> found <2>".

var toClass = Object.prototype.toString;

function isArray(value) {
  return toClass.call(value) === "[object Array]";
}

function isRegExp(value) {
  return toClass.call(value) === "[object RegExp]";
}

// Strings are quoted so that 1 and "1" can be told apart; arrays show their
// elements; anything else is String(value), guarded in case its toString
// throws.
function show(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (isArray(value)) {
    var parts = [];
    for (var i = 0; i < value.length; i++) parts.push(show(value[i]));
    return "[" + parts.join(", ") + "]";
  }
  try {
    return String(value);
  } catch (e) {
    return "[" + toClass.call(value).slice(8, -1) + "]";
  }
}

function fail(expected, found, name) {
  var message = "Fail" + (name ? " - " + name : "") +
    ": expected <" + show(expected) + "> found <" + show(found) + ">";
  throw new MjsUnitAssertionError(message);
}

// Function.prototype.name is not in ES5; fall back to what the prototype
// says (TypeError.prototype.name is "TypeError").
function nameOf(type) {
  if (typeof type.name === "string" && type.name !== "") return type.name;
  if (type.prototype && typeof type.prototype.name === "string") return type.prototype.name;
  return "?";
}

// ---------------------------------------------------------------------------
// Deep equality, as mjsunit defines it. It is looser than assert.deepEqual,
// on purpose, for the old tests: values equal by == are equal (so
// assertEquals(1, "1") and assertTrue(1) pass), NaN equals NaN, regular
// expressions are equal when they print the same, arrays are equal element
// by element (holes only match holes), and other objects when they have the
// same enumerable keys, own or inherited, with equal values.

function deepEquals(a, b) {
  if (a == b) return true;
  if (typeof a === "number" && typeof b === "number" && isNaN(a) && isNaN(b)) {
    return true;
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return false;
  }
  if (isRegExp(a) || isRegExp(b)) {
    return isRegExp(a) && isRegExp(b) && String(a) === String(b);
  }
  if (isArray(a) || isArray(b)) {
    if (!isArray(a) || !isArray(b) || a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) {
      if ((i in a) !== (i in b)) return false;
      if ((i in a) && !deepEquals(a[i], b[i])) return false;
    }
    return true;
  }
  return deepObjectEquals(a, b);
}

function deepObjectEquals(a, b) {
  var keysA = enumerableKeys(a);
  var keysB = enumerableKeys(b);
  if (keysA.length !== keysB.length) return false;
  for (var i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i]) return false;
  }
  for (var j = 0; j < keysA.length; j++) {
    if (!deepEquals(a[keysA[j]], b[keysA[j]])) return false;
  }
  return true;
}

function enumerableKeys(object) {
  var keys = [];
  for (var key in object) keys.push(key);
  return keys.sort();
}

// Run code: a function is called, a string is evaluated in the global scope.
function run(code) {
  if (typeof code === "function") {
    code();
  } else {
    // Indirect eval: the code sees the globals, not this module's variables.
    var globalEval = eval;
    globalEval(code);
  }
}

// ---------------------------------------------------------------------------
// The assertions. name_opt, where accepted, is added to the failure message
// to tell apart the assertions of one test.

// found deepEquals expected.
exports.assertEquals = function (expected, found, name_opt) {
  if (!deepEquals(found, expected)) fail(expected, found, name_opt);
};

// The same length, then each element in turn, so that a failure names the
// first index that differs.
exports.assertArrayEquals = function (expected, found, name_opt) {
  var start = name_opt ? name_opt + " - " : "";
  exports.assertEquals(expected.length, found.length, start + "array length");
  for (var i = 0; i < expected.length; i++) {
    exports.assertEquals(expected[i], found[i], start + "array element at index " + i);
  }
};

// value == true: true, 1 and "1" pass.
exports.assertTrue = function (value, name_opt) {
  exports.assertEquals(true, value, name_opt);
};

// value == false: false, 0 and "" pass; null and undefined do not.
exports.assertFalse = function (value, name_opt) {
  exports.assertEquals(false, value, name_opt);
};

// isNaN(value): NaN passes, and so does anything that is not a number.
exports.assertNaN = function (value, name_opt) {
  if (!isNaN(value)) fail("NaN", value, name_opt);
};

// code (a function, or a string to evaluate) throws. With type_opt, the
// exception must also be an instance of it. (V8's version took a third
// argument, the engine's internal error type; there is no such thing here,
// and it is ignored.)
exports.assertThrows = function (code, type_opt) {
  var exception;
  var threw = false;
  try {
    run(code);
  } catch (e) {
    threw = true;
    exception = e;
  }
  if (!threw) {
    throw new MjsUnitAssertionError("Fail: did not throw exception");
  }
  if (typeof type_opt === "function") exports.assertInstanceof(exception, type_opt);
};

// code (a function, or a string to evaluate) does not throw.
exports.assertDoesNotThrow = function (code) {
  try {
    run(code);
  } catch (e) {
    var what = e && e.message !== undefined ? e.message : show(e);
    throw new MjsUnitAssertionError("Fail: threw an exception: " + what);
  }
};

// obj instanceof type.
exports.assertInstanceof = function (obj, type) {
  if (!(obj instanceof type)) {
    throw new MjsUnitAssertionError("Fail: object <" + show(obj) +
      "> is not an instance of <" + nameOf(type) + ">");
  }
};

// For code that must never run: the branch not taken, the callback never
// called.
exports.assertUnreachable = function (name_opt) {
  throw new MjsUnitAssertionError("Fail: unreachable" + (name_opt ? " - " + name_opt : ""));
};
