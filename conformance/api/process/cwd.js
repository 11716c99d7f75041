// process.cwd() and process.chdir(directory). The conformance runner starts
// each example in the example's own directory.
// Expected output from: document, "The process Object" (cwd, chdir).
var sys = require("sys");
var path = require("path");
sys.puts(process.cwd() === __dirname);
process.chdir("..");
sys.puts(process.cwd() === path.dirname(__dirname));
