// Fannkuch-redux (benchmarks-game style): for every permutation of 1..n, count the flips of
// the prefix that bring 1 to the front; report the largest count and an alternating
// checksum. Permutations, their copies and the counters are Int32Arrays.
function fannkuch(n) {
  var perm = new Int32Array(n), perm1 = new Int32Array(n), count = new Int32Array(n);
  var maxFlips = 0, checksum = 0, permCount = 0;
  for (var i = 0; i < n; i++) {
    perm1[i] = i;
  }
  var r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }
    for (var k = 0; k < n; k++) {
      perm[k] = perm1[k];
    }
    // Flip the first perm[0] + 1 elements until 0 is in front.
    var flips = 0, first;
    while ((first = perm[0]) !== 0) {
      for (var lo = 0, hi = first; lo < hi; lo++, hi--) {
        var t = perm[lo];
        perm[lo] = perm[hi];
        perm[hi] = t;
      }
      flips++;
    }
    if (flips > maxFlips) {
      maxFlips = flips;
    }
    checksum += permCount % 2 === 0 ? flips : -flips;
    // The next permutation: rotate the first r + 1 elements, counting down per position.
    for (;;) {
      if (r === n) {
        return [checksum, maxFlips];
      }
      var perm0 = perm1[0];
      for (var m = 0; m < r; m++) {
        perm1[m] = perm1[m + 1];
      }
      perm1[r] = perm0;
      count[r]--;
      if (count[r] > 0) {
        break;
      }
      r++;
    }
    permCount++;
  }
}

var result = fannkuch(9);
if (result[0] !== 8629 || result[1] !== 30) {
  throw new Error("fannkuch: wrong result " + result);
}
