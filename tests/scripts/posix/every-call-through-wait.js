// Every posix call through wait(): each returns its value (fd, bytes written, [data, bytes
// read], ...), and the results agree with the synchronous view.
// Expected from the API document, "File I/O" (the promises' values) and promise.wait().
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
posix.mkdir(dir + "/w", 0755).wait();
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
