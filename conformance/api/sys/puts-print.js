// puts(string) writes the string and a new-line; print(string) the string
// alone.
var sys = require("sys");
sys.print("one, ");
sys.print("two, ");
sys.puts("three");
sys.puts("four");
sys.print("five\n");
