// A million calls of a method found on the prototype, reading a property of `this`.
function P(x) { this.x = x; }
P.prototype.get = function (k) { return this.x + k; };
function run() {
  var p = new P(3), s = 0;
  for (var i = 0; i < 1000000; i++) { s += p.get(i); }
  return s;
}
var s = run();
if (s !== 500002500000) { throw new Error("method: wrong result " + s); }
