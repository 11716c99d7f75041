// References and wrapped pointers (examples/addons/refs.c), run with --trace-gc by
// tests/tests/addons.rs: 2000 wrapped objects are dropped, 10 of them kept by node_refs;
// the collector takes the rest and their finalizers run; once the references are released
// the last 10 go too.
var sys = require("sys");
var refs = require("./refs");

var kept = [];
var thing;
for (var i = 0; i < 2000; i++) {
  thing = new refs.Thing(i);
  if (i % 200 === 0) kept.push(refs.keep(thing));
}
thing = null;
sys.puts("live: " + refs.live() + ", finalized: " + refs.finalized());

// Garbage, so that the collector runs.
function churn() {
  var list = [];
  for (var i = 0; i < 100000; i++) list.push({i: i});
  return list.length;
}

// Calls `then` once `n` finalizers have run (the loop runs them after each event).
function whenFinalized(n, then) {
  churn();
  if (refs.finalized() >= n) return then();
  setTimeout(function () { whenFinalized(n, then); }, 1);
}

whenFinalized(1990, function () {
  sys.puts("live: " + refs.live() + ", finalized: " + refs.finalized());
  sys.puts("kept: " + kept.map(function (ref) { return refs.value(refs.get(ref)); }).join(" "));
  kept.forEach(function (ref) { refs.release(ref); });
  try {
    refs.get(kept[0]);
  } catch (e) {
    sys.puts("released: " + e.name + ": " + e.message);
  }
  refs.verbose(true);
  whenFinalized(2000, function () {
    sys.puts("live: " + refs.live() + ", finalized: " + refs.finalized());
  });
});
