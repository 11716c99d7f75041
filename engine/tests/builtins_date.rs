//! Date and Date.prototype (ES5.1 15.9, Annex B.2.4–B.2.6).
//!
//! The local time zone is the machine's, so tests of local time check invariants (a date built
//! from local fields gives those fields back, the offset agrees with the UTC fields) rather
//! than fixed strings; fixed values are checked through the UTC methods.

mod common;

use common::{prints, throws};

/// 2010-02-16T13:30:00.250Z, a Tuesday.
const T: &str = "1266327000250";

#[test]
fn called_as_a_function_returns_a_string() {
    prints(
        "print(typeof Date(), typeof Date(2000, 1), Date(0) === Date(1, 2, 3) || Date(0).length > 20)",
        &["string string true"],
    );
    // The string is the current time: it parses back to within a second of now.
    prints("print(Date.now() - Date.parse(Date()) < 2000)", &["true"]);
}

#[test]
fn new_date_with_no_argument_is_now() {
    prints(
        "var a = Date.now(); var d = new Date(); var b = Date.now();
         print(typeof d, a <= d.getTime() && d.getTime() <= b, d.getTime() % 1)",
        &["object true 0"],
    );
}

#[test]
fn new_date_with_a_time_value() {
    prints(
        "print(new Date(0).getTime(), new Date(1.9).getTime(), new Date(-1.9).getTime(),
               1 / new Date(-0).getTime())",
        &["0 1 -1 Infinity"],
    );
    prints(
        "print(new Date(8.64e15).getTime(), new Date(-8.64e15).getTime(),
               new Date(8.64e15 + 1).getTime(), new Date(Infinity).getTime(), new Date(NaN).getTime())",
        &["8640000000000000 -8640000000000000 NaN NaN NaN"],
    );
    prints(
        "print(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime())",
        &["1 0 NaN"],
    );
    // Objects go through ToPrimitive without a hint: valueOf first for ordinary objects.
    prints(
        "print(new Date({ valueOf: function () { return 42; } }).getTime(),
               new Date({ toString: function () { return '1970-01-01T00:00:01Z'; }, valueOf: null }).getTime())",
        &["42 1000"],
    );
}

#[test]
fn new_date_with_a_string_parses_it() {
    prints(
        "print(new Date('2010-02-16T13:30:00.250Z').getTime(), new Date('2010-02-16').getTime(),
               new Date('Tue, 16 Feb 2010 13:30:00 GMT').getTime(), new Date('nonsense').getTime())",
        &["1266327000250 1266278400000 1266327000000 NaN"],
    );
    // A Date argument becomes its string (ES5.1 15.9.3.2: ToPrimitive with no hint), which
    // keeps everything but the milliseconds.
    prints(
        &format!("var d = new Date({T}); print(new Date(d).getTime())"),
        &["1266327000000"],
    );
}

#[test]
fn new_date_from_local_components() {
    prints(
        "var d = new Date(2010, 1, 16, 14, 30, 15, 250);
         print(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(),
               d.getMinutes(), d.getSeconds(), d.getMilliseconds())",
        &["2010 1 16 2 14 30 15 250"],
    );
    // Absent components default to the first of the month, midnight.
    prints(
        "var d = new Date(2010, 5);
         print(d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds())",
        &["1 0 0 0 0"],
    );
    // Two-digit years are 1900 + the year; others are taken as they are.
    prints(
        "print(new Date(0, 0).getFullYear(), new Date(99, 0).getFullYear(), new Date(99.9, 0).getFullYear(),
               new Date(100, 0).getFullYear(), new Date(-1, 0).getFullYear())",
        &["1900 1999 1999 100 -1"],
    );
    // Fields overflow into the next ones.
    prints(
        "var d = new Date(2010, 12, 32, 25); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours())",
        &["2011 1 2 1"],
    );
    prints(
        "print(new Date(2010, NaN).getTime(), new Date(2010, 0, undefined).getTime(),
               new Date(1e300, 0).getTime(), new Date(Infinity, 0).getTime())",
        &["NaN NaN NaN NaN"],
    );
}

