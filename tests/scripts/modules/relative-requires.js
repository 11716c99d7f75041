// A module prefixed with "./" or "../" is found relative to the file that requires it, with or
// without ".js"; "this" is the module's exports too, and its variables stay private.
// Expected from the API document, "Modules" (the circle.js example and "relative to the file
// calling require()").
var sys = require("sys");
var x = require("./fixtures/relative/lib/sub/x");
sys.puts(x.name + " | " + x.up + " | " + x.filename);
sys.puts(require("./fixtures/relative/lib/sub/x.js") === x);
var circle = require("./fixtures/relative/circle");
sys.puts(circle.area(2) + " " + circle.circumference(1) + " " + typeof circle.PI);
