//! String and String.prototype (ES5.1 15.5), checked by scripts.

mod common;

use common::{prints, throws};

#[test]
fn the_constructor_called_converts() {
    prints(
        "print(String() === '', String(undefined), String(null), String(12.5), String(true))",
        &["true undefined null 12.5 true"],
    );
    prints(
        "print(typeof String('x'), String({ toString: function () { return 'o'; } }))",
        &["string o"],
    );
    prints(
        "print(String.call(new String('q'), 'x') === 'x', String.length, typeof String.fromCharCode)",
        &["true 1 function"],
    );
}

#[test]
fn the_constructor_constructed_makes_a_wrapper() {
    prints(
        "var s = new String('abc'); print(typeof s, s.length, s[1], s instanceof String, s == 'abc')",
        &["object 3 b true true"],
    );
    prints(
        "var s = new String(); print(s.length, s.valueOf() === '', Object.prototype.toString.call(s))",
        &["0 true [object String]"],
    );
    // `length` is read-only, not enumerable, not configurable.
    prints(
        "var s = new String('ab'); s.length = 9; print(s.length, delete s.length, s.propertyIsEnumerable('length'))",
        &["2 false false"],
    );
    prints(
        "print(new String(5) + 1, String.prototype.constructor === String)",
        &["51 true"],
    );
}

#[test]
fn string_prototype_is_an_empty_string_object() {
    prints(
        "print(String.prototype.length, Object.prototype.toString.call(String.prototype), String.prototype.toString() === '')",
        &["0 [object String] true"],
    );
    prints(
        "var k = 0; for (var p in String.prototype) k++; print(k)",
        &["0"],
    );
}

#[test]
fn method_lengths() {
    prints(
        "var p = String.prototype; print(p.charAt.length, p.charCodeAt.length, p.concat.length, p.indexOf.length, p.lastIndexOf.length, p.localeCompare.length)",
        &["1 1 1 1 1 1"],
    );
    prints(
        "var p = String.prototype; print(p.slice.length, p.substring.length, p.substr.length, p.toLowerCase.length, p.toUpperCase.length, p.toLocaleLowerCase.length, p.toLocaleUpperCase.length, p.trim.length, p.toString.length, p.valueOf.length, String.fromCharCode.length)",
        &["2 2 2 0 0 0 0 0 0 0 1"],
    );
}

#[test]
fn from_char_code() {
    prints(
        "print(String.fromCharCode(), String.fromCharCode(65, 66.9, 65536 + 67), String.fromCharCode(-1).charCodeAt(0))",
        &[" ABC 65535"],
    );
    prints(
        "var s = String.fromCharCode(0xD83D, 0xDE00); print(s.length, s.charCodeAt(1))",
        &["2 56832"],
    );
}

#[test]
fn to_string_and_value_of_are_not_generic() {
    prints(
        "print('a'.toString(), new String('b').valueOf(), typeof new String('c').toString())",
        &["a b string"],
    );
    throws("String.prototype.toString.call({})", "TypeError");
    throws("String.prototype.valueOf.call(1)", "TypeError");
    throws("String.prototype.toString.call(undefined)", "TypeError");
}

#[test]
fn char_at_and_char_code_at() {
    prints(
        "var s = 'abc'; print(s.charAt(), s.charAt(2), s.charAt(3) === '', s.charAt(-1) === '', s.charAt(1.9), s.charAt(NaN))",
        &["a c true true b a"],
    );
    prints(
        "var s = 'abc'; print(s.charCodeAt(0), s.charCodeAt(3), s.charCodeAt(-0.5), s.charCodeAt(Infinity))",
        &["97 NaN 97 NaN"],
    );
    // Indices count UTF-16 code units.
    prints(
        "var s = '\\ud83d\\ude00x'; print(s.length, s.charCodeAt(0), s.charCodeAt(1), s.charAt(2))",
        &["3 55357 56832 x"],
    );
    prints(
        "print(String.prototype.charAt.call(12345, 2), String.prototype.charCodeAt.call(true, 0))",
        &["3 116"],
    );
}

#[test]
fn concat() {
    prints(
        "print('a'.concat(), 'a'.concat(1, null, undefined, {}), String.prototype.concat.call(1, 2))",
        &["a a1nullundefined[object Object] 12"],
    );
}

