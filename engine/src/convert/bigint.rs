//! A deliberately small unsigned big integer, just enough for exact number formatting and parsing.
//!
//! Every finite double is a fraction `m / 2^k` or an integer `m * 2^k` with `m < 2^53`, so its
//! exact decimal (or radix-R) expansion is finite but can run to hundreds of digits: the smallest
//! subnormal, 2^-1074, has 751 significant decimal digits. Machine integers cannot hold that, so
//! the formatting routines in this module do their arithmetic on [`BigUint`].
//!
//! The representation is the schoolbook one: a vector of 32-bit "limbs", least significant
//! first, with no zero limbs at the top (so zero is the empty vector). Only the operations the
//! conversions need are here, each written for clarity; the sizes involved (at most about 80
//! limbs) are far too small for clever algorithms to pay off.

use std::cmp::Ordering;

/// An arbitrary-precision non-negative integer (little-endian `u32` limbs, normalized).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    /// The integer `v`.
    pub(crate) fn from_u64(v: u64) -> BigUint {
        let mut n = BigUint {
            limbs: vec![v as u32, (v >> 32) as u32],
        };
        n.normalize();
        n
    }

    /// Drops zero limbs at the most significant end, restoring the invariant.
    fn normalize(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    /// The number of significant bits (0 for zero).
    pub(crate) fn bit_len(&self) -> u64 {
        match self.limbs.last() {
            None => 0,
            Some(&top) => (self.limbs.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
        }
    }

    /// `self = self * m + a`, the step of every positional-notation loop.
    pub(crate) fn mul_add_small(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.limbs {
            let t = u64::from(*limb) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.normalize();
    }

    /// `self = self * 5^n`, used to turn `m / 2^n` into the decimal integer `m * 5^n / 10^n`.
    pub(crate) fn mul_pow5(&mut self, mut n: u32) {
        // 5^13 is the largest power of five that fits in a u32.
        const FIVE_POW_13: u32 = 1_220_703_125;
        while n >= 13 {
            self.mul_add_small(FIVE_POW_13, 0);
            n -= 13;
        }
        if n > 0 {
            self.mul_add_small(5u32.pow(n), 0);
        }
    }

    /// `self = self << bits` (multiplication by `2^bits`).
    pub(crate) fn shl(&mut self, bits: u32) {
        if self.is_zero() {
            return;
        }
        let limb_shift = (bits / 32) as usize;
        let bit_shift = bits % 32;
        if bit_shift != 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let new_carry = *limb >> (32 - bit_shift);
                *limb = (*limb << bit_shift) | carry;
                carry = new_carry;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if limb_shift != 0 {
            self.limbs.splice(0..0, std::iter::repeat_n(0, limb_shift));
        }
    }

    /// Divides in place by `d` (which must not be zero) and returns the remainder.
    pub(crate) fn divrem_small(&mut self, d: u32) -> u32 {
        debug_assert!(d != 0);
        let d = u64::from(d);
        let mut rem = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / d) as u32;
            rem = cur % d;
        }
        self.normalize();
        rem as u32
    }

    /// Splits off the bits at and above position `bits`: returns `self >> bits` (which the caller
    /// knows is small) and leaves `self = self mod 2^bits`.
    ///
    /// With `self` standing for a fraction `self / 2^bits`, this separates the integer part
    /// from the fractional part, which is how radix digits are peeled off.
    pub(crate) fn split_high(&mut self, bits: u32) -> u32 {
        let limb = (bits / 32) as usize;
        let bit = bits % 32;
        let mut high: u64 = 0;
        // Gather up to 64 bits starting at `bits`; the caller guarantees the value fits a u32.
        if let Some(&l) = self.limbs.get(limb) {
            high |= u64::from(l) >> bit;
        }
        if let Some(&l) = self.limbs.get(limb + 1) {
            high |= u64::from(l) << (32 - bit);
        }
        debug_assert!(self.limbs.len() <= limb + 2);
        self.limbs.truncate(limb + 1);
        if let Some(l) = self.limbs.get_mut(limb) {
            *l &= (1u32 << bit).wrapping_sub(1);
        }
        self.normalize();
        high as u32
    }

    /// `self = self + other`.
    pub(crate) fn add(&mut self, other: &BigUint) {
        if self.limbs.len() < other.limbs.len() {
            self.limbs.resize(other.limbs.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let t = u64::from(*limb) + u64::from(other.limbs.get(i).copied().unwrap_or(0)) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// Compares `self + add` with `other`.
    pub(crate) fn cmp_sum(&self, add: &BigUint, other: &BigUint) -> Ordering {
        let mut sum = self.clone();
        sum.add(add);
        sum.cmp(other)
    }

    /// The value rounded to the nearest double (ties to even); `f64::INFINITY` when too large.
    ///
    /// Rounding is done once, correctly: the top 64 bits are kept, with any nonzero bit below
    /// them folded into the lowest kept bit (a "sticky" bit). That bit lies far below where the
    /// 53-bit rounding happens, so it can only break a tie, never create one, and Rust's
    /// `u64 as f64` (round to nearest, ties to even) then rounds exactly as the full value would.
    pub(crate) fn to_f64(&self) -> f64 {
        let bits = self.bit_len();
        if bits <= 64 {
            return self.low_u64() as f64;
        }
        if bits > 1024 {
            // At least 2^1024, beyond the largest finite double (and its rounding interval).
            return f64::INFINITY;
        }
        let shift = bits - 64;
        let mut top = self.clone();
        let mut sticky = false;
        // Shift right by whole limbs, then by the leftover bits, noting any bit shifted out.
        let limb_shift = (shift / 32) as usize;
        sticky |= top.limbs[..limb_shift].iter().any(|&l| l != 0);
        top.limbs.drain(..limb_shift);
        let bit_shift = (shift % 32) as u32;
        if bit_shift != 0 {
            sticky |= top.limbs[0] & ((1u32 << bit_shift) - 1) != 0;
            for i in 0..top.limbs.len() {
                let next = top.limbs.get(i + 1).copied().unwrap_or(0);
                top.limbs[i] = (top.limbs[i] >> bit_shift) | (next << (32 - bit_shift));
            }
            top.normalize();
        }
        let mantissa = top.low_u64() | u64::from(sticky);
        // 2^shift as a double: shift <= 960 here, so the biased exponent is in range.
        let scale = f64::from_bits((shift + 1023) << 52);
        // Exact unless the product exceeds the largest double, where it correctly overflows.
        mantissa as f64 * scale
    }

    /// The low 64 bits.
    fn low_u64(&self) -> u64 {
        let lo = u64::from(self.limbs.first().copied().unwrap_or(0));
        let hi = u64::from(self.limbs.get(1).copied().unwrap_or(0));
        lo | (hi << 32)
    }

    /// The digits of `self` in base `radix` (2..=36), most significant first, as values 0..radix.
    /// Zero gives `[0]`.
    pub(crate) fn to_radix_digits(&self, radix: u32) -> Vec<u8> {
        debug_assert!((2..=36).contains(&radix));
        if self.is_zero() {
            return vec![0];
        }
        // Divide by the largest power of the radix that fits in a u32, so that each (slow)
        // long division yields several digits at once.
        let mut chunk = radix;
        let mut per_chunk = 1;
        while let Some(next) = chunk.checked_mul(radix) {
            chunk = next;
            per_chunk += 1;
        }
        let mut n = self.clone();
        let mut digits = Vec::new(); // least significant first
        while !n.is_zero() {
            let mut rem = n.divrem_small(chunk);
            for _ in 0..per_chunk {
                digits.push((rem % radix) as u8);
                rem /= radix;
            }
        }
        while digits.len() > 1 && digits.last() == Some(&0) {
            digits.pop();
        }
        digits.reverse();
        digits
    }
}

impl PartialOrd for BigUint {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigUint {
    fn cmp(&self, other: &Self) -> Ordering {
        // Normalized, so more limbs means larger; otherwise compare from the top limb down.
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(v: u64) -> BigUint {
        BigUint::from_u64(v)
    }

    #[test]
    fn arithmetic_matches_u128() {
        let mut n = big(0xDEAD_BEEF_1234_5678);
        n.shl(40);
        let expect = 0xDEAD_BEEF_1234_5678u128 << 40;
        assert_eq!(n.to_radix_digits(10), digits_of(expect, 10));
        let r = n.divrem_small(1_000_000_007);
        assert_eq!(u128::from(r), expect % 1_000_000_007);
        assert_eq!(n.to_radix_digits(16), digits_of(expect / 1_000_000_007, 16));

        let mut m = big(7);
        m.mul_pow5(30);
        assert_eq!(m.to_radix_digits(10), digits_of(7 * 5u128.pow(30), 10));

        let mut a = big(u64::MAX);
        a.add(&big(1));
        assert_eq!(a.to_radix_digits(2).len(), 65);
        assert_eq!(a.bit_len(), 65);
        assert_eq!(big(0).to_radix_digits(7), vec![0]);
        assert!(big(3) < big(1 << 40));
        assert_eq!(big(5).cmp_sum(&big(5), &big(10)), Ordering::Equal);
    }

    #[test]
    fn split_high_separates_integer_and_fraction() {
        // 0b1011_0110 / 2^5 = 101.10110b: integer part 5, fraction 0b10110.
        let mut n = big(0b1011_0110);
        assert_eq!(n.split_high(5), 0b101);
        assert_eq!(n, big(0b1_0110));
        let mut w = big(35 << 40 | 12345);
        assert_eq!(w.split_high(40), 35);
        assert_eq!(w, big(12345));
    }

    #[test]
    fn to_f64_rounds_correctly() {
        assert_eq!(big(0).to_f64(), 0.0);
        assert_eq!(big(u64::MAX).to_f64(), 18446744073709551616.0);
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: ties go to even (2^53).
        let mut t = big((1 << 53) + 1);
        t.shl(100);
        assert_eq!(t.to_f64(), 2f64.powi(153));
        // Just above the tie rounds up; the deciding bit is far below the top 64 bits.
        let mut u = big((1 << 53) + 1);
        u.shl(100);
        u.add(&big(1));
        assert_eq!(u.to_f64(), (2f64.powi(53) + 2.0) * 2f64.powi(100));
        // Largest double, and the first value that rounds past it.
        let mut max = big((1 << 53) - 1);
        max.shl(971);
        assert_eq!(max.to_f64(), f64::MAX);
        let mut over = big((1 << 54) - 1); // (2^53 - 0.5) * 2^972: a tie that rounds to 2^1024
        over.shl(970);
        assert_eq!(over.to_f64(), f64::INFINITY);
        let mut huge = big(1);
        huge.shl(5000);
        assert_eq!(huge.to_f64(), f64::INFINITY);
    }

    fn digits_of(mut v: u128, radix: u128) -> Vec<u8> {
        let mut d = Vec::new();
        loop {
            d.push((v % radix) as u8);
            v /= radix;
            if v == 0 {
                break;
            }
        }
        d.reverse();
        d
    }
}
