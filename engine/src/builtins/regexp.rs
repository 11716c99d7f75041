//! RegExp (ES5.1 15.10), and the String methods that take regular expressions: `match`,
//! `replace`, `search` and `split` (15.5.4.10-14).
//!
//! ## Matching
//! Patterns are compiled once, when the RegExp object is made, by the `regress` crate; the
//! parser checks regular expression literals with the same code (`check_literal`), so a
//! literal and `new RegExp` accept the same patterns. Recently compiled patterns are cached,
//! since a literal makes a new RegExp each time it is evaluated. A JS string is UTF-16 and may
//! hold lone surrogates; ES5 patterns see each code unit as one character (15.10.2), so
//! matching goes through regress's UCS-2 mode (`find_from_ucs2`): every position and length
//! here is a UTF-16 code unit offset. A string known to be ASCII is searched byte by byte in
//! place instead (`find_from_ascii`; a byte offset is then a unit offset), so that a search
//! costs no conversion of the whole string.
//!
//! ## Where test262 and ES5.1 disagree
//! test262 checks a few details as ES2015 has them; this follows ES2015 there:
//! - `new RegExp(re, flags)` with a RegExp and flags makes a RegExp with `re`'s pattern and the
//!   new flags (ES5.1 threw a TypeError);
//! - `exec` on a global RegExp treats a negative `lastIndex` as 0 (ES5.1 failed the match), and a
//!   failed match resets `lastIndex` only on a global RegExp;
//! - a global `match`/`replace` steps one unit past an empty match (ES5.1's text could record
//!   the same empty match twice);
//! - `RegExp.prototype` is an ordinary object with `source`, `global`, `ignoreCase` and
//!   `multiline` getters (instances still have the ES5.1 own data properties, which shadow
//!   them).
//!
//! ## Bounding the work
//! `regress` is a backtracking matcher: a pathological pattern (`/(a+)+$/` on a long run of
//! `a`s and a `!`) takes exponential time. regress 0.12 offers no step limit, no timeout and no
//! interrupt callback (its issue #140 asks for one), so a match cannot be bounded by the
//! engine's fuel: it runs to completion inside one slice.
//!
//! What is bounded: regress backtracks on a heap stack, not the Rust stack, and refuses groups
//! nested more than 256 deep; its compiler recurses once per `|` of a disjunction, so a pattern
//! gets the stack that needs (`stacker`), and at most 50,000 of them; its optimizer takes time
//! quadratic in their number, so patterns with more than 1,000 skip it. No pattern or input
//! overflows the stack, and nothing here panics on any pattern or input.
//!
//! ## Known differences
//! - Case-insensitive matching folds the few non-ASCII characters whose upper case is ASCII
//!   (`ſ`, `ı`, the Kelvin sign) onto ASCII letters, where ES5's Canonicalize (15.10.2.8) keeps
//!   them apart: `/s/i.test("ſ")` is true here, false in the spec. That is regress's folding.
//! - A string with Latin-1 characters past ASCII is converted to UTF-16 for regress the first
//!   time it is searched, and kept so (ASCII and UTF-16 strings are searched in place), so
//!   that `exec` in a loop over one long string costs no copy per call; such a string then
//!   takes two bytes a unit.
//! - regress (with the `utf16` feature) tries every start position of a search: anchored
//!   patterns skip that, and a pattern whose matches all begin with literal text is tried only
//!   where that text occurs, found with `memchr` (see [`Matcher`]); other patterns (`/\d+/`,
//!   case-insensitive ones) are tried at every position.

use super::string::this_string;
use super::{arg, define_constructor};
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::string::{JsString, Text, MAX_LENGTH};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use gc_arena::{Collect, Gc};
use regress::{Match, Regex};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

mod prefix;
pub mod statics;
mod string_methods;

use string_methods::{string_match, string_replace, string_search, string_split};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The internal state of a RegExp object.
#[derive(Collect)]
#[collect(require_static)]
pub struct RegExpData {
    /// The pattern as given (UTF-16 units): what `new RegExp(re)` copies.
    pub pattern: Rc<[u16]>,
    /// The `g` flag: `exec` starts at `lastIndex` and moves it.
    pub global: bool,
    /// The `i` flag.
    pub ignore_case: bool,
    /// The `m` flag: `^` and `$` match at line terminators too.
    pub multiline: bool,
    /// The compiled matcher, shared so that a match can run without borrowing the object.
    regex: Rc<Matcher>,
}

/// A compiled pattern.
pub struct Matcher {
    regex: Regex,
    /// For a pattern that can match only at the start of the input (`^` begins every
    /// alternative and the `m` flag is off): the pattern compiled as `(?:P)|()`, which succeeds
    /// at the first position it is tried, with P's match or else with the empty last group.
    /// regress 0.12 built with its `utf16` feature (which UCS-2 matching needs) turns off its
    /// start-position optimisations for every kind of input, anchoring included: a search
    /// tries every position, so a `/^foo/` failing at the first character would otherwise cost
    /// the length of the string (CoffeeScript's lexer tries ten of them per token on the rest
    /// of the source).
    anchored: Option<Regex>,
    /// For a pattern every match of which begins with some literal ASCII text (and that is not
    /// anchored): that text, and the pattern compiled as `(?:P)|()` like `anchored`, tried only
    /// where the text occurs (see [`prefix`]).
    prefixed: Option<(Vec<u8>, Regex)>,
}

