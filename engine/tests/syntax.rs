//! What the front end accepts and rejects: automatic semicolon insertion, the restricted
//! productions, the grammar's trickier corners, and every early error.

use bumpalo::Bump;
use engine::ast::{ExprKind, Program, StmtKind};
use engine::parse_program;

/// Parses `source`, panicking with the error if it does not parse.
fn parse<'a>(arena: &'a Bump, source: &'a str) -> Program<'a> {
    match parse_program(source, arena) {
        Ok(program) => program,
        Err(e) => panic!("{source:?} should parse, got {e}"),
    }
}

fn accepts(source: &str) {
    let arena = Bump::new();
    parse(&arena, source);
}

fn rejects(source: &str) {
    let arena = Bump::new();
    if parse_program(source, &arena).is_ok() {
        panic!("{source:?} should be a SyntaxError");
    }
}

/// Accepted as sloppy code, rejected as strict code.
fn strict_only_error(source: &str) {
    accepts(source);
    rejects(&format!("'use strict'; {source}"));
    rejects(&format!("function f() {{ 'use strict'; {source} }}"));
}

/// How many top-level statements `source` has.
fn statement_count(source: &str) -> usize {
    let arena = Bump::new();
    parse(&arena, source).body.len()
}

#[test]
fn asi_at_line_breaks() {
    assert_eq!(statement_count("a = b\nc = d"), 2);
    rejects("a = b c = d");
    // A line break alone does not end a statement that can go on: this is a call.
    assert_eq!(statement_count("a = b\n(c)"), 1);
    assert_eq!(statement_count("var a = 1\nvar b = 2"), 2);
    assert_eq!(statement_count("x\n++y"), 2);
    assert_eq!(statement_count("x\n--y"), 2);
    rejects("x\n++");
    assert_eq!(statement_count("a\n/b/g"), 1); // a / b / g: division, not a regex
}

#[test]
fn asi_before_closing_brace_and_at_end() {
    accepts("function f() { return 1 }");
    accepts("{ a = 1 }");
    accepts("a = 1");
    accepts("var x");
    accepts("debugger");
    accepts("do {} while (false) x()");
    accepts("do x++; while (x < 3) y()");
}

#[test]
fn no_asi_that_would_drop_or_rewind() {
    rejects("{ a = (b }");
    rejects("a \n )");
    rejects("for (a \n b; ;) {}");
    rejects("for (;\n) {}");
    rejects("if (a) \n else b");
    // No empty statement from ASI.
    rejects("if (a)\n");
    accepts("if (a) x\nelse y");
    rejects("if (a) x else y");
    rejects("a = {\n b: 1\n c: 2 }");
}

#[test]
fn restricted_productions() {
    let arena = Bump::new();
    let program = parse(&arena, "function f() { return\n1 }");
    let StmtKind::FunctionDecl(f) = &program.body[0].kind else {
        panic!("expected a function");
    };
    assert_eq!(f.body.len(), 2);
    assert!(matches!(f.body[0].kind, StmtKind::Return(None)));

    assert_eq!(statement_count("a: while (1) { break\na; }"), 1);
    let program = parse(&arena, "a: while (1) { continue\na }");
    let StmtKind::Labeled { body, .. } = &program.body[0].kind else {
        panic!("expected a label");
    };
    let StmtKind::While { body, .. } = &body.kind else {
        panic!("expected a loop");
    };
    let StmtKind::Block(stmts) = &body.kind else {
        panic!("expected a block");
    };
    assert_eq!(stmts.len(), 2);
    assert!(matches!(stmts[0].kind, StmtKind::Continue(None)));

    rejects("throw\nnew Error()");
    accepts("throw new Error()");
    accepts("function f() { return /* no newline */ 1 }");
    let program = parse(&arena, "function f() { return /*\n*/ 1 }");
    let StmtKind::FunctionDecl(f) = &program.body[0].kind else {
        panic!("expected a function");
    };
    assert!(matches!(f.body[0].kind, StmtKind::Return(None)));
}

#[test]
fn regex_and_division() {
    accepts("if (x) /re/.test(y)");
    accepts("function f() {} /re/.test(y)");
    accepts("x = a++ / 2");
    accepts("x = y / z / w");
    accepts("x = (a) / 2");
    accepts("x = [1] / 2");
    accepts("x = function () {} / 2");
    accepts("x = {} / 2");
    accepts("function f() { return /re/g }");
    accepts("x = typeof /re/");
}

