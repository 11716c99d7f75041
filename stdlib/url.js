// The "url" module: take URLs apart, put them together, and resolve a
// relative URL against a base as a browser resolves a link.
//
//   parse("http://user:pass@host.com:8080/p/a/t/h?query=string#hash")
//   => { href: "http://user:pass@host.com:8080/p/a/t/h?query=string#hash",
//        protocol: "http:", slashes: true,
//        host: "user:pass@host.com:8080", auth: "user:pass",
//        hostname: "host.com", port: "8080",
//        pathname: "/p/a/t/h", search: "?query=string", query: "query=string",
//        hash: "#hash" }
//
// As in node v0.1.27, host is the whole authority, "user:pass@" included.
// A part that is not in the URL string is not in the object at all (no
// empty strings standing in for missing parts), with one exception: a URL
// that has an authority always gets a hostname, even an empty one.

var querystring = require("querystring");

// The scheme: lower-case letters and digits, then ":". As in v0.1.27 (facts file, "### url"),
// nothing else counts: "HTTP://x/" has no protocol and is all pathname.
var protocolPattern = /^[a-z0-9]+:/;

// Schemes that never have a host: in "file:///etc/passwd" the slashes stay in the pathname
// and there is no `slashes`, `host` or `hostname` (facts file, "### url").
var hostlessProtocol = { "file:": true };

// Hierarchical schemes: their URLs are written "scheme://host/path" and a
// missing "//" means there is no host ("http:g" is a path). Other schemes
// put the host straight after the colon, as in "mailto:user@host.com".
var slashedProtocol = {
  "http:": true, "https:": true, "ftp:": true, "gopher:": true, "file:": true
};

// The characters that end the authority and start the path, query or
// fragment (RFC 3986 section 3.2). A ";" does not: it may appear in a host.
var hostEnders = ["/", "?", "#"];
// For the schemes that put the host straight after the colon, a ";" ends it too:
// "javascript:alert('hello');" has host "alert('hello')" and pathname ";" (facts file,
// "### url").
var unslashedHostEnders = ["/", "?", ";", "#"];

exports.parse = urlParse;
exports.format = urlFormat;
exports.resolve = urlResolve;
exports.resolveObject = urlResolveObject;

// ---------------------------------------------------------------------------
// url.parse(urlStr, parseQueryString=false)
//
// The string is taken apart from the front (protocol, then authority) and
// then from the back (hash, then search), and what remains is the pathname.
// With parseQueryString, query is an object made by querystring.parse.
// An object passed in is taken to be parsed already and is returned as is.

