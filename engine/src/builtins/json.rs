//! The JSON object (ES5.1 15.12): `JSON.parse` and `JSON.stringify`.
//!
//! The spec describes parsing, the reviver's walk and serialization as recursive algorithms.
//! A JSON text or an object graph can be nested far deeper than the Rust stack allows, so
//! each runs here as a loop over an explicit stack of the containers still open; the
//! callbacks (a reviver, a replacer, `toJSON`, getters) run one at a time through
//! `ops::call`. Only the walk and serialization, which callbacks can keep feeding new objects
//! to, are bounded in depth ([`MAX_DEPTH`]).

use super::arg;
use crate::convert;
use crate::object::{Attributes, Class, Object, PropertyKey};
use crate::string::{JsString, Units, MAX_LENGTH};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// How deeply the reviver walk and `stringify` may nest objects. A JSON text cannot nest
/// without bound, but a reviver or `toJSON` that returns a fresh object each time can: past
/// this depth they throw a RangeError instead of growing the heap until memory runs out.
const MAX_DEPTH: usize = 100_000;

/// A new empty object with `Object.prototype`.
fn new_object<'gc>(ctx: Ctx<'gc>) -> Object<'gc> {
    Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object)
}

/// The object's own enumerable property names, in for-in order (15.12.2 Walk step 2.b,
/// 15.12.3 JO step 6).
fn own_enumerable_keys<'gc>(object: Object<'gc>) -> Vec<PropertyKey<'gc>> {
    // (A typed array's elements are among them, though not stored as properties.)
    ops::own_keys(object, true)
}

/// `[[DefineOwnProperty]]`(key, {`[[Value]]`: value, `[[Writable]]`: true, `[[Enumerable]]`: true,
/// `[[Configurable]]`: true}, false) (8.12.9, and 15.4.5.1 for arrays): silently does nothing
/// where the definition is not allowed.
fn define_value<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, key: PropertyKey<'gc>, value: Value<'gc>) {
    let length_key = ctx.realm().atoms.length;
    match object.own_property(ctx, key) {
        // 8.12.9 step 7.a: a non-configurable property cannot become configurable.
        Some(property) if !property.attributes.configurable() => return,
        Some(_) => {}
        // Step 3: no new properties on a non-extensible object.
        None if !object.borrow().extensible => return,
        None => {}
    }
    if matches!(object.borrow().class, Class::Array) {
        if key == length_key {
            // The array `length` is never configurable, so it was refused above.
            return;
        }
        if let PropertyKey::Index(index) = key {
            // 15.4.5.1 step 4: an index at or past the length extends it, if it is writable.
            let length = ops::array_length(object, length_key);
            if index >= length {
                let writable = object
                    .own_property(ctx, length_key)
                    .is_some_and(|p| p.attributes.writable());
                if !writable {
                    return;
                }
                object.set_own_value(
                    &ctx,
                    length_key,
                    Value::Number(f64::from(index) + 1.0),
                    Attributes::new(true, false, false),
                );
            }
        }
    }
    object.set_own_value(&ctx, key, value, Attributes::ALL);
}

// ---- JSON.parse --------------------------------------------------------------------------------

/// A syntax error in the text, as a message.
type ParseError = String;

/// A container the parser has opened and not yet closed.
enum Open<'gc> {
    /// An array and the number of elements read so far.
    Array(Object<'gc>, u32),
    /// An object and the name of the member whose value comes next.
    Object(Object<'gc>, PropertyKey<'gc>),
}

