//! Reads a test's metadata: the YAML "front matter" between `/*---` and `---*/`.
//!
//! test262 front matter uses a small, regular subset of YAML, and the runner needs only a few
//! keys (`includes`, `flags`, `features`, `negative`, `es5id`), so this is a hand-written reader
//! rather than a YAML library. It understands:
//! - top-level `key: value` lines (a key starts in column 0);
//! - inline lists (`flags: [onlyStrict, noStrict]`), possibly spread over several lines;
//! - block lists (`includes:` followed by `- a.js` lines, indented or not);
//! - the `negative` mapping, as a block (`phase:` / `type:` lines, any indentation) or inline
//!   (`negative: {phase: parse, type: SyntaxError}`);
//! - quoted scalars and `#` comments.
//!
//! Everything else (multi-line `description` and `info` text, ...) is skipped. Test files are
//! input we do not control, so every problem is a [`FrontMatterError`], never a panic: the
//! runner reports such a test as failing instead of crashing.

use std::fmt;

/// The metadata of one test, as far as the runner needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Harness files (under `harness/`) the test needs evaluated before it.
    pub includes: Vec<String>,
    /// How the test must be run.
    pub flags: Flags,
    /// Present when the test must throw, with the phase and error it must throw.
    pub negative: Option<Negative>,
    /// Language features beyond ES5 the test relies on (`features:` key).
    pub features: Vec<String>,
    /// The ES5 test id: its presence marks a test that came from the ES5 suite.
    pub es5id: Option<String>,
}

/// The `flags` of a test (see INTERPRETING.md, "flags").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Run in strict mode only.
    pub only_strict: bool,
    /// Run in sloppy mode only.
    pub no_strict: bool,
    /// Run the source exactly as it is: sloppy mode only, no harness.
    pub raw: bool,
    /// The test is a module (out of scope for an ES5 engine).
    pub module: bool,
    /// The test signals completion through `$DONE` (matters once tests execute).
    pub is_async: bool,
    /// Flags this reader has no field for (`generated`, `CanBlockIsFalse`, ...), kept verbatim.
    pub other: Vec<String>,
}

impl Flags {
    /// Builds the flags from their names, as listed in the front matter.
    fn from_names(names: Vec<String>) -> Flags {
        let mut flags = Flags::default();
        for name in names {
            match name.as_str() {
                "onlyStrict" => flags.only_strict = true,
                "noStrict" => flags.no_strict = true,
                "raw" => flags.raw = true,
                "module" => flags.module = true,
                "async" => flags.is_async = true,
                _ => flags.other.push(name),
            }
        }
        flags
    }
}

/// The `negative` attribute: the test must throw `error_type` during `phase`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Negative {
    pub phase: NegativePhase,
    /// The name of the error constructor, e.g. `SyntaxError`.
    pub error_type: String,
}

/// When a negative test's error must happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NegativePhase {
    /// While parsing (including early errors): the code must not run at all.
    Parse,
    /// While resolving module imports (module tests only).
    Resolution,
    /// While the code runs.
    Runtime,
}

impl NegativePhase {
    fn from_name(name: &str) -> Option<NegativePhase> {
        match name {
            "parse" => Some(NegativePhase::Parse),
            "resolution" => Some(NegativePhase::Resolution),
            "runtime" => Some(NegativePhase::Runtime),
            _ => None,
        }
    }
}

/// Why a test's front matter could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrontMatterError {
    /// The file has no `/*---` opening.
    Missing,
    /// `/*---` is never closed by `---*/`.
    Unterminated,
    /// A key the runner needs has a value it cannot understand.
    Malformed { line: usize, message: String },
}

impl fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrontMatterError::Missing => write!(f, "no front matter (/*--- ... ---*/)"),
            FrontMatterError::Unterminated => write!(f, "front matter has no closing ---*/"),
            FrontMatterError::Malformed { line, message } => {
                write!(f, "front matter line {line}: {message}")
            }
        }
    }
}

impl std::error::Error for FrontMatterError {}

/// Extracts the text between `/*---` and `---*/`, and the number of lines before it (to give
/// errors line numbers in the file).
fn front_matter_text(source: &str) -> Result<(&str, usize), FrontMatterError> {
    let start = source.find("/*---").ok_or(FrontMatterError::Missing)? + "/*---".len();
    let rest = &source[start..];
    let end = rest.find("---*/").ok_or(FrontMatterError::Unterminated)?;
    let lines_before = source[..start].matches('\n').count();
    Ok((&rest[..end], lines_before))
}

/// Reads the metadata of a test from its source text.
///
/// # Errors
/// A [`FrontMatterError`] when the front matter is missing, unterminated, or has a value for
/// one of the keys the runner uses that it cannot make sense of.
pub fn parse(source: &str) -> Result<Metadata, FrontMatterError> {
    let (text, lines_before) = front_matter_text(source)?;
    let entries = top_level_entries(text, lines_before);

    let mut meta = Metadata::default();
    for entry in entries {
        let malformed = |message: String| FrontMatterError::Malformed {
            line: entry.line,
            message,
        };
        match entry.key {
            "includes" => meta.includes = entry.list().map_err(malformed)?,
            "features" => meta.features = entry.list().map_err(malformed)?,
            "flags" => meta.flags = Flags::from_names(entry.list().map_err(malformed)?),
            "negative" => meta.negative = Some(entry.negative().map_err(malformed)?),
            "es5id" => meta.es5id = Some(unquote(strip_comment(entry.value)).to_string()),
            _ => {}
        }
    }
    Ok(meta)
}

