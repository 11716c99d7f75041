//! The time arithmetic, local time zone, parsing and formatting behind the `Date` object
//! (ES5.1 15.9).
//!
//! Everything here is a pure function on *time values*: `f64` milliseconds since
//! 1970-01-01T00:00:00Z, NaN for an invalid date — the number a `Date` object holds in its
//! `[[PrimitiveValue]]`. No engine types are involved; the `Date` built-ins call these.
//!
//! - [`time`]: the spec's arithmetic (ES5.1 15.9.1.2–15.9.1.14): days, years, months, weekdays,
//!   hours…, and `MakeTime`, `MakeDay`, `MakeDate`, `TimeClip`;
//! - [`zone`]: the local time zone from the system's time zone database (15.9.1.7–15.9.1.9, in
//!   the ES2017 model with the full offset history): `LocalTime`, `UTC`, and the zone's name;
//! - [`format`](mod@format): the strings of `toString`, `toUTCString`, `toISOString` and the rest, as V8
//!   writes them;
//! - [`parse`](mod@parse): `Date.parse` (15.9.4.2): the ISO format of 15.9.1.15 and the legacy forms.

pub mod format;
pub mod parse;
pub mod time;
pub mod zone;

pub use format::{
    to_date_string, to_iso_string, to_locale_date_string, to_locale_string, to_locale_time_string,
    to_string, to_time_string, to_utc_string, INVALID_DATE,
};
pub use parse::parse;
pub use time::*;
pub use zone::{local_offset_ms, local_time, utc_from_local, zone_name};

/// The current time as a time value (ES5.1 15.9.3.3 `Date.now`, and `new Date()`): whole
/// milliseconds since the epoch, from the system clock.
pub fn now() -> f64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => since.as_millis() as f64,
        // A clock set before 1970.
        Err(before) => -(before.duration().as_millis() as f64),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_is_recent() {
        // After 2020-01-01 and inside the range of time values.
        let t = super::now();
        assert!(t > 1_577_836_800_000.0 && t < 8.64e15);
        assert_eq!(t, super::time_clip(t));
    }
}
