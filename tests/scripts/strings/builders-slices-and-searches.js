// Strings built by appending (which the engine does in place, in a buffer the strings share),
// slices of them, and searches over them: every string keeps its own value whatever is
// appended to the strings it was made from. Expected output checked against node 20.
var sys = require("sys");

// Two strings appended to the same base: each sees only its own tail.
var base = "";
for (var i = 0; i < 40; i++) { base += String.fromCharCode(97 + i % 26); }
var left = base + "-left", right = base + "-right";
sys.puts(left.slice(36) + " " + right.slice(36) + " " + base.length);
// A slice taken before more appends keeps its value.
var early = base.slice(30);
base += "!!";
sys.puts(early + " " + base.slice(30));

// Appends that change width: Latin-1, then UTF-16, then ASCII again.
var mixed = "abcdefghijklmnopqrstuvwxyz0123";
mixed += "\u00e9t\u00e9";
mixed += "\u0100\u03a9";
mixed += "end";
sys.puts(mixed.length + " " + mixed.charCodeAt(30) + " " + mixed.charCodeAt(33) + " " +
  mixed.charCodeAt(34) + " " + mixed.indexOf("end") + " " + mixed.lastIndexOf("\u00e9"));

// A long string built in a loop, read by charCodeAt, indexOf, lastIndexOf and substring.
var s = "";
for (var j = 0; j < 100000; j++) { s += j % 1000 === 0 ? "<" + j + ">" : "ab"; }
var sum = 0;
for (var k = 0; k < s.length; k += 997) { sum += s.charCodeAt(k); }
sys.puts(s.length + " " + sum + " " + s.indexOf("<50000>") + " " + s.lastIndexOf("<") + " " +
  s.indexOf("<", s.length - 10) + " " + s.substring(s.indexOf("<99000>"), s.indexOf("<99000>") + 9));

// Prepending and both sides: ropes, flattened once when read.
var r = "";
for (var m = 0; m < 3000; m++) { r = (m % 10) + r + "."; }
sys.puts(r.length + " " + r.slice(0, 12) + " " + r.slice(-4) + " " + r.indexOf("."));

// Short strings kept in an array compare and sort by value.
var keep = [];
for (var n = 0; n < 1000; n++) { keep.push("s" + n); }
sys.puts(keep[999] + " " + (keep[10] === "s" + 10) + " " + keep.slice().sort()[2] + " " + keep.join("").length);

// Regular expressions with literal prefixes, on ASCII, Latin-1 and UTF-16 text, with lastIndex.
var texts = ["x = foo12; y = foo; z = foo345", "\u00e9 foo7 \u00e9 foo88", "\u03a9 foo1 \u03a9foo22"];
for (var t = 0; t < texts.length; t++) {
  var re = /foo(\d+)/g, found = [], match;
  while ((match = re.exec(texts[t])) !== null) { found.push(match[1] + "@" + match.index); }
  sys.puts(found.join(",") + " " + texts[t].replace(/foo\d/g, "#") + " " + /o\d{3}$/.test(texts[t]));
}
var sticky = /a\.b/g;
sticky.lastIndex = 5;
sys.puts(sticky.exec("a.b a.b a.b").index + " " + sticky.lastIndex + " " + "a+b".search(/a\+b/) +
  " " + "x/y/z".split(/\//).length + " " + /ab*c/.exec("xxacxabbbc")[0]);
