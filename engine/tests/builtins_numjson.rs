//! Number, Boolean, Math and JSON (ES5.1 15.6, 15.7, 15.8, 15.12), checked by scripts.

mod common;

use common::{prints, throws};

/// Helpers for the scripts that do not depend on other globals still being written (`String`,
/// `Array.prototype.push`/`join`).
const HELPERS: &str = "function push(a, v) { a[a.length] = v; } \
    function join(a) { var s = ''; for (var i = 0; i < a.length; i++) s += (i ? ',' : '') + a[i]; return s; } ";

/// `prints` with [`HELPERS`] in scope.
fn prints_with_helpers(source: &str, expected: &[&str]) {
    prints(&format!("{HELPERS}{source}"), expected);
}

#[test]
fn number_constructor() {
    prints(
        "print(Number(), Number('12'), Number(' 0x10 '), Number(true), Number(null), Number(undefined))",
        &["0 12 16 1 0 NaN"],
    );
    prints(
        "var n = new Number(5); print(typeof n, n + 1, n instanceof Number, Object.prototype.toString.call(n))",
        &["object 6 true [object Number]"],
    );
    prints(
        "print(new Number().valueOf(), typeof Number(new Number(3)), Number.length)",
        &["0 number 1"],
    );
    prints(
        "print(Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)",
        &["1.7976931348623157e+308 5e-324 NaN -Infinity Infinity"],
    );
    prints(
        "Number.MAX_VALUE = 1; print(Number.MAX_VALUE === 1.7976931348623157e308, delete Number.NaN, Number.propertyIsEnumerable('NaN'))",
        &["true false false"],
    );
    prints(
        "print(Number.prototype.valueOf(), Number.prototype.constructor === Number)",
        &["0 true"],
    );
}

#[test]
fn number_prototype_methods() {
    prints(
        "print((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (10).toString())",
        &["ff 11111111 -73 0.1 10"],
    );
    prints(
        "print((1.005).toFixed(2), (1e21).toFixed(2), (-0.001).toFixed(2), (123.456).toFixed(), NaN.toFixed(2))",
        &["1.00 1e+21 -0.00 123 NaN"],
    );
    prints(
        "print((123456).toExponential(2), (0).toExponential(), (1.5).toExponential(), Infinity.toExponential(1000))",
        &["1.23e+5 0e+0 1.5e+0 Infinity"],
    );
    prints(
        "print((123.456).toPrecision(4), (0.000123).toPrecision(2), (1e21).toPrecision(3), (5).toPrecision())",
        &["123.5 0.00012 1.00e+21 5"],
    );
    prints(
        "print(new Number(7).toString(), (3).toLocaleString(), new Number(4).valueOf())",
        &["7 3 4"],
    );
    throws("(1).toString(1)", "RangeError");
    throws("(1).toString(37)", "RangeError");
    throws("(1).toFixed(101)", "RangeError");
    throws("(1).toFixed(-1)", "RangeError");
    throws("(1e21).toFixed(Infinity)", "RangeError");
    throws("(1).toExponential(-1)", "RangeError");
    throws("(1).toPrecision(0)", "RangeError");
    throws("Number.prototype.toString.call('1')", "TypeError");
    throws("Number.prototype.valueOf.call({})", "TypeError");
    throws("Number.prototype.toFixed.call(true, 1)", "TypeError");
    prints(
        "print(Number.prototype.toFixed.length, Number.prototype.toString.length, Number.prototype.valueOf.length)",
        &["1 1 0"],
    );
}

#[test]
fn boolean() {
    prints(
        "print(Boolean(), Boolean(''), Boolean('x'), Boolean(0), Boolean({}), Boolean(NaN))",
        &["false false true false true false"],
    );
    prints(
        "var b = new Boolean(false); print(typeof b, !!b, b.valueOf(), b.toString(), '' + b)",
        &["object true false false false"],
    );
    prints(
        "print(true.toString(), false.valueOf(), Boolean.prototype.valueOf(), Object.prototype.toString.call(new Boolean(1)))",
        &["true false false [object Boolean]"],
    );
    throws("Boolean.prototype.toString.call(1)", "TypeError");
    throws("Boolean.prototype.valueOf.call({})", "TypeError");
    prints(
        "print(Boolean.length, Boolean.prototype.constructor === Boolean)",
        &["1 true"],
    );
}