/// The parser of 15.12.1.2's JSON syntactic grammar (with the lexical grammar of 15.12.1.1),
/// over a string's UTF-16 units.
struct Parser<'t> {
    text: &'t [u16],
    pos: usize,
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<u16> {
        self.text.get(self.pos).copied()
    }

    /// JSONWhiteSpace :: <TAB> <CR> <LF> <SP> (and nothing else: no other Unicode spaces).
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(0x09 | 0x0A | 0x0D | 0x20)) {
            self.pos += 1;
        }
    }

    /// The message for whatever is at the current position.
    fn unexpected(&self) -> ParseError {
        match self.peek() {
            None => "Unexpected end of JSON input".to_string(),
            Some(unit) => {
                let shown = char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}');
                format!("Unexpected token {shown} in JSON at position {}", self.pos)
            }
        }
    }

    /// Consumes `unit` or fails.
    fn expect(&mut self, unit: u8) -> Result<(), ParseError> {
        if self.peek() == Some(u16::from(unit)) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    /// JSONString :: " JSONStringCharacters? " — the opening quote is at the current position.
    /// Returns the string's value (its units): the text itself when it has no escapes (most
    /// strings, and nearly every member name), else a copy with the escapes resolved.
    fn string(&mut self) -> Result<Cow<'t, [u16]>, ParseError> {
        self.expect(b'"')?;
        let start = self.pos;
        let plain = self.text[start..]
            .iter()
            .position(|&u| u == 0x22 || u == 0x5C || u < 0x20);
        if let Some(len) = plain {
            if self.text[start + len] == 0x22 {
                self.pos = start + len + 1;
                return Ok(Cow::Borrowed(&self.text[start..start + len]));
            }
        }
        // An escape (or an error) comes first: the units before it, then one at a time.
        let before = plain.unwrap_or(self.text.len() - start);
        let mut units = self.text[start..start + before].to_vec();
        self.pos = start + before;
        loop {
            let Some(unit) = self.peek() else {
                return Err("Unterminated string in JSON".to_string());
            };
            match unit {
                0x22 => {
                    self.pos += 1;
                    return Ok(Cow::Owned(units));
                }
                // JSONStringCharacter :: \ JSONEscapeSequence
                0x5C => {
                    self.pos += 1;
                    let Some(escape) = self.peek() else {
                        return Err("Unterminated string in JSON".to_string());
                    };
                    let value = match escape {
                        // JSONEscapeCharacter :: one of " / \ b f n r t
                        0x22 | 0x2F | 0x5C => escape,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        // UnicodeEscapeSequence :: u HexDigit HexDigit HexDigit HexDigit, one
                        // UTF-16 unit (a surrogate pair is two escapes).
                        0x75 => {
                            let mut value = 0u16;
                            for _ in 0..4 {
                                self.pos += 1;
                                let digit = self
                                    .peek()
                                    .and_then(|u| char::from_u32(u32::from(u)))
                                    .and_then(|c| c.to_digit(16));
                                match digit {
                                    Some(d) => value = value * 16 + d as u16,
                                    None => return Err(self.unexpected()),
                                }
                            }
                            value
                        }
                        _ => return Err(self.unexpected()),
                    };
                    self.pos += 1;
                    units.push(value);
                }
                // SourceCharacter but not " or \ or U+0000 thru U+001F.
                0x00..=0x1F => return Err(self.unexpected()),
                _ => {
                    self.pos += 1;
                    units.push(unit);
                }
            }
        }
    }

    /// JSONNumber :: -? DecimalIntegerLiteral JSONFraction? ExponentPart? — no leading zeros,
    /// no `+`, digits on both sides of the point.
    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        let is_digit = |u: Option<u16>| u.is_some_and(|u| (0x30..=0x39).contains(&u));
        let digits = |p: &mut Self| -> Result<(), ParseError> {
            if !is_digit(p.peek()) {
                return Err(p.unexpected());
            }
            while is_digit(p.peek()) {
                p.pos += 1;
            }
            Ok(())
        };
        if self.peek() == Some(u16::from(b'-')) {
            self.pos += 1;
        }
        // DecimalIntegerLiteral :: 0 | NonZeroDigit DecimalDigits?
        if self.peek() == Some(u16::from(b'0')) {
            self.pos += 1;
        } else {
            digits(self)?;
        }
        // JSONFraction :: . DecimalDigits
        if self.peek() == Some(u16::from(b'.')) {
            self.pos += 1;
            digits(self)?;
        }
        // ExponentPart :: ExponentIndicator SignedInteger
        if matches!(self.peek(), Some(0x45 | 0x65)) {
            self.pos += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.pos += 1;
            }
            digits(self)?;
        }
        // The text is ASCII; Rust's parser rounds correctly, as 9.3.1 asks.
        let text: String = self.text[start..self.pos]
            .iter()
            .map(|&u| char::from(u as u8))
            .collect();
        text.parse::<f64>().map_err(|_| self.unexpected())
    }

    /// A literal name (`true`, `false`, `null`).
    fn literal(&mut self, name: &str) -> Result<(), ParseError> {
        for byte in name.bytes() {
            self.expect(byte)?;
        }
        Ok(())
    }

    /// The whole text: one JSONValue between optional whitespace.
    fn parse<'gc>(&mut self, ctx: Ctx<'gc>) -> Result<Value<'gc>, ParseError> {
        let realm = ctx.realm();
        let mut open: Vec<Open<'gc>> = Vec::new();
        self.skip_whitespace();
        loop {
            // A JSONValue starts here (after whitespace).
            let mut value = match self.peek() {
                Some(0x7B) => {
                    // JSONObject :: { } | { JSONMemberList }
                    self.pos += 1;
                    self.skip_whitespace();
                    let object = new_object(ctx);
                    if self.peek() == Some(0x7D) {
                        self.pos += 1;
                        Value::Object(object)
                    } else {
                        let key = self.member_name(ctx)?;
                        open.push(Open::Object(object, key));
                        continue;
                    }
                }
                Some(0x5B) => {
                    // JSONArray :: [ ] | [ JSONElementList ]
                    self.pos += 1;
                    self.skip_whitespace();
                    let array = ctx.realm().new_array(ctx, []);
                    if self.peek() == Some(0x5D) {
                        self.pos += 1;
                        Value::Object(array)
                    } else {
                        open.push(Open::Array(array, 0));
                        continue;
                    }
                }
                Some(0x22) => Value::String(JsString::from_units(&ctx, &self.string()?)),
                Some(0x2D | 0x30..=0x39) => Value::Number(self.number()?),
                Some(0x74) => {
                    self.literal("true")?;
                    Value::Bool(true)
                }
                Some(0x66) => {
                    self.literal("false")?;
                    Value::Bool(false)
                }
                Some(0x6E) => {
                    self.literal("null")?;
                    Value::Null
                }
                _ => return Err(self.unexpected()),
            };
            // A value is complete: store it in the innermost open container, closing
            // containers as long as their closing bracket follows.
            loop {
                self.skip_whitespace();
                match open.last_mut() {
                    None => {
                        return if self.pos == self.text.len() {
                            Ok(value)
                        } else {
                            Err(self.unexpected())
                        };
                    }
                    Some(Open::Array(array, count)) => {
                        let array = *array;
                        array.set_own_value(
                            &ctx,
                            PropertyKey::Index(*count),
                            value,
                            Attributes::ALL,
                        );
                        *count += 1;
                        let count = *count;
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                self.skip_whitespace();
                                break;
                            }
                            Some(0x5D) => {
                                self.pos += 1;
                                array.set_own_value(
                                    &ctx,
                                    realm.atoms.length,
                                    Value::Number(f64::from(count)),
                                    Attributes::new(true, false, false),
                                );
                                open.pop();
                                value = Value::Object(array);
                            }
                            _ => return Err(self.unexpected()),
                        }
                    }
                    Some(Open::Object(object, key)) => {
                        let object = *object;
                        // A repeated name replaces the earlier value (15.12.2 NOTE: the last
                        // one wins).
                        object.set_own_value(&ctx, *key, value, Attributes::ALL);
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                self.skip_whitespace();
                                *key = self.member_name(ctx)?;
                                break;
                            }
                            Some(0x7D) => {
                                self.pos += 1;
                                open.pop();
                                value = Value::Object(object);
                            }
                            _ => return Err(self.unexpected()),
                        }
                    }
                }
            }
        }
    }

    /// JSONMember's `JSONString :` (whitespace around the colon skipped), as a key.
    fn member_name<'gc>(&mut self, ctx: Ctx<'gc>) -> Result<PropertyKey<'gc>, ParseError> {
        if self.peek() != Some(0x22) {
            return Err(self.unexpected());
        }
        let name = self.string()?;
        self.skip_whitespace();
        self.expect(b':')?;
        self.skip_whitespace();
        Ok(ctx.realm().key_from_units(ctx, &name))
    }
}

