// A million closures made and called, the way 2010 code binds callbacks: each captures its own
// loop value through a factory function, all are kept in an array, then each is called.
var N = 1000000;
function make(i) {
  return function () { return i; };
}
var callbacks = [];
for (var i = 0; i < N; i++) callbacks.push(make(i));

var sum = 0;
for (i = 0; i < N; i++) sum += callbacks[i]();
if (sum !== N * (N - 1) / 2) throw new Error("closures: sum " + sum);
