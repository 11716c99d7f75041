// Source text is UTF-16 code units: in process.compile, a lone surrogate in a string literal, a
// regular expression or a comment is kept, and anywhere else is a SyntaxError, as with eval.
// Expected from ECMAScript (5.1, clause 6: "ECMAScript source text is represented as a sequence
// of characters in the Unicode character encoding... the 16-bit code units"; a literal may
// hold any code unit) and the API document's "process.compile: Just like eval()".
var sys = require("sys");
var hi = String.fromCharCode(0xD800);
sys.puts(process.compile("'" + hi + "'", "a.js").charCodeAt(0).toString(16));
sys.puts(process.compile("/" + hi + "/", "b.js").source === hi);
var f = process.compile("(function () { /*" + hi + "*/ })", "c.js");
sys.puts(f.toString() === "function () { /*" + hi + "*/ }");
try { process.compile("var a" + hi, "d.js"); } catch (e) { sys.puts(e.name); }
