var sys = require("sys");
function Point(x, y) { this.x = x; this.y = y; }
function norm(p) {
  if (p.x < 0) throw new Error("negative x: " + p.x);
  return Math.sqrt(p.x * p.x + p.y * p.y);
}
function sum(n) {
  var total = 0;
  for (var i = 0; i < n; i++) {
    try { total += norm(new Point(i % 7 - 1, 2)); }
    catch (e) { total -= 1; }
  }
  return total;
}
var total = sum(Number(process.argv[2]) || 20000);
setTimeout(function () {
  sys.puts("total: " + total.toFixed(3));
}, 10);
