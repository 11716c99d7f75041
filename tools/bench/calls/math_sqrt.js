// A million calls of a native, Math.sqrt, with a number.
function run() {
  var s = 0;
  for (var i = 0; i < 1000000; i++) { s += Math.sqrt(i); }
  return s;
}
var s = run();
if (Math.abs(s - 666666166.4588418) > 1e-3) { throw new Error("math_sqrt: wrong result " + s); }
