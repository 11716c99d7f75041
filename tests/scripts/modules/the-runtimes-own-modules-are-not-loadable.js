// The JavaScript behind process.createChildProcess and process.watchFile lives in the runtime's
// own modules (stdlib/internal/); v0.1.27 had no such modules, so require() must not find
// them, by either name, while the runtime still loads them for itself.
// Expected from the API document, "Modules" (the built-in modules are the documented ones;
// "child_process" is not among them) and "Child Processes" / "process" (createChildProcess
// and watchFile work).
var sys = require("sys");
["child_process", "watch_file", "internal/child_process", "internal/watch_file"]
  .forEach(function (name) {
    try {
      require(name);
      sys.puts("loaded " + name);
    } catch (e) {
      sys.puts(e.message.replace(/ \(.*/, ""));
    }
  });
process.watchFile(__filename, function () {});
process.unwatchFile(__filename);
var child = process.createChildProcess("/bin/echo", ["the child ran"]);
child.addListener("output", function (data) { if (data !== null) sys.print(data); });
