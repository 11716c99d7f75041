// url.format(urlObj) gives back the string a parsed URL came from, and
// url.resolve(from, to) resolves "as a browser would for an anchor tag".
// Expected output from: document, "URL Module" (format gives back the parsed URL; resolve "as a
// browser would for an anchor tag", i.e. RFC 3986).
var sys = require("sys");
var url = require("url");

var href = "http://user:pass@host.com:8080/p/a/t/h?query=string#hash";
sys.puts(url.format(url.parse(href)));
sys.puts(url.format({protocol: "http:", hostname: "example.com", pathname: "/a/b"}));

sys.puts(url.resolve("/one/two/three", "four"));
sys.puts(url.resolve("http://example.com/", "/one"));
sys.puts(url.resolve("http://example.com/one", "/two"));
sys.puts(url.resolve("http://example.com/a/b/c", "../d?e=f"));
sys.puts(url.resolve("http://example.com/a/b", "http://other.org/x"));
