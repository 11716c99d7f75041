//! Scripts run on the VM, checked by what they print.

mod common;

use common::{prints, run};
use engine::vm::Completion;

#[test]
fn arithmetic_and_variables() {
    prints("var x = 1 + 2; print(x)", &["3"]);
    prints("print(7 / 2, 7 % 4, -3 * 2, 2 - 5)", &["3.5 3 -6 -3"]);
    prints(
        "print(1 << 4, -16 >> 2, -16 >>> 28, 5 & 3, 5 | 3, 5 ^ 3, ~5)",
        &["16 -4 15 1 7 6 -6"],
    );
    prints("print('a' + 1, 1 + 2 + 'b', '3' * '4')", &["a1 3b 12"]);
    prints(
        "var i = 0; i++; ++i; i += 10; print(i, i--, i)",
        &["12 12 11"],
    );
}

#[test]
fn comparisons_and_logic() {
    prints(
        "print(1 < 2, 2 <= 1, 'a' < 'b', NaN < 1, 1 == '1', 1 === '1', null == undefined)",
        &["true false true false true false true"],
    );
    prints("print(0 || 'x', 1 && 'y', null && z, !0, typeof nope, typeof 1, typeof 's', typeof {}, typeof print)",
        &["x y null true undefined number string object function"]);
}

#[test]
fn functions_and_closures() {
    prints(
        "function add(a, b) { return a + b; } print(add(2, 3), add(1))",
        &["5 NaN"],
    );
    prints("function counter() { var n = 0; return function () { return ++n; }; } var c = counter(); c(); c(); print(c())", &["3"]);
    prints(
        "var f = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }; print(f(10))",
        &["3628800"],
    );
    prints(
        "function f() { return arguments.length + arguments[1]; } print(f(1, 2, 3))",
        &["5"],
    );
    prints(
        "print((function () { return this; })() === this)",
        &["true"],
    );
    prints(
        "print((function () { 'use strict'; return this; })())",
        &["undefined"],
    );
}

#[test]
fn objects_and_arrays() {
    prints(
        "var o = { a: 1, b: { c: 2 } }; o.d = o.a + o.b.c; print(o.d, o['a'], o.x)",
        &["3 1 undefined"],
    );
    prints(
        "var a = [1, 2, 3]; a[5] = 6; print(a.length, a[4], a[5])",
        &["6 undefined 6"],
    );
    prints(
        "var a = [1, 2, 3]; a.length = 1; print(a.length, a[1])",
        &["1 undefined"],
    );
    prints(
        "var o = { get x() { return 42; }, set x(v) { this.y = v; } }; o.x = 7; print(o.x, o.y)",
        &["42 7"],
    );
    prints("function P(x) { this.x = x; } P.prototype.get = function () { return this.x; }; var p = new P(9); print(p.get(), p instanceof P)", &["9 true"]);
    prints(
        "var o = { a: 1 }; print('a' in o, 'b' in o, delete o.a, 'a' in o)",
        &["true false true false"],
    );
    prints(
        "var s = ''; for (var k in { x: 1, y: 2 }) s += k; print(s)",
        &["xy"],
    );
    prints("print('abc'.length, 'abc'[1])", &["3 b"]);
}

#[test]
fn control_flow() {
    prints("var s = 0; for (var i = 0; i < 10; i++) { if (i == 5) continue; if (i == 8) break; s += i; } print(s)", &["23"]);
    prints(
        "var n = 0; do { n++; } while (n < 5); while (n < 10) n += 2; print(n)",
        &["11"],
    );
    prints("function f(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'few'; default: return 'many'; } } print(f(1), f(3), f(9))", &["one few many"]);
    prints("outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) continue outer; if (i == 2) break outer; print(i, j); } }", &["0 0", "1 0"]);
}