/// The string a match runs on, as regress reads it: ASCII text byte by byte (in place, no
/// copy), anything else as UTF-16 code units (UCS-2: each unit one character).
#[derive(Clone, Copy)]
enum Subject<'s> {
    Ascii(&'s str),
    Units(&'s [u16]),
}

impl Subject<'_> {
    fn len(self) -> usize {
        match self {
            Subject::Ascii(text) => text.len(),
            Subject::Units(units) => units.len(),
        }
    }
}

/// Runs `f` on `input` as a [`Subject`], in place: a Latin-1 string with characters past ASCII
/// is made UTF-16 first, for good (regress has no Latin-1 input).
fn with_subject<'gc, R>(
    ctx: Ctx<'gc>,
    input: JsString<'gc>,
    f: impl FnOnce(Subject<'_>) -> R,
) -> R {
    // A Latin-1 string past ASCII becomes UTF-16 once, not on every search.
    input.widen(&ctx);
    input.with_text(&ctx, |text| match text {
        Text::Ascii(text) => f(Subject::Ascii(text)),
        Text::Utf16(units) => f(Subject::Units(units)),
        // Not left by `widen`; converted here all the same.
        Text::Latin1(bytes) => {
            let units: Vec<u16> = bytes.iter().map(|&b| u16::from(b)).collect();
            f(Subject::Units(&units))
        }
    })
}

/// The flags of a RegExp (15.10.4.1: only `g`, `i` and `m`, each at most once).
#[derive(Clone, Copy, Default)]
struct Flags {
    global: bool,
    ignore_case: bool,
    multiline: bool,
}

impl Flags {
    /// Parses a flags string; `None` for an unknown or repeated flag.
    fn parse(units: &[u16]) -> Option<Flags> {
        let mut flags = Flags::default();
        for &unit in units {
            let seen = match unit {
                0x67 => &mut flags.global,      // g
                0x69 => &mut flags.ignore_case, // i
                0x6D => &mut flags.multiline,   // m
                _ => return None,
            };
            if *seen {
                return None;
            }
            *seen = true;
        }
        Some(flags)
    }

    /// Parses a flags string as the V8 of 2010 did for `new RegExp(p, f)`, `RegExp(p, f)` and
    /// `compile`: every `g`, `i` and `m` counts, a repeated one is allowed and any other
    /// character is ignored (its regexp.js: "Allow duplicate flags to be consistent with JSC
    /// and others", "Ignore flags that have no meaning to be consistent with JSC"). Programs
    /// of the time lean on it: CoffeeScript 0.7 writes `new RegExp(s, "undefined")` for an
    /// interpolated regex without flags, which V8 read as `i`. ES5 15.10.4.1 asks for a
    /// SyntaxError instead; literals keep that early error (`check_literal`).
    fn parse_v8(units: &[u16]) -> Flags {
        let mut flags = Flags::default();
        for &unit in units {
            match unit {
                0x67 => flags.global = true,      // g
                0x69 => flags.ignore_case = true, // i
                0x6D => flags.multiline = true,   // m
                _ => {}
            }
        }
        flags
    }

    /// The flags as written in `toString`, in the order 15.10.6.4 gives: g, i, m.
    fn to_units(self) -> Vec<u16> {
        let mut units = Vec::with_capacity(3);
        for (set, letter) in [
            (self.global, b'g'),
            (self.ignore_case, b'i'),
            (self.multiline, b'm'),
        ] {
            if set {
                units.push(u16::from(letter));
            }
        }
        units
    }
}

/// The value of the four hex digits at the start of `units`, if they are that.
fn hex4(units: &[u16]) -> Option<u32> {
    let digits = units.get(..4)?;
    digits.iter().try_fold(0, |value, &unit| {
        let digit = char::from_u32(u32::from(unit))?.to_digit(16)?;
        Some(value * 16 + digit)
    })
}

/// `pattern` with the two escapes regress reads differently from an ES5 pattern rewritten:
/// - `\uD83D\uDE00`, a high and a low surrogate escape, is one code point to regress, which
///   then never matches UCS-2 text; ES5 sees two characters. The high surrogate escape becomes
///   the raw unit, which regress keeps as one character.
/// - `\u{...}` is a code point escape to regress; without the `u` flag it is an identity escape
///   of `u` followed by a brace (Annex B), so it becomes a plain `u`.
fn ucs2_pattern(pattern: &[u16]) -> Vec<u16> {
    let mut out = Vec::with_capacity(pattern.len());
    let mut i = 0;
    while let Some(&unit) = pattern.get(i) {
        if unit != u16::from(b'\\') {
            out.push(unit);
            i += 1;
            continue;
        }
        let rest = pattern.get(i + 1..).unwrap_or_default();
        match rest.first() {
            Some(&u) if u == u16::from(b'u') => {
                let tail = rest.get(1..).unwrap_or_default();
                match hex4(tail) {
                    Some(high @ 0xD800..=0xDBFF) => {
                        out.push(high as u16);
                        i += 6;
                        continue;
                    }
                    _ if tail.first() == Some(&u16::from(b'{')) => {
                        out.push(u);
                        i += 2;
                        continue;
                    }
                    _ => {}
                }
                out.extend_from_slice(&[unit, u]);
                i += 2;
            }
            // Any other escape, `\\` included, is kept whole.
            Some(&next) => {
                out.extend_from_slice(&[unit, next]);
                i += 2;
            }
            None => {
                out.push(unit);
                i += 1;
            }
        }
    }
    out
}

