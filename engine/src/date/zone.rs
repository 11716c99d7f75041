//! The local time zone: ES5.1 15.9.1.7–15.9.1.9, in the ES2017+ model.
//!
//! ES5.1 splits the local offset into a constant LocalTZA (15.9.1.7) plus a DaylightSavingTA(t)
//! (15.9.1.8). That model cannot describe zones whose standard offset changed over the years
//! (Moscow, Caracas, …), so ES2017 replaced both with one operation, LocalTZA(t, isUTC): the
//! whole offset of local time from UTC at a given instant, DST included. Every engine does this
//! now, and so do we: the offsets come from the system's time zone database (via `jiff`), which
//! knows each zone's full history, and UTC is never assumed.
//!
//! The zone is the system's: the `TZ` environment variable if set, else `/etc/localtime`. It is
//! looked up once per process and cached. The `*_in` functions take the zone as a parameter, so
//! tests (and anything else) can ask about a named zone without touching global state.

use std::sync::OnceLock;

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::Timestamp;

use super::time::{
    date_from_time, hour_from_time, min_from_time, month_from_time, ms_from_time, sec_from_time,
    year_from_time, MS_PER_DAY, MS_PER_MINUTE,
};

/// The system's time zone, looked up on first use.
pub(crate) fn system_zone() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    // `TimeZone::system` never fails: if no zone can be determined it logs a warning and returns
    // an "unknown" zone that behaves like UTC.
    ZONE.get_or_init(TimeZone::system)
}

/// The offset of local time from UTC at the instant `t_utc`, in milliseconds, DST included:
/// ES2017's LocalTZA(t, true) — ES5.1's LocalTZA + DaylightSavingTA(t) (15.9.1.7, 15.9.1.8).
/// Positive east of Greenwich: `3_600_000` for Berlin in winter, `-18_000_000` for New York.
/// NaN for NaN.
pub fn local_offset_ms(t_utc: f64) -> f64 {
    local_offset_ms_in(system_zone(), t_utc)
}

/// ES5.1 15.9.1.9 LocalTime(t) = t + LocalTZA + DaylightSavingTA(t), which ES2017 writes as
/// t + LocalTZA(t, true): the time value whose UTC fields are `t_utc`'s local fields.
pub fn local_time(t_utc: f64) -> f64 {
    local_time_in(system_zone(), t_utc)
}

/// ES5.1 15.9.1.9 UTC(t) = t − LocalTZA − DaylightSavingTA(t − LocalTZA), which ES2017 writes as
/// t − LocalTZA(t, false): the instant at which local clocks show `t_local`.
///
/// Local times that occur twice (when clocks go back) or never (when they jump forward) are
/// read with the offset in force *before* the transition, as ES2017 asks and V8 does: in New
/// York, 01:30 on the day clocks go back is the first 01:30 (EDT), and 02:30 on the day they
/// jump forward, which never shows on a clock, is taken as 02:30 EST, i.e. 03:30 EDT.
pub fn utc_from_local(t_local: f64) -> f64 {
    utc_from_local_in(system_zone(), t_local)
}

/// The local zone's abbreviation at `t_utc`, such as "CET" or "PST", as `Date.prototype.toString`
/// shows it in parentheses. Zones whose database gives no alphabetic abbreviation (many use
/// "+03"-style ones) get a "GMT+0300"-style name instead.
pub fn zone_name(t_utc: f64) -> String {
    zone_name_in(system_zone(), t_utc)
}

/// Milliseconds in 400 Gregorian years: 146,097 days, a whole number of weeks, so moving a time
/// by a multiple of this keeps every calendar field, weekday included, except the year.
const MS_PER_400_YEARS: f64 = 146_097.0 * MS_PER_DAY;

/// The instants the time zone database is asked about: roughly the years 1 through 9000, inside
/// the ±9999 years `jiff` handles, with room to spare for local offsets.
const DB_MIN_MS: f64 = -62_000_000_000_000.0;
const DB_MAX_MS: f64 = 221_000_000_000_000.0;