/// What is left to visit of an object in the reviver walk.
enum WalkItems<'gc> {
    /// An array: the indices `next .. length` ("Repeat while I < len", 15.12.2 Walk 2.a), not
    /// a list, since a reviver could make the length 2^32 - 1.
    Indices { next: f64, length: f64 },
    /// Another object: its own enumerable names when the walk reached it.
    Keys {
        keys: Vec<PropertyKey<'gc>>,
        next: usize,
    },
}

/// An object the reviver walk is inside: Walk(holder, name) found `object` as the value.
struct WalkFrame<'gc> {
    holder: Object<'gc>,
    name: PropertyKey<'gc>,
    object: Object<'gc>,
    items: WalkItems<'gc>,
    /// The property of `object` being walked.
    current: PropertyKey<'gc>,
}

/// 15.12.2's abstract operation Walk(holder, name), run with an explicit stack.
fn internalize<'gc>(
    ctx: Ctx<'gc>,
    reviver: Value<'gc>,
    root: Object<'gc>,
    root_name: PropertyKey<'gc>,
) -> NativeResult<'gc> {
    let mut stack: Vec<WalkFrame<'gc>> = Vec::new();
    // Walk's steps 1-2 set-up: returns the reviver's result at once for a primitive value,
    // or opens a frame for an object.
    let start = |stack: &mut Vec<WalkFrame<'gc>>,
                 holder: Object<'gc>,
                 name: PropertyKey<'gc>|
     -> Result<Option<Value<'gc>>, Throw<'gc>> {
        // 1. Let val be the result of calling the [[Get]] internal method of holder with
        //    argument name.
        let value = ops::get(ctx, Value::Object(holder), name)?;
        let Value::Object(object) = value else {
            // 3. Return the result of calling the [[Call]] internal method of reviver with
            //    holder as the this value and a list containing name and val.
            let name = Value::String(ops::key_to_string(ctx, name));
            return ops::call(ctx, reviver, Value::Object(holder), &[name, value]).map(Some);
        };
        if stack.len() >= MAX_DEPTH {
            return Err(ctx.range_error("JSON.parse reviver: objects nested too deeply"));
        }
        // 2.a. If the [[Class]] internal property of val is "Array": I = 0, len = val.length.
        // 2.b. Else let keys be the names of all the own enumerable properties of val.
        let items = if matches!(object.borrow().class, Class::Array) {
            let length = ops::get(ctx, value, ctx.realm().atoms.length)?;
            WalkItems::Indices {
                next: 0.0,
                length: ops::to_number(ctx, length)?,
            }
        } else {
            WalkItems::Keys {
                keys: own_enumerable_keys(object),
                next: 0,
            }
        };
        stack.push(WalkFrame {
            holder,
            name,
            object,
            items,
            current: name,
        });
        Ok(None)
    };
    let mut result = start(&mut stack, root, root_name)?;
    loop {
        if let Some(value) = result.take() {
            let Some(frame) = stack.last() else {
                return Ok(value);
            };
            // 2.a.iii / 2.b.iii: If newElement is undefined, then call the [[Delete]]
            // internal method of val with the name and false; else define it as a data
            // property (writable, enumerable, configurable) with throw false.
            if value.is_undefined() {
                ops::delete(ctx, frame.object, frame.current, false)?;
            } else {
                define_value(ctx, frame.object, frame.current, value);
            }
        }
        let frame = stack
            .last_mut()
            .expect("the walk has an open frame until the root's result is returned");
        let next = match &mut frame.items {
            WalkItems::Indices { next, length } => {
                if *next < *length {
                    let index = *next;
                    *next += 1.0;
                    Some(ops::to_property_key(ctx, Value::Number(index))?)
                } else {
                    None
                }
            }
            WalkItems::Keys { keys, next } => {
                let key = keys.get(*next).copied();
                *next += 1;
                key
            }
        };
        match next {
            // 2.a.ii / 2.b.ii: Let newElement be the result of calling Walk with val and the
            // name.
            Some(key) => {
                frame.current = key;
                let object = frame.object;
                result = start(&mut stack, object, key)?;
            }
            // 3. The object is done: call the reviver on it.
            None => {
                let frame = stack
                    .pop()
                    .expect("the frame just looked at is on the stack");
                let name = Value::String(ops::key_to_string(ctx, frame.name));
                let value = ops::call(
                    ctx,
                    reviver,
                    Value::Object(frame.holder),
                    &[name, Value::Object(frame.object)],
                )?;
                result = Some(value);
            }
        }
    }
}

