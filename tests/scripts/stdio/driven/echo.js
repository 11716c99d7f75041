// Opens stdin in the encoding given as the first argument (none: the default) and, when it
// closes, prints everything read as JSON and the type of the chunks. Run by
// tests/tests/runtime_stdio.rs with input through a pipe (by hand: `echo hi | node echo.js`).
// Expected from the API document, "Standard I/O" (process.stdio.open(encoding="utf8"); the
// "data" and "close" events) and ../shared/reference/beyond-the-document.md, "process"
// (encoding names; "binary" and "ascii" give one character a byte).
var sys = require("sys");
process.stdio.open(process.argv[2]);
var chunks = [];
process.stdio.addListener("data", function (data) { chunks.push(data); });
process.stdio.addListener("close", function () {
  sys.puts(JSON.stringify(chunks.join("")) + " " + typeof chunks[0]);
});
