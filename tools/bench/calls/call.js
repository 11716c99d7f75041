// 300,000 calls of a small function from global code: a call and a return, little else.
function f(x, y) { return x; }
var s = 0;
for (var i = 0; i < 300000; i++) { s = f(i, s); }
if (s !== 299999) { throw new Error("call: wrong result " + s); }
