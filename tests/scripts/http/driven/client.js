// Our HTTP client (node client.js PORT) against the modern node server of
// peer-modern-server.js: a chunked response, keep-alive for back-to-back requests, a chunked
// upload of strings and bytes, a 10 MB download paused now and then, and http.cat.
// Expected from the API document, "HTTP" (http.createClient, client.request, request.sendBody,
// finish, response "body"/"complete", pause/resume, response.client) and
// ../shared/reference/beyond-the-document.md, "http" (http.cat).
var http = require("http"), sys = require("sys");
var client = http.createClient(parseInt(process.argv[2]), "127.0.0.1");
function get(path, then) {
  client.request("GET", path).finish(function (response) {
    var body = "";
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () { then(response, body); });
  });
}
get("/chunked", function (response, body) {
  sys.puts(response.statusCode + " " + response.httpVersion + " " +
           response.headers["transfer-encoding"] + ": " + body);
  // Sent back to back, so the connection is kept for the next one.
  get("/connections", function (r, count) {
    sys.puts("connections so far " + count);
    var upload = client.request("POST", "/upload");
    upload.sendBody("abc");
    upload.sendBody([100, 101, 102]);
    upload.sendBody(new Array(100001).join("u"), "utf8");
    upload.finish(function (response) {
      response.addListener("body", function (chunk) { sys.puts("upload: " + chunk); });
      response.addListener("complete", download);
    });
  });
});
// 10 MB, pausing the response now and then.
function download() {
  client.request("GET", "/big").finish(function (response) {
    var length = 0, n = 0;
    response.addListener("body", function (chunk) {
      length += chunk.length;
      if (++n % 10 === 0) {
        response.pause();
        setTimeout(function () { response.resume(); }, 2);
      }
    });
    response.addListener("complete", function () {
      sys.puts("downloaded " + length + " " + (response.client === client));
      http.cat("http://127.0.0.1:" + process.argv[2] + "/quit").addCallback(function (body) {
        sys.puts("cat: " + body);
      });
    });
  });
}