#[test]
fn exceptions() {
    prints(
        "try { throw 'x'; } catch (e) { print('caught', e); } finally { print('finally'); }",
        &["caught x", "finally"],
    );
    prints(
        "function f() { try { return 1; } finally { print('cleanup'); } } print(f())",
        &["cleanup", "1"],
    );
    prints(
        "for (var i = 0; i < 3; i++) { try { if (i == 1) break; } finally { print('f', i); } }",
        &["f 0", "f 1"],
    );
    prints(
        "try { null.x; } catch (e) { print(e instanceof TypeError, e.message); }",
        &["true Cannot read property 'x' of null"],
    );
    prints(
        "try { undefinedVariable; } catch (e) { print(e.message); }",
        &["undefinedVariable is not defined"],
    );
    prints("function f() { try { throw 1; } catch (e) { return function () { return e; }; } } print(f()())", &["1"]);
    let (_, completion) = run("throw 'boom'");
    assert_eq!(
        completion,
        Completion::Threw {
            message: "boom".into(),
            stack: "boom".into()
        }
    );
}

#[test]
fn deep_recursion_is_a_range_error() {
    prints(
        "function f(n) { return n == 0 ? 0 : 1 + f(n - 1); } print(f(10000))",
        &["10000"],
    );
    prints(
        "function f() { return f(); } try { f(); } catch (e) { print(e.message); }",
        &["Maximum call stack size exceeded"],
    );
}

#[test]
fn with_and_dynamic_names() {
    prints(
        "var o = { x: 1 }; with (o) { x = 2; var y = x + 1; } print(o.x, y)",
        &["2 3"],
    );
    prints(
        "function f(o) { var x = 'local'; with (o) { return x; } } print(f({}), f({ x: 'prop' }))",
        &["local prop"],
    );
}

#[test]
fn long_loops_run_across_slices() {
    prints(
        "var s = 0; for (var i = 0; i < 1000000; i++) s += i; print(s)",
        &["499999500000"],
    );
    prints(
        "var s = ''; for (var i = 0; i < 100000; i++) s = s + 'ab'; print(s.length)",
        &["200000"],
    );
}

#[test]
fn self_hosted_array_methods() {
    prints(
        "var s = 0; [1, 2, 3].forEach(function (x, i) { s += x * i; }); print(s)",
        &["8"],
    );
    prints(
        "print([1, 2, 3].map(function (x) { return x * 2; })[2], [1, 2, 3, 4].filter(function (x) { return x % 2; }).length)",
        &["6 2"],
    );
    prints(
        "print([1, 2].some(function (x) { return x > 1; }), [1, 2].every(function (x) { return x > 1; }))",
        &["true false"],
    );
    prints(
        "print([1, 2, 3].reduce(function (a, b) { return a + b; }), ['a', 'b'].reduceRight(function (a, b) { return a + b; }, '>'))",
        &["6 >ba"],
    );
    prints(
        "var a = [3, 1, undefined, 10, 2]; a.sort(); print(a[0], a[1], a[2], a[3], a[4])",
        &["1 10 2 3 undefined"],
    );
    prints(
        "var a = [3, 1, 10, 2]; a.sort(function (x, y) { return x - y; }); print(a[0], a[1], a[2], a[3])",
        &["1 2 3 10"],
    );
    prints(
        "print([].forEach.length, [].forEach.hasOwnProperty('prototype'))",
        &["1 false"],
    );
}

#[test]
fn errors_carry_a_stack_trace() {
    let (_, completion) = run(
        "function inner() { throw new TypeError('bad'); }\nfunction outer() { inner(); }\nouter();",
    );
    let Completion::Threw { message, stack } = completion else {
        panic!("expected an exception");
    };
    assert_eq!(message, "TypeError: bad");
    assert_eq!(
        stack,
        "TypeError: bad\n    at inner (test.js:1:26)\n    at outer (test.js:2:20)\n    at test.js:3:1"
    );
}

