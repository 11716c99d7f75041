//! `Number.prototype.toFixed`, `toExponential` and `toPrecision` (ES5.1 15.7.4.5–15.7.4.7).
//!
//! All three ask for "an integer n for which n / 10^f − x is as close to zero as possible" (or
//! the like): rounding of the *exact* value of the double, not of its shortest printed form.
//! That is why `(1.005).toFixed(2)` is `"1.00"`: the double nearest 1.005 is
//! 1.00499999999999989341858963598497211933135986328125. So these functions first write out
//! the double's exact decimal expansion (see [`ExactDecimal`]) and then round that, ties away
//! from zero ("if there are two such n, pick the larger n").

use super::bigint::BigUint;
use super::number::{decompose, number_to_string, shortest_digits};

/// The largest digit count these functions honour; larger requests are clamped to it.
///
/// ES5.1 allows 0..=20 fraction digits (1..=21 for `toPrecision`); ES2018 raised the limits to
/// 100, so accepting up to 100 lets a later edition's range check be used unchanged. The clamp
/// only keeps an unchecked caller from asking for a string billions of digits long.
pub const MAX_DIGITS: u32 = 100;

/// The exact decimal value of a finite, nonzero double's magnitude: `0.d1d2d3… × 10^point`.
///
/// `digits` holds the values 0..=9, most significant first, without leading or trailing zeros.
/// For example 123.45 (exactly 123.4500000000000028421709430404007434844970703125) has
/// `point = 3`, and 0.001 has `point = -2`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ExactDecimal {
    digits: Vec<u8>,
    point: i32,
}

impl ExactDecimal {
    /// Expands `|x|` exactly. `x` must be finite and nonzero.
    ///
    /// With `x = m × 2^e`: for e ≥ 0 the value is the integer `m × 2^e`; for e < 0 it is
    /// `m / 2^-e = m × 5^-e / 10^-e`, the integer `m × 5^-e` with the decimal point moved `-e`
    /// places left. Either way one big integer, printed in decimal, holds every digit.
    fn new(x: f64) -> ExactDecimal {
        let (m, e) = decompose(x);
        let mut n = BigUint::from_u64(m);
        let mut point_shift = 0;
        if e >= 0 {
            n.shl(e.unsigned_abs());
        } else {
            n.mul_pow5(e.unsigned_abs());
            point_shift = e;
        }
        let mut digits = n.to_radix_digits(10);
        let point = digits.len() as i32 + point_shift;
        while digits.last() == Some(&0) {
            digits.pop();
        }
        ExactDecimal { digits, point }
    }

    /// The digit at position `i` (0 = most significant), with the implied zeros past the end.
    fn digit(&self, i: i32) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.digits.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The first `count` digits (count ≥ 1), rounded half away from zero at that position:
    /// returns exactly `count` digits and the exponent e of the result written as
    /// `d.ddd × 10^e`. Rounding up can carry all the way (9.96 to two digits is 10 → `1.0e1`),
    /// which bumps e.
    fn round_significant(&self, count: u32) -> (Vec<u8>, i32) {
        let count = count as i32;
        let mut kept: Vec<u8> = (0..count).map(|i| self.digit(i)).collect();
        let mut e = self.point - 1;
        // Ties go up: the exact value has no hidden digits, so "next digit ≥ 5" means the
        // discarded part is at least half a unit, and exactly half only if nothing follows.
        if self.digit(count) >= 5 && increment(&mut kept) {
            // Overflowed 99…9 → 100…0: keep `count` digits, one order of magnitude up.
            kept.insert(0, 1);
            kept.pop();
            e += 1;
        }
        (kept, e)
    }
}

/// Adds one to the decimal digit string in place; returns true when it overflows (all nines),
/// leaving all zeros behind.
fn increment(digits: &mut [u8]) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return false;
        }
    }
    true
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&d| char::from(b'0' + d)));
}

