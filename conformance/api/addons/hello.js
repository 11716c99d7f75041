// Addons: the document's hello.cc (target.hello = "World"), in this node's C ABI
// (examples/addons/hello.c, docs/addons.md), built with the one cc line the docs give in
// place of node-waf, then required.
// Expected output from: document, "Addons" (the addon's exports: hello is "World").
var sys = require("sys");
var posix = require("posix");

var root = __dirname + "/../../..";
var built = "/tmp/conformance-hello-" + process.pid + ".node";
sys.exec("cc -shared -fPIC -I " + root + "/include -o " + built + " " +
         root + "/examples/addons/hello.c").addCallback(function () {
  var hello = require(built);
  sys.puts(hello.hello);
  posix.unlink(built);
}).addErrback(function (code, stdout, stderr) {
  sys.error("cc failed: " + stderr);
});
