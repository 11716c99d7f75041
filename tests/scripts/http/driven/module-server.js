// Serves three modules over HTTP (node module-server.js PORT) for tests/tests/http.rs, which
// runs `node http://127.0.0.1:PORT/main.js world` with our node. Expected from
// ../shared/reference/beyond-the-document.md, "http" (require("http://host:port/path.js") and
// `node http://host:port/script.js`).
var http = require("http");
var files = {
  "/main.js": 'var sys = require("sys"); var m = require("./lib/greet");\n' +
              'sys.puts(m.greet(process.argv[2]) + " " + __filename);\n' +
              'try { require("./missing"); } catch (e) { sys.puts(e.message); }',
  "/lib/greet.js": 'exports.greet = function (who) { return require("./word").word + " " + who; };',
  "/lib/word.js": 'exports.word = "hello";'
};
var served = 0;
var server = http.createServer(function (request, response) {
  var text = files[request.url];
  response.sendHeader(text ? 200 : 404, {"Content-Type": "text/plain"});
  response.sendBody(text || "not found");
  response.finish();
  if (++served === 4) server.close();
});
server.listen(parseInt(process.argv[2]), "127.0.0.1");
