// Descriptors: numbers the script did not open are EBADF (the event loop's and the worker
// pool's descriptors are out of reach); a closed descriptor stops working; writes to
// descriptor 1 keep their place among sys.puts's lines.
// Expected from the API document, "File I/O" and close(2)/write(2) (EBADF); that the runtime's
// own descriptors are not the script's (EBADF), and close(0..2) is EPERM, is this
// implementation's rule (stdlib/README.md, "posix").
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
// Writes to descriptor 1 keep their place among sys.puts's lines.
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
