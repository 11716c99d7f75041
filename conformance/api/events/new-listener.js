// "All EventEmitters emit the event "newListener" when new listeners are
// added", with (event, listener).
// Expected output from: document, "events.EventEmitter" (the "newListener" event, with event and
// listener).
var sys = require("sys");
var events = require("events");

var emitter = new events.EventEmitter();
function onData(data) {
  sys.puts("data: " + data);
}
emitter.addListener("newListener", function (event, listener) {
  sys.puts("newListener: " + event + ", the listener is onData: " + (listener === onData));
});
emitter.addListener("data", onData);
emitter.emit("data", "hello");
