// in_function.js's loop without the call.
function run() {
  var s = 0;
  for (var i = 0; i < 1000000; i++) { s += i + 1; }
  return s;
}
var s = run();
if (s !== 500000500000) { throw new Error("loop_in_function: wrong result " + s); }
