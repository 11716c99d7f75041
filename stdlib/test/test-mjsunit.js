// Tests of the "mjsunit" module, checked with the "assert" module.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - the names of the assertions: the facts file ("## url, repl, assert-style helpers");
//   - what each one accepts and its messages: NO SOURCE in the document or the facts file
//     (they follow V8's test/mjsunit/mjsunit.js of the time).
var common = require("./common");
var assert = common.assert;
var mjsunit = require("../mjsunit");

// The assertion passes: it returns without throwing.
function passes(block) {
  block();
}

// The assertion fails with a MjsUnitAssertionError; return it.
function fails(block) {
  var error = null;
  try {
    block();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof mjsunit.MjsUnitAssertionError, "expected a MjsUnitAssertionError from " + block);
  return error;
}

// --- MjsUnitAssertionError ---
var err = new mjsunit.MjsUnitAssertionError("the message");
assert.ok(err instanceof Error);
assert.strictEqual(err.message, "the message");
assert.strictEqual(err.name, "MjsUnitAssertionError");
// toString is the bare message, as V8's test runner printed it.
assert.strictEqual(err.toString(), "the message");
assert.strictEqual(String(err), "the message");

// --- assertEquals ---
passes(function () { mjsunit.assertEquals(1, 1); });
passes(function () { mjsunit.assertEquals("a", "a"); });
passes(function () { mjsunit.assertEquals(NaN, NaN); });
passes(function () { mjsunit.assertEquals(null, null); });
// Loose, as the old tests expect: == is enough.
passes(function () { mjsunit.assertEquals(1, "1"); });
passes(function () { mjsunit.assertEquals(null, undefined); });
fails(function () { mjsunit.assertEquals(1, 2); });
fails(function () { mjsunit.assertEquals(NaN, 1); });
fails(function () { mjsunit.assertEquals(null, 0); });
fails(function () { mjsunit.assertEquals(0, null); });
// Arrays element by element.
passes(function () { mjsunit.assertEquals([1, [2, 3]], [1, [2, 3]]); });
fails(function () { mjsunit.assertEquals([1, 2], [1, 2, 3]); });
fails(function () { mjsunit.assertEquals([1, 2], [2, 1]); });
// A hole matches only a hole.
fails(function () { mjsunit.assertEquals([, 1], [undefined, 1]); });
passes(function () { mjsunit.assertEquals([, 1], [, 1]); });
// An array is not an object with the same keys.
fails(function () { mjsunit.assertEquals([1], { 0: 1 }); });
// Objects by their keys, in any order.
passes(function () { mjsunit.assertEquals({ a: 1, b: [2] }, { b: [2], a: 1 }); });
fails(function () { mjsunit.assertEquals({ a: 1 }, { a: 1, b: 2 }); });
fails(function () { mjsunit.assertEquals({ a: 1 }, { a: 2 }); });
// Regular expressions by their text.
passes(function () { mjsunit.assertEquals(/a+/g, /a+/g); });
fails(function () { mjsunit.assertEquals(/a+/g, /a+/); });
fails(function () { mjsunit.assertEquals(/a/, { source: "a" }); });
// The message names what was expected, what was found, and the assertion.
assert.strictEqual(fails(function () { mjsunit.assertEquals(1, 2); }).message,
                   "Fail: expected <1> found <2>");
assert.strictEqual(fails(function () { mjsunit.assertEquals("1", 2, "sum"); }).message,
                   'Fail - sum: expected <"1"> found <2>');
assert.strictEqual(fails(function () { mjsunit.assertEquals([1, "a"], []); }).message,
                   'Fail: expected <[1, "a"]> found <[]>');

// --- assertArrayEquals ---
passes(function () { mjsunit.assertArrayEquals([1, 2, 3], [1, 2, 3]); });
passes(function () { mjsunit.assertArrayEquals([], []); });
// It names the length, or the first element that differs.
assert.strictEqual(fails(function () { mjsunit.assertArrayEquals([1, 2], [1]); }).message,
                   "Fail - array length: expected <2> found <1>");
assert.strictEqual(fails(function () { mjsunit.assertArrayEquals([1, 2, 3], [1, 5, 6]); }).message,
                   "Fail - array element at index 1: expected <2> found <5>");
assert.strictEqual(fails(function () { mjsunit.assertArrayEquals([1], [2], "list"); }).message,
                   "Fail - list - array element at index 0: expected <1> found <2>");

