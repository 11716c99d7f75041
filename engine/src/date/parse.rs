//! `Date.parse` (ES5.1 15.9.4.2): strings to time values.
//!
//! Two parsers, tried in order:
//!
//! 1. **The spec's format** (ES5.1 15.9.1.15, a simplification of ISO 8601):
//!    `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by `THH:mm`, `THH:mm:ss` or
//!    `THH:mm:ss.sss` and then `Z` or `±HH:mm`. Years may be written in the extended form `±YYYYYY`.
//!    A string in this shape with an impossible field ("2010-13-01", "2010-02-30T25:00") is NaN.
//!    Following ES2015+ (and every engine), date-only forms are UTC, while date-time forms
//!    without an offset are local time. As V8 does, the fraction may have any number of digits
//!    (beyond the third they are dropped). ES5.1's time-only forms ("T10:00") are not accepted,
//!    as in ES2015+ and V8.
//!
//! 2. **The legacy forms** browsers have always accepted, for which the spec allows
//!    "implementation-specific heuristics": everything `toString`, `toUTCString` and
//!    `toDateString` produce, and the common hand-written variants —
//!    "Feb 16 2010", "February 16, 2010 10:00:00", "2010/02/16 10:00", "2/16/2010",
//!    "16 Feb 2010 10:00:00 GMT+0100", "Tue, 16 Feb 2010 13:30:00 GMT",
//!    "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)", "2010-02-16 10:00:00", "10:00 PM".
//!    The rules, modelled on V8's legacy parser:
//!    - text in parentheses is a comment and is skipped; commas, slashes and dots between
//!      numbers are separators;
//!    - month names and weekday names match case-insensitively on any prefix of three or more
//!      letters ("Feb", "FEBRUARY", "Sept"); weekdays are ignored;
//!    - a number followed by `:` starts the time `h:mm[:ss[.fff]]`, which may be followed by
//!      `AM`/`PM`;
//!    - `UTC`, `GMT`, `UT`, `Z`, the US zones (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`,
//!      `PDT`) and `+hhmm`, `+hh:mm`, `+hh` (or `-`) give the zone; without one the time is
//!      local;
//!    - other numbers make up the date: with a month name, the day and the year in either
//!      order (a number over 31, or with three or more digits, is the year), or just a year
//!      ("Feb 2010" is February 1st); without one,
//!      month/day/year, or year/month/day when the first number is a year. A year of one or two
//!      digits means 1950–2049. A `-` right before a number, after a space and before the time,
//!      is a minus sign ("Jan 01 -0001"), so negative years round-trip through `toString`;
//!    - unknown words before the first number are ignored ("Date: Feb 16 2010"); anywhere else
//!      they, and any other stray character, make the string invalid.
//!
//!    Unlike V8, a date without a year ("Feb 16") is NaN rather than a date in 2001.
//!
//! Anything else is NaN. Both parsers work on the string as given (less leading and trailing
//! white space) and never panic.
//!
//! Offsets in `toString` output have minutes only, so a time in a zone whose offset then had
//! seconds (local mean time, before about 1900) comes back off by those seconds — as in V8.

use jiff::tz::TimeZone;

use super::time::{days_in_month, make_date, make_day, make_time, time_clip, MS_PER_MINUTE};
use super::zone::{local_offset_ms_in, system_zone, utc_from_local_in};

/// ES5.1 15.9.4.2 `Date.parse(string)`: the time value `s` describes, or NaN if it describes
/// none. Times without a zone are read in the system's local time zone.
pub fn parse(s: &str) -> f64 {
    parse_in(system_zone(), s)
}

/// [`parse`] with local time read in the zone `tz`.
pub(crate) fn parse_in(tz: &TimeZone, s: &str) -> f64 {
    let s = s.trim_matches(is_js_space);
    let fields = match parse_iso(s) {
        Iso::Valid(fields) => Some(fields),
        Iso::Invalid => None,
        Iso::NotInFormat => parse_legacy(s),
    };
    fields.map_or(f64::NAN, |f| f.time_value(tz))
}

/// ES5.1 7.2 WhiteSpace and 7.3 LineTerminator.
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The fields a date string spells out, before they are checked and combined.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fields {
    year: i64,
    /// 1–12.
    month: i64,
    /// 1–31.
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    ms: i64,
    /// The offset of the string's time from UTC in minutes, or `None` for local time.
    offset_minutes: Option<i64>,
}