/// Most distinct patterns kept compiled (see [`COMPILED`]); past it the cache starts over.
const CACHE_LIMIT: usize = 256;

/// Longest pattern the cache keeps (in units), so that it stays small.
const CACHE_PATTERN_LIMIT: usize = 1024;

/// A compiled pattern's key: its units, and the `i` and `m` flags.
type CacheKey = (Box<[u16]>, bool, bool);

thread_local! {
    /// Patterns compiled lately, by pattern and flags. A regular expression literal makes a new
    /// RegExp object each time it is evaluated (ES5.1 7.8.5), so a literal in a function body
    /// would otherwise be compiled again on every call. A compiled `Regex` is immutable, so
    /// objects (and engines on this thread) can share it.
    static COMPILED: RefCell<HashMap<CacheKey, Rc<Matcher>>> =
        RefCell::new(HashMap::new());
}

/// Most `|` a pattern may hold: regress's recursion is as deep as the longest chain of
/// alternatives (V8 too refuses patterns past a size).
const MAX_ALTERNATIVES: usize = 50_000;

/// Most `|` a pattern may hold and still go through regress's optimizer (about 10 ms at this
/// size; 10,000 take a second).
const OPTIMIZED_ALTERNATIVES: usize = 1000;

/// Stack regress needs besides the alternatives, and per alternative (measured: about 150
/// bytes in a release build, 1.2 KB in a debug build).
const STACK_BASE: usize = 256 * 1024;
const STACK_PER_ALTERNATIVE: usize = 2 * 1024;

/// The `|`s of `pattern` that separate alternatives (not escaped, outside classes): each one's
/// position and group depth (0: between top-level alternatives). The one scan of a pattern's
/// structure that the shortcuts below and in prefix.rs share.
fn bars(pattern: &[u16]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let (mut depth, mut escaped, mut in_class) = (0usize, false, false);
    pattern.iter().enumerate().filter_map(move |(at, &unit)| {
        if escaped {
            escaped = false;
            return None;
        }
        match unit {
            0x5C => escaped = true,                               // \
            0x5B => in_class = true,                              // [
            0x5D => in_class = false,                             // ]
            0x28 if !in_class => depth += 1,                      // (
            0x29 if !in_class => depth = depth.saturating_sub(1), // )
            0x7C if !in_class => return Some((at, depth)),        // |
            _ => {}
        }
        None
    })
}

/// How many `|` separate alternatives in `pattern` (outside classes, not escaped).
fn count_alternatives(pattern: &[u16]) -> usize {
    bars(pattern).count()
}

/// Whether `pattern` can match only where `^` matches: every top-level alternative begins with
/// an unquantified `^`. (A `^` inside a leading group does not count: that is rare, and being
/// conservative here only costs speed.)
fn is_anchored(pattern: &[u16]) -> bool {
    let top_level = bars(pattern).filter(|&(_, depth)| depth == 0);
    let mut starts = std::iter::once(0).chain(top_level.map(|(at, _)| at + 1));
    starts.all(|start| {
        let quantified = matches!(pattern.get(start + 1), Some(0x2A | 0x2B | 0x3F | 0x7B)); // * + ? {
        pattern.get(start) == Some(&0x5E) && !quantified
    })
}

