// debug(string) writes "DEBUG: " and the string to stderr at once
// (synchronously); stdout is left alone.
var sys = require("sys");
sys.puts("on stdout");
sys.debug("on stderr");
