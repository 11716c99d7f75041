// The HTTP module: a server and a client over tcp.js, shaped as node v0.1.27's http.js.
//
// The byte work is native (runtime/src/http.rs, http_parser.rs): a connection given an HTTP
// parser reads each message's head and makes the objects below for it — a ServerRequest and
// its ServerResponse, or a ClientResponse — then calls the handler given here
// (onServerHttp, onClientHttp) with "message", "body" (transfer-encoding removed) and
// "complete"; `http.head` writes a head and decides how the body is framed; `http.write`
// queues a piece of body on the socket, in chunks when chunked. What is here: the objects of
// the API and their events, keep-alive and closing, and the queue that answers pipelined
// requests in order.

var events = require("events");
var tcp = require("tcp");
var native = process._binding("http");
var hide = tcp._hide;

// The reason phrase of each status code, which sendHeader puts in the status line. Exported
// (facts file, "### http"): programs read it, and add to it.
var STATUS_CODES = exports.STATUS_CODES = {
  100: "Continue", 101: "Switching Protocols",
  200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
  204: "No Content", 205: "Reset Content", 206: "Partial Content",
  300: "Multiple Choices", 301: "Moved Permanently", 302: "Moved Temporarily",
  303: "See Other", 304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect",
  400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
  404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
  407: "Proxy Authentication Required", 408: "Request Time-out", 409: "Conflict",
  410: "Gone", 411: "Length Required", 412: "Precondition Failed",
  413: "Request Entity Too Large", 414: "Request-URI Too Large",
  415: "Unsupported Media Type", 416: "Requested Range Not Satisfiable",
  417: "Expectation Failed",
  500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
  503: "Service Unavailable", 504: "Gateway Time-out", 505: "HTTP Version not supported"
};

// "HTTP/1.1 200 OK\r\n" and the like, made once per status code, and the reason each was made
// with (a program may change STATUS_CODES).
var statusLines = {};
var statusReasons = {};

function writable(connection) {
  return connection.readyState === "open" || connection.readyState === "writeOnly";
}

// ---- Incoming messages: ServerRequest and ClientResponse ----------------------------------
// Made natively for each head, with `httpVersion`, `headers` (names lower-cased),
// `connection` and `_keepAlive`; a ServerRequest also has `method` and `url`, a
// ClientResponse `statusCode` and `client`.

// The constructors are exported (facts file, "### http": frameworks extended their prototypes);
// the messages of a connection are made natively, on their prototypes, without calling them.
function IncomingMessage(connection) {
  events.EventEmitter.call(this);
  if (connection !== undefined) this.connection = connection;
}
process.inherits(IncomingMessage, events.EventEmitter);
exports.IncomingMessage = IncomingMessage;

// Body chunks are strings in this encoding: "binary" (the default) or "utf8".
IncomingMessage.prototype.setBodyEncoding = function (encoding) {
  this.connection.setEncoding(encoding || "binary");
};

// Stops reading the connection (and so this message's "body" events), to throttle an
// upload or a download.
IncomingMessage.prototype.pause = function () {
  this.connection.readPause();
};

IncomingMessage.prototype.resume = function () {
  this.connection.readResume();
};

function ServerRequest(connection) {
  IncomingMessage.call(this, connection);
}
process.inherits(ServerRequest, IncomingMessage);
exports.ServerRequest = ServerRequest;

function ClientResponse(connection) {
  IncomingMessage.call(this, connection);
}
process.inherits(ClientResponse, IncomingMessage);
exports.ClientResponse = ClientResponse;

// ---- Outgoing messages: ServerResponse and ClientRequest -----------------------------------
// A connection keeps its outgoing messages in order in `connection._outgoing`. Only the first
// writes to the socket; the others keep what they are given until their turn.

function OutgoingMessage(connection) {
  events.EventEmitter.call(this);
  if (connection !== undefined) this.connection = connection;
}
process.inherits(OutgoingMessage, events.EventEmitter);
exports.OutgoingMessage = OutgoingMessage;

