// When an interval's callback overruns several periods, the periods missed are skipped, not
// fired back to back: at most one call comes right after the slow one, then the period
// resumes. Only lower bounds on the times are checked, so a loaded machine cannot fail it.
// Expected from the API document, "Timers" (setInterval: "every delay milliseconds") and node
// v0.1.27's libev timers, which re-arm once per expiry whatever was missed.
var sys = require("sys");
var start = Date.now(), calls = 0, times = [];
var id = setInterval(function () {
  calls++;
  times.push(Date.now() - start);
  // The first call blocks for 5 periods.
  if (calls === 1) { var busy = Date.now(); while (Date.now() - busy < 50) {} }
  if (calls === 4) {
    clearInterval(id);
    // Calls 3 and 4 are at least half a period apart, never back to back...
    sys.puts("no burst: " + (times[3] - times[2] >= 5 ? "true" : times.join(" ")));
    // ...and call 3 is not one of the missed periods fired late.
    sys.puts("missed periods skipped: " + (times[2] >= 60 ? "true" : times.join(" ")));
  }
}, 10);
