// exec success and failure.
// Expected: SOURCE
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