impl Fields {
    fn date(year: i64, month: i64, day: i64) -> Fields {
        Fields {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
            ms: 0,
            offset_minutes: None,
        }
    }

    /// Whether every field is in its range: the day must exist in its month, and hour 24 is
    /// allowed only as 24:00:00.000, the end of the day.
    fn in_range(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= i64::from(days_in_month(self.year as f64, (self.month - 1) as u32))
            && (0..=24).contains(&self.hour)
            && (0..=59).contains(&self.minute)
            && (0..=59).contains(&self.second)
            && (0..=999).contains(&self.ms)
            && (self.hour < 24 || (self.minute == 0 && self.second == 0 && self.ms == 0))
    }

    /// The time value the fields describe, with local time read in `tz`; NaN if a field is out
    /// of range or the result is outside the range of time values.
    fn time_value(&self, tz: &TimeZone) -> f64 {
        if !self.in_range() {
            return f64::NAN;
        }
        // MakeDate(MakeDay(year, month, day), MakeTime(hour, minute, second, ms)), as the Date
        // constructor does (ES5.1 15.9.3.1), then from local time or the given offset to UTC.
        let day = make_day(self.year as f64, (self.month - 1) as f64, self.day as f64);
        let time = make_time(
            self.hour as f64,
            self.minute as f64,
            self.second as f64,
            self.ms as f64,
        );
        let t = make_date(day, time);
        let utc = match self.offset_minutes {
            Some(offset) => {
                let utc = t - offset as f64 * MS_PER_MINUTE;
                // `toString` writes offsets in whole minutes. If the one given is the local
                // zone's offset at this instant with its seconds dropped (local mean time, as in
                // New York's -4:56:02 before 1883), the string came from `toString` in this zone:
                // use the exact offset, so that such times round-trip too.
                let zone_offset = local_offset_ms_in(tz, utc);
                if zone_offset % MS_PER_MINUTE != 0.0
                    && (zone_offset / MS_PER_MINUTE).trunc() == offset as f64
                {
                    t - zone_offset
                } else {
                    utc
                }
            }
            None => utc_from_local_in(tz, t),
        };
        time_clip(utc)
    }
}

// ---------------------------------------------------------------------------------------------
// The ES5.1 15.9.1.15 format.

/// What the ISO parser made of a string.
enum Iso {
    /// In the format, with fields in range.
    Valid(Fields),
    /// In the format, but a field is out of range: NaN, without trying the legacy parser.
    Invalid,
    /// Not in the format.
    NotInFormat,
}

/// A cursor over the bytes of a string. Every method that reads returns `None` rather than
/// reading past the end.
struct Bytes<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    fn new(s: &'a str) -> Self {
        Bytes {
            bytes: s.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Consumes `b` if it is next.
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Exactly `n` decimal digits (n ≤ 9, so the value fits).
    fn digits(&mut self, n: usize) -> Option<i64> {
        let mut value = 0;
        for _ in 0..n {
            let b = self.peek().filter(u8::is_ascii_digit)?;
            value = value * 10 + i64::from(b - b'0');
            self.pos += 1;
        }
        Some(value)
    }

    /// One or more digits as the milliseconds of a fraction: ".5" is 500, ".123456" is 123.
    fn fraction_ms(&mut self) -> Option<i64> {
        let start = self.pos;
        let mut ms = 0;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if self.pos - start < 3 {
                ms = ms * 10 + i64::from(b - b'0');
            }
            self.pos += 1;
        }
        match self.pos - start {
            0 => None,
            n @ 1..=2 => Some(ms * 10_i64.pow(3 - n as u32)),
            _ => Some(ms),
        }
    }
}

/// Parses the ES5.1 15.9.1.15 format: `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`.
fn parse_iso(s: &str) -> Iso {
    match parse_iso_fields(s) {
        None => Iso::NotInFormat,
        Some(Err(())) => Iso::Invalid,
        Some(Ok(fields)) if fields.in_range() => Iso::Valid(fields),
        Some(Ok(_)) => Iso::Invalid,
    }
}

