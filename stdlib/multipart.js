// The multipart module: parses multipart/form-data (RFC 2046, section 5.1), the body of an
// HTML form upload, as node v0.1.27's multipart.js did: a Stream emits a Part for each part,
// and each Part emits its body in chunks, so that a large upload is never held whole.
//
// Bodies are strings of one character per byte (the "binary" encoding of a request body).

var events = require("events");

// ---- multipart.Stream ----------------------------------------------------------------------

// new Stream(options): `options` is an http.ServerRequest (its Content-Type gives the boundary,
// its body is read as it comes) or {boundary, data} for a body already at hand.
//
// `this.boundary` is the delimiter line as it appears in the body. A boundary taken from a
// request's Content-Type gets "--" put in front of it; the `boundary` option is used exactly as
// given, so callers pass it with the leading "--" ({boundary: "--AaB03x"}). No boundary at all
// throws an Error. (Facts file, "### multipart".)
function Stream(options) {
  events.EventEmitter.call(this);
  this.bytesReceived = 0;
  this.bytesTotal = 0;
  this._buffer = "";          // what is read and not parsed yet
  this._state = "preamble";   // preamble, headers, body, epilogue
  this._part = null;
  var self = this;
  if (options && options.headers) {
    var contentType = options.headers["content-type"] || "";
    var match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    if (!/^multipart\//i.test(contentType) || !match) {
      throw new Error("Content-Type header not set to multipart with a boundary");
    }
    this.boundary = "--" + (match[1] || match[2]);
    this.bytesTotal = parseInt(options.headers["content-length"], 10) || 0;
    options.addListener("body", function (chunk) { self.write(chunk); });
    options.addListener("complete", function () { self._end(); });
  } else {
    if (!options || !options.boundary) throw new Error("No boundary option given");
    this.boundary = options.boundary;
    this.bytesTotal = (options.data || "").length;
    // As with a request, the events come after the listeners have been added.
    process.nextTick(function () {
      self.write(options.data || "");
      self._end();
    });
  }
  // The delimiter before each part; the first may start the body without the CRLF.
  this._delimiter = "\r\n" + this.boundary;
}
process.inherits(Stream, events.EventEmitter);
exports.Stream = Stream;

// Takes the next piece of the body.
Stream.prototype.write = function (chunk) {
  this.bytesReceived += chunk.length;
  this._buffer += chunk;
  while (this._step()) {}
};

// Parses what it can of the buffer; true when it should be called again.
Stream.prototype._step = function () {
  var buffer = this._buffer, at;
  switch (this._state) {
    case "preamble":
      // Before the first delimiter: a preamble to skip. The body may start with the
      // delimiter, without the CRLF before it.
      var open = this.boundary;
      if (buffer.length < open.length && open.indexOf(buffer) === 0) return false;
      if (buffer.slice(0, open.length) === open) {
        at = 0;
      } else {
        at = buffer.indexOf(this._delimiter);
        if (at < 0) {
          this._keep(buffer, this._delimiter.length);
          return false;
        }
        at += 2;
      }
      this._buffer = buffer.slice(at + open.length);
      this._state = "afterDelimiter";
      return true;
    case "afterDelimiter":
      // "--" closes the body; otherwise the rest of the line (spaces, CRLF) is skipped.
      if (buffer.length < 2) return false;
      if (buffer.slice(0, 2) === "--") {
        this._state = "epilogue";
        this._buffer = "";
        return false;
      }
      at = buffer.indexOf("\r\n");
      if (at < 0) return false;
      this._buffer = buffer.slice(at + 2);
      this._state = "headers";
      return true;
    case "headers":
      at = buffer.indexOf("\r\n\r\n");
      var headerEnd = 4;
      if (buffer.slice(0, 2) === "\r\n") {   // a part without headers
        at = 0;
        headerEnd = 2;
      }
      if (at < 0) return false;
      var part = new Part(this, parseHeaders(buffer.slice(0, at)));
      this._buffer = buffer.slice(at + headerEnd);
      this._part = part;
      this._state = "body";
      this.emit("part", part);
      return true;
    case "body":
      at = buffer.indexOf(this._delimiter);
      if (at < 0) {
        // All but what could be the start of a delimiter is body.
        var keep = this._delimiter.length - 1;
        if (buffer.length > keep) {
          this._part._body(buffer.slice(0, buffer.length - keep));
          this._buffer = buffer.slice(buffer.length - keep);
        }
        return false;
      }
      if (at > 0) this._part._body(buffer.slice(0, at));
      this._buffer = buffer.slice(at + this._delimiter.length);
      var done = this._part;
      this._part = null;
      this._state = "afterDelimiter";
      done.emit("complete");
      return true;
    default:    // epilogue: ignored
      this._buffer = "";
      return false;
  }
};