#[test]
fn statements() {
    accepts("var a, b = 1, c = b in {};");
    accepts("for (var i = 0, j; i < 10; i++) {}");
    accepts("for (;;) break;");
    accepts("for (var k in o) {}");
    accepts("for (var k = 1 in o) {}");
    accepts("for (a.b in o) {}");
    accepts("for (a[0] in o);");
    accepts(
        "for (x = 'a' in o ? 1 : 0; x; ) {}"
            .replace("'a' in o ? 1 : 0", "(1 in o) ? 1 : 0")
            .as_str(),
    );
    rejects("for (a in b; ;) {}");
    accepts("switch (x) { case 1: a(); case 2: default: b(); case 3: }");
    rejects("switch (x) { default: default: }");
    accepts("try { a() } catch (e) { b() } finally { c() }");
    accepts("try {} finally {}");
    rejects("try {}");
    accepts("with (o) x = 1");
    accepts("l: for (;;) { continue l; }");
    accepts("debugger;");
    accepts("if (a) if (b) c(); else d(); else e();");
    accepts("if (a) function f() {}");
    accepts("do ; while (0)");
    rejects("while (x) function f() {}");
}

#[test]
fn expressions() {
    accepts("a = b ? c : d ? e : f");
    accepts("a += b -= c *= d /= e %= f <<= g >>= h >>>= i &= j ^= k |= l");
    accepts("x = a || b && c | d ^ e & f == g != h === i !== j < k > l <= m >= n instanceof o in p << q >> r >>> s + t - u * v / w % y");
    accepts("delete a.b, void 0, typeof x, +a, -a, ~a, !a, ++a, --a, a++, a--");
    accepts("new Foo, new Foo(1), new new Foo()(), new a.b.c(), new (f())()");
    accepts("a.b.c(1)(2)[3].d");
    accepts("x = [], [,], [1,], [1,,2], [,,]");
    accepts("x = { a: 1, 'b': 2, 3: 4, if: 5, get c() { return 1 }, set c(v) {}, }");
    accepts("x = { get: 1, set: 2 }");
    accepts("x = { get get() {}, set set(v) {} }");
    // The V8 of 2010 did not count an accessor's parameters (ES5 11.1.5 does; see
    // dialect.rs, accessors_in_literals_take_any_parameter_count).
    accepts("x = { get a(b) {} }");
    accepts("x = { set a() {} }");
    rejects("x = { , }");
    accepts("x = a.if + a.class");
    accepts("(function () {})()");
    accepts("!function () {}()");
    rejects("function () {}");
    accepts("x = function f(a, b) { return a + b }");
    accepts("this.x = null, true, false");
    rejects("x = a ? b");
    rejects("new");
    rejects("a.");
    rejects("f(a,)");
}

#[test]
fn statement_start_restrictions() {
    // `{` at statement start is a block; `function` a declaration.
    accepts("{}");
    rejects("{ a: 1, b: 2 }");
    accepts("({ a: 1, b: 2 })");
    accepts("function f() {}");
    rejects("function () {}()");
}

#[test]
fn directives() {
    let arena = Bump::new();
    assert!(parse(&arena, "'use strict'; x").use_strict);
    assert!(parse(&arena, "\"use strict\"").use_strict);
    assert!(parse(&arena, "'a'; 'use strict'").use_strict);
    assert!(!parse(&arena, "('use strict')").use_strict);
    assert!(!parse(&arena, "'use\\x20strict'").use_strict);
    assert!(!parse(&arena, "x; 'use strict'").use_strict);
    assert!(!parse(&arena, "'use strict' + 1").use_strict);
}

#[test]
fn strict_mode_early_errors() {
    strict_only_error("with (a) {}");
    strict_only_error("x = 010");
    strict_only_error("x = 08");
    strict_only_error("x = '\\012'");
    strict_only_error("x = '\\8'");
    strict_only_error("var eval;");
    strict_only_error("var arguments = 1;");
    strict_only_error("eval = 1;");
    strict_only_error("arguments++;");
    strict_only_error("--eval;");
    strict_only_error("try {} catch (eval) {}");
    strict_only_error("function eval() {}");
    strict_only_error("function f(arguments) {}");
    strict_only_error("function f(a, a) {}");
    strict_only_error("(function eval() {})");
    strict_only_error("x = { set a(eval) {} }");
    strict_only_error("delete x;");
    strict_only_error("delete (x);");
    strict_only_error("var implements;");
    strict_only_error("var let;");
    strict_only_error("yield = 1;");
    strict_only_error("static: ;");
    strict_only_error("if (a) function f() {}");
    strict_only_error("for (eval in o) {}");
    // Strict mode reaches back to the function's own name and parameters.
    rejects("function eval() { 'use strict'; }");
    rejects("function f(a, a) { 'use strict'; }");
    // ... and to an octal escape before the directive.
    rejects("function f() { '\\01'; 'use strict'; }");
    // But not out of the function.
    accepts("function f() { 'use strict'; } with (a) {}");
    accepts("'use strict'; x = { implements: 1 }.implements");
    accepts("'use strict'; delete x.y;");
}