#[test]
fn eval_direct_and_indirect() {
    prints("print(eval('1 + 2'), eval(5), eval())", &["3 5 undefined"]);
    prints(
        "var x = 'global'; function f() { var x = 'local'; return eval('x'); } print(f())",
        &["local"],
    );
    prints("var x = 'global'; function f() { var x = 'local'; var e = eval; return e('x'); } print(f())", &["global"]);
    prints(
        "function f() { eval('var y = 7'); return y; } print(f(), typeof y)",
        &["7 undefined"],
    );
    prints(
        "function f() { 'use strict'; eval('var z = 1'); return typeof z; } print(f())",
        &["undefined"],
    );
    prints(
        "eval('var g = 3; function h() { return g * 2; }'); print(g, h(), delete g, typeof g)",
        &["3 6 true undefined"],
    );
    prints(
        "function f(a) { return eval('arguments.length + a'); } print(f(10, 20))",
        &["12"],
    );
    prints(
        "var o = { m: function () { return eval('this'); } }; print(o.m() === o)",
        &["true"],
    );
    prints(
        "try { eval('a b'); } catch (e) { print(e instanceof SyntaxError); }",
        &["true"],
    );
    prints(
        "for (var i = 0; i < 2; i++) { try { eval('break'); } catch (e) { print(e.name); } }",
        &["SyntaxError", "SyntaxError"],
    );
}

#[test]
fn function_constructor() {
    prints(
        "var add = new Function('a', 'b', 'return a + b'); print(add(2, 3), add.length)",
        &["5 2"],
    );
    prints(
        "print(Function('return 7')(), Function('a, b', 'c', 'return a + b + c')(1, 2, 3))",
        &["7 6"],
    );
    prints("var x = 'global'; function f() { var x = 'local'; return Function('return x')(); } print(f())", &["global"]);
    prints(
        "try { Function('a', '}); print(1); (function () {'); } catch (e) { print(e.name); }",
        &["SyntaxError"],
    );
}

#[test]
fn assignment_resolves_its_target_first() {
    // 11.13.1: the reference is resolved before the right-hand side deletes the binding.
    prints("var x = 0; var scope = { x: 1 }; with (scope) { x = (delete scope.x, 2); } print(scope.x, x)", &["2 0"]);
    prints("var x = 0; var scope = { x: 1 }; with (scope) { x += (delete scope.x, 2); } print(scope.x, x)", &["3 0"]);
    prints("function f() { var x = 0; var inner = (function () { x = (eval('var x;'), 1); return x; })(); return [inner, x]; } print(f().join())", &[",1"]);
}

#[test]
fn sloppy_arguments_are_mapped_to_parameters() {
    prints(
        "function f(a) { arguments[0] = 2; return a; } print(f(1))",
        &["2"],
    );
    prints(
        "function f(a) { a = 3; return arguments[0]; } print(f(1))",
        &["3"],
    );
    prints(
        "function f(a, b) { b = 5; return arguments[1]; } print(f(1))",
        &["undefined"],
    );
    prints(
        "function f(a) { delete arguments[0]; arguments[0] = 9; return a; } print(f(1))",
        &["1"],
    );
    prints(
        "function f(a) { 'use strict'; arguments[0] = 2; return a; } print(f(1))",
        &["1"],
    );
    prints("function f(a) { Object.defineProperty(arguments, '0', { value: 7 }); return a; } print(f(1))", &["7"]);
    prints(
        "function f(a) { var arguments; return typeof arguments; } print(f(1))",
        &["object"],
    );
}

#[test]
fn the_completion_value_is_not_converted() {
    // A script's last value is not turned into a string: that would run its toString.
    prints(
        "var o = { toString: function () { print('converted'); return 'o'; } }; o",
        &[],
    );
}

#[test]
fn eval_returns_the_completion_value() {
    prints(
        "print(eval('1; 2'), eval('1; var x = 3'), eval('1; if (true) {}'), eval('1; if (true) { 2; }'), eval('1; while (false);'))",
        &["2 1 undefined 2 undefined"],
    );
    prints(
        "var n = 0; print(eval('for (;;) { if (n === 3) break; else n++; }'))",
        &["undefined"],
    );
}

