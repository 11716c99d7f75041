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
// These are the rules of node v0.1.27's own code, which programs relied on
// (the facts file, /work/shared/reference/beyond-the-document.md, "### path"):
// - an empty part is dropped unless it is the first (an absolute path) or
//   the last (a trailing slash), or `keepBlanks` is true;
// - a "." part is dropped unless it is the first part, and a first "." is
//   replaced by whatever part follows it;
// - ".." removes the part kept before it, unless that part is "..", "." or
//   nothing, or is "" while `keepBlanks` is false: so "/.." stays "/..";
// - a path that cancels out entirely is [] (normalize("a/..") is "").
exports.normalizeArray = function (parts, keepBlanks) {
  var directories = [], prev;
  for (var i = 0, l = parts.length - 1; i <= l; i++) {
    var directory = parts[i];

    // A blank that is neither the first nor the last part: "a//b".
    if (directory === "" && i !== 0 && i !== l && !keepBlanks) continue;

    // A dot after some other part.
    if (directory === "." && prev !== undefined) continue;

    if (directory === ".." && directories.length && prev !== ".." && prev !== "." &&
        prev !== undefined && (prev !== "" || keepBlanks)) {
      directories.pop();
      prev = directories.slice(-1)[0];
    } else {
      if (prev === ".") directories.pop();
      directories.push(directory);
      prev = directory;
    }
  }
  return directories;
};

// Normalize a string path, taking care of ".." and "." parts.
//
//   normalize("/foo/bar/baz/asdf/quux/..")  => "/foo/bar/baz/asdf"
//   normalize("./fixtures///b/../b/c.js", true)  => "fixtures///b/c.js"
//   normalize("")  => ""
exports.normalize = function (path, keepBlanks) {
  return exports.normalizeArray(path.split("/"), keepBlanks).join("/");
};

// Join all arguments together with "/" and normalize the result.
//
//   join("/foo", "bar", "baz/asdf", "quux", "..")  => "/foo/bar/baz/asdf"
//
// The arguments are glued with "/" as they are, so join("", "foo") is "/foo"
// (facts file, "### path").
exports.join = function () {
  return exports.normalize(Array.prototype.join.call(arguments, "/"));
};

// Return the directory name of a path: everything before its last "/", or
// "." when that is nothing (facts file, "### path").
//
//   dirname("/foo/bar/baz/asdf/quux")  => "/foo/bar/baz/asdf"
//   dirname("/foo")  => "."      dirname("/a/b/")  => "/a/b"
exports.dirname = function (path) {
  return path.substr(0, path.lastIndexOf("/")) || ".";
};

// Return what follows the last "/" of a path; when ext is given and the
// name ends with it, cut it off.
//
//   basename("/foo/bar/baz/asdf/quux.html")           => "quux.html"
//   basename("/foo/bar/baz/asdf/quux.html", ".html")  => "quux"
//   basename("/a/b/")  => ""    (facts file, "### path")
//
// A name that is nothing but the extension keeps it: basename("/a/.html",
// ".html") is ".html".
exports.basename = function (path, ext) {
  var name = path.substr(path.lastIndexOf("/") + 1);
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
