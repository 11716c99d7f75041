//! Unit tests for the lexer. Most tests render the token stream as one line of text
//! (`ident:a / num:2`) so that expectations read like the source they describe.

use super::Lexer;
use crate::error::SyntaxError;
use crate::source::SourceText;
use crate::token::{Tok, Token};
use bumpalo::Bump;

/// A short readable form of a token.
fn render(tok: &Tok<'_>) -> String {
    match tok {
        Tok::Ident(name) if name.escaped => format!("ident*:{}", name.name),
        Tok::Ident(name) => format!("ident:{}", name.name),
        Tok::Number(n) if n.legacy_octal => format!("num:{}(octal)", n.value),
        Tok::Number(n) => format!("num:{}", n.value),
        Tok::String(s) => format!(
            "str:{}{}",
            String::from_utf16_lossy(s.value),
            if s.has_octal_escape { "(octal)" } else { "" }
        ),
        Tok::Regex(r) => format!("regex:/{}/{}", String::from_utf16_lossy(r.pattern), r.flags),
        Tok::PlusPlusAfterNewline => "nl++".to_string(),
        Tok::MinusMinusAfterNewline => "nl--".to_string(),
        other => other.describe().to_string(),
    }
}

/// All tokens of `source`, or the first error.
fn tokens_of(source: &str) -> Result<Vec<(String, Token<'static>)>, SyntaxError> {
    // Leaking keeps the test helpers simple: the tokens borrow from source and arena.
    let arena: &'static Bump = Box::leak(Box::new(Bump::new()));
    let source: &'static str = Box::leak(source.to_string().into_boxed_str());
    Lexer::new(source, arena)
        .map(|item| item.map(|token| (render(&token.tok), token)))
        .collect()
}

