// sys.error(string) and sys.p(value) write to stderr: the string, and
// inspect(value), each with a new-line.
// Expected output from: facts file, "## sys" (sys.error, sys.p write to stderr).
var sys = require("sys");
sys.error("an error line");
sys.p({a: [1]});
sys.puts("stdout has only this");
