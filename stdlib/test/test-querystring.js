// Tests of the "querystring" module.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - the document's examples ("Query String Module"): the document (numerals become numbers,
//     as its "boo": [1] shows; sep and eq arguments);
//   - Boolean/Number/String wrappers, NaN and Infinity, parseQuery: the facts file,
//     "### querystring" (the section at the end);
//   - the rest (escape/unescape, malformed escapes, nesting, munge, repeated names, trimming,
//     __proto__, cycles): NO SOURCE in the document or the facts file.
var common = require("./common");
var assert = common.assert;
var qs = require("../querystring");

// --- The API document's examples, verbatim. ---
assert.equal(require("../querystring").stringify({foo:"bar", baz : {quux:"asdf", oof : "rab"}, boo:[1,2,3]}),
             "foo=bar&baz%5Bquux%5D=asdf&baz%5Boof%5D=rab&boo%5B%5D=1&boo%5B%5D=2&boo%5B%5D=3");
assert.deepEqual(require("../querystring").parse("foo=bar&baz%5Bquux%5D=asdf&baz%5Boof%5D=rab&boo%5B%5D=1"),
                 {
                   "foo": "bar",
                   "baz": {
                     "quux": "asdf",
                     "oof": "rab"
                   },
                   "boo": [
                     1
                   ]
                 });
// deepEqual is coercive; the document shows the number 1, not "1".
assert.strictEqual(qs.parse("foo=bar&baz%5Bquux%5D=asdf&baz%5Boof%5D=rab&boo%5B%5D=1").boo[0], 1);

// --- escape / unescape ---
assert.equal(qs.escape("a b&c=d/\u00e9"), "a%20b%26c%3Dd%2F%C3%A9");
assert.equal(qs.escape("[]"), "%5B%5D");
assert.equal(qs.unescape("a%20b%26c%3Dd%2F%C3%A9"), "a b&c=d/\u00e9");
// "+" is a space only when asked, as parse does.
assert.equal(qs.unescape("a+b"), "a+b");
assert.equal(qs.unescape("a+b", true), "a b");
// A malformed escape is left as it is, rather than throwing.
assert.equal(qs.unescape("100%"), "100%");
assert.equal(qs.unescape("%zz"), "%zz");
assert.equal(qs.unescape("%E9"), "%E9");

// --- stringify ---
assert.equal(qs.stringify({}), "");
assert.equal(qs.stringify({ a: "b" }), "a=b");
assert.equal(qs.stringify({ a: 1, b: 2.5 }), "a=1&b=2.5");
// Names and values are escaped.
assert.equal(qs.stringify({ "a b": "c&d" }), "a%20b=c%26d");
// Custom separator and assignment characters.
assert.equal(qs.stringify({ a: 1, b: 2 }, ";", ":"), "a:1;b:2");
// The facts file ("### querystring") says so for Boolean objects; for true/false, the same
// rule is assumed.
// Booleans are 1 and 0.
assert.equal(qs.stringify({ yes: true, no: false }), "yes=1&no=0");
// null, undefined and functions give an empty value.
assert.equal(qs.stringify({ a: null, b: undefined, c: function () {} }), "a=&b=&c=");
// Nested objects, to any depth.
assert.equal(qs.stringify({ a: { b: { c: "d" } } }), "a%5Bb%5D%5Bc%5D=d");
// Arrays of arrays, and objects inside arrays.
assert.equal(qs.stringify({ a: [[1, 2]] }), "a%5B%5D%5B%5D=1&a%5B%5D%5B%5D=2");
assert.equal(qs.stringify({ a: [{ b: 1 }] }), "a%5B%5D%5Bb%5D=1");
// An empty object names itself with an empty value; an empty array is
// nothing at all.
assert.equal(qs.stringify({ a: {}, b: "c" }), "a=&b=c");
assert.equal(qs.stringify({ a: [], b: "c" }), "b=c");
// munge=false writes array elements under the plain name.
assert.equal(qs.stringify({ boo: [1, 2, 3] }, "&", "=", false), "boo=1&boo=2&boo=3");
assert.equal(qs.stringify({ boo: [1, 2, 3] }, "&", "=", true),
             "boo%5B%5D=1&boo%5B%5D=2&boo%5B%5D=3");
// Only own properties are written.
var child = Object.create({ inherited: "x" });
child.own = "y";
assert.equal(qs.stringify(child), "own=y");
// Not an object: nothing to write.
assert.equal(qs.stringify(null), "");
assert.equal(qs.stringify("text"), "");
// A bare array is written with its indices as names.
assert.equal(qs.stringify(["a", "b"]), "0=a&1=b");
// A cycle is an error, and a later call still works.
var cyclic = { a: {} };
cyclic.a.back = cyclic;
assert.throws(function () { qs.stringify(cyclic); }, Error);
assert.equal(qs.stringify({ a: "b" }), "a=b");
// The same object twice, not in a cycle, is not an error.
var shared = { x: 1 };
assert.equal(qs.stringify({ a: shared, b: shared }), "a%5Bx%5D=1&b%5Bx%5D=1");
// stringify calls escape through the module, so it can be replaced.
var realEscape = qs.escape;
qs.escape = function (s) { return String(s).toUpperCase(); };
assert.equal(qs.stringify({ a: "b" }), "A=B");
qs.escape = realEscape;

