// The document's foo.js. (Its first line ends in "," where a ";" belongs:
// "var a = ..., var b" is a syntax error, so the comma is a semicolon here.)
// Expected output from: document, "Modules" (foo.js and circle.js; 3.14 * 4 * 4 is 50.24).
var circle = require("./circle");
var sys = require("sys");
sys.puts("The area of a circle of radius 4 is " + circle.area(4));
