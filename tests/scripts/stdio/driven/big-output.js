// Writes 40,000 lines of 100 bytes (4 MB) to stdout and then "end", and then does what its
// argument says: "exit" (status 7 at once), "exit-from-a-timer" (status 3), "exit-0",
// "linger" (a 20 ms timer), "timer-to-stderr" (a 1 ms timer that says on stderr whether it ran
// within 2 s), or nothing. Run by tests/tests/runtime_stdio.rs with a slow reader, a file or
// a reader that goes away; every byte must come out.
// Expected from the API document, "Standard I/O" ("stdout and stdin are fully non-blocking
// (even when piping to files). stderr is synchronous."; process.stdio.write(data): "Write data
// to stdout") and "process" (process.exit). That what was written before an exit is not lost
// is what "write" promises; the document does not say otherwise.
var line = new Array(100).join("x") + "\n";
for (var i = 0; i < 40000; i++) process.stdio.write(line);
process.stdio.write("end\n");
switch (process.argv[2]) {
  case "exit":
    process.exit(7);
    break;
  case "exit-from-a-timer":
    setTimeout(function () { process.exit(3); }, 1);
    break;
  case "exit-0":
    process.exit(0);
    break;
  case "linger":
    setTimeout(function () {}, 20);
    break;
  case "timer-to-stderr":
    var start = Date.now();
    setTimeout(function () {
      process.stdio.writeError("timer after " + (Date.now() - start < 2000 ? "a moment" : "a wait") + "\n");
    }, 1);
    break;
}