// --- parse ---
assert.deepEqual(qs.parse(""), {});
assert.deepEqual(qs.parse(undefined), {});
assert.deepEqual(qs.parse("a=b"), { a: "b" });
assert.deepEqual(qs.parse("a=b&c=d"), { a: "b", c: "d" });
// Custom separator and assignment characters.
assert.deepEqual(qs.parse("a:b;c:d", ";", ":"), { a: "b", c: "d" });
assert.deepEqual(qs.parse("a==b||c==d", "||", "=="), { a: "b", c: "d" });
// Names and values are unescaped, "+" is a space.
assert.deepEqual(qs.parse("a%20b=c%26d"), { "a b": "c&d" });
assert.deepEqual(qs.parse("q=hello+world"), { q: "hello world" });
// Only the first eq separates the name; the rest belongs to the value.
assert.deepEqual(qs.parse("a=b=c"), { a: "b=c" });
// A piece without eq has an empty value; empty pieces are skipped.
assert.deepEqual(qs.parse("flag"), { flag: "" });
assert.deepEqual(qs.parse("a=1&&b=2&"), { a: 1, b: 2 });
assert.deepEqual(qs.parse("=x"), {});
// Numerals become numbers; anything else stays text.
assert.strictEqual(qs.parse("n=12").n, 12);
assert.strictEqual(qs.parse("n=-2.5").n, -2.5);
assert.strictEqual(qs.parse("n=0").n, 0);
assert.strictEqual(qs.parse("n=012").n, "012");
assert.strictEqual(qs.parse("n=1.0").n, "1.0");
assert.strictEqual(qs.parse("n=0x1f").n, "0x1f");
// NO SOURCE: which numerals become numbers (012, 1.0, 0x1f, NaN, Infinity stay text).
assert.strictEqual(qs.parse("n=NaN").n, "NaN");
assert.strictEqual(qs.parse("n=Infinity").n, "Infinity");
assert.strictEqual(qs.parse("n=").n, "");
// Surrounding white space is trimmed from names and values.
assert.deepEqual(qs.parse("+a+=+b+"), { a: "b" });
assert.strictEqual(qs.parse("n=%2012%20").n, 12);
// A name given twice collects its values in an array.
assert.deepEqual(qs.parse("a=1&a=2"), { a: [1, 2] });
assert.deepEqual(qs.parse("a=1&a=2&a=3"), { a: [1, 2, 3] });
// ...even when the first value is falsy.
assert.deepEqual(qs.parse("a=0&a=1"), { a: [0, 1] });
assert.deepEqual(qs.parse("a=&a=x"), { a: ["", "x"] });
// a[]= is an array, even with one element.
assert.deepEqual(qs.parse("a[]=1"), { a: [1] });
assert.deepEqual(qs.parse("a[]=1&a[]=2"), { a: [1, 2] });
assert.deepEqual(qs.parse("a%5B%5D=x&a%5B%5D=y"), { a: ["x", "y"] });
// a[b][c]= nests objects.
assert.deepEqual(qs.parse("a[b]=1"), { a: { b: 1 } });
assert.deepEqual(qs.parse("a[b][c]=x"), { a: { b: { c: "x" } } });
assert.deepEqual(qs.parse("a[b]=1&a[c]=2"), { a: { b: 1, c: 2 } });
assert.deepEqual(qs.parse("a[b][c]=1&a[b][d]=2"), { a: { b: { c: 1, d: 2 } } });
// Arrays and objects inside each other.
assert.deepEqual(qs.parse("a[b][]=1&a[b][]=2"), { a: { b: [1, 2] } });
assert.deepEqual(qs.parse("a[][b]=1"), { a: [{ b: 1 }] });
assert.deepEqual(qs.parse("a[][]=1"), { a: [[1]] });
// A name given both plainly and with brackets collects both forms.
assert.deepEqual(qs.parse("a=1&a[b]=2"), { a: [1, { b: 2 }] });
// Brackets that do not close the name are part of it.
assert.deepEqual(qs.parse("a[b=1"), { "a[b": 1 });
assert.deepEqual(qs.parse("a]b=1"), { "a]b": 1 });
// A name is never a way to an object's prototype.
var hostile = qs.parse("__proto__[polluted]=1");
assert.strictEqual(Object.getPrototypeOf(hostile), Object.prototype);
assert.strictEqual(hostile.polluted, undefined);
assert.strictEqual({}.polluted, undefined);
// parse calls unescape through the module, so it can be replaced.
var realUnescape = qs.unescape;
qs.unescape = function (s) { return s.toLowerCase(); };
assert.deepEqual(qs.parse("A=B"), { a: "b" });
qs.unescape = realUnescape;

// --- Both ways: what stringify writes, parse reads back. ---
var original = { name: "node", tags: ["a", "b"], nested: { deep: { value: "x y" } } };
assert.deepEqual(qs.parse(qs.stringify(original)), original);
assert.deepEqual(qs.parse(qs.stringify(original, ";", ":"), ";", ":"), original);

// --- The facts file, "### querystring", verbatim. ---
assert.strictEqual(qs.parseQuery, qs.parse);
assert.strictEqual(qs.stringify({f: new Boolean(false), t: new Boolean(true)}), "f=0&t=1");
assert.strictEqual(qs.stringify({n: new Number(5)}), "n=5");
assert.strictEqual(qs.stringify({s: new String("a b")}), "s=a%20b");
assert.strictEqual(qs.stringify({x: NaN}), "x=");
assert.strictEqual(qs.stringify({x: Infinity}), "x=");
assert.strictEqual(qs.stringify({x: -Infinity}), "x=");
