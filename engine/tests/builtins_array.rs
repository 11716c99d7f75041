//! The Array constructor and Array.prototype (ES5.1 15.4), checked by scripts.

mod common;

use common::{prints, throws};

#[test]
fn constructor() {
    prints(
        "var a = new Array(3); print(a.length, 0 in a, Array.isArray(a))",
        &["3 false true"],
    );
    prints("var a = Array(1, 2, 3); print(a.length, a[2])", &["3 3"]);
    prints("var a = new Array('3'); print(a.length, a[0])", &["1 3"]);
    prints("print(new Array().length, Array().length)", &["0 0"]);
    prints(
        "var a = new Array(4294967295); print(a.length)",
        &["4294967295"],
    );
    throws("new Array(-1)", "RangeError");
    throws("Array(1.5)", "RangeError");
    throws("new Array(4294967296)", "RangeError");
    prints(
        "print(Array.length, Array.prototype.constructor === Array, Array.isArray(Array.prototype))",
        &["1 true true"],
    );
    prints(
        "print(Array.isArray([]), Array.isArray({length: 0}), Array.isArray(), Array.isArray.length)",
        &["true false false 1"],
    );
    prints(
        "print(Object.prototype.toString.call(new Array()), [] instanceof Array)",
        &["[object Array] true"],
    );
}

#[test]
fn method_lengths_and_attributes() {
    prints(
        "var p = Array.prototype; print(p.concat.length, p.join.length, p.pop.length, p.push.length, \
         p.reverse.length, p.shift.length, p.slice.length, p.splice.length, p.unshift.length, \
         p.indexOf.length, p.lastIndexOf.length, p.toString.length, p.toLocaleString.length)",
        &["1 1 0 1 0 0 2 2 1 1 1 0 0"],
    );
    prints(
        "var n = 0; for (var k in Array.prototype) n++; for (var k in []) n++; print(n, \
         Array.prototype.propertyIsEnumerable('join'))",
        &["0 false"],
    );
}

#[test]
fn to_string_and_join() {
    prints(
        "print([1, 2, 3].toString(), [1, [2, 3]].join('-'))",
        &["1,2,3 1-2,3"],
    );
    prints(
        "print([null, undefined, 1].join(), [,,].join('x'), [].join(), [1].join(undefined))",
        &[",,1 x  1"],
    );
    prints(
        "var o = {length: 3, 0: 'a', 2: 'c', join: Array.prototype.join}; print(o.join('+'))",
        &["a++c"],
    );
    // Without a callable join, toString falls back to Object.prototype.toString.
    prints(
        "var o = {join: 1}; print(Array.prototype.toString.call(o)); \
         print(Array.prototype.toString.call({join: function () { return 'j'; }}))",
        &["[object Object]", "j"],
    );
    prints("print(Array.prototype.join.call('abc', '-'))", &["a-b-c"]);
    prints("print(['\\u0100', 'b'].join('\\u2028').length)", &["3"]);
    throws("Array.prototype.join.call(null)", "TypeError");
    prints(
        "var a = [1, 2]; a.toString = Array.prototype.toString; print(a + '', [a, a].join(';'))",
        &["1,2 1,2;1,2"],
    );
}

#[test]
fn to_locale_string() {
    prints(
        "var o = {toLocaleString: function () { return 'L'; }}; print([o, null, o].toLocaleString())",
        &["L,,L"],
    );
    throws("[{toLocaleString: 1}].toLocaleString()", "TypeError");
    prints("print([].toLocaleString() === '')", &["true"]);
}

#[test]
fn concat() {
    prints(
        "var a = [1, 2].concat(3, [4, [5]], 'x'); print(a.length, a.join('|'))",
        &["6 1|2|3|4|5|x"],
    );
    prints(
        "var a = [,1,].concat([,]); print(a.length, 0 in a, 1 in a, 2 in a)",
        &["3 false true false"],
    );
    prints(
        "var o = {}; var a = Array.prototype.concat.call(o, 1); print(a.length, a[0] === o, a[1])",
        &["2 true 1"],
    );
    prints(
        "var args = (function () { return arguments; })(1, 2); print([].concat(args).length)",
        &["1"],
    );
}

#[test]
fn push_and_pop() {
    prints(
        "var a = [1]; print(a.push(2, 3), a.length, a.pop(), a.length, a.join())",
        &["3 3 3 2 1,2"],
    );
    prints("var a = []; print(a.pop(), a.length)", &["undefined 0"]);
    prints(
        "var o = {}; print(Array.prototype.push.call(o, 'x'), o.length, o[0]); \
         print(Array.prototype.pop.call(o), o.length, 0 in o)",
        &["1 1 x", "x 0 false"],
    );
    prints(
        "var o = {length: 4294967296}; Array.prototype.pop.call(o); print(o.length)",
        &["0"],
    );
    // On a generic object the length may grow past 2^32 - 1.
    prints(
        "var o = {length: 4294967295}; print(Array.prototype.push.call(o, 'y'), o[4294967295])",
        &["4294967296 y"],
    );
    throws("var a = []; a.length = 4294967295; a.push(1)", "RangeError");
}

