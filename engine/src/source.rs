//! Source text, which in ECMAScript is a sequence of UTF-16 code units (§6), not of Unicode
//! characters: `eval(String.fromCharCode(0xD800))` hands the parser a *lone surrogate*, a code
//! unit that no Rust `&str` can hold.
//!
//! ## The design: UTF-8 with stand-ins, and a list of what they stand for
//!
//! The front end reads `&str`: the `logos` automaton, the identifier scanner and every slice
//! that becomes a name are UTF-8, and that is what makes lexing fast. Rather than teach all of
//! them a second encoding, source text that holds lone surrogates is given to them as UTF-8
//! with each lone surrogate replaced by U+FFFD (REPLACEMENT CHARACTER), and the positions of
//! those stand-ins are listed, with the code unit each replaces ([`LoneSurrogate`]). Source
//! text from a file is valid UTF-8 and has an empty list, so the common path pays for nothing
//! but a check that a slice is empty.
//!
//! Lexing the stand-in gives exactly the tokens and errors the lone surrogate would:
//!
//! - **Same lexical class.** A lone surrogate (general category Cs) and U+FFFD (So) are both
//!   SourceCharacters that are neither WhiteSpace (Zs and a few listed ones), a
//!   LineTerminator, nor an IdentifierStart or IdentifierPart (letters, marks, digits,
//!   connector punctuation). So both are an error outside literals and comments (an
//!   identifier cannot contain one, and no token starts with one), and both are simply
//!   themselves inside a comment, a string literal (including after a backslash, where either
//!   is a NonEscapeCharacter) or a regular expression literal (a RegularExpressionChar).
//! - **Same length.** U+FFFD is three bytes of UTF-8, exactly as long as a surrogate in WTF-8
//!   (the generalisation of UTF-8 that encodes lone surrogates the way UTF-8 would if it
//!   could). Byte offsets, and so spans, line and column numbers, are those of the WTF-8 text.
//!
//! Only the *values* read out of the text differ, and the three places that read them get the
//! real code units from [`Source::extend_units`]: the value of a string literal, the body of a
//! regular expression literal (its `source` is the text as written), and a function's source
//! text (`Function.prototype.toString`).
//!
//! The alternatives were worse: a WTF-8 `&[u8]` lexer means byte-level `logos`, and checking or
//! converting every identifier back to `&str` (or `unsafe`); rewriting lone surrogates as
//! `\uXXXX` escapes keeps string values but changes a regular expression's `source` and a
//! function's source text, and needs a lexer to tell where the escapes would be valid.

use crate::string::{JsString, Units};
use gc_arena::Mutation;
use std::borrow::Cow;
use std::ops::Range;

/// What stands in for a lone surrogate in the UTF-8 text.
pub const STAND_IN: char = char::REPLACEMENT_CHARACTER;

/// A lone surrogate in source text: the byte offset of the [`STAND_IN`] that replaces it, and
/// the code unit it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoneSurrogate {
    pub offset: usize,
    pub unit: u16,
}

/// Source text as the lexer reads it: UTF-8, and the lone surrogates that some of its U+FFFD
/// characters stand for (sorted by offset; empty for text that came as UTF-8).
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub text: &'a str,
    pub surrogates: &'a [LoneSurrogate],
}

impl<'a> From<&'a str> for Source<'a> {
    /// Text that is all characters: no lone surrogates.
    fn from(text: &'a str) -> Source<'a> {
        Source {
            text,
            surrogates: &[],
        }
    }
}

impl<'a> From<&'a String> for Source<'a> {
    fn from(text: &'a String) -> Source<'a> {
        Source::from(text.as_str())
    }
}

impl<'a> From<&'a SourceText> for Source<'a> {
    fn from(source: &'a SourceText) -> Source<'a> {
        source.as_source()
    }
}

impl Source<'_> {
    /// Appends the code units of the text at byte `range` (which must lie on character
    /// boundaries; a range that does not adds nothing) to `out`.
    pub fn extend_units(&self, range: Range<usize>, out: &mut impl Extend<u16>) {
        let Some(text) = self.text.get(range.clone()) else {
            return;
        };
        // The surrogates inside `range`: usually none, and then UTF-16 is all there is to it.
        let first = self.surrogates.partition_point(|s| s.offset < range.start);
        let last = self.surrogates.partition_point(|s| s.offset < range.end);
        let Some(inside) = self.surrogates.get(first..last).filter(|s| !s.is_empty()) else {
            out.extend(text.encode_utf16());
            return;
        };
        let mut next = inside.iter().peekable();
        let mut units = [0u16; 2];
        for (i, c) in text.char_indices() {
            match next.next_if(|s| s.offset == range.start + i) {
                Some(surrogate) => out.extend([surrogate.unit]),
                None => out.extend(c.encode_utf16(&mut units).iter().copied()),
            }
        }
    }
}

