// setTimeout with something other than a function (v0.1.27 takes no code strings) throws a
// TypeError. Expected from the API document, "Timers" ("setTimeout(callback, delay, [arg,
// ...])": the callback is a function) and ECMAScript's TypeError for a value that cannot be
// called.
var sys = require("sys");
try { setTimeout("code string", 1); } catch (e) { sys.puts(e instanceof TypeError); }
