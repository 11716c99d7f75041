// multipart: the boundary option is used exactly as given; no boundary throws; every Part has
// headers, name, filename, bytesReceived, getStream() and buffer ("" once its headers are
// parsed, so whenever "body" or "complete" fires).
// Expected output from: the facts file, "### multipart".
var sys = require("sys");
var multipart = require("multipart");

var body = "--AaB03x\r\n" +
           "Content-Disposition: form-data; name=\"field\"\r\n\r\n" +
           "value\r\n" +
           "--AaB03x\r\n" +
           "Content-Disposition: form-data; name=\"up\"; filename=\"a.txt\"\r\n" +
           "Content-Type: text/plain\r\n\r\n" +
           "0123456789\r\n" +
           "--AaB03x--\r\n";

var stream = new multipart.Stream({boundary: "--AaB03x", data: body});
stream.addListener("part", function (part) {
  sys.puts("part " + part.name + " " + part.filename + " " + JSON.stringify(part.headers) +
           " " + (part.getStream() === stream) + " " + typeof part.bytesReceived +
           " " + JSON.stringify(part.buffer));
  part.addListener("body", function () {
    sys.puts("body buffer " + JSON.stringify(part.buffer));
  });
  part.addListener("complete", function () {
    sys.puts("complete " + part.name + " " + part.bytesReceived + " buffer " +
             JSON.stringify(part.buffer));
  });
});
stream.addListener("complete", function () { sys.puts("stream complete"); });

// Without the leading "--" the delimiter is not found: no part at all.
var bare = new multipart.Stream({boundary: "AaB03x", data: body});
var bareParts = 0;
bare.addListener("part", function () { bareParts++; });
bare.addListener("complete", function () { sys.puts("bare boundary parts: " + bareParts); });

try {
  new multipart.Stream({data: body});
  sys.puts("no boundary: no error");
} catch (e) {
  sys.puts("no boundary: " + (e instanceof Error));
}
