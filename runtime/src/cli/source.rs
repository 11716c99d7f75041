//! Loading a script's text: reading the file, decoding it, and hiding a `#!` line.

use std::fs;
use std::path::Path;

/// Reads the script at `path` as text.
///
/// The bytes are decoded as UTF-8, with any invalid sequence replaced by U+FFFD as node did
/// (V8 decoded script files the same way), and a leading `#!` line is blanked out by
/// [`blank_shebang`].
///
/// # Errors
/// The message node printed for a file it cannot read, with the system's reason.
pub fn load(path: &Path) -> Result<String, String> {
    let bytes =
        fs::read(path).map_err(|error| format!("Cannot open {}: {error}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    };
    Ok(blank_shebang(text))
}

/// Replaces a leading `#!` line (`#!/usr/bin/env node`) with spaces, byte for byte, so that
/// the script can be run as an executable yet every offset, line and column after it stays
/// what the file says. The line terminator itself is kept.
pub fn blank_shebang(text: String) -> String {
    if !text.starts_with("#!") {
        return text;
    }
    let end = text
        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
        .unwrap_or(text.len());
    let mut blanked = " ".repeat(end);
    blanked.push_str(text.get(end..).unwrap_or(""));
    blanked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_only_a_leading_shebang_line() {
        assert_eq!(blank_shebang("#!/bin/node\nx".into()), "           \nx");
        assert_eq!(blank_shebang("#!é\r\nx".into()), "    \r\nx");
        assert_eq!(blank_shebang("#!".into()), "  ");
        assert_eq!(blank_shebang(" #!x\n".into()), " #!x\n");
        assert_eq!(blank_shebang("x\n#!y".into()), "x\n#!y");
    }
}