#[test]
fn reverse() {
    prints(
        "var a = [1, 2, 3, 4]; print(a.reverse() === a, a.join())",
        &["true 4,3,2,1"],
    );
    prints(
        "var a = [1, , 3, , ]; a.reverse(); print(a.length, a.join(), 0 in a, 1 in a, 3 in a)",
        &["4 ,3,,1 false true true"],
    );
    prints(
        "var o = {length: 3, 0: 'a'}; Array.prototype.reverse.call(o); print(o[2], 0 in o)",
        &["a false"],
    );
}

#[test]
fn shift_and_unshift() {
    prints(
        "var a = [1, 2, 3]; print(a.shift(), a.length, a.join())",
        &["1 2 2,3"],
    );
    prints("var a = []; print(a.shift(), a.length)", &["undefined 0"]);
    prints(
        "var a = [1, , 3]; a.shift(); print(a.length, 0 in a, a[1])",
        &["2 false 3"],
    );
    prints(
        "var a = [3, 4]; print(a.unshift(1, 2), a.join())",
        &["4 1,2,3,4"],
    );
    prints(
        "var a = [, 2]; a.unshift(0); print(a.length, 1 in a, a[2])",
        &["3 false 2"],
    );
    prints(
        "var o = {length: 2, 0: 'a', 1: 'b'}; Array.prototype.unshift.call(o, 'z'); \
         print(o.length, o[0], o[1], o[2])",
        &["3 z a b"],
    );
}

#[test]
fn slice() {
    prints(
        "var a = [1, 2, 3, 4, 5]; print(a.slice(1, 3).join(), a.slice(-2).join(), a.slice().length, \
         a.slice(3, 1).length, a.slice(-10, -4).join(), a.slice(2, undefined).join())",
        &["2,3 4,5 5 0 1 3,4,5"],
    );
    prints(
        "var a = [1, , 3, ,].slice(1); print(a.length, 0 in a, a[1], 2 in a)",
        &["3 false 3 false"],
    );
    prints(
        "print(Array.prototype.slice.call('abcd', 1, 3).join(''), \
         Array.prototype.slice.call({length: 2, 1: 'x'}).join('-'))",
        &["bc -x"],
    );
    prints(
        "function f() { return Array.prototype.slice.call(arguments, 1); } print(f(1, 2, 3).join())",
        &["2,3"],
    );
}

#[test]
fn splice() {
    prints(
        "var a = [1, 2, 3, 4, 5]; var r = a.splice(1, 2); print(r.join(), a.join(), a.length)",
        &["2,3 1,4,5 3"],
    );
    prints(
        "var a = [1, 2, 3]; var r = a.splice(1, 1, 'x', 'y'); print(r.join(), a.join())",
        &["2 1,x,y,3"],
    );
    prints(
        "var a = [1, 2, 3]; var r = a.splice(1); print(r.join(), a.join())",
        &["2,3 1"],
    );
    prints(
        "var a = [1, 2, 3]; var r = a.splice(); print(r.length, a.join())",
        &["0 1,2,3"],
    );
    prints(
        "var a = [1, 2, 3]; a.splice(-1, 0, 'x'); print(a.join())",
        &["1,2,x,3"],
    );
    prints(
        "var a = [1, 2, 3, 4]; a.splice(0, 3, 'a'); print(a.join(), a.length)",
        &["a,4 2"],
    );
    prints(
        "var a = [1, , 3]; var r = a.splice(0, 2); print(r.length, 1 in r, a.join())",
        &["2 false 3"],
    );
    prints(
        "var o = {length: 3, 0: 'a', 1: 'b', 2: 'c'}; var r = Array.prototype.splice.call(o, 1, 1); \
         print(r.join(), o.length, o[0], o[1], 2 in o)",
        &["b 2 a c false"],
    );
}

#[test]
fn index_of_and_last_index_of() {
    prints(
        "var a = [1, 2, 3, 2, 1]; print(a.indexOf(2), a.lastIndexOf(2), a.indexOf(4), \
         a.indexOf(2, 2), a.lastIndexOf(2, 2), a.indexOf(1, -1), a.lastIndexOf(1, -5), \
         a.lastIndexOf(1, -6), a.indexOf(1, 10))",
        &["1 3 -1 3 1 4 0 -1 -1"],
    );
    prints(
        "print([NaN].indexOf(NaN), [0].indexOf(-0), ['1'].indexOf(1), [undefined].indexOf(), [,].indexOf())",
        &["-1 0 -1 0 -1"],
    );
    // A fromIndex that is passed as undefined counts as 0 (lastIndexOf searches from 0 only).
    prints(
        "print([1, 1].lastIndexOf(1, undefined), [1, 1].lastIndexOf(1))",
        &["0 1"],
    );
    prints(
        "print(Array.prototype.indexOf.call({length: 3, 2: 'z'}, 'z'), \
         Array.prototype.lastIndexOf.call('abcb', 'b'))",
        &["2 3"],
    );
}

