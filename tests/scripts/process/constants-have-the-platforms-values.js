// The O_*, S_*, E* and SIG* constants on process have Linux's values (fcntl.h, sys/stat.h,
// errno.h, signal.h on x86-64 and aarch64).
// Expected from ../shared/reference/beyond-the-document.md, "process" ("each with the
// platform's value") and Linux's headers for the numbers.
var sys = require("sys");
sys.puts([process.O_RDONLY, process.O_WRONLY, process.O_RDWR, process.O_CREAT, process.O_TRUNC,
          process.O_APPEND].join(","));
sys.puts([process.S_IFMT, process.S_IFREG, process.S_IFDIR, process.S_IRUSR, process.S_IRWXU].join(","));
sys.puts([process.EACCES, process.ENOENT, process.EEXIST, process.EPIPE, process.ECONNREFUSED,
          process.EADDRINUSE, process.ENOTDIR, process.ENOTEMPTY].join(","));
sys.puts([process.SIGHUP, process.SIGINT, process.SIGKILL, process.SIGUSR1, process.SIGPIPE,
          process.SIGTERM, process.SIGCHLD].join(","));
