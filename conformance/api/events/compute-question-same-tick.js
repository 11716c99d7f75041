// The document's computeQuestion example: an errback attached right away (in
// the same event loop tick) stops the exception. The errback prints a line
// here, and a timer shows that the program goes on.
// Expected output from: document, "events.Promise" (the computeQuestion example, "attaching an
// errback handler right away").
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

computeQuestion(23).addErrback(function() {
  // No exception will be thrown
  sys.puts("errback: " + arguments[0]);
});

setTimeout(function () {
  sys.puts("still running");
}, 10);
