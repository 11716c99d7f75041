// 1,000 short children one after another: each `true` is started when the one before has
// exited (process.createChildProcess, node 0.1.27's API).
var left = 1000;
function next() {
  if (left-- === 0) return;
  var child = process.createChildProcess("true");
  child.addListener("exit", function (code) {
    if (code !== 0) throw new Error("exit " + code);
    next();
  });
}
next();
