// Objects used as tables while the collector runs: 200,000 names added to one object, each
// with a value (an object, a string or a number) that nothing else holds, across many
// collection cycles, then every value read back; a second table keyed by the same names.
// (The engine adds a name to a big table without having the collector trace the table again,
// marking the new name and value instead: a value it failed to mark would be freed and read
// back wrong.) Then what an assignment must still respect on the way: setters and read-only
// properties of the prototype, non-extensible objects, and a for-in that meets deletions and
// re-added names. Expected output checked against node 20.
// (`sys.puts` is v0.1.27's; node 20, which checked the output, has `console.log`.)
var sys = require("sys");
if (!sys.puts) sys = { puts: function (s) { console.log(s); } };

var N = 200000;
var table = {}, other = {};
for (var i = 0; i < N; i++) {
  var name = "n" + i;
  if (i % 3 === 0) table[name] = { i: i, tag: "o" + i };
  else if (i % 3 === 1) table[name] = "s" + i;
  else table[name] = i;
  other[name] = [i];
  // Garbage, so that cycles run while the tables grow.
  var junk = { a: [i, i + 1], b: "j" + i };
}
var bad = 0, count = 0;
for (i = 0; i < N; i++) {
  var v = table["n" + i];
  var ok = i % 3 === 0 ? v.i === i && v.tag === "o" + i
    : i % 3 === 1 ? v === "s" + i
    : v === i;
  if (!ok || other["n" + i][0] !== i) bad++;
}
for (var k in table) count++;
sys.puts("values: " + N + ", wrong: " + bad + ", names: " + count);

// Assignment through the prototype: a setter runs, a read-only property stays (silently in
// sloppy code, a TypeError in strict code), a writable one is shadowed.
var proto = {};
Object.defineProperty(proto, "fixed", { value: "proto", writable: false });
var set = [];
Object.defineProperty(proto, "setter", {
  set: function (v) { set.push(v); },
  get: function () { return "got"; }
});
proto.plain = "proto";
var child = Object.create(proto);
for (i = 0; i < 100; i++) child["c" + i] = i;
child.fixed = "child";
child.setter = "to the setter";
child.plain = "child";
sys.puts([child.fixed, child.hasOwnProperty("fixed"), child.setter, set.join(),
  child.hasOwnProperty("setter"), child.plain, proto.plain].join(" "));
var strictError = (function () {
  "use strict";
  try { child.fixed = 1; return "no error"; } catch (e) { return e.name; }
})();
sys.puts("strict read-only: " + strictError);
var closed = {};
for (i = 0; i < 100; i++) closed["c" + i] = i;
Object.preventExtensions(closed);
closed.added = 1;
closed.c5 = "changed";
sys.puts("non-extensible: " + ("added" in closed) + " " + closed.c5);

// for-in over a table: names deleted before their turn are skipped, a name deleted and added
// again is not visited twice, the prototype's enumerable names come after the own ones.
var walked = Object.create({ inherited: 1 });
for (i = 0; i < 100; i++) walked["w" + i] = i;
var seen = [];
for (k in walked) {
  seen.push(k);
  if (k === "w10") {
    delete walked.w11;
    delete walked.w12;
    walked.w12 = "again";
    walked.w500 = "new";
  }
}
sys.puts("visited " + seen.length + ": " + seen.slice(9, 13).join() + " ... " +
  seen.slice(-2).join());
