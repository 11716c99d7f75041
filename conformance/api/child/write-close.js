// child.write(data, encoding="ascii") feeds the child's stdin; child.close()
// closes it, so `cat` sees end of file and exits.
// Expected output from: document, "Child Processes" (write(data, encoding), close()). `write`
// returning false after exit: NO SOURCE.
var sys = require("sys");
var cat = process.createChildProcess("cat");
var output = "";
cat.addListener("output", function (data) {
  if (data !== null) output += data;
});
cat.addListener("exit", function (code) {
  sys.puts(JSON.stringify(output));
  sys.puts("exit " + code);
  sys.puts("write after exit: " + cat.write("late"));
});
cat.write("hello ");
cat.write("w\u00f6rld\n", "utf8");
cat.write("bye\n");
cat.close();
