// The HTTP module: a server and a client over tcp.js, shaped as node v0.1.27's http.js.
//
// Rust does the byte work: each connection carries an HTTP parser (runtime/src/http_parser.rs)
// that turns what the socket reads into "message" (the head: method or status, URL, version,
// headers with lower-cased names, keep-alive), "body" (chunks, transfer-encoding removed) and
// "complete" events; tcp.js hands those to the connection's `_onHttp`. Everything else is
// here: the objects of the API (ServerRequest, ServerResponse, Client, ClientRequest,
// ClientResponse), the heads we write, chunked encoding of bodies without a Content-Length,
// keep-alive, and the queue that answers pipelined requests in order.

var events = require("events");
var tcp = require("tcp");
var binding = process._tcp;

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

function writable(connection) {
  return connection.readyState === "open" || connection.readyState === "writeOnly";
}

// ---- Incoming messages: ServerRequest and ClientResponse ----------------------------------

function IncomingMessage(connection, head) {
  events.EventEmitter.call(this);
  this.connection = connection;
  this.httpVersion = "1." + head.versionMinor;
  this.headers = head.headers;
  this._keepAlive = head.keepAlive;
}
process.inherits(IncomingMessage, events.EventEmitter);

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

function ServerRequest(connection, head) {
  IncomingMessage.call(this, connection, head);
  this.method = head.method;
  this.url = head.url;
}
process.inherits(ServerRequest, IncomingMessage);
exports.ServerRequest = ServerRequest;

function ClientResponse(client, head) {
  IncomingMessage.call(this, client, head);
  this.statusCode = head.statusCode;
  this.client = client;
}
process.inherits(ClientResponse, IncomingMessage);
exports.ClientResponse = ClientResponse;

// ---- Outgoing messages: ServerResponse and ClientRequest -----------------------------------
// A connection keeps its outgoing messages in order in `connection._outgoing`. Only the first
// writes to the socket; the others keep their output until their turn.

function OutgoingMessage(connection) {
  events.EventEmitter.call(this);
  this.connection = connection;
  this.finished = false;
  this._header = "";            // the head, written with the first piece of body
  this._headerSent = false;
  this._output = [];            // data, encoding, data, encoding... waiting for our turn
  this._chunked = false;        // the body goes out in chunked encoding
  this._chunkedByDefault = true;
  this._hasBody = true;
  this._keepAlive = true;
  this._closeOnFinish = false;
}
process.inherits(OutgoingMessage, events.EventEmitter);

OutgoingMessage.prototype._send = function (data, encoding) {
  var connection = this.connection;
  if (connection._outgoing[0] === this && writable(connection)) {
    connection.send(data, encoding);
  } else {
    this._output.push(data, encoding);
  }
};

// Makes the head: the first line, the headers given (an object, or an array of [name, value]
// pairs for repeated names), then what the message needs to be framed: "Connection" and
// "Transfer-Encoding: chunked" unless given.
OutgoingMessage.prototype._writeHead = function (firstLine, headers) {
  var head = firstLine;
  var sentConnection = false, sentLength = false, sentTransfer = false;
  var pairs = headers instanceof Array;
  var names = pairs ? headers : Object.keys(headers || {});
  for (var i = 0; i < names.length; i++) {
    var field = pairs ? names[i][0] : names[i];
    var value = pairs ? names[i][1] : headers[field];
    head += field + ": " + value + "\r\n";
    // Only names of these lengths can be the three that matter here.
    if (field.length !== 10 && field.length !== 14 && field.length !== 17) continue;
    var lower = field.toLowerCase();
    if (lower === "connection") {
      sentConnection = true;
      if (/close/i.test(value)) this._closeOnFinish = true;
    } else if (lower === "content-length") {
      sentLength = true;
    } else if (lower === "transfer-encoding") {
      sentTransfer = true;
      if (/chunk/i.test(value)) this._chunked = true;
    }
  }
  if (!sentConnection) {
    if (this._keepAlive && (sentLength || this._chunked ||
                            (this._chunkedByDefault && !sentTransfer) || !this._hasBody)) {
      head += "Connection: keep-alive\r\n";
    } else {
      this._closeOnFinish = true;
      head += "Connection: close\r\n";
    }
  }
  if (!sentLength && !sentTransfer && this._hasBody) {
    if (this._chunkedByDefault) {
      head += "Transfer-Encoding: chunked\r\n";
      this._chunked = true;
    } else {
      // HTTP/1.0 without a length: the end of the connection is the end of the body.
      this._closeOnFinish = true;
    }
  }
  this._header = head + "\r\n";
};

// sendBody(chunk, encoding="ascii"): a string, or an array of byte values. The first call
// writes the head too.
OutgoingMessage.prototype.sendBody = function (chunk, encoding) {
  if (typeof chunk !== "string") {
    chunk = String.fromCharCode.apply(String, chunk);
    encoding = "binary";
  }
  encoding = encoding || "ascii";
  var data = "";
  if (!this._hasBody) {
    // A HEAD, 204 or 304 answer: the body is dropped.
  } else if (this._chunked) {
    var length = encoding === "utf8" ? process._byteLength(chunk, "utf8") : chunk.length;
    // An empty chunk would end the body.
    if (length > 0) data = length.toString(16) + "\r\n" + chunk + "\r\n";
  } else {
    data = chunk;
  }
  if (!this._headerSent) {
    this._headerSent = true;
    data = this._header + data;
  }
  if (data !== "") this._send(data, encoding);
};

