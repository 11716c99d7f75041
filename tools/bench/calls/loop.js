// call.js without the call: what the loop around it costs.
function f(x, y) { return x; }
var s = 0;
for (var i = 0; i < 300000; i++) { s = i; }
if (s !== 299999) { throw new Error("loop: wrong result " + s); }
