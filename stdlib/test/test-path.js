// Tests of the "path" module.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - the document's examples ("Path Module"): the document;
//   - lines marked "From the facts file": the facts file, "### path" (what v0.1.27's code did);
//   - the rest: NO SOURCE; they follow from the same code as the facts file's cases.
var common = require("./common");
var assert = common.assert;
var path = require("../path");

// --- The API document's examples, verbatim. ---
assert.equal(require("../path").join("/foo", "bar", "baz/asdf", "quux", ".."), "/foo/bar/baz/asdf");
assert.deepEqual(require("../path").normalizeArray(["", "foo", "bar", "baz", "asdf", "quux", ".."]),
                 ["", "foo", "bar", "baz", "asdf"]);
assert.equal(require("../path").normalize("/foo/bar/baz/asdf/quux/.."), "/foo/bar/baz/asdf");
assert.equal(require("../path").dirname("/foo/bar/baz/asdf/quux"), "/foo/bar/baz/asdf");
assert.equal(require("../path").basename("/foo/bar/baz/asdf/quux.html"), "quux.html");
assert.equal(require("../path").basename("/foo/bar/baz/asdf/quux.html", ".html"), "quux");
assert.equal(require("../path").extname("index.html"), ".html");
assert.equal(require("../path").extname("index"), "");

// --- normalizeArray ---
assert.deepEqual(path.normalizeArray([]), []);
assert.deepEqual(path.normalizeArray(["foo", ".", "bar"]), ["foo", "bar"]);
assert.deepEqual(path.normalizeArray(["foo", "", "bar"]), ["foo", "bar"]);
assert.deepEqual(path.normalizeArray(["foo", "bar", ""]), ["foo", "bar", ""]);
assert.deepEqual(path.normalizeArray(["", ".."]), ["", ".."]);
assert.deepEqual(path.normalizeArray(["..", "foo"]), ["..", "foo"]);
// From the facts file ("### path"): normalize("a/..") is "".
assert.deepEqual(path.normalizeArray(["foo", ".."]), []);
// It returns a new array and leaves its argument alone.
var parts = ["a", "..", "b"];
path.normalizeArray(parts);
assert.deepEqual(parts, ["a", "..", "b"]);

// --- keepBlanks, and the facts file's cases, verbatim (facts file, "### path") ---
assert.equal(path.normalize("./fixtures///b/../b/c.js", true), "fixtures///b/c.js");
assert.deepEqual(path.normalizeArray(["fixtures", "", "b", "..", "b", "c.js"], true),
                 ["fixtures", "", "b", "c.js"]);
assert.equal(path.normalize("a//b//../b", true), "a//b/b");
assert.equal(path.normalize("a//b//./c", true), "a//b//c");
assert.equal(path.normalize("a//b//.", true), "a//b/");
assert.equal(path.normalize("./fixtures///b/../b/c.js"), "fixtures/b/c.js");
assert.equal(path.normalize("a//b//../b"), "a/b");
assert.equal(path.join(".", "fixtures/b", "..", "/b/c.js"), "fixtures/b/c.js");
assert.equal(path.dirname("/foo"), ".");
assert.equal(path.dirname("/a/b/"), "/a/b");
assert.equal(path.basename("/a/b/"), "");
assert.equal(path.join("", "foo"), "/foo");
assert.equal(path.normalize(""), "");
assert.equal(path.normalize("a/.."), "");
assert.equal(path.normalize("/.."), "/..");

