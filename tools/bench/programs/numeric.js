// Numeric loops: floating point (a Mandelbrot set) and integers (a sieve and bit mixing).
var inside = 0;
for (var y = 0; y < 120; y++) {
  for (var x = 0; x < 160; x++) {
    var cr = x / 160 * 3.5 - 2.5, ci = y / 120 * 2 - 1;
    var zr = 0, zi = 0, n = 0;
    while (n < 60 && zr * zr + zi * zi < 4) {
      var t = zr * zr - zi * zi + cr;
      zi = 2 * zr * zi + ci;
      zr = t;
      n++;
    }
    if (n === 60) { inside++; }
  }
}
var limit = 200000, sieve = [], primes = 0;
for (var i = 2; i < limit; i++) {
  if (!sieve[i]) { primes++; for (var j = i * 2; j < limit; j += i) { sieve[j] = true; } }
}
var h = 0;
for (var k = 0; k < 300000; k++) { h = (h * 31 + k) | 0; h ^= h >>> 13; }
if (inside !== 4347 || primes !== 17984) { throw new Error("numeric: wrong result " + inside + " " + primes + " " + h); }
