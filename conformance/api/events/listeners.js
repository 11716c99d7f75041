// removeListener, and listeners(): "This array can be manipulated, e.g. to
// remove listeners."
// Expected output from: document, "events.EventEmitter" (removeListener; listeners(): "This
// array can be manipulated").
var sys = require("sys");
var events = require("events");

var emitter = new events.EventEmitter();
function a() { sys.puts("a"); }
function b() { sys.puts("b"); }
function c() { sys.puts("c"); }

emitter.addListener("x", a);
emitter.addListener("x", b);
emitter.addListener("x", c);
sys.puts("listeners: " + emitter.listeners("x").length);
emitter.emit("x");

emitter.removeListener("x", b);
sys.puts("after removeListener: " + emitter.listeners("x").length);
emitter.emit("x");

emitter.listeners("x").splice(0, 1);
sys.puts("after splicing the array: " + emitter.listeners("x").length);
emitter.emit("x");
