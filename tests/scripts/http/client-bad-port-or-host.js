// An http.Client with a port that is no port, or a host that does not resolve: its request gets
// no response, the client's "close" comes with hadError true, and the process ends (nothing
// is thrown, nothing crashes).
// Expected from the API document, "HTTP" (http.createClient(port, host)) and "TCP"
// (connection.connect: "If there is a problem connecting ... the "close" event will be
// emitted with had_error == true"; an http.Client is a tcp.Connection).
var http = require("http"), sys = require("sys");

var bad = [["abc"], [70000, "127.0.0.1"], [80, "no-such-host.invalid"]];

function next() {
  var args = bad.shift();
  if (!args) return;
  var client = http.createClient(args[0], args[1]);
  var request = client.request("GET", "/");
  request.finish(function () { sys.puts("a response?"); });
  client.addListener("close", function (hadError) {
    sys.puts(sys.inspect(args[0]) + " " + (args[1] || "") + ": close " + hadError);
    next();
  });
}

next();
process.addListener("exit", function () { sys.puts("exit"); });
