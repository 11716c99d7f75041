// process.memoryUsage() has rss, vsize, heapTotal and heapUsed, integers in plausible
// relations, and heapUsed grows when objects are kept.
// Expected from the API document, "process" (process.memoryUsage(): "Returns the memory usage
// of the Node process. It looks like this { "rss": 4935680, "vsize": 41893888, "heapTotal":
// 1826816, "heapUsed": 650472 }").
var sys = require("sys");
var before = process.memoryUsage();
sys.puts(Object.keys(before).sort().join(","));
var keep = [];
for (var i = 0; i < 20000; i++) keep.push({ i: i, s: "x" + i });
var after = process.memoryUsage();
function ok(m) {
  return m.rss > 1000000 && m.vsize >= m.rss && m.heapTotal >= m.heapUsed && m.heapUsed > 0 &&
         m.rss < 4e9 && Math.floor(m.rss) === m.rss;
}
sys.puts(ok(before) + " " + ok(after));
sys.puts(after.heapUsed > before.heapUsed);
