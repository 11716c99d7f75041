//! Calls and closures: what a call keeps on the operand stack (`this`, the arguments an
//! `arguments` object is made from, the object `new` constructs), and what a closure keeps
//! alive (only the environment it uses: a function that uses nothing around it closes over
//! nothing).

mod common;

use bumpalo::Bump;
use common::{prints, throws};
use engine::bytecode::FunctionProto;

/// Whether each function of `source`, in source order (depth first), captures nothing.
fn captures_nothing(source: &str) -> Vec<(String, bool)> {
    let arena = Bump::new();
    let program = engine::parse_program(source, &arena).expect("the script parses");
    let proto = engine::compiler::compile_script(&program, source).expect("it compiles");
    let mut found = Vec::new();
    fn walk(proto: &FunctionProto, found: &mut Vec<(String, bool)>) {
        for child in &proto.functions {
            found.push((child.name.clone(), child.env_free));
            walk(child, found);
        }
    }
    walk(&proto, &mut found);
    found
}

fn named(pairs: &[(&str, bool)]) -> Vec<(String, bool)> {
    pairs.iter().map(|&(n, b)| (n.to_string(), b)).collect()
}

#[test]
fn a_closure_that_uses_nothing_around_it_captures_nothing() {
    assert_eq!(
        captures_nothing(
            "function outer(big) { var x = 1;
               function uses() { return x; }
               function pure(a) { return a + 1; }
               function global() { return Math.max(1, 2); }
               function deep() { return function () { return big; }; }
               return [uses, pure, global, deep]; }"
        ),
        named(&[
            ("outer", true),
            ("uses", false),
            ("pure", true),
            ("global", true),
            ("deep", false),
            ("", false),
        ])
    );
}

#[test]
fn run_time_lookups_keep_the_environment() {
    // A `with` around the function, or a sloppy direct `eval` in a function around it, may
    // turn its globals into variables found at run time; its own direct `eval` may name any
    // variable around it. A strict `eval` declares nothing around it.
    assert_eq!(
        captures_nothing(
            "function w(o) { with (o) { return function a() { return y; }; } }
             function e() { eval(''); return function b() { return y; }; }
             function s() { 'use strict'; eval(''); return function c() { return y; }; }
             function own() { return function d() { return eval('1'); }; }
             function pure() { eval(''); return function f() { return 1; }; }"
        ),
        named(&[
            ("w", true),
            ("a", false),
            ("e", false),
            ("b", false),
            ("s", false),
            ("c", true),
            ("own", false),
            ("d", false),
            ("pure", false),
            ("f", true),
        ])
    );
}

#[test]
fn closures_see_the_variables_they_use() {
    prints(
        "function a() { var x = 1; return function () { return typeof x; }; } print(a()());
         function b() { var x = 2; return function () { return function () { return x; }; }; } print(b()()());
         function c() { var x = 3; with ({y: 4}) { return function () { return y + x; }; } } print(c()());
         function d() { var x = 5; with ({y: 6}) { return function () { return y; }; } } print(d()());
         function e() { eval('var z = 7'); return function () { return z; }; } print(e()());
         function f() { var q = 8; return function () { return eval('q'); }; } print(f()());
         try { throw 9; } catch (err) { print((function () { return err; })()); }
         var g = eval('(function () { var w = 10; return function () { return w; }; })()'); print(g());
         function h() { var v = 11; return eval('(function () { return v; })'); } print(h()());
         var gl = 12; function k() { return function () { return gl; }; } print(k()());
         { let lx = 13; var lf = function () { return lx; }; } print(lf());
         function s() { eval('var late = 14'); return (function () { return function () { return late; }; })(); } print(s()());",
        &[
            "number", "2", "7", "6", "7", "8", "9", "10", "11", "12", "13", "14",
        ],
    );
}

