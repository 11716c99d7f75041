// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// http.Client's example fetches google.com; here a local server on port 8000 stands in for
// it (the example should not depend on the network), answering as a web server would.
// Expected output from: document, "http.Client" (the example's lines) and "HTTP" (header names
// lower-cased, as in the document's "connection": "keep-alive"). The exact headers
// (content-length, connection: keep-alive added by the server): NO SOURCE beyond HTTP/1.1.
var sys = require("sys"),
   http = require("http");
var standIn = http.createServer(function (request, response) {
  var body = "<html>" + request.method + " " + request.url + " for " + request.headers.host +
             "</html>";
  response.sendHeader(200, {"Content-Type": "text/html", "Content-Length": body.length});
  response.sendBody(body);
  response.finish();
  standIn.close();
});
standIn.listen(8000, "127.0.0.1");

var google = http.createClient(8000, "127.0.0.1");
var request = google.request("GET", "/", {"host": "www.google.com"});
request.finish(function (response) {
  sys.puts("STATUS: " + response.statusCode);
  sys.puts("HEADERS: " + JSON.stringify(response.headers));
  response.setBodyEncoding("utf8");
  response.addListener("body", function (chunk) {
    sys.puts("BODY: " + chunk);
  });
});
