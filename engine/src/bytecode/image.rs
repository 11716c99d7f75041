//! Bytecode images: a compiled script ([`FunctionProto`] tree) as bytes, so that code known
//! when the program is built (node's own stdlib/*.js) is compiled then, not at every start.
//!
//! Compiling the stdlib's bootstrap and `events` module was two thirds of the work `node`
//! did to run an empty script: lexing, parsing, early errors and the compiler's passes,
//! always with the same result. The runtime's build script now compiles them with this very
//! engine ([`compile`]) and embeds the bytes; at start-up the VM decodes them
//! ([`decode_root`], [`decode_tree`]), which is a straight copy into the proto's vectors. The source text is still embedded
//! beside the image: a function's `toString` and every stack trace's file:line:column read
//! it, exactly as for code compiled at run time.
//!
//! An image is only ever read by the program that was built with it (the build script and
//! the binary share this crate's source), so the format has no compatibility to keep; the
//! header still checks it was made by the same instruction table, to turn a mistake into a
//! clear error rather than wrong code.
//!
//! ## Format
//!
//! Integers are unsigned LEB128 varints (`uv`: seven bits a byte, low first, the top bit set
//! on all but the last byte); signed instruction operands are zigzag-encoded first (0, -1, 1,
//! -2, ... become 0, 1, 2, 3, ...), so small values of either sign take one byte. A string is
//! its length then its bytes (`str`, UTF-8) or code units (`units`, each a `uv`).
//!
//! ```text
//! image     = "JSBC" opcode-count:u8 tree
//! tree      = proto uv(n) size:uv{n} tree{n}     (size: the bytes of each child's tree)
//! proto     = name:str kind:u8 flags:u8 param-count:uv register-count:uv max-stack:uv
//!             ic-count:uv span-start:uv span-end:uv
//!             uv(n) op{n} uv(n) constant{n} uv(n) scope{n} uv(n) handler{n}
//!             positions uv(n) argument-slot{n}
//! flags     = bit 0: strict, bit 1: uses `arguments`, bit 2: env-free, bit 3: arrow,
//!             bit 4: method
//! kind      = 0 Script | 1 Eval | 2 Function
//! op        = opcode:u8 operand*        (opcode: the instruction's row in `opcode.rs`'s
//!                                        table; operands in the table's order)
//! constant  = 0 f64 (8 bytes, little-endian) | 1 units | 2 units(pattern) str(flags)
//! scope     = kind:u8 (0 Function | 1 Catch) uv(n) str{n}
//! handler   = start:uv end:uv target:uv stack-depth:uv env-depth:uv
//! positions = size:uv uv(n) position{n}  (size: the bytes after it, up to the next field)
//! position  = pc:uv offset:uv           (each the difference from the previous pair's)
//! argument-slot = uv: 0 for none, else slot + 1
//! ```
//!
//! A function's position table (instruction → source offset) is read only to report where an
//! error happened, so it comes with its size too, and the VM decodes it when first asked
//! ([`decode_positions`]): of an empty script's start-up, decoding the tables of the functions
//! it loads was a twentieth.
//!
//! Each function's nested functions come with their sizes, so a reader can skip them: the VM
//! decodes only the header of a nested function when a closure is first made of it
//! ([`decode_header`], called by `Code::function`), and the rest when it is first called
//! ([`decode_tree`], called by `Code::callable`). An empty script makes closures of 73 of the
//! bootstrap's and `events`' functions and calls 14 of them; a module such as `http` has
//! dozens that a program may never call.

use super::proto::{Constant, FunctionProto, Handler, ProtoKind, ScopeInfo, ScopeKind};
use super::Op;
use crate::ast::Span;
use crate::error::SyntaxError;
use crate::source::Source;
use std::ops::Range;

/// The first bytes of every image.
const MAGIC: &[u8; 4] = b"JSBC";

/// Compiles `prefix + source + suffix` as a script, as `Ctx::compile_wrapped` does, into an
/// image for `Ctx::load_image`.
///
/// # Errors
/// A syntax error, with its span in `source` (not counting the prefix).
pub fn compile(prefix: &str, source: &str, suffix: &str) -> Result<Vec<u8>, SyntaxError> {
    let (proto, _) = crate::compiler::compile_wrapped(prefix, Source::from(source), suffix)?;
    Ok(encode(&proto))
}

