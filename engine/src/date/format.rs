//! The strings `Date.prototype`'s conversion methods produce (ES5.1 15.9.5.2–15.9.5.7,
//! 15.9.5.42–15.9.5.43).
//!
//! ES5.1 leaves most of these "implementation-dependent"; we produce exactly what V8 (and so
//! node) produces, because that is what programs and their tests compare against:
//!
//! | method               | example                                        |
//! |----------------------|------------------------------------------------|
//! | `toString`           | `Tue Feb 16 2010 14:30:00 GMT+0100 (CET)`      |
//! | `toDateString`       | `Tue Feb 16 2010`                              |
//! | `toTimeString`       | `14:30:00 GMT+0100 (CET)`                      |
//! | `toUTCString`        | `Tue, 16 Feb 2010 13:30:00 GMT`                |
//! | `toISOString`        | `2010-02-16T13:30:00.000Z`                     |
//! | `toLocaleString`     | `2/16/2010, 2:30:00 PM`                        |
//! | `toLocaleDateString` | `2/16/2010`                                    |
//! | `toLocaleTimeString` | `2:30:00 PM`                                   |
//!
//! (The examples are 2010-02-16T13:30:00Z seen from Berlin.) The zone name in parentheses is the
//! database's abbreviation where V8 would print a long name ("Central European Standard Time");
//! the parser ignores it either way. Years before 0 print with a minus sign and at least four
//! digits ("-0001"), later ones with at least four ("0005", "275760").
//!
//! There is no locale support: the `toLocale…` forms are always those of node's default en-US
//! locale — month/day/year, a 12-hour clock with AM/PM, and a plain space before AM/PM (recent
//! ICU versions print a narrow no-break space there). The year prints as a plain signed number.
//!
//! A NaN time value formats as "Invalid Date", except for `toISOString`, which must throw a
//! RangeError instead; [`to_iso_string`] returns `None` and leaves the throwing to its caller.

use jiff::tz::TimeZone;

use super::time::{
    date_from_time, hour_from_time, min_from_time, month_from_time, ms_from_time, sec_from_time,
    week_day, year_from_time,
};
use super::zone::{local_offset_ms_in, offset_string, system_zone, zone_name_in};

/// What every method returns for a NaN time value (ES5.1 leaves it open; ES2015 fixes this text).
pub const INVALID_DATE: &str = "Invalid Date";

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The calendar fields of a (finite) time value, read as UTC. Applied to a local time
/// (`t + offset`) it gives the local fields.
struct Fields {
    year: i64,
    month: usize,
    date: u32,
    weekday: usize,
    hour: u32,
    minute: u32,
    second: u32,
    ms: u32,
}

impl Fields {
    fn of(t: f64) -> Fields {
        Fields {
            year: year_from_time(t) as i64,
            month: month_from_time(t) as usize,
            date: date_from_time(t) as u32,
            weekday: week_day(t) as usize,
            hour: hour_from_time(t) as u32,
            minute: min_from_time(t) as u32,
            second: sec_from_time(t) as u32,
            ms: ms_from_time(t) as u32,
        }
    }

    /// "Tue Feb 16 2010"
    fn date_part(&self) -> String {
        format!(
            "{} {} {:02} {}",
            WEEKDAYS[self.weekday],
            MONTHS[self.month],
            self.date,
            year_string(self.year)
        )
    }

    /// "14:30:00"
    fn time_part(&self) -> String {
        format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
    }

    /// "2/16/2010"
    fn locale_date_part(&self) -> String {
        format!("{}/{}/{}", self.month + 1, self.date, self.year)
    }

    /// "2:30:00 PM"
    fn locale_time_part(&self) -> String {
        let hour12 = match self.hour % 12 {
            0 => 12,
            h => h,
        };
        let meridiem = if self.hour < 12 { "AM" } else { "PM" };
        format!(
            "{}:{:02}:{:02} {}",
            hour12, self.minute, self.second, meridiem
        )
    }
}

/// A year as V8 prints it in `toString` and `toUTCString`: at least four digits, and a minus sign
/// (which, as in C's `%05d`, counts toward a width of five) before year 0.
fn year_string(year: i64) -> String {
    if year < 0 {
        format!("{year:05}")
    } else {
        format!("{year:04}")
    }
}

/// The local fields of `t`, the offset, and the zone's name: what the local forms print.
fn local_parts(tz: &TimeZone, t: f64) -> (Fields, f64, String) {
    let offset = local_offset_ms_in(tz, t);
    (Fields::of(t + offset), offset, zone_name_in(tz, t))
}

/// ES5.1 15.9.5.2 `Date.prototype.toString`: local date, time and zone, as
/// "Tue Feb 16 2010 14:30:00 GMT+0100 (CET)".
pub fn to_string(t: f64) -> String {
    to_string_in(system_zone(), t)
}