/// The fields of an ISO string: `None` if it is not in the format, `Some(Err(()))` if it is but
/// names an impossible year or offset.
fn parse_iso_fields(s: &str) -> Option<Result<Fields, ()>> {
    let mut c = Bytes::new(s);
    // Year: YYYY, or ±YYYYYY ("-000000" is not allowed: there is no negative year zero).
    let year = match c.peek()? {
        sign @ (b'+' | b'-') => {
            c.pos += 1;
            let y = c.digits(6)?;
            if sign == b'-' {
                if y == 0 {
                    return Some(Err(()));
                }
                -y
            } else {
                y
            }
        }
        _ => c.digits(4)?,
    };
    // -MM and -DD, each defaulting to 01.
    let mut fields = Fields::date(year, 1, 1);
    if c.eat(b'-') {
        fields.month = c.digits(2)?;
        if c.eat(b'-') {
            fields.day = c.digits(2)?;
        }
    }
    if c.at_end() {
        // A date-only form is UTC.
        fields.offset_minutes = Some(0);
        return Some(Ok(fields));
    }
    // THH:mm[:ss[.sss]]
    if !c.eat(b'T') {
        return None;
    }
    fields.hour = c.digits(2)?;
    if !c.eat(b':') {
        return None;
    }
    fields.minute = c.digits(2)?;
    if c.eat(b':') {
        fields.second = c.digits(2)?;
        if c.eat(b'.') {
            fields.ms = c.fraction_ms()?;
        }
    }
    // Z | ±HH:mm | nothing (local time).
    match c.peek() {
        None => {}
        Some(b'Z') => {
            c.pos += 1;
            fields.offset_minutes = Some(0);
        }
        Some(sign @ (b'+' | b'-')) => {
            c.pos += 1;
            let hours = c.digits(2)?;
            if !c.eat(b':') {
                return None;
            }
            let minutes = c.digits(2)?;
            if hours > 23 || minutes > 59 {
                return Some(Err(()));
            }
            let offset = hours * 60 + minutes;
            fields.offset_minutes = Some(if sign == b'-' { -offset } else { offset });
        }
        Some(_) => return None,
    }
    if !c.at_end() {
        return None;
    }
    Some(Ok(fields))
}

