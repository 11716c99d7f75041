//! Identifier names that are not plain ASCII (§7.6): Unicode letters, and `\uXXXX` escapes.
//!
//! The automaton matches ASCII names by itself; this scanner takes over when a name starts
//! with, or continues into, a non-ASCII character or a backslash.

use super::number::hex_digit_value;
use super::unicode::{is_id_part, is_id_start};
use crate::ast::Span;
use crate::error::SyntaxError;
use crate::token::IdentName;
use bumpalo::Bump;

/// Scans the identifier name starting at byte `start`. Returns the name (decoded, in the arena,
/// if it used escapes; a slice of the source otherwise) and the offset just past it.
pub(super) fn scan_identifier<'a>(
    source: &'a str,
    start: usize,
    arena: &'a Bump,
) -> Result<(IdentName<'a>, usize), SyntaxError> {
    let bytes = source.as_bytes();
    let mut i = start;
    let mut escaped = false;
    loop {
        let at_start = i == start;
        let valid = if at_start { is_id_start } else { is_id_part };
        match bytes.get(i) {
            None => break,
            Some(b'\\') => {
                // An escape must denote a character that would be allowed right here written
                // out: `\u0031abc` is not a name, since `1` cannot start one.
                match unicode_escape(bytes, i) {
                    Some(c) if valid(c) => {
                        escaped = true;
                        i += 6;
                    }
                    _ => return Err(bad_escape(bytes, i)),
                }
            }
            Some(&b) if b < 0x80 => {
                if !valid(char::from(b)) {
                    break;
                }
                i += 1;
            }
            Some(_) => match source.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if valid(c) => i += c.len_utf8(),
                _ => break,
            },
        }
    }
    if i == start {
        // Callers only come here for a backslash or a character that can start a name, so
        // this is unreachable; report the character rather than return an empty token.
        let len = source
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        let span = Span::new(start, start + len);
        return Err(SyntaxError::new("Invalid or unexpected token", span));
    }
    let raw = &source[start..i];
    let name = if escaped { decode(raw, arena) } else { raw };
    Ok((IdentName { name, escaped }, i))
}

/// The character a `\uXXXX` escape at byte `i` denotes, if it is one (four hex digits, and not
/// a surrogate code unit, which is no character at all).
fn unicode_escape(bytes: &[u8], i: usize) -> Option<char> {
    if bytes.get(i + 1) != Some(&b'u') {
        return None;
    }
    let digits = bytes.get(i + 2..i + 6)?;
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0u32, |acc, &d| acc * 16 + u32::from(hex_digit_value(d)));
    char::from_u32(value)
}

/// The error for a backslash at byte `i` that is not a valid escape here, spanning as much of
/// `\uXXXX` as is present.
fn bad_escape(bytes: &[u8], i: usize) -> SyntaxError {
    let mut end = i + 1;
    if bytes.get(end) == Some(&b'u') {
        end += 1;
        while end < i + 6 && bytes.get(end).is_some_and(u8::is_ascii_hexdigit) {
            end += 1;
        }
    }
    SyntaxError::new("Invalid Unicode escape sequence", Span::new(i, end))
}

/// `raw` (a validated name) with its escapes replaced by the characters they denote. A `\uXXXX`
/// escape is six bytes and its character at most four, so `raw.len()` bytes always suffice.
fn decode<'a>(raw: &str, arena: &'a Bump) -> &'a str {
    let mut out = bumpalo::collections::String::with_capacity_in(raw.len(), arena);
    let bytes = raw.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            out.push_str(&raw[copied..i]);
            if let Some(c) = unicode_escape(bytes, i) {
                out.push(c);
            }
            i += 6;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(raw.get(copied..).unwrap_or(""));
    out.into_bump_str()
}
