// __proto__ as node's library of 2010 used it: inheritance by assigning a prototype's
// prototype, literals with a prototype, and the getter/setter methods of V8.
var sys = require("sys"), events = require("events");

function Stream() { events.EventEmitter.call(this); }
Stream.prototype.__proto__ = events.EventEmitter.prototype;
var stream = new Stream();
stream.addListener("data", function (chunk) { sys.puts("data: " + chunk); });
stream.emit("data", "hello");
sys.puts(stream instanceof events.EventEmitter);

var base = {greet: function () { return "hi from " + this.name; }};
var o = {__proto__: base, name: "o"};
sys.puts(o.greet());
sys.puts(o.__proto__ === base);
sys.puts(Object.keys(o).join(","));

var bare = {__proto__: null};
sys.puts(typeof bare.toString);

try {
  base.__proto__ = o;
} catch (e) {
  sys.puts(e.name);
}

var point = {};
point.__defineGetter__("x", function () { return 3; });
point.__defineSetter__("x", function (v) { sys.puts("set x " + v); });
point.x = 4;
sys.puts(point.x);
sys.puts(typeof point.__lookupGetter__("x"));
sys.puts(point.__lookupGetter__("y"));
