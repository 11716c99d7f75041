// debug(string) writes "DEBUG: " and the string to stderr at once
// (synchronously); stdout is left alone.
// Expected output from: NO SOURCE for stderr and "DEBUG: ": the document, "System module", says
// debug writes "immediately to stdout".
var sys = require("sys");
sys.puts("on stdout");
sys.debug("on stderr");
