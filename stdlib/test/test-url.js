// Tests of the "url" module.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - the example URL's fields, parseQueryString: the document ("URL Module");
//   - resolve: the document says "as a browser would for an anchor tag": RFC 3986, section 5.4;
//   - resolveObject: the facts file ("## url, repl, ...");
//   - the other parse and format cases: NO SOURCE in the document or the facts file (they
//     are our reading of RFC 3986); lines marked "From the facts file": the facts file,
//     "### url".
var common = require("./common");
var assert = common.assert;
var url = require("../url");

// --- The API document's example URL, field by field. ---
var documented = url.parse("http://user:pass@host.com:8080/p/a/t/h?query=string#hash");
assert.strictEqual(documented.href, "http://user:pass@host.com:8080/p/a/t/h?query=string#hash");
assert.strictEqual(documented.protocol, "http:");
assert.strictEqual(documented.host, "user:pass@host.com:8080");
assert.strictEqual(documented.auth, "user:pass");
assert.strictEqual(documented.hostname, "host.com");
assert.strictEqual(documented.port, "8080");
assert.strictEqual(documented.pathname, "/p/a/t/h");
assert.strictEqual(documented.search, "?query=string");
assert.strictEqual(documented.query, "query=string");
assert.strictEqual(documented.hash, "#hash");
assert.strictEqual(documented.slashes, true);
// ...and nothing else.
assert.deepEqual(Object.keys(documented).sort(),
  ["auth", "hash", "host", "hostname", "href", "pathname", "port", "protocol",
   "query", "search", "slashes"]);
// With parseQueryString, query is "either ... or a querystring-parsed object".
assert.deepEqual(url.parse("http://user:pass@host.com:8080/p/a/t/h?query=string#hash", true).query,
                 {"query":"string"});

// --- parse ---
// Parts that are not in the string are not in the object.
assert.deepEqual(url.parse("/foo/bar"), { href: "/foo/bar", pathname: "/foo/bar" });
assert.deepEqual(url.parse("http://example.com"),
  { href: "http://example.com", protocol: "http:", slashes: true,
    host: "example.com", hostname: "example.com" });
assert.deepEqual(url.parse("http://example.com/"),
  { href: "http://example.com/", protocol: "http:", slashes: true,
    host: "example.com", hostname: "example.com", pathname: "/" });
assert.deepEqual(url.parse("?a=b"), { href: "?a=b", search: "?a=b", query: "a=b" });
assert.deepEqual(url.parse("#top"), { href: "#top", hash: "#top" });
assert.deepEqual(url.parse(""), { href: "" });
// A "?" or "#" with nothing after it is still there.
assert.deepEqual(url.parse("/a?"), { href: "/a?", pathname: "/a", search: "?", query: "" });
assert.deepEqual(url.parse("/a#"), { href: "/a#", pathname: "/a", hash: "#" });
// A "?" inside the fragment belongs to the fragment.
assert.deepEqual(url.parse("/a#b?c"), { href: "/a#b?c", pathname: "/a", hash: "#b?c" });
// The query string keeps its escapes; parseQueryString decodes it.
assert.strictEqual(url.parse("/s?q=a%20b").query, "q=a%20b");
assert.deepEqual(url.parse("/s?q=a%20b&n=1", true).query, { q: "a b", n: 1 });
assert.deepEqual(url.parse("/s?a[]=1&a[]=2&o[k]=v", true).query, { a: [1, 2], o: { k: "v" } });
// No query string: no query, even with parseQueryString.
assert.strictEqual(url.parse("/s", true).query, undefined);
// Port without auth, auth without port, user without password.
assert.strictEqual(url.parse("http://h:80/").port, "80");
assert.strictEqual(url.parse("http://h:80/").hostname, "h");
assert.strictEqual(url.parse("http://u:p@h/").auth, "u:p");
assert.strictEqual(url.parse("http://u:p@h/").port, undefined);
assert.strictEqual(url.parse("http://u@h/").auth, "u");
assert.strictEqual(url.parse("http://u@h/").hostname, "h");
// The last "@" ends the user information.
assert.strictEqual(url.parse("http://u:p@ss@h/").auth, "u:p@ss");
assert.strictEqual(url.parse("http://u:p@ss@h/").hostname, "h");
// An empty port is no port.
assert.strictEqual(url.parse("http://h:/").port, undefined);
assert.strictEqual(url.parse("http://h:/").hostname, "h");
// NO SOURCE: IPv6 hosts are in neither the document nor the facts file.
// IPv6 addresses are written in brackets; hostname is the bare address.
var ipv6 = url.parse("http://[::1]:8000/x");
assert.strictEqual(ipv6.host, "[::1]:8000");
assert.strictEqual(ipv6.hostname, "::1");
assert.strictEqual(ipv6.port, "8000");
assert.strictEqual(ipv6.pathname, "/x");
assert.strictEqual(url.parse("http://[fe80::1]/").hostname, "fe80::1");
assert.strictEqual(url.parse("http://[fe80::1]/").port, undefined);
assert.strictEqual(url.parse("http://u@[::1]:81/").auth, "u");
assert.strictEqual(url.parse("http://u@[::1]:81/").hostname, "::1");
// From the facts file ("### url"): protocols are lower-case only; "HTTP://x/" has no
// protocol and is all pathname. (So does "svn+ssh:", whose "+" the protocol pattern lacks.)
assert.deepEqual(url.parse("HTTP://Example.com/"),
                 { href: "HTTP://Example.com/", pathname: "HTTP://Example.com/" });
