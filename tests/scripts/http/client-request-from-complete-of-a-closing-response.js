// A request made inside the "complete" listener of a response that closes its connection
// ("Connection: close") goes out on a new connection and is answered, as it would be from
// anywhere else: it is not written on the connection that is closing, where it would be lost.
// Expected from the API document, "http.Client" (requests are queued and sent on the client's
// connection, which is opened again as needed) and the facts file (a request already sent on a
// connection that closes gets no response — so it must not be sent there).
var http = require("http"), sys = require("sys");
var common = require("../common");

var served = 0;
var server = http.createServer(function (request, response) {
  served++;
  response.sendHeader(200, {"Content-Type": "text/plain", "Content-Length": 2,
                            "Connection": "close"});
  response.sendBody("ok");
  response.finish();
});
var port = common.listen(server, "127.0.0.1");

var client = http.createClient(port, "127.0.0.1");
function ask(n) {
  client.request("GET", "/" + n).finish(function (response) {
    var body = "";
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () {
      sys.puts(n + ": " + response.statusCode + " " + body);
      if (n < 3) {
        ask(n + 1);
      } else {
        sys.puts("served " + served);
        server.close();
      }
    });
  });
}
ask(1);
