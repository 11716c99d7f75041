// Allocates in a sort comparator, 60 sorts of 2,000 items (times the scale given as the first
// argument): garbage made while a native sort is in progress must be collected too.
// tests/tests/memory.rs checks its peak RSS (the README claims "stays near 6 MB peak RSS").
var scale = parseInt(process.argv[2] || "1", 10);
var keep = null;
function compare(a, b) { keep = { a: a, b: b, s: "c" + a + b }; return a - b; }
for (var round = 0; round < 60 * scale; round++) {
  var items = [];
  for (var i = 0; i < 2000; i++) items[i] = (i * 7919) % 2000;
  items.sort(compare);
}
