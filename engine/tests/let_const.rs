//! `let` and `const` with ES2015's semantics (ECMA-262 6th edition: 13.3.1 let and const
//! declarations, 8.1.1.1 the temporal dead zone, 13.7.4.8 per-iteration bindings of
//! `for (let ...)`, 13.2.1.1 / 13.12.1 / 14.1.2 the redeclaration early errors).

mod common;

use bumpalo::Bump;
use common::{prints, throws};

fn rejects(source: &str) {
    let arena = Bump::new();
    if engine::parse_program(source, &arena).is_ok() {
        panic!("{source:?} should be a SyntaxError");
    }
}

fn accepts(source: &str) {
    let arena = Bump::new();
    if let Err(e) = engine::parse_program(source, &arena) {
        panic!("{source:?} should parse, got {e}");
    }
}

/// The disassembly of `source` (all functions), as `--dump-bytecode` prints it.
fn bytecode(source: &str) -> String {
    let arena = Bump::new();
    let program = engine::parse_program(source, &arena).expect("the script parses");
    let proto = engine::compiler::compile_script(&program, source).expect("it compiles");
    let mut out = String::new();
    engine::bytecode::disasm::disassemble(&proto, &mut out).expect("it disassembles");
    out
}

#[test]
fn blocks_scope_their_bindings() {
    prints(
        "let a = 1; { let a = 2; print(a); } print(a);\n\
         function f() { const b = 'outer'; { const b = 'inner'; print(b); } return b; }\n\
         print(f())",
        &["2", "1", "inner", "outer"],
    );
    prints(
        "try { let t = 1; print(t); } catch (e) {} finally { let t = 2; print(t); }",
        &["1", "2"],
    );
    prints(
        "switch (1) { case 1: let s = 'one'; print(s); case 2: s = 'two'; print(s); }",
        &["one", "two"],
    );
    prints("let x; print(x); x = 3; print(x)", &["undefined", "3"]);
}

#[test]
fn script_bindings_are_not_global_properties() {
    prints(
        "let a = 1; const b = 2; var c = 3;\n\
         print(typeof this.a, typeof this.b, this.c, a + b + c);\n\
         function f() { return a + b; } print(f())",
        &["undefined undefined 3 6", "3"],
    );
}

#[test]
fn temporal_dead_zone() {
    throws(
        "x; let x = 1;",
        "ReferenceError: Cannot access 'x' before initialization",
    );
    throws("x = 2; let x = 1;", "ReferenceError");
    throws("typeof x; let x = 1;", "ReferenceError");
    throws("let x = x + 1;", "ReferenceError");
    throws(
        "function f() { return c; } f(); const c = 1;",
        "ReferenceError",
    );
    throws("{ function f() { x = 1; } f(); let x; }", "ReferenceError");
    throws("switch (0) { case 1: let s; case 0: s; }", "ReferenceError");
    throws(
        "switch (2) { case 1: let s = 1; case 2: s = 2; }",
        "ReferenceError",
    );
    // A loop comes back to a block: each entry starts a new dead zone.
    throws(
        "for (var i = 0; i < 2; i++) { if (i) y; let y = i; }",
        "ReferenceError",
    );
    // Direct eval and `with` reach the binding by name, and still see the dead zone.
    throws("function f() { eval('z'); let z; } f()", "ReferenceError");
    prints(
        "function f() { let z = 4; return eval('z'); } print(f())",
        &["4"],
    );
    prints(
        "function f() { return typeof g; } let g = 1; print(f())",
        &["number"],
    );
}

#[test]
fn const_cannot_be_assigned() {
    throws(
        "const c = 1; c = 2;",
        "TypeError: Assignment to constant variable.",
    );
    throws("const c = 1; c++;", "TypeError");
    throws("const c = 1; c += 1;", "TypeError");
    throws(
        "'use strict'; const c = 1; (function () { c = 2; })();",
        "TypeError",
    );
    // Also when the assignment finds the const by name (from `eval` or inside `with`).
    throws(
        "function f() { const k = 1; eval('k = 2'); } f()",
        "TypeError",
    );
    // The object a const holds can still change.
    prints("const o = {}; o.x = 1; print(o.x)", &["1"]);
    // In a for-in head, each iteration's const is initialised by the key.
    prints(
        "var keys = []; for (const k in {a: 1, b: 2}) keys.push(k); print(keys)",
        &["a,b"],
    );
}

