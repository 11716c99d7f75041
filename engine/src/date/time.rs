//! The spec's time arithmetic: ES5.1 15.9.1.2–15.9.1.14.
//!
//! A *time value* is a number of milliseconds since 1970-01-01T00:00:00Z (the epoch), ignoring
//! leap seconds, or NaN for "no time". Every function here takes and returns `f64` exactly as the
//! spec's abstract operations do, so the code can be read side by side with the spec text:
//! NaN in gives NaN out, and no argument is ever assumed to be finite.
//!
//! The calendar is the proleptic Gregorian one, extended to years before 1 and after 9999
//! (year 0 exists and is a leap year; year -1 is 2 BC).

/// Milliseconds in a second (ES5.1 15.9.1.10).
pub const MS_PER_SECOND: f64 = 1000.0;
/// Milliseconds in a minute (ES5.1 15.9.1.10).
pub const MS_PER_MINUTE: f64 = 60_000.0;
/// Milliseconds in an hour (ES5.1 15.9.1.10).
pub const MS_PER_HOUR: f64 = 3_600_000.0;
/// Milliseconds in a day (ES5.1 15.9.1.2).
pub const MS_PER_DAY: f64 = 86_400_000.0;
/// The largest magnitude a time value may have: 100,000,000 days either side of the epoch
/// (ES5.1 15.9.1.1), i.e. from -271821-04-20T00:00:00Z to +275760-09-13T00:00:00Z.
pub const MAX_TIME: f64 = 8.64e15;

/// ES5.1 9.4 ToInteger, restricted to numbers: NaN → +0, ±∞ stays, otherwise truncate toward
/// zero (so -0.5 → -0).
pub fn to_integer(n: f64) -> f64 {
    if n.is_nan() {
        0.0
    } else {
        n.trunc()
    }
}

/// `x modulo y` as the spec defines it (ES5.1 5.2): the result has the sign of `y`, so
/// `-1 modulo 7` is 6. NaN stays NaN.
fn modulo(x: f64, y: f64) -> f64 {
    let r = x % y;
    if r != 0.0 && (r < 0.0) != (y < 0.0) {
        r + y
    } else {
        // `+ 0.0` turns a -0 remainder into +0, as the spec's mathematical modulo has no -0.
        r + 0.0
    }
}

/// ES5.1 15.9.1.2 Day(t): the number of the day containing `t`. `Day(t) = floor(t / msPerDay)`.
pub fn day(t: f64) -> f64 {
    (t / MS_PER_DAY).floor()
}

/// ES5.1 15.9.1.2 TimeWithinDay(t): the milliseconds since the start of `t`'s day.
/// `TimeWithinDay(t) = t modulo msPerDay`.
pub fn time_within_day(t: f64) -> f64 {
    modulo(t, MS_PER_DAY)
}

/// ES5.1 15.9.1.3 DaysInYear(y): 366 in a leap year, else 365.
///
/// ```text
/// DaysInYear(y) = 365 if (y modulo 4) ≠ 0
///               = 366 if (y modulo 4) = 0 and (y modulo 100) ≠ 0
///               = 365 if (y modulo 100) = 0 and (y modulo 400) ≠ 0
///               = 366 if (y modulo 400) = 0
/// ```
pub fn days_in_year(y: f64) -> f64 {
    if y.is_nan() {
        return f64::NAN;
    }
    if modulo(y, 4.0) != 0.0 {
        365.0
    } else if modulo(y, 100.0) != 0.0 {
        366.0
    } else if modulo(y, 400.0) != 0.0 {
        365.0
    } else {
        366.0
    }
}

/// ES5.1 15.9.1.3 DayFromYear(y): the day number of the first day of year `y`.
///
/// `DayFromYear(y) = 365 × (y−1970) + floor((y−1969)/4) − floor((y−1901)/100) + floor((y−1601)/400)`
///
/// The three `floor` terms count the leap days between 1970 and `y`: one every 4 years, less one
/// every 100, plus one every 400.
pub fn day_from_year(y: f64) -> f64 {
    365.0 * (y - 1970.0) + ((y - 1969.0) / 4.0).floor() - ((y - 1901.0) / 100.0).floor()
        + ((y - 1601.0) / 400.0).floor()
}