/// Compiles `pattern` as an ES5 pattern (each code unit one character), or says why it is not
/// one.
fn compile(pattern: &[u16], flags: Flags) -> Result<Rc<Matcher>, String> {
    let key = (Box::from(pattern), flags.ignore_case, flags.multiline);
    let cacheable = pattern.len() <= CACHE_PATTERN_LIMIT;
    if let Some(regex) = COMPILED.with(|cache| cache.borrow().get(&key).cloned()) {
        return Ok(regex);
    }
    let units = ucs2_pattern(pattern);
    // regress chains the alternatives of a disjunction as nested nodes and walks them
    // recursively: give it the stack that takes. Its optimizer takes time quadratic in their
    // number: skip it for long disjunctions.
    let alternatives = count_alternatives(&units);
    if alternatives > MAX_ALTERNATIVES {
        return Err("Regular expression too large".to_string());
    }
    let regress_flags = regress::Flags {
        icase: flags.ignore_case,
        multiline: flags.multiline,
        no_opt: alternatives > OPTIMIZED_ALTERNATIVES,
        ..regress::Flags::default()
    };
    let stack = STACK_BASE + alternatives * STACK_PER_ALTERNATIVE;
    let build = |units: &[u16]| {
        crate::stack::maybe_grow(stack, stack, || {
            Regex::from_unicode(units.iter().map(|&u| u32::from(u)), regress_flags)
        })
    };
    let regex = build(&units).map_err(|error| error.to_string())?;
    if crate::early_errors::quantifies_word_boundary(&String::from_utf16_lossy(pattern)) {
        return Err("Nothing to repeat".to_string());
    }
    // A valid P makes a valid `(?:P)|()`; were it refused, matching would only be slower.
    let at_first_position = || {
        let mut wrapped: Vec<u16> = "(?:".encode_utf16().collect();
        wrapped.extend_from_slice(&units);
        wrapped.extend(")|()".encode_utf16());
        build(&wrapped).ok()
    };
    let anchored = if !flags.multiline && is_anchored(&units) {
        at_first_position()
    } else {
        None
    };
    let prefixed = match prefix::literal_prefix(&units, flags.ignore_case) {
        Some(text) if anchored.is_none() => at_first_position().map(|regex| (text, regex)),
        _ => None,
    };
    let regex = Rc::new(Matcher {
        regex,
        anchored,
        prefixed,
    });
    if !cacheable {
        return Ok(regex);
    }
    COMPILED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, Rc::clone(&regex));
    });
    Ok(regex)
}

/// The `source` property of a RegExp with `pattern`: the pattern as it was given, `(?:)` for
/// the empty one. ES5 15.10.4.1 would escape `/` and line terminators so that `/source/` reads
/// back as a literal; the V8 of 2010 (node v0.1.27's) kept the pattern unchanged, so that
/// `new RegExp("a/b").toString()` was `/a/b/`, and programs of the time compare against that
/// (CoffeeScript 0.7's language tests: `(/$a$b$c$/i).toString() is '/12/\\d+/$/i'`).
fn source_text(pattern: &[u16]) -> Vec<u16> {
    if pattern.is_empty() {
        return "(?:)".encode_utf16().collect();
    }
    pattern.to_vec()
}

/// The property key `name`.
fn key<'gc>(ctx: Ctx<'gc>, name: &str) -> PropertyKey<'gc> {
    ctx.realm().key(ctx, name)
}

/// A SyntaxError with `message`.
fn syntax_error<'gc>(ctx: Ctx<'gc>, message: &str) -> Throw<'gc> {
    ctx.error(ctx.realm().syntax_error_prototype, message)
}

/// The message of the SyntaxError for a bad flags string.
fn flags_message(flags: &[u16]) -> String {
    format!(
        "Invalid regular expression flags '{}'",
        String::from_utf16_lossy(flags)
    )
}

/// The message of the SyntaxError for a bad pattern.
fn pattern_message(pattern: &[u16], reason: &str) -> String {
    format!(
        "Invalid regular expression: /{}/: {reason}",
        String::from_utf16_lossy(pattern)
    )
}

/// Checks a regular expression literal (ES5.1 7.8.5: its flags and pattern must be valid, an
/// early error otherwise) exactly as evaluating it will: the parser calls this, so a literal
/// parses exactly when its RegExp can be made. The compiled pattern stays in the cache for
/// that evaluation.
///
/// # Errors
/// The SyntaxError's message.
pub(crate) fn check_literal(pattern: &[u16], flags: &str) -> Result<(), String> {
    let flags: Vec<u16> = flags.encode_utf16().collect();
    let Some(parsed) = Flags::parse(&flags) else {
        return Err(flags_message(&flags));
    };
    compile(pattern, parsed)
        .map(drop)
        .map_err(|reason| pattern_message(pattern, &reason))
}

/// A RegExp object, with its matcher and flags.
type Made<'gc> = (Object<'gc>, Rc<Matcher>, Flags);

/// Makes a RegExp object (15.10.4.1 steps after the pattern and flags strings are known).
fn make_regexp<'gc>(
    ctx: Ctx<'gc>,
    pattern: &[u16],
    flags: &[u16],
) -> Result<Made<'gc>, Throw<'gc>> {
    // ES5 15.10.4.1: "If F contains any character other than "g", "i", or "m", or if it
    // contains the same one more than once, then throw a SyntaxError exception." The V8 of
    // 2010 did not (see `Flags::parse_v8`): the node runtime asks for its rules
    // (`Engine::set_v8_regexps`). A literal's flags were already checked by the parser.
    let parsed = if ctx.realm().v8_regexps.get() {
        Flags::parse_v8(flags)
    } else {
        let Some(parsed) = Flags::parse(flags) else {
            return Err(syntax_error(ctx, &flags_message(flags)));
        };
        parsed
    };
    // "If P's characters do not have the form Pattern, then throw a SyntaxError exception."
    let regex = compile(pattern, parsed)
        .map_err(|reason| syntax_error(ctx, &pattern_message(pattern, &reason)))?;
    let realm = ctx.realm();
    let data = RegExpData {
        pattern: pattern.into(),
        global: parsed.global,
        ignore_case: parsed.ignore_case,
        multiline: parsed.multiline,
        regex: Rc::clone(&regex),
    };
    let object = Object::new(
        &ctx,
        Some(realm.regexp_prototype),
        Class::RegExp(Rc::new(data)),
    );
    // 15.10.7.1-4: source, global, ignoreCase and multiline are read-only, hidden, permanent.
    let source = JsString::from_units(&ctx, &source_text(pattern));
    object.set_own_value(
        &ctx,
        key(ctx, "source"),
        Value::String(source),
        Attributes::NONE,
    );
    for (name, value) in [
        ("global", parsed.global),
        ("ignoreCase", parsed.ignore_case),
        ("multiline", parsed.multiline),
    ] {
        object.set_own_value(&ctx, key(ctx, name), Value::Bool(value), Attributes::NONE);
    }
    // 15.10.7.5: lastIndex is writable, hidden and permanent, and starts at 0.
    object.set_own_value(
        &ctx,
        ctx.realm().atoms.last_index,
        Value::Number(0.0),
        Attributes::new(true, false, false),
    );
    Ok((object, regex, parsed))
}

