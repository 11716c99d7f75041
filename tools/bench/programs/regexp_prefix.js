// Searching a long string for patterns that begin with literal text (`/needle\d+/`), and for
// one that does not (`/[nN]eedle\d+/`), the way a template engine or a log scanner looks for
// its markers: a search can jump to where the text occurs instead of trying every position.
var parts = [];
for (var i = 0; i < 20000; i++) {
  parts.push(i % 1000 === 999 ? "needle" + i : "hay" + i + " and straw,");
}
var text = parts.join(" ");
var prefixed = 0, classed = 0, tag = 0;
for (var round = 0; round < 20; round++) {
  var re = /needle(\d+)/g, m;
  while ((m = re.exec(text)) !== null) prefixed += m[1].length > 0 ? 1 : 0;
  var other = /[nN]eedle\d+/g;
  while (other.exec(text) !== null) classed++;
  if (text.search(/<tag>/) === -1) tag++;
}
if (prefixed !== 400 || classed !== 400 || tag !== 20) {
  throw new Error("regexp_prefix: wrong result " + prefixed + " " + classed + " " + tag);
}
