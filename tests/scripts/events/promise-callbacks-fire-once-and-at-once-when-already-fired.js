// promise callbacks fire once and at once when already fired.
// Expected: SOURCE
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