#[test]
fn math_constants_and_basics() {
    prints(
        "print(Math.PI, Math.E, Math.SQRT2, Object.prototype.toString.call(Math))",
        &["3.141592653589793 2.718281828459045 1.4142135623730951 [object Math]"],
    );
    prints(
        "Math.PI = 3; print(Math.PI === 3, delete Math.E, typeof Math, Math.max.length, Math.random.length)",
        &["false false object 2 0"],
    );
    throws("Math()", "TypeError");
    throws("new Math()", "TypeError");
    prints(
        "print(Math.abs(-2), Math.ceil(1.2), Math.floor(-1.2), Math.sqrt(16), Math.exp(0), Math.log(1))",
        &["2 2 -2 4 1 0"],
    );
    prints(
        "print(1 / Math.ceil(-0.5), 1 / Math.floor(-0), Math.atan2(0, -0) === Math.PI, Math.acos(2))",
        &["-Infinity -Infinity true NaN"],
    );
}

#[test]
fn math_max_min() {
    prints(
        "print(Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(1, 3, 2), Math.max(1, NaN, 3))",
        &["-Infinity Infinity 3 1 NaN"],
    );
    prints(
        "print(1 / Math.max(-0, 0), 1 / Math.max(0, -0), 1 / Math.min(0, -0), 1 / Math.min(-0, 0))",
        &["Infinity Infinity -Infinity -Infinity"],
    );
    // Every argument is converted, even after a NaN.
    prints(
        "var n = 0; var o = { valueOf: function () { n++; return 1; } }; Math.max(NaN, o, o); Math.min(o, NaN, o); print(n)",
        &["4"],
    );
}

#[test]
fn math_pow_and_round() {
    prints(
        "print(Math.pow(2, 10), Math.pow(1, Infinity), Math.pow(-1, -Infinity), Math.pow(NaN, 0), Math.pow(1, NaN))",
        &["1024 NaN NaN 1 NaN"],
    );
    prints(
        "print(Math.pow(-0, -1), Math.pow(-0, -2), Math.pow(0, -1), Math.pow(-8, 1/3), Math.pow(-Infinity, 3))",
        &["-Infinity Infinity Infinity NaN -Infinity"],
    );
    prints(
        "print(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), 1 / Math.round(-0.5), 1 / Math.round(-0.2))",
        &["3 -2 0 -Infinity -Infinity"],
    );
    prints(
        "print(Math.round(NaN), Math.round(Infinity), Math.round(4503599627370495.5), Math.round(-4503599627370495.5))",
        &["NaN Infinity 4503599627370496 -4503599627370495"],
    );
}

#[test]
fn math_random() {
    prints(
        "var ok = true, distinct = {}; for (var i = 0; i < 1000; i++) { var r = Math.random(); if (!(r >= 0 && r < 1)) ok = false; distinct[r] = 1; } print(ok)",
        &["true"],
    );
    prints(
        "var a = Math.random(), b = Math.random(); print(a !== b)",
        &["true"],
    );
}

#[test]
fn json_parse_values() {
    prints(
        r#"var o = JSON.parse(' {"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}, "": 0} '); print(o.a.length, o.a[1], o.a[2], o.a[4], o.b.c, o[''])"#,
        &["5 -25 true null d 0"],
    );
    prints(
        r#"print(JSON.parse('"\\u0041\\n\\t\\/\\\\\\""').length, JSON.parse('"\\ud834\\udd1e"').length, JSON.parse('-0') === 0, 1 / JSON.parse('-0'))"#,
        &["6 2 true -Infinity"],
    );
    prints(
        r#"var a = JSON.parse('[]'); print([].isPrototypeOf.call(Object.prototype, a), Object.prototype.toString.call(a), a.length, JSON.parse('[1,[2]]')[1].length)"#,
        &["true [object Array] 0 1"],
    );
    prints(
        r#"var o = JSON.parse('{"a": 1, "a": 2, "__proto__": 3}'); print(o.a, o.__proto__ === 3 || o.__proto__)"#,
        &["2 true"],
    );
    prints(
        "print(JSON.parse(123), JSON.parse('\\t\\r\\n 1 '), JSON.parse(null))",
        &["123 1 null"],
    );
    prints(
        "print(Object.prototype.toString.call(JSON), JSON.parse.length, JSON.stringify.length)",
        &["[object JSON] 2 3"],
    );
}

