// exec(command): the document's example runs "ls /", whose output depends on
// the machine; these commands print known text. On success the callback
// gets (stdout, stderr); on a non-zero exit the errback gets (exit code,
// stdout, stderr). The second command runs after the first has finished.
// Expected output from: document, "System module" (exec: on success stdout, stderr; on error
// exit code, stdout, stderr).
var sys = require("sys");
sys.exec("echo hello; echo world >&2").addCallback(function (stdout, stderr) {
  sys.puts(stdout);
  sys.puts("stderr: " + JSON.stringify(stderr));

  sys.exec("echo partial; exit 3").addErrback(function (code, stdout, stderr) {
    sys.puts("exit code " + code + ", stdout " + JSON.stringify(stdout) +
             ", stderr " + JSON.stringify(stderr));
  });
});