/// 15.12.2 JSON.parse(text [, reviver])
fn parse<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let JText be ToString(text).
    let text = ops::to_string(ctx, arg(args, 0))?.to_units(&ctx);
    // 2. Parse JText using the grammars in 15.12.1. Throw a SyntaxError exception if JText
    //    did not conform to the JSON grammar for the goal symbol JSONText.
    // 3. Let unfiltered be the result of parsing and evaluating JText as if it was the source
    //    text of an ECMAScript Program but using JSONString in place of StringLiteral.
    let unfiltered = Parser {
        text: &text,
        pos: 0,
    }
    .parse(ctx)
    .map_err(|message| ctx.error(ctx.realm().syntax_error_prototype, &message))?;
    // 4. If IsCallable(reviver) is true, then
    let reviver = arg(args, 1);
    if reviver.as_object().is_some_and(|r| r.is_callable()) {
        // a. Let root be a new object created as if by the expression new Object().
        let root = new_object(ctx);
        // b. Call the [[DefineOwnProperty]] internal method of root with the empty String,
        //    the PropertyDescriptor {[[Value]]: unfiltered, [[Writable]]: true,
        //    [[Enumerable]]: true, [[Configurable]]: true}, and false.
        let empty = ctx.realm().key(ctx, "");
        root.set_own_value(&ctx, empty, unfiltered, Attributes::ALL);
        // c. Return the result of calling the abstract operation Walk, passing root and the
        //    empty String.
        return internalize(ctx, reviver, root, empty);
    }
    // 5. Else return unfiltered.
    Ok(unfiltered)
}

