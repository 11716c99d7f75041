// Allocates about a gigabyte (times the scale given as the first argument) in short-lived
// objects made in Array.prototype.forEach callbacks: the native frames between the loop and
// the callbacks must not keep garbage alive. tests/tests/memory.rs checks its peak RSS (the
// README claims "stays near 6 MB peak RSS").
var scale = parseInt(process.argv[2] || "1", 10);
var items = [];
for (var i = 0; i < 1000; i++) items[i] = i;
var keep = null;
for (var round = 0; round < 2000 * scale; round++) {
  items.forEach(function (x) { keep = { v: x, s: "y" + x, a: [x] }; });
}
