// A connection refused, and one to a name that does not resolve, both end in "close" with
// hadError true (after readyState "opening"), never in "connect".
// Expected from the API document, "TCP" (connection.connect: "If there is a problem
// connecting, the "connect" event will not be emitted, the "close" event will be emitted with
// had_error == true"; readyState "opening", "closed").
var tcp = require("tcp"), sys = require("sys"), common = require("../common");
// A port nobody listens on: one that was free a moment ago, listened on and closed again.
var closed = tcp.createServer(function () {});
var port = common.listen(closed, "127.0.0.1");
closed.close();
var c = tcp.createConnection(port, "127.0.0.1");
sys.puts(c.readyState);
c.addListener("connect", function () { sys.puts("connected?"); });
c.addListener("close", function (hadError) {
  sys.puts("close " + hadError + " " + c.readyState);
  var d = tcp.createConnection(80, "no-such-host.invalid");
  d.addListener("close", function (hadError) { sys.puts("bad name: close " + hadError); });
});
