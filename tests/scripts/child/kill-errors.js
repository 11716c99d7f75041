// kill errors.
// Expected: SOURCE
var sys = require("sys");
var child = process.createChildProcess("true");
try { child.kill("SIGBOGUS"); } catch (e) { sys.puts(e.message); }
child.addListener("exit", function (code) {
  try { child.kill(); } catch (e) { sys.puts("after exit: " + e.message); }
});
