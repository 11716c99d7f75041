// A port that is no port, or a host that does not resolve, ends the connection in "close" with
// hadError true on a later tick (readyState "opening" until then), never in an exception and
// never in a crash of the process. A port given as a string of digits or as a service name of
// /etc/services works, as it did in v0.1.27, whose connect() gave the port to getaddrinfo() as a
// string.
// Expected from the API document, "TCP" (tcp.createConnection(port, host); connection.connect:
// "If there is a problem connecting, the "connect" event will not be emitted, the "close"
// event will be emitted with had_error == true"), and from v0.1.27's code for string ports.
var tcp = require("tcp"), sys = require("sys"), common = require("../common");

var bad = [
  ["abc"], [70000, "127.0.0.1"], [-1, "127.0.0.1"], [1.5], [undefined], [{}],
  ["no-such-service-at-all", "127.0.0.1"], [80, "no-such-host.invalid"]
];

function next() {
  var args = bad.shift();
  if (!args) return digits();
  var c = tcp.createConnection(args[0], args[1]);
  var state = c.readyState;
  c.addListener("connect", function () { sys.puts("connected?"); });
  c.addListener("close", function (hadError) {
    sys.puts(sys.inspect(args[0]) + " " + (args[1] || "") + ": " + state + ", close " +
             hadError + " " + c.readyState);
    next();
  });
}

// A string of digits is a port number.
function digits() {
  var server = tcp.createServer(function (socket) { socket.close(); });
  var port = common.listen(server, "127.0.0.1");
  var c = tcp.createConnection(String(port), "127.0.0.1");
  c.addListener("connect", function () { sys.puts("a port as a string of digits: connect"); });
  c.addListener("eof", function () { c.close(); });
  c.addListener("close", function (hadError) {
    sys.puts("close " + hadError);
    server.close();
  });
}

next();