/// What the site of a regular expression literal keeps from its first evaluation, so that
/// the next ones (ES5 7.8.5: a new object each time) neither compile nor look up the pattern
/// again, nor add the object's five properties one by one: the compiled pattern, and the
/// first object's layout and values as they were when it was made.
#[derive(Clone, Collect)]
#[collect(no_drop)]
pub struct LiteralSite<'gc> {
    /// The pattern, its flags and its matcher, which every object the site makes shares (a
    /// RegExp's data never changes: `compile` gives the object new data).
    #[collect(require_static)]
    data: Rc<RegExpData>,
    /// `source`, `global`, `ignoreCase`, `multiline` and `lastIndex` (0), in their shape.
    shape: crate::object::Shape<'gc>,
    values: Box<[Value<'gc>]>,
}

impl<'gc> LiteralSite<'gc> {
    /// A new RegExp object like the first one this site made, as it was then.
    fn instantiate(&self, ctx: Ctx<'gc>) -> Object<'gc> {
        let properties = crate::object::PropertyMap::from_shape(self.shape, &self.values);
        Object::with_properties(
            &ctx,
            Some(ctx.realm().regexp_prototype),
            Class::RegExp(Rc::clone(&self.data)),
            properties,
        )
    }
}

/// Evaluates the regular expression literal that is constant `index` of `code` (the
/// `Regex` instruction): a new RegExp object each time, made from what the literal's site
/// kept the first time (see [`LiteralSite`]).
///
/// # Errors
/// A SyntaxError for an invalid pattern or flags (which the parser already refuses).
pub fn literal<'gc>(
    ctx: Ctx<'gc>,
    code: Gc<'gc, crate::vm::Code<'gc>>,
    index: u32,
) -> Result<Object<'gc>, Throw<'gc>> {
    if let Some(object) = code.with_regexp_site(index, |site| site.instantiate(ctx)) {
        return Ok(object);
    }
    let Some(crate::bytecode::Constant::Regex { pattern, flags }) =
        code.proto.constants.get(index as usize)
    else {
        return Err(ctx.type_error("internal error: missing regular expression"));
    };
    let flags: Vec<u16> = flags.encode_utf16().collect();
    let (object, _, _) = make_regexp(ctx, pattern, &flags)?;
    let site = {
        let made = object.borrow();
        let data = match &made.class {
            Class::RegExp(data) => Some(Rc::clone(data)),
            _ => None,
        };
        let shaped = made.properties.shaped_values();
        data.zip(shaped).map(|(data, (shape, values))| LiteralSite {
            data,
            shape,
            values: values.into(),
        })
    };
    if let Some(site) = site {
        crate::vm::Code::set_regexp_site(code, ctx, index, site);
    }
    Ok(object)
}

/// The matcher and flags of a RegExp object, or `None` for any other value.
fn regexp_parts(value: Value<'_>) -> Option<(Rc<Matcher>, Flags, Rc<[u16]>)> {
    let object = value.as_object()?;
    let data = object.borrow();
    match &data.class {
        Class::RegExp(regexp) => Some((
            Rc::clone(&regexp.regex),
            Flags {
                global: regexp.global,
                ignore_case: regexp.ignore_case,
                multiline: regexp.multiline,
            },
            Rc::clone(&regexp.pattern),
        )),
        _ => None,
    }
}

/// The `this` of a RegExp.prototype method: a TypeError unless it is a RegExp object (15.10.6).
fn this_regexp<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
) -> Result<(Object<'gc>, Rc<Matcher>, Flags), Throw<'gc>> {
    match (this, regexp_parts(this)) {
        (Value::Object(object), Some((regex, flags, _))) => Ok((object, regex, flags)),
        _ => Err(ctx.type_error(&format!(
            "RegExp.prototype.{method} called on an object that is not a RegExp"
        ))),
    }
}

/// The units `range` of `units` as a string value.
fn substring<'gc>(ctx: Ctx<'gc>, units: &[u16], range: Range<usize>) -> Value<'gc> {
    let piece = units.get(range).unwrap_or_default();
    Value::String(JsString::from_units(&ctx, piece))
}

