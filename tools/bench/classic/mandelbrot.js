// Mandelbrot (float loops), after the Computer Language Benchmarks Game's description, written
// for this suite: the set on an N x N grid (N = 400) of [-1.5, 0.5] x [-1, 1], 50 iterations, escape at
// |z| > 2, packed eight pixels a byte as the game's PBM output would be. Checks the number of
// points in the set and a checksum of the bytes (both agreed by node 20, QuickJS and Duktape).
var N = 400;
var ITERATIONS = 50;
var LIMIT2 = 4.0;
var INSIDE = 63528, SUM = 274590562;

var inside = 0, sum = 0;
for (var y = 0; y < N; y++) {
  var ci = 2.0 * y / N - 1.0;
  var bits = 0, bitCount = 0;
  for (var x = 0; x < N; x++) {
    var cr = 2.0 * x / N - 1.5;
    var zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
    var i = 0;
    for (; i < ITERATIONS && tr + ti <= LIMIT2; i++) {
      zi = 2.0 * zr * zi + ci;
      zr = tr - ti + cr;
      tr = zr * zr;
      ti = zi * zi;
    }
    bits = bits << 1;
    if (tr + ti <= LIMIT2) {
      bits = bits | 1;
      inside++;
    }
    bitCount++;
    if (bitCount === 8 || x === N - 1) {
      bits = (bits << (8 - bitCount)) & 0xff;
      sum = (sum * 31 + bits) % 1000000007;
      bits = 0;
      bitCount = 0;
    }
  }
}
if (inside !== INSIDE || sum !== SUM) {
  throw new Error("mandelbrot: " + inside + " points inside, checksum " + sum);
}
