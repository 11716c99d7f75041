// A module that is not there is an Error "Cannot find module 'NAME'", v0.1.27's message word
// for word, whose `lookedFor` lists every file looked for (from the API document's "Modules"
// list of what require() looks for); uncaught, it ends the program with
// status 1 like any exception (the API document's "process.addListener('uncaughtException')":
// without a listener the exception is printed and the process exits).
var sys = require("sys");
require.paths.length = 0;
require.paths.push(__dirname + "/only");
function show(e) {
  sys.puts((e instanceof Error) + " " + e.message + " " + Object.keys(e).length + " " +
           e.lookedFor.join(", ").split(__dirname).join("DIR"));
}
try { require("nonesuch"); } catch (e) { show(e); }
try { require("./nope"); } catch (e) { show(e); }
require("./nope/deeper");