/// The first match of `matcher` in `subject` at or after `start` (the search loop of 15.10.6.2
/// step 9, each step a `[[Match]]`).
fn find(matcher: &Matcher, subject: Subject<'_>, start: usize) -> Option<Match> {
    if start > subject.len() {
        return None;
    }
    if let Some(anchored) = &matcher.anchored {
        // `^` without the `m` flag matches only at 0: one attempt there decides.
        if start > 0 {
            return None;
        }
        return match_at(anchored, subject, 0);
    }
    if let Some((text, at_first_position)) = &matcher.prefixed {
        // Every match begins with `text`: try P only where `text` occurs.
        let mut from = start;
        loop {
            let at = match subject {
                Subject::Ascii(s) => {
                    memchr::memmem::find(s.as_bytes().get(from..)?, text).map(|k| k + from)?
                }
                Subject::Units(units) => prefix::find_in_units(units, text, from)?,
            };
            if let Some(found) = match_at(at_first_position, subject, at) {
                return Some(found);
            }
            from = at + 1;
        }
    }
    search(&matcher.regex, subject, start)
}

/// P's match at exactly `at`, if any, by `(?:P)|()` (which succeeds at the first position it
/// is tried: with P's match, or else with the empty last group).
fn match_at(at_first_position: &Regex, subject: Subject<'_>, at: usize) -> Option<Match> {
    let mut found = search(at_first_position, subject, at)?;
    // The last group is the fallback's: if it took part, P failed.
    match found.captures.pop() {
        Some(None) => Some(found),
        _ => None,
    }
}

/// regress's search from `start` on.
fn search(regex: &Regex, subject: Subject<'_>, start: usize) -> Option<Match> {
    match subject {
        Subject::Ascii(text) => regex.find_from_ascii(text, start).next(),
        Subject::Units(units) => regex.find_from_ucs2(units, start).next(),
    }
}

/// Every match a global `exec` loop finds from the start of `units` (15.5.4.10 step 8), stepping
/// one unit past an empty match.
fn find_all(regex: &Matcher, units: &[u16]) -> Vec<Match> {
    let mut matches = Vec::new();
    let mut at = 0;
    while let Some(m) = find(regex, Subject::Units(units), at) {
        at = if m.range.is_empty() {
            m.end() + 1
        } else {
            m.end()
        };
        matches.push(m);
    }
    matches
}

/// Steps 4-11 of 15.10.6.2 `exec`: the match `R` finds in `S` from its `lastIndex`, with
/// `lastIndex` updated as a global RegExp does it.
fn exec_match<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    regex: &Matcher,
    global: bool,
    input: JsString<'gc>,
) -> Result<Option<Match>, Throw<'gc>> {
    let this = Value::Object(object);
    let last_index_key = ctx.realm().atoms.last_index;
    // 3. Let length be the length of S.
    let length = input.len();
    // 4. Let lastIndex be the result of calling the [[Get]] internal method of R with argument
    //    "lastIndex".
    let last_index = ops::get(ctx, this, last_index_key)?;
    // 5. Let i be the value of ToInteger(lastIndex).
    let i = convert::to_integer(ops::to_number(ctx, last_index)?);
    // 6. Let global be the result of calling the [[Get]] internal method of R with argument
    //    "global".
    // 7. If global is false, then let i = 0. (A negative lastIndex counts as 0, as ES2015's
    //    ToLength has it.)
    let i = if global { i.max(0.0) } else { 0.0 };
    // 8. Let matchSucceeded be false.
    // 9. Repeat, while matchSucceeded is false
    //    a. If i < 0 or i > length, then
    //       i. Call the [[Put]] internal method of R with arguments "lastIndex", 0, and true.
    //       ii. Return null.
    //    b. Call the [[Match]] internal method of R with arguments S and i.
    //    c. If [[Match]] returned failure, then let i = i+1.
    //    d. else let r be the State result of the call to [[Match]]; set matchSucceeded to true.
    let found = if i > length as f64 {
        None
    } else {
        with_subject(ctx, input, |subject| find(regex, subject, i as usize))
    };
    let Some(m) = found else {
        if global {
            ops::put(ctx, this, last_index_key, Value::Number(0.0), true)?;
        }
        return Ok(None);
    };
    // 10. Let e be r's endIndex value.
    // 11. If global is true, Call the [[Put]] internal method of R with arguments "lastIndex",
    //     e, and true.
    if global {
        ops::put(
            ctx,
            this,
            last_index_key,
            Value::Number(m.end() as f64),
            true,
        )?;
    }
    statics::record(ctx, input, &m);
    Ok(Some(m))
}

