// Array.prototype.shift: the dense-array path (a queue) and the cases it must leave to the
// steps of 15.4.4.9 (holes, a read-only length, frozen arrays, indices on the prototype,
// array-likes); the output is node 20's.
var sys = require("sys");
var a = [1, 2, 3]; sys.puts(a.shift() + " " + a + " " + a.length);
var h = [1, , 3]; sys.puts(h.shift() + " " + (1 in h) + " " + h.length);
var e = []; sys.puts(e.shift() + " " + e.length);
var f = Object.freeze([1, 2]); try { f.shift(); } catch (x) { sys.puts(x.constructor.name); }
var l = [1, 2]; Object.defineProperty(l, "length", {writable: false}); try { l.shift(); } catch (x) { sys.puts(x.constructor.name + " " + l); }
Array.prototype[1] = "proto"; var p = [1, , 3]; sys.puts(p.shift() + " " + p[0] + " " + p.hasOwnProperty(0)); delete Array.prototype[1];
var o = {0: "a", 1: "b", length: 2}; sys.puts(Array.prototype.shift.call(o) + " " + o[0] + " " + o.length);
var q = []; for (var i = 0; i < 5; i++) q.push(i); var s = 0; while (q.length) s += q.shift(); sys.puts(s);
var big = []; big.length = 5; big[0] = 1; sys.puts(big.shift() + " " + big.length);
