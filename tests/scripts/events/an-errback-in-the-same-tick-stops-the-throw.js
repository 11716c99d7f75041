// emitError on a promise with no errback throws on the next tick, unless an errback is added
// before then: here it is added in the same tick, so the error is handled.
// Expected from the API document, "events.Promise", promise.emitError ("If no error handler
// is attached to the promise between promise.emitError() and process.nextTick(), an exception
// is thrown. ... You can stop an exception to be thrown here by attaching an errback handler
// right away") and its computeQuestion example.
var sys = require("sys"), events = require("events");
function computeQuestion(answer) {
  var promise = new events.Promise();
  if (answer !== 42) promise.emitError("wrong answer");
  return promise;
}
computeQuestion(23).addErrback(function (e) { sys.puts("handled: " + e); });