/// Steps 12-20 of 15.10.6.2: the array `exec` returns for the match `m` in `input`.
fn match_array<'gc>(ctx: Ctx<'gc>, m: &Match, input: JsString<'gc>) -> Value<'gc> {
    // Pieces are cut from the string itself: an ASCII string's stay ASCII with no check.
    let piece = |range: Range<usize>| Value::String(input.substring(&ctx, range.start, range.end));
    // 15-20. The matched substring, then each capture or undefined.
    let mut values = Vec::with_capacity(m.captures.len() + 1);
    values.push(piece(m.range()));
    for capture in &m.captures {
        values.push(match capture {
            Some(range) => piece(range.clone()),
            None => Value::Undefined,
        });
    }
    let array = ctx.realm().new_array(ctx, values);
    // 13. The "index" property: the position of the matched substring within the string.
    array.set_own_value(
        &ctx,
        key(ctx, "index"),
        Value::Number(m.start() as f64),
        Attributes::ALL,
    );
    // 14. The "input" property: S.
    array.set_own_value(
        &ctx,
        key(ctx, "input"),
        Value::String(input),
        Attributes::ALL,
    );
    Value::Object(array)
}

// ---- The constructor (15.10.3, 15.10.4) -----------------------------------------------------

/// Whether a call to `RegExp` is a `new RegExp(...)`: the interpreter then passes, as `this`,
/// the fresh object it made for the constructor — a plain object whose prototype is
/// `RegExp.prototype` (a read-only property, so always the intrinsic) with no properties yet.
/// Natives are not told otherwise whether they are being constructed; the only call this takes
/// for a construction is `RegExp.call(o, re)` on such an empty `Object.create(RegExp.prototype)`,
/// which then makes a copy of `re` instead of returning it.
fn is_construct_call<'gc>(ctx: Ctx<'gc>, this: Value<'gc>) -> bool {
    this.as_object().is_some_and(|object| {
        let data = object.borrow();
        matches!(data.class, Class::Object)
            && data.prototype == Some(ctx.realm().regexp_prototype)
            && data.extensible
            && data.properties.is_empty()
    })
}

/// 15.10.3.1 `RegExp(pattern, flags)` called as a function, and 15.10.4.1
/// `new RegExp(pattern, flags)`.
fn regexp_constructor<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let pattern = arg(args, 0);
    let flags = arg(args, 1);
    let existing = regexp_parts(pattern);
    // 15.10.3.1: If pattern is an object R whose [[Class]] is "RegExp" and flags is undefined,
    // then return R unchanged. Otherwise call the RegExp constructor.
    if existing.is_some() && flags.is_undefined() && !is_construct_call(ctx, this) {
        return Ok(pattern);
    }
    // 15.10.4.1: If pattern is an object R whose [[Class]] is "RegExp", let P be the pattern
    // used to construct R and F be R's flags, unless flags is given (then F is ToString(flags),
    // as ES2015 has it; ES5.1 threw a TypeError). Otherwise let P be the empty String if
    // pattern is undefined and ToString(pattern) otherwise, and let F be the empty String if
    // flags is undefined and ToString(flags) otherwise.
    let p: Vec<u16> = match (&existing, pattern) {
        (Some((_, _, source)), _) => source.to_vec(),
        (None, Value::Undefined) => Vec::new(),
        (None, value) => ops::to_string(ctx, value)?.to_units(&ctx),
    };
    let f: Vec<u16> = match (&existing, flags) {
        (Some((_, existing_flags, _)), Value::Undefined) => existing_flags.to_units(),
        (None, Value::Undefined) => Vec::new(),
        (_, value) => ops::to_string(ctx, value)?.to_units(&ctx),
    };
    Ok(Value::Object(make_regexp(ctx, &p, &f)?.0))
}

// ---- RegExp.prototype (15.10.6) -------------------------------------------------------------

/// 15.10.6.2 RegExp.prototype.exec(string)
pub(crate) fn exec<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let R be this RegExp object.
    let (object, regex, flags) = this_regexp(ctx, this, "exec")?;
    // 2. Let S be the value of ToString(string).
    let input = ops::to_string(ctx, arg(args, 0))?;
    // 3-11.
    match exec_match(ctx, object, &regex, flags.global, input)? {
        None => Ok(Value::Null),
        // 12-21.
        Some(m) => Ok(match_array(ctx, &m, input)),
    }
}

/// 15.10.6.3 RegExp.prototype.test(string)
fn test<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let match be the result of evaluating the RegExp.prototype.exec algorithm upon this
    //    RegExp object using string as the argument.
    let (object, regex, flags) = this_regexp(ctx, this, "test")?;
    let input = ops::to_string(ctx, arg(args, 0))?;
    let found = exec_match(ctx, object, &regex, flags.global, input)?;
    // 2. If match is not null, then return true; else return false.
    Ok(Value::Bool(found.is_some()))
}

