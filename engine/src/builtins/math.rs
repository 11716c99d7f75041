//! The Math object (ES5.1 15.8): constants and functions on numbers.
//!
//! Most functions are C99's (Annex F) as the `libm` crate has them, whose special cases the
//! spec's follow: Rust's own `f64::sin`, `exp`, `powf` and the like call the C library's libm,
//! a shared library that would cost every start of `node` its loading (13 page faults and
//! 40,000 instructions; docs/performance.md, "Session 11"). `floor`, `ceil`, `sqrt` and `abs`
//! are single instructions or `core`'s own. Where ES5.1 differs from C (`pow` with a base of ±1
//! and an infinite or NaN exponent, `round`'s ties towards +∞, `max`/`min` with NaN and signed
//! zeros) the difference is spelt out.

use super::arg;
use crate::object::{Attributes, Class, Object};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use std::cell::Cell;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// ToNumber of argument `i`: a number as it is, without a call (what `Math.sqrt(x)`,
/// `Math.floor(x)` and the like are nearly always given).
#[inline(always)]
fn number_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<f64, Throw<'gc>> {
    match args.get(i) {
        Some(&Value::Number(x)) => Ok(x),
        _ => ops::to_number(*ctx, arg(args, i)),
    }
}

/// The one-argument functions whose special cases (NaN, ±0, ±∞, out of domain) the `f64`
/// operation already gets right: each calls ToNumber on its argument and applies it.
macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident => $op:expr;)*) => {$(
        $(#[$doc])*
        fn $name<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
            let x = number_arg(ctx, args, 0)?;
            let op: fn(f64) -> f64 = $op;
            Ok(Value::Number(op(x)))
        }
    )*};
}

unary! {
    /// 15.8.2.1 abs(x): NaN stays NaN, −0 becomes +0, −∞ becomes +∞.
    abs => f64::abs;
    /// 15.8.2.2 acos(x): NaN outside [−1, 1].
    acos => libm::acos;
    /// 15.8.2.3 asin(x): NaN outside [−1, 1]; ±0 stays.
    asin => libm::asin;
    /// 15.8.2.4 atan(x): ±0 stays; ±∞ gives ±π/2.
    atan => libm::atan;
    /// 15.8.2.6 ceil(x): ±0, ±∞ stay; in (−1, 0) the result is −0.
    ceil => f64::ceil;
    /// 15.8.2.7 cos(x): NaN for ±∞; 1 for ±0.
    cos => libm::cos;
    /// 15.8.2.8 exp(x): 1 for ±0, +∞ for +∞, +0 for −∞.
    exp => exp_e_exact;
    /// 15.8.2.9 floor(x): ±0, ±∞ stay; in (0, 1) the result is +0.
    floor => f64::floor;
    /// 15.8.2.10 log(x): NaN below 0, −∞ at ±0, +∞ at +∞.
    log => libm::log;
    /// 15.8.2.16 sin(x): ±0 stays; NaN for ±∞.
    sin => libm::sin;
    /// 15.8.2.17 sqrt(x): NaN below 0; ±0 and +∞ stay.
    sqrt => f64::sqrt;
    /// 15.8.2.18 tan(x): ±0 stays; NaN for ±∞.
    tan => libm::tan;
    /// 15.8.2.15 round(x): the integer closest to x, ties towards +∞.
    round => round_half_up;
}

/// `exp`, with `exp(1)` exactly `Math.E`: the algorithm (fdlibm's, which V8 uses too) gets
/// its last bit wrong there, and V8 returns E for it, as this does.
fn exp_e_exact(x: f64) -> f64 {
    if x == 1.0 {
        return std::f64::consts::E;
    }
    libm::exp(x)
}

/// 15.8.2.15's rounding. `floor(x + 0.5)` would be wrong twice: `x + 0.5` rounds up for
/// 0.49999999999999994 (giving 1, not 0), and it loses the sign of zero for x in [−0.5, −0)
/// (which the spec says round to −0).
fn round_half_up(x: f64) -> f64 {
    // If x is NaN, ±0 or ±∞, the result is x.
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // If x is less than 0 but greater than or equal to −0.5, the result is −0.
    if (-0.5..0.0).contains(&x) {
        return -0.0;
    }
    // Otherwise floor, plus one when the fraction is one half or more. The fraction
    // `x - floor(x)` of a double is exact (and 0 for the doubles of 2^52 and above, which are
    // all integers).
    let floor = x.floor();
    if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// 15.8.2.5 atan2(y, x)
fn atan2<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let y = number_arg(ctx, args, 0)?;
    let x = number_arg(ctx, args, 1)?;
    // The special cases (signed zeros and infinities) are C99's, which `libm::atan2` follows.
    Ok(Value::Number(libm::atan2(y, x)))
}

/// 15.8.2.13 pow(x, y)
fn pow<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let x = number_arg(ctx, args, 0)?;
    let y = number_arg(ctx, args, 1)?;
    Ok(Value::Number(power(x, y)))
}

