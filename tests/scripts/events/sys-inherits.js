// sys.inherits(ctor, superCtor) makes ctor's instances inherit superCtor's prototype and sets
// ctor.super_: here an EventEmitter subclass, as the document's own example.
// Expected from ../shared/reference/beyond-the-document.md, "sys" (sys.inherits) and "process"
// (process.inherits sets ctor.super_).
var sys = require("sys"), events = require("events");
function Server() { events.EventEmitter.call(this); }
sys.inherits(Server, events.EventEmitter);
Server.prototype.start = function () { this.emit("started", 8000); };
var s = new Server();
s.addListener("started", function (port) { sys.puts("started on " + port); });
s.start();
sys.puts((s instanceof events.EventEmitter) + " " + (Server.super_ === events.EventEmitter));