// ---- JSON.stringify ----------------------------------------------------------------------------

/// Appends Quote(value) (15.12.3): the string in double quotes, with `"` and `\` escaped, the
/// control characters that have a short escape given it and the others as `\u00XX`.
fn quote(out: &mut Vec<u16>, units: &Units<'_>) {
    out.push(u16::from(b'"'));
    match units {
        Units::Latin1(bytes) => quote_units(out, bytes),
        Units::Utf16(units) => quote_units(out, units),
    }
    out.push(u16::from(b'"'));
}

/// The body of [`quote`]: runs of units that need no escape are copied whole (most strings
/// are one such run), the others escaped one by one.
fn quote_units<U: Copy + Into<u16>>(out: &mut Vec<u16>, units: &[U]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let needs_escape = |unit: U| {
        let unit: u16 = unit.into();
        unit == 0x22 || unit == 0x5C || unit < 0x20
    };
    let mut rest = units;
    loop {
        let plain = rest
            .iter()
            .position(|&u| needs_escape(u))
            .unwrap_or(rest.len());
        out.extend(rest.iter().take(plain).map(|&u| u.into()));
        // Past the longest string there is no point going on (the caller throws); a string of
        // control characters would otherwise grow six times over.
        if out.len() > MAX_LENGTH {
            return;
        }
        let Some((&unit, after)) = rest.get(plain..).and_then(<[U]>::split_first) else {
            return;
        };
        rest = after;
        let unit: u16 = unit.into();
        let short = match unit {
            0x22 => b'"',
            0x5C => b'\\',
            0x08 => b'b',
            0x0C => b'f',
            0x0A => b'n',
            0x0D => b'r',
            0x09 => b't',
            _ => {
                out.extend("\\u00".encode_utf16());
                out.push(u16::from(HEX[usize::from(unit >> 4)]));
                out.push(u16::from(HEX[usize::from(unit & 15)]));
                continue;
            }
        };
        out.extend([u16::from(b'\\'), u16::from(short)]);
    }
}

/// Str step 4 (and step 5 for `space`): a Number object becomes ToNumber(value), a String
/// object ToString(value), a Boolean object its `[[PrimitiveValue]]`; other objects stay.
///
/// (For `space`, step 5 converts only Number and String objects; a Boolean becomes a
/// boolean, which step 8 ignores just as it would the object.)
fn unwrap_primitive<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> NativeResult<'gc> {
    let value = Value::Object(object);
    let class = match object.borrow().class {
        Class::Number(_) => 'n',
        Class::String(_) => 's',
        Class::Boolean(b) => return Ok(Value::Bool(b)),
        _ => return Ok(value),
    };
    Ok(if class == 'n' {
        Value::Number(ops::to_number(ctx, value)?)
    } else {
        Value::String(ops::to_string(ctx, value)?)
    })
}

/// What Str(key, holder) produced.
enum Serialized<'gc> {
    /// `undefined` (a function, `undefined` itself): nothing written.
    Undefined,
    /// The text was appended to the output.
    Written,
    /// An object or array to serialize next (JO or JA), nothing written yet.
    Nested(Object<'gc>),
}

/// What is left to write of an open object or array.
enum Items<'gc> {
    /// JA: the indices `next .. length`.
    Indices { next: u32, length: u32 },
    /// JO: the names K (step 5-6), with the next to write.
    Keys {
        keys: Vec<PropertyKey<'gc>>,
        next: usize,
    },
}

/// An object or array being written (one level of JO / JA).
struct Frame<'gc> {
    object: Object<'gc>,
    items: Items<'gc>,
    /// How many members or elements have been written (for the separators).
    written: usize,
}

/// The state of one `JSON.stringify` call (15.12.3 steps 1-8, plus the output).
struct Stringifier<'gc> {
    ctx: Ctx<'gc>,
    /// ReplacerFunction.
    replacer: Option<Value<'gc>>,
    /// The interned name "toJSON".
    to_json: PropertyKey<'gc>,
    /// PropertyList.
    property_list: Option<Vec<PropertyKey<'gc>>>,
    gap: Vec<u16>,
    /// The current indent (one gap per open level).
    indent: Vec<u16>,
    /// The open objects and arrays: the spec's `stack`, with their progress.
    stack: Vec<Frame<'gc>>,
    /// The addresses of the objects on the stack, for the cycle check.
    open: HashSet<usize>,
    out: Vec<u16>,
}

