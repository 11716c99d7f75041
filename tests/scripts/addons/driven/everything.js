// Every value, conversion and property function of include/node_addon.h, through the test
// addon tests/scripts/addons/fixtures/everything.c (built by tests/tests/addons.rs).
var sys = require("sys");
var a = require("./everything");

sys.puts("abi " + a.abiVersion);
[undefined, null, true, 0, 42.5, "", "7", [1, 2], {valueOf: function () { return 3; }},
 function f() {}, {valueOf: function () { throw new RangeError("no"); },
                   toString: function () { throw new SyntaxError("no"); }}
].forEach(function (v) {
  sys.puts(JSON.stringify(a.inspect(v)));
});

sys.puts(JSON.stringify(a.bytes("café ÿ\u20ac")));
sys.puts(JSON.stringify(a.fromBytes()));

var o = {a: 1, c: 3, list: [10, 20]};
o.__defineGetter__("getter", function () { return "got " + this.a; });
o.__defineSetter__("readOnly", function () { throw new Error("read-only"); });
var seen = a.props(o);
sys.puts(JSON.stringify(seen));
sys.puts(JSON.stringify([o.b, "c" in o, o["by key"], o.list]));

function C(x, y) { this.sum = x + y; }
sys.puts(JSON.stringify(a.relations(new C(1, 2), C, 5)));
var made = a.make(C, 40, 2);
sys.puts((made instanceof C) + " " + made.sum);
sys.puts(a.callWith(function (n) { return this.name + n; }, {name: "this is "}, 1));
sys.puts(a.global() === (function () { return this; })());

var p = new a.Point(1, 2);
sys.puts((p instanceof a.Point) + " " + p.x + "," + p.y + " " + a.Point(1, 2));
a.Point.prototype.norm = function () { return this.x * this.x + this.y * this.y; };
sys.puts(new a.Point(3, 4).norm());
sys.puts([a.counter(), a.counter(), a.counter()].join(" "));
sys.puts(a.counter.name + " " + typeof a.counter.prototype);
