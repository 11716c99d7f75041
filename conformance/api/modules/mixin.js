// "Use process.mixin() to include modules into the global namespace."
// Expected output from: document, "Modules" ("Use process.mixin() to include modules into the
// global namespace").
process.mixin(GLOBAL, require("./circle"), require("sys"));
puts("The area of a circle of radius 4 is " + area(4));