/// ES5.1 15.9.1.3 TimeFromYear(y): the time value at the start of year `y`.
/// `TimeFromYear(y) = msPerDay × DayFromYear(y)`.
pub fn time_from_year(y: f64) -> f64 {
    MS_PER_DAY * day_from_year(y)
}

/// ES5.1 15.9.1.3 YearFromTime(t): "the largest integer y (closest to positive infinity) such
/// that TimeFromYear(y) ≤ t".
///
/// Rather than walk year by year (up to 275,760 steps at the ends of the range), this estimates
/// the year from the mean Gregorian year length (365.2425 days) and then corrects the estimate,
/// which is off by at most one year.
pub fn year_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    let mut y = (day(t) / 365.2425).floor() + 1970.0;
    // The estimate can land a year either side of the answer. (The loops are bounded only so
    // that numbers far outside the range of time values, where `f64` can no longer tell one
    // year from the next, cannot make them spin.)
    for _ in 0..4 {
        if time_from_year(y) > t {
            y -= 1.0;
        } else if time_from_year(y + 1.0) <= t {
            y += 1.0;
        } else {
            break;
        }
    }
    y
}

/// ES5.1 15.9.1.3 InLeapYear(t): whether `t` falls in a leap year. (The spec returns 1 or 0 and
/// adds it to day counts; here it is a `bool` and callers add `leap as i32`.)
pub fn in_leap_year(t: f64) -> bool {
    days_in_year(year_from_time(t)) == 366.0
}

/// ES5.1 15.9.1.4 DayWithinYear(t) = Day(t) − DayFromYear(YearFromTime(t)): 0 for January 1st.
pub fn day_within_year(t: f64) -> f64 {
    day(t) - day_from_year(year_from_time(t))
}

/// The day within a (non-leap) year on which each month starts; a leap year adds 1 from March on.
/// These are the bounds in the table of ES5.1 15.9.1.4.
const MONTH_START: [f64; 13] = [
    0.0, 31.0, 59.0, 90.0, 120.0, 151.0, 181.0, 212.0, 243.0, 273.0, 304.0, 334.0, 365.0,
];

/// The day within the year on which month `m` (0–11, or 12 for "the end of the year") starts.
fn month_start(m: usize, leap: bool) -> f64 {
    MONTH_START[m] + if leap && m >= 2 { 1.0 } else { 0.0 }
}

/// The number of days in month `month` (0 = January … 11 = December) of year `year`.
pub fn days_in_month(year: f64, month: u32) -> u32 {
    match month {
        0 | 2 | 4 | 6 | 7 | 9 | 11 => 31,
        3 | 5 | 8 | 10 => 30,
        _ => {
            if days_in_year(year) == 366.0 {
                29
            } else {
                28
            }
        }
    }
}

/// ES5.1 15.9.1.4 MonthFromTime(t): 0 for January through 11 for December.
///
/// ```text
/// MonthFromTime(t) = 0 if 0 ≤ DayWithinYear(t) < 31
///                  = 1 if 31 ≤ DayWithinYear(t) < 59 + InLeapYear(t)
///                  = 2 if 59 + InLeapYear(t) ≤ DayWithinYear(t) < 90 + InLeapYear(t)
///                  …
///                  = 11 if 334 + InLeapYear(t) ≤ DayWithinYear(t) < 365 + InLeapYear(t)
/// ```
pub fn month_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    let leap = in_leap_year(t);
    let d = day_within_year(t);
    // The first month whose successor starts after `d`.
    (0..12)
        .find(|&m| d < month_start(m + 1, leap))
        .map_or(11.0, |m| m as f64)
}

