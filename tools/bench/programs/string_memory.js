// A million short strings `"s" + i` kept alive in an array: what a short string costs (measure
// peak RSS with /usr/bin/time -f %M, divide by a million).
var keep = [];
for (var i = 0; i < 1000000; i++) { keep.push("s" + i); }
if (keep.length !== 1000000 || keep[999999] !== "s999999") { throw new Error("string_memory: wrong result"); }