#[test]
fn constructor_converts_components_in_order() {
    prints(
        "var log = '';
         function v(name, n) { return { valueOf: function () { log += name; return n; } }; }
         new Date(v('y', 2010), v('m', 0), v('d', 1), v('h', 0), v('i', 0), v('s', 0), v('l', 0));
         print(log)",
        &["ymdhisl"],
    );
    throws(
        "new Date(2010, { valueOf: function () { throw new RangeError('boom'); } })",
        "RangeError: boom",
    );
}

#[test]
fn local_time_agrees_with_utc() {
    prints(
        "var d = new Date(2010, 1, 16, 14, 30);
         var utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes());
         print(utc - d.getTime() === -d.getTimezoneOffset() * 60000, d.getTimezoneOffset() % 1 === 0)",
        &["true true"],
    );
    prints(
        "var d = new Date(NaN); print(d.getTimezoneOffset(), d.getHours(), d.getDay())",
        &["NaN NaN NaN"],
    );
}

#[test]
fn date_utc() {
    prints(
        "print(Date.UTC(2010, 1, 16, 13, 30, 0, 250), Date.UTC(2010, 1), Date.UTC(99, 11, 31),
               Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1))",
        &["1266327000250 1264982400000 946598400000 8640000000000000 NaN"],
    );
    // ES5.1 converts the month even when it is absent: undefined is NaN.
    prints(
        "print(Date.UTC(2010), Date.UTC(), Date.UTC.length)",
        &["NaN NaN 7"],
    );
}

#[test]
fn date_parse_and_now() {
    prints(
        "print(Date.parse('1970-01-01T00:00:00Z'), Date.parse('2010-02-16T13:30:00.250Z'),
               Date.parse({ toString: function () { return '1970-01-01T00:00:00.005Z'; } }),
               Date.parse('x'), Date.parse(), Date.parse.length)",
        &["0 1266327000250 5 NaN NaN 1"],
    );
    // What toString and toUTCString write, parse reads back (to the second).
    prints(
        &format!(
            "var d = new Date({T});
             print(Date.parse(d.toString()), Date.parse(d.toUTCString()), Date.parse(d.toISOString()))"
        ),
        &["1266327000000 1266327000000 1266327000250"],
    );
    prints(
        "print(typeof Date.now(), Date.now() > 1577836800000, Date.now.length)",
        &["number true 0"],
    );
}

