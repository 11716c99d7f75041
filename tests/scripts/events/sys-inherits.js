// sys inherits.
// Expected: SOURCE
var sys = require("sys"), events = require("events");
function Server() { events.EventEmitter.call(this); }
sys.inherits(Server, events.EventEmitter);
Server.prototype.start = function () { this.emit("started", 8000); };
var s = new Server();
s.addListener("started", function (port) { sys.puts("started on " + port); });
s.start();
sys.puts((s instanceof events.EventEmitter) + " " + (Server.super_ === events.EventEmitter));
