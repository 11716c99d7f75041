// Array sorting: numbers with a comparator, strings by default order.
var seed = 42;
function random() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; }
var checksum = 0;
for (var round = 0; round < 10; round++) {
  var numbers = [];
  for (var i = 0; i < 20000; i++) { numbers.push(random() % 100000); }
  numbers.sort(function (a, b) { return a - b; });
  var words = [];
  for (var k = 0; k < 5000; k++) { words.push("w" + (random() % 5000)); }
  words.sort();
  checksum += numbers[0] + numbers[10000] + words[2500].length;
}
if (checksum !== 499304) { throw new Error("sorting: wrong result " + checksum); }
