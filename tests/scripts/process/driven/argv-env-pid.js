// Prints process.argv's arguments, argv[0] and argv[1], an environment variable and one that
// is not set, the pid, platform and version. tests/tests/runtime_process.rs runs it with
// arguments and environment of its own and checks each line.
// Expected from the API document, "process" (argv: "An array containing the command line
// arguments"; env; pid; platform) and ../shared/reference/beyond-the-document.md, "process"
// (process.version; argv[0] "a bare name (node) stays as it is").
var sys = require("sys");
sys.puts(JSON.stringify(process.argv.slice(2)));
sys.puts(process.argv[0] + " " + /argv-env-pid\.js$/.test(process.argv[1]) + " " + process.argv[1].charAt(0));
sys.puts(process.env.RUNTIME_TEST_VAR + " " + typeof process.env.RUNTIME_TEST_GONE);
sys.puts(process.pid);
sys.puts(process.platform);
sys.puts(process.version);
