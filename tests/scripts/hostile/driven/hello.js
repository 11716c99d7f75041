// The API document's hello world, on the port given as the first argument (and the listen
// backlog as the second, if given), with two more paths for the tests of hostile_http.rs:
// - /begun: the head and a first piece of body go out at once; the rest only when the
//   request's body is complete (a request whose body turns out malformed is cut short);
// - /quit: answers, then closes the server, so that the script ends (and the test sees how).
var sys = require("sys"),
   http = require("http");
var port = parseInt(process.argv[2]);
var server = http.createServer(function (request, response) {
  if (request.url === "/begun") {
    response.sendHeader(200, {"Content-Type": "text/plain"});
    response.sendBody("begun\n");
    request.addListener("complete", function () {
      response.sendBody("done\n");
      response.finish();
    });
    return;
  }
  response.sendHeader(200, {"Content-Type": "text/plain"});
  response.sendBody("Hello World\n");
  response.finish();
  if (request.url === "/quit") server.close();
});
server.listen(port, null, process.argv[3] ? parseInt(process.argv[3]) : undefined);
sys.puts("Server running at http://127.0.0.1:" + port + "/");
