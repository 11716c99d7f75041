// a child dying mid write is no crash.
// A child that dies in the middle of our writes (EPIPE) is no crash.
// Expected: SOURCE
var sys = require("sys");
var child = process.createChildProcess("head", ["-c", "10"]);
var out = "";
child.addListener("output", function (data) { if (data) out += data; });
child.addListener("exit", function (code) {
  sys.puts("exit " + code + " " + JSON.stringify(out));
});
var chunk = new Array(65537).join("y");
for (var i = 0; i < 64; i++) child.write(chunk);
child.close();