/// Conditions are compiled into jumps (`&&`, `||` and `!` in an `if`, a loop or `?:` leave
/// no value, and a comparison before a conditional jump is one compare-and-jump instruction):
/// what they decide must be what the expressions' values say, NaN and conversions included.
#[test]
fn conditions_compiled_to_jumps() {
    // NaN: `!(a < b)` is not `a >= b`.
    prints(
        "var n = NaN, r = [];
         if (n < 1) r.push('lt'); if (n <= 1) r.push('le'); if (n > 1) r.push('gt');
         if (n >= 1) r.push('ge'); if (!(n < 1)) r.push('not-lt'); if (!(n >= 1)) r.push('not-ge');
         if (n == n) r.push('eq'); if (n != n) r.push('ne'); if (n === n) r.push('seq');
         if (n !== n) r.push('sne'); print(r.join(','))",
        &["not-lt,not-ge,ne,sne"],
    );
    // `&&`, `||`, `!` and their nesting, in every kind of condition.
    prints(
        "var out = [];
         function t(a, b, c) {
           var r = '';
           if (a && b || c) r += 'A'; else r += 'a';
           if (!(a || b) && !c) r += 'B'; else r += 'b';
           r += (a && !b) ? 'C' : 'c';
           var i = 0; while (i < 3 && (a || i < 1)) i++; r += i;
           var j = 0; do { j++; } while (j < 2 && !b || j < 1 && c); r += j;
           for (var k = 0; k < 5 && !(k === 2 && b); k++); r += k;
           return r;
         }
         [[0,0,0],[0,0,1],[0,1,0],[0,1,1],[1,0,0],[1,0,1],[1,1,0],[1,1,1]].forEach(function (v) {
           out.push(t(v[0], v[1], v[2]));
         });
         print(out.join(' '))",
        &["aBc125 Abc125 abc112 Abc112 abC325 AbC325 Abc312 Abc312"],
    );
    // Operands that are not booleans, and conversions in comparisons, in order, once.
    prints(
        "var log = [];
         var a = { valueOf: function () { log.push('a'); return 1; } };
         var b = { valueOf: function () { log.push('b'); return 2; } };
         if (a < b) log.push('lt'); if (a > b) log.push('gt'); if (b <= a) log.push('le');
         if ('' || 0 || null) log.push('x'); if ('s' && 1 && {}) log.push('y');
         if ('10' == 10 && '1' != 2 && '2' > '10') log.push('z');
         print(log.join(''))",
        &["abltabbayz"],
    );
}

/// The compiler fuses a comparison with the conditional jump after it, and compiles `&&` in
/// a condition into jumps: a loop's `i < n && x <= y` is two compare-and-jumps, no boolean.
#[test]
fn a_comparison_and_its_jump_are_one_instruction() {
    let source = "function f(n, x, y) { var i = 0; for (; i < n && x <= y; i++) {} \
                  if (i === n) return 1; if (x != y) return 2; return 3; }";
    let arena = bumpalo::Bump::new();
    let program = engine::parse_program(source, &arena).expect("the script parses");
    let proto = engine::compiler::compile_script(&program, source).expect("it compiles");
    let mut code = String::new();
    engine::bytecode::disasm::disassemble(&proto, &mut code).expect("it disassembles");
    for fused in [
        "JumpIfNotLt ",
        "JumpIfNotLtEq ",
        "JumpIfStrictNotEq ",
        "JumpIfEq ",
    ] {
        assert!(code.contains(fused), "no {fused} in:\n{code}");
    }
    for gone in ["JumpIfFalseOrPop", "JumpIfFalse ", " Lt\n", " StrictEq\n"] {
        assert!(!code.contains(gone), "{gone} in:\n{code}");
    }
}
