// Our http client against a server (a tcp one, in this script) that answers with what is not
// HTTP, or framing that could be read two ways. Each request must end in "close" with an
// error — never a crash, and never a client left waiting. Prints what happens, in order; run
// by the_client_survives_malformed_responses in tests/tests/hostile_http.rs.
var tcp = require("tcp"), http = require("http"), sys = require("sys");
var port = parseInt(process.argv[2]);

var answers = [
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc",
  "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
  "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nfffffffffffffffffff\r\n",
  "NOT HTTP AT ALL\r\n\r\n"
];

// The server answers the request for /N with answers[N], and leaves the connection open:
// closing it is the client's job.
var server = tcp.createServer(function (connection) {
  var request = "";
  connection.addListener("receive", function (data) {
    request += data;
    if (request.indexOf("\r\n\r\n") === -1) return;
    connection.send(answers[parseInt(request.split(" ")[1].slice(1))]);
  });
  connection.addListener("eof", function () { connection.close(); });
});
server.listen(port, "127.0.0.1");

function ask(i) {
  if (i === answers.length) {
    cat();
    return;
  }
  var client = http.createClient(port, "127.0.0.1");
  client.addListener("close", function (hadError) {
    sys.puts(i + " close " + hadError);
    ask(i + 1);
  });
  client.request("GET", "/" + i).finish(function (response) {
    sys.puts(i + " response " + response.statusCode);
    response.addListener("body", function (chunk) { sys.puts(i + " body " + chunk); });
    response.addListener("complete", function () { sys.puts(i + " complete"); });
  });
}

// http.cat fails rather than never answering.
function cat() {
  http.cat("http://127.0.0.1:" + port + "/0").addCallback(function (body) {
    sys.puts("cat " + JSON.stringify(body));
    server.close();
  }).addErrback(function (error) {
    sys.puts("cat failed");
    server.close();
  });
}

ask(0);
