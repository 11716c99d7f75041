// 1,000,000 process.nextTick callbacks, queued 1,000 at a time from within callbacks, so the
// loop goes round 1,000 times.
var count = 0;
var batches = 0;
function tick() {
  count++;
}
function batch() {
  batches++;
  count++;
  for (var i = 0; i < 999; i++) process.nextTick(tick);
  if (batches < 1000) process.nextTick(batch);
}
process.nextTick(batch);
process.addListener("exit", function () {
  if (count !== 1000000) throw new Error("only " + count + " ticks ran");
});
