// N-body (benchmarks-game style): the Jovian planets around the sun, integrated with a fixed
// time step. The state of the five bodies lives in Float64Arrays (positions, velocities,
// masses), indexed by body, the way numeric code of the typed-array era is written.
var PI = Math.PI;
var SOLAR_MASS = 4 * PI * PI;
var DAYS_PER_YEAR = 365.24;
var N = 5;

var x = new Float64Array(N), y = new Float64Array(N), z = new Float64Array(N);
var vx = new Float64Array(N), vy = new Float64Array(N), vz = new Float64Array(N);
var mass = new Float64Array(N);

function body(i, px, py, pz, pvx, pvy, pvz, m) {
  x[i] = px; y[i] = py; z[i] = pz;
  vx[i] = pvx * DAYS_PER_YEAR; vy[i] = pvy * DAYS_PER_YEAR; vz[i] = pvz * DAYS_PER_YEAR;
  mass[i] = m * SOLAR_MASS;
}

body(0, 0, 0, 0, 0, 0, 0, 1);
body(1, 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
  1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
  9.54791938424326609e-04);
body(2, 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
  -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
  2.85885980666130812e-04);
body(3, 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
  2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
  4.36624404335156298e-05);
body(4, 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
  2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
  5.15138902046611451e-05);

// Give the sun the momentum that makes the system's total zero.
function offsetMomentum() {
  var px = 0, py = 0, pz = 0;
  for (var i = 0; i < N; i++) {
    px += vx[i] * mass[i]; py += vy[i] * mass[i]; pz += vz[i] * mass[i];
  }
  vx[0] = -px / SOLAR_MASS; vy[0] = -py / SOLAR_MASS; vz[0] = -pz / SOLAR_MASS;
}

function advance(dt) {
  for (var i = 0; i < N; i++) {
    var xi = x[i], yi = y[i], zi = z[i], mi = mass[i];
    for (var j = i + 1; j < N; j++) {
      var dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
      var d2 = dx * dx + dy * dy + dz * dz;
      var mag = dt / (d2 * Math.sqrt(d2));
      var mj = mass[j] * mag;
      vx[i] -= dx * mj; vy[i] -= dy * mj; vz[i] -= dz * mj;
      var mim = mi * mag;
      vx[j] += dx * mim; vy[j] += dy * mim; vz[j] += dz * mim;
    }
  }
  for (var k = 0; k < N; k++) {
    x[k] += dt * vx[k]; y[k] += dt * vy[k]; z[k] += dt * vz[k];
  }
}

function energy() {
  var e = 0;
  for (var i = 0; i < N; i++) {
    e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
    for (var j = i + 1; j < N; j++) {
      var dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
      e -= mass[i] * mass[j] / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

var STEPS = 200000;
offsetMomentum();
var before = energy().toFixed(9);
for (var step = 0; step < STEPS; step++) {
  advance(0.01);
}
var after = energy().toFixed(9);
if (before !== "-0.169075164" || after !== "-0.169083713") {
  throw new Error("nbody: wrong energy " + before + " " + after);
}
