// The optional separator and assignment characters, and the escape and
// unescape functions that stringify and parse use.
// Expected output from: document, "Query String Module" (sep and eq arguments; "1" parsed as the
// number 1, as the document's "boo": [1]). querystring.escape / unescape exist and what they
// return: NO SOURCE in the document (they are percent-encoding).
var sys = require("sys");
var querystring = require("querystring");

sys.puts(querystring.stringify({a: "1", b: "x y"}, ";", ":"));
sys.puts(JSON.stringify(querystring.parse("a:1;b:x%20y", ";", ":")));
sys.puts(querystring.escape("a b&c"));
sys.puts(querystring.unescape("a%20b%26c"));