#[test]
fn utc_getters() {
    prints(
        &format!(
            "var d = new Date({T});
             print(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(),
                   d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds())"
        ),
        &["2010 1 16 2 13 30 0 250"],
    );
    prints(
        "var d = new Date(-1);
         print(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(),
               d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds())",
        &["1969 11 31 3 23 59 59 999"],
    );
    prints(
        &format!("var d = new Date({T}); print(d.getTime(), d.valueOf(), d.getTime() === +d)"),
        &["1266327000250 1266327000250 true"],
    );
    prints(
        "var d = new Date(NaN);
         print(d.getTime(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(),
               d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(),
               d.getFullYear(), d.getMonth(), d.getDate(), d.getMilliseconds())",
        &["NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN"],
    );
}

#[test]
fn set_time() {
    prints(
        "var d = new Date(0);
         print(d.setTime(5), d.getTime(), d.setTime('7'), d.setTime(8.64e15 + 1), d.getTime(),
               d.setTime(), d.setTime(3.7))",
        &["5 5 7 NaN NaN NaN 3"],
    );
}

#[test]
fn utc_setters() {
    let cases = [
        ("setUTCMilliseconds(5)", "1266327000005"),
        ("setUTCMilliseconds(1000)", "1266327001000"),
        ("setUTCSeconds(10)", "1266327010250"),
        ("setUTCSeconds(10, 0)", "1266327010000"),
        ("setUTCMinutes(0)", "1266325200250"),
        ("setUTCMinutes(0, 1, 2)", "1266325201002"),
        ("setUTCHours(0)", "1266280200250"),
        ("setUTCHours(0, 0, 0, 0)", "1266278400000"),
        ("setUTCHours(-1)", "1266276600250"),
        ("setUTCDate(1)", "1265031000250"),
        ("setUTCDate(0)", "1264944600250"),
        ("setUTCMonth(0)", "1263648600250"),
        ("setUTCMonth(0, 1)", "1262352600250"),
        ("setUTCFullYear(2000)", "950707800250"),
        ("setUTCFullYear(2000, 0, 1)", "946733400250"),
        // An explicit undefined is an argument: NaN.
        ("setUTCSeconds(10, undefined)", "NaN"),
        ("setUTCMonth(1, undefined)", "NaN"),
        ("setUTCMilliseconds()", "NaN"),
        ("setUTCFullYear(1e300)", "NaN"),
        ("setUTCHours(Infinity)", "NaN"),
    ];
    for (call, expected) in cases {
        prints(
            &format!("var d = new Date({T}); var r = d.{call}; print(r, d.getTime())"),
            &[&format!("{expected} {expected}")],
        );
    }
}

#[test]
fn local_setters_round_trip() {
    prints(
        "var d = new Date(2010, 1, 16, 14, 30, 15, 250);
         d.setMilliseconds(7); d.setSeconds(8); d.setMinutes(9); d.setHours(10);
         print(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
         d.setHours(11, 12, 13, 14); print(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
         d.setMinutes(1, 2, 3); print(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
         d.setSeconds(4, 5); print(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
         d.setDate(20); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours());
         d.setMonth(4); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours());
         d.setMonth(7, 3); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours());
         d.setFullYear(2001); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours());
         d.setFullYear(2002, 10, 11); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours());
         print(d.setDate(1) === d.getTime())",
        &[
            "10 9 8 7",
            "11 12 13 14",
            "11 1 2 3",
            "11 1 4 5",
            "2010 1 20 11",
            "2010 4 20 11",
            "2010 7 3 11",
            "2001 7 3 11",
            "2002 10 11 11",
            "true",
        ],
    );
    // Overflow carries into the larger fields.
    prints(
        "var d = new Date(2010, 0, 31, 12); d.setMonth(1);
         print(d.getMonth(), d.getDate()); d.setDate(0); print(d.getMonth(), d.getDate())",
        &["2 3", "1 28"],
    );
}

#[test]
fn setters_on_an_invalid_date() {
    // Every setter but the full-year ones leaves an invalid date invalid...
    prints(
        "var names = ['setMilliseconds', 'setUTCMilliseconds', 'setSeconds', 'setUTCSeconds',
                      'setMinutes', 'setUTCMinutes', 'setHours', 'setUTCHours', 'setDate',
                      'setUTCDate', 'setMonth', 'setUTCMonth'];
         var out = '';
         for (var i = 0; i < names.length; i++) {
           var d = new Date(NaN); out += d[names[i]](1, 1, 1, 1) + ',' + d.getTime() + ' ';
         }
         print(out)",
        &["NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN NaN,NaN "],
    );
    // ...but still converts all its arguments, in order.
    prints(
        "var log = '';
         function v(name) { return { valueOf: function () { log += name; return 1; } }; }
         var d = new Date(NaN);
         d.setHours(v('h'), v('m'), v('s'), v('l')); d.setUTCMinutes(v('M'), v('S'), v('L'));
         d.setMonth(v('o'), v('d')); d.setUTCSeconds(v('x'), v('y')); d.setDate(v('D'));
         print(log, d.getTime())",
        &["hmslMSLodxyD NaN"],
    );
    // setFullYear and setUTCFullYear start from +0 instead.
    prints(
        "var d = new Date(NaN); d.setUTCFullYear(2000); print(d.getTime());
         var e = new Date(NaN); e.setFullYear(2000, 5, 6);
         print(e.getFullYear(), e.getMonth(), e.getDate(), e.getHours(), e.getMinutes())",
        &["946684800000", "2000 5 6 0 0"],
    );
}

#[test]
fn setters_read_the_time_before_converting() {
    // The time value is read before ToNumber: a valueOf that changes the date is overwritten.
    prints(
        "var d = new Date(0);
         var r = d.setUTCSeconds({ valueOf: function () { d.setTime(1e12); return 5; } });
         print(r, d.getTime())",
        &["5000 5000"],
    );
}

