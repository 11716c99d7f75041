// Storing a number in a typed array converts it to the element type (ES2015 7.1.5-7.1.11,
// 24.1.1.6): the integer types wrap modulo 2^n, Uint8Clamped clamps and rounds half to even,
// Float32 rounds to the nearest float; NaN and the infinities become 0 in integer types.
var sys = require("sys");
var inputs = [0, -0, 1.9, -1.9, 127, 128, 255, 256, -129, 32767, 32768, 65535, 65536,
  2147483647, 2147483648, 4294967295, 4294967296, -2147483649, 1e20, -1e20, 0.5, 1.5, 2.5,
  254.5, 300, -5, NaN, Infinity, -Infinity, 1.1, 16777217, "12", "0x10", true, null,
  undefined, {valueOf: function () { return 7; }}];
var kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array];
function show(x) {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}
for (var k = 0; k < kinds.length; k++) {
  var a = new kinds[k](inputs.length);
  for (var i = 0; i < inputs.length; i++) {
    a[i] = inputs[i];
  }
  var out = [];
  for (var j = 0; j < a.length; j++) {
    out.push(show(a[j]));
  }
  sys.puts(out.join(" "));
}
// The array-like constructor and `set` convert the same way.
sys.puts(new Int8Array([200, -200, 3.5]).join());
var c = new Uint8ClampedArray(3);
c.set([-1, 0.5, 999]);
sys.puts(c.join());
// Copying between kinds converts each element.
sys.puts(new Uint8Array(new Float64Array([-1, 256.7, 3.2])).join());
sys.puts(new Float32Array(new Int32Array([16777217, -3])).join());