#[test]
fn inherited_elements_count() {
    prints(
        "Array.prototype[1] = 'p'; var a = [0, , 2]; print(a.indexOf('p'), a.join(), a.slice(0).hasOwnProperty(1))",
        &["1 0,p,2 true"],
    );
    prints(
        "Array.prototype[5] = 'p'; var a = []; a.length = 100000; print(a.indexOf('p'), a.lastIndexOf('p'))",
        &["5 5"],
    );
}

#[test]
fn accessors_are_called() {
    prints(
        "var n = 0; var o = {get length() { n++; return 2; }, 0: 'a', get 1() { return 'b'; }}; \
         print(Array.prototype.join.call(o, ''), n)",
        &["ab 1"],
    );
    prints(
        "print([1, {toString: function () { return 'T'; }}].join())",
        &["1,T"],
    );
    prints(
        "var seen; var o = {length: 1, set 1(v) { seen = v; }, 0: 'a'}; \
         Array.prototype.unshift.call(o, 'x'); print(seen, o[0], o.length)",
        &["a x 2"],
    );
}

#[test]
fn huge_sparse_arrays_do_not_loop() {
    prints(
        "var a = []; a[4294967294] = 1; print(a.length, a.indexOf(1), a.lastIndexOf(1), a.indexOf(2))",
        &["4294967295 4294967294 4294967294 -1"],
    );
    prints(
        "var a = [0, 1]; a[4294967294] = 2; a[4294967295] = 3; \
         print(a.indexOf(2, 4294967290), a.indexOf(3, 4294967290), a.lastIndexOf(0))",
        &["4294967294 -1 0"],
    );
    prints(
        "var a = []; a.length = 4294967295; print(a.join('').length)",
        &["0"],
    );
    throws("var a = []; a.length = 4294967295; a.join()", "RangeError");
    prints(
        "var a = []; a[4294967294] = 'x'; var s = a.slice(4294967290); print(s.length, s[4])",
        &["5 x"],
    );
    prints(
        "var a = ['a']; a[4294967294] = 'z'; a.reverse(); print(a[0], a[4294967294], 1 in a)",
        &["z a false"],
    );
    prints(
        "var a = ['a', 'b']; a.length = 4294967295; print(a.shift(), a.length, a[0], 1 in a)",
        &["a 4294967294 b false"],
    );
    throws(
        "var a = ['a']; a.length = 4294967295; a.unshift('x')",
        "RangeError",
    );
    prints(
        "var a = ['a', 'b']; a[4294967294] = 'z'; var r = a.splice(1, 4294967290); \
         print(r.length, r[0], a.length, a[0], a[4], 5 in a)",
        &["4294967290 b 5 a z false"],
    );
    prints(
        "var a = []; a[4294967293] = 'y'; var r = a.splice(0, 0, 'x'); \
         print(a.length, a[0], a[4294967294], 4294967293 in a)",
        &["4294967295 x y false"],
    );
    prints(
        "var a = []; a[4000000000] = 1; var c = a.concat([2]); print(c.length, c[4000000000], c[4000000001])",
        &["4000000002 1 2"],
    );
    throws(
        "var a = []; a.length = 4294967295; a.concat([1])",
        "RangeError",
    );
    prints(
        "var o = {length: 4294967295, 4294967294: 'e'}; print(Array.prototype.lastIndexOf.call(o, 'e'), \
         Array.prototype.indexOf.call(o, 'e'))",
        &["4294967294 4294967294"],
    );
}

#[test]
fn getters_adding_elements_are_seen() {
    // A getter that adds an element further on: the spec's loop would find it.
    prints(
        "var o = {length: 1000000, get 10() { o[500000] = 'late'; return 0; }}; \
         print(Array.prototype.indexOf.call(o, 'late'))",
        &["500000"],
    );
    // Or an inherited one.
    prints(
        "function F() { this.length = 4000000000; this[7] = 0; } \
         F.prototype = {get 3() { this[3999999999] = 'end'; return 1; }}; \
         print(Array.prototype.indexOf.call(new F(), 'end'), \
         Array.prototype.lastIndexOf.call(new F(), 'end'))",
        &["3999999999 -1"],
    );
    // So would a conversion that does.
    prints(
        "var a = []; a.length = 100000; a[1] = {toString: function () { a[99998] = 'x'; return 'o'; }}; \
         var s = a.join(''); print(s, s.length)",
        &["ox 2"],
    );
}