/// The image of `proto` and every function nested in it.
pub fn encode(proto: &FunctionProto) -> Vec<u8> {
    // Nesting is shallow in practice, but the encoder must not overflow on any script: no
    // recursion. First every proto's own bytes, in the order they are written (a parent,
    // then each child's tree in turn), with the indices of each one's children.
    let mut bodies: Vec<Vec<u8>> = Vec::new();
    let mut children: Vec<Vec<usize>> = Vec::new();
    let mut pending: Vec<(&FunctionProto, Option<usize>)> = vec![(proto, None)];
    while let Some((proto, parent)) = pending.pop() {
        let index = bodies.len();
        let mut body = Vec::new();
        encode_one(proto, &mut body);
        bodies.push(body);
        children.push(Vec::new());
        if let Some(parent) = parent {
            children[parent].push(index);
        }
        pending.extend(proto.functions.iter().rev().map(|f| (f, Some(index))));
    }
    // Then the size of each tree, children (which come later) before their parents.
    let mut headers: Vec<Vec<u8>> = vec![Vec::new(); bodies.len()];
    let mut sizes = vec![0usize; bodies.len()];
    for index in (0..bodies.len()).rev() {
        let header = &mut headers[index];
        write_len(header, children[index].len());
        for &child in &children[index] {
            write_len(header, sizes[child]);
        }
        let nested: usize = children[index].iter().map(|&c| sizes[c]).sum();
        sizes[index] = bodies[index].len() + header.len() + nested;
    }
    let mut out = MAGIC.to_vec();
    out.push(super::opcode::OPCODE_COUNT);
    for (body, header) in bodies.iter().zip(&headers) {
        out.extend_from_slice(body);
        out.extend_from_slice(header);
    }
    out
}

/// Writes one proto's own fields (its nested functions are written after it).
fn encode_one(proto: &FunctionProto, out: &mut Vec<u8>) {
    // Named in full so that a new field cannot be forgotten here.
    let FunctionProto {
        name,
        kind,
        strict,
        param_count,
        register_count,
        max_stack,
        ic_count,
        code,
        constants,
        functions,
        scopes,
        handlers,
        positions,
        uses_arguments,
        env_free,
        arrow,
        method,
        argument_slots,
        span,
    } = proto;
    write_str(out, name);
    out.push(match kind {
        ProtoKind::Script => 0,
        ProtoKind::Eval => 1,
        ProtoKind::Function => 2,
    });
    out.push(
        u8::from(*strict)
            | u8::from(*uses_arguments) << 1
            | u8::from(*env_free) << 2
            | u8::from(*arrow) << 3
            | u8::from(*method) << 4,
    );
    for n in [
        *param_count,
        *register_count,
        *max_stack,
        u32::from(*ic_count),
    ] {
        write_uv(out, n.into());
    }
    write_uv(out, span.start.into());
    write_uv(out, span.end.into());
    write_len(out, code.len());
    for op in code {
        op.encode(out);
    }
    write_len(out, constants.len());
    for constant in constants {
        match constant {
            Constant::Number(n) => {
                out.push(0);
                out.extend_from_slice(&n.to_le_bytes());
            }
            Constant::String(units) => {
                out.push(1);
                write_units(out, units);
            }
            Constant::Regex { pattern, flags } => {
                out.push(2);
                write_units(out, pattern);
                write_str(out, flags);
            }
        }
    }
    write_len(out, scopes.len());
    for scope in scopes {
        out.push(match scope.kind {
            ScopeKind::Function => 0,
            ScopeKind::Catch => 1,
            ScopeKind::Block => 2,
        });
        write_len(out, scope.names.len());
        for name in &scope.names {
            write_str(out, name);
        }
        write_len(out, scope.constants.len());
        out.extend(scope.constants.iter().map(|&c| u8::from(c)));
    }
    write_len(out, handlers.len());
    for h in handlers {
        for n in [h.start, h.end, h.target, h.stack_depth, h.env_depth] {
            write_uv(out, n.into());
        }
    }
    let mut table = Vec::new();
    write_len(&mut table, positions.len());
    let mut previous = (0, 0);
    for &(pc, offset) in positions {
        // Both columns only grow, but write them as zigzag differences all the same: a
        // decreasing offset must still round-trip.
        write_uv(&mut table, zigzag(i64::from(pc) - i64::from(previous.0)));
        write_uv(
            &mut table,
            zigzag(i64::from(offset) - i64::from(previous.1)),
        );
        previous = (pc, offset);
    }
    write_len(out, table.len());
    out.extend_from_slice(&table);
    write_len(out, argument_slots.len());
    for slot in argument_slots {
        write_uv(out, slot.map_or(0, |s| u64::from(s) + 1));
    }
    // Written by `encode`, with their sizes.
    let _ = functions;
}

