// An interval is re-armed from its deadline, not from the end of its callback, so slow
// callbacks do not make it drift; and it never fires early.
// Expected from the API document, "Timers" ("setInterval(callback, delay): to be called
// repeatedly every delay milliseconds") and node v0.1.27's libev periodic timers.
//
// Each call busies itself for 150 ms of a 200 ms period. Re-armed from its deadline, the 8th
// call comes about 1600 ms after the start; re-armed from the end of each callback, the period
// would stretch to 350 ms and the 8th call would come after 2800 ms. The bound in between,
// 2600 ms, leaves a second of slack for a loaded machine.
var sys = require("sys");
var period = 200, busyFor = 150;
var start = Date.now(), calls = 0, times = [];
var id = setInterval(function () {
  calls++;
  times.push(Date.now() - start);
  var busy = Date.now();
  while (Date.now() - busy < busyFor) {}
  if (calls === 8) {
    clearInterval(id);
    var early = times.filter(function (t, i) { return t < period * (i + 1) - 1; });
    sys.puts("never early: " + (early.length === 0 ? "true" : times.join(" ")));
    sys.puts("no drift: " + (times[7] < 2600 ? "true" : times.join(" ")));
  }
}, period);
