// Regular expressions whose matches begin with literal text, searched over a 300 KB source-like
// text: a global exec loop, a global replace, and a literal evaluated in a loop (compiled once).
function main() {
  var lines = [];
  for (var i = 0; i < 10000; i++) {
    lines.push(i % 50 === 0 ? "function f" + i + "(a, b) { return a + b; }" : "  x = x + " + i + "; // plain line");
  }
  var text = lines.join("\n");
  var names = 0, re = /function (f\d+)\(/g, m;
  while ((m = re.exec(text)) !== null) { if (m[1].length > 1) { names++; } }
  var replaced = text.replace(/return a \+ b/g, "return b + a");
  var todos = 0;
  for (var j = 0; j < lines.length; j++) { if (/plain line$/.test(lines[j])) { todos++; } }
  var missing = 0;
  for (var k = 0; k < 200; k++) { if (!/never here/.test(text)) { missing++; } }
  return names + " " + replaced.length + " " + todos + " " + missing;
}
var result = main();
if (result !== "200 300689 9800 200") { throw new Error("string_regexp: wrong result " + result); }
