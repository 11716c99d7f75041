// 1,000 queries in flight at once all settle, each with its own answer: 900 names of the
// sandbox's bench.test domain (each NUMBER.bench.test is 10.1.2.3, cname itself) and 100
// names that do not exist (NXDOMAIN). Counted in an "exit" listener.
// Run by tests/tests/dns.rs inside tools/dns-sandbox/run.sh.
// Expected from the "Many concurrent queries (1,000 at once) all settle."
var dns = require("dns"), sys = require("sys");

var answered = 0, missing = 0, wrong = [];
function expectAddress(name) {
  var promise = dns.resolve4(name);
  promise.addCallback(function (addresses, ttl, cname) {
    if (addresses.length === 1 && addresses[0] === "10.1.2.3" && ttl === 300 && cname === name) answered++;
    else wrong.push(name + " " + JSON.stringify([addresses, ttl, cname]));
  });
  promise.addErrback(function (error) { wrong.push(name + " " + error.message); });
}
function expectNothing(name) {
  var promise = dns.resolve4(name);
  promise.addCallback(function (addresses) { wrong.push(name + " " + JSON.stringify(addresses)); });
  promise.addErrback(function (error) {
    if (error.errno === dns.NXDOMAIN) missing++;
    else wrong.push(name + " " + error.message);
  });
}
for (var i = 0; i < 1000; i++) {
  if (i % 10 === 9) expectNothing("absent-" + i + ".test");
  else expectAddress(i + ".bench.test");
}
sys.puts("sent 1000");
process.addListener("exit", function () {
  sys.puts(answered + " answered, " + missing + " NXDOMAIN, " + wrong.length + " wrong");
  wrong.slice(0, 5).forEach(function (line) { sys.puts("  " + line); });
});
