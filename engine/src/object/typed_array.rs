//! The storage of `ArrayBuffer`s and of the views over them (ES2015 24.1, 22.2, 24.2): a
//! buffer's bytes, the nine element types with their conversions, and the view a typed array
//! or a `DataView` keeps of its buffer.
//!
//! The bytes live in a `Gc` of their own, shared by the buffer object and every view made on
//! it, so a write through one view is seen by the others. They are `Cell`s: an element store
//! is a plain write of bytes that holds no `Gc` pointer, so neither the buffer nor the view
//! object needs to be borrowed mutably (or pass a write barrier) to change an element — which
//! is what keeps `a[i] = x` on a typed array as cheap as on a dense array.
//!
//! Elements are stored little-endian (the byte order of every machine we build for; a
//! `DataView` chooses its order per call).

use crate::convert::to_int32;
use gc_arena::{Collect, Gc, Mutation};
use std::cell::Cell;

/// The largest buffer we allocate, in bytes: bigger requests are a RangeError, as the spec
/// allows when a data block cannot be created (ES2015 6.2.6.1 CreateByteDataBlock).
pub const MAX_BYTE_LENGTH: usize = 1 << 31;

/// The bytes of an `ArrayBuffer`.
#[derive(Collect)]
#[collect(require_static)]
pub struct ByteStore(Box<[Cell<u8>]>);

impl ByteStore {
    /// A zeroed store of `length` bytes in the heap, charged to the collector's pacing (which
    /// counts objects, not bytes: a big buffer must still create pressure). `None` when the
    /// memory cannot be had.
    pub fn new<'gc>(mc: &Mutation<'gc>, length: usize) -> Option<Gc<'gc, ByteStore>> {
        if length > MAX_BYTE_LENGTH {
            return None;
        }
        let mut bytes: Vec<Cell<u8>> = Vec::new();
        bytes.try_reserve_exact(length).ok()?;
        bytes.resize_with(length, || Cell::new(0));
        if length > 4096 {
            crate::vm::charge_bytes(mc, length);
        }
        Some(Gc::new(mc, ByteStore(bytes.into_boxed_slice())))
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the store holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `N` bytes at `at` (`None` past the end). (Always inlined: it is the load of
    /// the interpreter's `a[i]`.)
    #[inline(always)]
    pub fn read<const N: usize>(&self, at: usize) -> Option<[u8; N]> {
        let cells: &[Cell<u8>; N] = self.0.get(at..at.checked_add(N)?)?.try_into().ok()?;
        // (A plain loop over a fixed-size array: the compiler makes it one load. Indexed, not
        // zipped: `Zip::new` is not inlined into the interpreter in builds without LTO, and
        // the bytes then went through the stack one by one.)
        let mut bytes = [0; N];
        for i in 0..N {
            bytes[i] = cells[i].get();
        }
        Some(bytes)
    }

    /// Writes `bytes` at `at`; false (nothing written) past the end. (Always inlined, as
    /// [`ByteStore::read`].)
    #[inline(always)]
    pub fn write<const N: usize>(&self, at: usize, bytes: [u8; N]) -> bool {
        let Some(cells) = at
            .checked_add(N)
            .and_then(|end| self.0.get(at..end))
            .and_then(|cells| <&[Cell<u8>; N]>::try_from(cells).ok())
        else {
            return false;
        };
        for i in 0..N {
            cells[i].set(bytes[i]);
        }
        true
    }

    /// A copy of the bytes `from .. to` (clamped to the store).
    pub fn copy_out(&self, from: usize, to: usize) -> Vec<u8> {
        let to = to.min(self.0.len());
        let from = from.min(to);
        self.0[from..to].iter().map(Cell::get).collect()
    }

    /// Writes `bytes` starting at `at`, as far as the store goes.
    pub fn copy_in(&self, at: usize, bytes: &[u8]) {
        if let Some(cells) = self.0.get(at..) {
            for (cell, &byte) in cells.iter().zip(bytes) {
                cell.set(byte);
            }
        }
    }
}

/// The element type of a typed array (ES2015 22.2, Table 50), in the order of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Collect)]
#[collect(require_static)]
pub enum ElementKind {
    Int8,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Float32,
    Float64,
}

impl ElementKind {
    /// Every kind, in the order of Table 50.
    pub const ALL: [ElementKind; 9] = [
        ElementKind::Int8,
        ElementKind::Uint8,
        ElementKind::Uint8Clamped,
        ElementKind::Int16,
        ElementKind::Uint16,
        ElementKind::Int32,
        ElementKind::Uint32,
        ElementKind::Float32,
        ElementKind::Float64,
    ];