/// The tokens of `source`, rendered and joined with spaces. Panics on a lexing error.
fn lex(source: &str) -> String {
    match tokens_of(source) {
        Ok(tokens) => tokens
            .iter()
            .map(|(text, _)| text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        Err(error) => panic!("{source:?} failed to lex: {error:?}"),
    }
}

/// The error lexing `source` produces. Panics if it lexes.
fn lex_error(source: &str) -> SyntaxError {
    match tokens_of(source) {
        Ok(tokens) => panic!("{source:?} lexed, expected an error: {tokens:?}"),
        Err(error) => error,
    }
}

/// The `newline_before` flags of `source`'s tokens.
fn newlines(source: &str) -> Vec<bool> {
    match tokens_of(source) {
        Ok(tokens) => tokens.iter().map(|(_, t)| t.newline_before).collect(),
        Err(error) => panic!("{source:?} failed to lex: {error:?}"),
    }
}

/// The spans of `source`'s tokens as (start, end).
fn spans(source: &str) -> Vec<(u32, u32)> {
    match tokens_of(source) {
        Ok(tokens) => tokens
            .iter()
            .map(|(_, t)| (t.span.start, t.span.end))
            .collect(),
        Err(error) => panic!("{source:?} failed to lex: {error:?}"),
    }
}

/// The UTF-16 value of the single string literal `source`.
fn string_value(source: &str) -> (Vec<u16>, bool) {
    let arena = Bump::new();
    let mut lexer = Lexer::new(source, &arena);
    match lexer.next() {
        Some(Ok(Token {
            tok: Tok::String(s),
            ..
        })) => {
            assert!(lexer.next().is_none(), "{source:?} is more than one token");
            (s.value.to_vec(), s.has_octal_escape)
        }
        other => panic!("{source:?} is not a string literal: {other:?}"),
    }
}

/// The value (and legacy-octal flag) of the single numeric literal `source`.
fn number_value(source: &str) -> (f64, bool) {
    let arena = Bump::new();
    let mut lexer = Lexer::new(source, &arena);
    match lexer.next() {
        Some(Ok(Token {
            tok: Tok::Number(n),
            ..
        })) => {
            assert!(lexer.next().is_none(), "{source:?} is more than one token");
            (n.value, n.legacy_octal)
        }
        other => panic!("{source:?} is not a numeric literal: {other:?}"),
    }
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

// ---------------------------------------------------------------------------------------------
// Punctuators and keywords

#[test]
fn every_punctuator() {
    let all = "{ } ( ) [ ] . ; , < > <= >= == != === !== + - * % ++ -- << >> >>> & | ^ ! ~ \
               && || ? : = += -= *= %= <<= >>= >>>= &= |= ^=";
    // After an operator a `/` would start a regex, so the division operators follow an operand.
    let source = format!("a {all} b /= c / d");
    let expected = format!("ident:a {all} ident:b /= ident:c / ident:d");
    assert_eq!(lex(&source), expected);
}

#[test]
fn punctuators_take_the_longest_match() {
    assert_eq!(lex("a>>>=b"), "ident:a >>>= ident:b");
    assert_eq!(lex("a>>>>b"), "ident:a >>> > ident:b");
    assert_eq!(lex("a>>=b"), "ident:a >>= ident:b");
    assert_eq!(lex("a>>b"), "ident:a >> ident:b");
    assert_eq!(lex("a<<=b"), "ident:a <<= ident:b");
    assert_eq!(lex("a====b"), "ident:a === = ident:b");
    assert_eq!(lex("a!==b"), "ident:a !== ident:b");
    assert_eq!(lex("a!=b"), "ident:a != ident:b");
    assert_eq!(lex("a+++b"), "ident:a ++ + ident:b");
    assert_eq!(lex("a---b"), "ident:a -- - ident:b");
    assert_eq!(lex("a&&=b"), "ident:a && = ident:b");
    assert_eq!(lex("a|||b"), "ident:a || | ident:b");
    assert_eq!(lex("a..b"), "ident:a . . ident:b");
}

#[test]
fn arrows_and_what_follows_them() {
    assert_eq!(lex("a=>b"), "ident:a => ident:b");
    assert_eq!(lex("a==>b"), "ident:a == > ident:b");
    // After `=>` an expression starts: `/` begins a regex; a `{` opens a body, after
    // which an operand has ended (the arrow function is an expression).
    assert_eq!(lex("x => /a/g"), "ident:x => regex:/a/g");
    assert_eq!(lex("f = () => {} / 2"), "ident:f = ( ) => { } / num:2");
    // A line break before `=>` makes a token no rule accepts.
    let tokens = tokens_of("a\n=> b").map(|tokens| tokens.into_iter().map(|(_, t)| t.tok));
    assert!(matches!(
        tokens.map(|mut tokens| tokens.nth(1)),
        Ok(Some(Tok::ArrowAfterNewline))
    ));
}

#[test]
fn code_point_escapes() {
    assert_eq!(string_value(r#""\u{41}\u{0000000042}""#).0, utf16("AB"));
    assert_eq!(string_value(r#""\u{1F600}""#).0, vec![0xD83D, 0xDE00]);
    assert_eq!(string_value(r#""\u{10FFFF}""#).0, vec![0xDBFF, 0xDFFF]);
    // A surrogate code point stands alone, as `\uD800` does.
    assert_eq!(string_value(r#""\u{D800}""#).0, vec![0xD800]);
    for bad in [r#""\u{}""#, r#""\u{110000}""#, r#""\u{41""#, r#""\u{4G}""#] {
        assert_eq!(
            lex_error(bad).message,
            "Invalid Unicode escape sequence",
            "{bad}"
        );
    }
}

#[test]
fn every_keyword() {
    let keywords = "break case catch continue debugger default delete do else finally for \
                    function if in instanceof new return switch this throw try typeof var void \
                    while with null true false class const enum export extends import super";
    assert_eq!(lex(keywords), keywords);
}

#[test]
fn strict_mode_reserved_words_are_identifiers() {
    assert_eq!(
        lex("implements interface package private protected public static yield let"),
        "ident:implements ident:interface ident:package ident:private \
         ident:protected ident:public ident:static ident:yield ident:let"
    );
}

#[test]
fn let_is_a_keyword_only_before_a_name() {
    // ES2015 13.3.1: `let x` can only be a declaration; elsewhere `let` is a name.
    assert_eq!(lex("let x"), "let ident:x");
    assert_eq!(lex("let\nx"), "let ident:x");
    assert_eq!(lex("var let = 1"), "var ident:let = num:1");
    assert_eq!(lex("let in o"), "ident:let in ident:o");
    assert_eq!(lex("o.let\nx"), "ident:o . ident:let ident:x");
}

#[test]
fn words_that_start_like_keywords_are_identifiers() {
    assert_eq!(
        lex("iffy dot done inner newer thisx nullable true_ falsey in1 $if _do"),
        "ident:iffy ident:dot ident:done ident:inner ident:newer ident:thisx ident:nullable \
         ident:true_ ident:falsey ident:in1 ident:$if ident:_do"
    );
}

// ---------------------------------------------------------------------------------------------
// White space, line terminators, comments

#[test]
fn every_white_space_character() {
    let white_space = [
        '\t', '\u{0B}', '\u{0C}', ' ', '\u{A0}', '\u{FEFF}', '\u{1680}', '\u{2000}', '\u{2001}',
        '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
        '\u{2009}', '\u{200A}', '\u{202F}', '\u{205F}', '\u{3000}',
    ];
    for c in white_space {
        let source = format!("a{c}b{c}{c}");
        assert_eq!(lex(&source), "ident:a ident:b", "U+{:04X}", c as u32);
        assert_eq!(newlines(&source), [false, false], "U+{:04X}", c as u32);
    }
}

#[test]
fn characters_that_are_not_white_space() {
    // U+180E was Zs before Unicode 6.3; U+200B is a format character (Cf).
    for c in ['\u{180E}', '\u{200B}', '\u{85}'] {
        let error = lex_error(&format!("a{c}b"));
        assert_eq!(error.message, "Invalid or unexpected token");
        assert_eq!(error.span.start, 1);
        assert_eq!(error.span.end as usize, 1 + c.len_utf8());
    }
}

#[test]
fn every_line_terminator() {
    for terminator in [
        "\n",
        "\r",
        "\r\n",
        "\u{2028}",
        "\u{2029}",
        "\n\r\n \t\u{2028}  ",
    ] {
        let source = format!("a{terminator}b");
        assert_eq!(lex(&source), "ident:a ident:b", "{terminator:?}");
        assert_eq!(newlines(&source), [false, true], "{terminator:?}");
    }
    // CRLF is one line terminator, which only matters for where the next token starts.
    assert_eq!(spans("a\r\nb"), [(0, 1), (3, 4)]);
}

#[test]
fn newline_before_is_reset_after_each_token() {
    assert_eq!(
        newlines("a b\nc d\n\n e \t f"),
        [false, false, true, false, true, false]
    );
    // Line terminators before the first token count too.
    assert_eq!(newlines("\n a"), [true]);
}

#[test]
fn single_line_comments() {
    assert_eq!(lex("a // comment\nb"), "ident:a ident:b");
    assert_eq!(newlines("a // comment\nb"), [false, true]);
    assert_eq!(newlines("a // comment\u{2028}b"), [false, true]);
    assert_eq!(newlines("a // comment\rb"), [false, true]);
    assert_eq!(lex("a // comment"), "ident:a");
    assert_eq!(lex("a //"), "ident:a");
    assert_eq!(lex("// only a comment"), "");
    // A `//` comment swallows `*/` and a `/*`.
    assert_eq!(lex("a // */ /* \nb"), "ident:a ident:b");
}

#[test]
fn multi_line_comments() {
    assert_eq!(lex("a /* c */ b"), "ident:a ident:b");
    assert_eq!(newlines("a /* c */ b"), [false, false]);
    assert_eq!(newlines("a /* \n */ b"), [false, true]);
    assert_eq!(newlines("a /* \r */ b"), [false, true]);
    assert_eq!(newlines("a /* \u{2028} */ b"), [false, true]);
    assert_eq!(newlines("a /* \u{2029} */ b"), [false, true]);
    assert_eq!(newlines("a /* x */\nb"), [false, true]);
    assert_eq!(newlines("a /* \u{2027}\u{202A} */ b"), [false, false]);
    assert_eq!(lex("/**/a/***/b/****/"), "ident:a ident:b");
    assert_eq!(lex("a /* / ** // */ b"), "ident:a ident:b");
    assert_eq!(lex("a /* c */"), "ident:a");
    // A comment is not a token: the `/` after it still follows `a`.
    assert_eq!(lex("a /* c */ / 2"), "ident:a / num:2");
    assert_eq!(lex("a\n/* c */ / 2"), "ident:a / num:2");
}

#[test]
fn unterminated_multi_line_comment() {
    for source in ["a /* c", "/*", "/* *", "/*/", "a /* \n * /"] {
        let error = lex_error(source);
        assert_eq!(error.message, "Unterminated comment", "{source:?}");
        assert_eq!(error.span.end as usize, source.len(), "{source:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Identifiers

#[test]
fn ascii_identifiers() {
    assert_eq!(
        lex("a $ _ a1 $_$ _0 camelCase SCREAMING"),
        "ident:a ident:$ ident:_ ident:a1 ident:$_$ ident:_0 ident:camelCase ident:SCREAMING"
    );
    assert_eq!(spans("ab  cde"), [(0, 2), (4, 7)]);
}

#[test]
fn unicode_identifiers() {
    // Lu/Ll, Lo, Lt (ǅ), Lm (ʰ), Nl (Ⅳ).
    assert_eq!(
        lex("café Ωmega 日本語 ǅx ʰ Ⅳ"),
        "ident:café ident:Ωmega ident:日本語 ident:ǅx ident:ʰ ident:Ⅳ"
    );
    // Continuing characters: Mn (U+0301), Mc (U+0903), Nd (U+0663), Pc (U+203F), ZWNJ, ZWJ.
    assert_eq!(
        lex("e\u{301} a\u{903} a\u{663} a\u{203F} a\u{200C}b a\u{200D}"),
        "ident:e\u{301} ident:a\u{903} ident:a\u{663} ident:a\u{203F} ident:a\u{200C}b \
         ident:a\u{200D}"
    );
    // A non-BMP letter (U+10400 DESERET CAPITAL LETTER LONG I).
    assert_eq!(lex("\u{10400}x"), "ident:\u{10400}x");
    // Keywords followed by a letter are identifiers.
    assert_eq!(lex("ifé iné"), "ident:ifé ident:iné");
    // A non-ASCII character that is not part of a name ends it.
    assert_eq!(lex("if\u{A0}(a)"), "if ( ident:a )");
    assert_eq!(lex("return\u{2028}x"), "return ident:x");
    assert_eq!(newlines("return\u{2028}x"), [false, true]);
    assert_eq!(lex("a\u{3000}b"), "ident:a ident:b");
    assert_eq!(spans("aé b"), [(0, 3), (4, 5)]);
}

#[test]
fn characters_that_cannot_start_identifiers() {
    // Mn, Nd, Pc, ZWJ may continue a name but not start one.
    for source in ["\u{301}a", "\u{663}", "\u{203F}", "\u{200D}a"] {
        let error = lex_error(source);
        assert_eq!(error.message, "Invalid or unexpected token", "{source:?}");
        assert_eq!(error.span.start, 0);
    }
}

#[test]
fn identifier_escapes() {
    assert_eq!(lex("\\u0061bc"), "ident*:abc");
    assert_eq!(lex("a\\u0062c"), "ident*:abc");
    assert_eq!(lex("ab\\u0063"), "ident*:abc");
    assert_eq!(lex("\\u00e9t\\u00E9"), "ident*:été");
    assert_eq!(lex("a\\u0031"), "ident*:a1");
    assert_eq!(lex("\\u0024 \\u005f"), "ident*:$ ident*:_");
    assert_eq!(lex("\\u65E5\\u672C"), "ident*:日本");
    assert_eq!(lex("a\\u200c"), "ident*:a\u{200C}");
    assert_eq!(spans("x\\u0061y z"), [(0, 8), (9, 10)]);
    // A name that starts as ASCII and continues with an escape is re-scanned whole.
    assert_eq!(lex("a.b\\u0063 + 1"), "ident:a . ident*:bc + num:1");
}

#[test]
fn escaped_keywords_stay_identifiers() {
    assert_eq!(lex("\\u0069f"), "ident*:if");
    assert_eq!(lex("i\\u0066"), "ident*:if");
    assert_eq!(lex("v\\u0061r x"), "ident*:var ident:x");
    assert_eq!(lex("\\u0074his"), "ident*:this");
    assert_eq!(lex("n\\u0075ll tru\\u0065"), "ident*:null ident*:true");
    assert_eq!(lex("\\u0079ield"), "ident*:yield");
    // An escaped keyword is an identifier for the regex decision too: `/` divides.
    assert_eq!(lex("\\u0069f / 2"), "ident*:if / num:2");
}

#[test]
fn invalid_identifier_escapes() {
    for (source, span) in [
        ("\\u0031a", (0, 6)),    // `1` cannot start a name
        ("a\\u0020", (1, 7)),    // a space is not part of a name
        ("a\\u002E", (1, 7)),    // nor is `.`
        ("\\x41", (0, 1)),       // only \u escapes exist in names
        ("\\", (0, 1)),          // a lone backslash
        ("a\\", (1, 2)),         // at the end of input
        ("\\u", (0, 2)),         // truncated
        ("\\u00", (0, 4)),       // truncated
        ("\\u00g1", (0, 4)),     // not hex
        ("\\uD800", (0, 6)),     // a surrogate is not a character
        ("if\\u0020", (2, 8)),   // after a keyword
        ("\\u{61}", (0, 2)),     // ES2015 syntax
        ("a \\ b", (2, 3)),      // a stray backslash
        ("x\\u0061\\u", (7, 9)), // the second escape is truncated
    ] {
        let error = lex_error(source);
        assert_eq!(
            error.message, "Invalid Unicode escape sequence",
            "{source:?}"
        );
        assert_eq!((error.span.start, error.span.end), span, "{source:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers

#[test]
fn decimal_literals() {
    for (source, value) in [
        ("0", 0.0),
        ("1", 1.0),
        ("123", 123.0),
        ("1.", 1.0),
        (".5", 0.5),
        ("0.0", 0.0),
        ("0.5", 0.5),
        ("1.5e10", 1.5e10),
        ("1E-5", 1e-5),
        ("1e+5", 1e5),
        ("1.e5", 1e5),
        (".5e1", 5.0),
        ("0e0", 0.0),
        ("0.e1", 0.0),
        ("0.1", 0.1),
        ("9007199254740993", 9007199254740992.0),
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("999999999999999", 999999999999999.0),
        ("1e400", f64::INFINITY),
        ("1e-400", 0.0),
        ("2.2250738585072011e-308", 2.225073858507201e-308),
    ] {
        assert_eq!(number_value(source), (value, false), "{source:?}");
    }
}

#[test]
fn hex_literals() {
    for (source, value) in [
        ("0x0", 0.0),
        ("0x1F", 31.0),
        ("0X1f", 31.0),
        ("0xABCDEF", 11259375.0),
        ("0x000000000000000000001", 1.0),
        ("0x20000000000001", 9007199254740992.0),
        ("0x20000000000003", 9007199254740996.0),
        ("0x10000000000000001", 1.8446744073709552e19),
        ("0xfffffffffffff800", 1.844674407370955e19),
        ("0x1fffffffffffffc0", 2.305843009213694e18),
        // A tie broken upwards by a non-zero digit far to the right ...
        ("0x1000000000000080000000001", 7.922816251426436e28),
        // ... an exact tie, which goes to the even neighbour (down) ...
        ("0x1000000000000080000000000", 7.922816251426434e28),
        // ... and an exact tie whose even neighbour is above.
        ("0x1000000000000180000000000", 7.922816251426437e28),
    ] {
        assert_eq!(number_value(source), (value, false), "{source:?}");
    }
    let huge = format!("0x{}", "f".repeat(300));
    assert_eq!(number_value(&huge), (f64::INFINITY, false));
}

#[test]
fn legacy_octal_literals() {
    for (source, value) in [
        ("00", 0.0),
        ("07", 7.0),
        ("017", 15.0),
        ("0777", 511.0),
        ("07777777777777777777777", 7.378697629483821e19),
        ("010000000000000000000000000", 3.777893186295716e22),
    ] {
        assert_eq!(number_value(source), (value, true), "{source:?}");
    }
}

#[test]
fn decimals_with_a_leading_zero_are_flagged() {
    for (source, value) in [
        ("08", 8.0),
        ("09", 9.0),
        ("019", 19.0),
        ("0778", 778.0),
        ("08.5", 8.5),
        ("09e1", 90.0),
        ("08.", 8.0),
    ] {
        assert_eq!(number_value(source), (value, true), "{source:?}");
    }
}

#[test]
fn numbers_next_to_other_tokens() {
    assert_eq!(lex("1..toString"), "num:1 . ident:toString");
    assert_eq!(lex("1.5.toString"), "num:1.5 . ident:toString");
    assert_eq!(lex("a.b.5"), "ident:a . ident:b num:0.5");
    // An octal literal cannot have a fraction: `017.5` is two numbers (and a syntax error
    // for the parser).
    assert_eq!(lex("017.5"), "num:15(octal) num:0.5");
    assert_eq!(lex("1+2-3"), "num:1 + num:2 - num:3");
    assert_eq!(lex("1e5+2"), "num:100000 + num:2");
    assert_eq!(lex("x=.5"), "ident:x = num:0.5");
    assert_eq!(spans("12.5e3 0x1F"), [(0, 6), (7, 11)]);
}

#[test]
fn numbers_followed_by_names_or_digits() {
    for (source, span) in [
        ("3in x", (0, 2)),
        ("3in", (0, 2)),
        ("0x", (0, 2)),
        ("0xg", (0, 2)),
        ("0x1Fg", (0, 5)),
        ("1e", (0, 2)),
        ("1e+", (0, 2)),
        ("1.e+", (0, 3)),
        ("1.5e+x", (0, 4)),
        ("3$", (0, 2)),
        ("3_", (0, 2)),
        ("3\\u0061", (0, 2)),
        ("5é", (0, 3)),
        ("017a", (0, 4)),
        ("08a", (0, 3)),
        (".5a", (0, 3)),
        ("1.toString", (0, 3)),
        ("0b1", (0, 2)),
        ("0o7", (0, 2)),
    ] {
        let error = lex_error(source);
        assert_eq!(error.message, "Invalid or unexpected token", "{source:?}");
        assert_eq!((error.span.start, error.span.end), span, "{source:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Strings

#[test]
fn simple_strings() {
    assert_eq!(lex("'abc' \"def\""), "str:abc str:def");
    assert_eq!(lex("'' \"\""), "str: str:");
    assert_eq!(lex("\"it's\" 'say \"hi\"'"), "str:it's str:say \"hi\"");
    assert_eq!(string_value("'café'"), (utf16("café"), false));
    // A non-BMP character becomes a surrogate pair.
    assert_eq!(string_value("'😀'"), (vec![0xD83D, 0xDE00], false));
    // NUL, and other control characters, may appear unescaped.
    assert_eq!(string_value("'\0\u{1}'"), (vec![0, 1], false));
    assert_eq!(spans("'ab' \"c\\n\""), [(0, 4), (5, 10)]);
}

#[test]
fn single_character_escapes() {
    assert_eq!(
        string_value(r#""\b\t\n\v\f\r\"\'\\""#),
        (vec![8, 9, 10, 11, 12, 13, 34, 39, 92], false)
    );
    // Any other character stands for itself.
    assert_eq!(string_value(r"'\a\c\d\é\$'"), (utf16("acdé$"), false));
    assert_eq!(string_value("'\\😀'"), (vec![0xD83D, 0xDE00], false));
    // Escaped quotes, of either kind, in either kind of string.
    assert_eq!(string_value(r"'\''"), (utf16("'"), false));
    assert_eq!(string_value(r#"'\"'"#), (utf16("\""), false));
}

#[test]
fn hex_and_unicode_escapes() {
    assert_eq!(
        string_value(r"'\x41\x7a\xFF\x00'"),
        (vec![0x41, 0x7A, 0xFF, 0], false)
    );
    assert_eq!(
        string_value(r"'\u0041\u00e9\uFFFF'"),
        (vec![0x41, 0xE9, 0xFFFF], false)
    );
    assert_eq!(
        string_value(r"'\uD83D\uDE00'"),
        (vec![0xD83D, 0xDE00], false)
    );
    // A lone surrogate is a fine string value.
    assert_eq!(
        string_value(r"'a\uD800b'"),
        (vec![0x61, 0xD800, 0x62], false)
    );
}

#[test]
fn invalid_hex_and_unicode_escapes() {
    for (source, message, span) in [
        (r"'\x4'", "Invalid hexadecimal escape sequence", (1, 4)),
        (r"'\xG0'", "Invalid hexadecimal escape sequence", (1, 3)),
        (r"'\x'", "Invalid hexadecimal escape sequence", (1, 3)),
        (r"'\u12'", "Invalid Unicode escape sequence", (1, 5)),
        (r"'\u12G4'", "Invalid Unicode escape sequence", (1, 5)),
        (r"'\u'", "Invalid Unicode escape sequence", (1, 3)),
        // (ES2015's `\u{41}` is a code point: see `code_point_escapes`.)
        (r"'\u{}'", "Invalid Unicode escape sequence", (1, 3)),
        (r"'ab\u004'", "Invalid Unicode escape sequence", (3, 8)),
    ] {
        let error = lex_error(source);
        assert_eq!(error.message, message, "{source:?}");
        assert_eq!((error.span.start, error.span.end), span, "{source:?}");
    }
}

#[test]
fn null_and_octal_escapes() {
    for (source, value, octal) in [
        (r"'\0'", vec![0], false),
        (r"'\0a'", vec![0, 0x61], false),
        (r"'\00'", vec![0], true),
        (r"'\01'", vec![1], true),
        (r"'\08'", vec![0, 0x38], true),
        (r"'\1'", vec![1], true),
        (r"'\7'", vec![7], true),
        (r"'\12'", vec![10], true),
        (r"'\123'", vec![83], true),
        (r"'\377'", vec![255], true),
        (r"'\400'", vec![32, 0x30], true),
        (r"'\47'", vec![39], true),
        (r"'\777'", vec![63, 0x37], true),
        (r"'\1234'", vec![83, 0x34], true),
        (r"'\18'", vec![1, 0x38], true),
        (r"'\8'", vec![0x38], true),
        (r"'\9'", vec![0x39], true),
        (r"'a\8b'", vec![0x61, 0x38, 0x62], true),
    ] {
        assert_eq!(string_value(source), (value, octal), "{source:?}");
    }
}

#[test]
fn line_continuations() {
    for continuation in ["\\\n", "\\\r", "\\\r\n", "\\\u{2028}", "\\\u{2029}"] {
        let source = format!("'a{continuation}b'");
        assert_eq!(string_value(&source), (utf16("ab"), false), "{source:?}");
    }
    // `\` CR followed by LF is one continuation; `\` LF followed by CR is not.
    assert!(tokens_of("'a\\\n\rb'").is_err());
    assert_eq!(string_value("'\\\n\\\n'"), (vec![], false));
}

#[test]
fn unterminated_strings() {
    for source in [
        "'abc",
        "\"abc",
        "'",
        "'abc\\",
        "'abc\\'",
        "'a\nb'",
        "'a\rb'",
        "'a\r\nb'",
        "'a\u{2028}b'",
        "'a\u{2029}b'",
        "'a\\x41\nb'",
        "\"abc'",
        "'\\u0041",
    ] {
        let error = lex_error(source);
        assert_eq!(error.message, "Unterminated string literal", "{source:?}");
        assert_eq!(error.span.start, 0, "{source:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Regular expression literals

#[test]
fn regex_literals() {
    assert_eq!(lex("/abc/"), "regex:/abc/");
    assert_eq!(lex("/abc/gim"), "regex:/abc/gim");
    assert_eq!(lex("/[/]/"), "regex:/[/]/");
    assert_eq!(lex(r"/\//"), r"regex:/\//");
    assert_eq!(lex(r"/a\/b/"), r"regex:/a\/b/");
    assert_eq!(lex(r"/[\]/]/"), r"regex:/[\]/]/");
    assert_eq!(lex(r"/[[]/"), r"regex:/[[]/");
    assert_eq!(lex(r"/]/"), r"regex:/]/");
    assert_eq!(lex(r"/\[/"), r"regex:/\[/");
    assert_eq!(lex("/=/"), "regex:/=/");
    assert_eq!(lex("/=a/g"), "regex:/=a/g");
    assert_eq!(lex("/é/é"), "regex:/é/é");
    // Flags are any identifier characters; checking them is the RegExp constructor's job.
    assert_eq!(lex("/a/xyz$1"), "regex:/a/xyz$1");
    assert_eq!(lex("/a/g.test(s)"), "regex:/a/g . ident:test ( ident:s )");
    assert_eq!(spans("x = /a/g;"), [(0, 1), (2, 3), (4, 8), (8, 9)]);
}

#[test]
fn unterminated_regex_literals() {
    for source in [
        "/abc",
        "/abc\n/",
        "/abc\r/",
        "/abc\u{2028}/",
        "/abc\u{2029}/",
        "/a\\",
        "/a\\\n/",
        "/a\\\u{2028}/",
        "/[/",
        "/[/]",
        "x = /a",
    ] {
        let error = lex_error(source);
        assert_eq!(
            error.message, "Unterminated regular expression",
            "{source:?}"
        );
    }
}

#[test]
fn regex_flags_may_not_be_escaped() {
    let error = lex_error("/a/\\u0067");
    assert_eq!(error.message, "Invalid regular expression flags");
    assert_eq!((error.span.start, error.span.end), (3, 4));
    assert_eq!(lex_error("/a/g\\u0069").span.start, 4);
}

// ---------------------------------------------------------------------------------------------
// Regex or division

#[test]
fn division_after_operands() {
    assert_eq!(lex("a / b"), "ident:a / ident:b");
    assert_eq!(lex("a /= b"), "ident:a /= ident:b");
    assert_eq!(
        lex("x = y / z / w"),
        "ident:x = ident:y / ident:z / ident:w"
    );
    assert_eq!(lex("(a) / 2"), "( ident:a ) / num:2");
    assert_eq!(lex("[1] / 2"), "[ num:1 ] / num:2");
    assert_eq!(lex("1 / 2"), "num:1 / num:2");
    assert_eq!(lex("'s' / 2"), "str:s / num:2");
    assert_eq!(lex("/a/ / 2"), "regex:/a/ / num:2");
    assert_eq!(lex("this / 2"), "this / num:2");
    assert_eq!(lex("null / 2"), "null / num:2");
    assert_eq!(lex("true / false / 2"), "true / false / num:2");
    assert_eq!(lex("a.b(c) / 2"), "ident:a . ident:b ( ident:c ) / num:2");
    assert_eq!(lex("a[0] /b/ c"), "ident:a [ num:0 ] / ident:b / ident:c");
    // No semicolon is inserted before `/`: the next line continues the expression.
    assert_eq!(
        lex("x = y\n/re/g"),
        "ident:x = ident:y / ident:re / ident:g"
    );
}

#[test]
fn regex_after_operators_and_keywords() {
    assert_eq!(lex("x = /re/"), "ident:x = regex:/re/");
    assert_eq!(lex("f(/re/, /re/)"), "ident:f ( regex:/re/ , regex:/re/ )");
    assert_eq!(lex("[/re/]"), "[ regex:/re/ ]");
    assert_eq!(lex("!/re/"), "! regex:/re/");
    assert_eq!(lex("a && /re/"), "ident:a && regex:/re/");
    assert_eq!(lex("a ? /x/ : /y/"), "ident:a ? regex:/x/ : regex:/y/");
    assert_eq!(lex("return /re/"), "return regex:/re/");
    assert_eq!(lex("return\n/re/"), "return regex:/re/");
    for keyword in [
        "typeof",
        "instanceof",
        "in",
        "new",
        "delete",
        "void",
        "throw",
        "case",
        "do",
        "else",
    ] {
        assert_eq!(
            lex(&format!("{keyword} /re/")),
            format!("{keyword} regex:/re/")
        );
    }
    assert_eq!(
        lex("x = a / b; /re/.test(c)"),
        "ident:x = ident:a / ident:b ; regex:/re/ . ident:test ( ident:c )"
    );
    assert_eq!(lex("{ /re/ }"), "{ regex:/re/ }");
    assert_eq!(lex("a = /=/"), "ident:a = regex:/=/");
    assert_eq!(lex("/=/.test(x)"), "regex:/=/ . ident:test ( ident:x )");
    assert_eq!(
        lex("a = b\n/=c/g"),
        "ident:a = ident:b /= ident:c / ident:g"
    );
    assert_eq!(lex("x = { a: /re/ }"), "ident:x = { ident:a : regex:/re/ }");
    assert_eq!(lex("x = { if: /re/ }"), "ident:x = { if : regex:/re/ }");
}

#[test]
fn regex_after_the_head_of_if_while_for_with() {
    assert_eq!(
        lex("if (x) /re/.test(y)"),
        "if ( ident:x ) regex:/re/ . ident:test ( ident:y )"
    );
    assert_eq!(lex("while (x) /re/"), "while ( ident:x ) regex:/re/");
    assert_eq!(lex("with (x) /re/"), "with ( ident:x ) regex:/re/");
    assert_eq!(lex("for (;;) /re/"), "for ( ; ; ) regex:/re/");
    assert_eq!(
        lex("if (f(a) / 2) /re/"),
        "if ( ident:f ( ident:a ) / num:2 ) regex:/re/"
    );
    assert_eq!(
        lex("for (var i = 0; i < n / 2; i++) /re/"),
        "for ( var ident:i = num:0 ; ident:i < ident:n / num:2 ; ident:i ++ ) regex:/re/"
    );
    assert_eq!(
        lex("do x; while (y) /re/"),
        "do ident:x ; while ( ident:y ) regex:/re/"
    );
    // Other parentheses end an operand, even after keywords that are property names.
    assert_eq!(lex("a.if (x) / 2"), "ident:a . if ( ident:x ) / num:2");
    assert_eq!(lex("switch (x) / 2"), "switch ( ident:x ) / num:2");
}

#[test]
fn regex_after_a_block_division_after_an_object() {
    assert_eq!(lex("{} /re/"), "{ } regex:/re/");
    assert_eq!(lex("{}\n/re/"), "{ } regex:/re/");
    assert_eq!(lex("if (a) {} /re/"), "if ( ident:a ) { } regex:/re/");
    assert_eq!(
        lex("if (a) {} else {} /re/"),
        "if ( ident:a ) { } else { } regex:/re/"
    );
    assert_eq!(
        lex("try {} finally {} /re/"),
        "try { } finally { } regex:/re/"
    );
    assert_eq!(
        lex("try {} catch (e) {} /re/"),
        "try { } catch ( ident:e ) { } regex:/re/"
    );
    assert_eq!(lex("l: {} /re/"), "ident:l : { } regex:/re/");
    assert_eq!(lex("a;{}/re/"), "ident:a ; { } regex:/re/");
    assert_eq!(
        lex("switch (a) { case 1: {} /re/ }"),
        "switch ( ident:a ) { case num:1 : { } regex:/re/ }"
    );
    assert_eq!(
        lex("switch (a) { default: {} /re/ }"),
        "switch ( ident:a ) { default : { } regex:/re/ }"
    );
    // ASI ends the statement before a `{` on the next line, which then opens a block.
    assert_eq!(lex("a\n{}\n/re/"), "ident:a { } regex:/re/");
    assert_eq!(lex("return\n{}\n/re/"), "return { } regex:/re/");

    assert_eq!(lex("x = {} / 2"), "ident:x = { } / num:2");
    assert_eq!(lex("({}) / 2"), "( { } ) / num:2");
    assert_eq!(
        lex("x = {a: 1} / 2"),
        "ident:x = { ident:a : num:1 } / num:2"
    );
    assert_eq!(
        lex("x = {a: {}} / 2"),
        "ident:x = { ident:a : { } } / num:2"
    );
    assert_eq!(lex("return {} / 2"), "return { } / num:2");
    assert_eq!(lex("[{}] / 2"), "[ { } ] / num:2");
    assert_eq!(lex("a ? {} : {} / 2"), "ident:a ? { } : { } / num:2");
    assert_eq!(
        lex("x = { get a() { return 1 } } / 2"),
        "ident:x = { ident:get ident:a ( ) { return num:1 } } / num:2"
    );
}

#[test]
fn function_expression_bodies_end_operands_declarations_do_not() {
    assert_eq!(
        lex("x = function(){} / 2"),
        "ident:x = function ( ) { } / num:2"
    );
    assert_eq!(
        lex("x = function f(a, b){} / 2"),
        "ident:x = function ident:f ( ident:a , ident:b ) { } / num:2"
    );
    assert_eq!(lex("(function(){}) / 2"), "( function ( ) { } ) / num:2");
    assert_eq!(lex("!function(){} / 2"), "! function ( ) { } / num:2");
    assert_eq!(lex("new function(){} / 2"), "new function ( ) { } / num:2");
    assert_eq!(
        lex("x = a ? b : function(){} / 2"),
        "ident:x = ident:a ? ident:b : function ( ) { } / num:2"
    );
    assert_eq!(
        lex("f(function(){} / 2)"),
        "ident:f ( function ( ) { } / num:2 )"
    );
    assert_eq!(
        lex("x = { a: function(){} / 2 }"),
        "ident:x = { ident:a : function ( ) { } / num:2 }"
    );
    assert_eq!(
        lex("function f(){} /re/.test(s)"),
        "function ident:f ( ) { } regex:/re/ . ident:test ( ident:s )"
    );
    assert_eq!(
        lex("a;\nfunction f(){}\n/re/"),
        "ident:a ; function ident:f ( ) { } regex:/re/"
    );
    assert_eq!(
        lex("{ function f(){} /re/ }"),
        "{ function ident:f ( ) { } regex:/re/ }"
    );
    // Inside a function body, statements again.
    assert_eq!(
        lex("x = function(){ if (a) {} /re/ } / 2"),
        "ident:x = function ( ) { if ( ident:a ) { } regex:/re/ } / num:2"
    );
    assert_eq!(
        lex("x = function(){ l: {} /re/ }"),
        "ident:x = function ( ) { ident:l : { } regex:/re/ }"
    );
}

#[test]
fn increment_and_decrement() {
    assert_eq!(lex("a++ / 2"), "ident:a ++ / num:2");
    assert_eq!(lex("a-- / 2"), "ident:a -- / num:2");
    assert_eq!(lex("a++\n/ 2"), "ident:a ++ / num:2");
    assert_eq!(lex("++/re/.lastIndex"), "++ regex:/re/ . ident:lastIndex");
    assert_eq!(lex("x = ++/re/.x"), "ident:x = ++ regex:/re/ . ident:x");
    // After a line break, `++` can only be prefix.
    assert_eq!(lex("a\n++b"), "ident:a nl++ ident:b");
    assert_eq!(lex("a\n--b"), "ident:a nl-- ident:b");
    assert_eq!(lex("a\n++\n/re/"), "ident:a nl++ regex:/re/");
    assert_eq!(lex("a /* \n */ ++b"), "ident:a nl++ ident:b");
    assert_eq!(lex("a ++ b"), "ident:a ++ ident:b");
    assert_eq!(lex("(a)++ / 2"), "( ident:a ) ++ / num:2");
    assert_eq!(lex("a[0]-- / 2"), "ident:a [ num:0 ] -- / num:2");
    assert_eq!(lex("a++\nb"), "ident:a ++ ident:b");
}

#[test]
fn keywords_after_a_dot_are_property_names() {
    assert_eq!(lex("a.return / 2"), "ident:a . return / num:2");
    assert_eq!(lex("a.typeof / 2"), "ident:a . typeof / num:2");
    assert_eq!(lex("a.in / 2"), "ident:a . in / num:2");
    assert_eq!(lex("a.function / 2"), "ident:a . function / num:2");
    assert_eq!(lex("a.this / 2"), "ident:a . this / num:2");
    assert_eq!(lex("a.\nif / 2"), "ident:a . if / num:2");
}

#[test]
fn conditionals_labels_and_cases() {
    assert_eq!(
        lex("x = a ? b : c / 2"),
        "ident:x = ident:a ? ident:b : ident:c / num:2"
    );
    assert_eq!(
        lex("x = (a) ? /re/ : /re2/"),
        "ident:x = ( ident:a ) ? regex:/re/ : regex:/re2/"
    );
    // The second `:` ends the `case`, so `{` opens a block.
    assert_eq!(
        lex("switch (a) { case b ? 1 : 2: {} /re/ }"),
        "switch ( ident:a ) { case ident:b ? num:1 : num:2 : { } regex:/re/ }"
    );
    // A `?` inside brackets does not leak out.
    assert_eq!(
        lex("switch (a) { case f(b ? 1 : 2): {} /re/ }"),
        "switch ( ident:a ) { case ident:f ( ident:b ? num:1 : num:2 ) : { } regex:/re/ }"
    );
    assert_eq!(
        lex("x = a ? {b: 1} : {} / 2"),
        "ident:x = ident:a ? { ident:b : num:1 } : { } / num:2"
    );
}

// ---------------------------------------------------------------------------------------------
// Lone surrogates (source text from a JavaScript string: see `crate::source`)

/// A token and its span as (start, end).
type Spanned = (Tok<'static>, (u32, u32));

/// The tokens of source text given as UTF-16 code units, with their spans, or the first error.
fn unit_tokens(units: &[u16]) -> Result<Vec<Spanned>, SyntaxError> {
    let arena: &'static Bump = Box::leak(Box::new(Bump::new()));
    let source: &'static SourceText = Box::leak(Box::new(SourceText::from_units(units)));
    Lexer::new(source, arena)
        .map(|item| item.map(|token| (token.tok, (token.span.start, token.span.end))))
        .collect()
}

/// `text` as code units, with each `@` replaced by a lone surrogate, `units` in turn.
fn with_surrogates(text: &str, units: &[u16]) -> Vec<u16> {
    let mut lone = units.iter();
    text.encode_utf16()
        .map(|u| match u {
            0x40 => lone.next().copied().unwrap_or(u),
            _ => u,
        })
        .collect()
}

#[test]
fn a_lone_surrogate_in_a_string_literal_is_its_value() {
    // Written as itself, after a backslash (a NonEscapeCharacter), among escapes, beside a
    // real U+FFFD, and in the fast path's non-ASCII text.
    for (text, lone, value) in [
        ("'@'", &[0xD800][..], &[0xD800][..]),
        ("\"a@b\"", &[0xDFFF], &[0x61, 0xDFFF, 0x62]),
        ("'\\@'", &[0xDC00], &[0xDC00]),
        (
            "'\\n@\\@\\x41'",
            &[0xDBFF, 0xD800],
            &[0x0A, 0xDBFF, 0xD800, 0x41],
        ),
        ("'\u{FFFD}@é'", &[0xD801], &[0xFFFD, 0xD801, 0xE9]),
        ("'\\\u{FFFD}@'", &[0xD801], &[0xFFFD, 0xD801]),
    ] {
        let tokens = unit_tokens(&with_surrogates(text, lone));
        match tokens.as_deref() {
            Ok([(Tok::String(s), _)]) => assert_eq!(s.value, value, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn a_lone_surrogate_in_a_regex_literal_is_kept_as_written() {
    for (text, lone, pattern) in [
        ("x = /@/g", &[0xD800][..], &[0xD800][..]),
        ("x = /\\@/", &[0xDC00], &[0x5C, 0xDC00]),
        (
            "x = /[@]\u{FFFD}@/",
            &[0xD800, 0xDFFF],
            &[0x5B, 0xD800, 0x5D, 0xFFFD, 0xDFFF],
        ),
    ] {
        let tokens = unit_tokens(&with_surrogates(text, lone));
        match tokens.as_deref() {
            Ok([_, _, (Tok::Regex(r), _)]) => assert_eq!(r.pattern, pattern, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn a_lone_surrogate_in_a_comment_is_skipped_and_counts_three_bytes() {
    // Spans are offsets in WTF-8, where a surrogate takes three bytes, as its stand-in does.
    let tokens = unit_tokens(&with_surrogates("// @\n1 /* @ */ 2", &[0xD800, 0xDC00]));
    let spans: Vec<_> = tokens.iter().flatten().map(|(_, span)| *span).collect();
    assert_eq!(spans, [(7, 8), (19, 20)]);
}

#[test]
fn a_lone_surrogate_outside_literals_and_comments_is_an_error() {
    // Not IdentifierStart or IdentifierPart (category Cs), nor white space.
    for (text, span) in [
        ("@", (0, 3)),
        ("a@", (1, 4)),
        ("a @ b", (2, 5)),
        ("1@", (1, 4)),
        ("x = /a/@", (7, 10)),
    ] {
        let error = match unit_tokens(&with_surrogates(text, &[0xD800])) {
            Ok(tokens) => panic!("{text}: lexed, expected an error: {tokens:?}"),
            Err(error) => error,
        };
        assert_eq!(
            (error.span.start, error.span.end),
            span,
            "{text}: {error:?}"
        );
    }
    // The stand-in is such a character for the same reasons (category So).
    assert!(!super::unicode::is_id_start(crate::source::STAND_IN));
    assert!(!super::unicode::is_id_part(crate::source::STAND_IN));
}

// ---------------------------------------------------------------------------------------------
// Errors and robustness

#[test]
fn characters_that_are_no_token() {
    for (source, span) in [
        ("#", (0, 1)),
        ("a @ b", (2, 3)),
        ("a\0b", (1, 2)),
        ("`x`", (0, 1)),
        ("\u{FFFD}", (0, 3)),
        ("\u{1F600}", (0, 4)),
        ("a\u{7F}", (1, 2)),
    ] {
        let error = lex_error(source);
        assert_eq!(error.message, "Invalid or unexpected token", "{source:?}");
        assert_eq!((error.span.start, error.span.end), span, "{source:?}");
    }
}

#[test]
fn lexing_stops_after_an_error() {
    let arena = Bump::new();
    let mut lexer = Lexer::new("a # b", &arena);
    assert!(matches!(lexer.next(), Some(Ok(_))));
    assert!(matches!(lexer.next(), Some(Err(_))));
    assert!(lexer.next().is_none());
    assert!(lexer.next().is_none());
}

#[test]
fn empty_and_blank_input() {
    assert_eq!(lex(""), "");
    assert_eq!(lex(" \t\n\r\n\u{2028} "), "");
    assert_eq!(lex("/* */ // x"), "");
    // A byte order mark at the start is white space.
    assert_eq!(lex("\u{FEFF}a"), "ident:a");
}

#[test]
fn truncated_input_never_panics() {
    let source = "x = /re[/]\\//g; 'a\\x41\\u0041\\101' + \"\\\n\" /* c \n */ 0x1F .5e3 \
                  a\\u0062 é café if (a) {} /r/ // end";
    for end in 0..=source.len() {
        if source.is_char_boundary(end) {
            let _ = tokens_of(&source[..end]);
        }
    }
    assert!(tokens_of(source).is_ok());
}

#[test]
fn random_input_never_panics() {
    // A small deterministic generator over characters that exercise every scanner.
    let alphabet: Vec<char> =
        "ab1 0x9e.+-*/=<>!?:;,(){}[]'\"\\u0041\n\r\t\u{2028}\u{A0}é\u{301}日#@\0\
                              \u{FFFD}\u{1F600}ifunctionreturn"
            .chars()
            .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..3000 {
        let mut source = String::new();
        for _ in 0..(state % 40) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            source.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if let Ok(tokens) = tokens_of(&source) {
            // Tokens are in order, do not overlap and lie within the source.
            let mut previous_end = 0;
            for (_, token) in tokens {
                assert!(token.span.start >= previous_end, "{source:?}");
                assert!(token.span.end > token.span.start, "{source:?}");
                assert!(token.span.end as usize <= source.len(), "{source:?}");
                previous_end = token.span.end;
            }
        }
    }
}

#[test]
fn deep_nesting_and_long_tokens() {
    let depth = 100_000;
    let source = format!("{}{}", "(".repeat(depth), ")".repeat(depth));
    assert_eq!(tokens_of(&source).map(|t| t.len()).ok(), Some(2 * depth));
    let source = format!("{}{}", "{".repeat(depth), "}".repeat(depth));
    assert_eq!(tokens_of(&source).map(|t| t.len()).ok(), Some(2 * depth));
    // A closing bracket with nothing open is the parser's problem, not a panic.
    assert_eq!(lex(") } ] / 2"), ") } ] / num:2");

    let long = "x".repeat(1 << 20);
    assert_eq!(spans(&format!("'{long}'")), [(0, (1 << 20) + 2)]);
    assert_eq!(
        spans(&format!("/*{long}*/ {long}")),
        [((1 << 20) + 5, (2 << 20) + 5)]
    );
    assert_eq!(spans(&format!("/{long}/")), [(0, (1 << 20) + 2)]);
}