impl<'gc> Stringifier<'gc> {
    fn push_ascii(&mut self, text: &str) {
        self.out.extend(text.bytes().map(u16::from));
    }

    /// Str(key, holder), steps 1-11. Primitives are written at once; objects are returned to
    /// be opened.
    fn str(
        &mut self,
        key: PropertyKey<'gc>,
        holder: Object<'gc>,
    ) -> Result<Serialized<'gc>, Throw<'gc>> {
        let ctx = self.ctx;
        let key_string = || Value::String(ops::key_to_string(ctx, key));
        // 1. Let value be the result of calling the [[Get]] internal method of holder with
        //    argument key.
        let mut value = ops::get(ctx, Value::Object(holder), key)?;
        // 2. If Type(value) is Object, then
        if let Value::Object(_) = value {
            // a. Let toJSON be the result of calling the [[Get]] internal method of value
            //    with argument "toJSON".
            let to_json = ops::get(ctx, value, self.to_json)?;
            // b. If IsCallable(toJSON) is true, let value be the result of calling it with
            //    value as the this value and an argument list consisting of key.
            if to_json.as_object().is_some_and(|f| f.is_callable()) {
                value = ops::call(ctx, to_json, value, &[key_string()])?;
            }
        }
        // 3. If ReplacerFunction is not undefined, then let value be the result of calling it
        //    with holder as the this value and an argument list consisting of key and value.
        if let Some(replacer) = self.replacer {
            value = ops::call(ctx, replacer, Value::Object(holder), &[key_string(), value])?;
        }
        // 4. If Type(value) is Object then unwrap Number, String and Boolean objects.
        if let Value::Object(object) = value {
            value = unwrap_primitive(ctx, object)?;
        }
        match value {
            // 5. If value is null then return "null".
            Value::Null => self.push_ascii("null"),
            // 6. If value is true then return "true". 7. If false, return "false".
            Value::Bool(b) => self.push_ascii(if b { "true" } else { "false" }),
            // 8. If Type(value) is String, then return the result of calling Quote(value).
            Value::String(s) => s.with_units(&ctx, |units| quote(&mut self.out, &units)),
            // 9. If Type(value) is Number: if finite, return ToString(value); else "null".
            Value::Number(n) if n.is_finite() => self.push_ascii(&convert::number_to_string(n)),
            Value::Number(_) => self.push_ascii("null"),
            // 10. If Type(value) is Object, and IsCallable(value) is false: JA or JO.
            Value::Object(object) if !object.is_callable() => {
                return Ok(Serialized::Nested(object))
            }
            // 11. Return undefined.
            _ => return Ok(Serialized::Undefined),
        }
        Ok(Serialized::Written)
    }

