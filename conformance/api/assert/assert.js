// Each function of the assert module, once holding and once failing. A
// failure throws an assert.AssertionError, which is an Error; its message is
// the one given, when one is given.
// Expected output from: document, "Assert Module" (each function's rule: ==, !=, ===, !==,
// throws); facts file, "### assert" (an AssertionError is an Error). The error's `name` and
// `fail`'s message/actual/expected/operator fields: no source but the document's parameter
// names.
var sys = require("sys");
var assert = require("assert");

function check(description, block) {
  try {
    block();
    sys.puts(description + ": holds");
  } catch (e) {
    sys.puts(description + ": " + e.name +
             (e instanceof assert.AssertionError && e instanceof Error ? "" : " (not an AssertionError)"));
  }
}

check("ok(true)", function () { assert.ok(true); });
check("ok(0)", function () { assert.ok(0); });
check("equal(1, \"1\")", function () { assert.equal(1, "1"); });
check("equal(1, 2)", function () { assert.equal(1, 2); });
check("notEqual(1, 2)", function () { assert.notEqual(1, 2); });
check("notEqual(1, \"1\")", function () { assert.notEqual(1, "1"); });
check("deepEqual({a: [1, 2]}, {a: [1, 2]})", function () { assert.deepEqual({a: [1, 2]}, {a: [1, 2]}); });
check("deepEqual({a: 1}, {a: 2})", function () { assert.deepEqual({a: 1}, {a: 2}); });
check("notDeepEqual({a: 1}, {a: 2})", function () { assert.notDeepEqual({a: 1}, {a: 2}); });
check("notDeepEqual([1], [1])", function () { assert.notDeepEqual([1], [1]); });
check("strictEqual(1, 1)", function () { assert.strictEqual(1, 1); });
check("strictEqual(1, \"1\")", function () { assert.strictEqual(1, "1"); });
check("notStrictEqual(1, \"1\")", function () { assert.notStrictEqual(1, "1"); });
check("notStrictEqual(1, 1)", function () { assert.notStrictEqual(1, 1); });
check("throws(a throwing block)", function () {
  assert.throws(function () { throw new Error("thrown"); });
});
check("throws(a quiet block)", function () { assert.throws(function () {}); });
check("throws(a TypeError, TypeError)", function () {
  assert.throws(function () { null.x; }, TypeError);
});
check("doesNotThrow(a quiet block)", function () { assert.doesNotThrow(function () {}); });
check("doesNotThrow(a throwing block, Error)", function () {
  assert.doesNotThrow(function () { throw new Error("thrown"); }, Error);
});

try {
  assert.equal(1, 2, "one is not two");
} catch (e) {
  sys.puts("the message: " + e.message);
}
try {
  assert.fail(1, 2, "failed on purpose", "<");
} catch (e) {
  sys.puts("fail: " + e.message + ", actual " + e.actual + ", expected " + e.expected +
           ", operator " + e.operator);
}
