// intervals repeat with arguments until cleared.
// Expected: SOURCE
var sys = require("sys");
var count = 0;
var id = setInterval(function (tag, n) {
  count++;
  sys.puts(tag + " " + n + " " + count);
  if (count === 3) clearInterval(id);
}, 2, "tick", 7);
var never = setInterval(function () { sys.puts("cleared interval: never"); }, 1);
clearInterval(never);
process.addListener("exit", function () { sys.puts("exit after " + count); });