// ---------------------------------------------------------------------------------------------
// The legacy forms.

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAY_NAMES: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// Zones named by words, with their offsets from UTC in hours.
const ZONE_NAMES: [(&str, i64); 12] = [
    ("z", 0),
    ("ut", 0),
    ("utc", 0),
    ("gmt", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
];

/// Whether `word` (lower case) abbreviates `name`: a prefix of three or more letters.
fn abbreviates(word: &str, name: &str) -> bool {
    word.len() >= 3 && name.starts_with(word)
}

/// A number in the date part, with how many digits it was written with (which tells "05", a
/// two-digit year meaning 2005, from "0005").
#[derive(Clone, Copy)]
struct DateNumber {
    value: i64,
    digits: usize,
}

impl DateNumber {
    /// Whether this number could be a day of the month (else it must be a year).
    fn could_be_day(self) -> bool {
        (1..=31).contains(&self.value) && self.digits <= 2
    }

    /// The year this number means: one or two digits are 1950–2049.
    fn as_year(self) -> i64 {
        match self.value {
            0..=49 if self.digits <= 2 => self.value + 2000,
            50..=99 if self.digits <= 2 => self.value + 1900,
            _ => self.value,
        }
    }
}

/// Everything the legacy parser has read so far.
#[derive(Default)]
struct Legacy {
    numbers: Vec<DateNumber>,
    month: Option<i64>,
    /// hour, minute, second, ms.
    time: Option<(i64, i64, i64, i64)>,
    /// `Some(true)` for PM.
    pm: Option<bool>,
    offset_minutes: Option<i64>,
    /// Whether the offset came from `+hhmm` (which a later "GMT" must not undo).
    numeric_offset: bool,
    /// Whether a zone word was the last thing read, so a sign after it starts an offset.
    after_zone_word: bool,
}

/// A cursor over the characters of a string, for the legacy parser.
struct Chars {
    chars: Vec<char>,
    pos: usize,
}

impl Chars {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn next_is_digit(&self) -> bool {
        self.peek().is_some_and(|c| c.is_ascii_digit())
    }

    /// A run of 1–9 digits, with how many there were. `None` if there are none, or too many to
    /// be any field of a date.
    fn number(&mut self) -> Option<(i64, usize)> {
        let start = self.pos;
        let mut value: i64 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            if self.pos - start >= 9 {
                return None;
            }
            value = value * 10 + i64::from(d);
            self.pos += 1;
        }
        let digits = self.pos - start;
        (digits > 0).then_some((value, digits))
    }

    /// A run of ASCII letters, lower-cased.
    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_alphabetic) {
            word.push(c.to_ascii_lowercase());
            self.pos += 1;
        }
        word
    }

    /// Skips a parenthesized comment, which may nest; an unclosed one runs to the end.
    fn skip_comment(&mut self) {
        let mut depth = 0;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

/// Parses the legacy forms (see the module documentation); `None` if `s` is not one.
fn parse_legacy(s: &str) -> Option<Fields> {
    let mut c = Chars {
        chars: s.chars().collect(),
        pos: 0,
    };
    let mut st = Legacy::default();
    // Whether the previous character was white space (or the start), for telling a minus sign
    // from a separator.
    let mut after_space = true;
    while let Some(ch) = c.peek() {
        let was_after_space = after_space;
        after_space = false;
        if is_js_space(ch) {
            c.pos += 1;
            after_space = true;
            continue;
        }
        if ch != '+' && ch != '-' && !ch.is_ascii_alphabetic() {
            // Only a sign (possibly starting an offset) may directly follow a zone word.
            st.after_zone_word = false;
        }
        match ch {
            '(' => {
                c.skip_comment();
                after_space = true;
            }
            ',' | '/' | '.' => c.pos += 1,
            '+' | '-' => {
                c.pos += 1;
                if !c.next_is_digit() {
                    // A lone '-' is a separator ("2010-02-16"); a lone '+' is nothing.
                    if ch == '+' {
                        return None;
                    }
                    continue;
                }
                let starts_offset = ch == '+' || st.after_zone_word || st.time.is_some();
                if starts_offset {
                    read_offset(&mut c, &mut st, ch == '-')?;
                } else if was_after_space {
                    // "Jan 01 -0001": a negative year.
                    let (value, digits) = c.number()?;
                    push_date_number(&mut st, -value, digits)?;
                } else {
                    // "2010-02-16": a separator; the number is read next time round.
                }
                st.after_zone_word = false;
            }
            '0'..='9' => {
                let (value, digits) = c.number()?;
                if c.peek() == Some(':') {
                    read_time(&mut c, &mut st, value)?;
                } else {
                    push_date_number(&mut st, value, digits)?;
                }
            }
            _ if ch.is_ascii_alphabetic() => {
                let word = c.word();
                st.after_zone_word = false;
                if word == "t" && !c.next_is_digit() {
                    // The `T` between date and time must be followed by the time.
                    return None;
                }
                read_word(&mut st, &word)?;
            }
            _ => return None,
        }
    }
    finish_legacy(&st)
}

fn push_date_number(st: &mut Legacy, value: i64, digits: usize) -> Option<()> {
    if st.numbers.len() >= 3 {
        return None;
    }
    st.numbers.push(DateNumber { value, digits });
    Some(())
}

/// Reads the rest of a time whose hour has been read: `:mm[:ss[.fff]]`.
fn read_time(c: &mut Chars, st: &mut Legacy, hour: i64) -> Option<()> {
    if st.time.is_some() {
        return None;
    }
    c.pos += 1; // ':'
    let (minute, _) = c.number()?;
    let mut second = 0;
    let mut ms = 0;
    if c.peek() == Some(':') && c.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
        c.pos += 1;
        second = c.number()?.0;
        if c.peek() == Some('.') {
            // A fraction of a second; "10:00:00." is an error.
            c.pos += 1;
            let (fraction, digits) = c.number()?;
            // The first three digits are the milliseconds.
            ms = match digits {
                1 => fraction * 100,
                2 => fraction * 10,
                n => fraction / 10_i64.pow(n as u32 - 3),
            };
        }
    }
    st.time = Some((hour, minute, second, ms));
    Some(())
}

/// Reads the digits of an offset whose sign has been read: `hhmm`, `hh:mm` or `hh`.
fn read_offset(c: &mut Chars, st: &mut Legacy, negative: bool) -> Option<()> {
    if st.numeric_offset {
        return None;
    }
    let (value, digits) = c.number()?;
    let (hours, minutes) = if digits <= 2 && c.peek() == Some(':') {
        c.pos += 1;
        (value, c.number()?.0)
    } else if digits <= 2 {
        (value, 0)
    } else if digits <= 4 {
        (value / 100, value % 100)
    } else {
        return None;
    };
    if hours > 24 || minutes > 59 {
        return None;
    }
    let offset = hours * 60 + minutes;
    st.offset_minutes = Some(if negative { -offset } else { offset });
    st.numeric_offset = true;
    Some(())
}