    /// The constructor's name, e.g. "Float64Array".
    pub fn name(self) -> &'static str {
        match self {
            ElementKind::Int8 => "Int8Array",
            ElementKind::Uint8 => "Uint8Array",
            ElementKind::Uint8Clamped => "Uint8ClampedArray",
            ElementKind::Int16 => "Int16Array",
            ElementKind::Uint16 => "Uint16Array",
            ElementKind::Int32 => "Int32Array",
            ElementKind::Uint32 => "Uint32Array",
            ElementKind::Float32 => "Float32Array",
            ElementKind::Float64 => "Float64Array",
        }
    }

    /// The position of this kind in [`ElementKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The element size in bytes.
    pub fn size(self) -> usize {
        match self {
            ElementKind::Int8 | ElementKind::Uint8 | ElementKind::Uint8Clamped => 1,
            ElementKind::Int16 | ElementKind::Uint16 => 2,
            ElementKind::Int32 | ElementKind::Uint32 | ElementKind::Float32 => 4,
            ElementKind::Float64 => 8,
        }
    }

    /// GetValueFromBuffer (ES2015 24.1.1.5): the number stored at byte `at`, in the byte order
    /// `little` says. `None` past the end of the store.
    #[inline]
    pub fn load(self, bytes: &ByteStore, at: usize, little: bool) -> Option<f64> {
        macro_rules! load {
            ($t:ty, $n:literal) => {{
                let raw = bytes.read::<$n>(at)?;
                if little {
                    <$t>::from_le_bytes(raw)
                } else {
                    <$t>::from_be_bytes(raw)
                }
            }};
        }
        Some(match self {
            ElementKind::Int8 => f64::from(load!(i8, 1)),
            ElementKind::Uint8 | ElementKind::Uint8Clamped => f64::from(load!(u8, 1)),
            ElementKind::Int16 => f64::from(load!(i16, 2)),
            ElementKind::Uint16 => f64::from(load!(u16, 2)),
            ElementKind::Int32 => f64::from(load!(i32, 4)),
            ElementKind::Uint32 => f64::from(load!(u32, 4)),
            ElementKind::Float32 => f64::from(load!(f32, 4)),
            ElementKind::Float64 => load!(f64, 8),
        })
    }

    /// SetValueInBuffer (ES2015 24.1.1.6): stores number `x` at byte `at` with this type's
    /// conversion (ToInt8 ... ToUint32 wrap modulo 2^n, ToUint8Clamp rounds half to even and
    /// clamps, Float32 rounds to nearest), in the byte order `little` says. False (nothing
    /// written) past the end of the store.
    #[inline]
    pub fn store(self, bytes: &ByteStore, at: usize, x: f64, little: bool) -> bool {
        macro_rules! store {
            ($v:expr) => {{
                let v = $v;
                if little {
                    bytes.write(at, v.to_le_bytes())
                } else {
                    bytes.write(at, v.to_be_bytes())
                }
            }};
        }
        match self {
            ElementKind::Int8 => store!(to_int32(x) as i8),
            ElementKind::Uint8 => store!(to_int32(x) as u8),
            ElementKind::Uint8Clamped => store!(to_uint8_clamp(x)),
            ElementKind::Int16 => store!(to_int32(x) as i16),
            ElementKind::Uint16 => store!(to_int32(x) as u16),
            ElementKind::Int32 => store!(to_int32(x)),
            ElementKind::Uint32 => store!(to_int32(x) as u32),
            ElementKind::Float32 => store!(x as f32),
            ElementKind::Float64 => store!(x),
        }
    }
}

/// ToUint8Clamp (ES2015 7.1.11): NaN is 0, the rest clamped to 0 ..= 255 and rounded half to
/// even.
fn to_uint8_clamp(x: f64) -> u8 {
    if x.is_nan() || x <= 0.0 {
        return 0;
    }
    if x >= 255.0 {
        return 255;
    }
    x.round_ties_even() as u8
}

/// What a typed array or a `DataView` sees of its buffer: `length` elements of `kind` from
/// byte `offset` (a `DataView` counts bytes: its kind is `Uint8`).
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct View<'gc> {
    /// The `ArrayBuffer` object (`.buffer`).
    pub buffer: super::Object<'gc>,
    /// The buffer's bytes (the same store the buffer object holds).
    pub bytes: Gc<'gc, ByteStore>,
    pub kind: ElementKind,
    /// The first byte.
    pub offset: usize,
    /// The number of elements.
    pub length: usize,
}

