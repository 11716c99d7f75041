// sys.print writes without a newline and sys.puts with one, both to stdout; sys.debug
// ("DEBUG: " first) and sys.error write to stderr, and sys.p writes sys.inspect's text there.
// Expected from the API document, "sys" (puts, print, debug, inspect) and
// ../shared/reference/beyond-the-document.md, "sys" (error, p).
var sys = require("sys");
sys.print("no newline, ");
sys.print(42);
sys.puts("");
sys.puts("puts");
sys.puts(undefined);
sys.debug("to stderr at once");
sys.error("an error line");
sys.p({ a: [1, "two"] });