/// ES5.1 15.9.1.5 DateFromTime(t): the day of the month, 1 through 31.
///
/// ```text
/// DateFromTime(t) = DayWithinYear(t) + 1                   if MonthFromTime(t) = 0
///                 = DayWithinYear(t) − 30                  if MonthFromTime(t) = 1
///                 = DayWithinYear(t) − 58 − InLeapYear(t)  if MonthFromTime(t) = 2
///                 …  (DayWithinYear(t) − start of the month + 1)
/// ```
pub fn date_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    let m = month_from_time(t) as usize;
    day_within_year(t) - month_start(m, in_leap_year(t)) + 1.0
}

/// ES5.1 15.9.1.6 WeekDay(t): 0 for Sunday through 6 for Saturday.
/// `WeekDay(t) = (Day(t) + 4) modulo 7` — the epoch, day 0, was a Thursday.
pub fn week_day(t: f64) -> f64 {
    modulo(day(t) + 4.0, 7.0)
}

/// ES5.1 15.9.1.10 HourFromTime(t) = floor(t / msPerHour) modulo HoursPerDay.
pub fn hour_from_time(t: f64) -> f64 {
    modulo((t / MS_PER_HOUR).floor(), 24.0)
}

/// ES5.1 15.9.1.10 MinFromTime(t) = floor(t / msPerMinute) modulo MinutesPerHour.
pub fn min_from_time(t: f64) -> f64 {
    modulo((t / MS_PER_MINUTE).floor(), 60.0)
}

/// ES5.1 15.9.1.10 SecFromTime(t) = floor(t / msPerSecond) modulo SecondsPerMinute.
pub fn sec_from_time(t: f64) -> f64 {
    modulo((t / MS_PER_SECOND).floor(), 60.0)
}

/// ES5.1 15.9.1.10 msFromTime(t) = t modulo msPerSecond.
pub fn ms_from_time(t: f64) -> f64 {
    modulo(t, MS_PER_SECOND)
}

/// ES5.1 15.9.1.11 MakeTime(hour, min, sec, ms): milliseconds from the four fields, which may be
/// out of their usual ranges (`make_time(25, 0, 0, 0)` is a day and an hour) or negative.
pub fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    // 1. If hour is not finite or min is not finite or sec is not finite or ms is not finite,
    //    return NaN.
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    // 2.–5. Let h, m, s, milli be ToInteger of each.
    let (h, m, s, milli) = (
        to_integer(hour),
        to_integer(min),
        to_integer(sec),
        to_integer(ms),
    );
    // 6. Let t be h * msPerHour + m * msPerMinute + s * msPerSecond + milli, performing the
    //    arithmetic according to IEEE 754 rules (that is, as if using the ECMAScript operators
    //    * and +).
    // 7. Return t.
    h * MS_PER_HOUR + m * MS_PER_MINUTE + s * MS_PER_SECOND + milli
}

/// The years beyond which [`make_day`] gives up (as V8 does): far outside the ±275,760 years a
/// time value can reach, so no valid date is lost, and small enough that the arithmetic stays
/// exact.
const MAX_MAKE_DAY_YEAR: f64 = 1_000_000.0;
/// The month numbers beyond which [`make_day`] gives up (as V8 does).
const MAX_MAKE_DAY_MONTH: f64 = 10_000_000.0;

/// ES5.1 15.9.1.12 MakeDay(year, month, date): the day number of the given date. `month` counts
/// from 0 and may overflow into other years (month 12 is January of the next year, month -1 is
/// December of the previous one); `date` counts from 1 and may overflow likewise.
pub fn make_day(year: f64, month: f64, date: f64) -> f64 {
    // 1. If year is not finite or month is not finite or date is not finite, return NaN.
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    // 2.–4. Let y, m, dt be ToInteger(year), ToInteger(month), ToInteger(date).
    let (y, m, dt) = (to_integer(year), to_integer(month), to_integer(date));
    // (Arguments so large that no time value could come of them: "if this is not possible
    // (because some argument is out of range), return NaN".)
    if y.abs() > MAX_MAKE_DAY_YEAR || m.abs() > MAX_MAKE_DAY_MONTH {
        return f64::NAN;
    }
    // 5. Let ym be y + floor(m / 12).
    let ym = y + (m / 12.0).floor();
    // 6. Let mn be m modulo 12.
    let mn = modulo(m, 12.0);
    // 7. Find a value t such that YearFromTime(t) == ym and MonthFromTime(t) == mn and
    //    DateFromTime(t) == 1 — the start of month mn of year ym, computed directly.
    let leap = days_in_year(ym) == 366.0;
    let first_of_month = day_from_year(ym) + month_start(mn as usize, leap);
    // 8. Return Day(t) + dt − 1.
    first_of_month + dt - 1.0
}

