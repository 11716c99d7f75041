// When an interval's callback overruns several periods, the periods missed are skipped, not
// fired back to back: at most one call comes right after the slow one, then the period
// resumes. Expected from the API document, "Timers" (setInterval: "every delay milliseconds")
// and node v0.1.27's libev timers, which re-arm once per expiry whatever was missed.
//
// The period is 50 ms and the first call (at 50 ms) blocks until 275 ms, in the middle of a
// period. Call 2 may come right after it; calls 3 and 4 then come at their own deadlines, at
// or after 300 and 350 ms; a burst would fire them at once, at about 275 ms. Only lower
// bounds are checked: a loaded machine makes calls later, never earlier, so it cannot fail
// this.
var sys = require("sys");
var start = Date.now(), calls = 0, times = [];
var id = setInterval(function () {
  calls++;
  times.push(Date.now() - start);
  if (calls === 1) { while (Date.now() - start < 275) {} }
  if (calls === 4) {
    clearInterval(id);
    sys.puts("call 3 not in a burst: " + (times[2] >= 295 ? "true" : times.join(" ")));
    sys.puts("call 4 not in a burst: " + (times[3] >= 345 ? "true" : times.join(" ")));
  }
}, 50);
