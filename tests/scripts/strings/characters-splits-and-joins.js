// The string operations the engine takes short cuts for (one-character strings from a shared
// table, charAt and charCodeAt on a string and an index, methods read off a string primitive
// through the site's cache, split on a string separator cut from the string itself, indexOf
// on short strings, join reading plain elements in place), on the edge cases the short cuts
// must leave to the spec's steps. Expected output checked against node 20.
var sys = require("sys");

// charAt and charCodeAt: indices in range, out of range, fractional, NaN, strings, none.
var s = "h\u00e9llo\u1234";
sys.puts([s.charAt(0), s.charAt(1), s.charAt(5), s.charAt(6), s.charAt(-1), s.charAt(NaN),
  s.charAt(1.9), s.charAt(Infinity), s.charAt("2"), s.charAt(), s.charAt(-0.5)].join("|"));
sys.puts([s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(5), s.charCodeAt(6),
  s.charCodeAt(-0.5), s.charCodeAt(NaN), s.charCodeAt(true)].join("|"));
sys.puts([s[1], s[5], s[9], s.length, String.fromCharCode(65),
  String.fromCharCode(0x1234) === "\u1234", String.fromCharCode(65.7, 66),
  String.fromCharCode("67"), String.fromCharCode(65601), String.fromCharCode(-1).charCodeAt(0)
].join("|"));
// The same character twice is the same string; a character taken from a built string too.
var built = ""; for (var i = 0; i < 70; i++) built += "ab".charAt(i % 2);
sys.puts(built.charAt(68) === "a" && "xa".charAt(1) === built[0] && built.length === 70);
// Characters past one byte still come out right after many one-byte ones.
var wide = ""; for (var j = 0; j < 300; j++) wide += String.fromCharCode(j);
sys.puts(wide.charCodeAt(255) + " " + wide.charCodeAt(256) + " " + wide.charAt(299).charCodeAt(0));

// Methods and accessors on String.prototype, read off primitives (a getter sees the string).
String.prototype.describe = function () { return typeof this + ":" + this.length; };
sys.puts("abc".describe() + " " + "xy".describe());
Object.defineProperty(String.prototype, "shout", {
  get: function () { return this.toUpperCase() + "!"; }, configurable: true });
sys.puts("q".shout + " " + "r".shout);
delete String.prototype.shout;
sys.puts(typeof "q".shout);
String.prototype.describe = function () { return "replaced"; };
sys.puts("abc".describe());
// One site, with the method replaced, deleted, and then found on Object.prototype.
String.prototype.tag = function () { return "one"; };
var seen = [];
for (var r = 0; r < 4; r++) {
  seen.push(typeof "s".tag === "function" ? "s".tag() : typeof "s".tag);
  if (r === 0) String.prototype.tag = function () { return "two"; };
  if (r === 1) delete String.prototype.tag;
  if (r === 2) Object.prototype.tag = function () { return "object:" + this; };
}
delete Object.prototype.tag;
sys.puts(seen.join(" "));

// split with a string separator: empty pieces, limits, no match, wide characters.
function show(a) { sys.puts(JSON.stringify(a)); }
show("a,b,,c,".split(","));
show(",a,b".split(",", 2));
show("a,b,c".split(",", 0));
show("a,b,c".split(",", 4294967297));
show("abcabc".split("bc"));
show("aaaa".split("aa"));
show("aaa".split("aa"));
show("".split(","));
show("abc".split(""));
show("\u00e9,\u00fc,x".split(","));
show("a\u1234b,c".split(","));
show("a,b".split("\u1234"));
show("x\u00e9y".split("\u00e9"));
var list = ""; for (var k = 0; k < 100; k++) list += "item" + k + ";";
var parts = list.split(";");
show([parts.length, parts[0], parts[99], parts[100]]);
var long = new Array(200).join("x") + "|" + new Array(100).join("y");
show(long.split("|").map(function (p) { return p.length; }));

// indexOf on short and long strings.
show(["ab".indexOf("b"), "ab".indexOf(""), "ab".indexOf("", 5), "abcabc".indexOf("ca"),
  "abcabc".indexOf("cb"), "a\u00e9".indexOf("\u00e9"), ("x" + list).indexOf("item99;"),
  list.indexOf(";", 400), "abc".indexOf("c", -5)]);

// join: holes, null and undefined, inherited elements, getters, array-likes, itself.
var a = ["x", , "y", null, undefined, 3, { toString: function () { return "o"; } }];
sys.puts(a.join("-"));
Array.prototype[1] = "P";
sys.puts(a.join("-"));
delete Array.prototype[1];
sys.puts(Array.prototype.join.call({ length: 3, 0: "a", 2: "c" }, "+"));
var g = [1, 2];
Object.defineProperty(g, "1", { get: function () { return "g"; } });
sys.puts(g.join());
var self = ["a", "b"]; self.push(self);
sys.puts(self.join("/") + " " + [1.5, -0, NaN, true].join("|"));