/// Reads a word: a month, a weekday, AM/PM, a zone, or the `T` between date and time.
fn read_word(st: &mut Legacy, word: &str) -> Option<()> {
    if word == "am" || word == "pm" {
        if st.pm.is_some() {
            return None;
        }
        st.pm = Some(word == "pm");
        return Some(());
    }
    if word == "t" {
        return Some(());
    }
    if let Some(&(_, hours)) = ZONE_NAMES.iter().find(|(name, _)| *name == word) {
        if !st.numeric_offset {
            st.offset_minutes = Some(hours * 60);
        }
        st.after_zone_word = true;
        return Some(());
    }
    if let Some(month) = MONTH_NAMES.iter().position(|name| abbreviates(word, name)) {
        if st.month.is_some() {
            return None;
        }
        st.month = Some(month as i64 + 1);
        return Some(());
    }
    if WEEKDAY_NAMES.iter().any(|name| abbreviates(word, name)) {
        return Some(());
    }
    // Unknown words are tolerated only before the date begins ("Date: Feb 16 2010").
    if st.numbers.is_empty() && st.time.is_none() && st.month.is_none() {
        Some(())
    } else {
        None
    }
}

/// Turns what the legacy parser read into fields.
fn finish_legacy(st: &Legacy) -> Option<Fields> {
    let (year, month, day) = match (st.month, st.numbers.as_slice()) {
        // "Feb 16 2010", "16 Feb 2010", "2010 Feb 16".
        (Some(month), &[first, second]) => {
            if first.could_be_day() {
                (second.as_year(), month, first.value)
            } else {
                (first.as_year(), month, second.value)
            }
        }
        // "Feb 2010", "2010 February": the first of the month.
        (Some(month), &[year]) if !year.could_be_day() => (year.as_year(), month, 1),
        // "2010/02/16", "2010-02-16 10:00".
        (None, &[first, second, third]) if !first.could_be_day() => {
            (first.as_year(), second.value, third.value)
        }
        // "2/16/2010".
        (None, &[first, second, third]) => (third.as_year(), first.value, second.value),
        _ => return None,
    };
    let mut fields = Fields::date(year, month, day);
    if let Some((hour, minute, second, ms)) = st.time {
        fields.hour = hour;
        fields.minute = minute;
        fields.second = second;
        fields.ms = ms;
    }
    match st.pm {
        None => {}
        Some(_) if st.time.is_none() || fields.hour > 12 => return None,
        // 12 AM is midnight, 12 PM is noon.
        Some(false) => fields.hour %= 12,
        Some(true) => fields.hour = fields.hour % 12 + 12,
    }
    fields.offset_minutes = st.offset_minutes;
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::format::{
        to_date_string_in, to_iso_string, to_string_in, to_time_string_in, to_utc_string,
    };
    use crate::date::time::{MS_PER_DAY, MS_PER_HOUR};
    use crate::date::zone::tests::{local, zone};
    use crate::date::zone::{local_time_in, utc_from_local_in};

    /// 2010-02-16T13:30:00Z.
    const T: f64 = 1_266_327_000_000.0;
    const H: f64 = MS_PER_HOUR;

    fn utc() -> TimeZone {
        zone("UTC")
    }

    /// Parses in UTC.
    fn p(s: &str) -> f64 {
        parse_in(&utc(), s)
    }

    #[track_caller]
    fn nan(s: &str) {
        let t = parse_in(&zone("Europe/Berlin"), s);
        assert!(t.is_nan(), "{s:?} parsed as {t}");
    }

    #[test]
    fn iso_date_only_is_utc() {
        let berlin = zone("Europe/Berlin");
        let day = local(2010.0, 2.0, 16.0, 0.0, 0.0);
        assert_eq!(parse_in(&berlin, "2010-02-16"), day);
        assert_eq!(parse_in(&berlin, "2010-02"), day - 15.0 * MS_PER_DAY);
        assert_eq!(parse_in(&berlin, "2010"), local(2010.0, 1.0, 1.0, 0.0, 0.0));
        assert_eq!(parse_in(&berlin, "1970"), 0.0);
    }

    #[test]
    fn iso_date_time() {
        let berlin = zone("Europe/Berlin");
        // With Z or an offset: exact.
        assert_eq!(parse_in(&berlin, "2010-02-16T13:30Z"), T);
        assert_eq!(parse_in(&berlin, "2010-02-16T13:30:00Z"), T);
        assert_eq!(parse_in(&berlin, "2010-02-16T13:30:00.000Z"), T);
        assert_eq!(parse_in(&berlin, "2010-02-16T13:30:00.123Z"), T + 123.0);
        assert_eq!(parse_in(&berlin, "2010-02-16T13:30:00.1Z"), T + 100.0);
        assert_eq!(parse_in(&berlin, "2010-02-16T13:30:00.123456Z"), T + 123.0);
        assert_eq!(parse_in(&berlin, "2010-02-16T14:30:00+01:00"), T);
        assert_eq!(parse_in(&berlin, "2010-02-16T08:00:00-05:30"), T);
        // Without: local time (ES2015+).
        assert_eq!(parse_in(&berlin, "2010-02-16T14:30:00"), T);
        assert_eq!(parse_in(&berlin, "2010-02-16T14:30"), T);
        assert_eq!(parse_in(&zone("America/New_York"), "2010-02-16T08:30"), T);
        // 24:00 is the end of the day.
        assert_eq!(p("2010-02-15T24:00:00Z"), p("2010-02-16T00:00:00Z"));
        assert_eq!(p("2010-02-15T24:00Z"), p("2010-02-16"));
    }

    #[test]
    fn iso_extended_years() {
        assert_eq!(p("+275760-09-13T00:00:00.000Z"), 8.64e15);
        assert_eq!(p("-271821-04-20T00:00:00.000Z"), -8.64e15);
        assert_eq!(p("+002010-02-16T13:30:00Z"), T);
        assert_eq!(p("-000001-12-31T23:59:59.999Z"), -62_167_219_200_001.0);
        assert_eq!(p("0000-01-01"), -62_167_219_200_000.0);
        // One past the ends.
        assert!(p("+275760-09-13T00:00:00.001Z").is_nan());
        assert!(p("-271821-04-19T23:59:59.999Z").is_nan());
        nan("-000000-01-01T00:00:00Z");
    }

    #[test]
    fn iso_out_of_range_fields() {
        for s in [
            "2010-00-16",
            "2010-13-16",
            "2010-02-00",
            "2010-02-29",
            "2010-02-30T10:00Z",
            "2010-04-31",
            "2010-02-16T25:00Z",
            "2010-02-16T24:01Z",
            "2010-02-16T24:00:01Z",
            "2010-02-16T10:60Z",
            "2010-02-16T10:00:60Z",
            "2010-02-16T10:00+24:00",
            "2010-02-16T10:00+01:60",
        ] {
            nan(s);
        }
        // The leap day exists in leap years.
        assert_eq!(p("2024-02-29"), p("2024-03-01") - MS_PER_DAY);
        assert_eq!(p("2000-02-29"), 951_782_400_000.0);
        nan("1900-02-29");
    }

    #[test]
    fn legacy_forms() {
        let berlin = zone("Europe/Berlin");
        let b = |s: &str| parse_in(&berlin, s);
        let midnight = local(2010.0, 2.0, 16.0, 0.0, 0.0) - H; // 2010-02-16 00:00 CET
        assert_eq!(b("Feb 16 2010"), midnight);
        assert_eq!(b("feb 16 2010"), midnight);
        assert_eq!(b("FEBRUARY 16, 2010"), midnight);
        assert_eq!(b("Tue Feb 16 2010"), midnight);
        assert_eq!(b("Tuesday, February 16, 2010"), midnight);
        assert_eq!(b("16 Feb 2010"), midnight);
        assert_eq!(b("2010 Feb 16"), midnight);
        assert_eq!(b("2/16/2010"), midnight);
        assert_eq!(b("2010/02/16"), midnight);
        assert_eq!(b("2010/2/16"), midnight);
        assert_eq!(b("2010-2-16"), midnight);
        assert_eq!(b("Feb 16 10"), midnight);
        assert_eq!(b("February 2010"), midnight - 15.0 * MS_PER_DAY);
        assert_eq!(b("2010 Feb"), midnight - 15.0 * MS_PER_DAY);
        assert_eq!(b("  Feb 16 2010  "), midnight);
        // With times, local.
        assert_eq!(b("February 16, 2010 14:30:00"), T);
        assert_eq!(b("2010/02/16 14:30"), T);
        assert_eq!(b("2010-02-16 14:30:00"), T);
        assert_eq!(b("2010-02-16 14:30:00.5"), T + 500.0);
        assert_eq!(b("Feb 16 2010 2:30 PM"), T);
        assert_eq!(b("Feb 16 2010 2:30:00pm"), T);
        assert_eq!(b("Feb 16 2010 12:00 AM"), midnight);
        assert_eq!(b("Feb 16 2010 12:00 PM"), midnight + 12.0 * H);
        assert_eq!(b("2/16/2010, 2:30:00 PM"), T);
        // With zones.
        assert_eq!(b("16 Feb 2010 14:30:00 GMT+0100"), T);
        assert_eq!(b("16 Feb 2010 14:30:00 +0100"), T);
        assert_eq!(b("16 Feb 2010 14:30:00 GMT+01:00"), T);
        assert_eq!(b("16 Feb 2010 14:30:00 UTC+1"), T);
        assert_eq!(b("Tue, 16 Feb 2010 13:30:00 GMT"), T);
        assert_eq!(b("Tue, 16 Feb 2010 13:30:00 UTC"), T);
        assert_eq!(b("Tue, 16 Feb 2010 13:30:00 UT"), T);
        assert_eq!(b("Tue, 16 Feb 2010 13:30:00 Z"), T);
        assert_eq!(b("Tue, 16 Feb 2010 08:30:00 EST"), T);
        assert_eq!(b("Tue, 16 Feb 2010 05:30:00 PST"), T);
        assert_eq!(
            b("Tue Feb 16 2010 08:30:00 GMT-0500 (Eastern Standard Time)"),
            T
        );
        assert_eq!(b("Tue Feb 16 13:30:00 UTC 2010"), T);
        assert_eq!(b("2010-02-16T14:30:00+0100"), T);
        assert_eq!(b("2010-02-16 13:30:00Z"), T);
        assert_eq!(b("Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)"), 0.0);
        assert_eq!(
            b("Thu Jan 01 1970 01:00:00 GMT+0100 (Central (European) Time)"),
            0.0
        );
        assert_eq!(b("On Feb 16 2010 13:30 GMT"), T);
    }

    #[test]
    fn garbage_is_nan() {
        for s in [
            "",
            "   ",
            "hello",
            "Feb",
            "Feb 16",
            "16",
            "2010-02-16X",
            "2010-02-16T",
            "Feb 16 2010 hello",
            "Feb 16 2010 25:00",
            "Feb 16 2010 10:61",
            "Feb 16 2010 13:00 PM",
            "Feb 16 2010 PM",
            "Feb 30 2010",
            "13/16/2010",
            "Feb Mar 16 2010",
            "Feb 16 2010 10:00 10:00",
            "1 2 3 4",
            "Feb 16 2010 +",
            "Feb 16 2010 10:00 +12345",
            "Feb 16 2010 10:00 +0100 +0100",
            "Feb 16 2010 @",
            "Feb 16 2010 10:00 Mars",
            "Feb 16 2010 10:00:00.",
            "Date: Feb 16 2010",
            "Feb 16 99999999999999999999",
            "٢٠١٠-٠٢-١٦",
            "2010-02-16T10:00:00.Z",
            "NaN",
            "Invalid Date",
            "+",
            "-",
            "((",
            "1e3",
        ] {
            nan(s);
        }
    }

    #[test]
    fn never_panics() {
        // Every prefix and suffix of a few rich strings, and some odd bytes.
        let samples = [
            "Tue Feb 16 2010 14:30:00 GMT+0100 (CET)",
            "+275760-09-13T00:00:00.000Z",
            "2010-02-16T14:30:00.123456789+01:00",
            "Fri Dec 31 -0001 23:59:59 GMT+0000 (UTC)",
            "2/16/2010, 2:30:00 PM ((nested) comment",
            "é日本 -+:.,/()\u{0}\u{feff}",
        ];
        let tz = zone("America/New_York");
        for s in samples {
            for (i, _) in s.char_indices() {
                let _ = parse_in(&tz, &s[..i]);
                let _ = parse_in(&tz, &s[i..]);
            }
        }
        let _ = parse_in(&tz, &"9".repeat(1000));
        let _ = parse_in(&tz, &"-".repeat(1000));
        let _ = parse_in(&tz, &"(".repeat(1000));
        let _ = parse_in(&tz, "999999:99999:99999.9999999999");
    }

    #[test]
    fn random_strings_never_panic() {
        // A small deterministic generator (xorshift) over the characters date strings are made
        // of, plus a few strangers.
        let alphabet: Vec<char> = "0123456789 -+:.,/()TZtzAPMapmGMTUCFebJanSepDecMonTue\u{feff}é"
            .chars()
            .collect();
        let tz = zone("Europe/Berlin");
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let t = parse_in(&tz, &s);
            assert!(
                t.is_nan() || (t.abs() <= 8.64e15 && t == t.trunc()),
                "{s:?} → {t}"
            );
        }
    }

    /// Sample times: everyday ones, both DST transitions in both test zones, the edges of the
    /// range, negative and five- and six-digit years.
    fn samples() -> Vec<f64> {
        let mut ts = vec![
            0.0,
            T,
            -1000.0,
            951_782_400_000.0,
            -62_167_219_200_000.0,
            -62_167_219_201_000.0,
            -2_203_891_200_000.0,
            8.64e15,
            -8.64e15,
            8.64e15 - 86_400_000.0 * 3.0 - 1000.0,
            -8.64e15 + 86_400_000.0 * 3.0,
            local(10000.0, 1.0, 1.0, 0.0, 0.0),
            local(99999.0, 12.0, 31.0, 23.0, 59.0),
            local(-12345.0, 6.0, 15.0, 12.0, 0.0),
            local(5.0, 1.0, 1.0, 0.0, 0.0),
            local(50.0, 1.0, 1.0, 0.0, 0.0),
        ];
        for (y, m, d, h) in [
            (2026, 3, 8, 7),
            (2026, 11, 1, 6),
            (2026, 3, 29, 1),
            (2026, 10, 25, 1),
        ] {
            let transition = local(y as f64, m as f64, d as f64, h as f64, 0.0);
            for k in -5..=5 {
                ts.push(transition + k as f64 * 30.0 * MS_PER_MINUTE - 1000.0);
                ts.push(transition + k as f64 * 30.0 * MS_PER_MINUTE);
            }
        }
        // Every 37 hours and 13 seconds across 2025–2027.
        let mut t = local(2025.0, 1.0, 1.0, 0.0, 0.0);
        while t < local(2028.0, 1.0, 1.0, 0.0, 0.0) {
            ts.push(t);
            t += 37.0 * H + 13_000.0;
        }
        ts
    }

    #[test]
    fn round_trips() {
        for name in ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"] {
            let tz = zone(name);
            for t in samples() {
                let s = to_string_in(&tz, t);
                assert_eq!(parse_in(&tz, &s), t, "{name}: toString {s:?}");
                let s = to_utc_string(t);
                assert_eq!(parse_in(&tz, &s), t, "{name}: toUTCString {s:?}");
                let s = to_iso_string(t + 7.0).unwrap_or_default();
                if t + 7.0 <= 8.64e15 {
                    assert_eq!(parse_in(&tz, &s), t + 7.0, "{name}: toISOString {s:?}");
                }
                // toDateString gives local midnight, which round-trips as itself (where that
                // day's midnight exists: no zone tested skips midnight).
                let date = to_date_string_in(&tz, t);
                let midnight = parse_in(&tz, &date);
                let local_t = local_time_in(&tz, t);
                let local_midnight = local_t - local_t.rem_euclid(MS_PER_DAY);
                let expected = utc_from_local_in(&tz, local_midnight);
                if expected.abs() <= 8.64e15 {
                    assert_eq!(midnight, expected, "{name}: toDateString {date:?}");
                    assert_eq!(to_date_string_in(&tz, midnight), date);
                }
                // toTimeString alone has no date and is not a date string.
                assert!(parse_in(&tz, &to_time_string_in(&tz, t)).is_nan());
            }
        }
    }

    #[test]
    fn local_mean_time_round_trips() {
        // Before 1883 New York kept local mean time, 4:56:02 behind UTC; toString shows the
        // offset as GMT-0456, and parse reads that back as the zone's exact offset.
        let ny = zone("America/New_York");
        let t = local(1850.0, 6.0, 1.0, 12.0, 0.0);
        let s = to_string_in(&ny, t);
        assert_eq!(s, "Sat Jun 01 1850 07:03:58 GMT-0456 (LMT)");
        assert_eq!(parse_in(&ny, &s), t);
        // In another zone the same string means exactly -04:56.
        assert_eq!(parse_in(&utc(), &s), t - 2000.0);
    }

    #[test]
    fn system_zone_round_trip() {
        // Through the public functions, in whatever zone the machine is in.
        for t in [0.0, T, -62_167_219_201_000.0, 1_700_000_000_000.0] {
            assert_eq!(parse(&crate::date::format::to_string(t)), t);
            assert_eq!(parse(&to_utc_string(t)), t);
        }
        assert!(parse("garbage").is_nan());
    }
}
