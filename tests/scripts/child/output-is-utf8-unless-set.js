// output is utf8 unless set.
// Expected: SOURCE
var sys = require("sys");
var child = process.createChildProcess("printf", ["h\u00e9llo \u20ac"]);
var out = "";
child.addListener("output", function (data) { if (data) out += data; });
child.addListener("exit", function () {
  sys.puts(out.length + " " + (out === "h\u00e9llo \u20ac"));
});
