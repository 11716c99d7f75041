//! The POSIX module on real files: every call through its promise, its `wait()` and its
//! synchronous twin; every error path reaching the errback (or thrown by the twin) with an
//! Error naming the path, errno and code; binary round trips of every byte value; ordering of
//! chained calls; large files.

use integration::{assert_prints, run_js, TempDir};

/// A script's prelude: `posix`, `sys`, `assert`, and `dir`, the test's own directory.
const PRELUDE: &str = r#"var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = __dirname;
"#;

fn script(body: &str) -> String {
    format!("{PRELUDE}{body}")
}

#[test]
fn every_call_through_its_promise() {
    assert_prints(
        "posix_promises",
        &script(
            r#"process.umask(0);
posix.mkdir(dir + "/d", 0750).addCallback(function () {
  sys.puts("mkdir: " + arguments.length + " arguments, mode " +
           (posix.statSync(dir + "/d").mode & 511).toString(8));
  posix.open(dir + "/d/a", process.O_WRONLY | process.O_CREAT | process.O_EXCL, 0640)
    .addCallback(function (fd) {
      sys.puts("open: " + typeof fd + ", mode " + (posix.statSync(dir + "/d/a").mode & 511).toString(8));
      posix.write(fd, "abcdef", null).addCallback(function (written) {
        sys.puts("write: " + written);
        posix.close(fd).addCallback(function () {
          sys.puts("close: " + arguments.length + " arguments");
          posix.rename(dir + "/d/a", dir + "/d/b").addCallback(function () {
            sys.puts("rename: " + arguments.length + " arguments");
            posix.readdir(dir + "/d").addCallback(function (names) {
              sys.puts("readdir: " + JSON.stringify(names));
              posix.stat(dir + "/d/b").addCallback(function (stats) {
                sys.puts("stat: " + stats.size + " " + stats.isFile() + " " +
                         (stats.mtime instanceof Date));
                posix.cat(dir + "/d/b").addCallback(function (text) {
                  sys.puts("cat: " + text);
                  posix.unlink(dir + "/d/b").addCallback(function () {
                    sys.puts("unlink: " + arguments.length + " arguments");
                    posix.rmdir(dir + "/d").addCallback(function () {
                      sys.puts("rmdir: " + arguments.length + " arguments; left: " +
                               JSON.stringify(posix.readdirSync(dir).filter(function (n) {
                                 return n === "d";
                               })));
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
});
"#,
        ),
        "mkdir: 0 arguments, mode 750\nopen: number, mode 640\nwrite: 6\nclose: 0 arguments\n\
         rename: 0 arguments\nreaddir: [\"b\"]\nstat: 6 true true\ncat: abcdef\n\
         unlink: 0 arguments\nrmdir: 0 arguments; left: []\n",
    );
}

#[test]
fn every_call_through_wait() {
    assert_prints(
        "posix_wait",
        &script(
            r#"posix.mkdir(dir + "/w", 0755).wait();
var fd = posix.open(dir + "/w/f", process.O_RDWR | process.O_CREAT, 0644).wait();
sys.puts("written " + posix.write(fd, "hello world", 0, "utf8").wait());
var read = posix.read(fd, 5, 6, "utf8").wait();
sys.puts("read " + JSON.stringify(read));
var copy = posix.open(dir + "/w/copy", process.O_WRONLY | process.O_CREAT, 0644).wait();
sys.puts("sent " + posix.sendfile(copy, fd, 0, 5).wait());
posix.close(copy).wait();
sys.puts("copy " + posix.cat(dir + "/w/copy").wait());
posix.unlink(dir + "/w/copy").wait();
posix.close(fd).wait();
posix.rename(dir + "/w/f", dir + "/w/g").wait();
sys.puts("stat " + posix.stat(dir + "/w/g").wait().size);
sys.puts("readdir " + JSON.stringify(posix.readdir(dir + "/w").wait()));
sys.puts("cat " + posix.cat(dir + "/w/g").wait());
posix.unlink(dir + "/w/g").wait();
posix.rmdir(dir + "/w").wait();
try {
  posix.stat(dir + "/w").wait();
} catch (e) {
  sys.puts("wait threw " + e.code);
}
"#,
        ),
        "written 11\nread [\"world\",5]\nsent 5\ncopy hello\nstat 11\nreaddir [\"g\"]\ncat hello world\nwait threw ENOENT\n",
    );
}

#[test]
fn every_sync_twin() {
    assert_prints(
        "posix_sync",
        &script(
            r#"process.umask(0);
sys.puts("mkdirSync " + posix.mkdirSync(dir + "/s", 0700));
sys.puts("mode " + (posix.statSync(dir + "/s").mode & 511).toString(8));
var fd = posix.openSync(dir + "/s/f", process.O_RDWR | process.O_CREAT | process.O_TRUNC, 0600);
sys.puts("openSync " + typeof fd);
// writeSync and readSync default to "binary".
sys.puts("writeSync " + posix.writeSync(fd, "\u00e9\u0100x", 0));
sys.puts("readSync " + JSON.stringify(posix.readSync(fd, 10, 0)));
sys.puts("readSync utf8 " + JSON.stringify(posix.readSync(fd, 10, 0, "utf8")));
sys.puts("writeSync at the current position " + posix.writeSync(fd, "yz", null, "ascii"));
// A write or read at a position leaves the current position where it was (pwrite, pread):
// still at 0, where "yz" goes over the first two bytes.
sys.puts("readSync " + JSON.stringify(posix.readSync(fd, 10, 0, "ascii")));
sys.puts("readSync at the current position " + JSON.stringify(posix.readSync(fd, 10, null)));
sys.puts("readSync at the end " + JSON.stringify(posix.readSync(fd, 10, null)));
sys.puts("closeSync " + posix.closeSync(fd));
sys.puts("renameSync " + posix.renameSync(dir + "/s/f", dir + "/s/g"));
sys.puts("readdirSync " + JSON.stringify(posix.readdirSync(dir + "/s")));
var stats = posix.statSync(dir + "/s/g");
sys.puts("statSync " + (stats instanceof posix.Stats) + " " + stats.size);
sys.puts("catSync " + JSON.stringify(posix.catSync(dir + "/s/g", "binary")));
var out = posix.openSync(dir + "/s/copy", process.O_WRONLY | process.O_CREAT, 0600);
var input = posix.openSync(dir + "/s/g", process.O_RDONLY);
sys.puts("sendfileSync " + posix.sendfileSync(out, input, 1, 3));
posix.closeSync(out);
posix.closeSync(input);
sys.puts("copy " + JSON.stringify(posix.catSync(dir + "/s/copy", "binary")));
sys.puts("unlinkSync " + posix.unlinkSync(dir + "/s/g") + posix.unlinkSync(dir + "/s/copy"));
sys.puts("rmdirSync " + posix.rmdirSync(dir + "/s"));
"#,
        ),
        "mkdirSync undefined\nmode 700\nopenSync number\nwriteSync 3\n\
         readSync [\"\u{e9}\\u0000x\",3]\nreadSync utf8 [\"\u{fffd}\\u0000x\",3]\n\
         writeSync at the current position 2\nreadSync [\"yzx\",3]\n\
         readSync at the current position [\"x\",1]\n\
         readSync at the end [\"\",0]\ncloseSync undefined\nrenameSync undefined\n\
         readdirSync [\"g\"]\nstatSync true 3\ncatSync \"yzx\"\n\
         sendfileSync 2\ncopy \"zx\"\nunlinkSync undefinedundefined\nrmdirSync undefined\n",
    );
}

/// Each failing call reaches its errback with an Error with `code`, `errno` (process.E*) and a
/// message naming the path; its twin throws the same. The cases work as root too (root may
/// read anything, so EACCES has its own test).
#[test]
fn every_error_path_reaches_the_errback_and_the_twin_throws() {
    let source = script(
        r#"posix.closeSync(posix.openSync(dir + "/file", process.O_WRONLY | process.O_CREAT, 0644));
posix.mkdirSync(dir + "/full", 0755);
posix.closeSync(posix.openSync(dir + "/full/x", process.O_WRONLY | process.O_CREAT, 0644));
var missing = dir + "/missing";
var cases = [
  ["stat", [missing], "ENOENT", missing],
  ["stat", [dir + "/file/x"], "ENOTDIR", dir + "/file/x"],
  ["unlink", [missing], "ENOENT", missing],
  ["unlink", [dir + "/full"], "EISDIR", dir + "/full"],
  ["rmdir", [missing], "ENOENT", missing],
  ["rmdir", [dir + "/full"], "ENOTEMPTY", dir + "/full"],
  ["rmdir", [dir + "/file"], "ENOTDIR", dir + "/file"],
  ["mkdir", [dir + "/full", 0755], "EEXIST", dir + "/full"],
  ["mkdir", [missing + "/a/b", 0755], "ENOENT", missing + "/a/b"],
  ["readdir", [missing], "ENOENT", missing],
  ["readdir", [dir + "/file"], "ENOTDIR", dir + "/file"],
  ["rename", [missing, dir + "/other"], "ENOENT", missing],
  ["open", [missing, process.O_RDONLY], "ENOENT", missing],
  ["open", [dir + "/file", process.O_WRONLY | process.O_CREAT | process.O_EXCL, 0644], "EEXIST", dir + "/file"],
  ["open", [dir + "/full", process.O_WRONLY], "EISDIR", dir + "/full"],
  ["cat", [missing], "ENOENT", missing],
  ["cat", [dir + "/full"], "EISDIR", dir + "/full"],
  ["close", [9999], "EBADF", ""],
  ["read", [9999, 10, 0], "EBADF", ""],
  ["write", [9999, "x", 0], "EBADF", ""],
  ["sendfile", [9999, 9998, 0, 10], "EBADF", ""]
];
var pending = cases.length;
cases.forEach(function (c) {
  var name = c[0], args = c[1], code = c[2], path = c[3];
  var label = name + "(" + args[0] + ")";
  function check(error, how) {
    assert.ok(error instanceof Error, label + " " + how + ": not an Error");
    assert.equal(error.code, code, label + " " + how + ": " + error.message);
    assert.equal(error.errno, process[code], label + " " + how + ": errno");
    assert.ok(error.message.indexOf(code + ", ") === 0, label + ": " + error.message);
    if (path) assert.ok(error.message.indexOf("'" + path + "'") > 0, label + ": " + error.message);
  }
  var twin = posix[name + "Sync"];
  var thrown = null;
  try { twin.apply(posix, args); } catch (e) { thrown = e; }
  check(thrown, "sync");
  posix[name].apply(posix, args).addCallback(function () {
    assert.fail(label + " succeeded");
  }).addErrback(function (error) {
    check(error, "async");
    pending--;
  });
});
process.addListener("exit", function () {
  assert.equal(pending, 0);
  sys.puts(cases.length + " error paths");
});
"#,
    );
    assert_prints("posix_errors", &source, "21 error paths\n");
}

/// EACCES needs a user that permissions apply to: root reads and writes anything. Run as
/// root (as CI does), the script runs as `nobody` through `setpriv`.
#[test]
fn permission_denied() {
    let root = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false);
    let source = script(
        r#"var locked = dir + "/locked";
posix.closeSync(posix.openSync(locked, process.O_WRONLY | process.O_CREAT, 0000));
posix.open(locked, process.O_RDONLY).addCallback(function (fd) {
  sys.puts("opened");
  posix.closeSync(fd);
}).addErrback(function (error) {
  sys.puts(error.code + " " + (error.errno === process.EACCES) + " " + (error.message.indexOf(locked) > 0));
});
"#,
    );
    let dir = TempDir::new("posix_eacces");
    let file = dir.write("eacces.js", &source);
    let mut command = if root {
        // Where `nobody` may create the locked file.
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o777);
        std::fs::set_permissions(dir.path(), open).expect("chmod the test directory");
        let mut command = std::process::Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(integration::node_bin());
        command
    } else {
        std::process::Command::new(integration::node_bin())
    };
    let output = command.arg(&file).output().expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stdout, "EACCES true true\n", "stderr: {stderr}");
    assert!(output.status.success(), "stderr: {stderr}");
}

#[test]
fn every_byte_value_survives_a_binary_round_trip() {
    let dir = TempDir::new("posix_bytes");
    let all: Vec<u8> = (0..=255u8).collect();
    dir.write("in.bin", &all);
    let source = script(
        r#"var bytes = "";
for (var i = 0; i < 256; i++) bytes += String.fromCharCode(i);
// JavaScript writes them (async, and sync).
var fd = posix.open(dir + "/out.bin", process.O_WRONLY | process.O_CREAT, 0644).wait();
posix.write(fd, bytes, 0, "binary").wait();
posix.writeSync(fd, bytes, 256);
posix.close(fd).wait();
// JavaScript reads what Rust wrote, every way.
var read = posix.read(posix.openSync(dir + "/in.bin", process.O_RDONLY), 1000, 0, "binary").wait();
assert.equal(read[0], bytes);
assert.equal(read[1], 256);
assert.equal(posix.cat(dir + "/in.bin", "binary").wait(), bytes);
assert.equal(posix.catSync(dir + "/in.bin", "binary"), bytes);
assert.equal(posix.readSync(posix.openSync(dir + "/in.bin", process.O_RDONLY), 256, 0)[0], bytes);
// "ascii" reads one character per byte too.
assert.equal(posix.catSync(dir + "/in.bin", "ascii"), bytes);
// Characters above 255 keep their low 8 bits.
posix.writeSync(posix.openSync(dir + "/low.bin", process.O_WRONLY | process.O_CREAT, 0644),
                "\u0141\u20ac", 0, "binary");
sys.puts("ok");
"#,
    );
    let script_path = dir.write("bytes.js", source);
    let run = integration::node(&[&script_path]);
    assert_eq!(run.stdout, "ok\n", "{}", run.stderr);
    let out = std::fs::read(dir.path().join("out.bin")).unwrap_or_default();
    assert_eq!(out.len(), 512);
    assert_eq!(&out[..256], &all[..]);
    assert_eq!(&out[256..], &all[..]);
    assert_eq!(
        std::fs::read(dir.path().join("low.bin")).unwrap_or_default(),
        vec![0x41, 0xAC]
    );
}

#[test]
fn utf8_text_round_trips_and_counts_bytes() {
    let dir = TempDir::new("posix_utf8");
    let source = script(
        r#"var text = "a\u00e9\u20ac\ud83d\ude00z";
var fd = posix.openSync(dir + "/u.txt", process.O_RDWR | process.O_CREAT, 0644);
sys.puts("bytes written: " + posix.write(fd, text, null, "utf8").wait());
sys.puts("same text back: " + (posix.cat(dir + "/u.txt").wait() === text));
var r = posix.read(fd, 100, 0, "utf8").wait();
sys.puts("read: " + (r[0] === text) + " " + r[1]);
posix.closeSync(fd);
"#,
    );
    let script_path = dir.write("u.js", source);
    let run = integration::node(&[&script_path]);
    assert_eq!(
        run.stdout, "bytes written: 11\nsame text back: true\nread: true 11\n",
        "{}",
        run.stderr
    );
    let bytes = std::fs::read(dir.path().join("u.txt")).unwrap_or_default();
    assert_eq!(String::from_utf8_lossy(&bytes), "aé€😀z");
}

/// Calls are independent, so order comes from chaining: 200 writes at the current position,
/// each started by the one before's callback, land in order.
#[test]
fn chained_calls_happen_in_order() {
    assert_prints(
        "posix_chain",
        &script(
            r#"var fd = posix.openSync(dir + "/log", process.O_WRONLY | process.O_CREAT | process.O_APPEND, 0644);
var order = [];
function step(i) {
  if (i === 200) {
    posix.close(fd).addCallback(function () {
      var expected = "";
      for (var j = 0; j < 200; j++) expected += j + "\n";
      sys.puts("in order: " + (posix.catSync(dir + "/log") === expected) +
               ", callbacks in order: " + order.every(function (n, k) { return n === k; }));
    });
    return;
  }
  posix.write(fd, i + "\n", null, "ascii").addCallback(function () {
    order.push(i);
    step(i + 1);
  });
}
step(0);
"#,
        ),
        "in order: true, callbacks in order: true\n",
    );
}

/// Unchained calls all complete (in any order), and the loop stays alive for them.
#[test]
fn many_calls_at_once_all_complete() {
    assert_prints(
        "posix_many",
        &script(
            r#"for (var i = 0; i < 100; i++) posix.writeSync(posix.openSync(dir + "/f" + i, process.O_WRONLY | process.O_CREAT, 0644), "x" + i);
var seen = {}, count = 0;
for (var i = 0; i < 100; i++) (function (i) {
  posix.cat(dir + "/f" + i).addCallback(function (text) {
    if (text === "x" + i && !seen[i]) { seen[i] = true; count++; }
  });
})(i);
process.addListener("exit", function () { sys.puts(count + " completed"); });
"#,
        ),
        "100 completed\n",
    );
}

/// A 40 MB file through cat (binary and utf8) and through read in 1 MB chunks.
#[test]
fn large_files() {
    let dir = TempDir::new("posix_large");
    let size = 40 << 20;
    let data: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
    dir.write("big", &data);
    let source = script(
        r#"var path = dir + "/big";
var text = posix.cat(path, "binary").wait();
sys.puts("cat binary " + text.length + " " + text.charAt(27) + text.charAt(text.length - 1));
text = null;
sys.puts("cat utf8 " + posix.cat(path).wait().length);
var fd = posix.openSync(path, process.O_RDONLY), total = 0, chunks = 0, last = "";
(function next() {
  posix.read(fd, 1 << 20, null, "binary").addCallback(function (data, n) {
    if (n === 0) {
      posix.closeSync(fd);
      sys.puts("read " + total + " in " + chunks + " chunks, last ends " + last);
      return;
    }
    total += n;
    chunks++;
    last = data.charAt(data.length - 1);
    next();
  });
})();
"#,
    );
    let script_path = dir.write("large.js", source);
    let run = integration::node(&[&script_path]);
    let last = char::from(b'a' + ((size - 1) % 26) as u8);
    assert_eq!(
        run.stdout,
        format!("cat binary {size} b{last}\ncat utf8 {size}\nread {size} in 40 chunks, last ends {last}\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

/// Descriptors: numbers the script did not open are EBADF (the loop's own descriptors are out
/// of reach); a closed descriptor stops working; the standard streams can be written.
#[test]
fn descriptors_are_the_scripts_own() {
    assert_prints(
        "posix_fds",
        &script(
            r#"// Writes to descriptor 1 keep their place among sys.puts's lines.
sys.puts("puts 1");
posix.write(1, "to stdout\n", null, "utf8").wait();
sys.puts("puts 2");
posix.writeSync(1, "to stdout again\n");
var fd = posix.openSync(dir + "/f", process.O_WRONLY | process.O_CREAT, 0644);
posix.closeSync(fd);
try { posix.writeSync(fd, "x"); } catch (e) { sys.puts("after close: " + e.code); }
try { posix.closeSync(fd); } catch (e) { sys.puts("closed twice: " + e.code); }
// Descriptors 3 to 9 exist in this process (the event loop's, the worker pool's) but are not
// the script's.
for (var n = 3; n < 10; n++) {
  try { posix.closeSync(n); sys.puts("closed " + n); } catch (e) { if (e.code !== "EBADF") sys.puts(e.code); }
}
try { posix.closeSync(1); } catch (e) { sys.puts("close(1): " + e.code); }
try { posix.readSync("nonsense", 1, 0); } catch (e) { sys.puts("nonsense fd: " + e.code); }
sys.puts("still running");
"#,
        ),
        "puts 1\nto stdout\nputs 2\nto stdout again\nafter close: EBADF\nclosed twice: EBADF\nclose(1): EPERM\nnonsense fd: EBADF\nstill running\n",
    );
}

/// Odd arguments make errors or exceptions, never a crash.
#[test]
fn odd_arguments_never_crash() {
    let (run, _dir) = run_js(
        "posix_odd",
        &script(
            r#"var odd = [undefined, null, -1, 1e300, NaN, "", {}, [], "x\u0000y"];
var count = 0;
["stat", "unlink", "rmdir", "readdir", "cat", "close"].forEach(function (name) {
  odd.forEach(function (value) {
    try { posix[name + "Sync"](value); } catch (e) { count++; }
    try { posix[name](value).addErrback(function () {}); } catch (e) {}
  });
});
odd.forEach(function (value) {
  try { posix.readSync(value, value, value, value); } catch (e) { count++; }
  try { posix.writeSync(value, value, value, value); } catch (e) { count++; }
  try { posix.openSync(value, value, value); } catch (e) { count++; }
  try { posix.mkdirSync(dir + "/m", value); posix.rmdirSync(dir + "/m"); } catch (e) { count++; }
  try { posix.sendfileSync(value, value, value, value); } catch (e) { count++; }
});
process.addListener("exit", function () { sys.puts("survived, " + (count > 0)); });
"#,
        ),
        &[],
    );
    assert_eq!(run.stdout, "survived, true\n", "{}", run.stderr);
    assert_eq!(run.code(), 0);
}
