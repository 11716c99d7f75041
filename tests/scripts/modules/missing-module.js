// A module that is not there is an Error naming every file looked for (from the API
// document's "Modules" list of what require() looks for); uncaught, it ends the program with
// status 1 like any exception (the API document's "process.addListener('uncaughtException')":
// without a listener the exception is printed and the process exits).
var sys = require("sys");
require.paths.length = 0;
require.paths.push(__dirname + "/only");
try { require("nonesuch"); } catch (e) { sys.puts((e instanceof Error) + " " + e.message.split(__dirname).join("DIR")); }
try { require("./nope"); } catch (e) { sys.puts(e.message.split(__dirname).join("DIR")); }
require("./nope/deeper");
