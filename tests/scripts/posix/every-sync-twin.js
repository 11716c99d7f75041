// Every synchronous twin: mkdirSync, openSync, writeSync/readSync (default "binary"; at a
// position or at the current one), closeSync, renameSync, readdirSync, statSync, catSync,
// sendfileSync, unlinkSync, rmdirSync, each returning what its promise would give.
// Expected from ../shared/reference/beyond-the-document.md, "posix" (the *Sync twins;
// readSync/writeSync's "binary" default; sendfileSync) and pread(2)/pwrite(2) (a positioned
// read or write leaves the file position alone).
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
process.umask(0);
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
