// A million closures made and called: each call of `adder` makes an environment holding `n`
// and a closure over it, which is called once and dropped.
function adder(n) { return function (x) { return x + n; }; }
var sum = 0;
for (var i = 0; i < 1000000; i++) { sum = adder(i)(sum) % 1000003; }
if (sum !== 6) { throw new Error("made: wrong result " + sum); }
