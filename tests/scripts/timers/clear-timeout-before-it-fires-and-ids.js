// clearTimeout stops a timer from firing; clearing twice, clearing an unknown id or undefined
// is harmless; a timer may clear another due at the same moment, or itself.
// Expected from the API document, "Timers" ("clearTimeout(timeoutId): Prevents said timeout
// from triggering") and ../shared/reference/beyond-the-document.md, "timers" (clearTimeout
// ignores anything that is not a timer; setTimeout returns a process.Timer, an object).
var sys = require("sys");
var first = setTimeout(function () { sys.puts("cleared: never"); }, 5);
var second = setTimeout(function () { sys.puts("second fires"); }, 5);
sys.puts(typeof first + " " + (first !== second));
clearTimeout(first);
clearTimeout(first);
clearTimeout(123456);
clearTimeout(undefined);
// A timer may clear another that is due at the same moment.
var victim;
setTimeout(function () { clearTimeout(victim); sys.puts("killer"); }, 10);
victim = setTimeout(function () { sys.puts("victim: never"); }, 10);
// ...and clearing itself from its own callback is harmless.
var self = setTimeout(function () { clearTimeout(self); sys.puts("self"); }, 15);