// --- assertTrue / assertFalse: == true and == false ---
passes(function () { mjsunit.assertTrue(true); });
passes(function () { mjsunit.assertTrue(1); });
fails(function () { mjsunit.assertTrue(false); });
fails(function () { mjsunit.assertTrue(2); });
fails(function () { mjsunit.assertTrue("yes"); });
assert.strictEqual(fails(function () { mjsunit.assertTrue(false, "flag"); }).message,
                   "Fail - flag: expected <true> found <false>");
passes(function () { mjsunit.assertFalse(false); });
passes(function () { mjsunit.assertFalse(0); });
passes(function () { mjsunit.assertFalse(""); });
fails(function () { mjsunit.assertFalse(true); });
fails(function () { mjsunit.assertFalse(null); });
fails(function () { mjsunit.assertFalse(undefined); });

// --- assertNaN ---
passes(function () { mjsunit.assertNaN(NaN); });
passes(function () { mjsunit.assertNaN(0 / 0); });
passes(function () { mjsunit.assertNaN("not a number"); });
fails(function () { mjsunit.assertNaN(1); });
fails(function () { mjsunit.assertNaN("12"); });
assert.strictEqual(fails(function () { mjsunit.assertNaN(1, "x"); }).message,
                   'Fail - x: expected <"NaN"> found <1>');

// --- assertThrows ---
passes(function () { mjsunit.assertThrows(function () { throw new Error("x"); }); });
passes(function () { mjsunit.assertThrows(function () { undefined.x; }); });
// A string is evaluated.
passes(function () { mjsunit.assertThrows("throw 1"); });
passes(function () { mjsunit.assertThrows("(("); });
// With a type, the exception must be an instance of it.
passes(function () { mjsunit.assertThrows(function () { null.x; }, TypeError); });
passes(function () { mjsunit.assertThrows("(( ", SyntaxError); });
fails(function () { mjsunit.assertThrows(function () { throw new RangeError("r"); }, TypeError); });
assert.strictEqual(fails(function () { mjsunit.assertThrows(function () {}); }).message,
                   "Fail: did not throw exception");
fails(function () { mjsunit.assertThrows("1 + 1"); });

// --- assertDoesNotThrow ---
passes(function () { mjsunit.assertDoesNotThrow(function () {}); });
passes(function () { mjsunit.assertDoesNotThrow("1 + 1"); });
assert.strictEqual(fails(function () {
  mjsunit.assertDoesNotThrow(function () { throw new Error("boom"); });
}).message, "Fail: threw an exception: boom");
assert.strictEqual(fails(function () { mjsunit.assertDoesNotThrow("throw 'up'"); }).message,
                   'Fail: threw an exception: "up"');
// Strings are evaluated in the global scope, not mjsunit's.
passes(function () { mjsunit.assertDoesNotThrow("var mjsunitGlobalProbe = 1"); });
assert.strictEqual(typeof mjsunitGlobalProbe, "number");

// --- assertInstanceof ---
passes(function () { mjsunit.assertInstanceof([], Array); });
passes(function () { mjsunit.assertInstanceof(new TypeError("t"), Error); });
function Thing() {}
passes(function () { mjsunit.assertInstanceof(new Thing(), Thing); });
fails(function () { mjsunit.assertInstanceof({}, Array); });
fails(function () { mjsunit.assertInstanceof(1, Number); });
assert.strictEqual(fails(function () { mjsunit.assertInstanceof(1, TypeError); }).message,
                   "Fail: object <1> is not an instance of <TypeError>");

// --- assertUnreachable ---
assert.strictEqual(fails(function () { mjsunit.assertUnreachable(); }).message,
                   "Fail: unreachable");
assert.strictEqual(fails(function () { mjsunit.assertUnreachable("callback"); }).message,
                   "Fail: unreachable - callback");

// --- As the old tests used it: mixed into the global scope. ---
var names = ["assertEquals", "assertTrue", "assertFalse", "assertNaN", "assertThrows",
             "assertDoesNotThrow", "assertInstanceof", "assertArrayEquals", "assertUnreachable"];
names.forEach(function (name) {
  assert.strictEqual(typeof mjsunit[name], "function", name);
});
var scope = {};
names.forEach(function (name) { scope[name] = mjsunit[name]; });
// Detached from the module object, they still work.
passes(function () { scope.assertEquals(2, 1 + 1); });
passes(function () { scope.assertTrue(true); });
passes(function () { scope.assertArrayEquals([1], [1]); });
fails(function () { scope.assertFalse(true); });