/// ES5.1 15.9.5.3 `Date.prototype.toDateString`: the local date, as "Tue Feb 16 2010".
pub fn to_date_string(t: f64) -> String {
    to_date_string_in(system_zone(), t)
}

/// ES5.1 15.9.5.4 `Date.prototype.toTimeString`: the local time and zone, as
/// "14:30:00 GMT+0100 (CET)".
pub fn to_time_string(t: f64) -> String {
    to_time_string_in(system_zone(), t)
}

/// ES5.1 15.9.5.5 `Date.prototype.toLocaleString`: "2/16/2010, 2:30:00 PM" (local time, en-US
/// style; see the module documentation).
pub fn to_locale_string(t: f64) -> String {
    to_locale_string_in(system_zone(), t)
}

/// ES5.1 15.9.5.6 `Date.prototype.toLocaleDateString`: "2/16/2010".
pub fn to_locale_date_string(t: f64) -> String {
    to_locale_date_string_in(system_zone(), t)
}

/// ES5.1 15.9.5.7 `Date.prototype.toLocaleTimeString`: "2:30:00 PM".
pub fn to_locale_time_string(t: f64) -> String {
    to_locale_time_string_in(system_zone(), t)
}

/// ES5.1 15.9.5.42 `Date.prototype.toUTCString`: the UTC date and time in the RFC 1123 style of
/// HTTP headers, as "Tue, 16 Feb 2010 13:30:00 GMT".
pub fn to_utc_string(t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    let f = Fields::of(t);
    format!(
        "{}, {:02} {} {} {} GMT",
        WEEKDAYS[f.weekday],
        f.date,
        MONTHS[f.month],
        year_string(f.year),
        f.time_part()
    )
}

/// ES5.1 15.9.5.43 `Date.prototype.toISOString`: the UTC date and time in the format of
/// 15.9.1.15, as "2010-02-16T13:30:00.000Z". Years outside 0–9999 take the extended form with a
/// sign and six digits ("+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z").
///
/// `None` for NaN, for which the method throws a RangeError.
pub fn to_iso_string(t: f64) -> Option<String> {
    if !t.is_finite() {
        return None;
    }
    let f = Fields::of(t);
    let year = if (0..=9999).contains(&f.year) {
        format!("{:04}", f.year)
    } else if f.year < 0 {
        format!("-{:06}", -f.year)
    } else {
        format!("+{:06}", f.year)
    };
    Some(format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        year,
        f.month + 1,
        f.date,
        f.hour,
        f.minute,
        f.second,
        f.ms
    ))
}

/// [`to_string`] in the zone `tz`.
pub(crate) fn to_string_in(tz: &TimeZone, t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    let (fields, offset, name) = local_parts(tz, t);
    format!(
        "{} {} GMT{} ({})",
        fields.date_part(),
        fields.time_part(),
        offset_string(offset),
        name
    )
}

/// [`to_date_string`] in the zone `tz`.
pub(crate) fn to_date_string_in(tz: &TimeZone, t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    local_parts(tz, t).0.date_part()
}

/// [`to_time_string`] in the zone `tz`.
pub(crate) fn to_time_string_in(tz: &TimeZone, t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    let (fields, offset, name) = local_parts(tz, t);
    format!(
        "{} GMT{} ({})",
        fields.time_part(),
        offset_string(offset),
        name
    )
}

/// [`to_locale_string`] in the zone `tz`.
pub(crate) fn to_locale_string_in(tz: &TimeZone, t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    let fields = local_parts(tz, t).0;
    format!(
        "{}, {}",
        fields.locale_date_part(),
        fields.locale_time_part()
    )
}

/// [`to_locale_date_string`] in the zone `tz`.
pub(crate) fn to_locale_date_string_in(tz: &TimeZone, t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    local_parts(tz, t).0.locale_date_part()
}

