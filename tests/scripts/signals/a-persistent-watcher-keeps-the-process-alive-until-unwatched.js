// A persistent watcher (the default) keeps the process alive until process.unwatchFile; then
// the process exits (were it kept alive, the run would hit its time limit).
// Expected from the API document, "process" (process.watchFile: "The default is {persistent:
// true, ...}"; process.unwatchFile: "Stop watching for changes on filename").
var sys = require("sys");
var start = new Date();
process.watchFile(__filename, function () {});
setTimeout(function () {
  process.unwatchFile(__filename);
  sys.puts("unwatched");
}, 300);
process.addListener("exit", function () {
  // Not before the unwatch, and not long after it (3 s leaves a loaded machine plenty).
  var lived = new Date() - start;
  sys.puts("alive until unwatched: " + (lived >= 290) + ", and no longer: " + (lived < 3000));
});
