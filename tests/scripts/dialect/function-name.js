// Every function has a `name`: the declared one, "" for an anonymous function expression
// (V8 of 2010 did not infer names from `var f = function () {}`), the builtins' own.
var sys = require("sys");
function Point(x, y) { this.x = x; this.y = y; }
var anonymous = function () {};
var named = function helper() {};
sys.puts(Point.name);
sys.puts("[" + anonymous.name + "]");
sys.puts(named.name);
sys.puts(new Point(1, 2).constructor.name);
sys.puts(Array.prototype.push.name);
sys.puts(Date.name);
sys.puts(Math.floor.name);
Point.name = "Other";
sys.puts(Point.name);
sys.puts(Object.getOwnPropertyNames(Point).sort().join(","));
