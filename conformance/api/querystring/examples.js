// The examples of the Query String Module section, verbatim; the results
// are printed as the document shows them (JSON.stringify(result, null, 2)).
// Expected output from: document, "Query String Module" (both results are the document's).
var sys = require("sys");
function show(result) {
  sys.puts(JSON.stringify(result, null, 2));
}

show(require("querystring").stringify({foo:"bar", baz : {quux:"asdf", oof : "rab"}, boo:[1,2,3]}));
show(require("querystring").parse("foo=bar&baz%5Bquux%5D=asdf&baz%5Boof%5D=rab&boo%5B%5D=1"));
