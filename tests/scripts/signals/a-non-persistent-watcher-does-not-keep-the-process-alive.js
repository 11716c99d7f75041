// process.watchFile with { persistent: false } does not keep the process alive: with nothing
// else to do, it exits (were it kept alive, the run would hit its time limit).
// Expected: the API document, "process", gives process.watchFile's options "a boolean,
// persistent" (default true) without saying more; that a non-persistent watcher does not keep
// the process alive is what the name means and what node v0.1.27's code did (an unref'd
// stat watcher).
var sys = require("sys"), start = Date.now();
process.watchFile(__filename, { persistent: false }, function () {});
sys.puts("exits");
// It ends at once; 2 s leaves a loaded machine plenty.
process.addListener("exit", function () { sys.puts("at once: " + (Date.now() - start < 2000)); });
