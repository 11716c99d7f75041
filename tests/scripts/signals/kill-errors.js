// process.kill with an unknown signal name throws "Unknown signal: NAME"; to no such process,
// an error with code ESRCH; listening for SIGKILL or SIGSEGV throws (no handler can take them).
// Expected from the API document, "process" (process.kill(pid, signal)), kill(2) (ESRCH) and
// sigaction(2) (SIGKILL cannot be caught). The listener refusals are this implementation's
// choice, as are the messages, which say what went wrong.
var sys = require("sys");
try { process.kill(process.pid, "SIGWHATEVER"); } catch (e) { sys.puts(e.message); }
// No such process: a pid above Linux's limit (2^22).
try { process.kill(4194305, "SIGTERM"); } catch (e) { sys.puts(e.code); }
try { process.addListener("SIGKILL", function () {}); } catch (e) { sys.puts(e.message); }
try { process.addListener("SIGSEGV", function () {}); } catch (e) { sys.puts(e.message); }