    /// The common opening steps of JO and JA, and their first bracket.
    fn open(&mut self, object: Object<'gc>) -> Result<(), Throw<'gc>> {
        let ctx = self.ctx;
        // 1. If stack contains value then throw a TypeError exception because the structure
        //    is cyclical.
        if !self.open.insert(object.address()) {
            return Err(ctx.type_error("Converting circular structure to JSON"));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(ctx.range_error("JSON.stringify: objects nested too deeply"));
        }
        // 2. Append value to stack. 3. Let stepback be indent. 4. Let indent be the
        //    concatenation of indent and gap.
        self.indent.extend_from_slice(&self.gap);
        let items = if matches!(object.borrow().class, Class::Array) {
            // JA 5. Let len be the result of calling the [[Get]] internal method of value with
            //       argument "length".
            let length = ops::get(ctx, Value::Object(object), ctx.realm().atoms.length)?;
            let length = convert::to_uint32(ops::to_number(ctx, length)?);
            // Each element takes at least one unit and a comma: refuse at once an array whose
            // text could not be a string, rather than write gigabytes first.
            if (length as usize).saturating_mul(2) > MAX_LENGTH {
                return Err(ctx.range_error("Invalid string length"));
            }
            self.out.push(u16::from(b'['));
            Items::Indices { next: 0, length }
        } else {
            // JO 5. If PropertyList is not undefined, then let K be PropertyList.
            // JO 6. Else let K be the names of the own enumerable properties of value, in the
            //       order for-in uses.
            let keys = match &self.property_list {
                Some(list) => list.clone(),
                None => own_enumerable_keys(object),
            };
            self.out.push(u16::from(b'{'));
            Items::Keys { keys, next: 0 }
        };
        self.stack.push(Frame {
            object,
            items,
            written: 0,
        });
        Ok(())
    }

    /// Writes the separator before a member or element: a comma after the first, and with a
    /// gap a newline and the indent (JO step 10.b, JA step 10.b).
    fn separator(&mut self, first: bool) {
        if !first {
            self.out.push(u16::from(b','));
        }
        if !self.gap.is_empty() {
            self.out.push(u16::from(b'\n'));
            self.out.extend_from_slice(&self.indent);
        }
    }

    /// Closes the innermost object or array (JO steps 9-12, JA steps 9-12).
    fn close(&mut self) {
        let frame = self
            .stack
            .pop()
            .expect("close is called with an open frame");
        self.open.remove(&frame.object.address());
        // 12. Let indent be stepback.
        let stepback = self.indent.len().saturating_sub(self.gap.len());
        self.indent.truncate(stepback);
        // 9/10.a: "{}" or "[]" when empty; without a gap, the members joined by commas; with
        // one, each on its own line and the closing bracket on a line at the outer indent.
        if frame.written > 0 && !self.gap.is_empty() {
            self.out.push(u16::from(b'\n'));
            self.out.extend_from_slice(&self.indent);
        }
        let bracket = match frame.items {
            Items::Indices { .. } => b']',
            Items::Keys { .. } => b'}',
        };
        self.out.push(u16::from(bracket));
    }

    /// Serializes `wrapper[""]`: Str("", wrapper) with JO and JA run on the explicit stack.
    fn run(&mut self, wrapper: Object<'gc>, empty: PropertyKey<'gc>) -> Result<bool, Throw<'gc>> {
        match self.str(empty, wrapper)? {
            Serialized::Undefined => return Ok(false),
            Serialized::Written => {}
            Serialized::Nested(object) => self.open(object)?,
        }
        while let Some(frame) = self.stack.last_mut() {
            if self.out.len() > MAX_LENGTH {
                return Err(self.ctx.range_error("Invalid string length"));
            }
            let object = frame.object;
            let first = frame.written == 0;
            match &mut frame.items {
                // JA 8. Repeat while index < len:
                Items::Indices { next, length } => {
                    if *next >= *length {
                        self.close();
                        continue;
                    }
                    let key = PropertyKey::Index(*next);
                    *next += 1;
                    frame.written += 1;
                    self.separator(first);
                    // a. Let strP be the result of calling Str with ToString(index) and value.
                    match self.str(key, object)? {
                        // b. If strP is undefined, append "null" to partial.
                        Serialized::Undefined => self.push_ascii("null"),
                        // c. Else append strP to partial.
                        Serialized::Written => {}
                        Serialized::Nested(inner) => self.open(inner)?,
                    }
                }
                // JO 8. For each element P of K:
                Items::Keys { keys, next } => {
                    let Some(&key) = keys.get(*next) else {
                        self.close();
                        continue;
                    };
                    *next += 1;
                    // The member's text goes out before its value; an undefined value takes
                    // it back.
                    let mark = self.out.len();
                    self.separator(first);
                    // c.i-iv. member = Quote(P) ":" (and a space with a gap) strP.
                    let name = ops::key_to_string(self.ctx, key);
                    name.with_units(&self.ctx, |units| quote(&mut self.out, &units));
                    self.out.push(u16::from(b':'));
                    if !self.gap.is_empty() {
                        self.out.push(u16::from(b' '));
                    }
                    // a. Let strP be the result of calling Str with P and value.
                    match self.str(key, object)? {
                        // b. If strP is not undefined, append member to partial.
                        Serialized::Undefined => self.out.truncate(mark),
                        Serialized::Written => self.count_member(),
                        Serialized::Nested(inner) => {
                            self.count_member();
                            self.open(inner)?;
                        }
                    }
                }
            }
        }
        if self.out.len() > MAX_LENGTH {
            return Err(self.ctx.range_error("Invalid string length"));
        }
        Ok(true)
    }

    /// Counts a member written to the innermost object.
    fn count_member(&mut self) {
        if let Some(frame) = self.stack.last_mut() {
            frame.written += 1;
        }
    }
}

