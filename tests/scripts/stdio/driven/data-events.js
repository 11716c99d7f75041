// Opens stdin, counts its "data" events and, at "close", prints what came and whether it came
// in more than one event; "exit" follows. Run by tests/tests/runtime_stdio.rs, which writes
// three lines 300 ms apart.
// Expected from the API document, "Standard I/O" ("data": "Made when stdin has received a
// chunk of data"; "close": "Made when stdin has been closed"; the process then exits).
var sys = require("sys");
process.stdio.open();
var events = [];
process.stdio.addListener("data", function (data) { events.push(data); });
process.stdio.addListener("close", function () {
  sys.puts(JSON.stringify(events.join("")) + " " + (events.length > 1));
});
process.addListener("exit", function () { sys.puts("exit"); });
