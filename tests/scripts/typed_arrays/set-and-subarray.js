// `set` copies from an array, an array-like or a typed array, at an offset; between views of
// one buffer that overlap it copies as if through a temporary copy (ES2015 22.2.3.22).
var sys = require("sys");
var a = new Int32Array(8);
a.set([1, 2, 3]);
a.set([4, 5], 6);
sys.puts(a.join());
a.set({length: 2, 0: "7", 1: 8.9}, 3);
sys.puts(a.join());
var b = new Int32Array([1, 2, 3, 4, 5, 6, 7, 8]);
b.set(b.subarray(0, 5), 2);   // overlapping, forwards
sys.puts(b.join());
var c = new Int32Array([1, 2, 3, 4, 5, 6, 7, 8]);
c.set(c.subarray(3), 0);      // overlapping, backwards
sys.puts(c.join());
var bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0]);
var halves = new Uint16Array(bytes.buffer, 2, 3);
bytes.set(halves, 1);         // different kinds over the same bytes
sys.puts(bytes.join());
var f = new Float32Array(3);
f.set(new Float64Array([0.1, 1e40, -2]));
sys.puts(f.join());
function error(f) {
  try { f(); return "no error"; } catch (e) { return e.name; }
}
sys.puts(error(function () { a.set([1, 2], 7); }) + " " + error(function () { a.set(a, 1); }) +
  " " + error(function () { a.set([1], -1); }) + " " + error(function () { a.set([], 8); }));
var d = new Uint8Array([10, 20, 30, 40, 50]);
sys.puts(d.copyWithin(0, 3).join() + " " + d.copyWithin(2, 0, 2).join());
