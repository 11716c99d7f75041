// The DNS module: look-ups as promises (events.Promise), as node v0.1.27 had them. The
// queries go to the servers of /etc/resolv.conf through the runtime's resolver
// (process._binding("dns"), runtime/src/bindings/dns/), all in flight at once on the event
// loop's own sockets; the answers come back as events of the loop.
//
// Success: (records, ttl, cname). Failure, as v0.1.27's code did it: an Error whose message
// is udns's English text and whose errno is one of the codes below; the message comes as a
// second argument too, so the document's `function (code, msg)` errback prints it.

var events = require("events");
var binding = process._binding("dns");
var succeed = events._succeed;   // emitSuccess(records, ttl, cname), without its overhead

// The runtime hands over the answers that came in a turn of the loop in one call: five
// entries per query, `promise, null, records, ttl, cname` or `promise, error, message, ...`.
// Each promise is taken out of the array before it is settled: if a callback suspends this
// stack (promise.wait()) or throws past us, the runtime calls this again with the same array
// for the answers after it (runtime/src/bindings/dns/mod.rs).
binding.onAnswers(function (answers) {
  for (var i = 0; i < answers.length; i += 5) {
    var promise = answers[i];
    if (promise === null) continue;
    answers[i] = null;
    if (answers[i + 1]) {
      promise.emitError(answers[i + 1], answers[i + 2]);
    } else {
      succeed(promise, answers[i + 2], answers[i + 3], answers[i + 4]);
    }
  }
});

exports.TEMPFAIL = binding.TEMPFAIL;
exports.PROTOCOL = binding.PROTOCOL;
exports.NXDOMAIN = binding.NXDOMAIN;
exports.NODATA = binding.NODATA;
exports.NOMEM = binding.NOMEM;
exports.BADQUERY = binding.BADQUERY;

// The record types `resolve` knows; any other makes it return undefined.
var types = { A: true, AAAA: true, MX: true, TXT: true, SRV: true, PTR: true };

// A query of a known type: a promise, settled when its answer comes.
function query(domain, type) {
  var promise = new events.Promise();
  binding.resolve(String(domain), type, promise);
  return promise;
}

// resolve(domain, rrtype = "A"): the type is upper-cased; an unknown one returns undefined
// (no promise, no exception), as in v0.1.27.
exports.resolve = function (domain, rrtype) {
  var type = String(rrtype || "A").toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(types, type)) return undefined;
  return query(domain, type);
};

// The calls of one type go straight to query(): they are what programs call many times.
exports.resolve4 = function (domain) {
  return query(domain, "A");
};
exports.resolve6 = function (domain) {
  return query(domain, "AAAA");
};
exports.resolveMx = function (domain) {
  return query(domain, "MX");
};
exports.resolveTxt = function (domain) {
  return query(domain, "TXT");
};
exports.resolveSrv = function (domain) {
  return query(domain, "SRV");
};

// reverse(ip): the domain names of an IPv4 or IPv6 address (its PTR records). Something that
// is not an address throws Error("Invalid IP address") at once.
exports.reverse = function (ip) {
  var promise = new events.Promise();
  binding.reverse(String(ip), promise);
  return promise;
};
