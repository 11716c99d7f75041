// Our client (node many-clients.js PORT) against peer-modern-endless-server.js: 1,000
// connections at once each get their own answer; then a client leaves in the middle of an
// endless response (forceClose) and the server sees it leave.
// Expected from the API document, "HTTP" (http.createClient, client.request, "body",
// "complete") and "TCP" (connection.forceClose) and ../shared/reference/beyond-the-document.md,
// "http" (http.cat).
var http = require("http"), sys = require("sys");
var port = parseInt(process.argv[2]), done = 0, good = 0, N = 1000;
for (var i = 0; i < N; i++) (function (i) {
  var client = http.createClient(port, "127.0.0.1");
  client.request("GET", "/" + i).finish(function (response) {
    var body = "";
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () {
      if (body === "ok /" + i) good++;
      if (++done === N) leave();
    });
  });
})(i);
function leave() {
  sys.puts(good + " of " + N);
  var client = http.createClient(port, "127.0.0.1");
  client.request("GET", "/endless").finish(function (response) {
    var got = 0, left = false;
    response.addListener("body", function (chunk) {
      got += chunk.length;
      if (got > 50 && !left) {
        left = true;
        client.forceClose();
        setTimeout(ask, 100);
      }
    });
  });
}
function ask() {
  http.cat("http://127.0.0.1:" + port + "/aborted").addCallback(function (count) {
    sys.puts("the server saw " + count + " client leave");
  });
}
