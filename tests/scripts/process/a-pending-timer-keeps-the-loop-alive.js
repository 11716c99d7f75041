// A pending timer keeps the process alive until it fires; a cleared one does not (it is set
// for 100 s: were it kept, the exit check below would fail, or the run would hit its limit).
// Expected from the API document, "Timers" (clearTimeout "prevents said timeout from
// triggering"). That the process lives while a timer is pending and exits when nothing is
// is node's event loop (libev's ev_loop returns when no watcher is active); neither document
// spells it out.
var sys = require("sys");
var start = Date.now();
var cleared = setTimeout(function () { sys.puts("cleared one fired"); }, 100000);
setTimeout(function () { sys.puts("fired after at least 30 ms: " + (Date.now() - start >= 30)); }, 30);
clearTimeout(cleared);
process.addListener("exit", function () {
  sys.puts("not kept alive by the cleared timer: " + (Date.now() - start < 50000));
});
