// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// The document's first example, the "Hello World" server on port 8000, with a client in the
// same script that fetches the page once and then closes the server, so that it ends.
// Expected output from: document, SYNOPSIS (the Hello World server and its line); the client's
// lines: the server's own header and body.
var sys = require("sys"), 
   http = require("http");
var server = http.createServer(function (request, response) {
  response.sendHeader(200, {"Content-Type": "text/plain"});
  response.sendBody("Hello World\n");
  response.finish();
});
server.listen(8000);
sys.puts("Server running at http://127.0.0.1:8000/");

var client = http.createClient(8000, "127.0.0.1");
client.request("GET", "/").finish(function (response) {
  sys.puts("STATUS: " + response.statusCode);
  sys.puts("Content-Type: " + response.headers["content-type"]);
  response.addListener("body", function (chunk) {
    sys.print("BODY: " + chunk);
  });
  response.addListener("complete", function () {
    server.close();
  });
});
