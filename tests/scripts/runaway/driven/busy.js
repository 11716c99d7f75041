// Busy for ever, in the way the first argument names: "loop" (an empty infinite loop),
// "regex" (a backtracking match that would take longer than the universe), "recursion"
// (deep recursion caught and started again, for ever). Prints "ready" first. Run by
// tests/tests/runaway.rs, which interrupts it with SIGINT: the process must end promptly
// with status 130 as a shell reports it, even inside the loop or the match.
var sys = require("sys");
sys.puts("ready");
switch (process.argv[2]) {
  case "loop":
    for (;;) {}
    break;
  case "regex":
    /^(a+)+b$/.test(new Array(64).join("a"));
    break;
  case "recursion":
    var deep = function (n) { return deep(n + 1) + 1; };
    for (;;) {
      try { deep(0); } catch (e) {}
    }
    break;
}
sys.puts("not reached");
