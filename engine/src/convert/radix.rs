//! `Number.prototype.toString(radix)` for radixes other than 10 (ES5.1 15.7.4.2).

use super::bigint::BigUint;
use super::number::{decompose, number_to_string};

const DIGIT_CHARS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// ES5.1 15.7.4.2 `Number.prototype.toString(radix)`: `x` written in base `radix` (2..=36),
/// with the letters `a`–`z` for digits 10–35.
///
/// Radix 10 is ToString (9.8.1, [`number_to_string`]). For other radixes ES5.1 only says "the
/// result is a String representation of this Number value using the specified radix" and that
/// "the algorithm is implementation-dependent, however the algorithm should be a generalization
/// of that specified in 9.8.1". What engines (and test suites) expect, and what this does:
///
/// - NaN, `"Infinity"`, `"-Infinity"`, and `"0"` for both zeros; a `-` before negatives.
/// - The integer part in full: every double at or above 2^53 is an integer, and its digits are
///   written out exactly (`(2**60).toString(2)` is a 1 and sixty 0s; `(1e21).toString(36)` is
///   `"5v1j4f4ds79m9s"`, where V8 pads with zeros past 2^53's precision: `"5v1j4f4ds7c000"`).
/// - The fraction digits generated one at a time, stopping as soon as the digits written so far
///   identify `x` (read back, they round to `x` and to no other double). This is the algorithm
///   of V8's `DoubleToRadixCString`, so `(0.5).toString(2)` is `"0.1"` and `(0.1).toString(3)`
///   is `"0.0022002200220022002200220022002201"` rather than a thousand-digit exact expansion.
///   V8 runs it in floating point; this runs the same steps in exact integer arithmetic, and
///   measures the "identifies x" distance on each side separately (just below a power of two
///   the neighbouring double is twice as close). For power-of-two radixes (2, 4, 8, 16, 32)
///   V8's arithmetic is exact too and the output is the same. For other radixes V8's rounding
///   errors pile up and its last digits differ in about a quarter of cases (in a sample of
///   random doubles), often no longer reading back as `x`; the output here always does.
///
/// A `radix` outside 2..=36 is a RangeError the caller must raise; given one anyway, this
/// falls back to radix 10.
pub fn number_to_string_radix(x: f64, radix: u32) -> String {
    if radix == 10 || !(2..=36).contains(&radix) || !x.is_finite() || x == 0.0 {
        return number_to_string(x);
    }
    let (m, e) = decompose(x);
    let mut integer;
    let mut fraction_digits = Vec::new();
    if e >= 0 {
        // x = m × 2^e is an integer: no fraction digits at all.
        integer = BigUint::from_u64(m);
        integer.shl(e.unsigned_abs());
    } else {
        // x = m / 2^shift: split into the integer part and the fraction's numerator.
        let shift = e.unsigned_abs();
        let (int_part, frac_bits) = if shift >= 64 {
            (0, m)
        } else {
            (m >> shift, m & ((1u64 << shift) - 1))
        };
        integer = BigUint::from_u64(int_part);
        if generate_fraction(m, e, frac_bits, radix, &mut fraction_digits) {
            // The fraction rounded up to 1: carry into the integer part.
            integer.mul_add_small(1, 1);
        }
    }

    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    for d in integer.to_radix_digits(radix) {
        out.push(char::from(DIGIT_CHARS[usize::from(d)]));
    }
    if !fraction_digits.is_empty() {
        out.push('.');
        for d in fraction_digits {
            out.push(char::from(DIGIT_CHARS[usize::from(d)]));
        }
    }
    out
}

