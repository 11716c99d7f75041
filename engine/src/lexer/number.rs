//! Numeric literal values (§7.8.3, Annex B.1.1).
//!
//! The automaton in `raw.rs` has already checked the syntax; this module only computes values,
//! which must be *correctly rounded*: the Number nearest to the literal's exact mathematical
//! value, ties going to the one with an even last bit.

/// The value of a decimal literal (`1`, `1.5e10`, `.5`, `1.`, `08`).
///
/// Rust's `str::parse::<f64>` is correctly rounded for any number of digits and accepts
/// exactly the forms a `DecimalLiteral` can take, so the only work here is a shortcut for the
/// most common case, a short integer, which converts exactly.
pub(super) fn decimal_value(text: &str) -> Option<f64> {
    // Up to 15 digits always fit in the 53-bit significand, so the conversion is exact.
    if text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) {
        let mut value: u64 = 0;
        for b in text.bytes() {
            value = value * 10 + u64::from(b - b'0');
        }
        return Some(value as f64);
    }
    text.parse::<f64>().ok()
}

/// The value of the digits of a hexadecimal (`bits_per_digit` 4) or legacy octal (3) literal,
/// without their prefix.
///
/// Adding one digit at a time to an `f64` would round after every step, and rounding twice can
/// land on the wrong neighbour. Instead the leading significant bits are gathered exactly in a
/// `u64`; every later digit only matters as a count (it scales the value by a power of two)
/// and by whether it is non-zero (a "sticky" bit that breaks ties), which is all the
/// information round-to-nearest-even needs.
pub(super) fn radix_value(digits: &[u8], bits_per_digit: u32) -> f64 {
    let mut iter = digits
        .iter()
        .map(|&b| u64::from(hex_digit_value(b)))
        .skip_while(|&d| d == 0)
        .peekable();
    // How many whole digits always fit: 16 hex digits or 21 octal digits.
    let max_digits = 64 / bits_per_digit;
    let mut significand: u64 = 0;
    let mut taken = 0;
    while taken < max_digits {
        let Some(d) = iter.next() else { break };
        significand = (significand << bits_per_digit) | d;
        taken += 1;
    }
    // The digits that did not fit: how many, and whether any of them is non-zero.
    let mut rest: u64 = 0;
    let mut sticky = false;
    for d in iter {
        rest += 1;
        sticky |= d != 0;
    }
    let mut exponent = rest.saturating_mul(u64::from(bits_per_digit));

    let width = 64 - significand.leading_zeros();
    if width > 53 {
        // Keep the top 53 bits and round on the ones shifted out.
        let shift = width - 53;
        let dropped = significand & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        significand >>= shift;
        exponent = exponent.saturating_add(u64::from(shift));
        let round_up = dropped > half || (dropped == half && (sticky || significand & 1 == 1));
        if round_up {
            // May carry to 2^53, which is still exact.
            significand += 1;
        }
    }
    // `significand` now has at most 54 bits, and only if it is exactly 2^53: exact as an f64.
    scale_by_power_of_two(significand as f64, exponent)
}

/// `value * 2^exponent`, exact (multiplying by a power of two only changes the exponent)
/// unless it overflows to infinity, which is then the correctly rounded result.
fn scale_by_power_of_two(mut value: f64, exponent: u64) -> f64 {
    // 2^1024 overflows for any non-zero value, so larger exponents need no loop.
    if value == 0.0 {
        return 0.0;
    }
    if exponent > 1100 {
        return f64::INFINITY;
    }
    let mut remaining = exponent;
    while remaining > 0 {
        let step = remaining.min(1000);
        value *= f64::from(2u32).powi(step as i32);
        remaining -= step;
    }
    value
}

/// The value of an ASCII hex digit (also used for octal and decimal digits).
pub(super) fn hex_digit_value(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => 0,
    }
}