/// One top-level `key: value` of the front matter, with the indented (or list) lines under it.
struct Entry<'s> {
    key: &'s str,
    /// What follows the colon on the key's own line, trimmed.
    value: &'s str,
    /// The lines after the key's line that belong to it (indented lines, `- item` lines).
    body: Vec<&'s str>,
    /// 1-based line number of the key in the file, for error messages.
    line: usize,
}

/// Splits the front matter into its top-level entries; `lines_before` is the number of lines
/// of the file before the front matter.
fn top_level_entries(text: &str, lines_before: usize) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = line.len() != trimmed.len();
        // A block list may start in column 0 under its key (`features:\n- a`), so `-` lines
        // belong to the current entry wherever they start.
        if indented || trimmed.starts_with('-') {
            if let Some(entry) = entries.last_mut() {
                entry.body.push(line);
            }
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) => entries.push(Entry {
                key: key.trim(),
                value: value.trim(),
                body: Vec::new(),
                line: lines_before + index + 1,
            }),
            // A column-0 line that is not a key: the continuation of a flow list started on
            // the key's line (`flags: [a,\nb]`), or text we do not need. Keep it with the
            // current entry; the readers of the keys we need decide whether it makes sense.
            None => {
                if let Some(entry) = entries.last_mut() {
                    entry.body.push(line);
                }
            }
        }
    }
    entries
}

impl Entry<'_> {
    /// Reads the entry as a list of strings: inline (`[a, b]`), block (`- a` lines), or empty.
    fn list(&self) -> Result<Vec<String>, String> {
        let value = strip_comment(self.value);
        if value.starts_with('[') {
            // An inline list, possibly continued on the following lines.
            let mut flow = value.to_string();
            for line in &self.body {
                flow.push(' ');
                flow.push_str(strip_comment(line.trim()));
            }
            let flow = flow.trim();
            let inner = flow
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .ok_or_else(|| format!("`{}`: unterminated inline list", self.key))?;
            return Ok(inner
                .split(',')
                .map(|item| unquote(item.trim()).to_string())
                .filter(|item| !item.is_empty())
                .collect());
        }
        if !value.is_empty() {
            return Err(format!("`{}`: expected a list, found `{value}`", self.key));
        }
        let mut items = Vec::new();
        for line in &self.body {
            let item = line.trim();
            let item = item.strip_prefix('-').ok_or_else(|| {
                format!("`{}`: expected a `- item` line, found `{item}`", self.key)
            })?;
            let item = unquote(strip_comment(item.trim()));
            if !item.is_empty() {
                items.push(item.to_string());
            }
        }
        Ok(items)
    }

    /// Reads the entry as the `negative` mapping: `phase` and `type`, block or inline.
    fn negative(&self) -> Result<Negative, String> {
        let value = strip_comment(self.value);
        let pairs: Vec<&str> = if value.is_empty() {
            self.body
                .iter()
                .map(|line| strip_comment(line.trim()))
                .collect()
        } else {
            value
                .strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .ok_or_else(|| format!("`negative`: expected a mapping, found `{value}`"))?
                .split(',')
                .collect()
        };
        let mut phase = None;
        let mut error_type = None;
        for pair in pairs {
            let Some((key, value)) = pair.split_once(':') else {
                continue;
            };
            let value = unquote(value.trim());
            match key.trim() {
                "phase" => {
                    phase = Some(
                        NegativePhase::from_name(value)
                            .ok_or_else(|| format!("`negative`: unknown phase `{value}`"))?,
                    );
                }
                "type" => error_type = Some(value.to_string()),
                _ => {}
            }
        }
        match (phase, error_type) {
            (Some(phase), Some(error_type)) if !error_type.is_empty() => {
                Ok(Negative { phase, error_type })
            }
            (None, _) => Err("`negative`: no `phase`".to_string()),
            _ => Err("`negative`: no `type`".to_string()),
        }
    }
}

/// Removes a trailing `# comment` (a `#` at the start or after whitespace, outside quotes).
fn strip_comment(value: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    for (i, c) in value.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return value[..i].trim_end(),
            None => {}
        }
        previous = c;
    }
    value
}

