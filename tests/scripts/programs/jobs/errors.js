// A custom error type of the time: Error.captureStackTrace leaves the constructor's own frame
// out of the stack, and __proto__ makes it an Error.
function JobError(job, message) {
  this.name = "JobError";
  this.message = message;
  this.job = job;
  Error.captureStackTrace(this, JobError);
}
JobError.prototype.__proto__ = Error.prototype;

exports.JobError = JobError;
