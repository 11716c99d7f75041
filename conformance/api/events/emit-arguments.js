// "Execute each of the listeners in order with the supplied arguments."
// Expected output from: document, "events.EventEmitter" (emit: "each of the listeners in order
// with the supplied arguments").
var sys = require("sys");
var events = require("events");

var emitter = new events.EventEmitter();
emitter.addListener("sum", function (a, b, c) {
  sys.puts("first listener: " + (a + b + c));
});
emitter.addListener("sum", function (a, b, c) {
  sys.puts("second listener: " + [a, b, c].join(" "));
});
emitter.emit("sum", 1, 2, 3);