#[test]
fn strict_errors_from_puts_and_deletes() {
    // A String object's length is read-only.
    throws("Array.prototype.push.call(Object('ab'), 1)", "TypeError");
    // A property with a getter and no setter cannot be assigned.
    throws(
        "Array.prototype.push.call({length: 0, get 0() { return 0; }}, 'x')",
        "TypeError",
    );
}

#[test]
fn cycles_and_deep_nesting() {
    // As in V8, an array met again while it is being joined contributes the empty string.
    prints(
        "var a = [1]; a[1] = a; a[2] = [a, 2]; print(a.join(), a + '')",
        &["1,,,2 1,,,2"],
    );
    prints(
        "var o = {length: 2, 0: 'x', toString: Array.prototype.toString, join: Array.prototype.join}; \
         o[1] = o; print(o.join('-'))",
        &["x-"],
    );
    prints(
        "var a = []; for (var i = 0; i < 99; i++) a = [a, i]; print(a.join().length)",
        &["287"],
    );
    throws(
        "var a = []; for (var i = 0; i < 1000; i++) a = [a]; a.join()",
        "RangeError",
    );
    // The stack of joins is left as it was after an exception.
    prints(
        "var a = [{toString: function () { throw 1; }}]; try { a.join(); } catch (e) {} \
         var b = [a]; a[0] = b; print(b.join() === '')",
        &["true"],
    );
}

#[test]
fn conversion_order_and_errors() {
    // length is read before the arguments are converted; the separator is converted even
    // when there is nothing to join.
    prints(
        "var log = ''; var o = {get length() { log += 'L'; return 0; }}; \
         Array.prototype.join.call(o, {toString: function () { log += 'S'; return ','; }}); \
         Array.prototype.slice.call(o, {valueOf: function () { log += 'a'; return 0; }}, \
           {valueOf: function () { log += 'b'; return 0; }}); \
         print(log)",
        &["LSLab"],
    );
    // indexOf returns -1 for an empty object before looking at fromIndex.
    prints(
        "var called = false; \
         print([].indexOf(1, {valueOf: function () { called = true; return 0; }}), called)",
        &["-1 false"],
    );
    throws(
        "Array.prototype.pop.call({get length() { throw new RangeError('x'); }})",
        "RangeError: x",
    );
    throws("Array.prototype.toString.call(undefined)", "TypeError");
    throws("Array.prototype.concat.call(null)", "TypeError");
    throws(
        "[1].toLocaleString.call([{toLocaleString: null}])",
        "TypeError",
    );
}

/// `sort` with a comparator is a resumable native (vm/resumable.rs): each comparison is an
/// ordinary call. These are the ways a comparator can leave and re-enter it.
#[test]
fn sort_with_a_comparator() {
    // Stable, and the comparator sees (later run's head, earlier run's head).
    prints(
        "var a = []; for (var i = 0; i < 50; i++) a.push({k: i % 3, i: i}); \
         a.sort(function (x, y) { return x.k - y.k; }); \
         var ok = true; for (var i = 1; i < a.length; i++) \
           if (a[i - 1].k > a[i].k || (a[i - 1].k === a[i].k && a[i - 1].i > a[i].i)) ok = false; \
         var seen = []; [1, 2].sort(function (x, y) { seen.push(x, y); return 0; }); \
         print(ok, seen)",
        &["true 2,1"],
    );
    // A comparator that sorts (nested resumable natives), and a native comparator.
    prints(
        "var inner = [3, 2, 1]; \
         var a = [4, 1, 3, 2].sort(function (x, y) { inner.sort(function (p, q) { return p - q; }); return x - y; }); \
         print(a, inner, [3, 1, 2].sort(Math.max))",
        &["1,2,3,4 1,2,3 3,1,2"],
    );
    // A throw from the comparator, or from the valueOf of what it returns, leaves the sort
    // for the caller's handler; the array is untouched, and the engine carries on.
    prints(
        "var a = [3, 2, 1], caught = []; \
         try { a.sort(function () { throw new Error('x'); }); } catch (e) { caught.push(e.message); } \
         try { a.sort(function () { return {valueOf: function () { throw 'y'; }}; }); } catch (e) { caught.push(e); } \
         var before = a.join(); \
         print(caught, before, a.sort(function (x, y) { return x - y; }))",
        &["x,y 3,2,1 1,2,3"],
    );
    // Called through `call` and on an array-like object.
    prints(
        "var o = {0: 'b', 1: 'a', 2: 'c', length: 3}; \
         Array.prototype.sort.call(o, function (x, y) { return x < y ? -1 : 1; }); \
         print(o[0], o[1], o[2])",
        &["a b c"],
    );
}
