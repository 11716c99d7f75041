// node loads no shared library but the C library (and its loader): Math's functions are the
// libm crate's, in the binary, and Rust's unwinder is linked in from libgcc_eh.a. Each shared
// library loaded at start costs ~10 page faults of every start (docs/performance.md, "Session
// 11"). Checked in the process's own memory map.
var posix = require("posix"), sys = require("sys");
var maps = posix.catSync("/proc/self/maps");
function mapped(name) {
  return maps.split("\n").some(function (line) { return line.indexOf("/" + name) !== -1; });
}
sys.puts("libc: " + mapped("libc.so.6"));
sys.puts("libm: " + mapped("libm.so.6"));
sys.puts("libgcc_s: " + mapped("libgcc_s.so.1"));
