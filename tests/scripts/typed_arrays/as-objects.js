// A typed array seen by the generic object operations: JSON.stringify and Object.keys list its
// elements, the generic Array methods read it as an array-like, and Object.freeze refuses a
// typed array with elements (they cannot be made read-only, ES2015 9.4.5.3).
var sys = require("sys");
var a = new Int16Array([1, -2, 3]);
sys.puts(JSON.stringify(a) + " " + JSON.stringify({list: new Uint8Array(2)}));
sys.puts(Object.keys(a).join() + " " + Object.getOwnPropertyNames(new Int8Array(2)).join());
sys.puts(Array.prototype.map.call(a, function (x) { return x * 2; }).join() + " " +
  Array.prototype.join.call(a, "+") + " " + Array.prototype.slice.call(a, 1).join());
try {
  Object.freeze(a);
  sys.puts("frozen");
} catch (e) {
  sys.puts(e.name + " " + Object.isFrozen(a));
}
sys.puts(Object.isFrozen(Object.freeze(new Int8Array(0))));
a.length = 10;
sys.puts(a.length);
(function () {
  "use strict";
  try { a.length = 10; } catch (e) { sys.puts(e.name); }
})();
