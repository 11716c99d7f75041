// The TCP module: tcp.Server and tcp.Connection, as node v0.1.27 had them (there they were
// C++ classes, process.tcp.Server and process.tcp.Connection, over evcom). The sockets live in
// Rust (process._binding("tcp"), runtime/src/bindings/tcp.rs), registered with the event
// loop; each is known here by its token, a number. Rust reports a connection's events by
// calling `onEvent` with the connection as `this`.

var events = require("events");
var binding = process._binding("tcp");
var tls = process._binding("tls");

// ---- tcp.Server ---------------------------------------------------------------------------

function Server(connectionListener) {
  events.EventEmitter.call(this);
  this._token = null;
  this._secure = null;    // the TLS credentials of setSecure (an index into Rust's table)
  if (connectionListener) this.addListener("connection", connectionListener);
}
process.inherits(Server, events.EventEmitter);
exports.Server = Server;

exports.createServer = function (connectionListener) {
  return new Server(connectionListener);
};

// listen(port, host=null, backlog=128): synchronous; throws the system's error
// (EADDRINUSE, EACCES) naming the address.
Server.prototype.listen = function (port, host, backlog) {
  if (this._token !== null) throw new Error("Server already listening");
  this._token = binding.listen(this, onConnection, port, host, backlog);
};

// setSecure(format_type, ca_certs, crl_list, private_key, certificate): TLS for every
// connection accepted from now on. The PEM strings are checked now: bad ones throw. With
// ca_certs, clients are asked for a certificate (not required to send one): see verifyPeer.
Server.prototype.setSecure = function (format, caCerts, crlList, privateKey, certificate) {
  this._secure = tls.credentials("server", format, caCerts, crlList, privateKey, certificate);
};

// Rust accepted a connection: make its Connection and tell the listeners. (A socket that
// could not join the loop comes with no token and is dropped.) A secure connection is
// "connect"ed when its handshake is done; one whose handshake fails is "close"d with
// hadError true.
function onConnection(token, remoteAddress) {
  if (token === undefined) return;
  var connection = new Connection();
  connection._token = token;
  connection.remoteAddress = remoteAddress;
  connection.readyState = "open";
  connection.server = this;
  binding.attach(token, connection, onEvent);
  if (this._secure !== null) {
    connection._secure = this._secure;
    tls.start(token, this._secure, null);
  }
  connection._startTimer();
  this.emit("connection", connection);
  if (connection._secure === null) connection.emit("connect");
}

// close(): stops accepting; "close" (with errorno 0) follows on the next tick.
Server.prototype.close = function () {
  if (this._token === null) return;
  binding.closeServer(this._token);
  this._token = null;
  var self = this;
  process.nextTick(function () { self.emit("close", 0); });
};

// ---- tcp.Connection -----------------------------------------------------------------------

// A connection's state is kept in properties that are not enumerable, so that a deep
// process.mixin(true, ...) of a request (frameworks of 2010 copied requests so) sees the
// connection's public face only and never follows a cycle back through its state (facts file,
// "### http"). Later assignments keep a property as it was defined.
function hide(object, name, value) {
  Object.defineProperty(object, name,
                        { value: value, writable: true, configurable: true, enumerable: false });
}
exports._hide = hide;   // for http.js

function Connection() {
  events.EventEmitter.call(this);
  hide(this, "_token", null);
  hide(this, "_timeout", 60 * 1000);    // the default idle timeout of v0.1.27
  hide(this, "_timer", null);
  hide(this, "_paused", false);
  hide(this, "_encoding", null);
  hide(this, "_noDelay", false);
  hide(this, "_closeEmitted", false);
  // Events read but held back by readPause(): [kind, data, ...], or null.
  hide(this, "_held", null);
  // TLS: the credentials of setSecure, the host name connected to (a server's certificate
  // must match it), and whether the handshake is done.
  hide(this, "_secure", null);
  hide(this, "_serverName", null);
  hide(this, "_established", false);
  this.readyState = "closed";
}
process.inherits(Connection, events.EventEmitter);
exports.Connection = Connection;

exports.createConnection = function (port, host) {
  var connection = new Connection();
  connection.connect(port, host);
  return connection;
};

