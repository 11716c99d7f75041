// `a[i]`, `a[i] = x` and `a[i] op= x` take the interpreter's inlined element path for an
// integer index into a typed or dense array, and the general path for everything else: both
// must give the same answers. Each line mixes the two.
var sys = require("sys");
var f = new Float64Array(4), i32 = new Int32Array(4), u8c = new Uint8ClampedArray(2);
// The value of an assignment expression is the value assigned, not the element stored.
sys.puts((f[0] = "2.5") + " " + typeof (f[0] = "2.5") + " " + f[0]);
sys.puts((i32[1] = 3.9) + " " + i32[1] + " " + (i32[2] = -1e10) + " " + i32[2]);
sys.puts((u8c[0] = 300) + " " + u8c[0] + " " + (u8c[1] = 1.5) + " " + u8c[1]);
// A value that is not a number is converted once, even for an index outside the array.
var calls = 0;
var v = { valueOf: function () { calls++; return 7; } };
f[1] = v; f[9] = v; f[-1] = v;
sys.puts(f[1] + " " + calls + " " + f[9] + " " + f.length);
// Compound assignment reads, converts and writes through the same paths.
f[2] = 1; f[2] += 0.5; f[2] *= 4; i32[3] = 7; i32[3] <<= 2; i32[3] -= "1";
sys.puts(f[2] + " " + i32[3]);
for (var k = 0; k < 4; k++) { f[k] = k / 2; }
var sum = 0;
for (k = 0; k < 4; k++) { sum += f[k] * f[k]; }
sys.puts(sum + " " + f[3.0] + " " + f["3"] + " " + f[3.5] + " " + f[4]);
// Dense arrays: a hole reads through to the prototype; a write to a hole, a frozen array or
// past the end takes the general path.
Array.prototype[1] = "inherited";
var a = [0, , 2];
sys.puts(a[0] + " " + a[1] + " " + a[2] + " " + a[3]);
a[1] = "own"; a[5] = 5;
sys.puts(a.length + " " + a[1] + " " + a.join("|"));
delete Array.prototype[1];
var frozen = Object.freeze([1, 2]);
frozen[0] = 9;
sys.puts(frozen[0] + " " + (function () { "use strict"; try { frozen[0] = 9; } catch (e) { return e.name; } })());
// Numbers that are not array indices are property names.
var o = [];
o[-0] = "zero"; o[4294967295] = "max"; o[1e21] = "big";
sys.puts(o[0] + " " + o.length + " " + o["4294967295"] + " " + o["1e+21"]);
// Other receivers: strings, primitives, null.
sys.puts("abc"[1] + " " + "abc"[5] + " " + (5)[0]);
try { null[0]; } catch (e) { sys.puts(e.name); }
try { var u; u[0] = 1; } catch (e) { sys.puts(e.name); }
