//! Conversions between numbers and text, as ES5.1 defines them.
//!
//! These are pure functions on `f64` and UTF-16 code units (`&[u16]`, the engine's string
//! representation); nothing here needs the rest of the engine. Each function's documentation
//! quotes the spec section it implements.
//!
//! | function | spec | JavaScript |
//! | --- | --- | --- |
//! | [`number_to_string`] | 9.8.1 ToString(Number) | `String(x)` |
//! | [`number_to_string_radix`] | 15.7.4.2 | `x.toString(radix)` |
//! | [`to_fixed`] | 15.7.4.5 | `x.toFixed(digits)` |
//! | [`to_exponential`] | 15.7.4.6 | `x.toExponential(digits)` |
//! | [`to_precision`] | 15.7.4.7 | `x.toPrecision(precision)` |
//! | [`string_to_number`] | 9.3.1 ToNumber(String) | `Number(s)`, `+s` |
//! | [`parse_int`] | 15.1.2.2 | `parseInt(s, radix)` |
//! | [`parse_float`] | 15.1.2.3 | `parseFloat(s)` |
//! | [`to_integer`], [`to_int32`], [`to_uint32`], [`to_uint16`] | 9.4–9.7 | `x \| 0`, `x >>> 0`, … |
//! | [`remainder`] | 11.5.3 | `x % y` |
//! | [`array_index`] | 15.4 | is `"12"` an array index? |
//! | [`is_str_whitespace`] | 9.3.1 StrWhiteSpaceChar | what `Number(" 1 ")` and `trim` skip |
//! | [`encode_uri`], [`encode_uri_component`] | 15.1.3.3, 15.1.3.4 | `encodeURI(s)`, `encodeURIComponent(s)` |
//! | [`decode_uri`], [`decode_uri_component`] | 15.1.3.1, 15.1.3.2 | `decodeURI(s)`, `decodeURIComponent(s)` |
//! | [`escape`], [`unescape`] | B.2.1, B.2.2 | `escape(s)`, `unescape(s)` |
//!
//! Number → text needs two kinds of digits. ToString wants the *shortest* digits that read
//! back as the same double (`0.1`, not `0.1000000000000000055511151231257827`); the
//! [`ryu_js`] crate computes those. `toFixed` and friends instead round the double's *exact*
//! binary value, which needs its full decimal expansion (hundreds of digits for tiny numbers);
//! a small big-integer type (`bigint`) provides that exactly, and `toString(radix)` uses it too.
//!
//! Text → number validates the spec's grammar by hand and hands decimal digits to Rust's
//! correctly rounding `str::parse::<f64>`; other radixes are accumulated exactly and rounded
//! once.
//!
//! Range checks of `digits`/`radix` arguments (the RangeErrors of 15.7.4) are left to the
//! callers, which own the error machinery; each function documents the range it accepts.

mod bigint;
mod fixed;
mod number;
mod parse;
mod radix;
pub mod uri;

pub use fixed::{to_exponential, to_fixed, to_precision, MAX_DIGITS};
pub use number::NumberText;
pub use number::{
    array_index, number_text, number_to_string, remainder, to_int32, to_integer, to_uint16,
    to_uint32,
};
pub use parse::{is_str_whitespace, parse_float, parse_int, string_to_number};
pub use radix::number_to_string_radix;
pub use uri::{
    decode_uri, decode_uri_component, encode_uri, encode_uri_component, escape, unescape, UriError,
};
