// process.watchFile with { persistent: false } does not keep the process alive: with nothing
// else to do, it exits (were it kept alive, the run would hit its time limit).
// Expected: the API document, "process", gives process.watchFile's options "a boolean,
// persistent" (default true) without saying more; that a non-persistent watcher does not keep
// the process alive is what the name means and what node v0.1.27's code did (an unref'd
// stat watcher).
process.watchFile(__filename, { persistent: false }, function () {});
require("sys").puts("exits");
