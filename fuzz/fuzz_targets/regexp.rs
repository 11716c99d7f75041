//! The regular-expression compiler and matcher (`regress` behind RegExp): a pattern, flags
//! and a subject, through the constructor, exec, test, and String's match, replace, search
//! and split. Only a SyntaxError from the constructor is expected.
//!
//! Input: a control byte (flags: bit 0 g, 1 i, 2 m, 3 an invalid flag, 4 a repeated flag),
//! then UTF-8 text (invalid sequences as U+FFFD): the pattern, a NUL, the subject.
//!
//! The subject is cut to its first [`MAX_SUBJECT`] characters. `regress` backtracks, as
//! V8's Irregexp did in 2010 and does today by default: a pattern such as `^([a-z]+)*[a-z]$`
//! takes time exponential in the subject's length, and no JavaScript engine of the era
//! bounded that. A short subject keeps such a pattern from being reported as a hang, while
//! the patterns themselves (the compiler, and the matcher's every instruction) stay
//! unrestricted. The work is exponential in the number of quantifiers too: a failing match
//! of `.?` written 25 times tries every way of spreading the subject over them, some
//! C(25, n) for n characters (the fuzzer found one that ran for minutes under the sanitizer;
//! node 20 takes as long as our release build, 0.3 s, on it). So a pattern with q quantifiers
//! gets a subject of at most n characters where q^n stays under a million. A counted
//! repetition multiplies the ways by its count whatever the subject:
//! `(?:(?!:(?<x>a)|(?<x>b)|c)\k<x>){22}` takes a third of a second on an empty subject in our
//! release build (each of the 22 rounds can match the empty string more than one way), minutes
//! under the sanitizer; with lookarounds that hold
//! alternatives of their own, a count of 8 took 72 s under the sanitizer. A pattern with a
//! count over [`MAX_COUNT`] is compiled, printed and compiled again, but not matched.
#![no_main]

#[path = "common.rs"]
mod common;

use engine::value::Value;
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

/// The most characters of subject matched (see above).
const MAX_SUBJECT: usize = 12;

/// The largest count of a counted repetition (`{n}`, `{n,}`, `{n,m}`) in a pattern that is
/// matched (see above).
const MAX_COUNT: u32 = 4;

const SETUP: &str = r#"
__keep(function (pattern, flags, subject) {
  var re;
  try {
    re = new RegExp(pattern, flags);
  } catch (e) {
    if (e instanceof SyntaxError) return;
    throw e;
  }
  if (subject === undefined) {
    String(re);
    new RegExp(re.source, flags);
    return;
  }
  re.exec(subject);
  re.lastIndex = 0;
  re.test(subject);
  re.lastIndex = 0;
  subject.match(re);
  subject.search(re);
  subject.replace(re, "[$&|$1|$`|$'|$$]");
  subject.replace(re, function () { return arguments.length; });
  subject.split(re);
  subject.split(re, 3);
  String(re);
  new RegExp(re.source, flags);
});
"#;

thread_local! {
    static HARNESS: RefCell<common::Harness> = RefCell::new(common::Harness::new(SETUP));
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let mut flags = String::new();
    for (bit, flag) in [(1, 'g'), (2, 'i'), (4, 'm'), (8, 'y'), (16, 'g')] {
        if control & bit != 0 {
            flags.push(flag);
        }
    }
    let text = String::from_utf8_lossy(rest);
    let (pattern, subject) = text.split_once('\0').unwrap_or((&text, ""));
    let subject: Option<String> = (largest_count(pattern) <= MAX_COUNT)
        .then(|| subject.chars().take(subject_limit(pattern)).collect());
    let outcome = HARNESS.with(|h| {
        let mut h = h.borrow_mut();
        h.engine.instruction_limit = Some(10_000_000);
        h.call(|ctx| {
            vec![
                ctx.string(pattern),
                ctx.string(&flags),
                subject
                    .as_deref()
                    .map_or(Value::Undefined, |s| ctx.string(s)),
            ]
        })
    });
    common::expect_returned(outcome, &(pattern, &flags, subject));
});

/// The largest number in `pattern` between a `{` and the next `}` (escaped or not, so an
/// overestimate): the count of its largest counted repetition, `{n}`, `{n,}` or `{n,m}`.
fn largest_count(pattern: &str) -> u32 {
    pattern
        .split('{')
        .skip(1)
        .flat_map(|after| after.split('}').next().unwrap_or("").split(','))
        .map(|number| {
            let digits = number.bytes().take_while(u8::is_ascii_digit);
            digits.fold(0u32, |n, d| {
                n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
            })
        })
        .max()
        .unwrap_or(0)
}

/// The most characters of subject for `pattern`: [`MAX_SUBJECT`], or fewer when its
/// quantifiers (`?`, `*`, `+`, `{`, escaped or not: an overestimate) are many, so that
/// quantifiers^characters stays under a million.
fn subject_limit(pattern: &str) -> usize {
    let quantifiers = pattern
        .chars()
        .filter(|c| matches!(c, '?' | '*' | '+' | '{'))
        .count();
    let mut limit = 0;
    let mut ways: u64 = 1;
    while limit < MAX_SUBJECT {
        ways = ways.saturating_mul(quantifiers.max(2) as u64);
        if ways > 1_000_000 {
            break;
        }
        limit += 1;
    }
    limit
}
