// Prints the working directory, changes into "sub" and back, tries a directory that is not
// there. tests/tests/runtime_process.rs runs it in a scratch directory holding "sub" and
// compares the paths with that directory's.
// Expected from the API document, "process" (process.cwd(): "Returns the current working
// directory of the process"; process.chdir(directory)) and chdir(2) (ENOENT).
var sys = require("sys");
sys.puts(process.cwd());
process.chdir("sub");
sys.puts(process.cwd());
process.chdir("..");
try {
  process.chdir("no-such-dir");
  sys.puts("no error");
} catch (e) {
  sys.puts((e instanceof Error) + " " + e.message);
}
sys.puts(process.cwd());