/// [`to_locale_time_string`] in the zone `tz`.
pub(crate) fn to_locale_time_string_in(tz: &TimeZone, t: f64) -> String {
    if !t.is_finite() {
        return INVALID_DATE.to_string();
    }
    local_parts(tz, t).0.locale_time_part()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::zone::tests::{local, zone};

    /// 2010-02-16T13:30:00Z.
    const T: f64 = 1_266_327_000_000.0;

    #[test]
    fn berlin_forms() {
        let berlin = zone("Europe/Berlin");
        assert_eq!(
            to_string_in(&berlin, T),
            "Tue Feb 16 2010 14:30:00 GMT+0100 (CET)"
        );
        assert_eq!(to_date_string_in(&berlin, T), "Tue Feb 16 2010");
        assert_eq!(to_time_string_in(&berlin, T), "14:30:00 GMT+0100 (CET)");
        assert_eq!(to_locale_string_in(&berlin, T), "2/16/2010, 2:30:00 PM");
        assert_eq!(to_locale_date_string_in(&berlin, T), "2/16/2010");
        assert_eq!(to_locale_time_string_in(&berlin, T), "2:30:00 PM");
        // Summer time.
        let summer = local(2010.0, 7.0, 4.0, 22.0, 5.0);
        assert_eq!(
            to_string_in(&berlin, summer),
            "Mon Jul 05 2010 00:05:00 GMT+0200 (CEST)"
        );
        assert_eq!(
            to_locale_string_in(&berlin, summer),
            "7/5/2010, 12:05:00 AM"
        );
    }

    #[test]
    fn new_york_forms() {
        let ny = zone("America/New_York");
        assert_eq!(
            to_string_in(&ny, T),
            "Tue Feb 16 2010 08:30:00 GMT-0500 (EST)"
        );
        assert_eq!(to_locale_time_string_in(&ny, T), "8:30:00 AM");
        assert_eq!(
            to_locale_time_string_in(&ny, T + 4.0 * 3_600_000.0),
            "12:30:00 PM"
        );
        // The evening before, in local time, is another day.
        let evening = local(2010.0, 2.0, 16.0, 3.0, 0.0);
        assert_eq!(to_date_string_in(&ny, evening), "Mon Feb 15 2010");
    }

    #[test]
    fn utc_and_iso_forms() {
        assert_eq!(to_utc_string(T), "Tue, 16 Feb 2010 13:30:00 GMT");
        assert_eq!(
            to_iso_string(T + 7.0).as_deref(),
            Some("2010-02-16T13:30:00.007Z")
        );
        assert_eq!(to_utc_string(0.0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(
            to_iso_string(-1.0).as_deref(),
            Some("1969-12-31T23:59:59.999Z")
        );
        let utc = zone("UTC");
        assert_eq!(
            to_string_in(&utc, 0.0),
            "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)"
        );
    }

    #[test]
    fn extreme_years() {
        // The ends of the range.
        assert_eq!(
            to_iso_string(8.64e15).as_deref(),
            Some("+275760-09-13T00:00:00.000Z")
        );
        assert_eq!(
            to_iso_string(-8.64e15).as_deref(),
            Some("-271821-04-20T00:00:00.000Z")
        );
        assert_eq!(to_utc_string(8.64e15), "Sat, 13 Sep 275760 00:00:00 GMT");
        assert_eq!(to_utc_string(-8.64e15), "Tue, 20 Apr -271821 00:00:00 GMT");
        // Years 0, -1, 5 and 10000.
        let y0 = -62_167_219_200_000.0;
        assert_eq!(
            to_iso_string(y0).as_deref(),
            Some("0000-01-01T00:00:00.000Z")
        );
        assert_eq!(
            to_iso_string(y0 - 1.0).as_deref(),
            Some("-000001-12-31T23:59:59.999Z")
        );
        assert_eq!(to_utc_string(y0 - 1.0), "Fri, 31 Dec -0001 23:59:59 GMT");
        let y5 = local(5.0, 1.0, 1.0, 0.0, 0.0);
        assert_eq!(to_utc_string(y5), "Sat, 01 Jan 0005 00:00:00 GMT");
        let y10000 = local(10000.0, 1.0, 1.0, 0.0, 0.0);
        assert_eq!(
            to_iso_string(y10000).as_deref(),
            Some("+010000-01-01T00:00:00.000Z")
        );
        let utc = zone("UTC");
        assert_eq!(
            to_string_in(&utc, y0 - 1.0),
            "Fri Dec 31 -0001 23:59:59 GMT+0000 (UTC)"
        );
        assert_eq!(to_locale_date_string_in(&utc, y0 - 1.0), "12/31/-1");
    }

    #[test]
    fn invalid_date() {
        let n = f64::NAN;
        assert_eq!(to_string(n), "Invalid Date");
        assert_eq!(to_date_string(n), "Invalid Date");
        assert_eq!(to_time_string(n), "Invalid Date");
        assert_eq!(to_utc_string(n), "Invalid Date");
        assert_eq!(to_locale_string(n), "Invalid Date");
        assert_eq!(to_locale_date_string(n), "Invalid Date");
        assert_eq!(to_locale_time_string(n), "Invalid Date");
        assert_eq!(to_iso_string(n), None);
        for n in [f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(to_string(n), "Invalid Date");
            assert_eq!(to_utc_string(n), "Invalid Date");
            assert_eq!(to_iso_string(n), None);
        }
    }

    #[test]
    fn system_zone_forms_are_well_shaped() {
        // Whatever zone the machine is in, the shapes hold.
        let s = to_string(T);
        assert!(
            s.starts_with("Tue Feb 16 2010 ")
                || s.starts_with("Wed Feb 17 2010 ")
                || s.starts_with("Mon Feb 15 2010 "),
            "{s}"
        );
        assert!(s.contains(" GMT") && s.ends_with(')'), "{s}");
        assert_eq!(to_date_string(T).len(), 15);
    }
}
