// JSON round trips: stringify a nested structure and parse it back, repeatedly.
var data = [];
for (var i = 0; i < 400; i++) {
  data.push({ id: i, name: "item " + i, tags: ["a", "b", "c"], nested: { x: i / 3, y: [i, i + 1], ok: i % 2 === 0 } });
}
var total = 0;
for (var round = 0; round < 25; round++) {
  var text = JSON.stringify(data);
  var back = JSON.parse(text);
  total += back.length + back[round].nested.y[1] + text.length % 97;
}
if (total !== 10800) { throw new Error("json: wrong result " + total); }
