//! Text → number: ToNumber on strings (ES5.1 9.3.1), `parseInt` (15.1.2.2) and `parseFloat`
//! (15.1.2.3).
//!
//! All three read a decimal literal the same way but differ in how much of the string must
//! match: ToNumber wants the whole string (minus surrounding white space) to be a
//! StringNumericLiteral, else NaN; `parseFloat` takes the longest prefix that is a
//! StrDecimalLiteral; `parseInt` takes the longest run of digits. The grammar is checked here;
//! the digits are then converted with correct rounding.

use super::bigint::BigUint;

/// Whether `c` is a StrWhiteSpaceChar (ES5.1 9.3.1): a WhiteSpace (7.2) or a LineTerminator
/// (7.3). These are what ToNumber trims from both ends of a string, `parseInt`/`parseFloat`
/// skip at the start, and `String.prototype.trim` (15.5.4.20) removes.
///
/// WhiteSpace is TAB, VT, FF, SP, NBSP (U+00A0), BOM (U+FEFF) and "any other Unicode 'space
/// separator'" (category Zs); LineTerminator is LF, CR, LS (U+2028) and PS (U+2029).
/// U+180E MONGOLIAN VOWEL SEPARATOR was a Zs character until Unicode 6.3 and is not one now;
/// it is excluded, as current engines and test suites do.
pub fn is_str_whitespace(c: u16) -> bool {
    matches!(
        c,
        // WhiteSpace: TAB, VT, FF, SP, NBSP, BOM.
        0x09 | 0x0B | 0x0C | 0x20 | 0xA0 | 0xFEFF
        // The rest of category Zs.
        | 0x1680 | 0x2000
            ..=0x200A | 0x202F | 0x205F | 0x3000
        // LineTerminator: LF, CR, LS, PS.
        | 0x0A | 0x0D | 0x2028 | 0x2029
    )
}

/// `s` without StrWhiteSpaceChars at the start.
fn trim_start(s: &[u16]) -> &[u16] {
    let start = s
        .iter()
        .position(|&c| !is_str_whitespace(c))
        .unwrap_or(s.len());
    &s[start..]
}

/// `s` without StrWhiteSpaceChars at either end.
fn trim(s: &[u16]) -> &[u16] {
    let s = trim_start(s);
    let end = s
        .iter()
        .rposition(|&c| !is_str_whitespace(c))
        .map_or(0, |i| i + 1);
    &s[..end]
}

/// The value of `c` as a digit in base `radix` (2..=36): `0`–`9`, then `a`/`A` = 10 up to
/// `z`/`Z` = 35; None if it is not a digit of that radix.
fn digit_value(c: u16, radix: u32) -> Option<u32> {
    char::from_u32(u32::from(c)).and_then(|c| c.to_digit(radix))
}

fn is_decimal_digit(c: u16) -> bool {
    (u16::from(b'0')..=u16::from(b'9')).contains(&c)
}

/// The code units of "Infinity".
const INFINITY: [u16; 8] = [73, 110, 102, 105, 110, 105, 116, 121];

/// The parts of a StrDecimalLiteral found at the start of a string.
#[derive(Debug, PartialEq, Eq)]
struct DecimalLiteral<'a> {
    /// How many code units the literal covers.
    len: usize,
    negative: bool,
    kind: LiteralKind<'a>,
}

#[derive(Debug, PartialEq, Eq)]
enum LiteralKind<'a> {
    Infinity,
    /// DecimalDigits, the optional fraction's DecimalDigits, and the exponent's optional sign
    /// and DecimalDigits (all possibly empty).
    Finite {
        int: &'a [u16],
        frac: &'a [u16],
        exp: &'a [u16],
    },
}