/// Why an image could not be read: it was not made by this build of the engine, or is cut
/// short. Never the fault of a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageError(pub &'static str);

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad bytecode image: {}", self.0)
    }
}

/// The proto tree an image holds, every nested function decoded.
///
/// # Errors
/// When the bytes are not an image made by [`encode`] of this build.
pub fn decode(bytes: &[u8]) -> Result<FunctionProto, ImageError> {
    let with_positions = |decoded: Decoded| -> Result<Decoded, ImageError> {
        let mut decoded = decoded;
        decoded.proto.positions = decode_positions(bytes, decoded.positions.clone())?;
        Ok(decoded)
    };
    let root = with_positions(decode_root(bytes)?)?;
    // No recursion (see `encode`): each proto waits on this stack for its children.
    let mut open = vec![(root.proto, root.children.into_iter())];
    loop {
        let (_, pending) = open.last_mut().ok_or(ImageError("malformed"))?;
        match pending.next() {
            Some(range) => {
                let child = with_positions(decode_tree(bytes, range)?)?;
                open.push((child.proto, child.children.into_iter()));
            }
            None => {
                let (done, _) = open.pop().ok_or(ImageError("malformed"))?;
                match open.last_mut() {
                    Some((parent, _)) => parent.functions.push(done),
                    None => return Ok(done),
                }
            }
        }
    }
}

/// One proto of an image, without its nested functions: where in the image each one's tree
/// is, for [`decode_tree`].
#[derive(Debug)]
pub struct Decoded {
    /// The proto, its `functions` and `positions` empty.
    pub proto: FunctionProto,
    /// The bytes of the proto's position table, for [`decode_positions`].
    pub positions: Range<usize>,
    /// The bytes of each nested function's tree, in the order `Closure` refers to them.
    pub children: Vec<Range<usize>>,
}

/// The outermost proto of an image (the script), after checking the header.
///
/// # Errors
/// When the bytes are not an image made by [`encode`] of this build.
pub fn decode_root(bytes: &[u8]) -> Result<Decoded, ImageError> {
    let header = bytes
        .get(..MAGIC.len() + 1)
        .ok_or(ImageError("too short"))?;
    if header[..MAGIC.len()] != MAGIC[..] || header[MAGIC.len()] != super::opcode::OPCODE_COUNT {
        return Err(ImageError("not made by this build"));
    }
    decode_tree(bytes, MAGIC.len() + 1..bytes.len())
}

/// The proto whose tree is `range` of the image (a range [`decode_root`] or this function
/// gave), without its nested functions.
///
/// # Errors
/// When the range does not hold one tree exactly.
pub fn decode_tree(bytes: &[u8], range: Range<usize>) -> Result<Decoded, ImageError> {
    let start = range.start;
    let bytes = bytes.get(range).ok_or(ImageError("too short"))?;
    let mut input = Reader { bytes, at: 0 };
    let malformed = ImageError("malformed");
    let (proto, positions) = decode_one(&mut input).ok_or(malformed.clone())?;
    let positions = start + positions.start..start + positions.end;
    let sizes = input.list(Reader::len).ok_or(malformed.clone())?;
    // The children's trees fill the rest of the range exactly.
    let mut at = input.at;
    let mut children = Vec::with_capacity(sizes.len());
    for size in sizes {
        let end = at.checked_add(size).filter(|&end| end <= bytes.len());
        let end = end.ok_or(malformed.clone())?;
        children.push(start + at..start + end);
        at = end;
    }
    if at != bytes.len() {
        return Err(ImageError("trailing bytes"));
    }
    Ok(Decoded {
        proto,
        positions,
        children,
    })
}

