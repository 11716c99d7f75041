// A listener's exception goes to "uncaughtException"; the listeners after it are skipped,
// emit returns false, and the caller of emit goes on.
// Expected output from: the facts file, "### events".
var sys = require("sys");
var events = require("events");

process.addListener("uncaughtException", function (e) {
  sys.puts("uncaught: " + e.message);
});

var emitter = new events.EventEmitter();
emitter.addListener("x", function () { sys.puts("first"); throw new Error("boom"); });
emitter.addListener("x", function () { sys.puts("second: never"); });
var result;
try {
  result = emitter.emit("x");
  sys.puts("emit returned " + result);
} catch (e) {
  sys.puts("the caller saw it: never");
}
emitter.addListener("y", function () {});
sys.puts("all ran: " + emitter.emit("y"));
sys.puts("none: " + emitter.emit("z"));
