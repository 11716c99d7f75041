// Nested waits return last begun first, with timers, nextTick and stdin interleaved: main
// waits for A; a timer then waits for B (fired by stdin "b"); a timer set up by that one waits
// for C (fired by stdin "c"). A fires in a tick before B and C do, and B before C, yet the
// waits return C, B, A. An interval keeps ticking all along.
// Expected from the API document, "events.Promise", promise.wait() ("If any other promises are
// created and made to wait while the first promise waits, the first promise's wait will not
// return until all others return").
// Run by tests/tests/runtime_wait.rs, which feeds stdin "xb", then "c" (by hand: type them).
var sys = require("sys"), events = require("events");
var log = [];
var seen = "", waiting = {};
process.stdio.open();
process.stdio.addListener("data", function (data) {
  for (var i = 0; i < data.length; i++) {
    var ch = data.charAt(i);
    seen += ch;
    if (waiting[ch]) waiting[ch].emitSuccess("input " + ch);
  }
});
// A promise of the character `ch` on stdin.
function input(ch) {
  var p = new events.Promise();
  if (seen.indexOf(ch) >= 0) p.emitSuccess("input " + ch); else waiting[ch] = p;
  return p;
}
var ticks = 0;
var interval = setInterval(function () { ticks++; }, 2);

var A = new events.Promise(), B, C;
setTimeout(function t1() {
  log.push("t1 waits for B");
  B = input("b");
  setTimeout(function t2() {
    log.push("t2 waits for C");
    process.nextTick(function () { A.emitSuccess("a", 1); });
    C = input("c");
    var c = C.wait();
    log.push("C returned " + c + "; A fired: " + !!A.hasFired + ", B fired: " + !!B.hasFired +
             ", interval ran: " + (ticks > 0));
  }, 1);
  var b = B.wait();
  log.push("B returned " + b);
}, 1);

log.push("main waits for A");
var a = A.wait();
log.push("A returned " + JSON.stringify(a));
clearInterval(interval);
process.stdio.close();
sys.puts(log.join("\n"));
