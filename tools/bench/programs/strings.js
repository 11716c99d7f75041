// String building and splitting: concatenation in a loop, join, split, indexOf, slicing.
var total = 0;
for (var round = 0; round < 40; round++) {
  var s = "";
  for (var i = 0; i < 5000; i++) { s += "item" + i + ","; }
  var parts = s.split(",");
  for (var j = 0; j < parts.length; j++) {
    var p = parts[j];
    if (p.indexOf("9") >= 0) { total += p.slice(4).length; }
  }
  total += parts.join("|").length % 1000;
}
if (total !== 240760) { throw new Error("strings: wrong result " + total); }
