// readPause() takes effect at once: no "receive" event fires until readResume(), not even for
// data already read from the socket; "eof" waits behind the data held back. Here the server
// pauses in every "receive" and resumes a little later, while 200 KB come at once: all of it
// arrives, in order, and never while paused.
// Expected from the facts file (beyond-the-document.md, "### tcp").
var tcp = require("tcp"), sys = require("sys"), common = require("../common");
var SIZE = 200 * 1024;
var server = tcp.createServer(function (socket) {
  var got = "", paused = false, whilePaused = 0, events = 0;
  socket.addListener("receive", function (data) {
    events++;
    if (paused) whilePaused++;
    got += data;
    socket.readPause();
    paused = true;
    setTimeout(function () { paused = false; socket.readResume(); }, 5);
  });
  socket.addListener("eof", function () {
    sys.puts("eof while paused: " + paused);
    sys.puts("got " + got.length + " bytes, in order: " + (got === expected()));
    sys.puts("events while paused: " + whilePaused);
    sys.puts("more than one event: " + (events > 1));
    socket.close();
    server.close();
  });
});

function expected() {
  var s = "";
  for (var i = 0; s.length < SIZE; i++) s += String.fromCharCode(97 + i % 26);
  return s;
}

var port = common.listen(server, "127.0.0.1");
var c = tcp.createConnection(port, "127.0.0.1");
c.addListener("connect", function () {
  c.send(expected());
  c.close();
});
