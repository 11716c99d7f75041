// process.argv: the node binary, then the script (made absolute), then the
// script's arguments (none here).
// Expected output from: document, "The process Object" (process.argv); that argv[1] is the
// script made absolute: NO SOURCE (the facts file, "### process", covers only argv[0]).
var sys = require("sys");
var path = require("path");
sys.puts(process.argv.length);
sys.puts(path.basename(process.argv[1]));
sys.puts(process.argv[1].charAt(0));
sys.puts(process.argv[1] === __filename);
