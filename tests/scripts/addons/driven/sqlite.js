// The SQLite binding (examples/addons/sqlite.c over Debian's libsqlite3): queries return
// events.Promises that succeed with arrays of row objects; SQLite's errors arrive as
// errbacks with SQLite's message; queries of one database run in the order they were made.
var sys = require("sys");
var sqlite = require("./sqlite");

var db = new sqlite.Database(process.argv[2]);
var promise = db.query("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, x REAL, b BLOB)");
sys.puts("a promise: " + (promise instanceof process.Promise));
db.query("INSERT INTO t (name, x) VALUES (?, ?)", ["héllo", 1.5]);
db.query("INSERT INTO t (name, x, b) VALUES (?, ?, x'00ff41')", [null, 2]);
db.query("INSERT INTO t (name, x) VALUES (?, ?)", [true, -7]);
db.query("SELECT * FROM t ORDER BY id").addCallback(function (rows) {
  rows.forEach(function (row) {
    sys.puts(JSON.stringify(row) + (row.b === null ? "" : " blob length " + row.b.length));
  });
});
db.query("SELECT * FROM missing").addErrback(function (e) {
  sys.puts("errback: " + (e instanceof Error) + " " + e.message);
});
db.query("INSERT INTO t (id) VALUES (1)").addErrback(function (e) {
  sys.puts("errback: " + e.message);
});
db.query("SELECT name FROM t WHERE x > ? AND name LIKE ?", [1, "h%"]).addCallback(function (rows) {
  sys.puts("params: " + JSON.stringify(rows));
  // A query made from a callback runs after the ones already queued.
  db.query("SELECT count(*) AS n FROM t").addCallback(function (rows) {
    sys.puts("count from a callback: " + rows[0].n);
  });
});
db.query("SELECT 'queued before' AS s").addCallback(function (rows) {
  sys.puts(rows[0].s);
});

try { db.query("SELECT ?", [{}]); } catch (e) { sys.puts(e.name + ": " + e.message); }
try { sqlite.Database("x"); } catch (e) { sys.puts(e.name + ": " + e.message); }
try { db.query.call({}, "SELECT 1"); } catch (e) { sys.puts(e.name + ": " + e.message); }
try {
  new sqlite.Database("/nonexistent-directory/x.db");
} catch (e) {
  sys.puts("open: " + e.message);
}
