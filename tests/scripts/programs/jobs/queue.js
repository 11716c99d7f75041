// A queue that runs one job per tick of an interval and stops its interval itself with
// clearInterval(this) once it is empty; each job's outcome is an events.Promise.
var events = require("events"),
    JobError = require("./errors").JobError;

const TICK = 5;

function Queue(name) {
  events.EventEmitter.call(this);
  this.name = name;
  this.jobs = [];
  this.finished = 0;
}
Queue.prototype.__proto__ = events.EventEmitter.prototype;

Queue.prototype.__defineGetter__("pending", function () { return this.jobs.length; });
Queue.prototype.__defineGetter__("idle", function () { return this.jobs.length === 0; });

// Queues `work` (a function returning a value or throwing) and returns the promise of its result.
Queue.prototype.push = function (name, work) {
  var promise = new events.Promise();
  this.jobs.push({name: name, work: work, promise: promise});
  return promise;
};

Queue.prototype.start = function () {
  var queue = this;
  queue.emit("start", queue.pending);
  setInterval(function () {
    var job = queue.jobs.shift();
    if (!job) {
      clearInterval(this);
      queue.emit("drain", queue.finished);
      return;
    }
    queue.finished++;
    var result;
    try {
      result = job.work();
    } catch (e) {
      job.promise.emitError(e instanceof JobError ? e : new JobError(job.name, e.message));
      return;
    }
    job.promise.emitSuccess(result);
  }, TICK);
};

exports.Queue = Queue;
