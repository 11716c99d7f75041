// process.memoryUsage() has the document's four keys, in its order, each a
// number of bytes (the values differ from run to run).
// Expected output from: document, "The process Object" (memoryUsage: the four keys in that
// order).
var sys = require("sys");
var usage = process.memoryUsage();
sys.puts(JSON.stringify(Object.keys(usage)));
for (var key in usage) {
  sys.puts(key + " is a " + typeof usage[key] + (usage[key] > 0 ? " above 0" : ""));
}
