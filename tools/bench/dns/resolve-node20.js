// The DNS benchmark on modern node (tools/bench/dns.sh): the same as resolve.js with
// dns.promises.resolve4 (c-ares, configured from the sandbox's /etc/resolv.conf).
//   node resolve-node20.js [TOTAL] [IN_FLIGHT]     (default 10000, 100)
const dns = require("dns");

const total = parseInt(process.argv[2], 10) || 10000;
const inFlight = parseInt(process.argv[3], 10) || 100;
let sent = 0, done = 0, failed = 0;
const started = Date.now();

function next() {
  if (sent >= total) return;
  dns.promises.resolve4(sent++ + ".bench.test").then(
    (addresses) => { if (addresses[0] !== "10.1.2.3") failed++; finished(); },
    () => { failed++; finished(); });
}

function finished() {
  done++;
  if (done === total) {
    console.log(JSON.stringify({ queries: total, failed, ms: Date.now() - started }));
  } else {
    next();
  }
}

for (let i = 0; i < inFlight; i++) next();
