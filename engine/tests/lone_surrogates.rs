//! Source text with lone surrogates (ES5.1 §6: source text is UTF-16 code units), which only a
//! JavaScript string can hold: code given to `eval` and `Function`. Each script builds its
//! source with `String.fromCharCode`, and `hex` shows a string's code units.

mod common;

use common::prints;

/// Defines `hi` and `lo` (lone high and low surrogates), `hex(s)` (the code units of `s`) and
/// `error(f)` (the name of the exception `f` throws), then runs `body`.
fn check(body: &str, expected: &[&str]) {
    let script = format!(
        "var hi = String.fromCharCode(0xD800), lo = String.fromCharCode(0xDFFF);
         function hex(s) {{
             var out = [];
             for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
             return out.join(',');
         }}
         function error(f) {{ try {{ f(); return 'none'; }} catch (e) {{ return e.name; }} }}
         {body}"
    );
    prints(&script, expected);
}

#[test]
fn in_a_string_literal() {
    check(
        "print(hex(eval(\"'\" + hi + \"'\")), hex(eval('\"a' + lo + hi + 'b\"')));
         print(hex(eval(\"'\" + lo + hi + \"'\")), hex(eval(\"'\" + hi + lo + \"'\")));",
        // A high then a low surrogate written apart in the source are a pair, as in the string.
        &["d800 61,dfff,d800,62", "dfff,d800 d800,dfff"],
    );
}

#[test]
fn after_a_backslash_in_a_string_literal() {
    // A NonEscapeCharacter: the character itself.
    check(
        "print(hex(eval(\"'\\\\\" + hi + \"'\")), hex(eval(\"'\\\\n\\\\\" + lo + \"\\\\x41'\")));",
        &["d800 a,dfff,41"],
    );
}

#[test]
fn in_a_regular_expression_literal() {
    check(
        "var r = eval('/' + hi + '/g');
         print(r.source === hi, r.test('x' + hi), r.test('x' + lo), r.global);
         var e = eval('/\\\\' + lo + '/');
         print(e.source === '\\\\' + lo, e.test(lo));
         var c = eval('/[' + hi + lo + ']/');
         print(c.test(hi), c.test(lo), c.test('a'), hex(c.source));",
        &[
            "true true false true",
            "true true",
            "true true false 5b,d800,dfff,5d",
        ],
    );
}

#[test]
fn in_a_comment() {
    check(
        "print(eval('1 /* ' + hi + ' */ + 2 // ' + lo), eval('// ' + hi + '\\n3'));",
        &["3 3"],
    );
}

#[test]
fn outside_literals_and_comments_is_a_syntax_error() {
    // Not an identifier character, not white space: no token starts with one.
    check(
        "print(error(function () { eval('var a' + hi); }), error(function () { eval(lo); }));
         print(error(function () { eval('1 ' + hi + ' 2'); }), error(function () { eval('/a/' + hi); }));
         print(error(function () { Function(hi, ''); }), error(function () { Function('return ' + lo); }));",
        &[
            "SyntaxError SyntaxError",
            "SyntaxError SyntaxError",
            "SyntaxError SyntaxError",
        ],
    );
}

#[test]
fn in_function_constructor_source() {
    check(
        "var f = Function('a', 'b', '/* ' + lo + ' */ return a + b + \"' + hi + '\";');
         print(hex(f('x', 'y')), f.length);
         print(hex(Function('return /' + hi + '/')().source));",
        &["78,79,d800 2", "d800"],
    );
}

#[test]
fn function_source_text_keeps_them() {
    check(
        "var f = Function('return \"' + hi + '\"; // ' + lo);
         print(f.toString().indexOf('\"' + hi + '\"; // ' + lo + '\\n') > 0);
         var g = eval('(function () { return /' + lo + '/; })');
         print(g.toString() === 'function () { return /' + lo + '/; }');
         var h = eval('0, function (/*' + hi + '*/) {}');
         print(hex(h.toString().slice(12, 13)), h.toString().length);",
        &["true", "true", "d800 19"],
    );
}

#[test]
fn a_real_replacement_character_is_itself() {
    // U+FFFD is what stands in for a lone surrogate inside the lexer; it must not be mistaken
    // for one.
    check(
        "var r = String.fromCharCode(0xFFFD);
         print(hex(eval(\"'\" + r + hi + r + \"'\")), hex(eval('/' + r + '/').source));
         print(error(function () { eval('var a' + r); }));",
        &["fffd,d800,fffd fffd", "SyntaxError"],
    );
}

#[test]
fn indirect_eval_too() {
    check(
        "var indirect = eval;
         print(hex(indirect(\"'\" + hi + \"'\")), hex(indirect('/' + lo + '/').source));",
        &["d800 dfff"],
    );
}