var IP_ADDRESS = /^(\d+\.\d+\.\d+\.\d+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$/;

// The port as v0.1.27 took it: its connect() handed the port, made a string, to getaddrinfo()
// as the service, so a number, a string of digits and a service name of /etc/services ("http")
// all worked, and anything else failed the way an unresolvable host did: "close" with
// hadError true, never an exception. A port number, or null when `port` is none.
function portNumber(port) {
  if (typeof port === "string" && /^\d{1,5}$/.test(port)) port = Number(port);
  if (typeof port === "number" && port % 1 === 0 && port >= 0 && port <= 65535) return port;
  return null;
}

// A name that getaddrinfo() could have looked up as a service.
var SERVICE_NAME = /^[A-Za-z][A-Za-z0-9_.+-]*$/;

// connect(port, host="localhost"): "connect" when connected; "close" with hadError true when
// the port is no port, the name does not resolve or nobody answers.
Connection.prototype.connect = function (port, host) {
  if (this.readyState !== "closed") throw new Error("Connection is not closed");
  host = host || "localhost";
  this._serverName = String(host);
  this._established = false;
  this.readyState = "opening";
  this._closeEmitted = false;
  var self = this;
  var number = portNumber(port);
  if (number === null && !(typeof port === "string" && SERVICE_NAME.test(port))) {
    failLater(this);
    return;
  }
  if (number !== null && IP_ADDRESS.test(host)) {
    open(this, number, host);
    return;
  }
  binding.resolve(String(host), function (error, address, servicePort) {
    if (self.readyState !== "opening" || self._token !== null) return; // closed meanwhile
    if (error) {
      self.readyState = "closed";
      self._closed(true);
    } else {
      open(self, number === null ? servicePort : number, address);
    }
  }, number === null ? port : undefined);
};

// The connection could not even start: it stays "opening" until the next tick, and then ends
// in "close" with hadError true, as after a failed name lookup (unless the script closed it
// meanwhile: forceClose() makes it "closed" and has its own "close").
function failLater(connection) {
  connection._token = null;
  process.nextTick(function () {
    if (connection.readyState === "opening" && connection._token === null) {
      connection.readyState = "closed";
      connection._closed(true);
    }
  });
}

function open(connection, port, address) {
  // Events still queued for an earlier socket of this connection object (an http.Client
  // connects again as soon as its last socket closes) must not reach this one: the handlers
  // of each socket know it.
  var token = null;
  var onSocketEvent = function (kind, data) {
    if (this._token === token) onEvent.call(this, kind, data);
  };
  try {
    token = connection._token = binding.connect(connection, onSocketEvent, port, address);
  } catch (e) {
    // The system refused the socket at once (no route for that family, no descriptors
    // left): a failed connection like any other.
    failLater(connection);
    return;
  }
  // An HTTP client reads responses from its first byte on.
  if (connection._parse) {
    var onHttp = connection._parse[0];
    process._binding("http").parse(token, "response", function () {
      if (this._token === token) onHttp.apply(this, arguments);
    }, connection._parse[1]);
  }
  if (connection._secure !== null) {
    tls.start(connection._token, connection._secure, connection._serverName);
  }
  if (connection._encoding) binding.setEncoding(connection._token, connection._encoding);
  if (connection._paused) binding.pause(connection._token);
  connection._startTimer();
}

// What Rust reports, with the connection as `this`. (The events of an HTTP parser go to the
// handler http.js gave with it.) Events read before a forceClose() but not delivered yet are
// dropped: after it, nothing more happens on the connection.
function onEvent(kind, data) {
  if (this._token === null) return;
  // readPause() takes effect at once (facts file, "### tcp"): what the loop had already read
  // when it was called waits for readResume(), and so does what follows it ("eof", "close").
  if (this._held !== null || (this._paused && (kind === "receive" || kind === "eof"))) {
    if (kind !== "connect" && kind !== "drain") {
      if (this._held === null) this._held = [];
      this._held.push(kind, data);
      return;
    }
  }
  deliver(this, kind, data);
}

function deliver(connection, kind, data) {
  switch (kind) {
    case "receive":
      connection.emit("receive", data);
      break;
    case "connect":
      connection._established = true;
      connection.readyState = "open";
      if (connection._noDelay) binding.setNoDelay(connection._token, true);
      connection.emit("connect");
      break;
    case "eof":
      connection.readyState = connection.readyState === "readOnly" ? "closed" : "writeOnly";
      connection.emit("eof");
      break;
    case "drain":
      connection.emit("drain");
      break;
    case "close":
      connection._token = null;
      connection.readyState = "closed";
      connection._closed(data);
      break;
  }
}

Connection.prototype._closed = function (hadError) {
  if (this._timer !== null) clearTimeout(this._timer);
  this._timer = null;
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  this.emit("close", hadError);
};

Connection.prototype.setEncoding = function (encoding) {
  this._encoding = encoding;
  if (this._token !== null) binding.setEncoding(this._token, encoding);
};

Connection.prototype.send = function (data, encoding) {
  if (this.readyState !== "open" && this.readyState !== "writeOnly") {
    throw new Error("Socket is not open for writing");
  }
  if (typeof data !== "string") {
    // An array of integers: one byte each.
    data = String.fromCharCode.apply(String, data);
    encoding = "binary";
  }
  return binding.send(this._token, data, encoding);
};

// close(): half-close. Queued output is sent, then a FIN; reading goes on until the peer
// ends its side too, and then "close".
Connection.prototype.close = function () {
  switch (this.readyState) {
    case "open": this.readyState = "readOnly"; break;
    case "writeOnly": this.readyState = "closed"; break;
    case "opening": this.forceClose(); return;
    default: return;
  }
  binding.shutdown(this._token);
};

// forceClose(): no more I/O, output still queued is dropped; "close" on the next tick.
// (http.js passes hadError true when the peer sent what is not HTTP.)
Connection.prototype.forceClose = function (hadError) {
  this._held = null;
  if (this._token !== null) binding.destroy(this._token);
  var wasOpen = this._token !== null || this.readyState === "opening";
  this._token = null;
  this.readyState = "closed";
  if (!wasOpen) return;
  var self = this;
  process.nextTick(function () { self._closed(hadError === true); });
};

Connection.prototype.readPause = function () {
  this._paused = true;
  if (this._token !== null) binding.pause(this._token);
};

// readResume(): reading again; what was held back comes first, on the next tick (as the data
// of a socket resumed in v0.1.27 came on the next turn of its loop).
Connection.prototype.readResume = function () {
  this._paused = false;
  if (this._token !== null) binding.resume(this._token);
  if (this._held !== null) {
    var self = this;
    process.nextTick(function () { deliverHeld(self); });
  }
};

// Delivers the events held back, in order, until the connection is paused again (or closed
// by force: then they are dropped).
function deliverHeld(connection) {
  var held = connection._held;
  while (held !== null && held.length > 0 && !connection._paused) {
    var kind = held.shift(), data = held.shift();
    if (held.length === 0) connection._held = held = null;
    deliver(connection, kind, data);
    if (connection._held !== held) return;  // forceClose()d
  }
}

Connection.prototype.setNoDelay = function (noDelay) {
  this._noDelay = noDelay !== false;
  if (this._token !== null && this.readyState !== "opening") {
    binding.setNoDelay(this._token, this._noDelay);
  }
};

// setTimeout(ms): "timeout", then the connection closes, after ms of no reading or writing;
// 0 turns it off. Rust keeps the time of the last activity; one timer per connection looks
// at it when it could have expired, and is set again for the rest if there was activity.
Connection.prototype.setTimeout = function (ms) {
  this._timeout = ms;
  if (this._timer !== null) clearTimeout(this._timer);
  this._timer = null;
  this._startTimer();
};

Connection.prototype._startTimer = function () {
  if (this._timeout > 0 && this._token !== null) {
    this._timer = setTimeout(checkIdle, this._timeout, this);
  }
};

function checkIdle(connection) {
  connection._timer = null;
  if (connection._token === null) return;
  var idle = binding.idleTime(connection._token);
  if (idle >= connection._timeout) {
    connection.emit("timeout");
    // A TLS handshake left unfinished is a failure, as the other ways it can fail are.
    connection.forceClose(connection._secure !== null && !connection._established);
  } else {
    connection._timer = setTimeout(checkIdle, connection._timeout - idle, connection);
  }
}

// ---- TLS ------------------------------------------------------------------------------------

// setSecure(format_type, ca_certs, crl_list, private_key, certificate): makes this (client)
// connection speak TLS, from its connection on; every argument but format_type may be empty.
// ca_certs are the CAs verifyPeer() trusts; private_key and certificate, when given, are
// shown to a server that asks. "connect" comes when the handshake is done.
Connection.prototype.setSecure = function (format, caCerts, crlList, privateKey, certificate) {
  this._secure = tls.credentials("client", format, caCerts, crlList, privateKey, certificate);
  // Already connecting (to an IP address, which needs no lookup): TLS starts with the socket.
  if (this._token !== null && this.readyState === "opening") {
    tls.start(this._token, this._secure, this._serverName);
  }
};

// verifyPeer(): 1 when the peer's certificate is trusted, 0 when it showed none, a negative
// reason otherwise (docs/tls.md lists them).
Connection.prototype.verifyPeer = function () {
  if (this._token === null) return 0;
  return tls.verifyPeer(this._token);
};

// getPeerCertificate("DNstring"): the subject of the peer's certificate, as
// "C=UK,ST=...,CN=localhost"; undefined when there is none.
Connection.prototype.getPeerCertificate = function (format) {
  if (this._token === null) return undefined;
  return tls.peerCertificate(this._token, format);
};