#[test]
fn string_conversions() {
    prints(
        &format!(
            "var d = new Date({T});
             print(d.toISOString()); print(d.toUTCString()); print(d.toGMTString());
             print(Date.prototype.toGMTString === Date.prototype.toUTCString)"
        ),
        &[
            "2010-02-16T13:30:00.250Z",
            "Tue, 16 Feb 2010 13:30:00 GMT",
            "Tue, 16 Feb 2010 13:30:00 GMT",
            "true",
        ],
    );
    prints(
        "print(new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString(),
               new Date(Date.UTC(-1, 0)).toISOString())",
        &["+275760-09-13T00:00:00.000Z -271821-04-20T00:00:00.000Z -000001-01-01T00:00:00.000Z"],
    );
    // The local forms: a date's string starts with its date string and ends with its time
    // string.
    prints(
        &format!(
            "var d = new Date({T}); var s = d.toString();
             print(s === d.toDateString() + ' ' + d.toTimeString(), s === d + '',
                   d.toDateString().length)"
        ),
        &["true true 15"],
    );
    prints(
        &format!(
            "var d = new Date({T});
             print(typeof d.toLocaleString(), typeof d.toLocaleDateString(), typeof d.toLocaleTimeString(),
                   d.toLocaleString().length > 0)"
        ),
        &["string string string true"],
    );
    prints(
        "var d = new Date(NaN);
         print(d.toString(), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toLocaleString(),
               d.toLocaleDateString(), d.toLocaleTimeString(), d + '')",
        &["Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date"],
    );
    throws("new Date(NaN).toISOString()", "RangeError");
}

#[test]
fn to_json() {
    prints(
        &format!(
            "var d = new Date({T}); print(d.toJSON(), new Date(NaN).toJSON(), Date.prototype.toJSON.length)"
        ),
        &["2010-02-16T13:30:00.250Z null 1"],
    );
    // Generic: any object with a toISOString; the primitive value decides only whether it is
    // finite.
    prints(
        "var o = { valueOf: function () { return 1; }, toISOString: function () { return 'iso:' + (this === o); } };
         print(Date.prototype.toJSON.call(o),
               Date.prototype.toJSON.call({ valueOf: function () { return Infinity; }, toISOString: null }),
               Date.prototype.toJSON.call({ toString: function () { return 'x'; }, toISOString: function () { return 7; } }))",
        &["iso:true null 7"],
    );
    // A Date's own toISOString is looked up, not the builtin called directly.
    prints(
        "var d = new Date(0); d.toISOString = function () { return 'mine'; }; print(d.toJSON())",
        &["mine"],
    );
    throws(
        "Date.prototype.toJSON.call({ toISOString: 1 })",
        "TypeError",
    );
    throws("Date.prototype.toJSON.call(undefined)", "TypeError");
    throws(
        "Date.prototype.toJSON.call({ valueOf: function () { throw new SyntaxError('v'); } })",
        "SyntaxError: v",
    );
}

#[test]
fn to_primitive_prefers_strings_for_dates() {
    prints(
        "var d = new Date(5);
         print(d + 1 === d.toString() + '1', d - 0, +d, d * 2, d == d.toString(), d == 5,
               new Date(5) < new Date(6), d + d === d.toString() + d.toString())",
        &["true 5 5 10 true false true true"],
    );
    // Other objects keep the Number hint with no hint.
    prints(
        "var o = { valueOf: function () { return 1; }, toString: function () { return 's'; } };
         print(o + 1, o == 1, o == 's')",
        &["2 true false"],
    );
}

#[test]
fn annex_b() {
    prints(
        &format!(
            "var d = new Date({T}); var y = d.getYear(); print(y === d.getFullYear() - 1900, y);
             print(new Date(NaN).getYear(), Date.prototype.getYear.length, Date.prototype.setYear.length)"
        ),
        &["true 110", "NaN 0 1"],
    );
    prints(
        "var d = new Date(2010, 1, 16, 14, 30);
         d.setYear(95); print(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours());
         d.setYear(2000); print(d.getFullYear(), d.getYear());
         d.setYear(-5); print(d.getFullYear());
         print(d.setYear(NaN), d.getTime());
         var e = new Date(NaN); e.setYear(99);
         print(e.getFullYear(), e.getMonth(), e.getDate(), e.getHours())",
        &["1995 1 16 14", "2000 100", "-5", "NaN NaN", "1999 0 1 0"],
    );
}