// The state of a message starts as these defaults of the prototype: a response to a common
// request changes few of them, and every property set costs. What is set on a message itself
// is not enumerable (made so natively, or with `hide`), like a connection's state.
var outgoing = OutgoingMessage.prototype;
outgoing.finished = false;
outgoing._header = "";          // the head, written with the first piece of body
outgoing._headerSent = false;
outgoing._output = null;        // (head, chunk, encoding, last) waiting for our turn
outgoing._chunked = false;      // the body goes out in chunked encoding
outgoing._chunkedByDefault = true; // HTTP/1.1: a body without a length is chunked
outgoing._hasBody = true;       // false for answers to HEAD, and 204 and 304
outgoing._keepAlive = true;     // the connection may carry another message after this one
outgoing._closeOnFinish = false;

// sendBody(chunk, encoding="ascii"): a string, or an array of byte values. The first call
// writes the head too. Returns false when the output waits in memory (the connection's queue
// is long, or it is not this message's turn yet): the connection's "drain" says when it is
// out. (v0.1.27 returned nothing; programs that ignore the result are unchanged.)
OutgoingMessage.prototype.sendBody = function (chunk, encoding) {
  if (typeof chunk !== "string") {
    chunk = String.fromCharCode.apply(String, chunk);
    encoding = "binary";
  }
  return this._write(this._hasBody ? chunk : "", encoding || "ascii", false);
};

// finish(): the message is complete (the chunked terminator is sent, if chunked).
OutgoingMessage.prototype.finish = function () {
  if (this.finished) return;
  this._write("", "ascii", true);
  this.finished = true;
  var queue = this.connection._outgoing;
  if (queue[0] === this && this._finished !== undefined) this._finished(queue);
};

// Writes a piece of the body, the head before the first: now if it is this message's turn,
// else when it comes.
OutgoingMessage.prototype._write = function (chunk, encoding, last) {
  var head = "";
  if (!this._headerSent) {
    head = this._header;
    this._headerSent = true;
  }
  var connection = this.connection;
  var state = connection.readyState;
  if (connection._outgoing[0] === this && this._output === null && !connection._closing &&
      (state === "open" || state === "writeOnly")) {
    return native.write(connection._token, head, chunk, encoding, this._chunked, last);
  }
  if (this._output === null) hide(this, "_output", []);
  this._output.push(head, chunk, encoding, last);
  return false;
};

// Writes what the first message of the queue has waiting.
function flushHead(connection) {
  var message = connection._outgoing[0];
  if (!message || message._output === null || !writable(connection)) return;
  var output = message._output;
  message._output = null;
  for (var i = 0; i < output.length; i += 4) {
    native.write(connection._token, output[i], output[i + 1], output[i + 2], message._chunked,
                 output[i + 3]);
  }
}

// ---- The server -----------------------------------------------------------------------------
// A ServerResponse is made natively with its `connection`, and with `_chunkedByDefault`
// false for an HTTP/1.0 request, `_keepAlive` false when the request does not keep the
// connection, `_hasBody` false for HEAD.

function ServerResponse(connection) {
  OutgoingMessage.call(this, connection);
}
process.inherits(ServerResponse, OutgoingMessage);
exports.ServerResponse = ServerResponse;

// sendHeader(statusCode, headers): written with the first sendBody (or finish). The head is
// made natively (see `head` in runtime/src/http.rs for the framing rules): it sets _chunked,
// and _closeOnFinish when the connection is to close after this response.
ServerResponse.prototype.sendHeader = function (statusCode, headers) {
  var reason = STATUS_CODES[statusCode] || "unknown";
  var line = statusLines[statusCode];
  if (line === undefined || statusReasons[statusCode] !== reason) {
    line = "HTTP/1.1 " + statusCode + " " + reason + "\r\n";
    statusLines[statusCode] = line;
    statusReasons[statusCode] = reason;
  }
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode < 200)) {
    this._hasBody = false;
  }
  this._header = native.head(this, line, headers || {});
};

