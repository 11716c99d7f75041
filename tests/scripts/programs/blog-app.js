// A small blog in the style of early-2010 node code: an HTTP app with routing (blog/router.js),
// a store that is an EventEmitter made with __proto__ (blog/store.js), const, a getter from
// __defineGetter__, and sys.inspect output; it asks itself for its pages with http.Client.
// Expected output from: the API document (http server and client, sendHeader/sendBody/finish,
// "body"/"complete" events, querystring.parse), the facts file (sys.inspect's layout is
// node's own: one-space indents, quoted keys) and ES5 for everything else.
var sys = require("sys"),
    http = require("http"),
    querystring = require("querystring"),
    common = require("../common"),
    Store = require("./blog/store").Store,
    MAX_POSTS = require("./blog/store").MAX_POSTS,
    Router = require("./blog/router").Router,
    views = require("./blog/views");

var store = new Store();
store.addListener("add", function (post) {
  sys.puts("event: added post " + post.id + " (" + store.count + " of " + MAX_POSTS + ")");
});

function send(response, status, text) {
  response.sendHeader(status, {"Content-Type": "text/plain",
                               "Content-Length": text.length,
                               "Connection": "close"});
  response.sendBody(text);
  response.finish();
}

var router = new Router()
  .get(/^\/$/, function (request, response) {
    send(response, 200, views.list(store.posts));
  })
  .get(/^\/posts\/(\d+)$/, function (request, response, id) {
    var post = store.find(parseInt(id, 10));
    if (post) send(response, 200, views.post(post));
    else send(response, 404, "no post " + id + "\n");
  })
  .get(/^\/posts\/(\d+)\/debug$/, function (request, response, id) {
    send(response, 200, views.debug(store.find(parseInt(id, 10))));
  })
  .post(/^\/posts$/, function (request, response) {
    var body = "";
    request.setBodyEncoding("utf8");
    request.addListener("body", function (chunk) { body += chunk; });
    request.addListener("complete", function () {
      var fields = querystring.parse(body);
      try {
        var post = store.add(fields.title, fields.body);
        send(response, 201, "created " + post.id + "\n");
      } catch (e) {
        send(response, 507, e.message + "\n");
      }
    });
  });

var server = http.createServer(function (request, response) {
  if (!router.dispatch(request, response)) {
    send(response, 404, "nothing at " + request.url + "\n");
  }
});
var port = common.listen(server, "127.0.0.1");

// The requests, one after another, each on its own client.
var steps = [
  ["GET", "/"],
  ["POST", "/posts", "title=Hello&body=First+post%21"],
  ["POST", "/posts", "title=Second&body=More+words"],
  ["GET", "/"],
  ["GET", "/posts/2"],
  ["GET", "/posts/9"],
  ["GET", "/posts/1/debug"],
  ["POST", "/posts", "title=Third&body=x"],
  ["POST", "/posts", "title=Fourth&body=y"],
  ["DELETE", "/posts/1"]
];

function next() {
  var step = steps.shift();
  if (!step) {
    server.close();
    return;
  }
  var client = http.createClient(port, "127.0.0.1");
  var headers = {"Connection": "close"};
  if (step[2]) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = step[2].length;
  }
  var request = client.request(step[0], step[1], headers);
  if (step[2]) request.sendBody(step[2]);
  request.finish(function (response) {
    var body = "";
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () {
      sys.puts(step[0] + " " + step[1] + " -> " + response.statusCode);
      sys.print(body);
      next();
    });
  });
}
next();

process.addListener("exit", function () {
  sys.puts("posts at exit: " + store.count);
});
