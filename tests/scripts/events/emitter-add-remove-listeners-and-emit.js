// EventEmitter: addListener returns the emitter and emits "newListener"; listeners(event) is the
// live array (pushing onto it adds a listener, emptying it removes them all); emit calls the
// listeners in order with the arguments and `this` the emitter, and returns true when there
// were listeners, false when none; removeListener removes one.
// Expected from the API document, "events.EventEmitter" ("listeners(event): Returns an array
// of listeners for the specified event. This array can be manipulated, e.g. to remove
// listeners"; "newListener") and ../shared/reference/beyond-the-document.md, "events" (emit's
// return value).
var sys = require("sys"), events = require("events");
var e = new events.EventEmitter();
var log = [];
e.addListener("newListener", function (event, listener) {
  log.push("newListener " + event + " " + typeof listener);
});
function a(x, y) { log.push("a " + x + y + " " + (this === e)); }
function b() { log.push("b " + arguments.length); }
sys.puts(e.addListener("foo", a) === e);
e.addListener("foo", b);
var live = e.listeners("foo");
sys.puts(live.length + " " + (live[0] === a));
live.push(function () { log.push("pushed onto the live array"); });
sys.puts(e.emit("foo", 1, 2));
e.removeListener("foo", a);
sys.puts(e.listeners("foo").length + " " + (e.listeners("foo") === live));
e.emit("foo");
live.length = 0;
e.emit("foo", "nobody hears this");
sys.puts(e.emit("nothing-listens"));
sys.puts(log.join("\n"));
