// Elements exist only at integer indices inside the array: reads elsewhere give undefined
// (never the prototype's properties), writes elsewhere are ignored, `in` and
// getOwnPropertyDescriptor see exactly the elements (ES2015 9.4.5).
var sys = require("sys");
var a = new Int16Array(3);
a[0] = 1; a[1] = 2; a[2] = 3;
Object.prototype[5] = "from the prototype";
Object.prototype["-1"] = "from the prototype";
Object.prototype["1.5"] = "from the prototype";
sys.puts([a[3], a[5], a[-1], a["-1"], a[1.5], a["1.5"], a["-0"], a[NaN]].join("|"));
sys.puts(a["1"] + " " + a["01"] + " " + a[" 1"]);
a[3] = 9; a[-1] = 9; a[1.5] = 9; a["-0"] = 9;
sys.puts(a.length + " " + a.join() + " " + a.hasOwnProperty("-1") + " " + a.hasOwnProperty("1.5"));
a["01"] = 9; // not canonical: an ordinary property
sys.puts(a["01"] + " " + a.hasOwnProperty("01"));
sys.puts((0 in a) + " " + (2 in a) + " " + (3 in a) + " " + (-1 in a) + " " + ("1.5" in a));
var d = Object.getOwnPropertyDescriptor(a, "1");
sys.puts(d.value + " " + d.writable + " " + d.enumerable + " " + d.configurable);
sys.puts(Object.getOwnPropertyDescriptor(a, "3"));
sys.puts(Object.keys(a).join());
var keys = [];
for (var k in a) { if (a.hasOwnProperty(k)) keys.push(k); }
sys.puts(keys.join());
sys.puts(delete a[5] + " " + delete a[0] + " " + a[0]);
(function () {
  "use strict";
  try { delete a[0]; } catch (e) { sys.puts(e.name); }
  a[10] = 1; // ignored, even in strict code
  sys.puts(a.length);
})();
// defineProperty on an element: only a plain writable, enumerable, configurable value.
Object.defineProperty(a, "2", {value: 42});
sys.puts(a[2]);
try { Object.defineProperty(a, "2", {get: function () { return 1; }}); } catch (e) { sys.puts(e.name); }
try { Object.defineProperty(a, "7", {value: 1}); } catch (e) { sys.puts(e.name); }
// Named properties are ordinary.
a.foo = "bar";
sys.puts(a.foo);
delete Object.prototype[5];
delete Object.prototype["-1"];
delete Object.prototype["1.5"];