// finish(): the message is complete (the chunked terminator, if chunked).
OutgoingMessage.prototype.finish = function () {
  if (this.finished) return;
  var data = this._chunked ? "0\r\n\r\n" : "";
  if (!this._headerSent) {
    this._headerSent = true;
    data = this._header + data;
  }
  if (data !== "") this._send(data, "ascii");
  this.finished = true;
  this._finished();
};

OutgoingMessage.prototype._finished = function () {};

// Writes what the first message of the queue has waiting.
function flushHead(connection) {
  var message = connection._outgoing[0];
  if (!message || message._output.length === 0 || !writable(connection)) return;
  var output = message._output;
  message._output = [];
  for (var i = 0; i < output.length; i += 2) connection.send(output[i], output[i + 1]);
}

// ---- The server -----------------------------------------------------------------------------

function ServerResponse(request) {
  OutgoingMessage.call(this, request.connection);
  if (request.httpVersion === "1.0") this._chunkedByDefault = false;
  this._keepAlive = request._keepAlive;
  this._hasBody = request.method !== "HEAD";
}
process.inherits(ServerResponse, OutgoingMessage);
exports.ServerResponse = ServerResponse;

// sendHeader(statusCode, headers): buffered until the first sendBody (or finish).
ServerResponse.prototype.sendHeader = function (statusCode, headers) {
  var reason = STATUS_CODES[statusCode] || "unknown";
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode < 200)) {
    this._hasBody = false;
  }
  this._writeHead("HTTP/1.1 " + statusCode + " " + reason + "\r\n", headers);
};

// Once the first response of the queue is finished, the next one may write.
ServerResponse.prototype._finished = function () {
  var connection = this.connection;
  var queue = connection._outgoing;
  while (queue.length > 0 && queue[0].finished) {
    var done = queue.shift();
    if (done._closeOnFinish) {
      queue.length = 0;
      connection.close();
      return;
    }
    flushHead(connection);
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

exports.createServer = function (requestListener, options) {
  return new Server(requestListener, options);
};

function connectionListener(connection) {
  connection._outgoing = [];
  connection._incoming = null;
  connection._onHttp = onServerHttp;
  binding.parse(connection._token, "request");
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

// The parser's events on a server connection (`this`).
function onServerHttp(kind, data) {
  switch (kind) {
    case "message":
      var request = new ServerRequest(this, data);
      var response = new ServerResponse(request);
      this._incoming = request;
      this._outgoing.push(response);
      // A client that waits before sending its body is told to go on.
      if (data.headers.expect === "100-continue" && data.versionMinor === 1 &&
          this._outgoing.length === 1) {
        this.send("HTTP/1.1 100 Continue\r\n\r\n");
      }
      this.server.emit("request", request, response);
      break;
    case "body":
      this._incoming.emit("body", data);
      break;
    case "complete":
      var incoming = this._incoming;
      this._incoming = null;
      incoming.emit("complete");
      break;
    case "parseError":
      // Not HTTP, or too big: "400 Bad Request" (after the answers already due), then close.
      var answer = new OutgoingMessage(this);
      answer._header = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n" +
                       "Content-Length: 0\r\n\r\n";
      answer._closeOnFinish = true;
      answer._finished = ServerResponse.prototype._finished;
      this._outgoing.push(answer);
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
  this._outgoing = [];
  this._incoming = null;
  this._onHttp = onClientHttp;
  this._parse = "response";     // tcp.js attaches a response parser when it connects
  this.addListener("connect", startNext);
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
  if (!request) return;
  if (this.readyState === "closed") {
    this.connect(this.port, this.host);
    return;
  }
  if (!writable(this)) return;
  if (!request._started) {
    request._started = true;
    if (request.method === "HEAD") binding.noBody(this._token);
  }
  flushHead(this);
}

function onClientHttp(kind, data) {
  switch (kind) {
    case "message":
      var response = new ClientResponse(this, data);
      this._incoming = response;
      var request = this._outgoing[0];
      if (request) request.emit("response", response);
      break;
    case "body":
      if (this._incoming) this._incoming.emit("body", data);
      break;
    case "complete":
      var incoming = this._incoming;
      this._incoming = null;
      this._outgoing.shift();
      if (incoming) incoming.emit("complete");
      if (incoming && !incoming._keepAlive) {
        this.forceClose();          // the server closes it; "close" starts the next request
      } else if (this._outgoing.length > 0) {
        startNext.call(this);
      } else if (this.readyState === "open") {
        this.close();
      }
      break;
    case "parseError":
      this.forceClose();
      break;
  }
}

// The connection is gone. After an error the requests waiting are dropped (the client's
// "close" listeners see hadError); otherwise the next one reconnects. A request that was
// sent and got no answer is not sent again.
function onClientClose(hadError) {
  this._incoming = null;
  if (this._outgoing.length > 0 && this._outgoing[0]._started) this._outgoing.shift();
  if (hadError) {
    this._outgoing = [];
  } else if (this._outgoing.length > 0) {
    var self = this;
    process.nextTick(function () { startNext.call(self); });
  }
}

function ClientRequest(client, method, url, headers) {
  OutgoingMessage.call(this, client);
  this.method = method;
  // Bodies of GET and HEAD are rare: without a length, they have none; other methods stream
  // theirs in chunks.
  this._chunkedByDefault = method !== "GET" && method !== "HEAD";
  this._hasBody = this._chunkedByDefault;
  headers = withHost(headers, client);
  this._writeHead(method + " " + url + " HTTP/1.1\r\n", headers);
  this._hasBody = true;
  // The head is sent now: the server may answer before the body is finished.
  this._headerSent = true;
  this._send(this._header, "ascii");
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
