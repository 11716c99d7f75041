//! The `file` module (v0.1.27, beyond its document): `file.read`, `file.write` and the File
//! whose operations run one at a time in the order they were asked for.

use integration::{assert_prints, TempDir};

const PRELUDE: &str = r#"var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = __dirname;
"#;

fn script(body: &str) -> String {
    format!("{PRELUDE}{body}")
}

#[test]
fn write_and_read_whole_files() {
    assert_prints(
        "file_whole",
        &script(
            r#"var path = dir + "/w.txt";
file.write(path, "first version, longer\n").addCallback(function () {
  sys.puts("write: " + arguments.length + " arguments");
  // Writing again truncates.
  file.write(path, "h\u00e9llo \u20ac\n").addCallback(function () {
    file.read(path).addCallback(function (text) {
      sys.puts("read: " + text.trim() + " (" + posix.statSync(path).size + " bytes)");
      sys.puts("read is posix.cat: " + (file.read === posix.cat));
      file.write(path, "\u00ff\u0000\u0080", "binary").wait();
      var data = file.read(path, "binary").wait();
      sys.puts("binary: " + data.length + " " + data.charCodeAt(0) + " " + data.charCodeAt(2));
    });
  });
});
"#,
        ),
        "write: 0 arguments\nread: héllo € (11 bytes)\nread is posix.cat: true\nbinary: 3 255 128\n",
    );
}

#[test]
fn write_and_read_report_errors() {
    assert_prints(
        "file_errors",
        &script(
            r#"file.write(dir + "/no/such/dir/f", "x").addErrback(function (error) {
  sys.puts("write: " + error.code + " " + (error.message.indexOf(dir + "/no/such/dir/f") > 0));
  file.read(dir + "/missing").addErrback(function (error) {
    sys.puts("read: " + error.code);
    file.write(dir, "x").addErrback(function (error) {
      sys.puts("write to a directory: " + error.code);
    });
  });
});
"#,
        ),
        "write: ENOENT true\nread: ENOENT\nwrite to a directory: EISDIR\n",
    );
}

/// 1,000 writes asked for at once, without chaining, land in the order they were asked for.
#[test]
fn file_writes_are_queued_in_order() {
    assert_prints(
        "file_queue",
        &script(
            r#"var f = new file.File(dir + "/q.txt", "w");
var expected = "", completed = [];
for (var i = 0; i < 1000; i++) {
  expected += i + ",";
  (function (i) {
    f.write(i + ",").addCallback(function (written) {
      if (written === String(i).length + 1) completed.push(i);
    });
  })(i);
}
f.close().addCallback(function () {
  sys.puts("content in order: " + (posix.catSync(dir + "/q.txt") === expected));
  sys.puts("callbacks in order: " + completed.length + " " +
           completed.every(function (n, k) { return n === k; }));
});
"#,
        ),
        "content in order: true\ncallbacks in order: 1000 true\n",
    );
}

#[test]
fn every_mode() {
    let dir = TempDir::new("file_modes");
    dir.write("r.txt", "0123456789");
    let source = script(
        r#"function show(label, promise) {
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
"#,
    );
    let path = dir.write("modes.js", source);
    let run = integration::node(&[&path]);
    assert_eq!(
        run.stdout,
        "r read: [\"0123\",4]\nr read next: [\"4567\",4]\nr read at 1: [\"12\",2]\n\
         r read rest: [\"89\",2]\nr read at the end: [\"\",0]\nr write: EBADF\n\
         r+ read after write: [\"234\",3]\nr+ content: AB23456789\nw content: new\n\
         w+ read at 0: [\"hello\",5]\na content: new+more!\n\
         a+ read from the start: [\"new+more!?\",10]\nbad mode: Unknown mode: rw\n\
         binary: [\"\u{ff}\u{fe}\",2]\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

/// A File that cannot be opened fails every operation asked of it with the open's error;
/// after close, operations fail with EBADF.
#[test]
fn open_failure_and_use_after_close() {
    assert_prints(
        "file_open_failure",
        &script(
            r#"var missing = new file.File(dir + "/missing", "r");
missing.read(10).addErrback(function (e) {
  sys.puts("read: " + e.code + " " + (e.message.indexOf(dir + "/missing") > 0));
});
missing.close().addErrback(function (e) { sys.puts("close: " + e.code); });

var f = new file.File(dir + "/c.txt", "w");
f.close();
f.write("late").addErrback(function (e) { sys.puts("write after close: " + e.code); });
"#,
        ),
        "read: ENOENT true\nclose: ENOENT\nwrite after close: EBADF\n",
    );
}

/// A callback that throws does not stall the queue: the exception goes to
/// "uncaughtException" and later operations still run.
#[test]
fn a_throwing_callback_does_not_stall_the_queue() {
    assert_prints(
        "file_throwing_callback",
        &script(
            r#"process.addListener("uncaughtException", function (e) { sys.puts("caught " + e.message); });
var f = new file.File(dir + "/t.txt", "w");
f.write("a").addCallback(function () { throw new Error("boom"); });
f.write("b");
f.close().addCallback(function () { sys.puts("content " + posix.catSync(dir + "/t.txt")); });
"#,
        ),
        "caught boom\ncontent ab\n",
    );
}
