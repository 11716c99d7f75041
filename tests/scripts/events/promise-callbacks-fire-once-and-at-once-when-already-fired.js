// A Promise is an EventEmitter; addCallback and addErrback return the promise; emitSuccess
// calls the callbacks with its arguments, once: a later emitSuccess or emitError is ignored; a
// callback added after it fired is called at once; an errback on a success never is.
// Expected from the API document, "events.Promise" (addCallback: "The listener is executed
// right away if the promise has already fired"; "A promise can only be fired once").
var sys = require("sys"), events = require("events");
var p = new events.Promise();
sys.puts((p instanceof process.EventEmitter) + " " + (p.addCallback(function (v, w) {
  sys.puts("callback " + v + w);
}) === p));
p.emitSuccess(1, 2);
sys.puts("after emitSuccess");
p.addCallback(function (v, w) { sys.puts("added late, called at once " + v + w); });
p.addErrback(function () { sys.puts("errback on a success: never"); });
p.emitSuccess(3);
p.emitError("ignored");

var q = new events.Promise();
sys.puts(q.addErrback(function (e) { sys.puts("errback " + e); }) === q);
q.emitError("wrong answer");
q.addErrback(function (e) { sys.puts("late errback " + e); });
q.addCallback(function () { sys.puts("callback on an error: never"); });
