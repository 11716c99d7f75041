// An assignment that adds a name to an object first asks its prototypes (ES5.1 8.12.5): a
// setter of that name found there runs instead, and a read-only one refuses (silently, or
// with a TypeError in strict code). The engine skips that search for names no prototype ever
// had as an accessor or read-only property: this checks that it still finds them when they
// come after the objects, on prototypes with a shape and in dictionary mode (many names),
// when they are redefined, and `__proto__`'s own accessor on Object.prototype.
// Expected output checked against node 20.
// (`sys.puts` is v0.1.27's; node 20, which checked the output, has `console.log`.)
var sys = require("sys");
if (!sys.puts) sys = { puts: function (s) { console.log(s); } };

function fill(object, prefix, n) {
  for (var i = 0; i < n; i++) object[prefix + i] = i;
  return object;
}
function own(object, name) {
  return Object.prototype.hasOwnProperty.call(object, name);
}

// A table (dictionary mode) whose prototype is Object.prototype, which gets a setter later.
var table = fill({}, "key", 200);
table.before = 1;
var trapped = [];
Object.defineProperty(Object.prototype, "trap", {
  set: function (v) { trapped.push(v); },
  configurable: true
});
table.trap = "a";
fill({}, "k", 3).trap = "b";
sys.puts("setter on Object.prototype: " + trapped.join(",") + ", own " + own(table, "trap"));
delete Object.prototype.trap;
table.trap = "c";
sys.puts("after delete: own " + own(table, "trap") + " = " + table.trap);

// `__proto__` assigned on a table sets its prototype (Object.prototype's accessor).
var other = { inherited: "yes" };
table.__proto__ = other;
sys.puts("__proto__: " + (Object.getPrototypeOf(table) === other) + ", " + table.inherited +
         ", own " + own(table, "__proto__"));

// A prototype in dictionary mode with a read-only property added after its heirs exist.
var base = fill({}, "base", 100);
var heir = Object.create(base);
fill(heir, "h", 100);
Object.defineProperty(base, "fixed", { value: "base's", writable: false, configurable: true });
heir.fixed = "heir's";
sys.puts("read-only on a dictionary prototype: " + heir.fixed + ", own " + own(heir, "fixed"));
try {
  (function () { "use strict"; heir.fixed = "strict"; })();
  sys.puts("strict: no error");
} catch (e) {
  sys.puts("strict: " + e.constructor.name);
}
// Made writable again: the assignment adds the heir's own property.
Object.defineProperty(base, "fixed", { writable: true });
heir.fixed = "heir's";
sys.puts("writable again: " + heir.fixed + ", own " + own(heir, "fixed") + ", base " + base.fixed);

// Two accessors on one prototype, then one of them redefined as data.
var log = [];
Object.defineProperty(base, "one", { set: function (v) { log.push("one " + v); }, configurable: true });
Object.defineProperty(base, "two", { get: function () { return "got"; }, configurable: true });
heir.one = 1;
heir.two = 2;
heir.three = 3;
sys.puts("two accessors: " + log.join(",") + "; two " + heir.two + " own " + own(heir, "two") +
         "; three own " + own(heir, "three"));
Object.defineProperty(base, "one", { value: "data", writable: true });
heir.one = 11;
sys.puts("setter redefined as data: own " + own(heir, "one") + " = " + heir.one);

// A small prototype (with a shape) two levels up, read-only from the start or made so later.
var top = {};
Object.defineProperty(top, "locked", { value: 1, writable: false });
var middle = Object.create(top);
middle.m = 1;
var bottom = fill(Object.create(middle), "b", 80);
bottom.locked = 2;
bottom.free = 3;
sys.puts("read-only two levels up: " + bottom.locked + ", own " + own(bottom, "locked") +
         "; free own " + own(bottom, "free"));
var small = { a: 1 };
var child = fill(Object.create(small), "c", 80);
Object.freeze(small);
child.a = 2;
child.z = 26;
sys.puts("frozen prototype: " + child.a + ", own " + own(child, "a") + "; z own " + own(child, "z"));

// A setter defined with __defineSetter__ on a prototype of many names.
var legacy = fill({}, "l", 100);
var seen = [];
legacy.__defineSetter__("watched", function (v) { seen.push(v); });
var user = fill(Object.create(legacy), "u", 100);
user.watched = "w";
user.unwatched = "u";
sys.puts("__defineSetter__: " + seen.join(",") + ", own " + own(user, "watched") +
         ", unwatched own " + own(user, "unwatched"));