/// Matches the longest prefix of `s` that is a StrDecimalLiteral (ES5.1 9.3.1):
///
/// ```text
/// StrDecimalLiteral ::: StrUnsignedDecimalLiteral
///                     | + StrUnsignedDecimalLiteral
///                     | - StrUnsignedDecimalLiteral
/// StrUnsignedDecimalLiteral ::: Infinity
///                             | DecimalDigits . DecimalDigits(opt) ExponentPart(opt)
///                             | . DecimalDigits ExponentPart(opt)
///                             | DecimalDigits ExponentPart(opt)
/// ExponentPart ::: ExponentIndicator SignedInteger      (ExponentIndicator is e or E)
/// SignedInteger ::: DecimalDigits | + DecimalDigits | - DecimalDigits
/// ```
///
/// So `5.` and `.5` are literals but `.` is not, and an `e` without digits after it is not part
/// of the literal (the longest match of `1e+` is `1`).
fn match_decimal_literal(s: &[u16]) -> Option<DecimalLiteral<'_>> {
    let mut i = 0;
    let mut negative = false;
    if let Some(&c) = s.first() {
        if c == u16::from(b'+') || c == u16::from(b'-') {
            negative = c == u16::from(b'-');
            i = 1;
        }
    }
    if s[i..].starts_with(&INFINITY) {
        return Some(DecimalLiteral {
            len: i + INFINITY.len(),
            negative,
            kind: LiteralKind::Infinity,
        });
    }
    let digits_from = |start: usize| {
        start
            + s[start..]
                .iter()
                .take_while(|&&c| is_decimal_digit(c))
                .count()
    };

    let int_end = digits_from(i);
    let int = &s[i..int_end];
    let mut end = int_end;
    let mut frac: &[u16] = &[];
    if s.get(end) == Some(&u16::from(b'.')) {
        let frac_end = digits_from(end + 1);
        frac = &s[end + 1..frac_end];
        // "5." is fine (the point is part of the literal); a lone "." is not.
        if !int.is_empty() || !frac.is_empty() {
            end = frac_end;
        }
    }
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut exp: &[u16] = &[];
    if matches!(s.get(end), Some(&c) if c == u16::from(b'e') || c == u16::from(b'E')) {
        let mut j = end + 1;
        if matches!(s.get(j), Some(&c) if c == u16::from(b'+') || c == u16::from(b'-')) {
            j += 1;
        }
        let exp_end = digits_from(j);
        // Only an exponent with digits belongs to the literal.
        if exp_end > j {
            exp = &s[end + 1..exp_end];
            end = exp_end;
        }
    }
    Some(DecimalLiteral {
        len: end,
        negative,
        kind: LiteralKind::Finite { int, frac, exp },
    })
}

impl DecimalLiteral<'_> {
    /// The Number value for the literal's MV (mathematical value), correctly rounded.
    ///
    /// 9.3.1 allows an implementation to ignore digits past the 20th significant one; this
    /// rounds the exact value instead, which always satisfies that rule. "If the MV is 0, then
    /// the rounded value is +0 unless the first non white space character in the String
    /// numeric literal is '-', in which case the rounded value is −0."
    fn value(&self) -> f64 {
        let magnitude = match self.kind {
            LiteralKind::Infinity => f64::INFINITY,
            LiteralKind::Finite { int, frac, exp } => {
                // The grammar is already checked; rebuild it as ASCII in a form Rust's parser
                // is sure to accept ("0.5e-3" rather than ".5e-3") and let it round correctly.
                let mut text = String::with_capacity(int.len() + frac.len() + exp.len() + 4);
                let ascii = |c: &u16| char::from(*c as u8);
                if int.is_empty() {
                    text.push('0');
                }
                text.extend(int.iter().map(ascii));
                if !frac.is_empty() {
                    text.push('.');
                    text.extend(frac.iter().map(ascii));
                }
                if !exp.is_empty() {
                    text.push('e');
                    text.extend(exp.iter().map(ascii));
                }
                text.parse::<f64>().unwrap_or(f64::NAN)
            }
        };
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }
}

/// The integer that `digits` (all valid in `radix`) spell, rounded once to the nearest double.
///
/// Radix 10 goes through Rust's correctly rounding parser. Other radixes are accumulated
/// exactly in a big integer (digit by digit: n = n × radix + d); once the value has more bits
/// than any finite double it can only grow, so the answer is then Infinity without reading on.
fn digits_to_f64(digits: &[u16], radix: u32) -> f64 {
    if radix == 10 {
        let text: String = digits.iter().map(|&c| char::from(c as u8)).collect();
        return text.parse::<f64>().unwrap_or(f64::NAN);
    }
    let mut n = BigUint::from_u64(0);
    for &c in digits {
        let Some(d) = digit_value(c, radix) else {
            return f64::NAN;
        };
        n.mul_add_small(radix, d);
        if n.bit_len() > 1100 {
            return f64::INFINITY;
        }
    }
    n.to_f64()
}

