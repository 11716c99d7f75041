// promise.wait() returns the success value: one argument as it is, several as an array, none as
// undefined; on a promise already fired it returns at once without running the loop; the
// promise's callbacks run before wait returns.
// Expected from the API document, "events.Promise", promise.wait() ("If there was a single
// argument to the "success" event then it is returned. If there were multiple arguments to
// "success" then they are returned as an array").
var sys = require("sys"), events = require("events");
function after(ms) {
  var p = new events.Promise();
  var args = Array.prototype.slice.call(arguments, 1);
  setTimeout(function () { p.emitSuccess.apply(p, args); }, ms);
  return p;
}
sys.puts(JSON.stringify(after(1, "one").wait()));
sys.puts(JSON.stringify(after(1, 1, "two", [3]).wait()));
sys.puts(after(1).wait() === undefined);
// Already fired: returns at once, without going round the loop.
var fired = new events.Promise();
fired.emitSuccess("already");
var ticked = false;
process.nextTick(function () { ticked = true; });
sys.puts(fired.wait() + " " + ticked);
// The promise's callbacks run as usual, before wait returns.
var p = after(1, "v");
p.addCallback(function (v) { sys.puts("callback " + v); });
sys.puts("wait " + p.wait());
