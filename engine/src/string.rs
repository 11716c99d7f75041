//! JavaScript strings on the garbage-collected heap.
//!
//! A JS string is a sequence of UTF-16 code units. Most strings hold only Latin-1 characters, so
//! a string is stored one byte per unit when it can be, two otherwise.
//!
//! A string is one small garbage-collected cell (24 bytes after the collector's header) holding
//! one of three things:
//! - short strings (up to [`INLINE`] one-byte units: names, keys, numbers, single characters)
//!   hold their units in the cell itself, with no other allocation;
//! - longer ones are a range of a [`Buffer`], which several strings may share: slices of a long
//!   string point into it instead of copying, and `s += x` appends to it in place when `s` ends
//!   where the buffer ends (the "string builder" trick of V8 and QuickJS), so that building a
//!   string piece by piece (`body = body + chunk` in a loop) is linear, not quadratic, and keeps
//!   no node per append alive;
//! - a concatenation that cannot append in place, of two long strings, is a *rope*: a node
//!   pointing at its two halves, flattened into one buffer the first time its characters are
//!   needed, and never again.

use gc_arena::{Collect, Gc, Lock, Mutation};
use std::cell::{Ref, RefCell};
use std::fmt;

/// A string value: a garbage-collected pointer, cheap to copy.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct JsString<'gc>(Gc<'gc, Lock<Repr<'gc>>>);

/// How many one-byte units a string holds in its own cell. With the tag, the length byte and
/// the interned flag that is 24 bytes, the size of the other two forms, so the cell is 24
/// bytes whatever it holds.
pub const INLINE: usize = 21;

/// The contents of a string's cell. `Copy`, so that it lives in a [`Lock`] (a `Cell`: no
/// borrow flag, no guard) and a rope can be replaced by its flat form in place.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
enum Repr<'gc> {
    /// Up to [`INLINE`] one-byte units, held here. `interned`: this is the string the realm's
    /// table holds for these units (see `vm/interned.rs`), so it is a property key as it is.
    Inline {
        len: u8,
        interned: bool,
        units: [u8; INLINE],
    },
    /// The units `start..start + len` of a shared buffer.
    Flat {
        start: u32,
        len: u32,
        buffer: Gc<'gc, Buffer>,
    },
    /// Not yet flattened: the concatenation of two strings.
    Rope {
        len: u32,
        left: JsString<'gc>,
        right: JsString<'gc>,
    },
}

impl Repr<'_> {
    /// Length in UTF-16 code units.
    fn len(&self) -> usize {
        match *self {
            Repr::Inline { len, .. } => usize::from(len),
            Repr::Flat { len, .. } | Repr::Rope { len, .. } => len as usize,
        }
    }
}

/// The units of one or more strings, each a range of them. Only ever appended to (by
/// [`JsString::concat`], when the left operand ends at the buffer's end), so that every range
/// handed out stays valid; reading borrows it for the duration of a closure, and an append
/// that finds it borrowed copies instead.
#[derive(Collect)]
#[collect(require_static)]
pub struct Buffer(RefCell<Stored>);

/// A buffer's units, by width.
enum Stored {
    /// Every unit is below 128, known to be: one byte each, kept as `String` so that regular
    /// expressions search it in place (regress's byte-wise entry point takes `&str`, and making
    /// a `&str` of bytes means validating them, an O(n) pass on every search otherwise).
    Ascii(String),
    /// Every unit is below 256 (maybe all below 128, not checked yet): one byte each.
    Latin1(Vec<u8>),
    Utf16(Vec<u16>),
}

impl Stored {
    fn len(&self) -> usize {
        match self {
            Stored::Ascii(s) => s.len(),
            Stored::Latin1(b) => b.len(),
            Stored::Utf16(u) => u.len(),
        }
    }

