// A child that exits in the middle of our writes (head -c 10: the rest meets EPIPE) is no crash:
// its output and exit status 0 arrive as usual.
// Expected from the API document, "Child Processes" ("output", "exit") and head(1); that EPIPE
// on a child's stdin is not fatal is node's (SIGPIPE is ignored).
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
