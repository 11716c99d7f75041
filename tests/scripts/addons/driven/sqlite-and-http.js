// A thousand inserts and queries on the worker pool while an HTTP server in the same
// process keeps answering: tests/tests/addons.rs runs this with a port and a database path
// and hits the server from another thread all along. The database work starts with the
// first request; the server closes when it is done.
var sys = require("sys");
var http = require("http");
var sqlite = require("./sqlite");

var port = Number(process.argv[2]);
var db = new sqlite.Database(process.argv[3]);
var served = 0, servedDuringSlowQuery = 0, slowQueryRunning = false, started = false;

var server = http.createServer(function (request, response) {
  served++;
  if (slowQueryRunning) servedDuringSlowQuery++;
  response.sendHeader(200, {"Content-Type": "text/plain"});
  response.sendBody("ok " + served + "\n");
  response.finish();
  if (!started) {
    started = true;
    work();
  }
});
server.listen(port, "127.0.0.1");
sys.puts("listening");

function work() {
  db.query("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)");
  db.query("BEGIN");
  var inserted = 0;
  for (var i = 1; i <= 1000; i++) {
    db.query("INSERT INTO items (name, n) VALUES (?, ?)", ["item " + i, i])
      .addCallback(function () { inserted++; });
  }
  db.query("COMMIT");
  db.query("SELECT count(*) AS count, sum(n) AS total, max(name) AS last FROM items")
    .addCallback(function (rows) {
      sys.puts("inserts done: " + inserted);
      sys.puts(JSON.stringify(rows));
      slowQuery();
    });
}

// A query that keeps a worker busy for a while (a few million rows of a recursive CTE):
// the server must go on answering meanwhile.
function slowQuery() {
  slowQueryRunning = true;
  db.query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) " +
           "SELECT sum(x) AS s FROM c").addCallback(function (rows) {
    slowQueryRunning = false;
    sys.puts("slow query: " + rows[0].s);
    sys.puts("answered while it ran: " + (servedDuringSlowQuery > 0));
    server.close();
  });
}
