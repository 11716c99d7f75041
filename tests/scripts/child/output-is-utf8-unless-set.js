// A child's output is decoded as UTF-8 unless setEncoding says otherwise: 2- and 3-byte
// characters arrive whole.
// Expected from the API document, "Child Processes" (child.setEncoding(encoding): "Set the
// encoding for the stdout and stderr", default "utf8" as for every stream in v0.1.27).
var sys = require("sys");
var child = process.createChildProcess("printf", ["h\u00e9llo \u20ac"]);
var out = "";
child.addListener("output", function (data) { if (data) out += data; });
child.addListener("exit", function () {
  sys.puts(out.length + " " + (out === "h\u00e9llo \u20ac"));
});
