// sys.debug is synchronous: its line is on stderr before the uncaught exception that follows
// ends the process with status 1.
// Expected from the API document, "sys" ("debug(string): a synchronous output function. Will
// block the process and output the string immediately to stderr") and "process" (an uncaught
// exception prints a stack trace and exits).
require("sys").debug("said before dying");
throw new Error("dead");