#[test]
fn index_of() {
    prints(
        "var s = 'abcabc'; print(s.indexOf('c'), s.indexOf('c', 3), s.indexOf('c', 6), s.indexOf('x'), s.indexOf('bc', -5))",
        &["2 5 -1 -1 1"],
    );
    prints(
        "print(''.indexOf(''), 'abc'.indexOf('', 10), 'abc'.indexOf('', 1), 'abc'.indexOf(), 'undefined'.indexOf())",
        &["0 3 1 -1 0"],
    );
    prints(
        "print('a\\u0100b'.indexOf('b'), 'a\\u0100b'.indexOf('\\u0100'), String.prototype.indexOf.call(12345, 34))",
        &["2 1 2"],
    );
}

#[test]
fn last_index_of() {
    prints(
        "var s = 'abcabc'; print(s.lastIndexOf('c'), s.lastIndexOf('c', 4), s.lastIndexOf('c', 1), s.lastIndexOf('a', -5), s.lastIndexOf('x'))",
        &["5 2 -1 0 -1"],
    );
    prints(
        "print('abc'.lastIndexOf(''), 'abc'.lastIndexOf('', 1), 'aXa'.lastIndexOf('a', NaN), 'aXa'.lastIndexOf('a', 'x'), 'abc'.lastIndexOf('abcd'))",
        &["3 1 2 2 -1"],
    );
}

#[test]
fn long_needles_are_found() {
    prints(
        "var a = ''; for (var i = 0; i < 200; i++) a += 'ab'; var n = a.substring(0, 40) + 'c'; var h = a + 'c' + a + 'c';
         print(h.indexOf(n), h.lastIndexOf(n), h.indexOf(n, 361), h.lastIndexOf(n, 760), h.lastIndexOf(n, 359), h.indexOf(n, 761), h.indexOf(n, 762))",
        &["360 761 761 360 -1 761 -1"],
    );
    prints(
        "var n = 'aaaaaaaaaaaaaaaaaaaab'; var h = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'; print(h.indexOf(n), h.lastIndexOf(n), h.indexOf(n + 'x'))",
        &["12 12 -1"],
    );
}

#[test]
fn arguments_are_converted_in_order() {
    prints(
        "var log = ''; function o(n, v) { return { toString: function () { log += n + ','; return v; }, valueOf: function () { log += n + ','; return v; } }; }
         String.prototype.indexOf.call(o('this', 'abc'), o('search', 'b'), o('pos', 0)); print(log)",
        &["this,search,pos,"],
    );
    prints(
        "var log = ''; function o(n, v) { return { valueOf: function () { log += n + ','; return v; } }; }
         'abc'.slice(o('start', 0), o('end', 1)); 'abc'.substring(o('s', 0), o('e', 1)); 'abc'.substr(o('a', 0), o('b', 1)); print(log)",
        &["start,end,s,e,a,b,"],
    );
}

#[test]
fn locale_compare() {
    prints(
        "print('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), ''.localeCompare('a'), 'undefined'.localeCompare())",
        &["-1 1 0 -1 0"],
    );
}

#[test]
fn slice() {
    prints(
        "var s = 'abcdef'; print(s.slice(1, 3), s.slice(-2), s.slice(2, -1), s.slice(4, 2) === '', s.slice(), s.slice(-100, 100))",
        &["bc ef cde true abcdef abcdef"],
    );
    prints(
        "var s = 'abcdef'; print(s.slice(NaN, 2), s.slice(-Infinity, Infinity), s.slice(Infinity) === '', s.slice(0, undefined), s.slice(1, null) === '')",
        &["ab abcdef true abcdef true"],
    );
}

#[test]
fn substring() {
    prints(
        "var s = 'abcdef'; print(s.substring(1, 3), s.substring(3, 1), s.substring(-2, 2), s.substring(4), s.substring(NaN, Infinity), s.substring(2, NaN))",
        &["bc bc ab ef abcdef ab"],
    );
    prints(
        "print('abc'.substring(0, undefined), 'abc'.substring(1, null), 'abc'.substring(4294967296, 1))",
        &["abc a bc"],
    );
}