/// The database's view of the instant `t` (finite). Times outside the years the database covers
/// are moved by whole 400-year cycles into them — an "equivalent year" in the sense of ES5.1
/// 15.9.1.8, with the same leap-ness and weekdays — so a date in year 200,000 gets the same
/// offset as its counterpart in the far future the database can describe.
fn db_timestamp(t: f64) -> Timestamp {
    let mut t = t;
    if t > DB_MAX_MS {
        t -= ((t - DB_MAX_MS) / MS_PER_400_YEARS).ceil() * MS_PER_400_YEARS;
    } else if t < DB_MIN_MS {
        t += ((DB_MIN_MS - t) / MS_PER_400_YEARS).ceil() * MS_PER_400_YEARS;
    }
    // In range by construction; the fallback only guards against a mistake above.
    Timestamp::from_millisecond(t.floor() as i64).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn offset_to_ms(offset: Offset) -> f64 {
    f64::from(offset.seconds()) * 1000.0
}

/// [`local_offset_ms`] in the zone `tz`.
pub(crate) fn local_offset_ms_in(tz: &TimeZone, t_utc: f64) -> f64 {
    if !t_utc.is_finite() {
        return f64::NAN;
    }
    offset_to_ms(tz.to_offset(db_timestamp(t_utc)))
}

/// [`local_time`] in the zone `tz`.
pub(crate) fn local_time_in(tz: &TimeZone, t_utc: f64) -> f64 {
    t_utc + local_offset_ms_in(tz, t_utc)
}

/// [`utc_from_local`] in the zone `tz`.
pub(crate) fn utc_from_local_in(tz: &TimeZone, t_local: f64) -> f64 {
    if !t_local.is_finite() {
        return f64::NAN;
    }
    // Move the local time into the years the database covers (see `db_timestamp`), remembering
    // by how much, and take it apart into the civil date-time the database asks for.
    let shift = if t_local > DB_MAX_MS {
        ((t_local - DB_MAX_MS) / MS_PER_400_YEARS).ceil() * MS_PER_400_YEARS
    } else if t_local < DB_MIN_MS {
        -((DB_MIN_MS - t_local) / MS_PER_400_YEARS).ceil() * MS_PER_400_YEARS
    } else {
        0.0
    };
    let t = t_local - shift;
    let civil = DateTime::new(
        year_from_time(t) as i16,
        month_from_time(t) as i8 + 1,
        date_from_time(t) as i8,
        hour_from_time(t) as i8,
        min_from_time(t) as i8,
        sec_from_time(t) as i8,
        ms_from_time(t) as i32 * 1_000_000,
    );
    let Ok(civil) = civil else {
        // Unreachable for finite `t` in range; a fixed offset is better than a panic.
        return t_local - local_offset_ms_in(tz, t_local);
    };
    // LocalTZA(t, false): the offset that makes `civil` a real instant.
    let offset = match tz.to_ambiguous_timestamp(civil).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset,
        // Clocks jumped forward over `civil`, or `civil` happened twice as they went back:
        // "the time zone offset before the transition" is used in both cases.
        AmbiguousOffset::Gap { before, .. } | AmbiguousOffset::Fold { before, .. } => before,
    };
    t_local - offset_to_ms(offset)
}

/// [`zone_name`] in the zone `tz`.
pub(crate) fn zone_name_in(tz: &TimeZone, t_utc: f64) -> String {
    if !t_utc.is_finite() {
        return String::new();
    }
    let info = tz.to_offset_info(db_timestamp(t_utc));
    let abbreviation = info.abbreviation();
    if !abbreviation.is_empty() && abbreviation.chars().all(|c| c.is_ascii_alphabetic()) {
        abbreviation.to_string()
    } else {
        format!("GMT{}", offset_string(offset_to_ms(info.offset())))
    }
}