/// ES5.1 15.7.4.5 `Number.prototype.toFixed(fractionDigits)`: `x` in fixed-point notation with
/// `digits` digits after the decimal point.
///
/// ES5.1 accepts `digits` in 0..=20 and throws a RangeError otherwise, *before* looking at x;
/// that check (and ToInteger of the argument) is the caller's job. Values above
/// [`MAX_DIGITS`] are clamped.
///
/// The spec's steps, from step 3 on (steps 1–2 are the caller's):
///
/// 3. If x is NaN, return the String `"NaN"`.
/// 4. Let s be the empty String.
/// 5. If x < 0, then let s be `"-"` and let x = −x.
///    (So −0 is not negative here: `(-0).toFixed(2)` is `"0.00"`, but a negative number that
///    rounds to zero keeps its sign: `(-0.001).toFixed(2)` is `"-0.00"`.)
/// 6. If x ≥ 10^21, let m = ToString(x) (`(1e21).toFixed(2)` is `"1e+21"`; this also covers
///    Infinity).
/// 7. Else,
///    - a. Let n be an integer for which the exact mathematical value of n ÷ 10^f – x is as
///      close to zero as possible. If there are two such n, pick the larger n.
///    - b. If n = 0, let m be the String `"0"`. Otherwise, let m be the String consisting of the
///      digits of the decimal representation of n (in order, with no leading zeroes).
///    - c. If f ≠ 0, then
///      - i. Let k be the number of characters in m.
///      - ii. If k ≤ f, then let z be the String consisting of f+1–k occurrences of `0`, let m
///        be the concatenation of z and m, and let k = f + 1.
///      - iii. Let a be the first k–f characters of m, and let b be the remaining f characters.
///      - iv. Let m be the concatenation of the three Strings a, `"."`, and b.
/// 8. Return the concatenation of the Strings s and m.
pub fn to_fixed(x: f64, digits: u32) -> String {
    let f = digits.min(MAX_DIGITS) as i32;
    // Step 3.
    if x.is_nan() {
        return "NaN".to_owned();
    }
    // Steps 4–5.
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    let x = x.abs();
    // Step 6.
    if x >= 1e21 {
        s.push_str(&number_to_string(x));
        return s;
    }
    // Step 7a: n = round(x × 10^f), ties up. With x = 0.d1d2… × 10^point, x × 10^f has
    // `point + f` digits before its decimal point.
    let n: Vec<u8> = if x == 0.0 {
        vec![0]
    } else {
        let exact = ExactDecimal::new(x);
        let int_len = exact.point + f;
        if int_len < 0 {
            // x × 10^f < 0.1, which rounds to 0.
            vec![0]
        } else if int_len == 0 {
            // x × 10^f = 0.d1d2…: rounds to 1 if d1 ≥ 5.
            vec![u8::from(exact.digit(0) >= 5)]
        } else {
            let mut n: Vec<u8> = (0..int_len).map(|i| exact.digit(i)).collect();
            if exact.digit(int_len) >= 5 && increment(&mut n) {
                n.insert(0, 1);
            }
            n
        }
    };
    // Step 7b–c: lay out n with f digits after the point, padding with leading zeros.
    let f = f as usize;
    let mut m = String::new();
    if f == 0 {
        push_digits(&mut m, &n);
    } else {
        let k = n.len();
        let padded: Vec<u8> = if k <= f {
            std::iter::repeat_n(0, f + 1 - k).chain(n).collect()
        } else {
            n
        };
        let (a, b) = padded.split_at(padded.len() - f);
        push_digits(&mut m, a);
        m.push('.');
        push_digits(&mut m, b);
    }
    // Step 8.
    s.push_str(&m);
    s
}

/// Appends `e+N` / `e-N`, the exponent suffix shared by `toExponential` and `toPrecision`.
fn push_exponent(out: &mut String, e: i32) {
    out.push('e');
    out.push(if e < 0 { '-' } else { '+' });
    out.push_str(&e.unsigned_abs().to_string());
}

