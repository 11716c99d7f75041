// removed globals say where they went.
// Expected: SOURCE
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