/// Removes one pair of matching surrounding quotes, if any.
fn unquote(value: &str) -> &str {
    for q in ['\'', '"'] {
        if let Some(inner) = value.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(front_matter: &str) -> Result<Metadata, FrontMatterError> {
        parse(&format!(
            "// Copyright\n/*---\n{front_matter}\n---*/\nvar x = 1;\n"
        ))
    }

    #[test]
    fn inline_lists() {
        let m =
            meta("es5id: 1.2.3\nflags: [onlyStrict, CanBlockIsFalse]\nincludes: [a.js, 'b.js']")
                .expect("valid front matter");
        assert!(m.flags.only_strict);
        assert!(!m.flags.no_strict);
        assert_eq!(m.flags.other, vec!["CanBlockIsFalse"]);
        assert_eq!(m.includes, vec!["a.js", "b.js"]);
        assert_eq!(m.es5id.as_deref(), Some("1.2.3"));
        assert!(m.features.is_empty());
        assert!(m.negative.is_none());
    }

    #[test]
    fn empty_inline_list() {
        let m = meta("flags: []\nfeatures: []").expect("valid front matter");
        assert_eq!(m.flags, Flags::default());
        assert!(m.features.is_empty());
    }

    #[test]
    fn inline_list_over_several_lines() {
        let m = meta("features: [Symbol,\n  Symbol.iterator]\nflags: [raw]").expect("valid");
        assert_eq!(m.features, vec!["Symbol", "Symbol.iterator"]);
        assert!(m.flags.raw);
    }

    #[test]
    fn block_lists() {
        let m = meta(
            "description: >\n    A test: with colons\n    - and dashes\nincludes:\n  - compareArray.js\n  - \"propertyHelper.js\"\nfeatures:\n- Symbol # a comment\n- Symbol.iterator\nflags: [noStrict]",
        )
        .expect("valid front matter");
        assert_eq!(m.includes, vec!["compareArray.js", "propertyHelper.js"]);
        assert_eq!(m.features, vec!["Symbol", "Symbol.iterator"]);
        assert!(m.flags.no_strict);
    }

    #[test]
    fn multi_line_text_is_skipped() {
        let m = meta(
            "info: |\n    flags: [onlyStrict]\n    negative: this is prose\nes5id: 10.4.2-1-1\ndescription: x",
        )
        .expect("valid front matter");
        assert_eq!(m.flags, Flags::default());
        assert!(m.negative.is_none());
        assert_eq!(m.es5id.as_deref(), Some("10.4.2-1-1"));
    }

    #[test]
    fn negative_block() {
        let m = meta("negative:\n  phase: parse\n  type: SyntaxError\nflags: [module]")
            .expect("valid front matter");
        assert_eq!(
            m.negative,
            Some(Negative {
                phase: NegativePhase::Parse,
                error_type: "SyntaxError".to_string()
            })
        );
        assert!(m.flags.module);
    }

    #[test]
    fn negative_block_deeper_indent_and_type_first() {
        let m = meta("negative:\n    type: ReferenceError\n    phase: runtime\nes5id: x")
            .expect("valid front matter");
        let negative = m.negative.expect("negative");
        assert_eq!(negative.phase, NegativePhase::Runtime);
        assert_eq!(negative.error_type, "ReferenceError");
    }

    #[test]
    fn negative_inline() {
        let m = meta("negative: {phase: resolution, type: ReferenceError}").expect("valid");
        let negative = m.negative.expect("negative");
        assert_eq!(negative.phase, NegativePhase::Resolution);
        assert_eq!(negative.error_type, "ReferenceError");
    }

    #[test]
    fn negative_incomplete_or_unknown() {
        assert!(matches!(
            meta("negative:\n  type: SyntaxError"),
            Err(FrontMatterError::Malformed { line: 3, .. })
        ));
        assert!(matches!(
            meta("negative:\n  phase: parse"),
            Err(FrontMatterError::Malformed { .. })
        ));
        assert!(matches!(
            meta("negative:\n  phase: early\n  type: SyntaxError"),
            Err(FrontMatterError::Malformed { .. })
        ));
    }

    #[test]
    fn missing_front_matter() {
        assert_eq!(parse("var x = 1;"), Err(FrontMatterError::Missing));
        assert_eq!(parse(""), Err(FrontMatterError::Missing));
    }

    #[test]
    fn unterminated_front_matter() {
        assert_eq!(
            parse("/*---\nflags: [raw]\nvar x;"),
            Err(FrontMatterError::Unterminated)
        );
    }

    #[test]
    fn malformed_lists() {
        assert!(matches!(
            meta("flags: onlyStrict"),
            Err(FrontMatterError::Malformed { .. })
        ));
        assert!(matches!(
            meta("includes: [a.js"),
            Err(FrontMatterError::Malformed { .. })
        ));
        assert!(matches!(
            meta("includes:\n  a.js"),
            Err(FrontMatterError::Malformed { .. })
        ));
    }

    #[test]
    fn crlf_line_endings() {
        let m = meta("flags: [onlyStrict]\r\nincludes:\r\n  - a.js\r\nnegative:\r\n  phase: parse\r\n  type: SyntaxError\r")
            .expect("valid front matter");
        assert!(m.flags.only_strict);
        assert_eq!(m.includes, vec!["a.js"]);
        assert_eq!(
            m.negative.map(|n| n.error_type),
            Some("SyntaxError".to_string())
        );
    }

    #[test]
    fn only_the_first_front_matter_counts() {
        let m = parse("/*---\nflags: [raw]\n---*/\n/*---\nflags: [module]\n---*/")
            .expect("valid front matter");
        assert!(m.flags.raw);
        assert!(!m.flags.module);
    }
}
