// The DNS benchmark on our node (tools/bench/dns.sh): resolves TOTAL names (NUMBER.bench.test,
// which the sandbox's dnsmasq answers) with dns.resolve4, IN_FLIGHT at a time, and prints
// {"queries", "failed", "ms"}: the time from the first query to the last answer.
//   node resolve.js [TOTAL] [IN_FLIGHT]     (default 10000, 100)
var dns = require("dns"), sys = require("sys");

var total = parseInt(process.argv[2], 10) || 10000;
var inFlight = parseInt(process.argv[3], 10) || 100;
var sent = 0, done = 0, failed = 0, started = new Date();

function next() {
  if (sent >= total) return;
  var promise = dns.resolve4(sent++ + ".bench.test");
  promise.addCallback(function (addresses) {
    if (addresses[0] !== "10.1.2.3") failed++;
    finished();
  });
  promise.addErrback(function () {
    failed++;
    finished();
  });
}

function finished() {
  done++;
  if (done === total) {
    sys.puts(JSON.stringify({ queries: total, failed: failed, ms: new Date() - started }));
  } else {
    next();
  }
}

for (var i = 0; i < inFlight; i++) next();
