// Tests of the "assert" module. Each failing assertion is checked by
// catching what it throws, with a helper that does not itself rely on the
// module under test more than it must.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - which assertions hold: the document ("Assert Module": ==, !=, ===, !==, deepEqual,
//     throws); AssertionError being an Error: the facts file ("### assert");
//   - deepEqual's details (prototypes, Dates, arguments objects), the generated messages and
//     their cutting short: NO SOURCE in the document or the facts file (they follow the
//     CommonJS Unit Testing 1.0 spec, which v0.1.27's assert implemented).
require("./common");
var assert = require("../assert");

// Call block and return what it threw; throw if it threw nothing.
function caught(block) {
  try {
    block();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception, got none: " + block);
}

// The block fails with an AssertionError.
function fails(block) {
  var e = caught(block);
  if (!(e instanceof assert.AssertionError)) {
    throw new Error("expected an AssertionError, got " + e + " from " + block);
  }
  return e;
}

// The block passes.
function passes(block) {
  block();
}

// --- AssertionError ---
var err = new assert.AssertionError({ actual: 1, expected: 2, operator: "==" });
passes(function () { if (!(err instanceof Error)) throw new Error("not an Error"); });
assert.strictEqual(err.name, "AssertionError");
assert.strictEqual(err.actual, 1);
assert.strictEqual(err.expected, 2);
assert.strictEqual(err.operator, "==");
// Without a message, one is made from the values and the operator.
assert.strictEqual(err.message, "1 == 2");
assert.strictEqual(err.toString(), "AssertionError: 1 == 2");
assert.strictEqual(String(err), "AssertionError: 1 == 2");
// A message given is used as it is.
var withMessage = new assert.AssertionError({ message: "oops", actual: 1, expected: 2, operator: "==" });
assert.strictEqual(withMessage.message, "oops");
assert.strictEqual(withMessage.toString(), "AssertionError: oops");
// The generated message shows strings quoted, and nested values readably.
assert.strictEqual(new assert.AssertionError({ actual: "1", expected: 1, operator: "===" }).message,
                   '"1" === 1');
assert.strictEqual(new assert.AssertionError({ actual: [1, "a", null], expected: { a: [undefined] },
                                               operator: "deepEqual" }).message,
                   '[ 1, "a", null ] deepEqual { a: [ undefined ] }');
assert.strictEqual(new assert.AssertionError({ actual: -0, expected: {}, operator: "x" }).message,
                   "-0 x {}");
var cycle = { name: "c" };
cycle.self = cycle;
assert.strictEqual(new assert.AssertionError({ actual: cycle, expected: [], operator: "x" }).message,
                   '{ name: "c", self: [Circular] } x []');
// Long values are cut short.
var long = new assert.AssertionError({ actual: new Array(200).join("x"), expected: 1, operator: "==" });
assert.ok(long.message.length < 140);
// An error carries a stack trace, where the engine gives errors one (ES5
// does not require it).
if (typeof new Error().stack === "string") {
  assert.strictEqual(typeof caught(function () { assert.ok(false); }).stack, "string");
}

// --- fail ---
var failed = fails(function () { assert.fail(1, 2, "message", "op"); });
assert.strictEqual(failed.actual, 1);
assert.strictEqual(failed.expected, 2);
assert.strictEqual(failed.message, "message");
assert.strictEqual(failed.operator, "op");
assert.strictEqual(fails(function () { assert.fail(1, 2, undefined, ">"); }).message, "1 > 2");

// --- ok ---
passes(function () { assert.ok(true); });
passes(function () { assert.ok(1); });
passes(function () { assert.ok("text"); });
passes(function () { assert.ok({}); });
fails(function () { assert.ok(false); });
fails(function () { assert.ok(0); });
fails(function () { assert.ok(""); });
fails(function () { assert.ok(null); });
fails(function () { assert.ok(undefined); });
fails(function () { assert.ok(NaN); });
assert.strictEqual(fails(function () { assert.ok(false, "it was false"); }).message, "it was false");
assert.strictEqual(fails(function () { assert.ok(0); }).message, "0 == true");
assert.strictEqual(fails(function () { assert.ok(0); }).operator, "==");

// --- equal / notEqual: coercive ---
passes(function () { assert.equal(1, 1); });
passes(function () { assert.equal(1, "1"); });
passes(function () { assert.equal(null, undefined); });
passes(function () { assert.equal(0, false); });
fails(function () { assert.equal(1, 2); });
fails(function () { assert.equal(NaN, NaN); });
fails(function () { assert.equal({}, {}); });
assert.strictEqual(fails(function () { assert.equal(1, 2, "one is not two"); }).message, "one is not two");
assert.strictEqual(fails(function () { assert.equal(1, 2); }).operator, "==");
passes(function () { assert.notEqual(1, 2); });
passes(function () { assert.notEqual({}, {}); });
fails(function () { assert.notEqual(1, "1"); });
assert.strictEqual(fails(function () { assert.notEqual(1, 1); }).operator, "!=");

// --- strictEqual / notStrictEqual ---
passes(function () { assert.strictEqual(1, 1); });
passes(function () { assert.strictEqual("a", "a"); });
fails(function () { assert.strictEqual(1, "1"); });
fails(function () { assert.strictEqual(null, undefined); });
fails(function () { assert.strictEqual({}, {}); });
assert.strictEqual(fails(function () { assert.strictEqual(1, 2); }).operator, "===");
passes(function () { assert.notStrictEqual(1, "1"); });
fails(function () { assert.notStrictEqual(1, 1); });
assert.strictEqual(fails(function () { assert.notStrictEqual(1, 1); }).operator, "!==");

// --- deepEqual ---
passes(function () { assert.deepEqual(1, 1); });
passes(function () { assert.deepEqual("a", "a"); });
// Values that are not objects are compared with ==.
passes(function () { assert.deepEqual(4, "4"); });
passes(function () { assert.deepEqual(null, undefined); });
fails(function () { assert.deepEqual(4, 5); });
// Arrays: the same elements in the same order.
passes(function () { assert.deepEqual([1, 2, 3], [1, 2, 3]); });
passes(function () { assert.deepEqual([1, 2, 3], ["1", "2", "3"]); });
passes(function () { assert.deepEqual([], []); });
fails(function () { assert.deepEqual([1, 2, 3], [1, 2]); });
fails(function () { assert.deepEqual([1, 2, 3], [3, 2, 1]); });
// Nested structures.
passes(function () { assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); });
fails(function () { assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }); });
// Objects: the same keys, in any order.
passes(function () { assert.deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 }); });
fails(function () { assert.deepEqual({ a: 1 }, { a: 1, b: 2 }); });
fails(function () { assert.deepEqual({ a: 1, b: 2 }, { a: 1 }); });
fails(function () { assert.deepEqual({ a: 1 }, { b: 1 }); });
// A key holding undefined is still a key.
fails(function () { assert.deepEqual({ a: undefined }, {}); });
// Only own enumerable keys count.
passes(function () { assert.deepEqual(Object.create({ inherited: 1 }), {}); });
// Objects with different prototypes but the same own properties are equal:
// the CommonJS rule compares the "prototype" property, not [[Prototype]].
function Point(x) { this.x = x; }
Point.prototype.norm = function () { return Math.abs(this.x); };
passes(function () { assert.deepEqual(new Point(1), { x: 1 }); });
fails(function () { assert.deepEqual(new Point(1), { x: 2 }); });
// Objects and null.
fails(function () { assert.deepEqual({}, null); });
fails(function () { assert.deepEqual(null, {}); });
passes(function () { assert.deepEqual(null, null); });
// Dates: the same time.
passes(function () { assert.deepEqual(new Date(2000, 3, 14), new Date(2000, 3, 14)); });
fails(function () { assert.deepEqual(new Date(2000, 3, 14), new Date(2000, 3, 15)); });
// A Date equals only a Date.
fails(function () { assert.deepEqual(new Date(0), {}); });
fails(function () { assert.deepEqual({}, new Date(0)); });
// Arguments objects equal arguments objects with the same elements, and
// nothing else.
function args() { return arguments; }
passes(function () { assert.deepEqual(args(1, 2), args(1, 2)); });
fails(function () { assert.deepEqual(args(1, 2), args(1, 3)); });
fails(function () { assert.deepEqual(args(1, 2), [1, 2]); });
fails(function () { assert.deepEqual([1, 2], args(1, 2)); });
// The same object is equal to itself, cycles and all.
passes(function () { assert.deepEqual(cycle, cycle); });
// Functions are equal only to themselves.
passes(function () { assert.deepEqual(args, args); });
fails(function () { assert.deepEqual(function () {}, function () {}); });
assert.strictEqual(fails(function () { assert.deepEqual(1, 2); }).operator, "deepEqual");
assert.strictEqual(fails(function () { assert.deepEqual(1, 2, "deep"); }).message, "deep");

