// listen() on a port another server holds throws at once an Error with code EADDRINUSE whose
// message names the address; a port out of range is a RangeError.
// Expected from the API document, "TCP" (server.listen(port, host)), bind(2) (EADDRINUSE) and
// ../shared/reference/beyond-the-document.md, "process" (process.EADDRINUSE). The message's
// wording ("CODE, text (address)", like this implementation's posix errors) is not in either
// document.
var tcp = require("tcp"), sys = require("sys"), common = require("../common");
var first = tcp.createServer(function () {});
var port = common.listen(first, "127.0.0.1");
try {
  tcp.createServer(function () {}).listen(port, "127.0.0.1");
} catch (e) {
  sys.puts(e.message.replace(":" + port + ")", ":PORT)") + " | " + e.code + " " + (e.errno === process.EADDRINUSE));
}
first.close();
try { tcp.createServer().listen(70000); } catch (e) { sys.puts(e.name); }
