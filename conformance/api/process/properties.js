// process.pid, process.platform, process.env: their types (their values
// depend on the machine).
var sys = require("sys");
sys.puts(typeof process.pid);
sys.puts(typeof process.platform);
sys.puts(typeof process.env);
sys.puts(typeof process.env.PATH);
