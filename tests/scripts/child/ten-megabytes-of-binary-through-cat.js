// 10 MB of every byte value through `cat` and back, written in 64 KB pieces and read as
// "binary": nothing lost, nothing changed, nothing reordered, and the child exits with 0.
// Expected from the API document, "Child Processes" (child.write(data, encoding) with
// "binary"; child.setEncoding; the "output" and "exit" events) and cat(1).
var sys = require("sys");
// A block of pseudo-random bytes of a length prime to the pipe's buffer sizes, repeated:
// a lost, doubled or shifted byte anywhere breaks the comparison.
var block = [];
var x = 12345;
for (var i = 0; i < 65521; i++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  block.push(String.fromCharCode(x >> 16 & 255));
}
block = block.join("");
var size = 10 * 1024 * 1024;
var pieces = [];
for (var n = 0; n < size; n += block.length) pieces.push(block);
var payload = pieces.join("").slice(0, size);

var cat = process.createChildProcess("cat");
cat.setEncoding("binary");
var received = [];
cat.addListener("output", function (data) {
  if (data !== null) received.push(data);
});
cat.addListener("exit", function (code) {
  var all = received.join("");
  sys.puts("exit " + code + ", " + all.length + " bytes, same: " + (all === payload));
});
for (var at = 0; at < size; at += 65536) {
  if (!cat.write(payload.slice(at, at + 65536), "binary")) throw new Error("write refused");
}
cat.close();
