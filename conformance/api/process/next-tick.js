// process.nextTick(callback): the callback runs on the next loop around the
// event loop, after the current code, in the order the calls were made.
// Expected output from: document, "The process Object" (nextTick: "On the next loop around the
// event loop"); the order of two nextTicks: NO SOURCE but the obvious queue.
var sys = require("sys");
sys.puts("first");
process.nextTick(function () {
  sys.puts("third");
  process.nextTick(function () {
    sys.puts("fifth");
  });
});
process.nextTick(function () {
  sys.puts("fourth");
});
sys.puts("second");