// --- normalize ---
// "." parts and repeated slashes go away.
assert.equal(path.normalize("/foo/./bar"), "/foo/bar");
assert.equal(path.normalize("./foo"), "foo");
assert.equal(path.normalize("/foo//bar"), "/foo/bar");
assert.equal(path.normalize("foo///"), "foo/");
// A trailing slash is kept.
assert.equal(path.normalize("/foo/bar/"), "/foo/bar/");
assert.equal(path.normalize("/foo/bar/.."), "/foo");
assert.equal(path.normalize("/foo/bar/../"), "/foo/");
// ".." right after the root is kept.
// From the facts file ("### path"): normalize("/..") is "/..".
assert.equal(path.normalize("/.."), "/..");
assert.equal(path.normalize("/../../foo"), "/../../foo");
assert.equal(path.normalize("/foo/../../bar"), "/../bar");
// ".." past the start of a relative path is kept.
assert.equal(path.normalize(".."), "..");
assert.equal(path.normalize("../foo"), "../foo");
assert.equal(path.normalize("foo/../../bar"), "../bar");
assert.equal(path.normalize("../../foo/.."), "../..");
// A relative path that cancels out is "".
// From the facts file ("### path"): normalize("a/..") is "".
assert.equal(path.normalize("foo/.."), "");
assert.equal(path.normalize("foo/../"), "");
// The root, the empty path, and ".".
assert.equal(path.normalize("/"), "/");
assert.equal(path.normalize("//"), "/");
// From the facts file ("### path"): normalize("") is "".
assert.equal(path.normalize(""), "");
assert.equal(path.normalize("."), ".");
// Names that merely contain dots are names.
assert.equal(path.normalize("/foo/...bar/..baz."), "/foo/...bar/..baz.");

// --- join ---
assert.equal(path.join("foo", "bar"), "foo/bar");
assert.equal(path.join("/foo/", "/bar/"), "/foo/bar/");
assert.equal(path.join("foo", "../..", "bar"), "../bar");
assert.equal(path.join("/", ".."), "/..");
// The arguments are glued with "/" as they are.
// From the facts file ("### path"): join("", "foo") is "/foo".
assert.equal(path.join("", "foo"), "/foo");
assert.equal(path.join("foo", ""), "foo/");
assert.equal(path.join("", ""), "/");
assert.equal(path.join(), "");
assert.equal(path.join("/", ""), "/");

// --- dirname ---
assert.equal(path.dirname("/foo/bar"), "/foo");
// From the facts file ("### path"): dirname("/foo") is ".".
assert.equal(path.dirname("/foo"), ".");
assert.equal(path.dirname("/"), ".");
assert.equal(path.dirname("foo"), ".");
assert.equal(path.dirname("foo/bar"), "foo");
assert.equal(path.dirname(""), ".");
// Everything before the last slash.
// From the facts file ("### path"): dirname("/a/b/") is "/a/b".
assert.equal(path.dirname("/foo/bar/"), "/foo/bar");
assert.equal(path.dirname("foo/"), "foo");
assert.equal(path.dirname("/foo//bar"), "/foo/");
assert.equal(path.dirname("//foo"), "/");

// --- basename ---
assert.equal(path.basename("quux.html"), "quux.html");
// From the facts file ("### path"): basename("/a/b/") is "".
assert.equal(path.basename("/foo/bar/"), "");
assert.equal(path.basename("/foo/bar//"), "");
assert.equal(path.basename("/"), "");
assert.equal(path.basename(""), "");
assert.equal(path.basename("/a/quux.html", "html"), "quux.");
// ext is cut only when the name ends with it.
assert.equal(path.basename("/a/quux.html", ".js"), "quux.html");
// A name that is nothing but ext keeps it, as with the Unix command.
assert.equal(path.basename("/a/.html", ".html"), ".html");
assert.equal(path.basename("/a/quux.html/", ".html"), "");

// --- extname ---
assert.equal(path.extname("/foo/bar.txt"), ".txt");
assert.equal(path.extname("archive.tar.gz"), ".gz");
assert.equal(path.extname("file."), ".");
// Everything after the last ".", so a dotfile's name is its extension.
assert.equal(path.extname(".profile"), ".profile");
// A dot in a directory's name is not the file's extension.
assert.equal(path.extname("/foo.d/bar"), "");
// What follows the last slash is "" (basename, facts file "### path"), so no extension.
assert.equal(path.extname("/foo/bar.js/"), "");
assert.equal(path.extname(""), "");

// exists: the document's path.exists example (true for a file that exists).
// --- exists: the document's example, with callbacks counted on exit. ---
var calls = {};
function count(name) { calls[name] = (calls[name] || 0) + 1; }

require("../path").exists(__filename, function (exists) {
  assert.strictEqual(exists, true);
  count("this file");
});
require("../path").exists(__dirname + "/no-such-file", function (exists) {
  assert.strictEqual(exists, false);
  count("missing");
});
require("../path").exists(__dirname, function (exists) {
  assert.strictEqual(exists, true);
  count("directory");
});

process.addListener("exit", function () {
  assert.deepEqual(calls, { "this file": 1, "missing": 1, "directory": 1 });
});
