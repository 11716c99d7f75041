// A server (node multipart-server.js PORT) that reads a multipart upload part by part and
// chunk by chunk with multipart.Stream and answers with each part's name, filename, length and
// first and last byte; tests/tests/http.rs posts 20 MB with curl -F and checks the server's
// peak memory. Expected from the API document, "multipart" (multipart.Stream(request); the
// "part", "body" and "complete" events; part.name, part.filename) and RFC 7578.
var http = require("http"), multipart = require("multipart"), sys = require("sys");
var server = http.createServer(function (request, response) {
  var stream = new multipart.Stream(request);
  var summary = [];
  stream.addListener("part", function (part) {
    var length = 0, first = null, last = null;
    part.addListener("body", function (chunk) {
      if (first === null && chunk.length > 0) first = chunk.charCodeAt(0);
      if (chunk.length > 0) last = chunk.charCodeAt(chunk.length - 1);
      length += chunk.length;
    });
    part.addListener("complete", function () {
      summary.push(part.name + "=" + (part.filename || "") + ":" + length + ":" + first + ":" + last);
    });
  });
  stream.addListener("complete", function () {
    response.sendHeader(200, {"Content-Type": "text/plain"});
    response.sendBody(summary.join(" ") + " " + (stream.bytesReceived === stream.bytesTotal));
    response.finish();
    server.close();
  });
});
server.listen(parseInt(process.argv[2]));
