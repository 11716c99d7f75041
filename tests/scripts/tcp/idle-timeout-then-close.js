// connection.setTimeout(1500): the idle time counts from the last activity (data at 300 ms
// restarts it), so "timeout" comes at least 1800 ms after the connection (and, with seconds
// of slack for a loaded machine, within 5 s); the server then closes and the client sees eof
// and close. setTimeout(0) turns the client's timeout off. The data comes 1.2 s before the
// first timeout would, so a loaded machine cannot reorder them.
// Expected from the API document, "TCP" (connection.setTimeout(timeout): "Sets the connection
// to timeout after timeout milliseconds of inactivity"; "If timeout is 0, then the idle
// timeout is disabled"; "timeout": "The "close" event will be emitted immediately following").
var tcp = require("tcp"), sys = require("sys"), common = require("../common");
var started;
var server = tcp.createServer(function (socket) {
  socket.setTimeout(1500);
  started = Date.now();
  socket.addListener("timeout", function () {
    var waited = Date.now() - started;
    sys.puts("timeout after activity: " + (waited >= 1800 && waited < 5000));
  });
  socket.addListener("receive", function (data) { sys.puts("got " + data); });
  socket.addListener("close", function (hadError) { sys.puts("server side close " + hadError); server.close(); });
});
var port = common.listen(server, "127.0.0.1");
var c = tcp.createConnection(port, "127.0.0.1");
c.setTimeout(0);
c.addListener("connect", function () {
  setTimeout(function () { c.send("late"); }, 300);
});
c.addListener("eof", function () { sys.puts("client eof"); c.close(); });
c.addListener("close", function () { sys.puts("client close"); });