/// The position table whose bytes are `range` of the image (as [`Decoded::positions`] gives
/// it).
///
/// # Errors
/// When the range does not hold one table exactly.
pub fn decode_positions(bytes: &[u8], range: Range<usize>) -> Result<Vec<(u32, u32)>, ImageError> {
    let bytes = bytes.get(range).ok_or(ImageError("too short"))?;
    let mut input = Reader { bytes, at: 0 };
    let mut previous = (0u32, 0u32);
    let positions = input.list(|input| {
        let pc = u32::try_from(i64::from(previous.0) + unzigzag(input.uv()?)).ok()?;
        let offset = u32::try_from(i64::from(previous.1) + unzigzag(input.uv()?)).ok()?;
        previous = (pc, offset);
        Some(previous)
    });
    match positions {
        Some(positions) if input.at == bytes.len() => Ok(positions),
        _ => Err(ImageError("malformed position table")),
    }
}

/// The header of the proto whose tree is `range` of the image (as [`decode_tree`] takes it):
/// its name, kind, flags, counts and span, with no code, constants, scopes or handlers. What
/// making a closure of it needs; the rest is decoded when it is first called.
///
/// # Errors
/// When the range does not start with a header.
pub fn decode_header(bytes: &[u8], range: Range<usize>) -> Result<FunctionProto, ImageError> {
    let bytes = bytes.get(range).ok_or(ImageError("too short"))?;
    let mut input = Reader { bytes, at: 0 };
    read_header(&mut input).ok_or(ImageError("malformed"))
}

/// Reads one proto's own fields (its children's trees follow), all but its position table,
/// whose bytes it skips and returns.
fn decode_one(input: &mut Reader<'_>) -> Option<(FunctionProto, Range<usize>)> {
    let header = read_header(input)?;
    let code = input.list(Op::decode)?;
    let constants = input.list(|input| {
        Some(match input.byte()? {
            0 => Constant::Number(f64::from_le_bytes(input.take(8)?.try_into().ok()?)),
            1 => Constant::String(input.units()?),
            2 => Constant::Regex {
                pattern: input.units()?,
                flags: input.string()?,
            },
            _ => return None,
        })
    })?;
    let scopes = input.list(|input| {
        Some(ScopeInfo {
            kind: match input.byte()? {
                0 => ScopeKind::Function,
                1 => ScopeKind::Catch,
                2 => ScopeKind::Block,
                _ => return None,
            },
            names: input.list(Reader::string)?,
            constants: input.list(|input| Some(input.byte()? != 0))?,
        })
    })?;
    let handlers = input.list(|input| {
        Some(Handler {
            start: input.u32()?,
            end: input.u32()?,
            target: input.u32()?,
            stack_depth: input.u32()?,
            env_depth: input.u32()?,
        })
    })?;
    let size = input.len()?;
    let positions = input.at..input.at + size;
    input.take(size)?;
    let argument_slots = input.list(|input| match input.uv()? {
        0 => Some(None),
        n => Some(Some(u16::try_from(n - 1).ok()?)),
    })?;
    let proto = FunctionProto {
        code,
        constants,
        scopes,
        handlers,
        argument_slots,
        ..header
    };
    Some((proto, positions))
}

