// An object used as a hash map, the way 2010 code keeps a cache or an index: 300,000 string
// keys added, each looked up again, then a for-in over all of them. Checks the count and sums.
var N = 300000;
var map = {};
for (var i = 0; i < N; i++) map["key" + i] = i;

var hits = 0;
for (i = 0; i < N; i += 3) if (map["key" + i] === i) hits++;

var count = 0, sum = 0;
for (var key in map) {
  count++;
  sum += map[key];
}
if (hits !== N / 3 || count !== N || sum !== N * (N - 1) / 2) {
  throw new Error("hash-map: " + hits + " hits, " + count + " keys, sum " + sum);
}
