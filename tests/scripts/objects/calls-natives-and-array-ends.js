// Calls as the engine's fast paths take them, and what they must still do: a function called
// with fewer or more arguments than it names, `arguments`, sloppy and strict `this`, `new`
// with an object or a primitive returned, natives called plainly, as constructors, through
// `call`, `apply` and bound functions, natives that throw or call back into script (sort's
// comparator), Math functions given numbers or objects with `valueOf`, `charCodeAt` in and
// out of range; and `push` and `pop` on dense, sparse, frozen and read-only-length arrays and
// on array-likes. Expected output checked against node 20.
// (`sys.puts` is v0.1.27's; node 20, which checked the output, has `console.log`.)
var sys = require("sys");
if (!sys.puts) sys = { puts: function (s) { console.log(s); } };
var out = [];
function show(label, value) { out.push(label + ": " + JSON.stringify(value)); }

function two(a, b) { return [a, b]; }
show("exact", two(1, 2));
show("fewer", two(1));
show("more", two(1, 2, 3));
function counted(a) { return [arguments.length, a, arguments[2]]; }
show("arguments", counted(1, 2, 3));
function locals(a) { var x, y = a + 1; return [x, y]; }
show("locals", [locals(1), locals(2, 3)]);

var global = (function () { return this; })();
function sloppyThis() { return this; }
function strictThis() { "use strict"; return this; }
show("sloppy this", [sloppyThis() === global, typeof sloppyThis.call(5), sloppyThis.call(null) === global]);
show("strict this", [strictThis(), strictThis.call(5), strictThis.call(null)]);

function Point(x) { this.x = x; }
function Boxed(x) { this.x = x; return { boxed: x }; }
function Primitive(x) { this.x = x; return 7; }
show("new", [new Point(1).x, new Boxed(2), new Primitive(3).x]);
var BoundPoint = Point.bind(null, 9);
show("new bound", new BoundPoint().x);
show("new natives", [typeof new String("s"), new Number(4) + 1, new Date(0).getTime(), String(4)]);

show("call and apply", [two.call(null, "a", "b"), two.apply(null, ["c"]), Math.max.apply(Math, [1, 5, 3])]);
show("bound", [two.bind(null, 1)(2), Math.sqrt.bind(null)(16)]);

var calls = [];
var seven = { valueOf: function () { calls.push("valueOf"); return 49; } };
show("math", [Math.sqrt(16), Math.sqrt(seven), Math.floor("2.5"), Math.abs(-0) === 0, Math.sqrt(), Math.sqrt(-1)]);
show("valueOf called", calls);
var s = "abc";
show("charCodeAt", [s.charCodeAt(0), s.charCodeAt(2.9), s.charCodeAt(3), s.charCodeAt(-1), s.charCodeAt("1"), s.charCodeAt(), s.charCodeAt(NaN)]);
try { JSON.parse("{"); } catch (e) { show("native threw", e.name); }
try { null.f(); } catch (e) { show("not a function", e.name); }
show("sort with a comparator", [3, 1, 2].sort(function (a, b) { return a - b; }));

function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
show("recursion", depth(10000));

var a = [1, 2, 3];
show("pop", [a.pop(), a.length, a.pop(), a.pop(), a.pop(), a.length]);
show("pop of holes", [[, ].pop(), [1, , ].pop()]);
Array.prototype[1] = "inherited";
var holey = [0, , ];
holey.length = 2;
show("pop of a hole finds the prototype", [holey.pop(), holey.length]);
delete Array.prototype[1];
var pushed = [];
var lengths = [];
for (var i = 0; i < 4; i++) lengths.push(pushed.push(i, i * 2));
show("push", [lengths, pushed.join()]);
var sparse = [];
sparse.length = 1000;
show("sparse", [sparse.push("x", "y"), sparse[1001], sparse.pop(), sparse.pop(), sparse.pop(), sparse.length]);
var named = [1];
named.foo = 1;
named.push(2);
show("named", [named.length, named.foo, Object.keys(named)]);
var frozen = Object.freeze([1, 2]);
try { frozen.push(3); } catch (e) { show("push frozen", [e.name, frozen.length]); }
try { frozen.pop(); } catch (e) { show("pop frozen", [e.name, frozen.length]); }
var fixed = [1, 2];
Object.defineProperty(fixed, "length", { writable: false });
try { fixed.pop(); } catch (e) { show("pop read-only length", [e.name, fixed.length, fixed[1]]); }
try { fixed.push(3); } catch (e) { show("push read-only length", [e.name, fixed.length, fixed[2]]); }
var like = { length: 2, 0: "a", 1: "b" };
show("array-like", [Array.prototype.pop.call(like), like.length, Array.prototype.push.call(like, "z"), like[1]]);
var huge = [];
huge[4294967294] = 1;
try { huge.push(1, 2); } catch (e) { show("push past the end", [e.name, huge.length]); }
sys.puts(out.join("\n"));
