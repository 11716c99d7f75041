// One backend behind the load balancer: the hello world on the port given as the first
// argument, saying which backend answered (X-Backend: the port), with two more paths for the
// proxy's framing: /chunked (a body in three chunks) and /length (a Content-Length body), and
// /count (how many requests this backend has served).
var http = require("http");
var port = parseInt(process.argv[2]), served = 0;
http.createServer(function (request, response) {
  served++;
  var headers = {"Content-Type": "text/plain", "X-Backend": String(port)};
  if (request.url === "/chunked") {
    response.sendHeader(200, headers);
    response.sendBody("one ");
    response.sendBody("two ");
    response.sendBody("three\n");
  } else if (request.url === "/length") {
    var body = "a body of known length\n";
    headers["Content-Length"] = body.length;
    response.sendHeader(200, headers);
    response.sendBody(body);
  } else if (request.url === "/count") {
    headers["Content-Length"] = String(served).length;
    response.sendHeader(200, headers);
    response.sendBody(String(served));
  } else {
    response.sendHeader(200, headers);
    response.sendBody("Hello World\n");
  }
  response.finish();
}).listen(port, "127.0.0.1", 1024);
