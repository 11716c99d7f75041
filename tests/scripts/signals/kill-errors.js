// kill errors.
// No such process: a pid above Linux's limit (2^22).
// Expected: SOURCE
var sys = require("sys");
try { process.kill(process.pid, "SIGWHATEVER"); } catch (e) { sys.puts(e.message); }
// No such process: a pid above Linux's limit (2^22).
try { process.kill(4194305, "SIGTERM"); } catch (e) { sys.puts(e.code); }
try { process.addListener("SIGKILL", function () {}); } catch (e) { sys.puts(e.message); }
try { process.addListener("SIGSEGV", function () {}); } catch (e) { sys.puts(e.message); }
