// When nothing is left to do the process exits with code 0, emitting "exit" to every listener
// in order. Expected from the API document, "process" ("exit": "Made when the process is about
// to exit") and "events" (emit runs the listeners in order).
var sys = require("sys");
process.addListener("exit", function (code) { sys.puts("exit " + code); });
process.addListener("exit", function (code) { sys.puts("second listener " + code); });
sys.puts("main");