/// ES5.1 9.3.1 ToNumber applied to the String type: the number `Number(s)` gives, NaN if `s`
/// is not a StringNumericLiteral.
///
/// ```text
/// StringNumericLiteral ::: StrWhiteSpace(opt)
///                        | StrWhiteSpace(opt) StrNumericLiteral StrWhiteSpace(opt)
/// StrNumericLiteral ::: StrDecimalLiteral | HexIntegerLiteral
/// HexIntegerLiteral ::: 0x HexDigit | 0X HexDigit | HexIntegerLiteral HexDigit
/// ```
///
/// So: white space (see [`is_str_whitespace`]) is ignored at both ends, and an empty or
/// all-white-space string is 0. A sign is allowed on decimals (`"-1.5e3"`, `"+.5"`,
/// `"-Infinity"`) but not on hex (`"-0x10"` is NaN). There is no octal: `"010"` is 10.
/// Anything else is NaN: `"1e"`, `"0x"`, `"1_000"`, `"Inf"`, `"infinity"`, `"1 2"`.
///
/// "The MV of StringNumericLiteral ::: StrWhiteSpace is 0." The value is the MV rounded to the
/// nearest double, and −0 for a literal that starts with `-` and has MV 0 (`"-0"`).
pub fn string_to_number(s: &[u16]) -> f64 {
    let s = trim(s);
    if s.is_empty() {
        return 0.0;
    }
    // HexIntegerLiteral: "0x"/"0X" and at least one hex digit, nothing else.
    if s.len() > 2
        && s[0] == u16::from(b'0')
        && (s[1] == u16::from(b'x') || s[1] == u16::from(b'X'))
    {
        let digits = &s[2..];
        if digits.iter().all(|&c| digit_value(c, 16).is_some()) {
            return digits_to_f64(digits, 16);
        }
        return f64::NAN;
    }
    // StrDecimalLiteral, which must cover the whole (trimmed) string.
    match match_decimal_literal(s) {
        Some(literal) if literal.len == s.len() => literal.value(),
        _ => f64::NAN,
    }
}

/// ES5.1 15.1.2.2 `parseInt(string, radix)`: the integer at the start of `s`, read in base
/// `radix`.
///
/// `radix` is the result of ToInt32 on the radix argument, or None when it was absent or
/// undefined (which ToInt32 would make 0 anyway). The spec's steps, from step 2 on:
///
/// 2. Let S be a newly created substring of inputString consisting of the first character that
///    is not a StrWhiteSpaceChar and all characters following that character.
/// 3. Let sign be 1.
/// 4. If S is not empty and the first character of S is a minus sign -, let sign be −1.
/// 5. If S is not empty and the first character of S is a plus sign + or a minus sign -, then
///    remove the first character from S.
/// 6. Let R = ToInt32(radix).
/// 7. Let stripPrefix be true.
/// 8. If R ≠ 0, then
///    a. If R < 2 or R > 36, then return NaN.
///    b. If R ≠ 16, let stripPrefix be false.
/// 9. Else, R = 0: let R = 10.
/// 10. If stripPrefix is true, then if the length of S is at least 2 and the first two
///     characters of S are either "0x" or "0X", then remove the first two characters from S and
///     let R = 16.
/// 11. If S contains any character that is not a radix-R digit, then let Z be the substring of
///     S consisting of all characters before the first such character; otherwise, let Z be S.
/// 12. If Z is empty, return NaN.
/// 13. Let mathInt be the mathematical integer value that is represented by Z in radix-R
///     notation, using the letters A-Z and a-z for digits with values 10 through 35. (However,
///     if R is 10 and Z contains more than 20 significant digits, every significant digit after
///     the 20th may be replaced by a 0 digit, at the option of the implementation; and if R is
///     not 2, 4, 8, 10, 16, or 32, then mathInt may be an implementation-dependent
///     approximation to the mathematical integer value that is represented by Z in radix-R
///     notation.)
/// 14. Let number be the Number value for mathInt.
/// 15. Return sign × number.
///
/// This computes mathInt exactly for every radix and rounds it once, so no approximation is
/// taken. Note that `parseInt("-0")` is −0 (sign × +0), and that a sign may precede the hex
/// prefix here (`parseInt("-0x10")` is −16) though not in `Number("-0x10")`.
pub fn parse_int(s: &[u16], radix: Option<i32>) -> f64 {
    // Step 2.
    let mut s = trim_start(s);
    // Steps 3–5.
    let mut sign = 1.0;
    if let Some(&c) = s.first() {
        if c == u16::from(b'-') {
            sign = -1.0;
        }
        if c == u16::from(b'+') || c == u16::from(b'-') {
            s = &s[1..];
        }
    }
    // Steps 6–9.
    let mut r = radix.unwrap_or(0);
    let mut strip_prefix = true;
    if r != 0 {
        if !(2..=36).contains(&r) {
            return f64::NAN;
        }
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        r = 10;
    }
    // Step 10.
    if strip_prefix
        && s.len() >= 2
        && s[0] == u16::from(b'0')
        && (s[1] == u16::from(b'x') || s[1] == u16::from(b'X'))
    {
        s = &s[2..];
        r = 16;
    }
    let r = r.unsigned_abs();
    // Step 11.
    let z_len = s
        .iter()
        .take_while(|&&c| digit_value(c, r).is_some())
        .count();
    let z = &s[..z_len];
    // Step 12.
    if z.is_empty() {
        return f64::NAN;
    }
    // Steps 13–15.
    sign * digits_to_f64(z, r)
}

