// The same for modern node: child_process.spawn, each `true` started when the one before has
// closed (its stdio pipes ended and it exited, as our "exit" waits for).
var spawn = require("child_process").spawn;
var left = 1000;
function next() {
  if (left-- === 0) return;
  var child = spawn("true");
  child.on("close", function (code) {
    if (code !== 0) throw new Error("exit " + code);
    next();
  });
}
next();