    /// Bytes of heap the buffer holds (for the collector's pacing).
    fn heap_bytes(&self) -> usize {
        match self {
            Stored::Ascii(s) => s.capacity(),
            Stored::Latin1(b) => b.capacity(),
            Stored::Utf16(u) => u.capacity() * 2,
        }
    }

    /// The units `range` as a flat view for searching.
    fn text(&self, range: std::ops::Range<usize>) -> Text<'_> {
        match self {
            Stored::Ascii(s) => Text::Ascii(s.get(range).unwrap_or_default()),
            Stored::Latin1(b) => Text::Latin1(b.get(range).unwrap_or_default()),
            Stored::Utf16(u) => Text::Utf16(u.get(range).unwrap_or_default()),
        }
    }
}

/// Longest string we create (V8's limit for two-byte strings is about 2^29).
pub const MAX_LENGTH: usize = (1 << 30) - 25;

/// Shortest slice of a string that shares its buffer instead of copying (V8 makes "sliced
/// strings" from 13 characters). A shared slice keeps the whole buffer alive. A lexer in the
/// style of 2010 takes `code.slice(i)` for every token; copying each of those (tens of KB) cost
/// little itself but made the collector run every few hundred tokens, each time marking and
/// sweeping the whole heap (90% of the time of `tools/bench/programs/lexer.js`).
const SHARE_MIN: usize = 64;

/// Longest left operand that `a + b` copies into a new buffer (one with room to grow, so the
/// appends that follow are in place) rather than making a rope. Bounds the copy, so that
/// keeping every intermediate of a loop (`t = s + x` with `s` kept) stays linear.
const COPY_MAX: usize = 256;

/// Buffers at least this large tell the collector about their size
/// ([`crate::vm::charge_bytes`]): it paces itself by allocation count, and one 100 MB buffer is
/// one allocation.
const REPORT_MIN: usize = 256;