/// Reads a proto's header: everything before its code. The proto has no code, constants,
/// scopes, handlers, argument slots, nested functions nor positions.
fn read_header(input: &mut Reader<'_>) -> Option<FunctionProto> {
    let name = input.string()?;
    let kind = match input.byte()? {
        0 => ProtoKind::Script,
        1 => ProtoKind::Eval,
        2 => ProtoKind::Function,
        _ => return None,
    };
    let flags = input.byte()?;
    let param_count = input.u32()?;
    let register_count = input.u32()?;
    let max_stack = input.u32()?;
    let ic_count = u16::try_from(input.uv()?).ok()?;
    let span = Span {
        start: input.u32()?,
        end: input.u32()?,
    };
    Some(FunctionProto {
        name,
        kind,
        strict: flags & 1 != 0,
        param_count,
        register_count,
        max_stack,
        ic_count,
        code: Vec::new(),
        constants: Vec::new(),
        // Not `with_capacity` of the number of children: every proto still open in `decode`
        // would hold its reservation, so a chain of protos each claiming the rest of the
        // image as children asked for address space quadratic in its length (tens of
        // gigabytes for 64 KB).
        functions: Vec::new(),
        scopes: Vec::new(),
        handlers: Vec::new(),
        positions: Vec::new(),
        uses_arguments: flags & 2 != 0,
        env_free: flags & 4 != 0,
        arrow: flags & 8 != 0,
        method: flags & 16 != 0,
        argument_slots: Vec::new(),
        span,
    })
}

// ---- Integers and strings ----------------------------------------------------------------

