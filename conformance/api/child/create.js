// The document's example: process.createChildProcess("ls", ["-lh", "/usr"])
// with an "output" listener. `ls -lh /usr` prints what this machine has;
// `ls -d /usr /bin` prints known text. The last "output" is null: stdout
// was closed.
// Expected output from: document, "Child Processes" (createChildProcess example; "output" ends
// with null). The text is ls(1)'s.
var sys = require("sys");
var ls = process.createChildProcess("ls", ["-d", "/usr", "/bin"]);
ls.addListener("output", function (data) {
  sys.puts(data);
});
