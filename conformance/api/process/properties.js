// process.pid, process.platform, process.env: their types (their values
// depend on the machine).
// Expected output from: document, "The process Object" (pid, platform, env; env.PATH is a string
// of the user environment, environ(7)).
var sys = require("sys");
sys.puts(typeof process.pid);
sys.puts(typeof process.platform);
sys.puts(typeof process.env);
sys.puts(typeof process.env.PATH);