/// An offset in milliseconds as "+hhmm" or "-hhmm", as in "GMT+0100". Seconds are dropped
/// (toward zero), as V8 does for the odd local-mean-time offsets of the 1800s.
pub(crate) fn offset_string(offset_ms: f64) -> String {
    let sign = if offset_ms < 0.0 { '-' } else { '+' };
    let minutes = (offset_ms.abs() / MS_PER_MINUTE).floor() as i64;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;
    use crate::date::time::{make_date, make_day, make_time, MS_PER_HOUR};

    /// The time value whose UTC fields are the given ones (month counted from 1), for building
    /// both UTC instants and local times in the tests below.
    pub(crate) fn local(y: f64, mo: f64, d: f64, h: f64, mi: f64) -> f64 {
        make_date(make_day(y, mo - 1.0, d), make_time(h, mi, 0.0, 0.0))
    }

    /// A zone by its IANA name, from the system database. Should the database lack it, the
    /// POSIX rule that describes the zone today stands in, so the tests still run.
    pub(crate) fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap_or_else(|_| {
            let rule = match name {
                "America/New_York" => "EST5EDT,M3.2.0,M11.1.0",
                "Europe/Berlin" => "CET-1CEST,M3.5.0,M10.5.0/3",
                "Asia/Kolkata" => "IST-5:30",
                _ => "UTC0",
            };
            TimeZone::posix(rule).unwrap()
        })
    }

    const H: f64 = MS_PER_HOUR;

    #[test]
    fn new_york_offsets() {
        let ny = zone("America/New_York");
        // Winter: EST, UTC-5.
        let jan = local(2026.0, 1.0, 15.0, 12.0, 0.0) + 5.0 * H;
        assert_eq!(local_offset_ms_in(&ny, jan), -5.0 * H);
        assert_eq!(zone_name_in(&ny, jan), "EST");
        // Summer: EDT, UTC-4.
        let jul = local(2026.0, 7.0, 15.0, 12.0, 0.0) + 4.0 * H;
        assert_eq!(local_offset_ms_in(&ny, jul), -4.0 * H);
        assert_eq!(zone_name_in(&ny, jul), "EDT");
        assert_eq!(local_time_in(&ny, jul), jul - 4.0 * H);
    }

    #[test]
    fn new_york_spring_forward() {
        // 2026-03-08: at 02:00 EST (07:00Z) clocks jump to 03:00 EDT.
        let ny = zone("America/New_York");
        let transition = local(2026.0, 3.0, 8.0, 7.0, 0.0);
        assert_eq!(local_offset_ms_in(&ny, transition - 1.0), -5.0 * H);
        assert_eq!(local_offset_ms_in(&ny, transition), -4.0 * H);
        // 01:59 local is plain EST.
        let t = utc_from_local_in(&ny, local(2026.0, 3.0, 8.0, 1.0, 59.0));
        assert_eq!(t, local(2026.0, 3.0, 8.0, 6.0, 59.0));
        // 02:30 never happens; it is read with the offset before the jump (EST): 07:30Z, which
        // clocks show as 03:30 EDT.
        let t = utc_from_local_in(&ny, local(2026.0, 3.0, 8.0, 2.0, 30.0));
        assert_eq!(t, local(2026.0, 3.0, 8.0, 7.0, 30.0));
        assert_eq!(local_time_in(&ny, t), local(2026.0, 3.0, 8.0, 3.0, 30.0));
        // 03:00 is EDT.
        let t = utc_from_local_in(&ny, local(2026.0, 3.0, 8.0, 3.0, 0.0));
        assert_eq!(t, transition);
    }

    #[test]
    fn new_york_fall_back() {
        // 2026-11-01: at 02:00 EDT (06:00Z) clocks go back to 01:00 EST; 01:30 happens twice.
        let ny = zone("America/New_York");
        let transition = local(2026.0, 11.0, 1.0, 6.0, 0.0);
        assert_eq!(local_offset_ms_in(&ny, transition - 1.0), -4.0 * H);
        assert_eq!(local_offset_ms_in(&ny, transition), -5.0 * H);
        // The first 01:30, EDT (the offset before the transition), is chosen.
        let t = utc_from_local_in(&ny, local(2026.0, 11.0, 1.0, 1.0, 30.0));
        assert_eq!(t, local(2026.0, 11.0, 1.0, 5.0, 30.0));
        // After the overlap, EST.
        let t = utc_from_local_in(&ny, local(2026.0, 11.0, 1.0, 2.0, 30.0));
        assert_eq!(t, local(2026.0, 11.0, 1.0, 7.0, 30.0));
    }

    #[test]
    fn berlin_spring_forward_and_names() {
        // 2026-03-29: at 02:00 CET (01:00Z) clocks jump to 03:00 CEST.
        let berlin = zone("Europe/Berlin");
        let transition = local(2026.0, 3.0, 29.0, 1.0, 0.0);
        assert_eq!(local_offset_ms_in(&berlin, transition - 1.0), H);
        assert_eq!(zone_name_in(&berlin, transition - 1.0), "CET");
        assert_eq!(local_offset_ms_in(&berlin, transition), 2.0 * H);
        assert_eq!(zone_name_in(&berlin, transition), "CEST");
        // 02:30 does not exist: read as 02:30 CET = 01:30Z.
        let t = utc_from_local_in(&berlin, local(2026.0, 3.0, 29.0, 2.0, 30.0));
        assert_eq!(t, local(2026.0, 3.0, 29.0, 1.0, 30.0));
        // 2026-10-25: 02:30 happens twice; the first (CEST, 00:30Z) wins.
        let t = utc_from_local_in(&berlin, local(2026.0, 10.0, 25.0, 2.0, 30.0));
        assert_eq!(t, local(2026.0, 10.0, 25.0, 0.0, 30.0));
    }

    #[test]
    fn round_trip_around_the_year() {
        // utc_from_local inverts local_time everywhere except inside the repeated hour.
        for name in ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC"] {
            let tz = zone(name);
            let mut t = local(2026.0, 1.0, 1.0, 0.0, 0.0);
            while t < local(2027.0, 1.0, 1.0, 0.0, 0.0) {
                let back = utc_from_local_in(&tz, local_time_in(&tz, t));
                let in_overlap = back != t && back == t - H;
                assert!(back == t || in_overlap, "{name} {t}");
                t += 15.0 * MS_PER_MINUTE * 7.0;
            }
        }
    }

    #[test]
    fn far_times_use_equivalent_years() {
        let ny = zone("America/New_York");
        // Year 200,000, in July: still daylight time under today's rule.
        let t = local(200_000.0, 7.0, 1.0, 12.0, 0.0);
        assert_eq!(local_offset_ms_in(&ny, t), -4.0 * H);
        assert_eq!(utc_from_local_in(&ny, t - 4.0 * H), t);
        // The ends of the range give finite answers.
        for t in [-8.64e15, 8.64e15] {
            assert!(local_offset_ms_in(&ny, t).is_finite());
            assert!(utc_from_local_in(&ny, t).is_finite());
            assert!(!zone_name_in(&ny, t).is_empty());
        }
        assert!(local_offset_ms_in(&ny, f64::NAN).is_nan());
        assert!(utc_from_local_in(&ny, f64::NAN).is_nan());
    }

    #[test]
    fn half_hour_zone_and_numeric_names() {
        let kolkata = zone("Asia/Kolkata");
        let t = local(2026.0, 1.0, 1.0, 0.0, 0.0);
        assert_eq!(local_offset_ms_in(&kolkata, t), 5.5 * H);
        assert_eq!(zone_name_in(&kolkata, t), "IST");
        // A zone whose abbreviation is numeric ("+03") gets a GMT name.
        let istanbul = TimeZone::posix("<+03>-3").unwrap();
        assert_eq!(zone_name_in(&istanbul, t), "GMT+0300");
        assert_eq!(offset_string(-5.5 * H), "-0530");
        assert_eq!(offset_string(0.0), "+0000");
        // 1800s local mean time: -4:56:02 prints as -0456.
        assert_eq!(offset_string(-17_762_000.0), "-0456");
    }

    #[test]
    fn system_zone_is_consistent() {
        // Whatever the machine's zone, the public functions agree with one another.
        let t = 1_266_327_000_000.0;
        assert_eq!(local_time(t), t + local_offset_ms(t));
        assert_eq!(utc_from_local(local_time(t)), t);
        assert!(!zone_name(t).is_empty());
    }
}
