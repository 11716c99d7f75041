// Binary trees (GC-heavy), after the Computer Language Benchmarks Game's description, written
// for this suite: build and drop many complete binary trees of objects while one long-lived
// tree stays live, and count their nodes. Checks every count against 2^(depth+1) - 1.
var MAX_DEPTH = 14;
var MIN_DEPTH = 4;

function TreeNode(left, right) {
  this.left = left;
  this.right = right;
}

function bottomUpTree(depth) {
  return depth > 0 ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1))
                   : new TreeNode(null, null);
}

function itemCheck(node) {
  if (node.left === null) return 1;
  return 1 + itemCheck(node.left) + itemCheck(node.right);
}

function expectNodes(what, got, depth, trees) {
  var want = (Math.pow(2, depth + 1) - 1) * trees;
  if (got !== want) throw new Error("binary-trees: " + what + " counted " + got + ", want " + want);
}

var stretch = MAX_DEPTH + 1;
expectNodes("stretch tree", itemCheck(bottomUpTree(stretch)), stretch, 1);

var longLived = bottomUpTree(MAX_DEPTH);
for (var depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
  var iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
  var check = 0;
  for (var i = 0; i < iterations; i++) check += itemCheck(bottomUpTree(depth));
  expectNodes(iterations + " trees", check, depth, iterations);
}
expectNodes("long-lived tree", itemCheck(longLived), MAX_DEPTH, 1);
