// Each "receive" carries the data of one read(2) of at most 8,192 bytes, so 30 KB sent at once
// arrives in at least four events.
// Expected from the facts file (beyond-the-document.md, "### tcp").
var tcp = require("tcp"), sys = require("sys"), common = require("../common");
var server = tcp.createServer(function (socket) {
  var events = 0, largest = 0, total = 0;
  socket.addListener("receive", function (data) {
    events++;
    total += data.length;
    if (data.length > largest) largest = data.length;
  });
  socket.addListener("eof", function () {
    sys.puts("total " + total);
    sys.puts("at least four events: " + (events >= 4));
    sys.puts("none over 8192 bytes: " + (largest <= 8192) + (largest > 8192 ? " " + largest : ""));
    socket.close();
    server.close();
  });
});
var port = common.listen(server, "127.0.0.1");
var c = tcp.createConnection(port, "127.0.0.1");
c.addListener("connect", function () {
  var data = "";
  for (var i = 0; i < 3000; i++) data += "0123456789";
  c.send(data);
  c.close();
});