// The first response of the queue is finished: the next ones may write (up to one not
// finished yet).
ServerResponse.prototype._finished = function (queue) {
  var connection = this.connection;
  while (queue.length > 0 && queue[0].finished) {
    var done = queue.shift();
    if (done._closeOnFinish) {
      queue.length = 0;
      connection.close();
      return;
    }
    if (queue.length > 0) flushHead(connection);
  }
  // The client ended its side and has all its answers.
  if (queue.length === 0 && connection.readyState === "writeOnly") connection.close();
};

function Server(requestListener, options) {
  tcp.Server.call(this, connectionListener);
  if (requestListener) this.addListener("request", requestListener);
}
process.inherits(Server, tcp.Server);
exports.Server = Server;

// How long a request's head (request line and headers) may take once its first byte has come,
// in ms, as modern node's server.headersTimeout: a peer that trickles a byte now and then
// (slowloris) gets "408 Request Timeout" when its next byte comes later than this. A silent
// peer is the idle timeout's (connection.setTimeout). 0: no limit.
Server.prototype.headersTimeout = 60 * 1000;

exports.createServer = function (requestListener, options) {
  return new Server(requestListener, options);
};

function connectionListener(connection) {
  // The responses to send in order, and the request being read with its response (each
  // points back to the connection: hidden, see tcp.js's `hide`).
  hide(connection, "_outgoing", []);
  hide(connection, "_incoming", null);
  hide(connection, "_incomingResponse", null);
  native.parse(connection._token, "request", onServerHttp, ServerRequest.prototype,
               ServerResponse.prototype, this.headersTimeout);
  connection.addListener("eof", onServerEof);
}

function onServerEof() {
  var queue = this._outgoing;
  if (queue.length === 0) {
    this.close();
  } else {
    queue[queue.length - 1]._closeOnFinish = true;
  }
}

// server.emit("request", request, response), without emit's copy of its arguments (this
// runs for every request).
function emitRequest(server, request, response) {
  var listeners = server.listeners("request");
  for (var i = 0; i < listeners.length; i++) listeners[i].call(server, request, response);
}

// The parser's events on a server connection (`this`). A request without a body comes
// complete with its head.
function onServerHttp(kind, request, response, complete) {
  if (this._token === null) return;   // forceClose()d
  switch (kind) {
    case "message":
      this._outgoing.push(response);
      if (complete) {
        emitRequest(this.server, request, response);
        if (request._events) request.emit("complete");
        break;
      }
      this._incoming = request;
      this._incomingResponse = response;
      // A client that waits before sending its body is told to go on.
      if (request.headers.expect === "100-continue" && request.httpVersion === "1.1" &&
          this._outgoing.length === 1) {
        this.send("HTTP/1.1 100 Continue\r\n\r\n");
      }
      emitRequest(this.server, request, response);
      break;
    case "body":
      this._incoming.emit("body", request);
      break;
    case "complete":
      var incoming = this._incoming;
      this._incoming = this._incomingResponse = null;
      incoming.emit("complete");
      break;
    case "parseError":
      // Not HTTP, or too big: "400 Bad Request" (431 for a head too big), after the answers
      // already due, then close. The parser reads nothing more on this connection.
      var queue = this._outgoing;
      if (this._incoming !== null) {
        // The request being read can never complete. Its response may be unstarted (it is
        // dropped: the 400 takes its place), begun (a 400 after a partial answer would make
        // no sense: just close), or already finished and gone from the queue (the 400
        // follows it, as modern node does).
        var unanswered = this._incomingResponse;
        this._incoming = this._incomingResponse = null;
        var at = queue.indexOf(unanswered);
        if (at !== -1) {
          if (unanswered._headerSent) {
            this.forceClose();
            break;
          }
          queue.splice(at, 1);
        }
      }
      // Closed for writing already (a response asked to close): nothing more can be said.
      if (!writable(this)) break;
      var why = request;    // this event's argument: what is wrong
      var status = why === "head too long" || why === "too many headers" ?
                   "431 Request Header Fields Too Large" :
                   why === "head too slow" ? "408 Request Timeout" : "400 Bad Request";
      var answer = new ServerResponse(this);
      hide(answer, "_header", "HTTP/1.1 " + status + "\r\nConnection: close\r\n" +
                              "Content-Length: 0\r\n\r\n");
      hide(answer, "_closeOnFinish", true);
      queue.push(answer);
      answer.finish();
      break;
  }
}

