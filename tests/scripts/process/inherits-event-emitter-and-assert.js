// process.inherits sets up the prototype chain and super_; process.EventEmitter is
// events.EventEmitter and process is one; process.assert throws Error("assertion error") or
// Error(message) on a falsy value.
// Expected from ../shared/reference/beyond-the-document.md, "process" (process.assert,
// process.inherits) and the API document, "process" ("process is an EventEmitter") and
// "events".
var sys = require("sys");
function Base() { this.made = true; }
Base.prototype.hello = function () { return "hello from " + this.name; };
function Derived(name) { Base.call(this); this.name = name; }
process.inherits(Derived, Base);
var d = new Derived("d");
sys.puts(d.hello() + " " + (d instanceof Base) + " " + (Derived.super_ === Base) + " " +
         (d.constructor === Derived) + " " + d.made);

function Emitter() { process.EventEmitter.call(this); }
process.inherits(Emitter, process.EventEmitter);
var e = new Emitter();
e.addListener("ping", function (x) { sys.puts("ping " + x); });
e.emit("ping", 1);
sys.puts(process.EventEmitter === require("events").EventEmitter);
process.addListener("custom", function (a, b) { sys.puts("process emits " + a + b); });
process.emit("custom", "x", "y");

process.assert(true);
process.assert(1, "not thrown");
try { process.assert(false); } catch (e) { sys.puts(e.message); }
try { process.assert(0, "my message"); } catch (e) { sys.puts(e.message + " " + (e instanceof Error)); }
