// multipart.Stream's example: the parts of a multipart/form-data body gathered in an object.
// The document leaves `options` open; here it is the {boundary, data} form, with a body of two
// fields and a file.
// Expected output from: document, "multipart.Stream" (its example). The boundary option is
// used exactly as given, so it is passed with its leading "--": facts file, "### multipart".
var sys = require("sys");
var options = {
  boundary: "--AaB03x",
  data: "--AaB03x\r\n" +
        "Content-Disposition: form-data; name=\"submit-name\"\r\n\r\n" +
        "Larry\r\n" +
        "--AaB03x\r\n" +
        "Content-Disposition: form-data; name=\"files\"; filename=\"file1.txt\"\r\n" +
        "Content-Type: text/plain\r\n\r\n" +
        "... contents of file1.txt ...\r\n" +
        "--AaB03x--\r\n"
};

var multipart = require("multipart");
var stream = new multipart.Stream(options);
var parts = {};

stream.addListener("part", function (part) {
  var buffer = "";

  part.addListener("body", function(chunk) {
    buffer = buffer + chunk;
  });

  part.addListener("complete", function() {
    parts[part.name] = buffer;
    sys.puts("part " + part.name + (part.filename ? " (file " + part.filename + ")" : ""));
  });
});

stream.addListener("complete", function() {
  // The parts object now contains all parts and data
  sys.puts(JSON.stringify(parts));
  sys.puts("received " + stream.bytesReceived + " of " + stream.bytesTotal + " bytes");
});
