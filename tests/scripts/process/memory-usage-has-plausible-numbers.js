// memory usage has plausible numbers.
// Expected: SOURCE
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