#[test]
fn json_parse_errors() {
    for text in [
        "",
        "[1,]",
        "{\"a\":1,}",
        "{'a':1}",
        "'a'",
        "01",
        "1.",
        ".5",
        "+1",
        "0x10",
        "[1 2]",
        "{\"a\" 1}",
        "{a:1}",
        "\"\\x41\"",
        "\"\\u12\"",
        "\"\t\"",
        "\"abc",
        "tru",
        "nul",
        "NaN",
        "Infinity",
        "undefined",
        "1 2",
        "[",
        "{",
        "\u{a0}1",
        "\u{2028}1",
        "1e",
        "-",
        "[-]",
    ] {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('\'', "\\'")
            .replace('\t', "\\t")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{a0}', "\\u00a0");
        throws(&format!("JSON.parse('{escaped}')"), "SyntaxError");
    }
}

#[test]
fn json_parse_reviver() {
    prints_with_helpers(
        r#"var seen = []; var r = JSON.parse('{"a": [1, 2], "b": {"c": 3}}', function (k, v) { push(seen, k); return typeof v === 'number' ? v * 10 : v; }); print(join(seen), r.a[0], r.a[1], r.b.c)"#,
        &["0,1,a,c,b, 10 20 30"],
    );
    prints(
        r#"var r = JSON.parse('{"a": 1, "b": 2, "c": [1, 2, 3]}', function (k, v) { return k === 'b' || k === '1' ? undefined : v; }); print('b' in r, r.c.length, 1 in r.c, r.c[2])"#,
        &["false 3 false 3"],
    );
    prints(
        r#"var t; JSON.parse('[5]', function (k, v) { if (k === '') t = this; return v; }); print(Object.prototype.toString.call(t), t[''][0])"#,
        &["[object Object] 5"],
    );
    prints(
        "var r = JSON.parse('1', function (k, v) { return [k, v, typeof k]; }); print(r[0] + '|' + r[1] + '|' + r[2])",
        &["|1|string"],
    );
    throws(
        "JSON.parse('[1]', function () { throw new RangeError('x'); })",
        "RangeError: x",
    );
}

