// An object's first two values live in the object, more move to a block of their own, and a
// prototype keeps the root of its inheritors' shapes with its values or its dictionary
// (engine/src/object/values.rs): objects growing past two properties, prototypes that had
// no properties of their own when first inherited from, that gain and lose properties and
// change prototype, read and written through the inline caches of a loop; the output is
// node 20's.
var sys = require("sys");

// Objects growing one property at a time, past the inline pair, read back by one site.
function grow(n) { var o = {}; for (var i = 0; i < n; i++) o["p" + i] = i * 10; return o; }
var sums = [];
for (var n = 0; n <= 6; n++) {
  var o = grow(n), s = 0;
  for (var k in o) s += o[k];
  sums.push(n + ":" + s + ":" + Object.keys(o).join(","));
}
sys.puts(sums.join(" "));

// Nodes of two properties (inline), then a third added to some of them later.
function Node(l, r) { this.left = l; this.right = r; }
function tree(d) { return d ? new Node(tree(d - 1), tree(d - 1)) : new Node(null, null); }
function count(t) { return t.left === null ? 1 : 1 + count(t.left) + count(t.right); }
var t = tree(10);
t.left.tag = "x"; t.right.tag = "y"; t.right.more = [1, 2];
sys.puts(count(t) + " " + t.left.tag + t.right.tag + " " + t.right.more.length + " " + ("tag" in t));

// A prototype with no properties of its own when first inherited from.
var empty = {};
var kids = [];
for (var i = 0; i < 5; i++) { var c = Object.create(empty); c.a = i; c.b = -i; c.c = i * i; kids.push(c); }
empty.shared = "s";
empty.hello = function () { return "hi " + this.a; };
var line = [];
for (var i = 0; i < kids.length; i++) line.push(kids[i].a + kids[i].b + kids[i].c + kids[i].shared + kids[i].hello());
sys.puts(line.join(" "));

// The prototype loses a property (dictionary mode) and keeps serving its inheritors.
delete empty.shared;
var late = Object.create(empty); late.a = 9;
sys.puts(kids[0].shared + " " + late.hello() + " " + (Object.getPrototypeOf(late) === empty) + " " + kids[4].hello());

// A prototype of one inline property, then of many; its inheritors' own properties apart.
function P(x) { this.x = x; }
P.prototype.k = 1;
var ps = [];
for (var i = 0; i < 4; i++) ps.push(new P(i));
P.prototype.k2 = 2; P.prototype.k3 = 3; P.prototype.k4 = 4;
var out = [];
for (var i = 0; i < ps.length; i++) out.push(ps[i].x + ps[i].k + ps[i].k2 + ps[i].k3 + ps[i].k4);
sys.puts(out.join(" ") + " " + Object.keys(ps[0]).join(","));

// A prototype whose own prototype changes after it was inherited from.
var base = {who: "base"}, other = {who: "other"};
var mid = Object.create(base);
var leaf = Object.create(mid); leaf.own = 1;
sys.puts(leaf.who + " " + leaf.own);
mid.__proto__ = other;
var leaf2 = Object.create(mid); leaf2.own = 2;
sys.puts(leaf.who + " " + leaf2.who + " " + leaf2.own);

// Frozen and non-extensible objects of one, two and three properties.
var f1 = Object.freeze({a: 1}), f2 = Object.freeze({a: 1, b: 2}), f3 = Object.freeze({a: 1, b: 2, c: 3});
f1.a = 5; f2.b = 5; f3.c = 5; f3.d = 4;
sys.puts(f1.a + " " + f2.b + " " + f3.c + " " + f3.d + " " + Object.isFrozen(f2));