#[test]
fn substr() {
    prints(
        "var s = 'abcdef'; print(s.substr(1, 3), s.substr(-2), s.substr(-2, 1), s.substr(2), s.substr(1, -1) === '', s.substr(10) === '')",
        &["bcd ef e cdef true true"],
    );
    prints(
        "var s = 'abcdef'; print(s.substr(-100, 2), s.substr(0, 4294967295), s.substr(NaN, Infinity), s.substr(1, NaN) === '', s.substr(-Infinity, 1))",
        &["ab abcdef abcdef true a"],
    );
}

#[test]
fn case_conversion() {
    prints(
        "print('Hello, World'.toLowerCase(), 'Hello, World'.toUpperCase(), 'abc'.toLocaleUpperCase(), 'ABC'.toLocaleLowerCase())",
        &["hello, world HELLO, WORLD ABC abc"],
    );
    // Full case mapping: results may be longer than the input.
    prints(
        "print('ß'.toUpperCase(), 'straße'.toUpperCase().length, '\\u0130'.toLowerCase().length, '\\u0149'.toUpperCase().length)",
        &["SS 7 2 2"],
    );
    prints(
        "print('\\u00ff'.toUpperCase().charCodeAt(0), '\\u00b5'.toUpperCase().charCodeAt(0), 'ÀÉ'.toLowerCase(), 'àé'.toUpperCase())",
        &["376 924 àé ÀÉ"],
    );
    // Final sigma.
    prints(
        "print('ΑΣ'.toLowerCase(), 'ΑΣΑ'.toLowerCase(), 'Σ'.toLowerCase(), 'ΑΣ.'.toLowerCase(), 'ς'.toUpperCase())",
        &["ας ασα σ ας. Σ"],
    );
    // Lone surrogates are kept; pairs are converted as one character (U+10400 / U+10428).
    prints(
        "var s = 'a\\ud800B\\udc00'.toUpperCase(); print(s.length, s.charCodeAt(0), s.charCodeAt(1), s.charAt(2), s.charCodeAt(3))",
        &["4 65 55296 B 56320"],
    );
    prints(
        "var s = '\\ud801\\udc00'.toLowerCase(); print(s.length, s.charCodeAt(0), s.charCodeAt(1))",
        &["2 55297 56360"],
    );
    prints(
        "print(String.prototype.toUpperCase.call(true), String.prototype.toLowerCase.call({ toString: function () { return 'XY'; } }))",
        &["TRUE xy"],
    );
}

#[test]
fn trim() {
    prints(
        "print('[' + '  a b  '.trim() + ']', '[' + '\\t\\n\\v\\f\\r \\u00a0\\ufeff\\u1680\\u2000\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000x\\u3000'.trim() + ']')",
        &["[a b] [x]"],
    );
    prints(
        "print('[' + '   '.trim() + ']', '[' + ''.trim() + ']', '\\u180ex'.trim().length, String.prototype.trim.call(12))",
        &["[] [] 2 12"],
    );
}

#[test]
fn generic_methods_reject_undefined_and_null() {
    for method in [
        "charAt",
        "charCodeAt",
        "concat",
        "indexOf",
        "lastIndexOf",
        "localeCompare",
        "slice",
        "substring",
        "substr",
        "toLowerCase",
        "toUpperCase",
        "toLocaleLowerCase",
        "toLocaleUpperCase",
        "trim",
    ] {
        throws(
            &format!("String.prototype.{method}.call(undefined)"),
            "TypeError",
        );
        throws(
            &format!("String.prototype.{method}.call(null)"),
            "TypeError",
        );
    }
}

#[test]
fn methods_are_not_enumerable() {
    prints(
        "var k = ''; for (var p in 'ab') k += p; print(k); print(String.prototype.propertyIsEnumerable('indexOf'), String.propertyIsEnumerable('fromCharCode'))",
        &["01", "false false"],
    );
}

#[test]
fn wide_results_become_latin1_when_they_can() {
    // Cutting the Latin-1 part out of a two-byte string gives an ordinary string.
    prints(
        "var s = '\\u0100abc'; var t = s.slice(1); print(t, t === 'abc', s.substring(0, 1).charCodeAt(0), s.toUpperCase().slice(1))",
        &["abc true 256 ABC"],
    );
}