/// ES5.1 15.1.2.3 `parseFloat(string)`: the number at the start of `s`.
///
/// 2. Let trimmedString be a substring of inputString consisting of the leftmost character that
///    is not a StrWhiteSpaceChar and all characters to the right of that character.
/// 3. If neither trimmedString nor any prefix of trimmedString satisfies the syntax of a
///    StrDecimalLiteral (see 9.3.1), return NaN.
/// 4. Let numberString be the longest prefix of trimmedString, which might be trimmedString
///    itself, that satisfies the syntax of a StrDecimalLiteral.
/// 5. Return the Number value for the MV of numberString.
///
/// So `"1e"` is 1, `".5x"` is 0.5, `"-.5"` is −0.5, `"-0"` is −0, `"Infinityx"` is Infinity,
/// `"0x10"` is 0 (hex is not a StrDecimalLiteral), and `"x1"`, `"."`, `"e5"` are NaN.
pub fn parse_float(s: &[u16]) -> f64 {
    match match_decimal_literal(trim_start(s)) {
        Some(literal) => literal.value(),
        None => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::super::number::number_to_string;
    use super::super::number::tests::{utf16, Rng};
    use super::*;

    fn num(s: &str) -> f64 {
        string_to_number(&utf16(s))
    }

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[track_caller]
    fn check(f: impl Fn(&str) -> f64, cases: &[(&str, f64)]) {
        for &(input, want) in cases {
            let got = f(input);
            assert!(same(got, want), "{input:?}: got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn whitespace_set() {
        for c in [
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x2028,
            0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
        ] {
            assert!(is_str_whitespace(c), "{c:#x}");
        }
        for c in [
            0x00, 0x08, 0x0E, 0x1F, 0x41, 0x85, 0x180E, 0x200B, 0x2027, 0x2030, 0xFFFE,
        ] {
            assert!(!is_str_whitespace(c), "{c:#x}");
        }
    }

    #[test]
    fn to_number_of_strings() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        check(
            num,
            &[
                ("", 0.0),
                ("   ", 0.0),
                (
                    "\t\n\u{b}\u{c}\r \u{a0}\u{feff}\u{2028}\u{2029}\u{3000}\u{1680}",
                    0.0,
                ),
                ("0", 0.0),
                ("-0", -0.0),
                ("+0", 0.0),
                ("-0.0e5", -0.0),
                ("42", 42.0),
                ("  42  ", 42.0),
                ("\u{2003}42\u{2029}", 42.0),
                ("+42", 42.0),
                ("-42", -42.0),
                ("1.5", 1.5),
                (".5", 0.5),
                ("5.", 5.0),
                ("-.5", -0.5),
                ("+.5e1", 5.0),
                ("1e3", 1000.0),
                ("1E3", 1000.0),
                ("1e+3", 1000.0),
                ("1e-3", 0.001),
                ("1.e2", 100.0),
                ("010", 10.0),
                ("00.5", 0.5),
                ("0.1", 0.1),
                ("Infinity", inf),
                ("+Infinity", inf),
                ("-Infinity", -inf),
                ("  -Infinity\n", -inf),
                ("1e400", inf),
                ("-1e400", -inf),
                ("1e-400", 0.0),
                ("-1e-400", -0.0),
                ("1e99999999999999999999", inf),
                ("0e99999999999999999999", 0.0),
                ("4.9406564584124654e-324", 5e-324),
                ("2.4703282292062328e-324", 5e-324), // just above half the smallest subnormal
                ("2.4703282292062327e-324", 0.0),    // just below it
                ("1.7976931348623157e308", f64::MAX),
                ("1.7976931348623158e308", f64::MAX),
                ("1.7976931348623159e308", inf),
                ("9007199254740993", 9007199254740992.0), // tie → even
                ("9007199254740995", 9007199254740996.0),
                (
                    "9007199254740993.0000000000000000000001",
                    9007199254740994.0,
                ),
                ("0x1F", 31.0),
                ("0X1f", 31.0),
                ("0xABCDEF", 11259375.0),
                (" 0x10 ", 16.0),
                ("0x0", 0.0),
                ("0x1fffffffffffff", 9007199254740991.0),
                ("0x20000000000001", 9007199254740992.0), // 2^53 + 1: tie → even
                ("0x20000000000003", 9007199254740996.0), // 2^53 + 3: tie → even (up)
                (
                    "0x20000000000001000000001",
                    9007199254740994.0 * 2f64.powi(36),
                ),
                // Errors.
                ("-0x10", nan),
                ("+0x10", nan),
                ("0x", nan),
                ("0xg", nan),
                ("0x1g", nan),
                ("0b11", nan),
                ("0o7", nan),
                ("1e", nan),
                ("1e+", nan),
                ("e1", nan),
                (".", nan),
                ("+", nan),
                ("-", nan),
                (".e1", nan),
                ("1_000", nan),
                ("1,000", nan),
                ("Inf", nan),
                ("infinity", nan),
                ("INFINITY", nan),
                ("+-1", nan),
                ("--1", nan),
                ("1 2", nan),
                ("12abc", nan),
                ("abc", nan),
                ("NaN", nan),
                ("Infinityx", nan),
                ("1.2.3", nan),
                ("\u{180e}1", nan),
                ("1\u{0}", nan),
                ("١", nan),  // ARABIC-INDIC DIGIT ONE is not a decimal digit here
                ("１", nan), // nor is FULLWIDTH DIGIT ONE
            ],
        );
        // 0x followed by a thousand hex digits: past the largest double.
        assert_eq!(num(&format!("0x{}", "f".repeat(1000))), inf);
        assert_eq!(num(&format!("0x{}", "f".repeat(256))), inf); // 2^1024 − 1 rounds up
        assert_eq!(num(&format!("0x{}", "f".repeat(255))), 2f64.powi(1020));
        // Long decimal strings are still correctly rounded.
        assert_eq!(num(&format!("0.{}1", "0".repeat(400))), 0.0);
        assert_eq!(
            num(&format!("{}e-400", "1".repeat(401))),
            1.1111111111111112
        );
    }

    #[test]
    fn to_number_inverts_to_string() {
        // ToNumber(ToString(x)) === x for every double: the shortest digits are enough.
        let mut rng = Rng(0xABCD_1234);
        for _ in 0..3000 {
            let x = rng.finite_f64();
            let text = number_to_string(x);
            let back = string_to_number(&utf16(&text));
            assert!(
                same(back, x) || (x == 0.0 && back == 0.0),
                "{x:e} → {text} → {back:e}"
            );
        }
    }

    #[test]
    fn parse_int_cases() {
        let nan = f64::NAN;
        let pi = |s: &str| parse_int(&utf16(s), None);
        check(
            pi,
            &[
                ("0", 0.0),
                ("-0", -0.0),
                ("123", 123.0),
                ("  123abc", 123.0),
                ("\u{feff}\u{a0}\n42", 42.0),
                ("+7", 7.0),
                ("-7.9", -7.0),
                ("1e3", 1.0),
                ("010", 10.0),
                ("0x1F", 31.0),
                ("0X1fz", 31.0),
                ("-0x10", -16.0),
                ("+0xff", 255.0),
                ("0x", nan),
                ("0xg", nan),
                ("", nan),
                ("   ", nan),
                ("-", nan),
                ("+-1", nan),
                ("abc", nan),
                (".5", nan),
                ("Infinity", nan),
                ("- 1", nan),
                ("9007199254740993", 9007199254740992.0),
                ("9007199254740995", 9007199254740996.0),
                ("123456789012345678901234567890", 1.2345678901234568e29),
                // Correctly rounded, though the spec would allow zeroing digits past the 20th.
                (
                    "100000000000000000000000000000000000000000000000000000000000000000000001",
                    1e71,
                ),
            ],
        );
        assert_eq!(pi(&"9".repeat(400)), f64::INFINITY);

        let pr = |s: &str, r: i32| parse_int(&utf16(s), Some(r));
        let cases: &[(&str, i32, f64)] = &[
            ("ff", 16, 255.0),
            ("0xff", 16, 255.0),
            ("0xff", 0, 255.0),
            ("0xff", 10, 0.0),
            ("0xff", 15, 0.0),
            ("0xff", 36, 43323.0), // "0xff" is itself a valid base-36 number
            ("11", 2, 3.0),
            ("12", 2, 1.0),
            ("2", 2, nan),
            ("z", 36, 35.0),
            ("Z", 36, 35.0),
            ("-73", 36, -255.0),
            ("10", 37, nan),
            ("10", 1, nan),
            ("10", -1, nan),
            ("10", 0, 10.0),
            ("777", 8, 511.0),
            ("089", 8, 0.0),
            ("zz", 35, nan),
            ("1010", 4, 68.0),
            (
                "11111111111111111111111111111111111111111111111111111",
                2,
                9007199254740991.0,
            ),
            // 2^53 + 1 and 2^53 + 3 in binary: exact reading, ties to even.
            (
                "100000000000000000000000000000000000000000000000000001",
                2,
                9007199254740992.0,
            ),
            (
                "100000000000000000000000000000000000000000000000000011",
                2,
                9007199254740996.0,
            ),
            ("vvvvvvvvvvvv", 32, 1152921504606846975.0),
            // Base 36, 20 digits: exact integer rounded once (V8 gives the same).
            ("zzzzzzzzzzzzzzzzzzzz", 36, 1.3367494538843734e31),
        ];
        for &(s, r, want) in cases {
            let got = pr(s, r);
            assert!(
                same(got, want),
                "parseInt({s:?}, {r}): got {got:?}, want {want:?}"
            );
        }
        assert_eq!(pr(&"z".repeat(300), 36), f64::INFINITY);

        // Against exact u64 parsing for random values in random radixes.
        let mut rng = Rng(77);
        for _ in 0..1000 {
            let v = rng.next_u64() >> (rng.next_u64() % 64);
            let radix = 2 + (rng.next_u64() % 35) as u32;
            let text = radix_string(v, radix);
            assert_eq!(
                pr(&text, radix as i32),
                v as f64,
                "parseInt({text:?}, {radix})"
            );
        }
    }

    fn radix_string(mut v: u64, radix: u32) -> String {
        let mut out = Vec::new();
        loop {
            out.push(char::from_digit((v % u64::from(radix)) as u32, radix).unwrap_or('?'));
            v /= u64::from(radix);
            if v == 0 {
                break;
            }
        }
        out.iter().rev().collect()
    }

    #[test]
    fn parse_float_cases() {
        let nan = f64::NAN;
        let pf = |s: &str| parse_float(&utf16(s));
        check(
            pf,
            &[
                ("1e", 1.0),
                ("1e+", 1.0),
                ("1e-x", 1.0),
                ("1e5x", 1e5),
                (".5x", 0.5),
                ("-.5", -0.5),
                ("-0", -0.0),
                ("+0", 0.0),
                ("0.0", 0.0),
                ("-0.0e7", -0.0),
                ("3.25abc", 3.25),
                ("  \n2.5", 2.5),
                ("5.", 5.0),
                ("5.e", 5.0),
                ("5..5", 5.0),
                ("1.2.3", 1.2),
                ("0x10", 0.0),
                ("010", 10.0),
                ("Infinity", f64::INFINITY),
                ("Infinityx", f64::INFINITY),
                ("-Infinity", f64::NEG_INFINITY),
                ("+Infinity1", f64::INFINITY),
                ("1e1000", f64::INFINITY),
                ("Infinit", nan),
                ("infinity", nan),
                ("", nan),
                ("   ", nan),
                (".", nan),
                ("-.", nan),
                ("+", nan),
                ("e5", nan),
                (".e5", nan),
                ("x1", nan),
                ("--1", nan),
                ("1 2", 1.0),
                ("12 ", 12.0),
            ],
        );
    }

    #[test]
    fn literal_matching() {
        let m = |s: &str| match_decimal_literal(&utf16(s)).map(|l| l.len);
        assert_eq!(m("123"), Some(3));
        assert_eq!(m("-1.5e-3xyz"), Some(7));
        assert_eq!(m("1.e5"), Some(4));
        assert_eq!(m("1.e"), Some(2));
        assert_eq!(m("-Infinity!"), Some(9));
        assert_eq!(m("."), None);
        assert_eq!(m("+"), None);
        assert_eq!(m(""), None);
    }
}
