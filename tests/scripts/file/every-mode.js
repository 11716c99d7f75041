// A File in every fopen mode ("r", "r+", "w", "w+", "a", "a+"): reads without a position
// follow each other, reads at a position, writes in a read-only file fail with EBADF, "w"
// truncates, "a" always appends, an unknown mode throws, and an "encoding" option applies.
// Expected from ../shared/reference/beyond-the-document.md, "file" (new file.File(filename,
// mode, options) with an fopen-style mode; read, write and close return promises) and fopen(3)
// for what each mode does.
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
// The file the modes work on, written with posix so that `file` only reads it.
var fixture = posix.openSync(dir + "/r.txt", process.O_WRONLY | process.O_CREAT, 0644);
posix.writeSync(fixture, "0123456789");
posix.closeSync(fixture);
function show(label, promise) {
  var result = promise.wait();
  sys.puts(label + ": " + JSON.stringify(result));
}
var r = new file.File(dir + "/r.txt", "r");
// Reads without a position follow each other.
show("r read", r.read(4));
show("r read next", r.read(4));
show("r read at 1", r.read(2, 1));
show("r read rest", r.read(100));
show("r read at the end", r.read(100));
r.write("x").addErrback(function (e) { sys.puts("r write: " + e.code); });
r.close().wait();

var rw = new file.File(dir + "/r.txt", "r+");
rw.write("AB");
show("r+ read after write", rw.read(3));
rw.close().wait();
sys.puts("r+ content: " + posix.catSync(dir + "/r.txt"));

var w = new file.File(dir + "/r.txt", "w");
w.write("new");
w.close().wait();
sys.puts("w content: " + posix.catSync(dir + "/r.txt"));

var wr = new file.File(dir + "/w+.txt", "w+");
wr.write("hello");
show("w+ read at 0", wr.read(10, 0));
wr.close().wait();

var a = new file.File(dir + "/r.txt", "a");
a.write("+more");
// In append mode every write goes to the end, even one asked for at a position.
a.write("!", 0);
a.close().wait();
sys.puts("a content: " + posix.catSync(dir + "/r.txt"));

var ar = new file.File(dir + "/r.txt", "a+");
ar.write("?");
show("a+ read from the start", ar.read(100, 0));
ar.close().wait();

try { new file.File(dir + "/r.txt", "rw"); } catch (e) { sys.puts("bad mode: " + e.message); }

var binary = new file.File(dir + "/b.bin", "w+", { encoding: "binary" });
binary.write("\u00ff\u00fe");
show("binary", binary.read(2, 0));
binary.close().wait();