#[test]
fn json_stringify_values() {
    prints(
        r#"print(JSON.stringify({a: [1, 'x', true, null, undefined, function () {}], b: undefined, c: function () {}, d: NaN, e: -Infinity, f: -0}))"#,
        &[r#"{"a":[1,"x",true,null,null,null],"d":null,"e":null,"f":0}"#],
    );
    prints(
        "print(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(null), JSON.stringify('a'), JSON.stringify(1e21))",
        &[r#"undefined undefined null "a" 1e+21"#],
    );
    prints(
        r#"print(JSON.stringify('"\\\b\f\n\r\t\u0001\u001f\u007f\u2028'))"#,
        &["\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u{7f}\u{2028}\""],
    );
    prints(
        "var s = Object('s'); s.toString = function () { return 's'; }; print(JSON.stringify([new Number(3), s, new Boolean(false), Object(true)]))",
        &[r#"[3,"s",false,true]"#],
    );
    prints(
        "var n = new Number(3); n.valueOf = function () { return 4; }; var s = Object('s'); s.toString = function () { return 't'; }; s.valueOf = function () { return 'u'; }; print(JSON.stringify([n, s]))",
        &[r#"[4,"t"]"#],
    );
    prints(
        "var o = {}; o[1] = 'a'; o.b = 'c'; o[0] = 'z'; print(JSON.stringify(o), JSON.stringify([]), JSON.stringify({}), JSON.stringify([[]]))",
        &[r#"{"0":"z","1":"a","b":"c"} [] {} [[]]"#],
    );
    // Numeric names in a literal are the same properties as the indices.
    prints(
        "var o = {1: 'a', b: 'c', '0': 'z'}; print(o[0], o['1'], JSON.stringify(o), JSON.stringify(o, [0, '1']))",
        &[r#"z a {"0":"z","1":"a","b":"c"} {"0":"z","1":"a"}"#],
    );
    prints(
        "function F() { this.own = 2; } F.prototype.inherited = 1; print(JSON.stringify(new F()))",
        &[r#"{"own":2}"#],
    );
}

#[test]
fn json_stringify_to_json_and_replacer() {
    prints(
        "print(JSON.stringify({a: {toJSON: function (k) { return 'key ' + k; }}, b: [{toJSON: function (k) { return typeof k + k; }}]}))",
        &[r#"{"a":"key a","b":["string0"]}"#],
    );
    prints(
        "print(JSON.stringify({a: 1, b: 'x', c: [1]}, function (k, v) { return typeof v === 'number' ? v + 1 : v; }))",
        &[r#"{"a":2,"b":"x","c":[2]}"#],
    );
    prints_with_helpers(
        "var holders = []; JSON.stringify({a: 1}, function (k, v) { push(holders, k === '' ? this[''] === v : this.a); return v; }); print(join(holders))",
        &["true,1"],
    );
    prints(
        "var o = {a: 1, b: 2, c: {a: 3, d: 4}}; o[1] = 5; var b = Object('b'); b.toString = function () { return 'b'; }; print(JSON.stringify(o, ['a', 'c', 1, 'a', b, {}, true]))",
        &[r#"{"a":1,"c":{"a":3},"1":5,"b":2}"#],
    );
    prints(
        "print(JSON.stringify({a: 1}, function (k, v) { return k === '' ? v : undefined; }))",
        &["{}"],
    );
    prints(
        "print(JSON.stringify(1, function () { return undefined; }))",
        &["undefined"],
    );
}

#[test]
fn json_stringify_space() {
    prints(
        "print(JSON.stringify({a: [1, {b: 2}], c: {}, d: []}, null, 2))",
        &["{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}"],
    );
    prints(
        "print(JSON.stringify([1], null, 'abcdefghijklmnop'), JSON.stringify([1], null, 100) === JSON.stringify([1], null, 10))",
        &["[\nabcdefghij1\n] true"],
    );
    prints(
        "var dash = Object('-'); dash.toString = function () { return '-'; }; print(JSON.stringify([1], null, new Number(1)), JSON.stringify([1], null, dash), JSON.stringify([1], null, 0), JSON.stringify([1], null, ''), JSON.stringify([1], null, true))",
        &["[\n 1\n] [\n-1\n] [1] [1] [1]"],
    );
}

#[test]
fn json_stringify_errors_and_depth() {
    throws("var o = {}; o.self = o; JSON.stringify(o)", "TypeError");
    throws("var a = [1]; a[1] = [a]; JSON.stringify(a)", "TypeError");
    prints(
        "var shared = {x: 1}; print(JSON.stringify({a: shared, b: shared}))",
        &[r#"{"a":{"x":1},"b":{"x":1}}"#],
    );
    throws(
        "JSON.stringify({get a() { throw new SyntaxError('getter'); }})",
        "SyntaxError: getter",
    );
    // Deep nesting does not overflow the Rust stack.
    prints(
        "var a = []; for (var i = 0; i < 50000; i++) a = [a]; var s = JSON.stringify(a); print(s.length, JSON.parse(s).length)",
        &["100002 1"],
    );
    prints(
        "var t = ''; for (var i = 0; i < 50000; i++) t += '{\"a\":'; t += '1'; for (var i = 0; i < 50000; i++) t += '}'; var o = JSON.parse(t, function (k, v) { return v; }); var d = 0; while (typeof o === 'object') { o = o.a; d++; } print(d)",
        &["50000"],
    );
    // A toJSON that makes a new object each time is stopped.
    throws(
        "function T() {} T.prototype.toJSON = function () { return {a: new T()}; }; JSON.stringify(new T())",
        "RangeError",
    );
    // A huge sparse array is refused, not written out.
    throws(
        "var a = []; a.length = 4294967295; JSON.stringify(a)",
        "RangeError",
    );
}