/// B.2.5.1 RegExp.prototype.compile(pattern, flags): re-initialises this RegExp in place.
fn compile_method<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1-2. Let O be the this value; it must have a [[RegExpMatcher]] internal slot.
    let (object, _, _) = this_regexp(ctx, this, "compile")?;
    let (pattern, flags) = (arg(args, 0), arg(args, 1));
    // 3. If pattern is a RegExp object, then
    let (p, f) = if let Some((_, parsed, source)) = regexp_parts(pattern) {
        // a. If flags is not undefined, throw a TypeError exception.
        if !flags.is_undefined() {
            return Err(
                ctx.type_error("Cannot supply flags when constructing one RegExp from another")
            );
        }
        // b-c. Let P be pattern.[[OriginalSource]], F be pattern.[[OriginalFlags]].
        let mut f = Vec::new();
        for (on, letter) in [
            (parsed.global, 'g'),
            (parsed.ignore_case, 'i'),
            (parsed.multiline, 'm'),
        ] {
            if on {
                f.push(letter as u16);
            }
        }
        (source.to_vec(), f)
    } else {
        // 4. Else, let P be pattern and F be flags.
        // (RegExpInitialize 1-4: undefined is "", anything else ToString.)
        let text = |value: Value<'gc>| -> Result<Vec<u16>, Throw<'gc>> {
            Ok(match value {
                Value::Undefined => Vec::new(),
                value => ops::to_string(ctx, value)?.to_units(&ctx),
            })
        };
        (text(pattern)?, text(flags)?)
    };
    // 5. Return ? RegExpInitialize(O, P, F): parse (a SyntaxError leaves O as it was), then
    //    take the new matcher, the ES5 own properties and lastIndex 0.
    let (made, _, _) = make_regexp(ctx, &p, &f)?;
    let class = std::mem::replace(&mut made.borrow_mut(&ctx).class, Class::Object);
    object.borrow_mut(&ctx).class = class;
    for name in ["source", "global", "ignoreCase", "multiline"] {
        let key = key(ctx, name);
        if let Some(property) = made.own_property(ctx, key) {
            object.set_own(&ctx, key, property);
        }
    }
    ops::put(
        ctx,
        this,
        ctx.realm().atoms.last_index,
        Value::Number(0.0),
        true,
    )?;
    Ok(this)
}

/// 15.10.6.4 RegExp.prototype.toString()
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let Some((_, flags, pattern)) = regexp_parts(this) else {
        return Err(
            ctx.type_error("RegExp.prototype.toString called on an object that is not a RegExp")
        );
    };
    // Return the String value formed by concatenating "/", the source, "/", and "g" if global
    // is true, "i" if ignoreCase is true, and "m" if multiline is true.
    let mut units = vec![u16::from(b'/')];
    units.extend(source_text(&pattern));
    units.push(u16::from(b'/'));
    units.extend(flags.to_units());
    Ok(Value::String(JsString::from_units(&ctx, &units)))
}

/// The getters ES2015 puts on RegExp.prototype (21.2.5.3-12): a RegExp's own data properties
/// shadow them; on `RegExp.prototype` itself they give `(?:)` and `undefined`.
fn prototype_getter<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    name: &str,
    read: fn(&RegExpData) -> bool,
) -> NativeResult<'gc> {
    if let Some(object) = this.as_object() {
        if let Class::RegExp(data) = &object.borrow().class {
            return Ok(Value::Bool(read(data)));
        }
        if object == ctx.realm().regexp_prototype {
            return Ok(Value::Undefined);
        }
    }
    Err(ctx.type_error(&format!(
        "RegExp.prototype.{name} getter called on an object that is not a RegExp"
    )))
}

fn get_global<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    prototype_getter(*ctx, this, "global", |data| data.global)
}

fn get_ignore_case<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    prototype_getter(*ctx, this, "ignoreCase", |data| data.ignore_case)
}

fn get_multiline<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    prototype_getter(*ctx, this, "multiline", |data| data.multiline)
}

fn get_source<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    if let Some((_, _, pattern)) = regexp_parts(this) {
        return Ok(Value::String(JsString::from_units(
            &ctx,
            &source_text(&pattern),
        )));
    }
    if this.as_object() == Some(ctx.realm().regexp_prototype) {
        return Ok(ctx.string("(?:)"));
    }
    Err(ctx.type_error("RegExp.prototype.source getter called on an object that is not a RegExp"))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.regexp_prototype;
    // 15.10.5: the RegExp constructor has a length property whose value is 2.
    let constructor = realm.native_function(ctx, regexp_constructor, 2, true);
    define_constructor(ctx, "RegExp", constructor, prototype);
    statics::install(ctx, constructor);
    let methods: [(&str, crate::object::NativeFn, u32); 4] = [
        ("exec", exec, 1),
        ("test", test, 1),
        ("toString", to_string, 0),
        ("compile", compile_method, 2),
    ];
    realm.define_functions(ctx, prototype, &methods);
    let getters: [(&str, crate::object::NativeFn); 4] = [
        ("global", get_global),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("source", get_source),
    ];
    for (name, function) in getters {
        // ES2015 21.2.5: `get global`, ... (accessors on the prototype, as here).
        let getter = realm.named_native_function(ctx, &format!("get {name}"), function, 0, false);
        prototype.set_own(
            &ctx,
            key(ctx, name),
            Property {
                slot: Slot::Accessor {
                    get: Some(getter),
                    set: None,
                },
                attributes: Attributes::new(false, false, true),
            },
        );
    }
    let string_methods: [(&str, crate::object::NativeFn, u32); 4] = [
        ("match", string_match, 1),
        ("replace", string_replace, 2),
        ("search", string_search, 1),
        ("split", string_split, 2),
    ];
    realm.define_functions(ctx, realm.string_prototype, &string_methods);
}
