// 300,000 calls through f.apply(this, arguments) and f.call(this, x): the delegation of 2010
// code (each makes an arguments object, but the call itself allocates nothing).
function target(a, b) { return a + b; }
function viaApply() { return target.apply(this, arguments); }
function viaCall(a, b) { return target.call(this, a, b); }
var s = 0;
for (var i = 0; i < 150000; i++) { s = (viaApply(i, 1) + viaCall(s, 1)) % 1000; }
if (s !== 0) { throw new Error("apply: wrong result " + s); }