// Keeps only the last `length` characters of an unparsed buffer (a delimiter may begin there).
Stream.prototype._keep = function (buffer, length) {
  if (buffer.length > length) this._buffer = buffer.slice(buffer.length - length);
};

// The body has ended: a part cut short is completed with what it had.
Stream.prototype._end = function () {
  if (this._part) {
    if (this._buffer) this._part._body(this._buffer);
    this._buffer = "";
    var part = this._part;
    this._part = null;
    part.emit("complete");
  }
  this.emit("complete");
};

// "Name: value" lines, names lower-cased as in http.
function parseHeaders(text) {
  var headers = {};
  var lines = text.split("\r\n");
  for (var i = 0; i < lines.length; i++) {
    var colon = lines[i].indexOf(":");
    if (colon <= 0) continue;
    var name = lines[i].slice(0, colon).replace(/\s+$/, "").toLowerCase();
    headers[name] = lines[i].slice(colon + 1).replace(/^\s+|\s+$/g, "");
  }
  return headers;
}

// ---- multipart.Part ------------------------------------------------------------------------

// A part: `headers`, and from its Content-Disposition `name` and (for a file) `filename`;
// `bytesReceived`, the body bytes it has emitted so far; getStream(), the Stream it is part
// of; and `buffer`, the header bytes not yet parsed (facts file, "### multipart"). A Part is
// made once its headers are parsed, so `buffer` is "" whenever "body" or "complete" fires;
// until then the header bytes wait in the Stream.
function Part(stream, headers) {
  events.EventEmitter.call(this);
  this.stream = stream;
  this.headers = headers;
  this.buffer = "";
  this.bytesReceived = 0;
  var disposition = headers["content-disposition"] || "";
  this.name = parameter(disposition, "name");
  this.filename = parameter(disposition, "filename");
}
process.inherits(Part, events.EventEmitter);
exports.Part = Part;

Part.prototype.getStream = function () {
  return this.stream;
};

// Emits a piece of the body, counted first.
Part.prototype._body = function (chunk) {
  this.bytesReceived += chunk.length;
  this.emit("body", chunk);
};

// A parameter of a header value: name="value" or name=value.
function parameter(value, name) {
  var match = new RegExp("(?:^|;)\\s*" + name + "=(?:\"([^\"]*)\"|([^;]*))", "i").exec(value);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1] : match[2].replace(/\s+$/, "");
}

// ---- multipart.parse -----------------------------------------------------------------------

// parse(options): a promise of {name: body} for every part (options as for Stream); an Error
// when there is no boundary.
exports.parse = function (options) {
  var promise = new events.Promise();
  var stream;
  try {
    stream = new Stream(options);
  } catch (error) {
    process.nextTick(function () { promise.emitError(error); });
    return promise;
  }
  var parts = {};
  stream.addListener("part", function (part) {
    var body = "";
    part.addListener("body", function (chunk) { body += chunk; });
    part.addListener("complete", function () { parts[part.name] = body; });
  });
  stream.addListener("complete", function () { promise.emitSuccess(parts); });
  return promise;
};
