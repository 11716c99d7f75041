// 1,000,000 process.nextTick callbacks, queued 1,000 at a time from within callbacks, so the
// loop goes round 1,000 times.
var count = 0;
var N = 1000000;
function tick() {
  count++;
}
function batch() {
  for (var i = 0; i < 999; i++) process.nextTick(tick);
  count++;
  if (count < N) process.nextTick(batch);
}
process.nextTick(batch);
process.addListener("exit", function () {
  if (count !== N) throw new Error("only " + count + " ticks ran");
});
