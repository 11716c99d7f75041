//! Substring search for `indexOf` and `lastIndexOf`, on the strings' own units (no copy of
//! either string per call): one-byte strings are searched with `memchr`'s SIMD `memmem`, two-byte
//! ones unit by unit, with Knuth–Morris–Pratt for long needles so that a search can never take
//! `haystack.len() * needle.len()` steps.

use crate::string::Units;

/// The first index `k >= from` where `needle` occurs in `haystack`.
pub fn index_of(haystack: Units<'_>, needle: Units<'_>, from: usize) -> Option<usize> {
    match (haystack, needle) {
        (Units::Latin1(h), Units::Latin1(n)) => find_bytes(h.get(from..)?, n).map(|k| k + from),
        (Units::Latin1(h), Units::Utf16(n)) => {
            find_bytes(h.get(from..)?, &narrow(n)?).map(|k| k + from)
        }
        (Units::Utf16(h), n) => find_wide(h, &n.to_vec(), from),
    }
}

/// The last index `k <= upto` where `needle` occurs in `haystack`.
pub fn last_index_of(haystack: Units<'_>, needle: Units<'_>, upto: usize) -> Option<usize> {
    match (haystack, needle) {
        (Units::Latin1(h), Units::Latin1(n)) => rfind_bytes(h, n, upto),
        (Units::Latin1(h), Units::Utf16(n)) => rfind_bytes(h, &narrow(n)?, upto),
        (Units::Utf16(h), n) => rfind_wide(h, &n.to_vec(), upto),
    }
}

/// The first index where `needle` occurs in `haystack`. `memmem` sets up a searcher on every
/// call, which costs more than the search itself on the short strings of a loop
/// (`part.indexOf("9")` over the items of a split): one byte is found with `memchr`, and a
/// short haystack compared in place.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [byte] => memchr::memchr(*byte, haystack),
        _ if haystack.len() <= SHORT_HAYSTACK && !needle.is_empty() => haystack
            .windows(needle.len())
            .position(|window| window == needle),
        _ => memchr::memmem::find(haystack, needle),
    }
}

/// Longest haystack [`find_bytes`] compares in place.
const SHORT_HAYSTACK: usize = 64;

/// Two-byte units as bytes, if every one is below 256 (else no one-byte string contains them).
fn narrow(units: &[u16]) -> Option<Vec<u8>> {
    units.iter().map(|&u| u8::try_from(u).ok()).collect()
}

fn rfind_bytes(haystack: &[u8], needle: &[u8], upto: usize) -> Option<usize> {
    // A match at `k <= upto` lies within the first `upto + needle.len()` bytes.
    let end = upto.saturating_add(needle.len()).min(haystack.len());
    memchr::memmem::rfind(haystack.get(..end)?, needle)
}

fn find_wide(haystack: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    let m = needle.len();
    let last = haystack.len().checked_sub(m)?;
    if from > last {
        return None;
    }
    let Some(&first) = needle.first() else {
        return Some(from);
    };
    if m <= 16 {
        // Scan for the first unit, then compare the rest in place.
        return (from..=last)
            .find(|&k| haystack.get(k) == Some(&first) && haystack.get(k..k + m) == Some(needle));
    }
    // The failure table: fail[i] is the length of the longest proper border of needle[..=i].
    let mut fail = vec![0usize; m];
    let mut k = 0;
    for i in 1..m {
        while k > 0 && needle.get(i) != needle.get(k) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if needle.get(i) == needle.get(k) {
            k += 1;
        }
        if let Some(slot) = fail.get_mut(i) {
            *slot = k;
        }
    }
    let mut matched = 0;
    for (i, unit) in haystack.iter().enumerate().skip(from) {
        while matched > 0 && needle.get(matched) != Some(unit) {
            matched = fail.get(matched - 1).copied().unwrap_or(0);
        }
        if needle.get(matched) == Some(unit) {
            matched += 1;
        }
        if matched == m {
            return Some(i + 1 - m);
        }
    }
    None
}

