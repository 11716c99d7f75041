// Every byte value through posix in "binary" (and "ascii" for reading): written async and
// sync, read from a file written by the Rust test (in.bin, bytes 0 to 255), every way; a
// character above 255 keeps its low 8 bits. Run by tests/tests/posix.rs, which makes in.bin
// in the script's directory and checks out.bin and low.bin byte by byte afterwards.
// Expected from the API document, "File I/O" (the "binary" and "ascii" encodings) and
// ../shared/reference/beyond-the-document.md, "posix" (readSync/writeSync default to
// "binary").
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = __dirname;
var bytes = "";
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
