// "Variables local to the module will be private. In this example the
// variable PI is private to circle.js."
// Expected output from: document, "Modules" ("the variable PI is private to circle.js").
var sys = require("sys");
var circle = require("./circle");
sys.puts(typeof PI);
sys.puts(typeof circle.PI);
sys.puts(JSON.stringify(Object.keys(circle)));
