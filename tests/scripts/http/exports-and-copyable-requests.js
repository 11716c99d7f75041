// What frameworks of 2010 used of the http module beyond the document: http.STATUS_CODES, the
// table of reason phrases sendHeader puts in the status line; the constructors
// http.IncomingMessage, OutgoingMessage, ServerResponse and ClientRequest, whose prototypes
// they extended (a method added there is callable on the messages of a server and of a
// client); and requests that a deep process.mixin(true, {}, request) copies (Express copied
// them so): a connection's and a message's state (queues of messages, parser state) is not
// enumerable, so the copy does not follow a cycle back through the connection.
// Expected from the facts file (beyond-the-document.md, "### http").
var http = require("http"), tcp = require("tcp"), sys = require("sys");
var common = require("../common");

sys.puts("STATUS_CODES: " + [200, 201, 301, 304, 404, 500, 503].map(function (code) {
  return code + " " + http.STATUS_CODES[code];
}).join(", "));
sys.puts("constructors: " + ["IncomingMessage", "OutgoingMessage", "ServerResponse",
  "ClientRequest"].map(function (name) { return typeof http[name]; }).join(" "));

http.IncomingMessage.prototype.incomingExtra = function () { return "in:" + this.method; };
http.OutgoingMessage.prototype.outgoingExtra = function () { return "out"; };
http.ServerResponse.prototype.send = function (status, body) {
  this.sendHeader(status, { "Content-Type": "text/plain", "Content-Length": body.length });
  this.sendBody(body);
  this.finish();
};
http.ClientRequest.prototype.requestExtra = function () { return "req:" + this.method; };
// A program may add reason phrases of its own.
http.STATUS_CODES[422] = "Unprocessable Entity";

var server = http.createServer(function (request, response) {
  sys.puts("request: " + request.incomingExtra() + " " + response.outgoingExtra() + " " +
           (request instanceof http.IncomingMessage) + " " +
           (response instanceof http.ServerResponse) + " " +
           (response instanceof http.OutgoingMessage));
  var copy = process.mixin(true, {}, request);
  sys.puts("copy: " + copy.method + " " + copy.url + " " + copy.headers["x-test"] + " " +
           (copy.connection !== request.connection) + " " + copy.connection.readyState);
  process.mixin(true, {}, response);
  sys.puts("connection keys: " + Object.keys(request.connection).filter(function (key) {
    return key.charAt(0) === "_" && key !== "_events";
  }).join(","));
  sys.puts("response keys: " + Object.keys(response).join(","));
  response.send(request.url === "/422" ? 422 : 404, "nothing here");
});
var port = common.listen(server, "127.0.0.1");

// The status lines, as sent.
function raw(path, next) {
  var c = tcp.createConnection(port, "127.0.0.1");
  var got = "";
  c.addListener("connect", function () {
    c.send("GET " + path + " HTTP/1.1\r\nX-Test: raw\r\nConnection: close\r\n\r\n");
  });
  c.addListener("receive", function (data) { got += data; });
  c.addListener("eof", function () { c.close(); });
  c.addListener("close", function () {
    sys.puts("status line: " + got.split("\r\n")[0]);
    next();
  });
}

function viaClient() {
  var client = http.createClient(port, "127.0.0.1");
  var request = client.request("GET", "/client", { "X-Test": "client" });
  sys.puts("client request: " + request.requestExtra() + " " + request.outgoingExtra() + " " +
           (request instanceof http.OutgoingMessage));
  process.mixin(true, {}, request);
  request.finish(function (response) {
    sys.puts("client response: " + response.statusCode + " " +
             (response instanceof http.IncomingMessage) + " " +
             typeof response.incomingExtra);
    var copy = process.mixin(true, {}, response);
    sys.puts("response copy: " + copy.statusCode + " " + copy.headers["content-type"]);
    response.addListener("complete", function () { server.close(); });
  });
}

raw("/missing", function () { raw("/422", viaClient); });