impl<'gc> View<'gc> {
    /// The number of bytes the view covers.
    pub fn byte_length(&self) -> usize {
        self.length * self.kind.size()
    }

    /// Element `index`, if it is inside the view (IntegerIndexedElementGet, ES2015 9.4.5.8).
    /// (One dispatch on the kind for size, load and conversion together: this is the
    /// interpreter's `a[i]`.)
    #[inline(always)]
    pub fn get(&self, index: usize) -> Option<f64> {
        if index >= self.length {
            return None;
        }
        let bytes = &*self.bytes;
        macro_rules! load {
            ($t:ty, $n:literal) => {
                <$t>::from_le_bytes(bytes.read::<$n>(self.offset + index * $n)?)
            };
        }
        Some(match self.kind {
            ElementKind::Int8 => f64::from(load!(i8, 1)),
            ElementKind::Uint8 | ElementKind::Uint8Clamped => f64::from(load!(u8, 1)),
            ElementKind::Int16 => f64::from(load!(i16, 2)),
            ElementKind::Uint16 => f64::from(load!(u16, 2)),
            ElementKind::Int32 => f64::from(load!(i32, 4)),
            ElementKind::Uint32 => f64::from(load!(u32, 4)),
            ElementKind::Float32 => f64::from(load!(f32, 4)),
            ElementKind::Float64 => load!(f64, 8),
        })
    }

    /// Sets element `index` to number `x` (IntegerIndexedElementSet, ES2015 9.4.5.9, after
    /// ToNumber): false when `index` is outside the view, and nothing is written. (One
    /// dispatch on the kind, as in [`View::get`].)
    #[inline(always)]
    pub fn set(&self, index: usize, x: f64) -> bool {
        if index >= self.length {
            return false;
        }
        let bytes = &*self.bytes;
        macro_rules! store {
            ($v:expr, $n:literal) => {
                bytes.write(self.offset + index * $n, $v.to_le_bytes())
            };
        }
        match self.kind {
            ElementKind::Int8 => store!(to_int32(x) as i8, 1),
            ElementKind::Uint8 => store!(to_int32(x) as u8, 1),
            ElementKind::Uint8Clamped => store!(to_uint8_clamp(x), 1),
            ElementKind::Int16 => store!(to_int32(x) as i16, 2),
            ElementKind::Uint16 => store!(to_int32(x) as u16, 2),
            ElementKind::Int32 => store!(to_int32(x), 4),
            ElementKind::Uint32 => store!(to_int32(x) as u32, 4),
            ElementKind::Float32 => store!(x as f32, 4),
            ElementKind::Float64 => store!(x, 8),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uint8_clamp_rounds_half_to_even_and_clamps() {
        let cases = [
            (f64::NAN, 0),
            (-1.0, 0),
            (0.5, 0),
            (1.5, 2),
            (2.5, 2),
            (254.5, 254),
            (254.6, 255),
            (1e10, 255),
            (f64::INFINITY, 255),
        ];
        for (x, expected) in cases {
            assert_eq!(to_uint8_clamp(x), expected, "{x}");
        }
    }

    #[test]
    fn int32_wraps_modulo_2_to_the_32() {
        assert_eq!(to_int32(2_147_483_648.0), -2_147_483_648);
        assert_eq!(to_int32(4_294_967_297.0), 1);
        assert_eq!(to_int32(-1.9), -1);
        assert_eq!(to_int32(f64::NAN), 0);
        assert_eq!(to_int32(f64::INFINITY), 0);
        assert_eq!(to_int32(1e20) as u32, 1_661_992_960);
        // The fast path's edges: the ends of the i32 range, -0, and values that wrap from i64.
        assert_eq!(to_int32(2_147_483_647.0), 2_147_483_647);
        assert_eq!(to_int32(-2_147_483_648.0), -2_147_483_648);
        assert_eq!(to_int32(-2_147_483_649.0), 2_147_483_647);
        assert_eq!(to_int32(-0.0), 0);
        assert_eq!(to_int32(9_007_199_254_740_993.0), 0);
        assert_eq!(to_int32(-4_294_967_295.0), 1);
    }

    #[test]
    fn element_sizes_match_table_50() {
        let sizes: Vec<usize> = ElementKind::ALL.iter().map(|k| k.size()).collect();
        assert_eq!(sizes, [1, 1, 1, 2, 2, 4, 4, 4, 8]);
        for (i, kind) in ElementKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
    }
}
