//! Regular expression literals (§7.8.5), scanned by hand once the context (see `context.rs`)
//! says a `/` starts one.
//!
//! The lexer only finds where the literal ends; the pattern is kept as written (as code units,
//! since source text from a JavaScript string may put a lone surrogate in it) and checked
//! later, when the `RegExp` object is created (§7.8.5 allows reporting pattern errors then, or
//! as early errors). Finding the end is not quite "up to the next `/`": a `/` escaped with a
//! backslash or inside a character class `[...]` does not end it (`/[/]/` is one literal).

use super::string::is_ls_or_ps;
use super::unicode::is_id_part;
use crate::ast::{RegexLit, Span};
use crate::error::SyntaxError;
use crate::source::Source;
use bumpalo::collections::Vec as BumpVec;
use bumpalo::Bump;

/// Scans the regular expression literal whose opening `/` is at byte `start`. Returns the
/// pattern (its code units, in the arena) and flags (a slice of the source), and the offset
/// just past the flags.
pub(super) fn scan_regex<'a>(
    source: Source<'a>,
    start: usize,
    arena: &'a Bump,
) -> Result<(RegexLit<'a>, usize), SyntaxError> {
    let bytes = source.text.as_bytes();
    let unterminated =
        |at: usize| SyntaxError::new("Unterminated regular expression", Span::new(start, at));
    let body_start = start + 1;
    let mut i = body_start;
    let mut in_class = false;
    let body_end = loop {
        let Some(&b) = bytes.get(i) else {
            return Err(unterminated(i));
        };
        match b {
            // No line terminator may appear in a literal, not even escaped.
            b'\n' | b'\r' => return Err(unterminated(i)),
            0xE2 if is_ls_or_ps(bytes, i) => return Err(unterminated(i)),
            b'\\' => {
                i += 1;
                match bytes.get(i) {
                    None | Some(b'\n' | b'\r') => return Err(unterminated(i)),
                    _ if is_ls_or_ps(bytes, i) => return Err(unterminated(i)),
                    // The escaped character is skipped one byte at a time: the continuation
                    // bytes of a multi-byte character are never `/`, `[`, `]` or `\`.
                    _ => {}
                }
            }
            b'[' => in_class = true,
            b']' => in_class = false,
            b'/' if !in_class => break i,
            _ => {}
        }
        i += 1;
    };

    // Flags: any IdentifierPart characters, but not written as escapes (§7.8.5 forbids
    // `\uXXXX` there, since the flags' meaning would then depend on decoding).
    let flags_start = body_end + 1;
    let mut end = flags_start;
    loop {
        match bytes.get(end) {
            Some(b'\\') => {
                let span = Span::new(end, end + 1);
                return Err(SyntaxError::new("Invalid regular expression flags", span));
            }
            Some(&b) if b < 0x80 => {
                if !is_id_part(char::from(b)) {
                    break;
                }
                end += 1;
            }
            Some(_) => match source.text.get(end..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_id_part(c) => end += c.len_utf8(),
                _ => break,
            },
            None => break,
        }
    }
    let mut pattern = BumpVec::with_capacity_in(body_end - body_start, arena);
    source.extend_units(body_start..body_end, &mut pattern);
    let lit = RegexLit {
        pattern: pattern.into_bump_slice(),
        flags: source.text.get(flags_start..end).unwrap_or_default(),
    };
    Ok((lit, end))
}
