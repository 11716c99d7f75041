// The fields of the document's example URL, each as the document gives it.
// Expected output from: document, "URL Module" (every field is the document's example value).
var sys = require("sys");
var url = require("url");

var parsed = url.parse("http://user:pass@host.com:8080/p/a/t/h?query=string#hash");
var fields = ["href", "protocol", "host", "auth", "hostname", "port", "pathname",
              "search", "query", "hash"];
for (var i = 0; i < fields.length; i++) {
  sys.puts(fields[i] + ": " + JSON.stringify(parsed[fields[i]]));
}

// "Pass true as the second argument to also parse the query string."
var withQuery = url.parse("http://user:pass@host.com:8080/p/a/t/h?query=string#hash", true);
sys.puts("query: " + JSON.stringify(withQuery.query));

// "Any parts that are not in the URL string will not be in the parsed object."
var short = url.parse("http://host.com/");
sys.puts("port" in short);
sys.puts("auth" in short);
sys.puts("search" in short);
sys.puts("hash" in short);
