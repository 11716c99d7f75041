// Closures and higher-order functions: counters, composition, map/filter/reduce.
function makeCounter() { var n = 0; return function () { n += 1; return n; }; }
function compose(f, g) { return function (x) { return f(g(x)); }; }
var inc = function (x) { return x + 1; };
var dbl = function (x) { return x * 2; };
var total = 0;
for (var round = 0; round < 200; round++) {
  var counter = makeCounter();
  var f = compose(inc, compose(dbl, inc));
  var xs = [];
  for (var i = 0; i < 500; i++) { xs.push(f(counter())); }
  total += xs.filter(function (x) { return x % 3 === 0; })
             .map(function (x) { return x / 3; })
             .reduce(function (a, b) { return a + b; }, 0);
}
if (total !== 5577600) { throw new Error("closures: wrong result " + total); }
