// An unhandled emitError whose argument is an Error throws that Error itself, and an
// "uncaughtException" listener gets it.
// Expected from the API document, "events.Promise" (the exception thrown on the next tick) and
// "process" ("uncaughtException": the default action does not occur when a listener is added).
var sys = require("sys"), events = require("events");
process.addListener("uncaughtException", function (e) { sys.puts("uncaught: " + e.message); });
new events.Promise().emitError(new Error("the real error"));