fn write_uv(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn write_len(out: &mut Vec<u8>, len: usize) {
    write_uv(out, len as u64);
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    write_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn write_units(out: &mut Vec<u8>, units: &[u16]) {
    write_len(out, units.len());
    for &unit in units {
        write_uv(out, unit.into());
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

#[inline]
fn unzigzag(n: u64) -> i64 {
    (n >> 1) as i64 ^ -((n & 1) as i64)
}

/// A cursor over an image's bytes; every read is `None` past the end or on a bad value.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    #[inline]
    pub fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    /// A varint: most (opcodes' operands, lengths, units of ASCII names) take one byte.
    #[inline]
    fn uv(&mut self) -> Option<u64> {
        let first = *self.bytes.get(self.at)?;
        if first < 0x80 {
            self.at += 1;
            return Some(u64::from(first));
        }
        self.long_uv()
    }

    fn long_uv(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    #[inline]
    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uv()?).ok()
    }

    /// A length, checked against the bytes left (each element takes at least one byte), so
    /// that a bad length cannot ask for a huge allocation.
    #[inline]
    fn len(&mut self) -> Option<usize> {
        let len = usize::try_from(self.uv()?).ok()?;
        (len <= self.bytes.len() - self.at).then_some(len)
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.len()?;
        let mut list = Vec::with_capacity(len);
        for _ in 0..len {
            list.push(item(self)?);
        }
        Some(list)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.len()?;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).ok()
    }

    fn units(&mut self) -> Option<Vec<u16>> {
        let len = self.len()?;
        // Most strings are ASCII: one byte a unit, and no varint to decode.
        if let Some(ascii) = self.bytes.get(self.at..self.at + len) {
            if ascii.is_ascii() {
                self.at += len;
                return Some(ascii.iter().map(|&b| u16::from(b)).collect());
            }
        }
        let mut units = Vec::with_capacity(len);
        for _ in 0..len {
            units.push(u16::try_from(self.uv()?).ok()?);
        }
        Some(units)
    }
}

/// An instruction operand's encoding (see the module comment): the `opcodes!` table's
/// generated [`Op::encode`] and [`Op::decode`] call these for each field.
pub trait Operand: Sized {
    fn write(self, out: &mut Vec<u8>);
    fn read(input: &mut Reader<'_>) -> Option<Self>;
}

impl Operand for u32 {
    fn write(self, out: &mut Vec<u8>) {
        write_uv(out, self.into());
    }
    #[inline]
    fn read(input: &mut Reader<'_>) -> Option<u32> {
        input.u32()
    }
}

impl Operand for u16 {
    fn write(self, out: &mut Vec<u8>) {
        write_uv(out, self.into());
    }
    #[inline]
    fn read(input: &mut Reader<'_>) -> Option<u16> {
        u16::try_from(input.uv()?).ok()
    }
}

impl Operand for i32 {
    fn write(self, out: &mut Vec<u8>) {
        write_uv(out, zigzag(self.into()));
    }
    #[inline]
    fn read(input: &mut Reader<'_>) -> Option<i32> {
        i32::try_from(unzigzag(input.uv()?)).ok()
    }
}

impl Operand for i8 {
    fn write(self, out: &mut Vec<u8>) {
        write_uv(out, zigzag(self.into()));
    }
    #[inline]
    fn read(input: &mut Reader<'_>) -> Option<i8> {
        i8::try_from(unzigzag(input.uv()?)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(source: &str) -> FunctionProto {
        let arena = bumpalo::Bump::new();
        let program = crate::parse_program(source, &arena).expect("parses");
        crate::compiler::compile_script(&program, source).expect("compiles")
    }

    /// Every field of every proto, so equal listings mean equal trees.
    fn listing(proto: &FunctionProto) -> String {
        format!("{proto:?}")
    }

    #[test]
    fn a_script_round_trips() {
        let source = r#"
            var x = -5, y = 1e300, s = "h\u00e9\ud800llo", r = /a(b)+/gi;
            function f(a, a, b) { arguments[0]; return function g() { return a + b; }; }
            try { throw f; } catch (e) { (function () { e; })(); } finally { x++; --x; }
            with (Math) { x = max(x, -70000); }
            for (var k in this) { if (k) break; }
            var o = { get p() { return 1; }, set p(v) {}, 1: 2 };
            "use strict";
        "#;
        let proto = compiled(source);
        let image = encode(&proto);
        let back = decode(&image).expect("decodes");
        assert_eq!(listing(&back), listing(&proto));
    }

    #[test]
    fn bad_images_are_errors_not_panics() {
        let image = encode(&compiled("function f() { return [1, 'two', /3/]; } f();"));
        for len in 0..image.len() {
            assert!(decode(&image[..len]).is_err(), "cut at {len}");
        }
        let mut longer = image.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        let mut other = image;
        other[4] = other[4].wrapping_add(1);
        assert!(decode(&other).is_err());
    }

    /// A nested function's header, read alone (what making a closure of it decodes), is the
    /// same as the header of its whole tree (what its first call decodes).
    #[test]
    fn a_header_read_alone_is_the_trees() {
        let image = encode(&compiled(
            r#"function f(a, b) { "use strict"; return function g(c) { return a + b + c; }; }
            var h = function () { return arguments.length; };"#,
        ));
        let root = decode_root(&image).expect("decodes");
        let mut trees = root.children.clone();
        let mut seen = 0;
        while let Some(range) = trees.pop() {
            let tree = decode_tree(&image, range.clone()).expect("decodes");
            let header = decode_header(&image, range).expect("decodes");
            let body_less = FunctionProto {
                code: Vec::new(),
                constants: Vec::new(),
                scopes: Vec::new(),
                handlers: Vec::new(),
                argument_slots: Vec::new(),
                ..tree.proto
            };
            assert_eq!(listing(&header), listing(&body_less));
            trees.extend(tree.children);
            seen += 1;
        }
        assert_eq!(seen, 3);
        assert!(decode_header(&image, 0..3).is_err());
    }

    /// Found by the fuzz target `image` (fuzz/): 3,500 empty protos, each claiming all the
    /// bytes after it as children. Each used to reserve room for that many children, about
    /// 44 GB of address space for these 63 KB; it is now an error like any short image.
    #[test]
    fn claimed_children_reserve_nothing() {
        fn uv3(n: usize) -> [u8; 3] {
            [
                (n as u8 & 0x7f) | 0x80,
                ((n >> 7) as u8 & 0x7f) | 0x80,
                (n >> 14) as u8 & 0x7f,
            ]
        }
        // An empty function proto: no name, kind 2, then zeros, then its child count.
        let empty = [0u8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let count = 3_500;
        let per = empty.len() + 3;
        let total = MAGIC.len() + 1 + count * per;
        let mut image = MAGIC.to_vec();
        image.push(super::super::opcode::OPCODE_COUNT);
        for _ in 0..count {
            image.extend_from_slice(&empty);
            image.extend_from_slice(&uv3(total - (image.len() + 3)));
        }
        assert_eq!(image.len(), total);
        assert!(decode(&image).is_err());
    }
}