fn rfind_wide(haystack: &[u16], needle: &[u16], upto: usize) -> Option<usize> {
    let m = needle.len();
    let last = haystack.len().checked_sub(m)?;
    let upto = upto.min(last);
    if m <= 16 {
        return (0..=upto)
            .rev()
            .find(|&k| haystack.get(k..k + m) == Some(needle));
    }
    // Search the reversed haystack for the reversed needle: a match at `k` here is a match at
    // `len - k - m` there, so the last `k <= upto` is the first `len - k - m >= len - upto - m`.
    let reversed: Vec<u16> = haystack.iter().rev().copied().collect();
    let needle: Vec<u16> = needle.iter().rev().copied().collect();
    let len = haystack.len();
    find_wide(&reversed, &needle, len - upto - m).map(|k| len - k - m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wide(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn every_width_pairing_finds_the_same_places() {
        let h = "abcabcabd";
        for (n, from, first) in [
            ("abc", 0, Some(0)),
            ("abc", 1, Some(3)),
            ("abd", 0, Some(6)),
            ("x", 0, None),
            ("", 4, Some(4)),
            ("", 10, None),
        ] {
            let (hw, nw) = (wide(h), wide(n));
            assert_eq!(
                index_of(
                    Units::Latin1(h.as_bytes()),
                    Units::Latin1(n.as_bytes()),
                    from
                ),
                first,
                "{n} from {from}"
            );
            assert_eq!(
                index_of(Units::Latin1(h.as_bytes()), Units::Utf16(&nw), from),
                first
            );
            assert_eq!(
                index_of(Units::Utf16(&hw), Units::Latin1(n.as_bytes()), from),
                first
            );
            assert_eq!(index_of(Units::Utf16(&hw), Units::Utf16(&nw), from), first);
        }
        for (n, upto, last) in [
            ("abc", 9, Some(3)),
            ("abc", 2, Some(0)),
            ("abd", 5, None),
            ("", 4, Some(4)),
            ("", 20, Some(9)),
        ] {
            let (hw, nw) = (wide(h), wide(n));
            assert_eq!(
                last_index_of(
                    Units::Latin1(h.as_bytes()),
                    Units::Latin1(n.as_bytes()),
                    upto
                ),
                last,
                "{n} upto {upto}"
            );
            assert_eq!(
                last_index_of(Units::Latin1(h.as_bytes()), Units::Utf16(&nw), upto),
                last
            );
            assert_eq!(
                last_index_of(Units::Utf16(&hw), Units::Latin1(n.as_bytes()), upto),
                last
            );
            assert_eq!(
                last_index_of(Units::Utf16(&hw), Units::Utf16(&nw), upto),
                last
            );
        }
        // A wide unit is never in a one-byte string.
        assert_eq!(
            index_of(Units::Latin1(b"a\xe9"), Units::Utf16(&[0x1e9]), 0),
            None
        );
        assert_eq!(
            index_of(Units::Latin1(b"a\xe9"), Units::Utf16(&[0xe9]), 0),
            Some(1)
        );
    }

    #[test]
    fn short_and_long_haystacks_are_searched_alike() {
        // Around the length where `find_bytes` stops comparing in place and uses memmem.
        for len in [
            0,
            1,
            2,
            5,
            SHORT_HAYSTACK - 1,
            SHORT_HAYSTACK,
            SHORT_HAYSTACK + 1,
            200,
        ] {
            let mut haystack: Vec<u8> = (0..len).map(|i| b"abcab"[i % 5]).collect();
            haystack.extend_from_slice(b"xyz");
            for needle in [
                &b""[..],
                b"a",
                b"z",
                b"ab",
                b"cab",
                b"bca",
                b"xyz",
                b"yz!",
                b"q",
            ] {
                assert_eq!(
                    find_bytes(&haystack, needle),
                    memchr::memmem::find(&haystack, needle),
                    "{needle:?} in {len}+3 bytes"
                );
            }
        }
    }
}
