// Allocates about a gigabyte (times the scale given as the first argument) in short-lived
// objects and strings in a plain loop. tests/tests/memory.rs checks its peak RSS stays small:
// what is no longer reachable must be collected (ECMAScript leaves collection to the
// implementation; the README claims "stays near 6 MB peak RSS").
var scale = parseInt(process.argv[2] || "1", 10);
var keep = null;
for (var i = 0; i < 2000000 * scale; i++) {
  keep = { a: i, b: "item " + i, c: [i, i + 1, "x" + i] };
}