// --- notDeepEqual ---
passes(function () { assert.notDeepEqual({ a: 1 }, { a: 2 }); });
passes(function () { assert.notDeepEqual([1], [1, 2]); });
fails(function () { assert.notDeepEqual({ a: [1] }, { a: [1] }); });
assert.strictEqual(fails(function () { assert.notDeepEqual(1, 1); }).operator, "notDeepEqual");

// --- throws ---
passes(function () { assert.throws(function () { throw new Error("x"); }); });
// With a constructor: the exception must be an instance of it.
passes(function () { assert.throws(function () { throw new TypeError("x"); }, TypeError); });
passes(function () { assert.throws(function () { throw new TypeError("x"); }, Error); });
passes(function () { assert.throws(function () { null.x; }, TypeError); });
// Any value may be thrown.
passes(function () { assert.throws(function () { throw "a string"; }); });
// Not throwing fails, and says what was expected.
assert.strictEqual(fails(function () { assert.throws(function () {}); }).message,
                   "Missing expected exception.");
assert.strictEqual(fails(function () { assert.throws(function () {}, TypeError); }).message,
                   "Missing expected exception (TypeError).");
assert.strictEqual(fails(function () { assert.throws(function () {}, TypeError, "why"); }).message,
                   "Missing expected exception (TypeError). why");
