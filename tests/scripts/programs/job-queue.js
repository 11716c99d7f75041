// A job runner in the style of early-2010 node code: a module that inherits from EventEmitter
// via __proto__, const, getters from __defineGetter__, a custom error type made with
// Error.captureStackTrace, an interval that clears itself with clearInterval(this), promises
// with callbacks, errbacks and wait(), and sys.inspect output.
// Expected output from: the API document (events.Promise, addCallback/addErrback, wait,
// timers), the facts file (a timer callback's `this` is its timer; sys.inspect's layout), V8's
// stack-trace API (Error.captureStackTrace leaves out the frames from the given function up,
// the stack starts "Name: message") and ES5 for the rest.
var sys = require("sys"),
    Queue = require("./jobs/queue").Queue,
    JobError = require("./jobs/errors").JobError;

var queue = new Queue("nightly");
queue.addListener("start", function (pending) {
  sys.puts("start: " + pending + " jobs, idle " + queue.idle);
});
queue.addListener("drain", function (finished) {
  sys.puts("drain: " + finished + " finished, idle " + queue.idle);
});

queue.push("sum", function () {
  return [1, 2, 3, 4].reduce(function (a, b) { return a + b; }, 0);
}).addCallback(function (value) {
  sys.puts("sum -> " + value);
});

queue.push("fail", function () {
  throw new JobError("fail", "disk on fire");
}).addErrback(function (error) {
  var lines = error.stack.split("\n");
  sys.puts("fail -> " + lines[0]);
  sys.puts("  an Error: " + (error instanceof Error) + ", a JobError: " + (error instanceof JobError));
  sys.puts("  job: " + error.job + ", toString: " + error);
  sys.puts("  next frame is a caller: " + /^    at /.test(lines[1]) +
           ", constructor left out: " + (error.stack.indexOf("at new JobError") === -1));
});

queue.push("type", function () {
  return null.property;
}).addErrback(function (error) {
  sys.puts("type -> " + error.name + " from job " + error.job + ", with a message: " + (error.message.length > 0));
});

queue.push("report", function () {
  return {queue: queue.name, left: queue.pending};
}).addCallback(function (report) {
  sys.puts("report -> " + sys.inspect(report));
});

var last = queue.push("last", function () { return "done"; });
queue.start();
sys.puts("pending after start: " + queue.pending);
sys.puts("waited for: " + last.wait());
