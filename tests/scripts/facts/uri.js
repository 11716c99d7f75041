// require("uri") still loads, with a warning on stderr; its functions throw.
// Expected output from: the facts file, "### uri".
var sys = require("sys");
var uri = require("uri");
require("uri");   // cached: the warning is written once
["decode", "parse", "format", "resolveObject", "resolve"].forEach(function (name) {
  try {
    uri[name]("http://example.com/");
    sys.puts(name + ": no error");
  } catch (e) {
    sys.puts(name + ": " + (e instanceof Error) + " " + e.message);
  }
});
