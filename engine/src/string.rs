//! JavaScript strings on the garbage-collected heap.
//!
//! A JS string is a sequence of UTF-16 code units. Most strings hold only Latin-1 characters, so
//! a string is stored one byte per unit when it can be, two otherwise. Concatenation makes a
//! *rope* (a node pointing at its two halves) instead of copying, so that building a string
//! piece by piece (`body = body + chunk` in a loop) is linear, not quadratic; the rope is
//! flattened into one buffer the first time its characters are needed.

use gc_arena::{Collect, Gc, Mutation, RefLock};
use std::cell::Ref;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

/// A string value: a garbage-collected pointer, cheap to copy.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct JsString<'gc>(Gc<'gc, RefLock<StringData<'gc>>>);

/// The heap part of a string.
#[derive(Collect)]
#[collect(no_drop)]
pub struct StringData<'gc> {
    /// Length in UTF-16 code units.
    len: u32,
    repr: Repr<'gc>,
}

/// How a string's units are held.
#[derive(Collect)]
#[collect(no_drop)]
enum Repr<'gc> {
    /// Every unit is below 128, known to be: one byte each, kept as `str` so that regular
    /// expressions search it in place (regress's byte-wise entry point takes `&str`, and making
    /// a `&str` of bytes means validating them, an O(n) pass on every search otherwise).
    Ascii(Ascii),
    /// Every unit is below 256 (maybe all below 128, not checked yet): one byte each.
    Latin1(Box<[u8]>),
    Utf16(Box<[u16]>),
    /// Not yet flattened: the concatenation of two strings.
    Rope(JsString<'gc>, JsString<'gc>),
}

/// Longest string we create (V8's limit for two-byte strings is about 2^29).
pub const MAX_LENGTH: usize = (1 << 30) - 25;

/// ASCII text: a range of a buffer that long slices share. A lexer in the style of 2010 takes
/// `code.slice(i)` for every token; copying each of those (tens of KB) cost little itself but
/// made the collector run every few hundred tokens, each time marking and sweeping the whole
/// heap (90% of the time of `tools/bench/programs/lexer.js`).
#[derive(Collect)]
#[collect(require_static)]
struct Ascii {
    buffer: Rc<str>,
    range: Range<usize>,
}

impl Ascii {
    fn new(text: &str) -> Ascii {
        Ascii {
            buffer: Rc::from(text),
            range: 0..text.len(),
        }
    }

    fn as_str(&self) -> &str {
        self.buffer.get(self.range.clone()).unwrap_or_default()
    }
}

/// Shortest slice of an ASCII string that shares its buffer instead of copying (V8 makes
/// "sliced strings" from 13 characters). A shared slice keeps the whole buffer alive.
const SHARE_MIN: usize = 64;

