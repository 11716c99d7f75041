// A million closures kept alive, over a global variable: no environment, only the function.
var fs = [];
for (var i = 0; i < 1000000; i++) { fs.push(function () { return i; }); }
if (fs.length !== 1000000 || fs[5]() !== 1000000) { throw new Error("kept_global: wrong result"); }
