// Twelve waits, each begun while the one before waits, return last begun first, and so many
// at once print node v0.1.27's warning on stderr.
// Expected from the API document, promise.wait() ("the first promise's wait will not return
// until all others return"; "the promise stack grows"); the warning, printed when more than
// ten waits are suspended at once, is v0.1.27's (see stdlib/README.md, "events").
var sys = require("sys"), events = require("events");
var order = [];
function level(n) {
  var p = new events.Promise();
  setTimeout(function () { p.emitSuccess(n); }, 1);
  if (n < 12) setTimeout(function () { level(n + 1); }, 0);
  order.push(p.wait());
}
level(1);
sys.puts(order.join(","));
