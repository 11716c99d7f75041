// readPause() stops "receive" events; readResume() brings what came meanwhile, all 1000
// bytes.
// Expected from the API document, "TCP" (connection.readPause(): "Pauses the reading of data.
// That is, "receive" events will not be emitted"; connection.readResume()).
var tcp = require("tcp"), sys = require("sys"), common = require("../common");
var server = tcp.createServer(function (socket) {
  var got = "";
  socket.readPause();
  var paused = true;
  socket.addListener("receive", function (data) {
    if (paused) sys.puts("received while paused!");
    got += data;
  });
  setTimeout(function () { paused = false; socket.readResume(); }, 200);
  socket.addListener("eof", function () {
    sys.puts("got " + got.length + " bytes");
    socket.close();
    server.close();
  });
});
var port = common.listen(server, "127.0.0.1");
var c = tcp.createConnection(port, "127.0.0.1");
c.setNoDelay();
c.addListener("connect", function () {
  for (var i = 0; i < 100; i++) c.send("0123456789");
  c.close();
});