/// A flat view of a string for searching it: ASCII text as `str`.
pub enum Text<'s> {
    Ascii(&'s str),
    /// One byte per unit, at least one of them 128 or more.
    Latin1(&'s [u8]),
    Utf16(&'s [u16]),
}

/// A flat view of a string's units.
pub enum Units<'s> {
    Latin1(&'s [u8]),
    Utf16(&'s [u16]),
}

impl Units<'_> {
    /// The unit at `index`.
    pub fn get(&self, index: usize) -> Option<u16> {
        match self {
            Units::Latin1(bytes) => bytes.get(index).map(|&b| u16::from(b)),
            Units::Utf16(units) => units.get(index).copied(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Units::Latin1(bytes) => bytes.len(),
            Units::Utf16(units) => units.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The units as a `Vec<u16>`.
    pub fn to_vec(&self) -> Vec<u16> {
        match self {
            Units::Latin1(bytes) => bytes.iter().map(|&b| u16::from(b)).collect(),
            Units::Utf16(units) => units.to_vec(),
        }
    }
}

impl<'gc> JsString<'gc> {
    /// A string of the given UTF-16 units (stored as Latin-1 when possible).
    pub fn from_units(mc: &Mutation<'gc>, units: &[u16]) -> JsString<'gc> {
        let repr = if units.iter().all(|&u| u < 256) {
            Repr::Latin1(units.iter().map(|&u| u as u8).collect())
        } else {
            Repr::Utf16(units.into())
        };
        Self::new(mc, units.len(), repr)
    }

    /// A string of the given Rust text.
    pub fn from_str(mc: &Mutation<'gc>, text: &str) -> JsString<'gc> {
        if text.is_ascii() {
            return Self::new(mc, text.len(), Repr::Ascii(Ascii::new(text)));
        }
        let units: Vec<u16> = text.encode_utf16().collect();
        Self::from_units(mc, &units)
    }

    /// A string of Latin-1 bytes (each byte one unit).
    pub fn from_latin1(mc: &Mutation<'gc>, bytes: Vec<u8>) -> JsString<'gc> {
        let len = bytes.len();
        Self::new(mc, len, Repr::Latin1(bytes.into_boxed_slice()))
    }

    fn new(mc: &Mutation<'gc>, len: usize, repr: Repr<'gc>) -> JsString<'gc> {
        // Large buffers tell the collector about their size: it paces itself by allocation
        // count, and one 100 MB string is one allocation.
        let bytes = match &repr {
            // A shared slice allocates nothing.
            Repr::Ascii(s) if Rc::strong_count(&s.buffer) > 1 => 0,
            Repr::Ascii(s) => s.range.len(),
            Repr::Latin1(b) => b.len(),
            Repr::Utf16(u) => u.len() * 2,
            Repr::Rope(..) => 0,
        };
        if bytes > 256 {
            mc.metrics().adjust_debt(bytes as f64);
        }
        JsString(Gc::new(
            mc,
            RefLock::new(StringData {
                len: len.min(u32::MAX as usize) as u32,
                repr,
            }),
        ))
    }

    /// `a + b` as a rope (or a flat copy when both are short).
    ///
    /// # Errors
    /// The result would be longer than [`MAX_LENGTH`] (the caller throws a RangeError).
    #[allow(clippy::result_unit_err)]
    pub fn concat(
        mc: &Mutation<'gc>,
        a: JsString<'gc>,
        b: JsString<'gc>,
    ) -> Result<JsString<'gc>, ()> {
        let len = a.len() + b.len();
        if len > MAX_LENGTH {
            return Err(());
        }
        if a.is_empty() {
            return Ok(b);
        }
        if b.is_empty() {
            return Ok(a);
        }
        if len <= 32 {
            return Ok(Self::concat_flat(mc, a, b, len));
        }
        Ok(Self::new(mc, len, Repr::Rope(a, b)))
    }

    /// `a + b` copied into one buffer of `len` units (for short results, where a rope node
    /// would cost more than the copy). Two Latin-1 strings are joined byte by byte.
    fn concat_flat(mc: &Mutation<'gc>, a: JsString<'gc>, b: JsString<'gc>, len: usize) -> Self {
        if let (Repr::Ascii(x), Repr::Ascii(y)) = (&*a.units(mc), &*b.units(mc)) {
            // Joined on the stack (`len` is at most 32), so that the result costs one allocation.
            let mut buffer = [0u8; 32];
            let (left, right) = (x.as_str().as_bytes(), y.as_str().as_bytes());
            if let Some(joined) = buffer.get_mut(..left.len() + right.len()) {
                let (a_part, b_part) = joined.split_at_mut(left.len());
                a_part.copy_from_slice(left);
                b_part.copy_from_slice(right);
                if let Ok(text) = std::str::from_utf8(joined) {
                    return Self::new(mc, len, Repr::Ascii(Ascii::new(text)));
                }
            }
        }
        let joined = a.with_units(mc, |x| {
            b.with_units(mc, |y| match (x, y) {
                (Units::Latin1(x), Units::Latin1(y)) => Ok([x, y].concat()),
                (x, y) => Err([x.to_vec(), y.to_vec()].concat()),
            })
        });
        match joined {
            Ok(bytes) => Self::new(mc, len, Repr::Latin1(bytes.into_boxed_slice())),
            Err(units) => Self::from_units(mc, &units),
        }
    }

    /// Length in UTF-16 code units.
    pub fn len(self) -> usize {
        self.0.borrow().len as usize
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The string's units, flattening a rope first.
    fn units(self, mc: &Mutation<'gc>) -> Ref<'gc, Repr<'gc>> {
        self.flatten(mc);
        Ref::map(self.0.borrow(), |data| &data.repr)
    }

    /// Runs `f` on a flat view of the string's units.
    pub fn with_units<R>(self, mc: &Mutation<'gc>, f: impl FnOnce(Units<'_>) -> R) -> R {
        let repr = self.units(mc);
        f(Self::view(&repr))
    }

    /// The unit at `index`, if in range.
    pub fn unit_at(self, mc: &Mutation<'gc>, index: usize) -> Option<u16> {
        self.with_units(mc, |units| units.get(index))
    }

    /// Turns a rope into one flat buffer, walking it with an explicit stack (ropes built in a
    /// loop are millions of nodes deep).
    pub fn flatten(self, mc: &Mutation<'gc>) {
        if !matches!(self.0.borrow().repr, Repr::Rope(..)) {
            return;
        }
        let mut wide = false;
        let mut ascii = true;
        let mut leaves: Vec<JsString<'gc>> = Vec::new();
        let mut pending = vec![self];
        while let Some(s) = pending.pop() {
            match &s.0.borrow().repr {
                Repr::Rope(left, right) => {
                    pending.push(*right);
                    pending.push(*left);
                }
                Repr::Utf16(_) => {
                    wide = true;
                    leaves.push(s);
                }
                Repr::Latin1(_) => {
                    ascii = false;
                    leaves.push(s);
                }
                Repr::Ascii(_) => leaves.push(s),
            }
        }
        let repr = if ascii && !wide {
            // Joining ASCII leaves keeps the result known to be ASCII, with no check.
            let mut text = String::with_capacity(self.len());
            for leaf in leaves {
                if let Repr::Ascii(s) = &leaf.0.borrow().repr {
                    text.push_str(s.as_str());
                }
            }
            Repr::Ascii(Ascii::new(&text))
        } else if wide {
            let mut units = Vec::with_capacity(self.len());
            for leaf in leaves {
                match &leaf.0.borrow().repr {
                    Repr::Ascii(s) => units.extend(s.as_str().bytes().map(u16::from)),
                    Repr::Latin1(b) => units.extend(b.iter().map(|&b| u16::from(b))),
                    Repr::Utf16(u) => units.extend_from_slice(u),
                    Repr::Rope(..) => {}
                }
            }
            Repr::Utf16(units.into_boxed_slice())
        } else {
            let mut bytes = Vec::with_capacity(self.len());
            for leaf in leaves {
                match &leaf.0.borrow().repr {
                    Repr::Ascii(s) => bytes.extend_from_slice(s.as_str().as_bytes()),
                    Repr::Latin1(b) => bytes.extend_from_slice(b),
                    _ => {}
                }
            }
            Repr::Latin1(bytes.into_boxed_slice())
        };
        self.0.borrow_mut(mc).repr = repr;
    }

    /// The units of a flat string (a rope must have been flattened).
    fn view<'r>(repr: &'r Repr<'gc>) -> Units<'r> {
        match repr {
            Repr::Ascii(s) => Units::Latin1(s.as_str().as_bytes()),
            Repr::Latin1(b) => Units::Latin1(b),
            Repr::Utf16(u) => Units::Utf16(u),
            Repr::Rope(..) => Units::Latin1(&[]),
        }
    }

    /// The whole string as UTF-16 units.
    pub fn to_units(self, mc: &Mutation<'gc>) -> Vec<u16> {
        Self::view(&self.units(mc)).to_vec()
    }

    /// The string as Rust text (lone surrogates become U+FFFD).
    pub fn to_rust_string(self, mc: &Mutation<'gc>) -> String {
        match &*self.units(mc) {
            Repr::Ascii(s) => String::from(s.as_str()),
            Repr::Latin1(b) => b.iter().map(|&b| char::from(b)).collect(),
            Repr::Utf16(u) => String::from_utf16_lossy(u),
            Repr::Rope(..) => String::new(),
        }
    }

    /// Whether two strings have the same units.
    pub fn equals(self, mc: &Mutation<'gc>, other: JsString<'gc>) -> bool {
        if Gc::ptr_eq(self.0, other.0) {
            return true;
        }
        if self.len() != other.len() {
            return false;
        }
        let a = self.units(mc);
        let b = other.units(mc);
        match (Self::view(&a), Self::view(&b)) {
            (Units::Latin1(x), Units::Latin1(y)) => x == y,
            (Units::Utf16(x), Units::Utf16(y)) => x == y,
            (x, y) => (0..x.len()).all(|i| x.get(i) == y.get(i)),
        }
    }

    /// Compares by code units, as `<` does on strings.
    pub fn compare(self, mc: &Mutation<'gc>, other: JsString<'gc>) -> std::cmp::Ordering {
        let a = self.units(mc);
        let b = other.units(mc);
        let (x, y) = (Self::view(&a), Self::view(&b));
        for i in 0..x.len().min(y.len()) {
            match x.get(i).cmp(&y.get(i)) {
                std::cmp::Ordering::Equal => {}
                other => return other,
            }
        }
        x.len().cmp(&y.len())
    }

    /// Runs `f` on a flat view of the string for searching. A one-byte string not yet known to
    /// be ASCII is checked once, here, and remembered as ASCII if it is (in place: the buffer is
    /// kept, not copied), so that searching the same string again costs no pass over it.
    pub fn with_text<R>(self, mc: &Mutation<'gc>, f: impl FnOnce(Text<'_>) -> R) -> R {
        self.flatten(mc);
        let classify = matches!(&self.0.borrow().repr, Repr::Latin1(b) if b.is_ascii());
        if classify {
            let mut data = self.0.borrow_mut(mc);
            let bytes = std::mem::replace(&mut data.repr, Repr::Latin1(Box::default()));
            data.repr = match bytes {
                Repr::Latin1(bytes) => match String::from_utf8(bytes.into_vec()) {
                    Ok(text) => Repr::Ascii(Ascii::new(&text)),
                    // Unreachable: ASCII is UTF-8. Kept as it was.
                    Err(error) => Repr::Latin1(error.into_bytes().into_boxed_slice()),
                },
                other => other,
            };
        }
        let data = self.0.borrow();
        f(match &data.repr {
            Repr::Ascii(s) => Text::Ascii(s.as_str()),
            Repr::Latin1(b) => Text::Latin1(b),
            Repr::Utf16(u) => Text::Utf16(u),
            Repr::Rope(..) => Text::Ascii(""),
        })
    }

    /// The units `from..to` (clamped to the string) as a new string; an ASCII string's pieces
    /// stay known to be ASCII, with no check.
    pub fn substring(self, mc: &Mutation<'gc>, from: usize, to: usize) -> JsString<'gc> {
        let to = to.min(self.len());
        let from = from.min(to);
        if from == 0 && to == self.len() {
            return self;
        }
        let repr = match &*self.units(mc) {
            Repr::Ascii(s) if to - from >= SHARE_MIN => Repr::Ascii(Ascii {
                buffer: Rc::clone(&s.buffer),
                range: s.range.start + from..s.range.start + to,
            }),
            Repr::Ascii(s) => Repr::Ascii(Ascii::new(s.as_str().get(from..to).unwrap_or_default())),
            Repr::Latin1(b) => Repr::Latin1(b.get(from..to).unwrap_or_default().into()),
            Repr::Utf16(u) => return Self::from_units(mc, u.get(from..to).unwrap_or_default()),
            Repr::Rope(..) => Repr::Ascii(Ascii::new("")),
        };
        Self::new(mc, to - from, repr)
    }

    /// The pointer, for identity-keyed maps (interned strings are compared this way).
    pub fn address(self) -> usize {
        Gc::as_ptr(self.0) as *const () as usize
    }

    /// Whether both values are the same heap string (not just equal contents).
    pub fn ptr_eq(self, other: JsString<'gc>) -> bool {
        Gc::ptr_eq(self.0, other.0)
    }
}

impl fmt::Debug for JsString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.borrow().repr {
            Repr::Ascii(s) => write!(f, "{:?}", s.as_str()),
            Repr::Latin1(b) => write!(
                f,
                "{:?}",
                b.iter().map(|&b| char::from(b)).collect::<String>()
            ),
            Repr::Utf16(u) => write!(f, "{:?}", String::from_utf16_lossy(u)),
            Repr::Rope(..) => write!(f, "<rope of {} units>", self.len()),
        }
    }
}
