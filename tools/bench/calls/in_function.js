// A million calls of a two-parameter function from inside a function (where the loop's
// variables are registers): a call and a return, little else. loop_in_function.js is the
// same loop without the call; the difference is what the call costs.
function a(i, j) { return i + j; }
function run() {
  var s = 0;
  for (var i = 0; i < 1000000; i++) { s += a(i, 1); }
  return s;
}
var s = run();
if (s !== 500000500000) { throw new Error("in_function: wrong result " + s); }
