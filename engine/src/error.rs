//! Errors the front end reports (every one of them is a JavaScript `SyntaxError`), and the
//! mapping from byte offsets to lines and columns that both error messages and the `--dump-*`
//! output use.

use crate::ast::Span;
use std::fmt;
use std::fmt::Write as _;

/// A syntax error (including the "early errors" the spec requires before any code runs), with
/// the span of source text it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    /// A syntax error about the text at `span`.
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            span,
        }
    }

    /// The error as `node` prints it: where it is, the offending source line with a caret under
    /// the span, and the message.
    ///
    /// ```text
    /// /path/to/file.js:3:7
    ///   var x = = 2;
    ///           ^
    /// SyntaxError: Unexpected token '='
    /// ```
    ///
    /// The line and column are those of the span's start (see [`Position`] for how they are
    /// counted). The carets cover the part of the span on that line, at least one. A span
    /// outside the source or inside a character is clamped, never a panic: the span may come
    /// from anywhere, and an error message must always be printable.
    pub fn render(&self, source: &str, filename: &str) -> String {
        let index = LineIndex::new(source);
        let start = index.clamp(self.span.start as usize);
        let end = index.clamp(self.span.end as usize).max(start);
        let position = index.position(start);
        let (line_start, line_end) = index.line_bounds(position.line);

        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{filename}:{}:{}", position.line, position.column);
        let line = source.get(line_start..line_end).unwrap_or("");
        let caret_at = start.saturating_sub(line_start).min(line.len());
        let caret_end = end.min(line_end).saturating_sub(line_start).max(caret_at);
        let (shown, before, marked) = caret_window(line, caret_at, caret_end);
        let _ = writeln!(out, "  {shown}");
        out.push_str("  ");
        out.push_str(&before);
        out.push_str(&"^".repeat(marked.max(1)));
        out.push('\n');
        let _ = write!(out, "{self}");
        out
    }
}

/// How many characters of context [`SyntaxError::render`] shows on either side of the caret.
/// A minified file can hold megabytes on one line; nobody wants all of it in an error message.
const CONTEXT_CHARS: usize = 80;

/// Cuts the part of `line` an error message shows around the byte range `from..to` (both on
/// character boundaries), and works out how to draw the caret under it.
///
/// Returns the text to show, the padding that puts the caret under `from` (a tab where the line
/// has a tab, so the caret lines up however wide the terminal draws tabs), and how many carets
/// cover `from..to` (at most up to the end of the shown text).
fn caret_window(line: &str, from: usize, to: usize) -> (String, String, usize) {
    let head = line.get(..from).unwrap_or("");
    let marked = line.get(from..to).unwrap_or("");
    let tail = line.get(to..).unwrap_or("");

    let head_chars = head.chars().count();
    let skip = head_chars.saturating_sub(CONTEXT_CHARS);
    let mut shown = String::new();
    let mut before = String::new();
    if skip > 0 {
        shown.push_str("...");
        before.push_str("   ");
    }
    for c in head.chars().skip(skip) {
        let c = displayable(c);
        shown.push(c);
        before.push(if c == '\t' { '\t' } else { ' ' });
    }
    let marked_count = marked.chars().count();
    let marked_shown = marked_count.min(CONTEXT_CHARS);
    shown.extend(marked.chars().take(marked_shown).map(displayable));
    let tail_room = CONTEXT_CHARS.saturating_sub(marked_shown);
    if marked_shown < marked_count {
        shown.push_str("...");
    } else {
        let tail_count = tail.chars().count();
        shown.extend(tail.chars().take(tail_room).map(displayable));
        if tail_count > tail_room {
            shown.push_str("...");
        }
    }
    (shown, before, marked_shown)
}

/// The character an error message shows for `c`: control characters (a NUL byte, an escape
/// sequence) would garble the terminal or the caret's alignment, so they show as `?`.
fn displayable(c: char) -> char {
    if c != '\t' && c.is_control() {
        '?'
    } else {
        c
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SyntaxError: {}", self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// A position in source text as people count it: 1-based line and column.
///
/// Lines are separated by JavaScript's line terminators: LF, CR, CRLF (one terminator),
/// U+2028 and U+2029. Columns count UTF-16 code units, as JavaScript engines do in their stack
/// traces and source maps, so a position printed here matches one a script computes from
/// its own strings: `é` is one column, `😀` two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Maps byte offsets of one source text to [`Position`]s in `O(log n)` each.
///
/// It is built once per source in one pass, so that dumping a large tree (a position for every
/// node) stays linear. It remembers where each line starts and, for the rare non-ASCII
/// characters, how many more UTF-8 bytes than UTF-16 units came before them: a column is then
/// the byte distance from the line's start less that difference.
#[derive(Debug)]
pub struct LineIndex<'s> {
    source: &'s str,
    /// Byte offset at which each line starts; `line_starts[0]` is 0.
    line_starts: Vec<usize>,
    /// For each non-ASCII character: its byte offset, and the total of `UTF-8 length − UTF-16
    /// length` over the non-ASCII characters up to and including it.
    wide: Vec<(usize, usize)>,
}

impl<'s> LineIndex<'s> {
    /// Indexes `source`.
    pub fn new(source: &'s str) -> LineIndex<'s> {
        let mut line_starts = vec![0];
        let mut wide = Vec::new();
        let mut excess = 0;
        let mut chars = source.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if !c.is_ascii() {
                excess += c.len_utf8() - c.len_utf16();
                wide.push((at, excess));
            }
            match c {
                '\r' => {
                    if let Some((_, '\n')) = chars.peek() {
                        continue;
                    }
                    line_starts.push(at + 1);
                }
                '\n' | '\u{2028}' | '\u{2029}' => line_starts.push(at + c.len_utf8()),
                _ => {}
            }
        }
        LineIndex {
            source,
            line_starts,
            wide,
        }
    }

    /// `offset` moved into the source: past the end becomes the end, inside a character
    /// becomes that character's start.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The line and column of byte `offset` (clamped as [`LineIndex::clamp`] does). The end of
    /// input is a position too: just after the last character.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        // The last line starting at or before `offset`; line_starts[0] == 0 guarantees one.
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        let line_start = self.line_starts[line - 1];
        let units =
            (offset - line_start) - (self.excess_before(offset) - self.excess_before(line_start));
        Position {
            line: saturate(line),
            column: saturate(units + 1),
        }
    }

    /// The positions of both ends of `span`.
    pub fn span(&self, span: Span) -> (Position, Position) {
        (
            self.position(span.start as usize),
            self.position(span.end as usize),
        )
    }

    /// Byte range of line `line` (1-based), without its line terminator. A line past the last
    /// is the empty range at the end of the source.
    pub fn line_bounds(&self, line: u32) -> (usize, usize) {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(index) else {
            return (self.source.len(), self.source.len());
        };
        let next = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.source.len());
        let text = self.source.get(start..next).unwrap_or("");
        let body = text
            .strip_suffix("\r\n")
            .or_else(|| text.strip_suffix(['\n', '\r', '\u{2028}', '\u{2029}']))
            .unwrap_or(text);
        (start, start + body.len())
    }

    /// The UTF-8-over-UTF-16 excess of the characters starting before byte `offset`.
    fn excess_before(&self, offset: usize) -> usize {
        match self.wide.partition_point(|&(at, _)| at < offset) {
            0 => 0,
            n => self.wide[n - 1].1,
        }
    }
}

