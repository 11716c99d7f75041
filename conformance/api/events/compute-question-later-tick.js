// The document's computeQuestion example: an errback attached in a later
// tick is too late. The promise throws in the next tick; nothing handles the
// exception, so node prints it and exits with status 1 before the timer.
// Expected output from: document, "events.Promise" (emitError: "an exception is thrown"; the
// computeQuestion example); status 1 and the printed exception: document, "The process Object"
// ("uncaughtException": print a stack trace and exit).
var sys = require("sys");
var events = require('events');
function computeQuestion(answer) {
  var promise = new events.Promise();
  if (answer !== 42) {
    promise.emitError('wrong answer');
    return promise;
  }
  // compute the question for 42

  return promise;
}

var promise = computeQuestion(23);
setTimeout(function() {
  promise.addErrback(function() {
    // This will never execute, the promise already threw an exception
    sys.puts("never printed");
  });
}, 1000);
