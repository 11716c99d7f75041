// A module may add to `this` instead of `exports`: they are the same object.
// Expected output from: document, "Modules" ("one can use this instead of exports").
var sys = require("sys");
var square = require("./square");
sys.puts("The area of a square of side 3 is " + square.area(3));
