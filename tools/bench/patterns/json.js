// 200,000 records through JSON.stringify and JSON.parse, the way a 2010 server answers and
// reads API calls. Checks the text's length is stable and every record comes back whole.
var N = 200000;
var records = [];
for (var i = 0; i < N; i++) {
  records.push({ id: i, name: "user" + i, email: "user" + i + "@example.com",
                 score: i * 0.5, active: i % 2 === 0, tags: ["a", "b" + (i % 10)] });
}
var text = JSON.stringify(records);
var back = JSON.parse(text);
if (back.length !== N) throw new Error("json: " + back.length + " records back");
for (i = 0; i < N; i++) {
  var r = back[i];
  if (r.id !== i || r.name !== "user" + i || r.score !== i * 0.5 || r.active !== (i % 2 === 0) ||
      r.tags[1] !== "b" + (i % 10)) {
    throw new Error("json: record " + i + " came back as " + JSON.stringify(r));
  }
}
if (JSON.stringify(back) !== text) throw new Error("json: second stringify differs");