function urlParse(url, parseQueryString) {
  if (url && typeof url === "object" && url.href !== undefined) return url;

  url = String(url);
  var result = { href: url };
  var rest = url;

  var protocol = protocolPattern.exec(rest);
  if (protocol) {
    protocol = protocol[0];
    rest = rest.slice(protocol.length);
    result.protocol = protocol;
  }

  // "//" starts an authority (RFC 3986 section 3.2), with or without a
  // protocol before it: "//host/path" is a network-path reference.
  if (!hostlessProtocol[protocol] && rest.slice(0, 2) === "//") {
    rest = rest.slice(2);
    result.slashes = true;
  }

  if (!hostlessProtocol[protocol] &&
      (result.slashes || (protocol && !slashedProtocol[protocol]))) {
    var end = rest.length;
    var enders = result.slashes ? hostEnders : unslashedHostEnders;
    for (var i = 0; i < enders.length; i++) {
      var at = rest.indexOf(enders[i]);
      if (at !== -1 && at < end) end = at;
    }
    result.host = rest.slice(0, end);
    rest = rest.slice(end);
    parseHost(result.host, result);
  }

  // The fragment goes first, since it may itself contain a "?".
  var hash = rest.indexOf("#");
  if (hash !== -1) {
    result.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }

  var question = rest.indexOf("?");
  if (question !== -1) {
    result.search = rest.slice(question);
    result.query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  if (parseQueryString && result.query !== undefined) {
    result.query = querystring.parse(result.query);
  }

  if (rest) result.pathname = rest;
  return result;
}

// Split an authority "user:pass@host.com:8080" into auth, hostname and port,
// setting them on result. The last "@" ends the user information, so that
// an unescaped "@" in a password still parses. An IPv6 address is written in
// brackets, "[::1]:8000", so that its colons are not taken for the port's;
// hostname is the address without them ("::1"), ready to connect to.
function parseHost(host, result) {
  var at = host.lastIndexOf("@");
  if (at !== -1) {
    result.auth = host.slice(0, at);
    host = host.slice(at + 1);
  }

  var hostname = host;
  var port = "";
  var close = host.charAt(0) === "[" ? host.indexOf("]") : -1;
  if (close !== -1) {
    hostname = host.slice(1, close);
    var after = host.slice(close + 1);
    if (/^:[0-9]*$/.test(after)) port = after.slice(1);
  } else {
    var colon = /:([0-9]*)$/.exec(host);
    if (colon) {
      hostname = host.slice(0, colon.index);
      port = colon[1];
    }
  }

  // "host:" has an empty port: the colon belongs to neither part.
  if (port) result.port = port;
  result.hostname = hostname;
}

// ---------------------------------------------------------------------------
// url.format(urlObj)
//
// The inverse of parse: protocol, then "//" and the authority, then pathname,
// search and hash. host is used when present; otherwise the authority is
// built from auth, hostname and port. search is used when present;
// otherwise query, stringified by querystring if it is an object.
// The "//" is written for hierarchical schemes (http:, ftp:, ...) and for
// any URL that was parsed with it, never for "mailto:" and the like.

function urlFormat(obj) {
  if (typeof obj === "string") obj = urlParse(obj);

  var protocol = obj.protocol || "";
  if (protocol && protocol.charAt(protocol.length - 1) !== ":") protocol += ":";

  // false: there is no authority at all (not even an empty one).
  var host = false;
  if (obj.host !== undefined && obj.host !== null) {
    host = String(obj.host);
  } else if (obj.hostname !== undefined && obj.hostname !== null) {
    var hostname = String(obj.hostname);
    if (hostname.indexOf(":") !== -1) hostname = "[" + hostname + "]";
    host = (obj.auth ? obj.auth + "@" : "") + hostname +
           (obj.port ? ":" + obj.port : "");
  }

  var pathname = obj.pathname || "";

  var search = obj.search || "";
  if (!search && obj.query !== undefined && obj.query !== null) {
    search = typeof obj.query === "object"
      ? querystring.stringify(obj.query)
      : String(obj.query);
  }
  if (search && search.charAt(0) !== "?") search = "?" + search;

  var hash = obj.hash || "";
  if (hash && hash.charAt(0) !== "#") hash = "#" + hash;

  if (obj.slashes || ((!protocol || slashedProtocol[protocol]) && host !== false)) {
    host = "//" + (host || "");
    // After an authority the path must be absolute, or it would run into
    // the host name.
    if (pathname && pathname.charAt(0) !== "/") pathname = "/" + pathname;
  } else if (!host) {
    host = "";
  }

  return protocol + host + pathname + search + hash;
}

// ---------------------------------------------------------------------------
// url.resolve(from, to) and url.resolveObject(from, to)
//
// Resolve the reference "to" against the base "from" by RFC 3986 section
// 5.2, as a browser does for <a href>:
//
//   resolve("http://a/b/c/d;p?q", "../g")  => "http://a/b/g"
//   resolve("http://a/b/c/d;p?q", "//g")   => "http://g"
//   resolve("http://a/b/c/d;p?q", "?y")    => "http://a/b/c/d;p?y"
//
// resolveObject returns the parsed form of the result; either argument may
// be a string or an object from url.parse. Neither argument is modified.

function urlResolve(source, relative) {
  return urlFormat(urlResolveObject(source, relative));
}

// The authority parts, copied together from whichever URL supplies them.
var authorityFields = ["slashes", "host", "auth", "hostname", "port"];

function urlResolveObject(source, relative) {
  source = urlParse(source);
  relative = urlParse(relative);

  // A base of a scheme without "//" (foo:, mailto:, zz:): its host counts as the first path
  // segment (facts file, "### url", the table of other protocols).
  if (source.protocol && !slashedProtocol[source.protocol] && source.host !== undefined &&
      !source.slashes &&
      (relative.protocol === source.protocol ||
       (!relative.protocol && relative.host === undefined))) {
    return resolveHostAsSegment(source, relative);
  }

  var result = {};
  var authorityFrom, path, queryFrom;

  // A reference with the base's own hierarchical scheme and no authority,
  // "http:g", is resolved as if the scheme were not there. RFC 3986 section
  // 5.4.2 allows this for backward compatibility, and browsers do it.
  var protocol = relative.protocol;
  if (protocol && protocol === source.protocol &&
      slashedProtocol[protocol] && relative.host === undefined) {
    protocol = undefined;
  }

  if (protocol && slashedProtocol[protocol] && !hostlessProtocol[protocol] &&
      relative.host === undefined) {
    // Another known scheme without a host ("https:/p/a/t/h"): its first non-empty path
    // segment becomes the host, and the path is the rest, at least "/" (facts file,
    // "### url": "https:#hash2" => "https:///#hash2").
    var segments = (relative.pathname || "").split("/");
    var host = "";
    while (segments.length && !(host = segments.shift()));
    result.protocol = protocol;
    result.slashes = true;
    authorityFrom = urlParse(protocol + "//" + host);
    path = removeDotSegments("/" + segments.join("/"));
    queryFrom = relative;
  } else if (protocol) {
    // An absolute URL: the base contributes nothing.
    result.protocol = protocol;
    authorityFrom = relative;
    path = removeDotSegments(relative.pathname || "");
    queryFrom = relative;
  } else if (relative.host !== undefined) {
    // "//host/path": only the base's protocol is kept.
    result.protocol = source.protocol;
    authorityFrom = relative;
    path = removeDotSegments(relative.pathname || "");
    queryFrom = relative;
  } else {
    result.protocol = source.protocol;
    authorityFrom = source;
    if (!relative.pathname) {
      // "", "?y" or "#s": the base's path, and its query unless replaced.
      path = source.pathname || "";
      queryFrom = relative.search !== undefined ? relative : source;
    } else {
      path = relative.pathname.charAt(0) === "/"
        ? relative.pathname
        : mergePaths(source, relative.pathname);
      path = removeDotSegments(path);
      queryFrom = relative;
    }
  }

  if (result.protocol === undefined) delete result.protocol;
  for (var i = 0; i < authorityFields.length; i++) {
    var field = authorityFields[i];
    if (authorityFrom[field] !== undefined) result[field] = authorityFrom[field];
  }
  if (path) result.pathname = path;
  if (queryFrom.search !== undefined) result.search = queryFrom.search;
  if (queryFrom.query !== undefined) result.query = queryFrom.query;
  // The fragment always comes from the reference, never from the base.
  if (relative.hash !== undefined) result.hash = relative.hash;

  result.href = urlFormat(result);
  return result;
}

// resolveObject for a base such as "foo:a/b" or "mailto:local": the host and the pathname
// make one path whose first segment is the host; the reference is resolved against that path
// ("foo:a/b" and "../c" give "foo:c"), ".." never climbs out of it ("zz:abc" and
// "foo/../../../bar" give "zz:bar"), and the first segment of the result is its host.
// A reference of the same scheme ("foo:.") counts as relative. (Facts file, "### url".)
function resolveHostAsSegment(source, relative) {
  var basePath = source.host + (source.pathname || "");
  var relPath = (relative.protocol ? relative.host || "" : "") + (relative.pathname || "");
  var path, queryFrom;
  if (relPath === "") {
    path = basePath;
    queryFrom = relative.search !== undefined ? relative : source;
  } else {
    path = relPath.charAt(0) === "/"
      ? relPath
      : basePath.slice(0, basePath.lastIndexOf("/") + 1) + relPath;
    path = removeDotSegments(path, true);
    queryFrom = relative;
  }
  var slash = path.indexOf("/");
  var result = {
    protocol: source.protocol,
    host: slash === -1 ? path : path.slice(0, slash),
    pathname: slash === -1 ? "" : path.slice(slash),
    search: queryFrom.search,
    hash: relative.hash
  };
  var parsed = urlParse(urlFormat(result));
  // A query kept from the base keeps its parsed form.
  if (queryFrom.query !== undefined) parsed.query = queryFrom.query;
  return parsed;
}

// RFC 3986 section 5.2.3: a relative path replaces the last segment of the
// base's path ("/b/c/d;p" + "g" => "/b/c/g"). A base with an authority and no
// path stands for "/".
function mergePaths(base, relativePath) {
  var basePath = base.pathname || "";
  if (base.host !== undefined && basePath === "") return "/" + relativePath;
  return basePath.slice(0, basePath.lastIndexOf("/") + 1) + relativePath;
}

// RFC 3986 section 5.2.4: interpret the "." and ".." segments of a path.
//
//   "/b/c/./../g"  => "/b/g"      "/b/c/.."  => "/b/"     "/../g"  => "/g"
//
// A path ending in "." or ".." ends with a slash, since it names a
// directory. Empty segments ("a//b") are kept: unlike file names, URL
// paths give them meaning. ".." never climbs above the root of an absolute
// path; in a relative path (when both URLs are relative) it is kept when
// there is nothing left to remove: "a/../../g" => "../g".
function removeDotSegments(path, dropExcess) {
  var absolute = path.charAt(0) === "/";
  var segments = path.split("/");
  var output = [];
  for (var i = absolute ? 1 : 0; i < segments.length; i++) {
    var segment = segments[i];
    var isLast = i === segments.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") {
        if (output.length > 0 && output[output.length - 1] !== "..") {
          output.pop();
        } else if (!absolute && !dropExcess) {
          output.push("..");
        }
      }
      if (isLast) output.push("");
      continue;
    }
    output.push(segment);
  }
  return (absolute ? "/" : "") + output.join("/");
}