/// ES5.1 15.7.4.6 `Number.prototype.toExponential(fractionDigits)`: `x` as `d.ddde±n` with
/// `digits` digits after the point, or with `None` (fractionDigits undefined) as many digits as
/// it takes to identify x uniquely (the digits of ToString).
///
/// ES5.1 accepts `Some(0..=20)`; its RangeError comes *after* the NaN and Infinity checks
/// (`(Infinity).toExponential(99)` is `"Infinity"`), so a caller checks the range only for
/// finite x. Values above [`MAX_DIGITS`] are clamped.
///
/// The spec's steps, from step 3 on:
///
/// 3. If x is NaN, return the String `"NaN"`.
/// 4. Let s be the empty String.
/// 5. If x < 0, then let s be `"-"` and let x = –x.
/// 6. If x = +∞, then return the concatenation of the Strings s and `"Infinity"`.
/// 7. If fractionDigits is not undefined and (f < 0 or f > 20), throw a RangeError exception.
/// 8. If x = 0, then let f = 0 if fractionDigits is undefined, let m be the String consisting
///    of f+1 occurrences of `0`, and let e = 0.
/// 9. Else, x ≠ 0
///    - a. If fractionDigits is not undefined, then let e and n be integers such that
///      10^f ≤ n < 10^(f+1) and for which the exact mathematical value of n × 10^(e–f) – x is
///      as close to zero as possible. If there are two such sets of e and n, pick the e and n
///      for which n × 10^(e–f) is larger.
///    - b. Else, let e, n, and f be integers such that f ≥ 0, 10^f ≤ n < 10^(f+1), the number
///      value for n × 10^(e–f) is x, and f is as small as possible. Note that the decimal
///      representation of n has f+1 digits, n is not divisible by 10, and the least
///      significant digit of n is not necessarily uniquely determined by these criteria.
///    - c. Let m be the String consisting of the digits of the decimal representation of n.
/// 10. If f ≠ 0, then let a be the first character of m, let b be the remaining f characters
///     of m, and let m be the concatenation of the three Strings a, `"."`, and b.
/// 11. If e = 0, then let c = `"+"` and d = `"0"`.
/// 12. Else, if e > 0, let c = `"+"`; else let c = `"-"` and e = –e. Let d be the String
///     consisting of the digits of the decimal representation of e.
/// 13. Let m be the concatenation of the four Strings m, `"e"`, c, and d.
/// 14. Return the concatenation of the Strings s and m.
pub fn to_exponential(x: f64, digits: Option<u32>) -> String {
    // Step 3.
    if x.is_nan() {
        return "NaN".to_owned();
    }
    // Steps 4–5.
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    let x = x.abs();
    // Step 6.
    if x == f64::INFINITY {
        s.push_str("Infinity");
        return s;
    }
    // Steps 8–9: the digits of n (f + 1 of them) and the exponent e.
    let (n, e) = if x == 0.0 {
        let f = digits.unwrap_or(0).min(MAX_DIGITS);
        (vec![0; f as usize + 1], 0)
    } else {
        match digits {
            // 9a: round the exact value to f + 1 significant digits.
            Some(f) => ExactDecimal::new(x).round_significant(f.min(MAX_DIGITS) + 1),
            // 9b: the shortest digits that identify x, as ToString finds them.
            None => {
                let (n, point) = shortest_digits(x);
                (n, point - 1)
            }
        }
    };
    // Step 10: a "." after the first digit, unless that is the only one.
    let mut m = String::new();
    push_digits(&mut m, &n[..1]);
    if n.len() > 1 {
        m.push('.');
        push_digits(&mut m, &n[1..]);
    }
    // Steps 11–14.
    push_exponent(&mut m, e);
    s.push_str(&m);
    s
}