/// Writes the fraction digits of `x = m × 2^e` (e < 0, fractional part `frac_bits / 2^-e`)
/// into `digits`; returns true if rounding carried out of the fraction into the integer part.
///
/// Everything is scaled by `S = 2^(-e + 2)`, which makes every quantity an integer:
///
/// - `F`, the part of x not yet written out, in units of the current last digit position
///   (it starts as the fraction itself, in units of one);
/// - `delta_hi`, half the gap to the next double up: 2^(e−1), i.e. 2 in units of 1/S. Any
///   number less than this above x reads back as x.
/// - `delta_lo`, half the gap to the next double down: the same, except when m is a power of
///   two (x = 2^k): the double below then has a finer spacing, and the half gap is 2^(e−2).
///
/// Each step multiplies F and both deltas by the radix (one position further right), takes the
/// integer part of F as the next digit and keeps F's fraction. It stops when the digits so far
/// are within `delta_lo` below x, or when rounding the last digit up lands within `delta_hi`
/// above x (round half to even deciding whether rounding up is tried at all).
fn generate_fraction(m: u64, e: i32, frac_bits: u64, radix: u32, digits: &mut Vec<u8>) -> bool {
    let scale_bits = e.unsigned_abs() + 2;
    let one = {
        let mut s = BigUint::from_u64(1);
        s.shl(scale_bits);
        s
    };
    let half = {
        let mut h = BigUint::from_u64(1);
        h.shl(scale_bits - 1);
        h
    };
    let mut f = BigUint::from_u64(frac_bits);
    f.shl(2);
    let mut delta_hi = BigUint::from_u64(2);
    let at_power_of_two = m == 1 << 52 && e > -1074;
    let mut delta_lo = BigUint::from_u64(if at_power_of_two { 1 } else { 2 });

    // A fraction smaller than the lower half gap needs no digits at all: the integer alone
    // reads back as x.
    if f < delta_lo {
        return false;
    }
    loop {
        // Shift up by one digit.
        f.mul_add_small(radix, 0);
        delta_hi.mul_add_small(radix, 0);
        delta_lo.mul_add_small(radix, 0);
        // The integer part of F is the next digit; F keeps the remainder.
        let digit = f.split_high(scale_bits) as u8;
        digits.push(digit);
        // Is the remainder past half a unit (or exactly half, and the digit odd)? Then rounding
        // this digit up is nearer to x than truncating; do so if that reads back as x.
        let past_half = match f.cmp(&half) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => digit % 2 == 1,
            std::cmp::Ordering::Less => false,
        };
        if past_half && f.cmp_sum(&delta_hi, &one) == std::cmp::Ordering::Greater {
            return round_up(digits, radix);
        }
        // Stop once the truncated digits are close enough below x.
        if f < delta_lo {
            return false;
        }
    }
}

