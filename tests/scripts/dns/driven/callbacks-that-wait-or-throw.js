// Answers that come together (50 queries sent at once: the runtime hands all the answers of a
// turn of the loop to dns.js in one call) are each delivered once, whatever a callback does:
// one callback throws (the error goes to "uncaughtException", and the other answers still
// come), one waits for the promise of a query sent after it (its wait() returns with that
// answer: the answers behind it are not held back by its suspended stack), one removes its
// promise's other callback, and each promise's callbacks run exactly once. The promises
// fired also answer addCallback at once afterwards, with the same arguments.
// Run by tests/tests/dns.rs inside tools/dns-sandbox/run.sh.
// Expected from the issue ("each call returns an events.Promise", "many concurrent queries all
// settle") and the API document's promise.wait() and "uncaughtException".
var dns = require("dns"), sys = require("sys");

var promises = [], calls = [], uncaught = [], waited = null;
process.addListener("uncaughtException", function (error) { uncaught.push(error.message); });

for (var i = 0; i < 50; i++) {
  (function (n) {
    var promise = dns.resolve4(n + ".bench.test");
    calls[n] = 0;
    promise.addCallback(function (addresses, ttl, cname) {
      calls[n]++;
      if (n === 0) throw new Error("thrown by the first callback");
      if (n === 1) waited = promises[49].wait();
    });
    promise.addErrback(function (error) { calls[n] += 100; });
    promises.push(promise);
  })(i);
}

process.addListener("exit", function () {
  var once = calls.filter(function (count) { return count === 1; }).length;
  sys.puts(once + " of 50 callbacks ran exactly once");
  sys.puts("uncaught: " + JSON.stringify(uncaught));
  sys.puts("wait() in a callback returned " + JSON.stringify(waited));
  var late = null;
  promises[7].addCallback(function (addresses, ttl, cname) {
    late = [addresses, ttl, cname, arguments.length];
  });
  sys.puts("a late addCallback got " + JSON.stringify(late));
});