/// ES5.1 15.7.4.7 `Number.prototype.toPrecision(precision)`: `x` with `precision` significant
/// digits, in fixed notation when the exponent is modest and exponential notation otherwise.
///
/// When precision is undefined the spec returns ToString(x) (step 2): that case is the
/// caller's, via [`number_to_string`]. ES5.1 accepts 1..=21 and throws a RangeError otherwise,
/// after the NaN and Infinity checks. Values above [`MAX_DIGITS`] are clamped, and 0 is treated
/// as 1.
///
/// The spec's steps, from step 4 on:
///
/// 4. If x is NaN, return the String `"NaN"`.
/// 5. Let s be the empty String.
/// 6. If x < 0, then let s be `"-"` and let x = –x.
/// 7. If x = +∞, then return the concatenation of the Strings s and `"Infinity"`.
/// 8. If p < 1 or p > 21, throw a RangeError exception.
/// 9. If x = 0, then let m be the String consisting of p occurrences of `0`, and let e = 0.
/// 10. Else x ≠ 0,
///     - a. Let e and n be integers such that 10^(p–1) ≤ n < 10^p and for which the exact
///       mathematical value of n × 10^(e–p+1) – x is as close to zero as possible. If there
///       are two such sets of e and n, pick the e and n for which n × 10^(e–p+1) is larger.
///     - b. Let m be the String consisting of the digits of the decimal representation of n.
///     - c. If e < –6 or e ≥ p, then
///       - i. Let a be the first character of m, and let b be the remaining p–1 characters.
///       - ii. Let m be the concatenation of the three Strings a, `"."`, and b.
///       - iii–v. Let c be `"+"` if e > 0, else `"-"` with e = –e; let d be the digits of e.
///       - vi. Return the concatenation of the five Strings s, m, `"e"`, c, and d.
/// 11. If e = p–1, then return the concatenation of the Strings s and m.
/// 12. If e ≥ 0, then let m be the concatenation of the first e+1 characters of m, `"."`, and
///     the remaining p–(e+1) characters of m.
/// 13. Else e < 0, let m be the concatenation of the String `"0."`, –(e+1) occurrences of `0`,
///     and the String m.
/// 14. Return the concatenation of the Strings s and m.
///
/// Step 10.c.ii as written would make `(1e21).toPrecision(1)` `"1.e+21"`; every engine (and
/// ES2015, which adds "if p ≠ 1") omits the point when there is a single digit, as done here.
pub fn to_precision(x: f64, precision: u32) -> String {
    let p = precision.clamp(1, MAX_DIGITS);
    // Step 4.
    if x.is_nan() {
        return "NaN".to_owned();
    }
    // Steps 5–6.
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    let x = x.abs();
    // Step 7.
    if x == f64::INFINITY {
        s.push_str("Infinity");
        return s;
    }
    // Steps 9–10a: p digits and the exponent e.
    let (m, e) = if x == 0.0 {
        (vec![0; p as usize], 0)
    } else {
        ExactDecimal::new(x).round_significant(p)
    };
    let p = p as i32;
    // Step 10c: exponential notation for very small or large exponents.
    if e < -6 || e >= p {
        push_digits(&mut s, &m[..1]);
        if p != 1 {
            s.push('.');
            push_digits(&mut s, &m[1..]);
        }
        push_exponent(&mut s, e);
        return s;
    }
    if e == p - 1 {
        // Step 11: exactly p integer digits, no point.
        push_digits(&mut s, &m);
    } else if e >= 0 {
        // Step 12: e + 1 integer digits, then the rest after the point.
        let (a, b) = m.split_at((e + 1) as usize);
        push_digits(&mut s, a);
        s.push('.');
        push_digits(&mut s, b);
    } else {
        // Step 13: "0." and −(e+1) zeros before the digits.
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', (-(e + 1)) as usize));
        push_digits(&mut s, &m);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::number::tests::Rng;
    use super::*;

    fn exact(x: f64) -> String {
        let d = ExactDecimal::new(x);
        let digits: String = d.digits.iter().map(|&d| char::from(b'0' + d)).collect();
        format!("0.{digits}e{}", d.point)
    }

    #[test]
    fn exact_decimal_expansion() {
        assert_eq!(exact(1.0), "0.1e1");
        assert_eq!(exact(123.0), "0.123e3");
        assert_eq!(exact(0.5), "0.5e0");
        assert_eq!(
            exact(0.001),
            "0.1000000000000000020816681711721685132943093776702880859375e-2"
        );
        assert_eq!(
            exact(1.005),
            "0.100499999999999989341858963598497211933135986328125e1"
        );
        assert_eq!(exact(1e21), "0.1e22");
        assert_eq!(exact(1e23), "0.99999999999999991611392e23");
        assert_eq!(exact(2f64.powi(-3)), "0.125e0");
        let tiny = ExactDecimal::new(5e-324);
        assert_eq!(tiny.digits.len(), 751);
        assert_eq!(tiny.point, -323);
        assert_eq!(&tiny.digits[..6], &[4, 9, 4, 0, 6, 5]);
        let max = ExactDecimal::new(f64::MAX);
        assert_eq!(max.point, 309);
        assert_eq!(max.digits.len(), 309);
    }

    #[test]
    fn to_fixed_cases() {
        let cases: &[(f64, u32, &str)] = &[
            (f64::NAN, 2, "NaN"),
            (f64::INFINITY, 2, "Infinity"),
            (f64::NEG_INFINITY, 2, "-Infinity"),
            (0.0, 0, "0"),
            (0.0, 2, "0.00"),
            (-0.0, 2, "0.00"),
            (1.005, 2, "1.00"),
            (1.45, 1, "1.4"), // 1.45 is really 1.44999999999999995559…
            (1.25, 1, "1.3"),
            (1.35, 1, "1.4"),
            (0.000001, 7, "0.0000010"),
            (0.000001, 2, "0.00"),
            (-1.5, 0, "-2"),
            (1.5, 0, "2"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (0.5, 0, "1"),
            (0.4, 0, "0"),
            (-0.4, 0, "-0"),
            (-0.001, 2, "-0.00"),
            (0.05, 1, "0.1"),
            (0.005, 2, "0.01"),
            (0.0005, 3, "0.001"),
            (9.995, 2, "9.99"),
            (99.995, 2, "100.00"),
            (999.5, 0, "1000"),
            (0.9, 0, "1"),
            (123.456, 2, "123.46"),
            (123.456, 0, "123"),
            (123.456, 10, "123.4560000000"),
            (1000000000000000128.0, 0, "1000000000000000128"),
            (1000000000000000128.0, 2, "1000000000000000128.00"),
            (1e20, 2, "100000000000000000000.00"),
            (1e21, 2, "1e+21"),
            (-1e21, 2, "-1e+21"),
            (999999999999999900000.0, 0, "999999999999999868928"),
            (0.1, 20, "0.10000000000000000555"),
            (1.0 / 3.0, 20, "0.33333333333333331483"),
            (5e-324, 20, "0.00000000000000000000"),
            (12345.6789, 3, "12345.679"),
            // Past ES5.1's 20 digits, as ES2018 allows (V8 agrees).
            (
                123.456,
                50,
                "123.45600000000000306954461848363280296325683593750000",
            ),
            (1.0, 100, &format!("1.{}", "0".repeat(100))),
            (4.35, 1, "4.3"),
            (0.045, 2, "0.04"),
        ];
        for &(x, f, want) in cases {
            assert_eq!(to_fixed(x, f), want, "({x}).toFixed({f})");
        }
        // Requests past MAX_DIGITS are clamped rather than honoured.
        assert_eq!(to_fixed(1.0, u32::MAX), to_fixed(1.0, MAX_DIGITS));
        assert_eq!(
            to_exponential(0.5, Some(30)),
            "5.000000000000000000000000000000e-1"
        );
        assert_eq!(to_precision(0.5, 0), "0.5");
    }

    #[test]
    fn to_exponential_cases() {
        let cases: &[(f64, Option<u32>, &str)] = &[
            (f64::NAN, Some(2), "NaN"),
            (f64::INFINITY, None, "Infinity"),
            (f64::NEG_INFINITY, Some(2), "-Infinity"),
            (0.0, None, "0e+0"),
            (-0.0, None, "0e+0"),
            (0.0, Some(2), "0.00e+0"),
            (1.0, None, "1e+0"),
            (123.456, None, "1.23456e+2"),
            (123.456, Some(0), "1e+2"),
            (123.456, Some(2), "1.23e+2"),
            (123.456, Some(4), "1.2346e+2"),
            (-123.456, Some(4), "-1.2346e+2"),
            (0.00015, Some(1), "1.5e-4"),
            (0.00015, None, "1.5e-4"),
            (1.25, Some(1), "1.3e+0"),
            (1.35, Some(1), "1.4e+0"),
            (1.45, Some(1), "1.4e+0"),
            (9.99, Some(1), "1.0e+1"),
            (99.5, Some(1), "1.0e+2"),
            (99.5, Some(0), "1e+2"),
            (1e21, None, "1e+21"),
            (1e-7, Some(3), "1.000e-7"),
            (5e-324, None, "5e-324"),
            (5e-324, Some(5), "4.94066e-324"),
            (f64::MAX, None, "1.7976931348623157e+308"),
            (f64::MAX, Some(20), "1.79769313486231570815e+308"),
            (0.1, Some(20), "1.00000000000000005551e-1"),
            (1e23, None, "1e+23"),
            (1e23, Some(20), "9.99999999999999916114e+22"),
        ];
        for &(x, f, want) in cases {
            assert_eq!(to_exponential(x, f), want, "({x}).toExponential({f:?})");
        }
    }

    #[test]
    fn to_precision_cases() {
        let cases: &[(f64, u32, &str)] = &[
            (f64::NAN, 2, "NaN"),
            (f64::INFINITY, 2, "Infinity"),
            (f64::NEG_INFINITY, 2, "-Infinity"),
            (0.0, 1, "0"),
            (0.0, 3, "0.00"),
            (-0.0, 3, "0.00"),
            (123.456, 1, "1e+2"),
            (123.456, 2, "1.2e+2"),
            (123.456, 3, "123"),
            (123.456, 4, "123.5"),
            (123.456, 10, "123.4560000"),
            (-123.456, 4, "-123.5"),
            (0.000123, 2, "0.00012"),
            (0.0000001, 1, "1e-7"),
            (0.000001, 1, "0.000001"),
            (0.00000123, 2, "0.0000012"),
            (1.0000001e-7, 3, "1.00e-7"),
            (1e21, 1, "1e+21"),
            (1e21, 21, "1.00000000000000000000e+21"), // e = 21 ≥ p
            (1e20, 21, "100000000000000000000"),
            (1e20, 22, "100000000000000000000.0"), // beyond ES5.1's 21, as ES2018 allows
            (1e21, 5, "1.0000e+21"),
            (99.99, 3, "100"),
            (99.99, 2, "1.0e+2"),
            (9.5, 1, "1e+1"),
            (1.45, 2, "1.4"),
            (1.005, 3, "1.00"),
            (25.0, 1, "3e+1"),
            (0.1, 21, "0.100000000000000005551"),
            (5e-324, 3, "4.94e-324"),
            (f64::MAX, 21, "1.79769313486231570815e+308"),
        ];
        for &(x, p, want) in cases {
            assert_eq!(to_precision(x, p), want, "({x}).toPrecision({p})");
        }
    }

    /// Compare with Rust's `{:.N}` / `{:.Ne}` formatting, which also rounds the exact binary
    /// value, but ties to even: so only values whose exact expansion is not a tie are compared.
    #[test]
    fn random_values_agree_with_rust_formatting() {
        let mut rng = Rng(0x00C0_FFEE);
        for _ in 0..3000 {
            let x = rng.finite_f64();
            let f = (rng.next_u64() % 21) as u32;
            let exact = if x == 0.0 {
                None
            } else {
                Some(ExactDecimal::new(x))
            };
            // A tie at the f-th fraction digit means the exact digits end with a 5 right there.
            let tie_fixed = exact.as_ref().is_some_and(|d| {
                d.digits.len() as i32 == d.point + f as i32 + 1 && d.digits.last() == Some(&5)
            });
            if x.abs() < 1e21 && !tie_fixed {
                let mut want = format!("{:.*}", f as usize, x);
                if want.starts_with('-')
                    && x > -1.0
                    && want.trim_start_matches(['-', '0', '.']).is_empty()
                {
                    // Rust prints "-0.00" for small negatives too; the spec agrees (s = "-").
                    want = format!("-{}", want.trim_start_matches('-'));
                }
                assert_eq!(to_fixed(x, f), want, "({x:e}).toFixed({f})");
            }
            let tie_exp = exact
                .as_ref()
                .is_some_and(|d| d.digits.len() == f as usize + 2 && d.digits.last() == Some(&5));
            if !tie_exp {
                let want = format!("{:.*e}", f as usize, x);
                // Rust writes "1.5e-4" / "1.5e4"; JavaScript always signs the exponent.
                let want = match want.split_once('e') {
                    Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
                    _ => want,
                };
                assert_eq!(
                    to_exponential(x, Some(f)),
                    want,
                    "({x:e}).toExponential({f})"
                );
                // toPrecision(f + 1) rounds to the same digits; its layout differs.
                let p = to_precision(x, f + 1);
                let digits_p: String = p
                    .chars()
                    .take_while(|&c| c != 'e')
                    .filter(char::is_ascii_digit)
                    .collect();
                let digits_e: String = want
                    .chars()
                    .take_while(|&c| c != 'e')
                    .filter(char::is_ascii_digit)
                    .collect();
                assert!(
                    digits_p.trim_start_matches('0') == digits_e.trim_start_matches('0')
                        || x == 0.0,
                    "({x:e}).toPrecision({}) = {p}, toExponential = {want}",
                    f + 1
                );
            }
            // The shortest form reads back as x.
            if x != 0.0 {
                let text = to_exponential(x, None);
                assert_eq!(text.parse::<f64>().ok(), Some(x), "{text}");
            }
        }
    }
}