assert.strictEqual(url.parse("svn+ssh://h/").protocol, undefined);
// The authority ends at "/", "?" or "#".
assert.strictEqual(url.parse("http://h?q").host, "h");
assert.strictEqual(url.parse("http://h?q").search, "?q");
assert.strictEqual(url.parse("http://h#f").host, "h");
// "//" starts an authority even without a protocol.
assert.deepEqual(url.parse("//h/p"), { href: "//h/p", slashes: true, host: "h", hostname: "h", pathname: "/p" });
// From the facts file ("### url"): file: has no host; the slashes stay in the pathname.
assert.deepEqual(url.parse("file:///etc/passwd"),
  { href: "file:///etc/passwd", protocol: "file:", pathname: "///etc/passwd" });
assert.strictEqual(url.parse("file://localhost/etc/node/").pathname, "//localhost/etc/node/");
// An empty authority still has a hostname, an empty one.
assert.deepEqual(url.parse("http:///p"),
  { href: "http:///p", protocol: "http:", slashes: true, host: "", hostname: "", pathname: "/p" });
// Schemes without "//" put the host straight after the colon...
assert.deepEqual(url.parse("mailto:user@example.com?subject=hi"),
  { href: "mailto:user@example.com?subject=hi", protocol: "mailto:",
    host: "user@example.com", auth: "user", hostname: "example.com",
    search: "?subject=hi", query: "subject=hi" });
// ...except that for http and the like, no "//" means no host.
assert.deepEqual(url.parse("http:g"), { href: "http:g", protocol: "http:", pathname: "g" });
// From the facts file ("### url"): for other protocols the host runs to the first
// "/", "?", ";" or "#".
var js = url.parse("javascript:alert('hello');");
assert.strictEqual(js.host, "alert('hello')");
assert.strictEqual(js.hostname, "alert('hello')");
assert.strictEqual(js.pathname, ";");
// An object is taken to be parsed already.
assert.strictEqual(url.parse(documented), documented);

// --- format ---
// What parse takes apart, format puts back.
[
  "http://user:pass@host.com:8080/p/a/t/h?query=string#hash",
  "http://example.com",
  "http://example.com/",
  "https://[::1]:8000/x?y#z",
  "/just/a/path?q",
  "?q",
  "#f",
  "//h/p",
  "file:///etc/passwd",
  "mailto:user@example.com",
  "http:g",
  "javascript:void(0)",
  ""
].forEach(function (href) {
  assert.strictEqual(url.format(url.parse(href)), href);
});
// A string is parsed first.
assert.strictEqual(url.format("http://h/p"), "http://h/p");
// Without host, the authority is built from auth, hostname and port.
assert.strictEqual(url.format({ protocol: "http:", hostname: "h", port: "81", pathname: "/p" }),
                   "http://h:81/p");
assert.strictEqual(url.format({ protocol: "http:", auth: "u:p", hostname: "h", pathname: "/" }),
                   "http://u:p@h/");
// An IPv6 hostname gets its brackets back.
assert.strictEqual(url.format({ protocol: "http:", hostname: "::1", port: "8000", pathname: "/" }),
                   "http://[::1]:8000/");
