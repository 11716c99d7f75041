// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// multipart.parse: a promise of every part's body by name, here of a form posted to an HTTP
// server; and an error when the request is not multipart.
// Expected output from: document, "Multipart Parsing" (multipart.parse: a promise of the parts).
// The error message "Content-Type header not set to multipart with a boundary": NO SOURCE.
var sys = require("sys"), http = require("http"), multipart = require("multipart");
var server = http.createServer(function (request, response) {
  multipart.parse(request).addCallback(function (parts) {
    response.sendHeader(200, {"Content-Type": "text/plain"});
    response.sendBody("title=" + parts.title + ", upload=" + parts.upload.length + " bytes");
    response.finish();
  }).addErrback(function (error) {
    response.sendHeader(400, {"Content-Type": "text/plain"});
    response.sendBody(error.message);
    response.finish();
  });
});
server.listen(8000);

var client = http.createClient(8000, "127.0.0.1");
var body = "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nA form\r\n" +
           "--xyz\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.bin\"\r\n" +
           "Content-Type: application/octet-stream\r\n\r\n" + new Array(1001).join("\u00ff") +
           "\r\n--xyz--\r\n";
var request = client.request("POST", "/", {
  "Content-Type": "multipart/form-data; boundary=xyz",
  "Content-Length": body.length
});
request.sendBody(body, "binary");
request.finish(function (response) {
  response.addListener("body", function (chunk) { sys.puts(response.statusCode + " " + chunk); });
  response.addListener("complete", function () {
    var plain = client.request("POST", "/", {"Content-Length": 2});
    plain.sendBody("hi");
    plain.finish(function (response) {
      response.addListener("body", function (chunk) { sys.puts(response.statusCode + " " + chunk); });
      response.addListener("complete", function () { server.close(); });
    });
  });
});