/// ES5.1's `pow`: C99's, except where C makes ±1 special. The spec says:
/// - If y is NaN, the result is NaN (C: `pow(1, NaN)` is 1).
/// - If y is ±0, the result is 1, even if x is NaN.
/// - If abs(x) is 1 and y is ±∞, the result is NaN (C: 1).
///
/// The other cases (`pow(-0, -1)` is −∞, `pow(-8, 1/3)` is NaN, ...) agree with C's.
fn power(x: f64, y: f64) -> f64 {
    if y.is_nan() || (x.abs() == 1.0 && y.is_infinite()) {
        return f64::NAN;
    }
    libm::pow(x, y)
}

/// The largest (or smallest) of the arguments, each converted with ToNumber first, in order,
/// even after a NaN (each conversion can run code). NaN wins; +0 counts as larger than −0.
fn extreme<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], largest: bool) -> NativeResult<'gc> {
    // If no arguments are given, the result is −∞ (max) or +∞ (min).
    let mut result = if largest {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    let mut nan = false;
    for &value in args {
        let n = ops::to_number(*ctx, value)?;
        // If any value is NaN, the result is NaN.
        if n.is_nan() {
            nan = true;
            continue;
        }
        let better = if largest {
            n > result || (n == 0.0 && result == 0.0 && n.is_sign_positive())
        } else {
            n < result || (n == 0.0 && result == 0.0 && n.is_sign_negative())
        };
        if better {
            result = n;
        }
    }
    Ok(Value::Number(if nan { f64::NAN } else { result }))
}

/// 15.8.2.11 max([value1 [, value2 [, ...]]])
fn max<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    extreme(ctx, args, true)
}

/// 15.8.2.12 min([value1 [, value2 [, ...]]])
fn min<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    extreme(ctx, args, false)
}

thread_local! {
    /// The state of `Math.random`'s generator (0 until first use; xorshift never yields 0).
    static RANDOM_STATE: Cell<u64> = const { Cell::new(0) };
}

/// A seed from the clock and a per-thread address, mixed by SplitMix64 (never 0).
fn seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let local = 0u8;
    let mut z = nanos ^ (&local as *const u8 as u64).rotate_left(32);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    if z == 0 {
        0x2545_F491_4F6C_DD1D
    } else {
        z
    }
}

/// 15.8.2.14 random(): a number in [0, 1), roughly uniform. The generator is xorshift64*
/// (statistically fine, not cryptographic, as the spec allows), seeded from the clock.
fn random<'gc>(_ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let bits = RANDOM_STATE.with(|state| {
        let mut x = state.get();
        if x == 0 {
            x = seed();
        }
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    });
    // The top 53 bits, scaled to [0, 1): every such double is exact.
    Ok(Value::Number((bits >> 11) as f64 / (1u64 << 53) as f64))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    // 15.8: the Math object's [[Prototype]] is Object.prototype and its [[Class]] "Math"; it
    // has no [[Construct]] or [[Call]].
    let math = Object::new_dictionary(&ctx, Some(realm.object_prototype), Class::Math);
    // 15.8.1: the value properties are read-only, hidden and permanent.
    for (name, value) in [
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("PI", std::f64::consts::PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ] {
        let key = realm.key(ctx, name);
        math.set_own_value(&ctx, key, Value::Number(value), Attributes::NONE);
    }
    let functions: [(&str, crate::object::NativeFn, u32); 18] = [
        ("abs", abs, 1),
        ("acos", acos, 1),
        ("asin", asin, 1),
        ("atan", atan, 1),
        ("atan2", atan2, 2),
        ("ceil", ceil, 1),
        ("cos", cos, 1),
        ("exp", exp, 1),
        ("floor", floor, 1),
        ("log", log, 1),
        ("max", max, 2),
        ("min", min, 2),
        ("pow", pow, 2),
        ("random", random, 0),
        ("round", round, 1),
        ("sin", sin, 1),
        ("sqrt", sqrt, 1),
        ("tan", tan, 1),
    ];
    realm.define_functions(ctx, math, &functions);
    // 15.1.5.1: the global `Math` is writable and configurable, not enumerable.
    let key = realm.key(ctx, "Math");
    realm
        .global
        .set_own_value(&ctx, key, Value::Object(math), Attributes::HIDDEN);
}

#[cfg(test)]
mod tests {
    use super::{power, round_half_up};

    #[test]
    fn round_is_half_up_and_keeps_negative_zero() {
        assert_eq!(round_half_up(2.5), 3.0);
        assert_eq!(round_half_up(-2.5), -2.0);
        assert_eq!(round_half_up(0.49999999999999994), 0.0);
        assert!(round_half_up(-0.5).is_sign_negative());
        assert!(round_half_up(-0.0).is_sign_negative());
        assert_eq!(round_half_up(-0.5000000000000001), -1.0);
        assert_eq!(round_half_up(4503599627370495.5), 4503599627370496.0);
        assert_eq!(round_half_up(9007199254740991.0), 9007199254740991.0);
    }

    #[test]
    fn pow_special_cases() {
        assert!(power(1.0, f64::INFINITY).is_nan());
        assert!(power(-1.0, f64::NEG_INFINITY).is_nan());
        assert!(power(1.0, f64::NAN).is_nan());
        assert_eq!(power(f64::NAN, 0.0), 1.0);
        assert_eq!(power(-0.0, -1.0), f64::NEG_INFINITY);
        assert_eq!(power(-0.0, -2.0), f64::INFINITY);
        assert!(power(-8.0, 1.0 / 3.0).is_nan());
    }
}
