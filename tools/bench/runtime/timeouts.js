// 1,000,000 setTimeout(fn, 0) callbacks: the timer heap and one entry into JavaScript per
// timer.
var count = 0;
var N = 1000000;
function fired() {
  count++;
}
for (var i = 0; i < N; i++) setTimeout(fired, 0);
process.addListener("exit", function () {
  if (count !== N) throw new Error("only " + count + " timeouts fired");
});