// A string in error's place is the message.
assert.strictEqual(fails(function () { assert.throws(function () {}, "why"); }).message,
                   "Missing expected exception. why");
// An exception of another kind passes through unchanged.
var rangeError = new RangeError("range");
assert.strictEqual(caught(function () {
  assert.throws(function () { throw rangeError; }, TypeError);
}), rangeError);

// --- doesNotThrow ---
passes(function () { assert.doesNotThrow(function () {}); });
passes(function () { assert.doesNotThrow(function () { return 1; }, TypeError); });
// An exception of the kind named fails the assertion.
assert.strictEqual(fails(function () {
  assert.doesNotThrow(function () { throw new TypeError("x"); }, TypeError);
}).message, "Got unwanted exception (TypeError).");
assert.strictEqual(fails(function () {
  assert.doesNotThrow(function () { throw new TypeError("x"); }, TypeError, "why");
}).message, "Got unwanted exception (TypeError). why");
// Any other exception passes through unchanged, with its own message and
// stack.
var plain = new Error("plain");
assert.strictEqual(caught(function () {
  assert.doesNotThrow(function () { throw plain; });
}), plain);
assert.strictEqual(caught(function () {
  assert.doesNotThrow(function () { throw plain; }, TypeError);
}), plain);

// --- The facts file, "### assert": the constructor's own prototype link is Error.prototype. ---
assert.ok(assert.AssertionError instanceof Error);
assert.strictEqual(Object.getPrototypeOf(assert.AssertionError), Error.prototype);
assert.ok(Object.getPrototypeOf(assert.AssertionError.prototype) === Error.prototype);
assert.ok(new assert.AssertionError({message: "m"}) instanceof Error);
assert.ok(new assert.AssertionError({message: "m"}) instanceof assert.AssertionError);
