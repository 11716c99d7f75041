// The %TypedArray%.prototype methods (ES2015 22.2.3): fill, slice, indexOf, lastIndexOf,
// includes, join, toString, forEach, map, filter, reduce, reduceRight, every, some, find,
// findIndex, reverse and sort, with and without a comparator; `from` and `of`.
var sys = require("sys");
var a = new Int16Array([5, 3, 9, 1, 7]);
sys.puts(a.toString() + " | " + a.join("-") + " | " + String(a) + " | " + a.toLocaleString());
sys.puts(new Float64Array(4).fill(2.5, 1, -1).join() + " " + new Uint8Array(3).fill(257).join());
sys.puts([a.indexOf(9), a.indexOf(4), a.indexOf(5, 1), a.indexOf(7, -1), a.indexOf("9"),
  a.lastIndexOf(1), a.lastIndexOf(5, -5), a.lastIndexOf(7, -2)].join(" "));
var nan = new Float32Array([NaN, 0]);
sys.puts([nan.indexOf(NaN), nan.includes(NaN), nan.includes(-0), a.includes(9, 3)].join(" "));
sys.puts(a.slice(1, 3).join() + " " + a.slice(-2).join() + " " + (a.slice() instanceof Int16Array));
var seen = [];
a.forEach(function (x, i, o) { seen.push(i + ":" + x + ":" + (o === a)); });
sys.puts(seen.join(" "));
var doubled = a.map(function (x) { return x * 10000; });
sys.puts(doubled.join() + " " + (doubled instanceof Int16Array));
var odd = a.filter(function (x) { return x % 3 === 0; });
sys.puts(odd.join() + " " + odd.length + " " + (odd instanceof Int16Array));
sys.puts(a.reduce(function (s, x) { return s + x; }) + " " +
  a.reduceRight(function (s, x) { return s + "," + x; }, "r"));
sys.puts(a.every(function (x) { return x > 0; }) + " " + a.some(function (x) { return x > 8; }) +
  " " + a.find(function (x) { return x > 5; }) + " " + a.findIndex(function (x) { return x > 5; }) +
  " " + a.find(function (x) { return x > 50; }) + " " + a.findIndex(function (x) { return x > 50; }));
try { new Int8Array(0).reduce(function () {}); } catch (e) { sys.puts(e.name); }
sys.puts(new Int8Array([1, 2, 3]).reverse().join() + " " + new Int8Array([1, 2, 3, 4]).reverse().join());
sys.puts(new Int32Array([10, 9, 1, 100, -3]).sort().join());
sys.puts(new Float64Array([3, NaN, -Infinity, 0, -0, 2, Infinity]).sort().map(function (x) {
  return 1 / x === -Infinity ? 99 : x; }).join());
sys.puts(new Uint8Array([3, 1, 2]).sort(function (x, y) { return y - x; }).join());
sys.puts(Int8Array.of(1, 2, 300).join() + " " + Float32Array.from([1.5, "2"]).join() + " " +
  Uint8Array.from({length: 3, 0: 1}, function (x, i) { return (x || 0) + i * 2; }).join());
try { a.map(3); } catch (e) { sys.puts(e.name); }
try { Int8Array.prototype.join.call([1, 2]); } catch (e) { sys.puts(e.name); }