// host wins over hostname and port.
assert.strictEqual(url.format({ protocol: "http:", host: "a:1", hostname: "b", port: "2" }),
                   "http://a:1");
// The ":", "?" and "#" are added when missing.
assert.strictEqual(url.format({ protocol: "http", host: "h", search: "q=1", hash: "f" }),
                   "http://h?q=1#f");
// search wins over query; query may be a string or an object.
assert.strictEqual(url.format({ pathname: "/p", search: "?a=1", query: "b=2" }), "/p?a=1");
assert.strictEqual(url.format({ pathname: "/p", query: "b=2" }), "/p?b=2");
assert.strictEqual(url.format({ pathname: "/p", query: { b: 2, c: [1] } }), "/p?b=2&c%5B%5D=1");
// After a host, the path is made absolute.
assert.strictEqual(url.format({ protocol: "http:", host: "h", pathname: "p" }), "http://h/p");
// "//" only for hierarchical schemes, or when the object says so.
assert.strictEqual(url.format({ protocol: "mailto:", host: "a@b" }), "mailto:a@b");
assert.strictEqual(url.format({ protocol: "xmpp:", slashes: true, host: "h" }), "xmpp://h");
assert.strictEqual(url.format({}), "");

// --- resolve: every example of RFC 3986 section 5.4. ---
var base = "http://a/b/c/d;p?q";
var rfcExamples = [
  // 5.4.1 Normal examples
  ["g:h", "g:h"],
  ["g", "http://a/b/c/g"],
  ["./g", "http://a/b/c/g"],
  ["g/", "http://a/b/c/g/"],
  ["/g", "http://a/g"],
  ["//g", "http://g"],
  ["?y", "http://a/b/c/d;p?y"],
  ["g?y", "http://a/b/c/g?y"],
  ["#s", "http://a/b/c/d;p?q#s"],
  ["g#s", "http://a/b/c/g#s"],
  ["g?y#s", "http://a/b/c/g?y#s"],
  [";x", "http://a/b/c/;x"],
  ["g;x", "http://a/b/c/g;x"],
  ["g;x?y#s", "http://a/b/c/g;x?y#s"],
  ["", "http://a/b/c/d;p?q"],
  [".", "http://a/b/c/"],
  ["./", "http://a/b/c/"],
  ["..", "http://a/b/"],
  ["../", "http://a/b/"],
  ["../g", "http://a/b/g"],
  ["../..", "http://a/"],
  ["../../", "http://a/"],
  ["../../g", "http://a/g"],
  // 5.4.2 Abnormal examples
  ["../../../g", "http://a/g"],
  ["../../../../g", "http://a/g"],
  ["/./g", "http://a/g"],
  ["/../g", "http://a/g"],
  ["g.", "http://a/b/c/g."],
  [".g", "http://a/b/c/.g"],
  ["g..", "http://a/b/c/g.."],
  ["..g", "http://a/b/c/..g"],
  ["./../g", "http://a/b/g"],
  ["./g/.", "http://a/b/c/g/"],
  ["g/./h", "http://a/b/c/g/h"],
  ["g/../h", "http://a/b/c/h"],
  ["g;x=1/./y", "http://a/b/c/g;x=1/y"],
  ["g;x=1/../y", "http://a/b/c/y"],
  ["g?y/./x", "http://a/b/c/g?y/./x"],
  ["g?y/../x", "http://a/b/c/g?y/../x"],
  ["g#s/./x", "http://a/b/c/g#s/./x"],
  ["g#s/../x", "http://a/b/c/g#s/../x"],
  // The RFC allows either "http:g" or this; browsers give this.
  ["http:g", "http://a/b/c/g"]
];
rfcExamples.forEach(function (example) {
  assert.strictEqual(url.resolve(base, example[0]), example[1],
                     "resolve(" + JSON.stringify(base) + ", " + JSON.stringify(example[0]) + ")");
});

