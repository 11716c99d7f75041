// Property access on objects of many shapes: the same code reads fields from objects built
// with properties in different orders and counts (what inline caches are for).
function make(i) {
  var o;
  switch (i % 6) {
    case 0: o = { a: i, b: 1 }; break;
    case 1: o = { b: 1, a: i }; break;
    case 2: o = { a: i, b: 1, c: 2 }; break;
    case 3: o = { c: 2, b: 1, a: i }; break;
    case 4: o = { d: 3, a: i, b: 1 }; break;
    default: o = { a: i, e: 4, b: 1, f: 5 };
  }
  return o;
}
var objects = [];
for (var i = 0; i < 600; i++) { objects.push(make(i)); }
var sum = 0;
for (var round = 0; round < 500; round++) {
  for (var j = 0; j < objects.length; j++) {
    var o = objects[j];
    sum += o.a + o.b;
    o.b = o.b + 1;
  }
}
if (sum !== 165000000) { throw new Error("shapes: wrong result " + sum); }