#[test]
fn closures_in_loops_capture_each_iteration() {
    prints(
        "var fs = [];\n\
         for (let i = 0; i < 3; i++) fs.push(function () { return i; });\n\
         print(fs[0](), fs[1](), fs[2]())",
        &["0 1 2"],
    );
    prints(
        "var fs = [];\n\
         for (let k in {a: 1, b: 2}) fs.push(function () { return k; });\n\
         print(fs[0](), fs[1]())",
        &["a b"],
    );
    // The update runs in the new iteration's copy: closures see the value of their own
    // iteration, after the body changed it.
    prints(
        "var fs = [];\n\
         for (let i = 0; i < 4; i++) { fs.push(function () { return i; }); i++; }\n\
         print(fs.map(function (f) { return f(); }))",
        &["1,3"],
    );
    prints(
        "var fs = [];\n\
         for (var i = 0; i < 2; i++) { let j = i; fs.push(function () { return j; }); }\n\
         print(fs[0](), fs[1]())",
        &["0 1"],
    );
    // break and continue leave the per-iteration environments properly.
    prints(
        "var out = [];\n\
         for (let i = 0; i < 5; i++) { let k = function () { return i; };\n\
           if (i == 1) continue; if (i == 3) break; out.push(k()); }\n\
         print(out)",
        &["0,2"],
    );
}

#[test]
fn let_is_still_an_identifier_in_sloppy_code() {
    prints("var let = 1; let = let + 1; print(let)", &["2"]);
    prints("var o = {let: 3}; print(o.let)", &["3"]);
    rejects("'use strict'; var let = 1;");
}

#[test]
fn declaration_early_errors() {
    rejects("const c;");
    rejects("let a; let a;");
    rejects("let a; var a;");
    rejects("var a; let a;");
    rejects("const a = 1; function a() {}");
    rejects("{ let a; { var a; } }");
    rejects("function f(a) { let a; }");
    rejects("let let = 1;");
    rejects("for (let i = 0;;) { var i; }");
    rejects("switch (0) { case 0: let a; case 1: let a; }");
    rejects("try {} catch (e) { let e; }");
    rejects("if (1) let x = 1;");
    accepts("{ let a; } { let a; } var b; { let b; }");
    accepts("function f() { var a; } let a;");
    accepts("for (const k in {}) {}");
}

#[test]
fn bytecode_checks_only_where_needed() {
    // A use after the declaration, in the same function: a plain register read.
    let code = bytecode("function f() { let a = 1; return a; }");
    assert!(!code.contains("CheckLocal"), "{code}");
    assert!(!code.contains("Hole"), "{code}");
    // A use before it: the binding starts as the hole and the read is checked.
    let code = bytecode("function f() { g(a); let a = 1; }");
    assert!(
        code.contains("Hole") && code.contains("CheckLocal"),
        "{code}"
    );
    // A closure's use is checked.
    let code = bytecode("function f() { let a = 1; return function () { return a; }; }");
    assert!(code.contains("CheckEnv"), "{code}");
    let code = bytecode("function f() { const a = 1; a = 2; }");
    assert!(code.contains("ThrowConstAssign"), "{code}");
    let code = bytecode("function f() { var fs = []; for (let i = 0; i < 2; i++) fs.push(function () { return i; }); }");
    assert!(code.contains("CopyEnv"), "{code}");
    // ES5 code gets none of it.
    let code = bytecode(
        "function f(n) { var s = 0; for (var i = 0; i < n; i++) s += i; return function () { return s; }; }",
    );
    for op in [
        "Hole",
        "CheckLocal",
        "CheckEnv",
        "ThrowConstAssign",
        "CopyEnv",
    ] {
        assert!(!code.contains(op), "{code}");
    }
}
