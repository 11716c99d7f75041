//! String literals (§7.8.4, with the octal escapes of Annex B.1.2).
//!
//! A string's value is a sequence of UTF-16 code units: that is what JavaScript strings are,
//! and `"\uD800"` (a lone surrogate) is a perfectly good string even though no `&str` can hold
//! it. Values live in the arena. A lone surrogate can also be in the literal itself, when the
//! source came from a JavaScript string: the text then has a U+FFFD standing in for it, and
//! the value gets the surrogate that the [`Source`] lists for that offset.
//!
//! Most strings have no escapes, so scanning is split in two: a fast loop looks for the closing
//! quote and converts the text directly; only when it meets a backslash does the slower decoder
//! run, after a second loop has found where the literal ends (so that the decoder's output
//! buffer can be allocated once, at its final size: escapes only ever shrink the text).

use super::number::hex_digit_value;
use crate::ast::{Span, StringLit};
use crate::error::SyntaxError;
use crate::source::Source;
use bumpalo::collections::Vec as BumpVec;
use bumpalo::Bump;

/// Scans the string literal whose opening quote is at byte `start`. Returns its value and the
/// offset just past its closing quote.
pub(super) fn scan_string<'a>(
    source: Source<'_>,
    start: usize,
    arena: &'a Bump,
) -> Result<(StringLit<'a>, usize), SyntaxError> {
    let bytes = source.text.as_bytes();
    let quote = bytes.get(start).copied().unwrap_or(b'"');
    let content_start = start + 1;
    let mut i = content_start;
    let mut ascii = true;
    // Fast path: no escapes.
    while let Some(&b) = bytes.get(i) {
        if b == quote {
            let value = if ascii {
                let text = bytes.get(content_start..i).unwrap_or_default();
                arena.alloc_slice_fill_iter(text.iter().map(|&b| u16::from(b)))
            } else {
                // Never more UTF-16 code units than UTF-8 bytes, so one allocation.
                let mut out = BumpVec::with_capacity_in(i - content_start, arena);
                source.extend_units(content_start..i, &mut out);
                out.into_bump_slice()
            };
            let lit = StringLit {
                value,
                has_octal_escape: false,
            };
            return Ok((lit, i + 1));
        }
        match b {
            b'\\' => return scan_escaped(source, start, i, arena),
            b'\n' | b'\r' => break,
            0xE2 if is_ls_or_ps(bytes, i) => break,
            _ => ascii &= b < 0x80,
        }
        i += 1;
    }
    Err(unterminated(start, i))
}

/// The error for a string literal that reaches a line terminator or the end of the input.
fn unterminated(start: usize, at: usize) -> SyntaxError {
    SyntaxError::new("Unterminated string literal", Span::new(start, at))
}

/// Whether the bytes at `i` encode U+2028 or U+2029 (E2 80 A8 / E2 80 A9 in UTF-8).
pub(super) fn is_ls_or_ps(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xE2)
        && bytes.get(i + 1) == Some(&0x80)
        && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9))
}