/// Owned source text: the text with its stand-ins, and the surrogates they stand for. Made from
/// a JavaScript string (the argument of `eval` or `process.compile`, the parts of a
/// `Function`), or from Rust text. Text built into the program (node's own scripts) is
/// borrowed, not copied.
#[derive(Clone, Debug, Default)]
pub struct SourceText {
    pub text: Cow<'static, str>,
    pub surrogates: Vec<LoneSurrogate>,
}

impl SourceText {
    /// Source text of the given code units.
    pub fn from_units(units: &[u16]) -> SourceText {
        let mut text = String::new();
        let mut surrogates = Vec::new();
        push_units(&mut text, &mut surrogates, units);
        SourceText {
            text: Cow::Owned(text),
            surrogates,
        }
    }

    /// Source text built into the program, borrowed as it is.
    pub fn built_in(text: &'static str) -> SourceText {
        SourceText {
            text: Cow::Borrowed(text),
            surrogates: Vec::new(),
        }
    }

    /// The borrowed form, for the parser.
    pub fn as_source(&self) -> Source<'_> {
        Source {
            text: &self.text,
            surrogates: &self.surrogates,
        }
    }

    /// Source text that is the concatenation of `parts`.
    pub fn concat(parts: &[Source<'_>]) -> SourceText {
        let mut text = String::with_capacity(parts.iter().map(|part| part.text.len()).sum());
        let mut surrogates = Vec::new();
        for part in parts {
            let shift = text.len();
            text.push_str(part.text);
            surrogates.extend(part.surrogates.iter().map(|s| LoneSurrogate {
                offset: s.offset + shift,
                unit: s.unit,
            }));
        }
        SourceText {
            text: Cow::Owned(text),
            surrogates,
        }
    }

    /// Source text of a JavaScript string.
    pub fn from_string<'gc>(mc: &Mutation<'gc>, string: JsString<'gc>) -> SourceText {
        string.with_units(mc, |units| match units {
            // Each byte is one code unit, so never a surrogate.
            Units::Latin1(bytes) => {
                SourceText::from(bytes.iter().map(|&b| char::from(b)).collect::<String>())
            }
            Units::Utf16(units) => SourceText::from_units(units),
        })
    }

    /// The code units of the text at byte `range` (see [`Source::extend_units`]).
    pub fn units(&self, range: Range<usize>) -> Vec<u16> {
        let mut out = Vec::with_capacity(range.len());
        self.as_source().extend_units(range, &mut out);
        out
    }
}

impl From<String> for SourceText {
    fn from(text: String) -> SourceText {
        SourceText {
            text: Cow::Owned(text),
            surrogates: Vec::new(),
        }
    }
}

/// Appends code units to `text`: characters as UTF-8, each lone surrogate as a stand-in
/// (recorded in `surrogates`).
fn push_units(text: &mut String, surrogates: &mut Vec<LoneSurrogate>, units: &[u16]) {
    text.reserve(units.len());
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) => text.push(c),
            Err(lone) => {
                surrogates.push(LoneSurrogate {
                    offset: text.len(),
                    unit: lone.unpaired_surrogate(),
                });
                text.push(STAND_IN);
            }
        }
    }
}

impl From<&str> for SourceText {
    fn from(text: &str) -> SourceText {
        SourceText::from(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_stand_ins_at_their_wtf8_offsets() {
        // "a", U+D800, "é", a valid pair (U+1F600), U+DC00.
        let units = [0x61, 0xD800, 0xE9, 0xD83D, 0xDE00, 0xDC00];
        let source = SourceText::from_units(&units);
        assert_eq!(source.text, "a\u{FFFD}é\u{1F600}\u{FFFD}");
        let offsets: Vec<_> = source.surrogates.iter().map(|s| s.offset).collect();
        assert_eq!(offsets, [1, 10]);
        assert_eq!(source.units(0..source.text.len()), units);
        // A part of the text, and a stand-in that is a real U+FFFD.
        assert_eq!(source.units(4..13), [0xE9, 0xD83D, 0xDE00, 0xDC00]);
        let lone = SourceText::from_units(&[0xDFFF]);
        let mixed = SourceText::concat(&["\u{FFFD}".into(), lone.as_source()]);
        assert_eq!(mixed.units(0..6), [0xFFFD, 0xDFFF]);
    }

    #[test]
    fn a_range_off_character_boundaries_adds_nothing() {
        let source = SourceText::from_units(&[0xD800]);
        assert_eq!(source.units(1..3), []);
    }
}
