// The globals removed before v0.1.27 (puts, print, p, include, __module, process.debug,
// process.error, node.*) still exist and throw an Error naming their replacement.
// Expected from ../shared/reference/beyond-the-document.md, "process" ("Removed globals still
// exist and throw an Error naming their replacement"); the exact wording is this
// implementation's (stdlib/node.js).
var sys = require("sys");
var calls = [
  function () { puts("x"); },
  function () { print("x"); },
  function () { p("x"); },
  function () { include("sys"); },
  function () { return __module; },
  function () { process.debug("x"); },
  function () { process.error("x"); },
  function () { node.exec("ls"); },
  function () { node.http.createServer(); },
  function () { node.tcp.createConnection(); }
];
calls.forEach(function (call) {
  try { call(); sys.puts("no error"); } catch (e) { sys.puts(e.message); }
});
