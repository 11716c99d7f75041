// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// request.finish's example: a "body" listener added in the response listener catches the
// whole body ("Good"); one added later misses what came with the head ("Bad").
// Expected output from: document, "http.ClientRequest" (request.finish's "Good" / "Bad - misses
// all or part of the body" example).
var sys = require("sys"), http = require("http");
var server = http.createServer(function (request, response) {
  response.sendHeader(200, {"Content-Type": "text/plain", "Content-Length": 5});
  response.sendBody(request.url.slice(1, 6));
  response.finish();
});
server.listen(8000);
var client = http.createClient(8000, "127.0.0.1");

// Good
var request = client.request("GET", "/good!");
request.finish(function (response) {
  response.addListener("body", function (chunk) {
    sys.puts("BODY: " + chunk);
  });
});

// Bad - misses all or part of the body
var late = client.request("GET", "/bad!!");
late.finish(function (response) {
  setTimeout(function () {
    response.addListener("body", function (chunk) {
      sys.puts("BODY: " + chunk);
    });
    sys.puts("(the late listener is added)");
    server.close();
  }, 10);
});
