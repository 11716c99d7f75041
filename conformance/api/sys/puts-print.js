// puts(string) writes the string and a new-line; print(string) the string
// alone.
// Expected output from: document, "System module" (puts: string and new-line; print: without).
var sys = require("sys");
sys.print("one, ");
sys.print("two, ");
sys.puts("three");
sys.puts("four");
sys.print("five\n");