#[test]
fn early_errors_in_all_code() {
    rejects("break;");
    rejects("continue;");
    rejects("x: { continue x; }");
    rejects("while (1) { break y; }");
    rejects("a: a: ;");
    rejects("a: { a: ; }");
    accepts("a: { b: ; } a: ;");
    accepts("a: b: while (1) { continue a; }");
    rejects("while (1) { function f() { break; } }");
    rejects("a: while (1) { function f() { break a; } }");
    accepts("switch (1) { case 1: break; }");
    rejects("switch (1) { case 1: continue; }");
    rejects("return;");
    accepts("function f() { return; }");
    rejects("1 = 2;");
    rejects("a + b = c;");
    rejects("++1;");
    rejects("1++;");
    rejects("for (1 in o) {}");
    rejects("x = /a/gg");
    rejects("x = /a/q");
    rejects("var \\u0076ar = 1;");
    rejects("\\u0074his = 1;");
    accepts("x = { \\u0076ar: 1 }");
    accepts("x = a.\\u0076ar");
    accepts("var \\u0061bc = 1;");
    rejects("var class;");
    rejects("enum = 1;");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let arena = Bump::new();
    // Parentheses leave no node behind, so this tree is shallow and parses.
    accepts(&format!("{}1{}", "(".repeat(depth), ")".repeat(depth)));
    for source in [
        format!("x = {}1{}", "[".repeat(depth), "]".repeat(depth)),
        format!("{}{}", "{".repeat(depth), "}".repeat(depth)),
        format!("x = {}1", "!".repeat(depth)),
        "1+".repeat(depth) + "1",
    ] {
        let error = parse_program(&source, &arena).expect_err("too deep to accept");
        assert!(
            error.message.contains("nested too deeply"),
            "{}",
            error.message
        );
    }
    // Deep, but within the limit: accepted.
    accepts(&format!("x = {}1{}", "(".repeat(5_000), ")".repeat(5_000)));
}

#[test]
fn spans() {
    let arena = Bump::new();
    let source = "var x = a + b;";
    let program = parse(&arena, source);
    let StmtKind::Var(decls) = &program.body[0].kind else {
        panic!("expected var");
    };
    let init = decls[0].init.expect("initialiser");
    assert_eq!(
        &source[init.span.start as usize..init.span.end as usize],
        "a + b"
    );
    assert!(matches!(init.kind, ExprKind::Binary { .. }));
    assert_eq!(program.body[0].span.end as usize, source.len());
}

#[test]
fn a_statement_ended_by_asi_ends_at_its_last_token() {
    let arena = Bump::new();
    let source = "{ g() }\nx = 1\n";
    let program = parse(&arena, source);
    let StmtKind::Block(block) = &program.body[0].kind else {
        panic!("expected a block");
    };
    assert_eq!(
        &source[block[0].span.start as usize..block[0].span.end as usize],
        "g()"
    );
    assert_eq!(
        &source[program.body[1].span.start as usize..program.body[1].span.end as usize],
        "x = 1"
    );
}

#[test]
fn regex_literal_patterns() {
    // Valid patterns (separated by spaces), including the Annex B web-compatibility syntax
    // that browsers accept.
    let valid = r"a a|b (a)\1 (?:a)* (?=a) (?!a)b a{2,3}? [a-z\d] [^] [] ] } { a{ a{1 a{1, a{,5}
        \c \c1 [\c_] \cJ \8 \0 \377 \x \xG1 \u \u12 \p{L} \k \a \/ [/] [\d-z] (?=a)*
        (?<=a)b (?<n>a)\k<n> \\b* [\b]* \b{";
    for pattern in valid.split_whitespace() {
        accepts(&format!("/{pattern}/"));
        accepts(&format!("x = /{pattern}/gim"));
    }
    // Invalid patterns are early errors, even in code that never runs.
    let invalid = r"( ) a) a** a+* a??? a|* +a ? {1} a{2,1} x{1}{1,} ^* $+ \b* \B? \b{2}
        (?<=a)* (?a) (? (?<1>a) (?<a>x)(?<a>y) (?<a>x)\k<b> [z-a] [\u0062-a]";
    for pattern in invalid.split_whitespace() {
        let source = format!("function f() {{ return /{pattern}/; }}");
        let arena = Bump::new();
        let error = parse_program(&source, &arena).expect_err("an invalid pattern");
        let prefix = format!("Invalid regular expression: /{pattern}/: ");
        assert!(
            error.message.starts_with(&prefix),
            "{pattern}: {}",
            error.message
        );
    }
    // An unclosed class is already a lexical error: its `/` does not end the literal.
    rejects("/[/");
    rejects("/[a/; x = 1");
    // Flags: only g, i and m, each at most once (ES5).
    for flags in ["", "g", "i", "m", "gim", "mig", "gm"] {
        accepts(&format!("/a/{flags}"));
    }
    for flags in ["gg", "ii", "gimg", "u", "y", "s", "d", "G", "x"] {
        rejects(&format!("/a/{flags}"));
    }
}
