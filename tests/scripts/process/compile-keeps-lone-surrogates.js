// compile keeps lone surrogates.
// Source text is UTF-16 code units: a lone surrogate in a literal or comment is kept, and
// anywhere else is a syntax error, as with `eval`.
// Expected: SOURCE
var sys = require("sys");
var hi = String.fromCharCode(0xD800);
sys.puts(process.compile("'" + hi + "'", "a.js").charCodeAt(0).toString(16));
sys.puts(process.compile("/" + hi + "/", "b.js").source === hi);
var f = process.compile("(function () { /*" + hi + "*/ })", "c.js");
sys.puts(f.toString() === "function () { /*" + hi + "*/ }");
try { process.compile("var a" + hi, "d.js"); } catch (e) { sys.puts(e.name); }
