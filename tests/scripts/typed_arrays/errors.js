// The errors of the constructors (ES2015 22.2.4, 24.1.2): TypeError without `new`, RangeError
// for lengths and offsets that are negative, misaligned or past the buffer.
var sys = require("sys");
function error(f) {
  try { f(); return "no error"; } catch (e) { return e.name; }
}
var buffer = new ArrayBuffer(8);
var cases = [
  ["Int8Array(2)", function () { Int8Array(2); }],
  ["ArrayBuffer(2)", function () { ArrayBuffer(2); }],
  ["new Int8Array(-1)", function () { new Int8Array(-1); }],
  ["new ArrayBuffer(-1)", function () { new ArrayBuffer(-1); }],
  ["new Float64Array(2e10)", function () { new Float64Array(2e10); }],
  ["new Int32Array(buffer, 2)", function () { new Int32Array(buffer, 2); }],
  ["new Int32Array(buffer, 12)", function () { new Int32Array(buffer, 12); }],
  ["new Int32Array(buffer, 4, 2)", function () { new Int32Array(buffer, 4, 2); }],
  ["new Float64Array(new ArrayBuffer(4))", function () { new Float64Array(new ArrayBuffer(4)); }],
  ["new Int32Array(buffer, -4)", function () { new Int32Array(buffer, -4); }],
  ["Int8Array.prototype.length.call", function () { Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), "length").get.call([]); }],
  ["ArrayBuffer.prototype.slice on a view", function () { ArrayBuffer.prototype.slice.call(new Int8Array(2)); }],
  ["TypedArray()", function () { new (Object.getPrototypeOf(Int8Array))(); }]
];
for (var i = 0; i < cases.length; i++) {
  sys.puts(cases[i][0] + ": " + error(cases[i][1]));
}
// What is allowed: no argument, fractions, strings, a view reaching the end, an empty view.
sys.puts([new Int8Array().length, new Int8Array(2.7).length, new Int8Array("3").length,
  new ArrayBuffer(1.5).byteLength, new Int32Array(buffer, 8).length,
  new Int32Array(buffer, 4, 1).length, new Int16Array(buffer, 2, 0).length,
  new Uint8Array(null).length].join(" "));
// The shape of the constructors and prototypes.
var TypedArray = Object.getPrototypeOf(Int8Array);
sys.puts([Int8Array.BYTES_PER_ELEMENT, Uint16Array.prototype.BYTES_PER_ELEMENT,
  Float64Array.BYTES_PER_ELEMENT, Int8Array.length, Int8Array.name, TypedArray.name,
  Object.getPrototypeOf(Float32Array.prototype) === TypedArray.prototype,
  new Int8Array(1) instanceof Int8Array, new Int8Array(1) instanceof Uint8Array,
  Object.prototype.toString.call(new Uint8ClampedArray(1)),
  Object.prototype.toString.call(buffer),
  Object.prototype.toString.call(new DataView(buffer)),
  TypedArray.prototype.toString === Array.prototype.toString].join(" "));