/// A flat view of a string for searching it: ASCII text as `str`.
pub enum Text<'s> {
    Ascii(&'s str),
    /// One byte per unit, at least one of them 128 or more (unless the buffer was being read
    /// when the check would have been remembered: then maybe all below 128).
    Latin1(&'s [u8]),
    Utf16(&'s [u16]),
}

impl<'s> Text<'s> {
    /// The same units, by width only.
    pub fn units(&self) -> Units<'s> {
        match *self {
            Text::Ascii(s) => Units::Latin1(s.as_bytes()),
            Text::Latin1(b) => Units::Latin1(b),
            Text::Utf16(u) => Units::Utf16(u),
        }
    }
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

/// The length of a flat string as the `u32` it is kept in (every string is at most
/// [`MAX_LENGTH`] units, which fits).
fn len32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl<'gc> JsString<'gc> {
    /// A string of the given UTF-16 units (stored as Latin-1 when possible).
    pub fn from_units(mc: &Mutation<'gc>, units: &[u16]) -> JsString<'gc> {
        if units.iter().all(|&u| u < 256) {
            if let Some(inline) = Self::inline(units.iter().map(|&u| u as u8), units.len()) {
                return Self::cell(mc, inline);
            }
            return Self::from_buffer(mc, Stored::Latin1(units.iter().map(|&u| u as u8).collect()));
        }
        Self::from_buffer(mc, Stored::Utf16(units.to_vec()))
    }

    /// A string of the given Rust text.
    pub fn from_str(mc: &Mutation<'gc>, text: &str) -> JsString<'gc> {
        if text.is_ascii() {
            if let Some(inline) = Self::inline_joined(text.as_bytes(), &[]) {
                return Self::cell(mc, inline);
            }
            return Self::from_buffer(mc, Stored::Ascii(String::from(text)));
        }
        let units: Vec<u16> = text.encode_utf16().collect();
        Self::from_units(mc, &units)
    }

    /// A string of Latin-1 bytes (each byte one unit).
    pub fn from_latin1(mc: &Mutation<'gc>, bytes: Vec<u8>) -> JsString<'gc> {
        if let Some(inline) = Self::inline_joined(&bytes, &[]) {
            return Self::cell(mc, inline);
        }
        Self::from_buffer(mc, Stored::Latin1(bytes))
    }

    /// A string of Latin-1 bytes (each byte one unit), copied.
    pub fn from_latin1_slice(mc: &Mutation<'gc>, bytes: &[u8]) -> JsString<'gc> {
        match Self::inline_joined(bytes, &[]) {
            Some(inline) => Self::cell(mc, inline),
            None => Self::from_buffer(mc, Stored::Latin1(bytes.to_vec())),
        }
    }

    /// The inline form of `len` one-byte units, if that few.
    fn inline(bytes: impl Iterator<Item = u8>, len: usize) -> Option<Repr<'gc>> {
        if len > INLINE {
            return None;
        }
        let mut units = [0u8; INLINE];
        for (slot, byte) in units.iter_mut().zip(bytes) {
            *slot = byte;
        }
        Some(Repr::Inline {
            len: len as u8,
            interned: false,
            units,
        })
    }

    /// The inline form of the one-byte units of `a` then `b`, if that few (copied a slice at
    /// a time: this makes every short string, `"key" + i` among them).
    fn inline_joined(a: &[u8], b: &[u8]) -> Option<Repr<'gc>> {
        let len = a.len() + b.len();
        if len > INLINE {
            return None;
        }
        let mut units = [0u8; INLINE];
        units[..a.len()].copy_from_slice(a);
        units[a.len()..len].copy_from_slice(b);
        Some(Repr::Inline {
            len: len as u8,
            interned: false,
            units,
        })
    }

    fn cell(mc: &Mutation<'gc>, repr: Repr<'gc>) -> JsString<'gc> {
        crate::vm::trace::count_allocation(crate::vm::trace::Allocation::String);
        JsString(Gc::new(mc, Lock::new(repr)))
    }

    /// A string of all of a new buffer's units.
    fn from_buffer(mc: &Mutation<'gc>, units: Stored) -> JsString<'gc> {
        let len = units.len();
        Self::range_of(mc, Self::new_buffer(mc, units), 0, len)
    }

    /// A string of the units `start..start + len` of `buffer`.
    fn range_of(
        mc: &Mutation<'gc>,
        buffer: Gc<'gc, Buffer>,
        start: usize,
        len: usize,
    ) -> JsString<'gc> {
        Self::cell(
            mc,
            Repr::Flat {
                start: len32(start),
                len: len32(len),
                buffer,
            },
        )
    }

    /// Makes this string all the units of a new buffer of `units`, which are its own units in
    /// another form (a rope flattened, a range copied or widened): its cell changes, the
    /// string it is does not.
    fn set_units(self, mc: &Mutation<'gc>, units: Stored) {
        let len = len32(units.len());
        let buffer = Self::new_buffer(mc, units);
        self.0.set(
            mc,
            Repr::Flat {
                start: 0,
                len,
                buffer,
            },
        );
    }

    fn new_buffer(mc: &Mutation<'gc>, units: Stored) -> Gc<'gc, Buffer> {
        let bytes = units.heap_bytes();
        if bytes >= REPORT_MIN {
            crate::vm::charge_bytes(mc, bytes);
        }
        Gc::new(mc, Buffer(RefCell::new(units)))
    }

    /// `a + b`: appended in place to `a`'s buffer when `a` ends where it ends, else copied into
    /// a new buffer when short, else a rope.
    ///
    /// # Errors
    /// The result would be longer than [`MAX_LENGTH`] (the caller throws a RangeError).
    #[allow(clippy::result_unit_err)]
    pub fn concat(
        mc: &Mutation<'gc>,
        a: JsString<'gc>,
        b: JsString<'gc>,
    ) -> Result<JsString<'gc>, ()> {
        // Each cell read once (`line += ch` in a loop comes here for every character).
        let (head, tail) = (a.0.get(), b.0.get());
        let len = head.len() + tail.len();
        if len > MAX_LENGTH {
            return Err(());
        }
        if head.len() == 0 {
            return Ok(b);
        }
        if tail.len() == 0 {
            return Ok(a);
        }
        if let (
            Repr::Inline {
                len: left,
                units: x,
                ..
            },
            Repr::Inline {
                len: right,
                units: y,
                ..
            },
        ) = (head, tail)
        {
            if len <= INLINE {
                // Two short strings make a short one: a new cell, nothing else.
                let x = x.get(..usize::from(left)).unwrap_or_default();
                let y = y.get(..usize::from(right)).unwrap_or_default();
                if let Some(inline) = Self::inline_joined(x, y) {
                    return Ok(Self::cell(mc, inline));
                }
            }
        }
        if let Some(appended) = Self::append_in_place(mc, head, b, tail) {
            return Ok(appended);
        }
        if a.len() <= COPY_MAX && b.len() <= COPY_MAX {
            return Ok(Self::concat_flat(mc, a, b, len));
        }
        Ok(Self::cell(
            mc,
            Repr::Rope {
                len: len32(len),
                left: a,
                right: b,
            },
        ))
    }

    /// `self + text` for one-byte `text` (a number's digits), if both are short enough to
    /// make a short string: then one new cell, and no string made for `text` first (`"key" +
    /// i` in a loop). `None` otherwise: the caller makes a string of `text` and concatenates.
    pub fn concat_short(self, mc: &Mutation<'gc>, text: &[u8]) -> Option<JsString<'gc>> {
        let Repr::Inline { len, units, .. } = self.0.get() else {
            return None;
        };
        let own = units.get(..usize::from(len)).unwrap_or_default();
        Some(Self::cell(mc, Self::inline_joined(own, text)?))
    }

    /// `text + self`, as [`JsString::concat_short`].
    pub fn concat_short_after(self, mc: &Mutation<'gc>, text: &[u8]) -> Option<JsString<'gc>> {
        let Repr::Inline { len, units, .. } = self.0.get() else {
            return None;
        };
        let own = units.get(..usize::from(len)).unwrap_or_default();
        Some(Self::cell(mc, Self::inline_joined(text, own)?))
    }

    /// `a + b` by appending `b`'s units to `a`'s buffer, if `a` is a range that ends where its
    /// buffer ends (so nobody sees the units appended), the buffer is not being read, and `b`'s
    /// units fit its width.
    /// (`head` and `tail` are the cells of `a` and `b`.)
    fn append_in_place(
        mc: &Mutation<'gc>,
        head: Repr<'gc>,
        b: JsString<'gc>,
        tail: Repr<'gc>,
    ) -> Option<Self> {
        let Repr::Flat { start, len, buffer } = head else {
            return None;
        };
        let end = start as usize + len as usize;
        let grown = match tail {
            Repr::Inline { len, units, .. } => {
                let bytes = units.get(..usize::from(len)).unwrap_or_default();
                Self::append_units(buffer, end, Units::Latin1(bytes))
            }
            // Appending a long rope would flatten it only to copy it: a rope node is cheaper.
            Repr::Rope { len, .. } if len as usize > COPY_MAX => None,
            _ => b.with_units(mc, |units| Self::append_units(buffer, end, units)),
        }?;
        if grown >= REPORT_MIN {
            crate::vm::charge_bytes(mc, grown);
        }
        Some(Self::range_of(
            mc,
            buffer,
            start as usize,
            len as usize + tail.len(),
        ))
    }

    /// Appends `tail` to `buffer` if it ends at `end`, is not being read, and is wide enough:
    /// how many bytes the buffer grew by (`None`: nothing appended).
    fn append_units(buffer: Gc<'gc, Buffer>, end: usize, tail: Units<'_>) -> Option<usize> {
        let mut units = buffer.0.try_borrow_mut().ok()?;
        if units.len() != end {
            return None;
        }
        let before = units.heap_bytes();
        match (&mut *units, tail) {
            // One ASCII character (`line += ch`): pushed as it is.
            (Stored::Ascii(s), Units::Latin1(&[byte])) if byte.is_ascii() => {
                s.push(char::from(byte));
            }
            (Stored::Ascii(s), Units::Latin1(bytes)) if bytes.is_ascii() => {
                // Checked ASCII, so valid UTF-8: no copy beyond the append.
                s.push_str(std::str::from_utf8(bytes).ok()?);
            }
            (Stored::Ascii(s), Units::Latin1(bytes)) => {
                // The buffer stops being known ASCII (`String::into_bytes` does not copy).
                let mut latin1 = std::mem::take(s).into_bytes();
                latin1.extend_from_slice(bytes);
                *units = Stored::Latin1(latin1);
            }
            (Stored::Latin1(v), Units::Latin1(bytes)) => v.extend_from_slice(bytes),
            (Stored::Utf16(v), Units::Latin1(bytes)) => {
                v.extend(bytes.iter().map(|&b| u16::from(b)));
            }
            (Stored::Utf16(v), Units::Utf16(wide)) => v.extend_from_slice(wide),
            // A wide tail on a one-byte buffer: widening the buffer would copy it all.
            (Stored::Ascii(_) | Stored::Latin1(_), Units::Utf16(_)) => return None,
        }
        Some(units.heap_bytes().saturating_sub(before))
    }

    /// `a + b` copied into one new buffer of `len` units (for short operands, where a rope node
    /// would cost more than the copy), with room for appends to follow in place.
    fn concat_flat(mc: &Mutation<'gc>, a: JsString<'gc>, b: JsString<'gc>, len: usize) -> Self {
        let joined = a.with_text(mc, |x| {
            b.with_text(mc, |y| match (x, y) {
                (Text::Ascii(x), Text::Ascii(y)) => {
                    if let Some(inline) = Self::inline_joined(x.as_bytes(), y.as_bytes()) {
                        return Err(inline);
                    }
                    let mut s = String::with_capacity(len * 2);
                    s.push_str(x);
                    s.push_str(y);
                    Ok(Stored::Ascii(s))
                }
                (x, y) => match (x.units(), y.units()) {
                    (Units::Latin1(x), Units::Latin1(y)) => {
                        if let Some(inline) = Self::inline_joined(x, y) {
                            return Err(inline);
                        }
                        let mut v = Vec::with_capacity(len * 2);
                        v.extend_from_slice(x);
                        v.extend_from_slice(y);
                        Ok(Stored::Latin1(v))
                    }
                    (x, y) => {
                        let mut v = Vec::with_capacity(len * 2);
                        v.extend(x.to_vec());
                        v.extend(y.to_vec());
                        Ok(Stored::Utf16(v))
                    }
                },
            })
        });
        match joined {
            Ok(units) => Self::from_buffer(mc, units),
            Err(inline) => Self::cell(mc, inline),
        }
    }

    /// Length in UTF-16 code units.
    pub fn len(self) -> usize {
        self.0.get().len()
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether the string's units are held in its own cell (a short string: no buffer).
    pub fn is_inline(self) -> bool {
        matches!(self.0.get(), Repr::Inline { .. })
    }

    /// Whether this string was marked as the interned one for its units (only short strings
    /// are: a long interned name is found by its units in the table).
    #[inline]
    pub fn is_interned(self) -> bool {
        matches!(self.0.get(), Repr::Inline { interned: true, .. })
    }

    /// Marks this string as the interned one for its units, if it is short (for the realm's
    /// table only: a string marked so is taken as a property key without a look-up).
    pub fn mark_interned(self, mc: &Mutation<'gc>) {
        if let Repr::Inline { len, units, .. } = self.0.get() {
            let interned = true;
            self.0.set(
                mc,
                Repr::Inline {
                    len,
                    interned,
                    units,
                },
            );
        }
    }

    /// Runs `f` on a flat view of the string's units (flattening a rope first).
    pub fn with_units<R>(self, mc: &Mutation<'gc>, f: impl FnOnce(Units<'_>) -> R) -> R {
        self.flatten(mc);
        match self.0.get() {
            Repr::Inline { len, units, .. } => f(Units::Latin1(
                units.get(..usize::from(len)).unwrap_or_default(),
            )),
            Repr::Flat { start, len, buffer } => {
                let units = Gc::as_ref(buffer).0.borrow();
                f(units.text(Self::range(start, len)).units())
            }
            Repr::Rope { .. } => f(Units::Latin1(&[])),
        }
    }

    fn range(start: u32, len: u32) -> std::ops::Range<usize> {
        start as usize..start as usize + len as usize
    }

    /// The unit at `index`, if in range.
    pub fn unit_at(self, mc: &Mutation<'gc>, index: usize) -> Option<u16> {
        match self.0.get() {
            Repr::Inline { len, units, .. } if index < usize::from(len) => {
                units.get(index).map(|&b| u16::from(b))
            }
            Repr::Inline { .. } => None,
            Repr::Flat { start, len, buffer } if index < len as usize => {
                let at = start as usize + index;
                match &*Gc::as_ref(buffer).0.borrow() {
                    Stored::Ascii(s) => s.as_bytes().get(at).map(|&b| u16::from(b)),
                    Stored::Latin1(b) => b.get(at).map(|&b| u16::from(b)),
                    Stored::Utf16(u) => u.get(at).copied(),
                }
            }
            Repr::Flat { .. } => None,
            Repr::Rope { .. } => self.with_units(mc, |units| units.get(index)),
        }
    }

    /// Turns a rope into one flat buffer, walking it with an explicit stack (ropes built in a
    /// loop are millions of nodes deep).
    pub fn flatten(self, mc: &Mutation<'gc>) {
        let Repr::Rope { len, .. } = self.0.get() else {
            return;
        };
        let mut leaves: Vec<JsString<'gc>> = Vec::new();
        let mut pending = vec![self];
        let (mut wide, mut ascii) = (false, true);
        while let Some(s) = pending.pop() {
            match s.0.get() {
                Repr::Rope { left, right, .. } => {
                    pending.push(right);
                    pending.push(left);
                }
                Repr::Inline { len, units, .. } => {
                    ascii &= units.get(..usize::from(len)).unwrap_or_default().is_ascii();
                    leaves.push(s);
                }
                Repr::Flat { buffer, .. } => {
                    match &*Gc::as_ref(buffer).0.borrow() {
                        Stored::Ascii(_) => {}
                        Stored::Latin1(_) => ascii = false,
                        Stored::Utf16(_) => wide = true,
                    }
                    leaves.push(s);
                }
            }
        }
        let len = len as usize;
        let units = if wide {
            let mut units = Vec::with_capacity(len);
            for leaf in leaves {
                leaf.with_units(mc, |part| match part {
                    Units::Latin1(b) => units.extend(b.iter().map(|&b| u16::from(b))),
                    Units::Utf16(u) => units.extend_from_slice(u),
                });
            }
            Stored::Utf16(units)
        } else {
            let mut bytes = Vec::with_capacity(len);
            for leaf in leaves {
                leaf.with_units(mc, |part| {
                    if let Units::Latin1(b) = part {
                        bytes.extend_from_slice(b);
                    }
                });
            }
            if !ascii {
                Stored::Latin1(bytes)
            } else {
                // Joining ASCII leaves keeps the result known to be ASCII (the UTF-8 check is
                // one fast pass, paid once).
                match String::from_utf8(bytes) {
                    Ok(text) => Stored::Ascii(text),
                    Err(error) => Stored::Latin1(error.into_bytes()),
                }
            }
        };
        self.set_units(mc, units);
    }

    /// The whole string as UTF-16 units.
    pub fn to_units(self, mc: &Mutation<'gc>) -> Vec<u16> {
        self.with_units(mc, |units| units.to_vec())
    }

    /// The string as Rust text (lone surrogates become U+FFFD).
    pub fn to_rust_string(self, mc: &Mutation<'gc>) -> String {
        self.with_text(mc, |text| match text {
            Text::Ascii(s) => String::from(s),
            Text::Latin1(b) => b.iter().map(|&b| char::from(b)).collect(),
            Text::Utf16(u) => String::from_utf16_lossy(u),
        })
    }

    /// Whether two strings have the same units.
    pub fn equals(self, mc: &Mutation<'gc>, other: JsString<'gc>) -> bool {
        if Gc::ptr_eq(self.0, other.0) {
            return true;
        }
        if self.len() != other.len() {
            return false;
        }
        self.with_units(mc, |a| {
            other.with_units(mc, |b| match (a, b) {
                (Units::Latin1(x), Units::Latin1(y)) => x == y,
                (Units::Utf16(x), Units::Utf16(y)) => x == y,
                (x, y) => (0..x.len()).all(|i| x.get(i) == y.get(i)),
            })
        })
    }

    /// Compares by code units, as `<` does on strings.
    pub fn compare(self, mc: &Mutation<'gc>, other: JsString<'gc>) -> std::cmp::Ordering {
        self.with_units(mc, |x| {
            other.with_units(mc, |y| match (&x, &y) {
                // Byte order is unit order for one-byte strings.
                (Units::Latin1(a), Units::Latin1(b)) => a.cmp(b),
                (Units::Utf16(a), Units::Utf16(b)) => a.cmp(b),
                _ => {
                    for i in 0..x.len().min(y.len()) {
                        match x.get(i).cmp(&y.get(i)) {
                            std::cmp::Ordering::Equal => {}
                            other => return other,
                        }
                    }
                    x.len().cmp(&y.len())
                }
            })
        })
    }

    /// Runs `f` on a flat view of the string for searching. A one-byte range not yet known to
    /// be ASCII is checked once, here, and remembered as ASCII if it is (the whole buffer in
    /// place when all of it is, else this string's range copied into a buffer of its own), so
    /// that searching the same string again costs no pass over it.
    pub fn with_text<R>(self, mc: &Mutation<'gc>, f: impl FnOnce(Text<'_>) -> R) -> R {
        self.flatten(mc);
        match self.0.get() {
            Repr::Inline { len, units, .. } => {
                let bytes = units.get(..usize::from(len)).unwrap_or_default();
                match std::str::from_utf8(bytes) {
                    Ok(s) if bytes.is_ascii() => f(Text::Ascii(s)),
                    _ => f(Text::Latin1(bytes)),
                }
            }
            Repr::Flat { start, len, buffer } => {
                self.classify(mc, start, len, buffer);
                // `classify` may have given this string a buffer of its own.
                let Repr::Flat { start, len, buffer } = self.0.get() else {
                    return f(Text::Ascii(""));
                };
                let units = Gc::as_ref(buffer).0.borrow();
                f(units.text(Self::range(start, len)))
            }
            Repr::Rope { .. } => f(Text::Ascii("")),
        }
    }

    /// The ASCII check of [`JsString::with_text`].
    fn classify(self, mc: &Mutation<'gc>, start: u32, len: u32, buffer: Gc<'gc, Buffer>) {
        let Ok(mut units) = Gc::as_ref(buffer).0.try_borrow_mut() else {
            return;
        };
        let Stored::Latin1(bytes) = &mut *units else {
            return;
        };
        if bytes.is_ascii() {
            if let Ok(text) = String::from_utf8(std::mem::take(bytes)) {
                *units = Stored::Ascii(text);
            }
            return;
        }
        let Some(own) = bytes.get(Self::range(start, len)) else {
            return;
        };
        if let (true, Ok(text)) = (own.is_ascii(), std::str::from_utf8(own)) {
            let text = String::from(text);
            drop(units);
            self.set_units(mc, Stored::Ascii(text));
        }
    }

    /// Gives a one-byte string with characters past ASCII a two-byte buffer of its own, so that
    /// searches that need UTF-16 (regular expressions: regress reads ASCII or UTF-16) find it
    /// so from then on, instead of converting it on every search (`exec` in a loop with a
    /// moving `lastIndex`). Other strings are left as they are.
    pub fn widen(self, mc: &Mutation<'gc>) {
        let wide = self.with_text(mc, |text| match text {
            Text::Latin1(bytes) => Some(bytes.iter().map(|&b| u16::from(b)).collect::<Vec<_>>()),
            Text::Ascii(_) | Text::Utf16(_) => None,
        });
        if let Some(units) = wide {
            self.set_units(mc, Stored::Utf16(units));
        }
    }

    /// The units `from..to` (clamped to the string) as a new string: short ones copied, long
    /// ones sharing this string's buffer.
    pub fn substring(self, mc: &Mutation<'gc>, from: usize, to: usize) -> JsString<'gc> {
        let to = to.min(self.len());
        let from = from.min(to);
        if from == 0 && to == self.len() {
            return self;
        }
        self.flatten(mc);
        let Repr::Flat { start, buffer, .. } = self.0.get() else {
            return self.with_units(mc, |units| match units {
                Units::Latin1(b) => {
                    Self::from_latin1_slice(mc, b.get(from..to).unwrap_or_default())
                }
                Units::Utf16(u) => Self::from_units(mc, u.get(from..to).unwrap_or_default()),
            });
        };
        let at = start as usize;
        if to - from >= SHARE_MIN {
            return Self::range_of(mc, buffer, at + from, to - from);
        }
        // Copied from the buffer as it is stored: no ASCII check of the whole buffer (which a
        // loop cutting a long text into short pieces would pay for each piece).
        let range = at + from..at + to;
        match &*Gc::as_ref(buffer).0.borrow() {
            Stored::Ascii(s) => Self::from_str(mc, s.get(range).unwrap_or_default()),
            Stored::Latin1(b) => Self::from_latin1_slice(mc, b.get(range).unwrap_or_default()),
            Stored::Utf16(u) => Self::from_units(mc, u.get(range).unwrap_or_default()),
        }
    }

    /// The pointer, for identity-keyed maps (interned strings are compared this way).
    pub fn address(self) -> usize {
        Gc::as_ptr(self.0) as *const () as usize
    }

    /// The string's cell, for a write barrier (see `object/adopt.rs`).
    pub(crate) fn gc_cell(self) -> Gc<'gc, ()> {
        Gc::erase(self.0)
    }

    /// Whether both values are the same heap string (not just equal contents).
    pub fn ptr_eq(self, other: JsString<'gc>) -> bool {
        Gc::ptr_eq(self.0, other.0)
    }
}

impl fmt::Debug for JsString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = |text: Text<'_>| match text {
            Text::Ascii(s) => String::from(s),
            Text::Latin1(b) => b.iter().map(|&b| char::from(b)).collect::<String>(),
            Text::Utf16(u) => String::from_utf16_lossy(u),
        };
        match self.0.get() {
            Repr::Inline { len, units, .. } => write!(
                f,
                "{:?}",
                text(Text::Latin1(
                    units.get(..usize::from(len)).unwrap_or_default()
                ))
            ),
            Repr::Flat { start, len, buffer } => {
                let units: Ref<'_, Stored> = Gc::as_ref(buffer).0.borrow();
                write!(f, "{:?}", text(units.text(Self::range(start, len))))
            }
            Repr::Rope { len, .. } => write!(f, "<rope of {len} units>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_cell_is_24_bytes() {
        // With the collector's 16-byte header, a 40-byte allocation: the memory of a short
        // string (tools/bench/programs/string_memory.js).
        assert_eq!(std::mem::size_of::<Repr<'static>>(), 24);
    }
}
