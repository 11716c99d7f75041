// sys.exec(command): success gives (stdout, stderr); a non-zero exit is an error with (code,
// stdout, stderr); a command that cannot be found exits 127 (the shell's).
// Expected from the API document, "sys" (exec(command): "Executes the command as a child
// process, buffers the output and returns it in a promise callback"; on error "code, stdout,
// stderr") and sh(1) for 127.
var sys = require("sys");
sys.exec("echo out; echo err >&2").addCallback(function (stdout, stderr) {
  sys.puts("success " + JSON.stringify([stdout, stderr]));
  sys.exec("echo some; false").addErrback(function (code, stdout, stderr) {
    sys.puts("failure " + JSON.stringify([code, stdout, stderr]));
    sys.exec("no-such-command-anywhere 2>/dev/null").addErrback(function (code) {
      sys.puts("not found " + code);
    });
  });
});
