// A million closures kept alive, each over its own variable: peak RSS over a million is what
// one costs (environment, function object and collector slack included).
function make(i) { return function () { return i; }; }
var fs = [];
for (var i = 0; i < 1000000; i++) { fs.push(make(i)); }
var sum = 0;
for (var j = 0; j < fs.length; j += 1000) { sum += fs[j](); }
if (sum !== 499500000) { throw new Error("kept: wrong result " + sum); }
