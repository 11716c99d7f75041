//! The literal text every match of a pattern begins with, so that a search can jump to where
//! it occurs (`memchr`'s SIMD `memmem`) instead of trying the matcher at every position:
//! regress built with its `utf16` feature tries every start position of a search, each try
//! costing far more than a byte comparison.

/// The ASCII characters every match of `pattern` (its units, as written) begins with, if there
/// are any: the leading literal characters of a pattern with no top-level `|`, each not
/// quantified. Case-insensitive patterns have none (a match may differ in case).
pub fn literal_prefix(pattern: &[u16], ignore_case: bool) -> Option<Vec<u8>> {
    if ignore_case || has_top_level_alternative(pattern) {
        return None;
    }
    let mut prefix = Vec::new();
    let mut i = 0;
    while let Some(&unit) = pattern.get(i) {
        let (byte, width) = match u8::try_from(unit) {
            // `\` and a punctuation character: that character (`\.`, `\/`, `\-`).
            Ok(b'\\') => match pattern.get(i + 1).map(|&u| u8::try_from(u)) {
                Some(Ok(next)) if next.is_ascii_punctuation() => (next, 2),
                _ => break,
            },
            Ok(b) if b.is_ascii() && !b.is_ascii_control() && !is_syntax(b) => (b, 1),
            _ => break,
        };
        // A quantified character need not occur (`ab*`) or occurs a varying number of times.
        if matches!(
            pattern.get(i + width).map(|&u| u8::try_from(u)),
            Some(Ok(b'*' | b'+' | b'?' | b'{'))
        ) {
            break;
        }
        prefix.push(byte);
        i += width;
    }
    (!prefix.is_empty()).then_some(prefix)
}

/// The pattern syntax characters (15.10.1), which are not literals.
fn is_syntax(byte: u8) -> bool {
    matches!(
        byte,
        b'^' | b'$'
            | b'\\'
            | b'.'
            | b'*'
            | b'+'
            | b'?'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'|'
    )
}

/// Whether `pattern` has a `|` outside every group and class.
fn has_top_level_alternative(pattern: &[u16]) -> bool {
    super::bars(pattern).any(|(_, depth)| depth == 0)
}

/// The first place at or after `from` where `prefix` occurs in `units`.
pub fn find_in_units(units: &[u16], prefix: &[u8], from: usize) -> Option<usize> {
    let (&first, rest) = prefix.split_first()?;
    let first = u16::from(first);
    let last = units.len().checked_sub(prefix.len())?;
    (from..=last).find(|&k| {
        units.get(k) == Some(&first)
            && rest
                .iter()
                .zip(units.get(k + 1..).unwrap_or_default())
                .all(|(&p, &u)| u16::from(p) == u)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(pattern: &str) -> Option<String> {
        let units: Vec<u16> = pattern.encode_utf16().collect();
        literal_prefix(&units, false).map(|p| String::from_utf8_lossy(&p).into_owned())
    }

    #[test]
    fn only_text_every_match_begins_with() {
        assert_eq!(prefix("foo\\d+").as_deref(), Some("foo"));
        assert_eq!(prefix("user(\\d+)").as_deref(), Some("user"));
        assert_eq!(prefix("a\\.b\\/c").as_deref(), Some("a.b/c"));
        assert_eq!(prefix("ab*c").as_deref(), Some("a"));
        assert_eq!(prefix("ab{2}").as_deref(), Some("a"));
        assert_eq!(prefix("foo(a|b)").as_deref(), Some("foo"));
        assert_eq!(prefix("a*b"), None);
        assert_eq!(prefix("foo|bar"), None);
        assert_eq!(prefix("^foo"), None);
        assert_eq!(prefix("\\bfoo"), None);
        assert_eq!(prefix("\\d"), None);
        assert_eq!(prefix("[ab]c"), None);
        assert_eq!(prefix("é"), None);
        let units: Vec<u16> = "foo".encode_utf16().collect();
        assert_eq!(literal_prefix(&units, true), None);
    }

    #[test]
    fn finds_the_prefix_in_wide_text() {
        let units: Vec<u16> = "xé foo fo".encode_utf16().collect();
        assert_eq!(find_in_units(&units, b"fo", 0), Some(3));
        assert_eq!(find_in_units(&units, b"fo", 4), Some(7));
        assert_eq!(find_in_units(&units, b"foo", 4), None);
    }
}