/// Adds one unit in the last place of the fraction digits, dropping digits that overflow to
/// zero (they would be trailing zeros); returns true if the carry leaves the fraction.
fn round_up(digits: &mut Vec<u8>, radix: u32) -> bool {
    while let Some(last) = digits.pop() {
        if u32::from(last) + 1 < radix {
            digits.push(last + 1);
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::number::tests::{next_down, next_up, Rng};
    use super::*;

    #[test]
    fn special_values_and_integers() {
        assert_eq!(number_to_string_radix(f64::NAN, 2), "NaN");
        assert_eq!(number_to_string_radix(f64::INFINITY, 16), "Infinity");
        assert_eq!(number_to_string_radix(f64::NEG_INFINITY, 36), "-Infinity");
        assert_eq!(number_to_string_radix(0.0, 2), "0");
        assert_eq!(number_to_string_radix(-0.0, 2), "0");
        assert_eq!(number_to_string_radix(255.0, 16), "ff");
        assert_eq!(number_to_string_radix(255.0, 2), "11111111");
        assert_eq!(number_to_string_radix(-255.0, 36), "-73");
        assert_eq!(number_to_string_radix(35.0, 36), "z");
        assert_eq!(number_to_string_radix(36.0, 36), "10");
        assert_eq!(number_to_string_radix(8.0, 8), "10");
        assert_eq!(number_to_string_radix(123.0, 10), "123");
        assert_eq!(number_to_string_radix(1e21, 10), "1e+21");
        // 10^21 in full; V8 writes "5v1j4f4ds7c000", padding with zeros past 2^53.
        assert_eq!(number_to_string_radix(1e21, 36), "5v1j4f4ds79m9s");
        let s = number_to_string_radix(1e21, 36);
        assert_eq!(u128::from_str_radix(&s, 36).ok(), Some(10u128.pow(21)));
        assert_eq!(
            number_to_string_radix(2f64.powi(60), 2),
            format!("1{}", "0".repeat(60))
        );
        assert_eq!(
            number_to_string_radix(f64::MAX, 16),
            format!("fffffffffffff8{}", "0".repeat(242))
        );
        assert_eq!(number_to_string_radix(-4294967295.0, 16), "-ffffffff");
        // Out-of-range radixes fall back to 10 (callers throw a RangeError first).
        assert_eq!(number_to_string_radix(255.0, 1), "255");
        assert_eq!(number_to_string_radix(255.0, 37), "255");
    }

    #[test]
    fn fractions() {
        let cases: &[(f64, u32, &str)] = &[
            // Outputs of V8 (node 20) for the same calls, except where noted.
            (0.5, 2, "0.1"),
            (0.75, 2, "0.11"),
            (-0.5, 2, "-0.1"),
            (0.5, 16, "0.8"),
            (3.75, 16, "3.c"),
            (
                0.1,
                2,
                "0.0001100110011001100110011001100110011001100110011001101",
            ),
            (0.1, 16, "0.1999999999999a"),
            (0.1, 3, "0.0022002200220022002200220022002201"),
            (0.1, 36, "0.3lllllllllm"),
            (1.0 / 3.0, 3, "0.1"),
            (2.0 / 3.0, 3, "0.2"),
            (255.5, 16, "ff.8"),
            (-255.5, 36, "-73.i"),
            (1e-10, 36, "0.0000007u3zudtyhc4"), // V8: …hc3 (floating-point drift)
            (123.456, 8, "173.3513615237574734"),
            (123.456, 36, "3f.gez4w97ry"),
            (0.999, 36, "0.zypcdtnwjl"),
        ];
        for &(x, radix, want) in cases {
            assert_eq!(
                number_to_string_radix(x, radix),
                want,
                "({x}).toString({radix})"
            );
        }
        // The smallest subnormal, 2^-1074, is exactly "0." and 1073 zeros and a 1 in binary.
        assert_eq!(
            number_to_string_radix(5e-324, 2),
            format!("0.{}1", "0".repeat(1073))
        );
    }

    /// Reads a radix string back, correctly rounded (for the round-trip test; normal range
    /// only). The digits without the point form an integer `num`, and the value is
    /// `num / radix^k` for k fraction digits: scale `num` up by `2^shift` so the quotient has
    /// plenty of bits, divide by the radix k times (flooring each time floors the whole), fold
    /// any remainder into a sticky bit, and round once.
    fn read_back(s: &str, radix: u32) -> f64 {
        if radix == 10 {
            return s.parse().unwrap_or(f64::NAN); // "1e+21" and the like
        }
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let mut num = BigUint::from_u64(0);
        for c in int.chars().chain(frac.chars()) {
            num.mul_add_small(radix, c.to_digit(radix).expect("valid digit"));
        }
        let den_bits = (frac.len() as f64 * libm::log2(f64::from(radix))).ceil() as u64 + 1;
        let shift = (den_bits + 70).saturating_sub(num.bit_len()) as u32;
        num.shl(shift);
        let mut sticky = false;
        for _ in 0..frac.len() {
            sticky |= num.divrem_small(radix) != 0;
        }
        num.shl(1);
        num.mul_add_small(1, u32::from(sticky));
        let mut v = num.to_f64();
        let mut scale = shift as i32 + 1;
        while scale > 0 {
            let step = scale.min(500);
            v *= 2f64.powi(-step);
            scale -= step;
        }
        if neg {
            -v
        } else {
            v
        }
    }

    /// Where V8's floating-point digit loop drifts, its output can fail to read back as x;
    /// the exact loop here stays within half a gap of x.
    #[test]
    fn exact_where_v8_drifts() {
        let x = 0.7689301784609224;
        assert_ne!(read_back("0.928865262a70bb4", 12), x); // V8 (node 20) prints this
        assert_eq!(number_to_string_radix(x, 12), "0.928865262a70bb5");
        assert_eq!(read_back("0.928865262a70bb5", 12), x);
    }

    #[test]
    fn random_values_round_trip() {
        let mut rng = Rng(0x5EED);
        for i in 0..400 {
            let mut x = rng.finite_f64();
            // Keep to magnitudes where the test's reader is exact (no subnormal results).
            if !(1e-300..1e300).contains(&x.abs()) {
                x = (i as f64 + 0.37) / 7.0;
            }
            let radix = 2 + (rng.next_u64() % 35) as u32;
            let s = number_to_string_radix(x, radix);
            assert_eq!(read_back(&s, radix), x, "({x:e}).toString({radix}) = {s}");
        }
        // Powers of two, where the gap below is half the gap above.
        for k in -60..60 {
            let p = 2f64.powi(k);
            for x in [p, next_up(p), next_down(p)] {
                for radix in [3, 7, 10, 36] {
                    let s = number_to_string_radix(x, radix);
                    assert_eq!(read_back(&s, radix), x, "({x:e}).toString({radix}) = {s}");
                }
            }
        }
    }
}
