// The document's path.exists example (its output is on stderr, through
// sys.debug), and the same call for a path that does not exist.
// Expected output from: document, "Path Module" (path.exists example). Its line goes to stderr
// with "DEBUG: ": NO SOURCE; the document, "System module", says debug writes to stdout.
require("path").exists("/etc/passwd", function (exists) {
  require("sys").debug( exists ? "it's there" : "no passwd!" );
});

require("path").exists("/no/such/path/here", function (exists) {
  require("sys").puts("/no/such/path/here exists: " + exists);
});
