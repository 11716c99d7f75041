// Deep and wide recursion: Fibonacci, Ackermann and a recursive tree walk.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function ack(m, n) { return m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
function tree(depth) { return depth === 0 ? null : { left: tree(depth - 1), right: tree(depth - 1) }; }
function count(t) { return t === null ? 0 : 1 + count(t.left) + count(t.right); }
var f = fib(25);
var a = ack(2, 300);
var c = count(tree(15));
if (f !== 75025 || a !== 603 || c !== 32767) { throw new Error("recursion: wrong result " + f + " " + a + " " + c); }