/// The slow path: a string literal with at least one backslash, the first at `first_escape`.
fn scan_escaped<'a>(
    source: Source<'_>,
    start: usize,
    first_escape: usize,
    arena: &'a Bump,
) -> Result<(StringLit<'a>, usize), SyntaxError> {
    let bytes = source.text.as_bytes();
    let quote = bytes.get(start).copied().unwrap_or(b'"');
    // First find the end. A backslash hides the character after it; every byte of a multi-byte
    // character after the first is a continuation byte (0x80..=0xBF), which can never be
    // mistaken for a quote, backslash or line terminator, so skipping one byte is enough. The
    // one escaped "character" that is two is CRLF, a single line continuation.
    let mut i = first_escape;
    let end = loop {
        let Some(&b) = bytes.get(i) else {
            return Err(unterminated(start, i));
        };
        match b {
            _ if b == quote => break i,
            b'\\' => {
                i += 1;
                if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' | b'\r' => return Err(unterminated(start, i)),
            0xE2 if is_ls_or_ps(bytes, i) => return Err(unterminated(start, i)),
            _ => {}
        }
        i += 1;
    };

    let content_start = start + 1;
    let text = source.text.get(content_start..end).unwrap_or_default();
    let mut decoder = Decoder {
        text,
        source,
        offset: content_start,
        out: BumpVec::with_capacity_in(text.len(), arena),
        has_octal_escape: false,
    };
    decoder.run()?;
    let lit = StringLit {
        has_octal_escape: decoder.has_octal_escape,
        value: decoder.out.into_bump_slice(),
    };
    Ok((lit, end + 1))
}

/// Decodes the text between the quotes of a string literal known to end properly.
struct Decoder<'s, 'a> {
    /// The literal's contents, without the quotes.
    text: &'s str,
    /// The whole source, for what its stand-ins stand for.
    source: Source<'s>,
    /// Where `text` starts in the source, for error spans and stand-ins.
    offset: usize,
    out: BumpVec<'a, u16>,
    has_octal_escape: bool,
}

impl Decoder<'_, '_> {
    fn run(&mut self) -> Result<(), SyntaxError> {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'\\' {
                i = self.escape(i)?;
            } else if b < 0x80 {
                self.out.push(u16::from(b));
                i += 1;
            } else {
                i = self.push_char_at(i);
            }
        }
        Ok(())
    }

    /// Appends the (non-ASCII) character at byte `i` as UTF-16, or the lone surrogate it stands
    /// in for; returns the offset after it.
    fn push_char_at(&mut self, i: usize) -> usize {
        // Unreachable: `i` always sits on a character boundary. Stop rather than loop.
        let Some(c) = self.text.get(i..).and_then(|rest| rest.chars().next()) else {
            return self.text.len();
        };
        let at = self.offset + i;
        self.source
            .extend_units(at..at + c.len_utf8(), &mut self.out);
        i + c.len_utf8()
    }

    /// Decodes the escape sequence whose backslash is at byte `backslash`; returns the offset
    /// after it.
    fn escape(&mut self, backslash: usize) -> Result<usize, SyntaxError> {
        let bytes = self.text.as_bytes();
        let i = backslash + 1;
        // The scan that found the end guarantees a character after every backslash.
        let Some(&b) = bytes.get(i) else {
            return Ok(i);
        };
        let simple = match b {
            b'b' => Some(0x08),
            b't' => Some(0x09),
            b'n' => Some(0x0A),
            b'v' => Some(0x0B),
            b'f' => Some(0x0C),
            b'r' => Some(0x0D),
            _ => None,
        };
        if let Some(unit) = simple {
            self.out.push(unit);
            return Ok(i + 1);
        }
        match b {
            b'x' => {
                let unit = self.hex_digits(i + 1, 2).ok_or_else(|| {
                    self.error("Invalid hexadecimal escape sequence", backslash, i + 1)
                })?;
                self.out.push(unit);
                Ok(i + 3)
            }
            // ES2015's `\u{1F600}`: a code point of any number of hex digits up to 10FFFF,
            // two units past FFFF. (ES5 had no such form: it was an error, so no script of
            // the time meant anything else by it.)
            b'u' if bytes.get(i + 1) == Some(&b'{') => {
                let digits = &bytes[i + 2..];
                let len = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                let value = digits[..len].iter().try_fold(0u32, |acc, &d| {
                    let acc = acc * 16 + u32::from(hex_digit_value(d));
                    (acc <= 0x10FFFF).then_some(acc)
                });
                let (Some(value), Some(b'}')) = (value.filter(|_| len > 0), digits.get(len)) else {
                    return Err(self.error("Invalid Unicode escape sequence", backslash, i + 1));
                };
                let mut units = [0; 2];
                let c = char::from_u32(value);
                match c {
                    Some(c) => self.out.extend_from_slice(c.encode_utf16(&mut units)),
                    // A surrogate code point stands alone, as `\uD800` does.
                    None => self.out.push(value as u16),
                }
                Ok(i + 2 + len + 1)
            }
            b'u' => {
                let unit = self.hex_digits(i + 1, 4).ok_or_else(|| {
                    self.error("Invalid Unicode escape sequence", backslash, i + 1)
                })?;
                // May be a lone surrogate; a string can hold one.
                self.out.push(unit);
                Ok(i + 5)
            }
            // `\0` not followed by a digit is the NUL character, not an octal escape.
            b'0' if !bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                self.out.push(0);
                Ok(i + 1)
            }
            b'0'..=b'7' => {
                // OctalEscapeSequence (Annex B.1.2): the longest run of up to three octal
                // digits whose value stays within 0..=255 (`\377`), so a leading 4-7 takes at
                // most one more digit. Strict code forbids these, hence the flag.
                self.has_octal_escape = true;
                let first = u16::from(b - b'0');
                let max_len = if first <= 3 { 3 } else { 2 };
                let mut value = first;
                let mut j = i + 1;
                while j < i + max_len {
                    match bytes.get(j) {
                        Some(&d @ b'0'..=b'7') => value = value * 8 + u16::from(d - b'0'),
                        _ => break,
                    }
                    j += 1;
                }
                self.out.push(value);
                Ok(j)
            }
            // `\8` and `\9` are not octal, but not valid escapes in strict code either; outside
            // it they mean the digit itself.
            b'8' | b'9' => {
                self.has_octal_escape = true;
                self.out.push(u16::from(b));
                Ok(i + 1)
            }
            // Line continuations: the backslash and the line terminator contribute nothing.
            b'\n' => Ok(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => Ok(i + 2),
            b'\r' => Ok(i + 1),
            _ if is_ls_or_ps(bytes, i) => Ok(i + 3),
            // Any other character stands for itself (`\a` is "a", `\"` is `"`).
            _ if b < 0x80 => {
                self.out.push(u16::from(b));
                Ok(i + 1)
            }
            _ => Ok(self.push_char_at(i)),
        }
    }

    /// The value of exactly `count` hex digits at byte `at`, or `None` if there are fewer.
    fn hex_digits(&self, at: usize, count: usize) -> Option<u16> {
        let digits = self.text.as_bytes().get(at..at + count)?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        Some(
            digits
                .iter()
                .fold(0u16, |acc, &d| acc * 16 + u16::from(hex_digit_value(d))),
        )
    }

    /// An error about the escape sequence from `backslash` up to the digits at `digits_at`,
    /// covering the digits that are there.
    fn error(&self, message: &str, backslash: usize, digits_at: usize) -> SyntaxError {
        let bytes = self.text.as_bytes();
        let mut end = digits_at;
        while end < bytes.len() && end < digits_at + 4 && bytes[end].is_ascii_hexdigit() {
            end += 1;
        }
        SyntaxError::new(
            message,
            Span::new(self.offset + backslash, self.offset + end),
        )
    }
}
