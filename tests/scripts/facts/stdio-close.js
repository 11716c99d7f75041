// process.stdio.close() is followed by one "close" event (from a later tick), and the loop
// then ends.
// Expected output from: the document, "process.stdio" ("close": "Made when stdin has been
// closed"), and the issue "Old programs run unchanged" (it must fire after close()). That it
// comes after close() returns, and only once: NO SOURCE.
var sys = require("sys");
var closes = 0;
process.stdio.open();
process.stdio.addListener("close", function () {
  closes++;
  sys.puts("close");
});
process.stdio.close();
process.stdio.close();
sys.puts("after close()");
process.addListener("exit", function () { sys.puts("closes: " + closes); });