/// 15.12.3 steps 4.b: the PropertyList of a replacer array — the strings and numbers (or
/// String and Number objects) among its array-index properties, in index order, each name
/// once.
fn property_list<'gc>(
    ctx: Ctx<'gc>,
    replacer: Object<'gc>,
) -> Result<Vec<PropertyKey<'gc>>, Throw<'gc>> {
    let indices: Vec<PropertyKey<'gc>> = replacer
        .borrow()
        .properties
        .keys()
        .into_iter()
        .filter(|k| matches!(k, PropertyKey::Index(_)))
        .collect();
    let mut list: Vec<PropertyKey<'gc>> = Vec::new();
    for index in indices {
        // For each value v of a property of replacer that has an array index property name:
        let v = ops::get(ctx, Value::Object(replacer), index)?;
        // 1-4. item is v for a String, ToString(v) for a Number or a String or Number object,
        //      otherwise undefined.
        let item = match v {
            Value::String(_) | Value::Number(_) => Some(v),
            Value::Object(o) if matches!(o.borrow().class, Class::String(_) | Class::Number(_)) => {
                Some(Value::String(ops::to_string(ctx, v)?))
            }
            _ => None,
        };
        // 5. If item is not undefined and item is not currently an element of PropertyList
        //    then append item to the end of PropertyList.
        if let Some(item) = item {
            let key = ops::to_property_key(ctx, item)?;
            if !list.contains(&key) {
                list.push(key);
            }
        }
    }
    Ok(list)
}

/// 15.12.3 JSON.stringify(value [, replacer [, space]])
fn stringify<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let (value, replacer, space) = (arg(args, 0), arg(args, 1), arg(args, 2));
    // 1-3. stack empty, indent empty, PropertyList and ReplacerFunction undefined.
    let mut replacer_function = None;
    let mut list = None;
    // 4. If Type(replacer) is Object, then
    if let Value::Object(object) = replacer {
        if object.is_callable() {
            // a. If IsCallable(replacer) is true, then let ReplacerFunction be replacer.
            replacer_function = Some(replacer);
        } else if matches!(object.borrow().class, Class::Array) {
            // b. Else if the [[Class]] internal property of replacer is "Array", then
            //    build PropertyList.
            list = Some(property_list(ctx, object)?);
        }
    }
    // 5. If Type(space) is Object: a Number object becomes ToNumber(space), a String object
    //    ToString(space).
    let space = match space {
        Value::Object(object) => unwrap_primitive(ctx, object)?,
        _ => space,
    };
    let gap: Vec<u16> = match space {
        // 6. If Type(space) is Number: let space be min(10, ToInteger(space)), and gap that
        //    many spaces (none if space < 1).
        Value::Number(n) => {
            let count = convert::to_integer(n).clamp(0.0, 10.0) as usize;
            vec![u16::from(b' '); count]
        }
        // 7. Else if Type(space) is String: gap is its first 10 characters (or all of it).
        Value::String(s) => s.with_units(&ctx, |units| {
            (0..units.len().min(10))
                .filter_map(|i| units.get(i))
                .collect()
        }),
        // 8. Else let gap be the empty String.
        _ => Vec::new(),
    };
    // 9. Let wrapper be a new object created as if by the expression new Object().
    let wrapper = new_object(ctx);
    // 10. Call the [[DefineOwnProperty]] internal method of wrapper with the empty String,
    //     the PropertyDescriptor {[[Value]]: value, [[Writable]]: true, [[Enumerable]]: true,
    //     [[Configurable]]: true}, and false.
    let empty = ctx.realm().key(ctx, "");
    wrapper.set_own_value(&ctx, empty, value, Attributes::ALL);
    // 11. Return the result of calling the abstract operation Str with the empty String and
    //     wrapper.
    let mut stringifier = Stringifier {
        ctx,
        replacer: replacer_function,
        to_json: ctx.realm().key(ctx, "toJSON"),
        property_list: list,
        gap,
        indent: Vec::new(),
        stack: Vec::new(),
        open: HashSet::default(),
        out: Vec::new(),
    };
    if stringifier.run(wrapper, empty)? {
        Ok(Value::String(JsString::from_units(&ctx, &stringifier.out)))
    } else {
        Ok(Value::Undefined)
    }
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    // 15.12: the JSON object's [[Prototype]] is Object.prototype and its [[Class]] "JSON";
    // it cannot be called or constructed.
    let json = Object::new_dictionary(&ctx, Some(realm.object_prototype), Class::Json);
    realm.define_functions(
        ctx,
        json,
        &[("parse", parse, 2), ("stringify", stringify, 3)],
    );
    // The global `JSON` is writable and configurable, not enumerable.
    let key = realm.key(ctx, "JSON");
    realm
        .global
        .set_own_value(&ctx, key, Value::Object(json), Attributes::HIDDEN);
}
