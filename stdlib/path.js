// The "path" module: string operations on Unix file paths.
//
// Everything here except exists() is pure string work and never touches the
// file system. A path is treated as a list of parts separated by "/":
//
//   "/foo/bar/"  splits into  ["", "foo", "bar", ""]
//
// A leading "" means the path is absolute, a trailing "" means it ended with
// a slash. normalizeArray() works on that list; normalize() and join() are
// built on it.

// Normalize an array of path parts, taking care of ".." and "." parts.
//
//   normalizeArray(["", "foo", "bar", "baz", "asdf", "quux", ".."])
//     => ["", "foo", "bar", "baz", "asdf"]
//
// Rules, in the order a reader will want them:
// - a first part of "" (an absolute path) is kept, and ".." can never climb
//   above it: "/.." is "/", as the kernel treats it;
// - a last part of "" (a trailing slash) is kept, so "foo/" stays "foo/";
// - empty parts in between ("foo//bar") and "." parts are dropped;
// - ".." removes the part before it; in a relative path, a ".." with nothing
//   left to remove is kept ("../foo" stays as it is);
// - a relative path that cancels out entirely becomes ".".
exports.normalizeArray = function (parts) {
  if (parts.length === 0) return [];

  var last = parts.length - 1;
  var absolute = parts.length > 1 && parts[0] === "";
  var trailingSlash = last > 0 && parts[last] === "";
  var kept = [];

  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (kept.length > 0 && kept[kept.length - 1] !== "..") {
        kept.pop();
      } else if (!absolute) {
        kept.push("..");
      }
      // In an absolute path a ".." at the root is simply dropped.
      continue;
    }
    kept.push(part);
  }

  if (absolute) {
    // ["", ""] joins to "/": the root with nothing below it.
    kept.unshift("");
    if (kept.length === 1) kept.push("");
  } else if (kept.length === 0) {
    kept.push(".");
  }
  // The root already ends in a slash; anything else keeps its trailing one.
  if (trailingSlash && kept[kept.length - 1] !== "") kept.push("");
  return kept;
};

// Normalize a string path, taking care of ".." and "." parts.
//
//   normalize("/foo/bar/baz/asdf/quux/..")  => "/foo/bar/baz/asdf"
//   normalize("")                           => "."
exports.normalize = function (path) {
  return exports.normalizeArray(path.split("/")).join("/");
};

// Join all arguments together with "/" and normalize the result.
//
//   join("/foo", "bar", "baz/asdf", "quux", "..")  => "/foo/bar/baz/asdf"
//
// Empty arguments contribute nothing, so join("", "foo") is "foo", not the
// absolute "/foo" that gluing the strings together would give.
exports.join = function () {
  var parts = [];
  for (var i = 0; i < arguments.length; i++) {
    // String() as Array.prototype.join would do it: null and undefined are "".
    var arg = arguments[i] == null ? "" : String(arguments[i]);
    if (arg !== "") parts.push(arg);
  }
  return exports.normalize(parts.join("/"));
};

// Strip the slashes a path ends with, but leave a root "/" alone:
// "/foo/bar//" => "/foo/bar", "///" => "/".
function stripTrailingSlashes(path) {
  var end = path.length;
  while (end > 1 && path.charAt(end - 1) === "/") end--;
  return path.slice(0, end);
}

// Return the directory name of a path, as the Unix dirname command does.
//
//   dirname("/foo/bar/baz/asdf/quux")  => "/foo/bar/baz/asdf"
//   dirname("/foo")  => "/"      dirname("foo")  => "."
//   dirname("/foo/bar/")  => "/foo"   (a trailing slash does not count)
exports.dirname = function (path) {
  path = stripTrailingSlashes(path);
  var slash = path.lastIndexOf("/");
  if (slash === -1) return ".";
  // Drop the last part and the slashes in front of it: "a//b" => "a".
  var dir = stripTrailingSlashes(path.slice(0, slash));
  return dir === "" ? "/" : dir;
};

// Return the last portion of a path, as the Unix basename command does;
// when ext is given and the name ends with it, cut it off.
//
//   basename("/foo/bar/baz/asdf/quux.html")           => "quux.html"
//   basename("/foo/bar/baz/asdf/quux.html", ".html")  => "quux"
//   basename("/foo/bar/")  => "bar"
//
// As with the Unix command, a name that is nothing but the extension keeps
// it: basename("/a/.html", ".html") is ".html".
exports.basename = function (path, ext) {
  path = stripTrailingSlashes(path);
  var name = path.slice(path.lastIndexOf("/") + 1);
  if (ext && name.length > ext.length &&
      name.slice(name.length - ext.length) === ext) {
    name = name.slice(0, name.length - ext.length);
  }
  return name;
};

// Return the extension of the path: everything from the last "." of the
// last portion on; "" if there is no ".".
//
//   extname("index.html")  => ".html"
//   extname("index")       => ""
//
// Only the last portion counts, so extname("/a.d/file") is "": a dot in a
// directory's name is not the file's extension.
exports.extname = function (path) {
  var name = exports.basename(path);
  var dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot);
};

// Test whether the path exists, then call callback(true) or callback(false).
//
//   require("path").exists("/etc/passwd", function (exists) { ... });
//
// This is the one call that needs the file system. It is written against the
// documented posix module: posix.stat(path) returns a promise that emits
// "success" if the path can be stat()ed and "error" if not. The module is
// required on first use rather than at load time, so that loading "path" (a
// pure string module) never depends on the file system binding.
exports.exists = function (path, callback) {
  var promise = require("posix").stat(path);
  promise.addCallback(function () { callback(true); });
  promise.addErrback(function () { callback(false); });
};