/// A count as a `u32` position component (sources are limited to `u32::MAX` bytes, so this
/// only matters for text the parser would refuse anyway).
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(source: &str, offset: usize) -> (u32, u32) {
        let p = LineIndex::new(source).position(offset);
        (p.line, p.column)
    }

    #[test]
    fn positions_count_lines_and_utf16_columns() {
        let s = "ab\ncd\r\nef\rg\u{2028}h\u{2029}i";
        assert_eq!(pos(s, 0), (1, 1));
        assert_eq!(pos(s, 2), (1, 3));
        assert_eq!(pos(s, 3), (2, 1));
        assert_eq!(pos(s, 5), (2, 3)); // the CR of CRLF
        assert_eq!(pos(s, 6), (2, 4)); // the LF of CRLF stays on line 2
        assert_eq!(pos(s, 7), (3, 1));
        assert_eq!(pos(s, 10), (4, 1));
        assert_eq!(pos(s, 14), (5, 1));
        assert_eq!(pos(s, 18), (6, 1));
        assert_eq!(pos(s, s.len()), (6, 2));
        let t = "é😀x\né";
        assert_eq!(pos(t, 2), (1, 2));
        assert_eq!(pos(t, 6), (1, 4)); // the emoji is two UTF-16 units
        assert_eq!(pos(t, 8), (2, 1));
        assert_eq!(pos(t, 10), (2, 2));
    }

    #[test]
    fn positions_clamp_bad_offsets() {
        assert_eq!(pos("", 0), (1, 1));
        assert_eq!(pos("", 99), (1, 1));
        assert_eq!(pos("é", 1), (1, 1)); // inside the character: its start
        assert_eq!(pos("ab", usize::MAX), (1, 3));
    }

    #[test]
    fn renders_file_line_caret_and_message() {
        let source = "var a;\nvar b;\n  var x = = 2;\n";
        let error = SyntaxError::new("Unexpected token '='", Span::new(24, 25));
        assert_eq!(
            error.render(source, "/path/to/file.js"),
            "/path/to/file.js:3:11\n    var x = = 2;\n            ^\nSyntaxError: Unexpected token '='"
        );
    }

    #[test]
    fn renders_whole_span_tabs_and_crlf() {
        let source = "x;\r\n\tfoo bar;\r\n";
        let error = SyntaxError::new("Unexpected identifier 'bar'", Span::new(9, 12));
        assert_eq!(
            error.render(source, "f.js"),
            "f.js:2:6\n  \tfoo bar;\n  \t    ^^^\nSyntaxError: Unexpected identifier 'bar'"
        );
    }

    #[test]
    fn renders_end_of_input_and_nonsense_spans() {
        let error = SyntaxError::new("Unexpected end of input", Span::new(5, 5));
        assert_eq!(
            error.render("f(1,", "f.js"),
            "f.js:1:5\n  f(1,\n      ^\nSyntaxError: Unexpected end of input"
        );
        assert_eq!(
            error.render("", "f.js"),
            "f.js:1:1\n  \n  ^\nSyntaxError: Unexpected end of input"
        );
        let backwards = SyntaxError::new("m", Span { start: 9, end: 2 });
        assert!(backwards
            .render("é\u{2028}é\r\n", "f.js")
            .starts_with("f.js:"));
        let huge = SyntaxError::new(
            "m",
            Span {
                start: u32::MAX,
                end: u32::MAX,
            },
        );
        assert!(huge.render("abc\n", "f.js").starts_with("f.js:2:1\n"));
    }

    #[test]
    fn renders_a_window_of_a_long_line() {
        let source = format!("{}@{}", "a".repeat(1000), "b".repeat(1000));
        let error = SyntaxError::new("Invalid character", Span::new(1000, 1001));
        let text = error.render(&source, "f.js");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "f.js:1:1001");
        assert_eq!(
            lines[1],
            format!("  ...{}@{}...", "a".repeat(80), "b".repeat(79))
        );
        assert_eq!(lines[2], format!("  {}^", " ".repeat(83)));
    }
}