#[test]
fn non_dates_are_rejected() {
    let methods = [
        "toString",
        "toDateString",
        "toTimeString",
        "toLocaleString",
        "toLocaleDateString",
        "toLocaleTimeString",
        "valueOf",
        "getTime",
        "getFullYear",
        "getUTCFullYear",
        "getMonth",
        "getUTCMonth",
        "getDate",
        "getUTCDate",
        "getDay",
        "getUTCDay",
        "getHours",
        "getUTCHours",
        "getMinutes",
        "getUTCMinutes",
        "getSeconds",
        "getUTCSeconds",
        "getMilliseconds",
        "getUTCMilliseconds",
        "getTimezoneOffset",
        "setTime",
        "setMilliseconds",
        "setUTCMilliseconds",
        "setSeconds",
        "setUTCSeconds",
        "setMinutes",
        "setUTCMinutes",
        "setHours",
        "setUTCHours",
        "setDate",
        "setUTCDate",
        "setMonth",
        "setUTCMonth",
        "setFullYear",
        "setUTCFullYear",
        "toUTCString",
        "toISOString",
        "getYear",
        "setYear",
        "toGMTString",
    ];
    for method in methods {
        for this in ["{}", "undefined", "null", "0", "'2010'", "Date", "[]"] {
            throws(
                &format!("Date.prototype.{method}.call({this}, 1)"),
                "TypeError",
            );
        }
        // The check comes before any argument is converted.
        prints(
            &format!(
                "var log = 'no';
                 try {{ Date.prototype.{method}.call({{}}, {{ valueOf: function () {{ log = 'yes'; return 1; }} }}); }}
                 catch (e) {{ log += ' ' + (e instanceof TypeError); }}
                 print(log)"
            ),
            &["no true"],
        );
    }
}

#[test]
fn the_prototype_is_an_invalid_date() {
    prints(
        "print(Object.prototype.toString.call(Date.prototype), Date.prototype.getTime(),
               Date.prototype.toString(), Object.prototype.toString.call(new Date(0)))",
        &["[object Date] NaN Invalid Date [object Date]"],
    );
}

#[test]
fn properties_and_lengths() {
    prints(
        "print(Date.length, Date.prototype.constructor === Date, new Date(0) instanceof Date,
               Object.getPrototypeOf === undefined || Object.getPrototypeOf(new Date(0)) === Date.prototype)",
        &["7 true true true"],
    );
    prints(
        "var p = Date.prototype;
         print(p.setTime.length, p.setMilliseconds.length, p.setUTCMilliseconds.length,
               p.setSeconds.length, p.setUTCSeconds.length, p.setMinutes.length, p.setUTCMinutes.length,
               p.setHours.length, p.setUTCHours.length, p.setDate.length, p.setUTCDate.length,
               p.setMonth.length, p.setUTCMonth.length, p.setFullYear.length, p.setUTCFullYear.length,
               p.toString.length, p.getTime.length, p.toISOString.length)",
        &["1 1 1 2 2 3 3 4 4 1 1 2 2 3 3 0 0 0"],
    );
    // Nothing is enumerable.
    prints(
        "var keys = ''; for (var k in Date.prototype) keys += k; for (var k in Date) keys += k;
         for (var k in new Date(0)) keys += k; print('[' + keys + ']')",
        &["[]"],
    );
    // Dates are ordinary extensible objects besides their time value.
    prints(
        "var d = new Date(0); d.x = 1; print(d.x, d.getTime(), d.hasOwnProperty('x'))",
        &["1 0 true"],
    );
}

#[test]
fn date_methods_are_not_constructors() {
    throws("new Date.prototype.getTime()", "TypeError");
    throws("new Date.now()", "TypeError");
    throws("new Date.UTC(2000, 0)", "TypeError");
}