// ---- The client -----------------------------------------------------------------------------
// A Client is a tcp.Connection to one server that sends its requests one at a time (no
// pipelining, as in v0.1.27) on the same connection while they keep coming, and connects again
// when the server closed it. An idle client closes its connection, so that a script that is
// done with it can end.

function Client(port, host) {
  tcp.Connection.call(this);
  this.port = port;
  this.host = host || "localhost";
  // The requests in order, the response being read; hidden (see tcp.js's `hide`).
  hide(this, "_outgoing", []);
  hide(this, "_incoming", null);
  // A response said "Connection: close": nothing more goes out on this connection.
  hide(this, "_closing", false);
  // tcp.js attaches a response parser when it connects.
  hide(this, "_parse", [onClientHttp, ClientResponse.prototype]);
  this.addListener("connect", startNext);
  this.addListener("eof", onClientEof);
  this.addListener("close", onClientClose);
}
process.inherits(Client, tcp.Connection);
exports.Client = Client;

exports.createClient = function (port, host) {
  return new Client(port, host);
};

// request([method="GET"], path, [headers]).
Client.prototype.request = function (method, url, headers) {
  if (typeof url !== "string") {    // request(path, [headers])
    headers = url;
    url = method;
    method = "GET";
  }
  var request = new ClientRequest(this, method, url, headers);
  this._outgoing.push(request);
  // The head is sent now (when the request's turn comes): the server may answer before the
  // body is finished.
  request._write("", "ascii", false);
  if (this._outgoing.length === 1) startNext.call(this);
  return request;
};

// The methods of older releases, removed in this one.
["get", "head", "post", "del", "put"].forEach(function (name) {
  var method = name === "del" ? "DELETE" : name.toUpperCase();
  Client.prototype[name] = function () {
    throw new Error("client." + name + "(...) is now client.request('" + method + "', ...)");
  };
});

// Sends the first request of the queue (connecting first if need be).
function startNext() {
  var request = this._outgoing[0];
  if (!request || this._closing) return;
  if (this.readyState === "closed") {
    this.connect(this.port, this.host);
    return;
  }
  if (!writable(this)) return;
  if (!request._started) {
    request._started = true;
    if (request.method === "HEAD") native.noBody(this._token);
  }
  flushHead(this);
}

function onClientHttp(kind, response, unused, complete) {
  if (this._token === null) return;   // forceClose()d
  switch (kind) {
    case "message":
      this._incoming = response;
      var request = this._outgoing[0];
      if (request) request.emit("response", response);
      if (complete) responseComplete(this);
      break;
    case "body":
      if (this._incoming) this._incoming.emit("body", response);
      break;
    case "complete":
      responseComplete(this);
      break;
    case "parseError":
      // Not an HTTP response (a bad chunk size, a smuggling attempt): the connection is
      // closed with an error, so the requests waiting are dropped and http.cat fails.
      this.forceClose(true);
      break;
  }
}