// --- resolve: other cases a user meets. ---
// An absolute URL replaces the base, dot segments removed.
assert.strictEqual(url.resolve("http://a/b", "https://c/d/../e"), "https://c/e");
// A base with a host and no path: the reference goes below the root.
assert.strictEqual(url.resolve("http://example.com", "foo"), "http://example.com/foo");
assert.strictEqual(url.resolve("http://example.com", "?x"), "http://example.com?x");
// A base ending in "/" is a directory.
assert.strictEqual(url.resolve("http://h/dir/", "file"), "http://h/dir/file");
assert.strictEqual(url.resolve("http://h/dir", "file"), "http://h/file");
// The base's fragment never survives.
assert.strictEqual(url.resolve("http://h/p#f", ""), "http://h/p");
assert.strictEqual(url.resolve("http://h/p#f", "#g"), "http://h/p#g");
// The base's authority, auth and port included, is kept.
assert.strictEqual(url.resolve("http://u:p@h:81/a/b", "../c"), "http://u:p@h:81/c");
assert.strictEqual(url.resolve("http://[::1]:8000/a/b", "c"), "http://[::1]:8000/a/c");
// A network-path reference keeps only the protocol.
assert.strictEqual(url.resolve("https://a/b", "//c/d"), "https://c/d");
// Relative bases resolve to relative results.
assert.strictEqual(url.resolve("/one/two/three", "four"), "/one/two/four");
assert.strictEqual(url.resolve("one/two", "three"), "one/three");
assert.strictEqual(url.resolve("one/two", "../three"), "three");
assert.strictEqual(url.resolve("one/two", "../../three"), "../three");
assert.strictEqual(url.resolve("", "a/b"), "a/b");
// A different scheme with no "//" is absolute.
assert.strictEqual(url.resolve("http://a/b", "mailto:x@y"), "mailto:x@y");
// Empty segments are kept: URL paths give them meaning.
assert.strictEqual(url.resolve("http://a/b//c", "d"), "http://a/b//d");

// --- resolve: the facts file's cases ("### url"), verbatim. ---
var factsBase = "http://example.com/b//c//d;p?q#blarg";
assert.strictEqual(url.resolve(factsBase, "https:#hash2"), "https:///#hash2");
assert.strictEqual(url.resolve(factsBase, "https:/p/a/t/h?s#hash2"), "https://p/a/t/h?s#hash2");
assert.strictEqual(url.resolve(factsBase, "https:/a/b/c/d"), "https://a/b/c/d");
assert.strictEqual(url.resolve(factsBase, "http:#hash2"), "http://example.com/b//c//d;p?q#hash2");
[
  ["foo:a/b", "../c", "foo:c"],
  ["foo:a", "b/c", "foo:b/c"],
  ["foo:a", ".", "foo:"],
  ["foo:a", "..", "foo:"],
  ["foo:a", "foo:.", "foo:"],
  ["foo:a/b", "/c/d", "foo:/c/d"],
  ["zz:abc", "/foo/../bar", "zz:/bar"],
  ["zz:abc", "foo/../../../bar", "zz:bar"],
  ["mailto:local1@domain1?query1", "local2@domain2", "mailto:local2@domain2"],
  ["mailto:?query1", "local@domain?query2", "mailto:local@domain?query2"],
  ["mailto:local", "local/qual@domain.org#frag", "mailto:local/qual@domain.org#frag"]
].forEach(function (example) {
  assert.strictEqual(url.resolve(example[0], example[1]), example[2],
                     "resolve(" + JSON.stringify(example[0]) + ", " + JSON.stringify(example[1]) + ")");
  // resolveObject is the parsed form (facts file, "## url, repl, ...").
  assert.strictEqual(url.resolveObject(example[0], example[1]).href, example[2]);
});

// --- resolveObject ---
var resolved = url.resolveObject("http://u:p@h:81/a/b?q#f", "../c?x#y");
assert.deepEqual(resolved, {
  href: "http://u:p@h:81/c?x#y", protocol: "http:", slashes: true,
  host: "u:p@h:81", auth: "u:p", hostname: "h", port: "81",
  pathname: "/c", search: "?x", query: "x", hash: "#y"
});
// It is the parsed form of resolve's result.
rfcExamples.forEach(function (example) {
  assert.deepEqual(url.resolveObject(base, example[0]), url.parse(example[1]));
});
// It takes parsed objects, and changes neither argument.
var from = url.parse("http://h/a/b?q");
var to = url.parse("c");
var fromCopy = JSON.stringify(from);
var toCopy = JSON.stringify(to);
assert.strictEqual(url.resolveObject(from, to).href, "http://h/a/c");
assert.strictEqual(JSON.stringify(from), fromCopy);
assert.strictEqual(JSON.stringify(to), toCopy);
// A query kept from the base keeps its parsed form.
assert.deepEqual(url.resolveObject(url.parse("http://h/p?a=1", true), "#f").query, { a: 1 });
