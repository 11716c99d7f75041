// Our http client against a server that cuts its answers short (cutting_server.js, run by
// modern node on the port given as the first argument): a body that ends early, a chunked
// body cut mid-chunk, no answer, a reset mid-body, a reset before the answer. Each request
// must end in "close" — never a hang, never a crash: with had_error true when the response
// was cut short or the connection reset, false when the server closed without answering (as
// v0.1.27 did: facts file, "### http"). Prints what happens, in order.
var http = require("http"), sys = require("sys");
var port = parseInt(process.argv[2]);
var CUTS = 5;

function ask(i) {
  if (i === CUTS) return;
  var client = http.createClient(port, "127.0.0.1");
  var complete = false;
  client.addListener("close", function (hadError) {
    sys.puts(i + " close " + hadError + (complete ? " complete" : ""));
    ask(i + 1);
  });
  client.request("GET", "/" + i).finish(function (response) {
    sys.puts(i + " response " + response.statusCode);
    response.addListener("body", function (chunk) { sys.puts(i + " body " + chunk); });
    response.addListener("complete", function () { complete = true; });
  });
}
ask(0);
