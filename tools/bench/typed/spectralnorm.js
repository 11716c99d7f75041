// Spectral norm (benchmarks-game style): the largest singular value of the infinite matrix
// A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), by power iteration on AᵀA over n × n,
// with the vectors in Float64Arrays.
function a(i, j) {
  return 1 / ((i + j) * (i + j + 1) / 2 + i + 1);
}

// out = A × v
function multiplyAv(n, v, out) {
  for (var i = 0; i < n; i++) {
    var sum = 0;
    for (var j = 0; j < n; j++) {
      sum += a(i, j) * v[j];
    }
    out[i] = sum;
  }
}

// out = Aᵀ × v
function multiplyAtv(n, v, out) {
  for (var i = 0; i < n; i++) {
    var sum = 0;
    for (var j = 0; j < n; j++) {
      sum += a(j, i) * v[j];
    }
    out[i] = sum;
  }
}

// out = AᵀA × v
function multiplyAtAv(n, v, out, tmp) {
  multiplyAv(n, v, tmp);
  multiplyAtv(n, tmp, out);
}

function spectralNorm(n) {
  var u = new Float64Array(n), v = new Float64Array(n), tmp = new Float64Array(n);
  u.fill(1);
  for (var i = 0; i < 10; i++) {
    multiplyAtAv(n, u, v, tmp);
    multiplyAtAv(n, v, u, tmp);
  }
  var vBv = 0, vv = 0;
  for (var k = 0; k < n; k++) {
    vBv += u[k] * v[k];
    vv += v[k] * v[k];
  }
  return Math.sqrt(vBv / vv);
}

var norm = spectralNorm(500).toFixed(9);
if (norm !== "1.274224116") {
  throw new Error("spectralnorm: wrong result " + norm);
}