/// ES5.1 15.9.1.13 MakeDate(day, time): the time value of `time` milliseconds into day `day`.
pub fn make_date(day: f64, time: f64) -> f64 {
    // 1. If day is not finite or time is not finite, return NaN.
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    // 2. Return day × msPerDay + time.
    day * MS_PER_DAY + time
}

/// ES5.1 15.9.1.14 TimeClip(time): a time value, or NaN if `time` is out of range.
pub fn time_clip(time: f64) -> f64 {
    // 1. If time is not finite, return NaN.
    // 2. If abs(time) > 8.64 × 10^15, return NaN.
    if !time.is_finite() || time.abs() > MAX_TIME {
        return f64::NAN;
    }
    // 3. Return an implementation-dependent choice of either ToInteger(time) or
    //    ToInteger(time) + (+0). We pick the latter, as every engine does (and ES2015 requires):
    //    it turns -0 into +0, so `new Date(-0)` holds +0.
    to_integer(time) + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The time value of a UTC date and time, via the spec's own operations.
    fn utc(y: f64, mo: f64, d: f64, h: f64, mi: f64, s: f64, ms: f64) -> f64 {
        make_date(make_day(y, mo, d), make_time(h, mi, s, ms))
    }

    /// Every field of `t`, for comparing against a known date.
    fn fields(t: f64) -> [f64; 8] {
        [
            year_from_time(t),
            month_from_time(t),
            date_from_time(t),
            hour_from_time(t),
            min_from_time(t),
            sec_from_time(t),
            ms_from_time(t),
            week_day(t),
        ]
    }

    #[test]
    fn epoch() {
        assert_eq!(fields(0.0), [1970.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 4.0]);
        assert_eq!(utc(1970.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0), 0.0);
        assert_eq!(day(0.0), 0.0);
        assert_eq!(day(-1.0), -1.0);
        assert_eq!(time_within_day(-1.0), MS_PER_DAY - 1.0);
    }

    #[test]
    fn known_dates() {
        // 2010-02-16T13:30:00.123Z, a Tuesday.
        let t = 1_266_327_000_123.0;
        assert_eq!(fields(t), [2010.0, 1.0, 16.0, 13.0, 30.0, 0.0, 123.0, 2.0]);
        assert_eq!(utc(2010.0, 1.0, 16.0, 13.0, 30.0, 0.0, 123.0), t);
        // 2000-02-29T00:00:00Z, a Tuesday, and the day before the epoch's end of a leap February.
        let t = 951_782_400_000.0;
        assert_eq!(fields(t), [2000.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
        // 1969-12-31T23:59:59.999Z, a Wednesday: negative times count down from the epoch.
        assert_eq!(
            fields(-1.0),
            [1969.0, 11.0, 31.0, 23.0, 59.0, 59.0, 999.0, 3.0]
        );
        // 1900-03-01 (1900 is not a leap year, so February has 28 days).
        let t = utc(1900.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0);
        assert_eq!(&fields(t)[..3], &[1900.0, 2.0, 1.0]);
        assert_eq!(t, -2_203_891_200_000.0);
    }

    #[test]
    fn negative_years() {
        // Year 0 (1 BC) is a leap year in the proleptic Gregorian calendar.
        assert_eq!(days_in_year(0.0), 366.0);
        assert_eq!(days_in_year(-1.0), 365.0);
        assert_eq!(days_in_year(-4.0), 366.0);
        assert_eq!(days_in_year(-100.0), 365.0);
        assert_eq!(days_in_year(-400.0), 366.0);
        // 0000-01-01T00:00:00Z = -62167219200000 (as `Date.UTC(0, 0, 1)` with year 0 literal).
        let t = -62_167_219_200_000.0;
        assert_eq!(time_from_year(0.0), t);
        assert_eq!(fields(t), [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 6.0]);
        assert_eq!(fields(t - 1.0)[..3], [-1.0, 11.0, 31.0]);
        // -000001-02-28 + 1 day is March 1st (year -1 is not leap); in year -4 it is Feb 29th.
        let t = utc(-1.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0);
        assert_eq!(fields(t)[..3], [-1.0, 2.0, 1.0]);
        let t = utc(-4.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0);
        assert_eq!(fields(t)[..3], [-4.0, 1.0, 29.0]);
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_year(1900.0), 365.0);
        assert_eq!(days_in_year(2000.0), 366.0);
        assert_eq!(days_in_year(2024.0), 366.0);
        assert_eq!(days_in_year(2023.0), 365.0);
        assert_eq!(days_in_year(2100.0), 365.0);
        assert!(!in_leap_year(time_from_year(1900.0)));
        assert!(in_leap_year(time_from_year(2000.0)));
        assert!(in_leap_year(time_from_year(2024.0) + 200.0 * MS_PER_DAY));
        assert_eq!(days_in_month(1900.0, 1), 28);
        assert_eq!(days_in_month(2000.0, 1), 29);
        assert_eq!(days_in_month(2024.0, 1), 29);
        // The last day of a leap year is its 366th.
        let dec31 = utc(2024.0, 11.0, 31.0, 0.0, 0.0, 0.0, 0.0);
        assert_eq!(day_within_year(dec31), 365.0);
        assert_eq!(fields(dec31)[..3], [2024.0, 11.0, 31.0]);
    }

    #[test]
    fn limits() {
        // The range ends: -271821-04-20T00:00:00Z and +275760-09-13T00:00:00Z.
        assert_eq!(fields(-MAX_TIME)[..3], [-271821.0, 3.0, 20.0]);
        assert_eq!(week_day(-MAX_TIME), 2.0);
        assert_eq!(fields(MAX_TIME)[..3], [275760.0, 8.0, 13.0]);
        assert_eq!(week_day(MAX_TIME), 6.0);
        assert_eq!(utc(275760.0, 8.0, 13.0, 0.0, 0.0, 0.0, 0.0), MAX_TIME);
        assert_eq!(utc(-271821.0, 3.0, 20.0, 0.0, 0.0, 0.0, 0.0), -MAX_TIME);
        assert_eq!(time_clip(MAX_TIME), MAX_TIME);
        assert_eq!(time_clip(-MAX_TIME), -MAX_TIME);
        assert!(time_clip(MAX_TIME + 1.0).is_nan());
        assert!(time_clip(-MAX_TIME - 1.0).is_nan());
    }

    #[test]
    fn year_from_time_everywhere() {
        // The first and last millisecond of many years, far into both ends of the range.
        let mut y = -271_820.0;
        while y < 275_760.0 {
            let start = time_from_year(y);
            assert_eq!(year_from_time(start), y, "start of {y}");
            assert_eq!(year_from_time(start - 1.0), y - 1.0, "end of {}", y - 1.0);
            y += 997.0;
        }
        for y in 1890..2110 {
            let y = y as f64;
            assert_eq!(year_from_time(time_from_year(y)), y);
            assert_eq!(year_from_time(time_from_year(y) - 1.0), y - 1.0);
        }
        assert!(year_from_time(f64::NAN).is_nan());
        // Far outside the range of time values: an answer, not a hang.
        assert!(year_from_time(1e300) > 1e280);
        assert!(year_from_time(-f64::MAX) < 0.0);
        let _ = (month_from_time(1e300), date_from_time(-1e300));
        assert!(year_from_time(f64::INFINITY).is_nan());
    }

    #[test]
    fn month_and_date_every_day() {
        // Walk every day of 1999–2001 (non-leap, leap, non-leap) and check the fields increase.
        let mut t = time_from_year(1999.0);
        let (mut year, mut month, mut date) = (1999.0, 0.0, 1.0);
        while year < 2002.0 {
            assert_eq!(fields(t)[..3], [year, month, date]);
            t += MS_PER_DAY;
            date += 1.0;
            if date > days_in_month(year, month as u32) as f64 {
                date = 1.0;
                month += 1.0;
                if month == 12.0 {
                    month = 0.0;
                    year += 1.0;
                }
            }
        }
    }

    #[test]
    fn make_time_rules() {
        assert_eq!(make_time(1.0, 2.0, 3.0, 4.0), 3_723_004.0);
        // Fractions truncate toward zero, each field separately.
        assert_eq!(make_time(1.9, 0.0, 0.0, -0.5), MS_PER_HOUR);
        assert_eq!(make_time(25.0, 0.0, 0.0, 0.0), 25.0 * MS_PER_HOUR);
        assert_eq!(make_time(0.0, -1.0, 0.0, 0.0), -MS_PER_MINUTE);
        assert!(make_time(f64::NAN, 0.0, 0.0, 0.0).is_nan());
        assert!(make_time(0.0, 0.0, 0.0, f64::INFINITY).is_nan());
    }

    #[test]
    fn make_day_rules() {
        // 2010-02-16 is day 14656.
        assert_eq!(make_day(2010.0, 1.0, 16.0), 14_656.0);
        // Month 12 is January of the next year; month -1 is December of the previous one.
        assert_eq!(make_day(2009.0, 12.0, 1.0), make_day(2010.0, 0.0, 1.0));
        assert_eq!(make_day(2010.0, -1.0, 1.0), make_day(2009.0, 11.0, 1.0));
        assert_eq!(make_day(2010.0, 13.0, 1.0), make_day(2011.0, 1.0, 1.0));
        assert_eq!(make_day(2010.0, -13.0, 1.0), make_day(2008.0, 11.0, 1.0));
        // Dates overflow into neighbouring months: February 30th 2010 is March 2nd.
        assert_eq!(make_day(2010.0, 1.0, 30.0), make_day(2010.0, 2.0, 2.0));
        assert_eq!(make_day(2010.0, 0.0, 0.0), make_day(2009.0, 11.0, 31.0));
        // Fractions truncate.
        assert_eq!(make_day(2010.7, 1.9, 16.2), 14_656.0);
        assert!(make_day(f64::NAN, 0.0, 1.0).is_nan());
        assert!(make_day(2010.0, f64::INFINITY, 1.0).is_nan());
        assert!(make_day(2010.0, 0.0, f64::NEG_INFINITY).is_nan());
        assert!(make_day(1e20, 0.0, 1.0).is_nan());
        assert!(make_date(f64::NAN, 0.0).is_nan());
        assert!(make_date(0.0, f64::INFINITY).is_nan());
        assert_eq!(make_date(1.0, 5.0), MS_PER_DAY + 5.0);
    }

    #[test]
    fn time_clip_rules() {
        assert!(time_clip(f64::NAN).is_nan());
        assert!(time_clip(f64::INFINITY).is_nan());
        assert_eq!(time_clip(1.7), 1.0);
        assert_eq!(time_clip(-1.7), -1.0);
        let zero = time_clip(-0.0);
        assert!(zero == 0.0 && zero.is_sign_positive());
        let zero = time_clip(-0.5);
        assert!(zero == 0.0 && zero.is_sign_positive());
    }

    #[test]
    fn nan_propagates() {
        let n = f64::NAN;
        for f in [
            day,
            time_within_day,
            year_from_time,
            month_from_time,
            date_from_time,
            week_day,
            hour_from_time,
            min_from_time,
            sec_from_time,
            ms_from_time,
        ] {
            assert!(f(n).is_nan());
        }
        assert!(!in_leap_year(n));
    }
}