// The response to the first request is complete: the next request, or close when idle.
function responseComplete(client) {
  var incoming = client._incoming;
  client._incoming = null;
  client._outgoing.shift();
  // A response that closes the connection: a request made by a "complete" listener waits for
  // the next connection (on this one it would be lost).
  var closing = incoming && !incoming._keepAlive;
  if (closing) client._closing = true;
  if (incoming) incoming.emit("complete");
  if (closing) {
    client.forceClose();        // the server closes it; "close" starts the next request
  } else if (client._outgoing.length > 0) {
    startNext.call(client);
  } else if (client.readyState === "open") {
    client.close();
  }
}

// The server ended its side: the client closes its own (facts file, "### http"), as
// v0.1.27's did, so that "close" (hadError false) follows and a request sent and not answered
// is dropped there. (A response read until the connection closes is complete before "eof".)
// A response cut short (its body ended before its length or its last chunk) is an error: the
// connection is closed at once with hadError true, as after a reset.
function onClientEof() {
  if (this._incoming !== null) {
    this.forceClose(true);
  } else {
    this.close();
  }
}

// The connection is gone. After an error the requests waiting are dropped (the client's
// "close" listeners see hadError); otherwise the next one reconnects. A request that was
// sent and got no answer is not sent again.
function onClientClose(hadError) {
  this._incoming = null;
  this._closing = false;
  if (this._outgoing.length > 0 && this._outgoing[0]._started) this._outgoing.shift();
  if (hadError) {
    this._outgoing.length = 0;
  } else if (this._outgoing.length > 0) {
    var self = this;
    process.nextTick(function () { startNext.call(self); });
  }
}

function ClientRequest(client, method, url, headers) {
  OutgoingMessage.call(this, client);
  this.method = method;
  // Bodies of GET and HEAD are rare: without a length, they have none; other methods stream
  // theirs in chunks. (native.head makes _header and _headerSent, hidden.)
  hide(this, "_chunkedByDefault", method !== "GET" && method !== "HEAD");
  hide(this, "_hasBody", this._chunkedByDefault);
  hide(this, "_started", false);
  this._header = native.head(this, method + " " + url + " HTTP/1.1\r\n", withHost(headers, client));
  this._hasBody = true;
}
process.inherits(ClientRequest, OutgoingMessage);
exports.ClientRequest = ClientRequest;

// finish(responseListener): the listener gets the ClientResponse when its head has come.
ClientRequest.prototype.finish = function (responseListener) {
  if (responseListener) this.addListener("response", responseListener);
  OutgoingMessage.prototype.finish.call(this);
};

// HTTP/1.1 servers require a Host header: one is added unless given.
function withHost(headers, client) {
  headers = headers || {};
  var pairs = headers instanceof Array;
  var names = pairs ? headers.map(function (pair) { return pair[0]; }) : Object.keys(headers);
  for (var i = 0; i < names.length; i++) {
    if (String(names[i]).toLowerCase() === "host") return headers;
  }
  var host = client.port == 80 ? client.host : client.host + ":" + client.port;
  if (pairs) return headers.concat([["Host", host]]);
  var copy = { Host: host };
  for (var name in headers) copy[name] = headers[name];
  return copy;
}

// http.cat(url, encoding="utf8", headers): a promise of the body of a GET; an error for a
// status other than 2xx (with the status code) or a failed connection.
exports.cat = function (url, encoding, headers) {
  var promise = new events.Promise();
  var parsed = require("url").parse(url);
  var client = exports.createClient(parsed.port || 80, parsed.hostname);
  var request = client.request("GET", (parsed.pathname || "/") + (parsed.search || ""), headers);
  client.addListener("close", function (hadError) {
    if (hadError && !promise.hasFired) promise.emitError(new Error("connection failed: " + url));
  });
  request.finish(function (response) {
    if (response.statusCode < 200 || response.statusCode >= 300) {
      promise.emitError(response.statusCode);
      client.forceClose();
      return;
    }
    response.setBodyEncoding(encoding || "utf8");
    var content = "";
    response.addListener("body", function (chunk) { content += chunk; });
    response.addListener("complete", function () { promise.emitSuccess(content); });
  });
  return promise;
};
