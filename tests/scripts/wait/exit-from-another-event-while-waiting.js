// process.exit() called from a timer while the main script waits ends the process there:
// the "exit" listeners run with the code, the wait never returns.
// Expected from the API document, "process" (process.exit(code) "ends the process with the
// specified code"; the "exit" event "is emitted when the process is about to exit") and
// promise.wait() (events set up before it "may still be emitted and executed while
// promise.wait() is blocking").
var sys = require("sys"), events = require("events");
process.addListener("exit", function (code) { sys.puts("exit " + code); });
setTimeout(function () { sys.puts("exiting"); process.exit(4); }, 1);
new events.Promise().timeout(10000).wait();
sys.puts("never");