#[test]
fn arguments_stay_on_the_stack_below_the_registers() {
    prints(
        "function f(a, b) { arguments[0] = 9; b = 8; return [a, b, arguments.length, arguments[1], arguments[2]]; }
         print(f(1).join(), f(1, 2, 3).join());
         function g(a) { 'use strict'; arguments[0] = 5; return [a, arguments.length, arguments[0]]; }
         print(g(1, 2).join());
         function many() { var x = 1, y = 2; return Array.prototype.slice.call(arguments).join() + ':' + (x + y); }
         print(many(4, 5, 6, 7), many());
         function deep(n) { return n === 0 ? arguments.length : deep(n - 1, 1, 2); }
         print(deep(1000));
         function callee() { return arguments.callee === callee; } print(callee());",
        &["9,8,1,, 9,8,3,8,3", "1,2,5", "4,5,6,7:3 :3", "3", "true"],
    );
}

#[test]
fn this_and_new_use_the_slot_below_the_arguments() {
    prints(
        "function t() { return typeof this; }
         function st() { 'use strict'; return typeof this; }
         print(t(), t.call(5), st(), st.call(5), t.call(null) === typeof this);
         function P(x) { this.x = x; return 1; } var p = new P(4); print(p.x, p instanceof P);
         function Q() { return {y: 2}; } print(new Q().y);
         function A() { this.n = arguments.length; } print(new A(1, 2, 3).n);
         var B = function (a, b) { this.s = a + b; }.bind(null, 1); print(new B(2).s);
         var o = { v: 7, m: function () { return eval('this.v'); } }; print(o.m());",
        &[
            "object object undefined number true",
            "4 true",
            "2",
            "3",
            "3",
            "7",
        ],
    );
}

#[test]
fn throws_unwind_the_frames_kept_on_the_stack() {
    prints(
        "function thrower() { throw new Error('x' + arguments.length); }
         function r(n) { try { return n ? r(n - 1, 1, 2) : thrower(1, 2); } catch (e) { return e.message + ':' + n; } }
         print(r(3));
         function after() { var a = 1, b = 2; try { thrower(); } catch (e) {} return a + b + arguments.length; }
         print(after(1, 2));",
        &["x2:0", "5"],
    );
    throws("function f() { return f(1, 2, 3); } f()", "RangeError");
}

#[test]
fn call_and_apply_pass_their_arguments_on_the_stack() {
    prints(
        "function f() { return [typeof this, arguments.length, Array.prototype.join.call(arguments)].join('|'); }
         function sf() { 'use strict'; return [String(this), arguments.length].join('|'); }
         print(f.call(), f.call(null, 1, 2), sf.call(), sf.call(3, 4, 5));
         print(f.apply(), f.apply(null, [1, 2, 3]), f.apply(null, {length: 2, 0: 'a'}), sf.apply(7, [1, , 3]));
         function g() { return f.apply(this, arguments); } print(g(9, 8));
         print(f.call.call(f, 1, 2, 3), f.apply.apply(f, [4, [5, 6]]), f.call.apply(f, [1, 2]));
         var o = {length: 1}; o.__defineGetter__('0', function () { return 'got'; }); print(f.apply(null, o));
         print(Math.max.apply(Math, [3, 9, 2]), [1, 2, 3].map(Function.prototype.call, function () { return this * 2; }).join());
         var bound = f.bind(1, 2); print(bound.call(3, 4), bound.apply(3, [4, 5]));",
        &[
            "object|0| object|2|1,2 undefined|0 3|2",
            "object|0| object|3|1,2,3 object|2|a, 7|3",
            "object|2|9,8",
            "object|2|2,3 object|2|5,6 object|1|2",
            "object|1|got",
            "9 2,4,6",
            "object|2|2,4 object|3|2,4,5",
        ],
    );
    throws(
        "Function.prototype.call.call(1)",
        "TypeError: Function.prototype.call called on a non-function",
    );
    throws(
        "(function () {}).apply(null, 5)",
        "TypeError: CreateListFromArrayLike",
    );
    throws(
        "Function.prototype.apply.call({})",
        "TypeError: Function.prototype.apply called on a non-function",
    );
    throws("(function r() { r.call(null); })()", "RangeError");
    // A length of four billion is refused at once, called directly or not.
    throws(
        "(function () {}).apply(null, {length: 4294967295})",
        "RangeError",
    );
    throws(
        "[null].map(Function.prototype.apply.bind(function () {}, null, {length: -1}))",
        "RangeError",
    );
}
