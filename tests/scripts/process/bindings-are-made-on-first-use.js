// The natives of the built-in modules are made when a module first asks for them
// (`process._binding(name)`, private: runtime/src/bindings/binding.rs), not at start-up, and
// are then the same object wherever and whenever they are asked for. Inspecting `process`
// first changes nothing; none of them is among process's enumerable properties (v0.1.27's
// `process` had no `_posix`, `_tcp`, ...: they are not in the API document).
var sys = require("sys");
var inspected = sys.inspect(process);
var names = [];
for (var name in process) names.push(name);
sys.puts(["_posix", "_tcp", "_tls", "_dns", "_http", "_repl", "_binding"].filter(function (n) {
  return names.indexOf(n) >= 0 || inspected.indexOf(n + ":") >= 0;
}).length);

// Asked for in a loop, and by another module: one object.
var posix = require("posix");
var first = process._binding("posix");
var same = true;
for (var i = 0; i < 100; i++) same = same && process._binding("posix") === first;
var other = require("./fixtures/uses-bindings");
sys.puts(same + " " + (other.posix === first) + " " + (other.size > 0));
sys.puts(posix.statSync(__filename).isFile());

// Each module's natives work after all that.
var tcp = require("tcp");
var server = tcp.createServer(function (connection) { connection.close(); });
server.listen(0, "127.0.0.1");
server.close();
// Something to keep the process alive while the signal is on its way.
var timer = setTimeout(function () { sys.puts("no signal"); }, 5000);
process.addListener("SIGUSR2", function () {
  sys.puts("SIGUSR2");
  clearTimeout(timer);
  var child = process.createChildProcess("/bin/echo", ["child"]);
  child.addListener("output", function (data) { if (data !== null) sys.print(data); });
});
process.kill(process.pid, "SIGUSR2");

// Any other name is an Error.
try {
  process._binding("nonsense");
} catch (e) {
  sys.puts((e instanceof Error) + " " + e.message);
}
