// Uncaught, the error of a wait that can never return ends the program like any other
// exception: printed, status 1 (the API document, "process": an uncaught exception prints a
// stack trace and exits). The error itself is this implementation's choice; see
// a-wait-that-can-never-return-throws.js.
new (require("events").Promise)().wait();
require("sys").puts("never");
