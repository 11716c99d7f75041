//! URI handling functions (ES5.1 15.1.3) and the Annex B `escape`/`unescape` (B.2.1, B.2.2).
//!
//! All six work on UTF-16 code units, the engine's string representation. The four URI
//! functions are the spec's two algorithms, Encode and Decode (15.1.3), each applied with a
//! different character set:
//!
//! | function | JavaScript | set |
//! | --- | --- | --- |
//! | [`encode_uri`] | `encodeURI(uri)` | unescaped: uriReserved + uriUnescaped + `#` |
//! | [`encode_uri_component`] | `encodeURIComponent(c)` | unescaped: uriUnescaped |
//! | [`decode_uri`] | `decodeURI(uri)` | reserved: uriReserved + `#` |
//! | [`decode_uri_component`] | `decodeURIComponent(c)` | reserved: empty |
//! | [`escape`] | `escape(s)` (B.2.1) | never fails |
//! | [`unescape`] | `unescape(s)` (B.2.2) | never fails |
//!
//! where (15.1.3)
//!
//! ```text
//! uriReserved ::: one of  ; / ? : @ & = + $ ,
//! uriUnescaped ::: uriAlpha | DecimalDigit | uriMark
//! uriAlpha ::: one of  a-z A-Z
//! uriMark ::: one of  - _ . ! ~ * ' ( )
//! ```
//!
//! Encode and Decode report their failures (a lone surrogate to encode; a malformed escape or
//! invalid UTF-8 to decode) as a [`UriError`], which the engine throws as a `URIError`.
//!
//! Valid UTF-8 is what 15.1.3's Table 21 allows, the same as RFC 3629: the shortest form only
//! (so `%C0%80` is an error, not NUL), no encoded surrogates (`%ED%A0%80` is an error) and
//! nothing above U+10FFFF (`%F4%90%80%80` is an error).

use std::fmt;

/// Why Encode or Decode (15.1.3) failed; the engine throws a `URIError` for it. Every case is
/// the same error to JavaScript; the variants and indices (into the input, in code units) are
/// there for messages and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UriError {
    /// Encode met a surrogate code unit that is not half of a high–low pair (steps 4.d.i,
    /// 4.d.iii.2 and 4.d.iii.4); `index` is that of the unpaired surrogate.
    LoneSurrogate { index: usize },
    /// Decode met a `%` at `index` that is not followed by two hexadecimal digits (steps
    /// 4.d.ii, 4.d.iii and 4.d.vii.7.c).
    InvalidEscape { index: usize },
    /// The escapes starting at `index` do not make one valid UTF-8 sequence: a continuation
    /// byte where a sequence should start, a lead byte of more than four bytes, a sequence cut
    /// short, a byte that is not a continuation byte, an overlong form, a surrogate or a value
    /// above U+10FFFF (steps 4.d.vii.2, 5, 7.b, 7.e and 8).
    InvalidUtf8 { index: usize },
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The message browsers give (V8's wording), whatever the cause.
        f.write_str("URI malformed")
    }
}

impl std::error::Error for UriError {}

const PERCENT: u16 = b'%' as u16;

/// Uppercase hexadecimal digits, as Encode (4.d.vi.2) and `escape` produce them.
const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// uriReserved ::: one of `; / ? : @ & = + $ ,`
fn is_uri_reserved(c: u16) -> bool {
    matches!(
        u8::try_from(c),
        Ok(b';' | b'/' | b'?' | b':' | b'@' | b'&' | b'=' | b'+' | b'$' | b',')
    )
}

/// uriUnescaped ::: uriAlpha | DecimalDigit | uriMark, where uriMark is one of
/// `- _ . ! ~ * ' ( )`.
fn is_uri_unescaped(c: u16) -> bool {
    match u8::try_from(c) {
        Ok(b) => {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
                )
        }
        Err(_) => false,
    }
}

/// The unescaped set of `encodeURI` (15.1.3.3 step 2): "the union of uriReserved and
/// uriUnescaped plus `#`".
fn encode_uri_unescaped_set(c: u16) -> bool {
    is_uri_reserved(c) || is_uri_unescaped(c) || c == u16::from(b'#')
}

/// The reserved set of `decodeURI` (15.1.3.1 step 2): "the union of uriReserved plus `#`".
fn decode_uri_reserved_set(c: u16) -> bool {
    is_uri_reserved(c) || c == u16::from(b'#')
}

/// `encodeURI(uri)` (15.1.3.3): Encode with the unescaped set "uriReserved and uriUnescaped
/// plus `#`", so a whole URI keeps its structure: `"http://x/a b?q#f"` becomes
/// `"http://x/a%20b?q#f"`.
///
/// # Errors
/// [`UriError::LoneSurrogate`] if `uri` has an unpaired surrogate.
pub fn encode_uri(uri: &[u16]) -> Result<Vec<u16>, UriError> {
    encode(uri, encode_uri_unescaped_set)
}

/// `encodeURIComponent(uriComponent)` (15.1.3.4): Encode with the unescaped set uriUnescaped,
/// so the reserved characters are escaped too: `"a/b?c"` becomes `"a%2Fb%3Fc"`.
///
/// # Errors
/// [`UriError::LoneSurrogate`] if `component` has an unpaired surrogate.
pub fn encode_uri_component(component: &[u16]) -> Result<Vec<u16>, UriError> {
    encode(component, is_uri_unescaped)
}

/// `decodeURI(encodedURI)` (15.1.3.1): Decode with the reserved set "uriReserved plus `#`".
/// An escape that decodes to one of those characters is kept as it was written (`"%2F"` stays
/// `"%2F"`, `"%2f"` stays `"%2f"`), so decoding a URI does not change its structure.
///
/// # Errors
/// [`UriError::InvalidEscape`] or [`UriError::InvalidUtf8`] for a malformed escape sequence.
pub fn decode_uri(encoded_uri: &[u16]) -> Result<Vec<u16>, UriError> {
    decode(encoded_uri, decode_uri_reserved_set)
}

/// `decodeURIComponent(encodedURIComponent)` (15.1.3.2): Decode with an empty reserved set,
/// so every escape is decoded.
///
/// # Errors
/// [`UriError::InvalidEscape`] or [`UriError::InvalidUtf8`] for a malformed escape sequence.
pub fn decode_uri_component(encoded: &[u16]) -> Result<Vec<u16>, UriError> {
    decode(encoded, |_| false)
}

/// Appends `"%XY"`, XY being the two uppercase hexadecimal digits of `octet`.
fn push_percent_hex(out: &mut Vec<u16>, octet: u8) {
    out.push(PERCENT);
    out.push(u16::from(HEX_DIGITS[usize::from(octet >> 4)]));
    out.push(u16::from(HEX_DIGITS[usize::from(octet & 0xF)]));
}

/// The value of a hexadecimal digit (`0`–`9`, `a`–`f`, `A`–`F`), None for anything else.
fn hex_value(c: u16) -> Option<u8> {
    let digit = char::from_u32(u32::from(c))?.to_digit(16)?;
    u8::try_from(digit).ok()
}

/// The 8-bit value of the two hexadecimal digits at `k + 1` and `k + 2`, or None when the
/// string ends before them or they are not hexadecimal digits.
fn hex_byte(string: &[u16], k: usize) -> Option<u8> {
    let high = hex_value(*string.get(k + 1)?)?;
    let low = hex_value(*string.get(k + 2)?)?;
    Some(high << 4 | low)
}

/// The UTF-8 transformation of a code point (15.1.3, Table 21): its 1 to 4 octets in `octets`,
/// returning how many. `v` is at most 0x10FFFF and not a surrogate (Encode never passes one).
fn utf8_encode(v: u32, octets: &mut [u8; 4]) -> usize {
    // Each octet holds at most 8 bits of the masked/shifted value; the `as u8` casts below
    // only drop bits the mask has already cleared.
    if v < 0x80 {
        octets[0] = v as u8;
        1
    } else if v < 0x800 {
        octets[0] = 0xC0 | (v >> 6) as u8;
        octets[1] = 0x80 | (v & 0x3F) as u8;
        2
    } else if v < 0x1_0000 {
        octets[0] = 0xE0 | (v >> 12) as u8;
        octets[1] = 0x80 | ((v >> 6) & 0x3F) as u8;
        octets[2] = 0x80 | (v & 0x3F) as u8;
        3
    } else {
        octets[0] = 0xF0 | ((v >> 18) & 0x07) as u8;
        octets[1] = 0x80 | ((v >> 12) & 0x3F) as u8;
        octets[2] = 0x80 | ((v >> 6) & 0x3F) as u8;
        octets[3] = 0x80 | (v & 0x3F) as u8;
        4
    }
}

/// The code point that `octets` (a lead byte of `octets.len()` = 2, 3 or 4 and that many − 1
/// continuation bytes, as Decode has checked) encode, if they are a valid UTF-8 encoding per
/// Table 21: not overlong (the shortest form for the value), not a surrogate (U+D800–U+DFFF),
/// not above U+10FFFF.
fn utf8_decode(octets: &[u8]) -> Option<u32> {
    let (lead_bits, min) = match octets.len() {
        2 => (0x1F, 0x80),
        3 => (0x0F, 0x800),
        4 => (0x07, 0x1_0000),
        _ => return None,
    };
    let (&lead, rest) = octets.split_first()?;
    let v = rest.iter().fold(u32::from(lead & lead_bits), |v, &b| {
        v << 6 | u32::from(b & 0x3F)
    });
    let valid = v >= min && !(0xD800..=0xDFFF).contains(&v) && v <= 0x10_FFFF;
    valid.then_some(v)
}

/// Encode(string, unescapedSet) (15.1.3):
///
/// > 1. Let strLen be the number of characters in string.
/// > 2. Let R be the empty String.
/// > 3. Let k be 0.
/// > 4. Repeat
/// >    1. If k equals strLen, return R.
/// >    2. Let C be the character at position k within string.
/// >    3. If C is in unescapedSet, then
/// >       1. Let S be a String containing only the character C.
/// >       2. Let R be a new String value computed by concatenating the previous value of R
/// >          and S.
/// >    4. Else, C is not in unescapedSet
/// >       1. If the code unit value of C is not less than 0xDC00 and not greater than
/// >          0xDFFF, throw a URIError exception.
/// >       2. If the code unit value of C is less than 0xD800 or greater than 0xDBFF, then
/// >          1. Let V be the code unit value of C.
/// >       3. Else,
/// >          1. Increase k by 1.
/// >          2. If k equals strLen, throw a URIError exception.
/// >          3. Let kChar be the code unit value of the character at position k within
/// >             string.
/// >          4. If kChar is less than 0xDC00 or greater than 0xDFFF, throw a URIError
/// >             exception.
/// >          5. Let V be (((the code unit value of C) – 0xD800) * 0x400 + (kChar – 0xDC00) +
/// >             0x10000).
/// >       4. Let Octets be the array of octets resulting by applying the UTF-8
/// >          transformation to V, and let L be the array size.
/// >       5. Let j be 0.
/// >       6. Repeat, while j < L
/// >          1. Let jOctet be the value at position j within Octets.
/// >          2. Let S be a String containing three characters "%XY" where XY are two
/// >             uppercase hexadecimal digits encoding the value of jOctet.
/// >          3. Let R be a new String value computed by concatenating the previous value of
/// >             R and S.
/// >          4. Increase j by 1.
/// >    5. Increase k by 1.
fn encode(string: &[u16], in_unescaped_set: fn(u16) -> bool) -> Result<Vec<u16>, UriError> {
    let mut r = Vec::with_capacity(string.len());
    let mut k = 0;
    while let Some(&c) = string.get(k) {
        if in_unescaped_set(c) {
            r.push(c);
        } else {
            let v = match c {
                // 4.d.i: a low surrogate with no high surrogate before it.
                0xDC00..=0xDFFF => return Err(UriError::LoneSurrogate { index: k }),
                // 4.d.iii: a high surrogate must be followed by a low one.
                0xD800..=0xDBFF => {
                    k += 1;
                    match string.get(k) {
                        Some(&low @ 0xDC00..=0xDFFF) => {
                            (u32::from(c) - 0xD800) * 0x400 + (u32::from(low) - 0xDC00) + 0x1_0000
                        }
                        _ => return Err(UriError::LoneSurrogate { index: k - 1 }),
                    }
                }
                // 4.d.ii
                _ => u32::from(c),
            };
            let mut octets = [0; 4];
            let len = utf8_encode(v, &mut octets);
            for &octet in &octets[..len] {
                push_percent_hex(&mut r, octet);
            }
        }
        k += 1;
    }
    Ok(r)
}

/// Decode(string, reservedSet) (15.1.3):
///
/// > 1. Let strLen be the number of characters in string.
/// > 2. Let R be the empty String.
/// > 3. Let k be 0.
/// > 4. Repeat
/// >    1. If k equals strLen, return R.
/// >    2. Let C be the character at position k within string.
/// >    3. If C is not '%', then
/// >       1. Let S be the String containing only the character C.
/// >    4. Else, C is '%'
/// >       1. Let start be k.
/// >       2. If k + 2 is greater than or equal to strLen, throw a URIError exception.
/// >       3. If the characters at position (k+1) and (k + 2) within string do not represent
/// >          hexadecimal digits, throw a URIError exception.
/// >       4. Let B be the 8-bit value represented by the two hexadecimal digits at position
/// >          (k + 1) and (k + 2).
/// >       5. Increment k by 2.
/// >       6. If the most significant bit in B is 0, then
/// >          1. Let C be the character with code unit value B.
/// >          2. If C is not in reservedSet, then
/// >             1. Let S be the String containing only the character C.
/// >          3. Else, C is in reservedSet
/// >             1. Let S be the substring of string from position start to position k
/// >                included.
/// >       7. Else, the most significant bit in B is 1
/// >          1. Let n be the smallest non-negative number such that (B << n) & 0x80 is equal
/// >             to 0.
/// >          2. If n equals 1 or n is greater than 4, throw a URIError exception.
/// >          3. Let Octets be an array of 8-bit integers of size n.
/// >          4. Put B into Octets at position 0.
/// >          5. If k + (3 * (n – 1)) is greater than or equal to strLen, throw a URIError
/// >             exception.
/// >          6. Let j be 1.
/// >          7. Repeat, while j < n
/// >             1. Increment k by 1.
/// >             2. If the character at position k is not '%', throw a URIError exception.
/// >             3. If the characters at position (k +1) and (k + 2) within string do not
/// >                represent hexadecimal digits, throw a URIError exception.
/// >             4. Let B be the 8-bit value represented by the two hexadecimal digits at
/// >                position (k + 1) and (k + 2).
/// >             5. If the two most significant bits in B are not 10, throw a URIError
/// >                exception.
/// >             6. Increment k by 2.
/// >             7. Put B into Octets at position j.
/// >             8. Increment j by 1.
/// >          8. Let V be the value obtained by applying the UTF-8 transformation to Octets,
/// >             that is, from an array of octets into a 21-bit value. If Octets does not
/// >             contain a valid UTF-8 encoding of a Unicode code point throw an URIError
/// >             exception.
/// >          9. If V is less than 0x10000, then
/// >             1. Let C be the character with code unit value V.
/// >             2. If C is not in reservedSet, then
/// >                1. Let S be the String containing only the character C.
/// >             3. Else, C is in reservedSet
/// >                1. Let S be the substring of string from position start to position k
/// >                   included.
/// >          10. Else, V is ≥ 0x10000
/// >              1. Let L be (((V – 0x10000) & 0x3FF) + 0xDC00).
/// >              2. Let H be ((((V – 0x10000) >> 10) & 0x3FF) + 0xD800).
/// >              3. Let S be the String containing the two characters with code unit values
/// >                 H and L.
/// >    5. Let R be a new String value computed by concatenating the previous value of R and
/// >       S.
/// >    6. Increase k by 1.
///
/// Characters other than escapes are copied as they are, lone surrogates included.
fn decode(string: &[u16], in_reserved_set: fn(u16) -> bool) -> Result<Vec<u16>, UriError> {
    let str_len = string.len();
    let mut r = Vec::with_capacity(str_len);
    let mut k = 0;
    while let Some(&c) = string.get(k) {
        if c != PERCENT {
            r.push(c);
            k += 1;
            continue;
        }
        let start = k;
        // 4.d.ii–iv
        let b = hex_byte(string, k).ok_or(UriError::InvalidEscape { index: start })?;
        k += 2;
        if b & 0x80 == 0 {
            // 4.d.vi: one octet, an ASCII character.
            let c = u16::from(b);
            if in_reserved_set(c) {
                r.extend_from_slice(&string[start..=k]);
            } else {
                r.push(c);
            }
        } else {
            // 4.d.vii.1–2: the lead byte's count of leading 1 bits is the sequence's length.
            let n = b.leading_ones() as usize;
            if n == 1 || n > 4 {
                return Err(UriError::InvalidUtf8 { index: start });
            }
            let mut octets = [b, 0, 0, 0];
            // 4.d.vii.5: room for n − 1 more "%XY".
            if k + 3 * (n - 1) >= str_len {
                return Err(UriError::InvalidUtf8 { index: start });
            }
            for octet in &mut octets[1..n] {
                k += 1;
                if string.get(k) != Some(&PERCENT) {
                    return Err(UriError::InvalidUtf8 { index: start });
                }
                let b = hex_byte(string, k).ok_or(UriError::InvalidEscape { index: k })?;
                if b & 0xC0 != 0x80 {
                    return Err(UriError::InvalidUtf8 { index: start });
                }
                k += 2;
                *octet = b;
            }
            // 4.d.vii.8
            let v = utf8_decode(&octets[..n]).ok_or(UriError::InvalidUtf8 { index: start })?;
            match u16::try_from(v) {
                // 4.d.vii.9. (Every reserved set is ASCII, so V ≥ 0x80 is never in it; the
                // check is kept to follow the spec.)
                Ok(c) => {
                    if in_reserved_set(c) {
                        r.extend_from_slice(&string[start..=k]);
                    } else {
                        r.push(c);
                    }
                }
                // 4.d.vii.10: a surrogate pair.
                Err(_) => {
                    let v = v - 0x1_0000;
                    r.push(0xD800 | ((v >> 10) & 0x3FF) as u16);
                    r.push(0xDC00 | (v & 0x3FF) as u16);
                }
            }
        }
        k += 1;
    }
    Ok(r)
}

/// Whether `escape` leaves `c` as it is: one of the 69 nonblank characters
/// `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./` (B.2.1 step 7).
fn escape_keeps(c: u16) -> bool {
    match u8::try_from(c) {
        Ok(b) => {
            b.is_ascii_alphanumeric() || matches!(b, b'@' | b'*' | b'_' | b'+' | b'-' | b'.' | b'/')
        }
        Err(_) => false,
    }
}

/// `escape(string)` (Annex B.2.1), after ToString:
///
/// > 2. Compute the number of characters in Result(1).
/// > 3. Let R be the empty string.
/// > 4. Let k be 0.
/// > 5. If k equals Result(2), return R.
/// > 6. Get the character (represented as a 16-bit unsigned integer) at position k within
/// >    Result(1).
/// > 7. If Result(6) is one of the 69 nonblank characters
/// >    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./" then go to
/// >    step 13.
/// > 8. If Result(6), is less than 256, go to step 11.
/// > 9. Let S be a String containing six characters "%uwxyz" where wxyz are four hexadecimal
/// >    digits encoding the value of Result(6).
/// > 10. Go to step 14.
/// > 11. Let S be a String containing three characters "%xy" where xy are two hexadecimal
/// >     digits encoding the value of Result(6).
/// > 12. Go to step 14.
/// > 13. Let S be a String containing the single character Result(6).
/// > 14. Let R be a new String value computed by concatenating the previous value of R and S.
/// > 15. Increase k by 1.
/// > 16. Go to step 5.
///
/// The hexadecimal digits are uppercase, as browsers write them (and as ES2015 specifies).
/// Surrogates are escaped one code unit at a time (`"%uD83D%uDE00"`), so nothing fails.
pub fn escape(string: &[u16]) -> Vec<u16> {
    let mut r = Vec::with_capacity(string.len());
    for &c in string {
        if escape_keeps(c) {
            r.push(c);
        } else if let Ok(byte) = u8::try_from(c) {
            push_percent_hex(&mut r, byte);
        } else {
            r.push(PERCENT);
            r.push(u16::from(b'u'));
            for shift in [12, 8, 4, 0] {
                r.push(u16::from(HEX_DIGITS[usize::from((c >> shift) & 0xF)]));
            }
        }
    }
    r
}

/// `unescape(string)` (Annex B.2.2), after ToString:
///
/// > 2. Compute the number of characters in Result(1).
/// > 3. Let R be the empty String.
/// > 4. Let k be 0.
/// > 5. If k equals Result(2), return R.
/// > 6. Let c be the character at position k within Result(1).
/// > 7. If c is not %, go to step 18.
/// > 8. If k is greater than Result(2)−6, go to step 14.
/// > 9. If the character at position k+1 within Result(1) is not u, go to step 14.
/// > 10. If the four characters at positions k+2, k+3, k+4, and k+5 within Result(1) are all
/// >     hexadecimal digits, go to step 11; otherwise, go to step 14.
/// > 11. Let c be the character whose code unit value is the integer represented by the four
/// >     hexadecimal digits at positions k+2, k+3, k+4, and k+5 within Result(1).
/// > 12. Increase k by 5.
/// > 13. Go to step 18.
/// > 14. If k is greater than Result(2)−3, go to step 18.
/// > 15. If the two characters at positions k+1 and k+2 within Result(1) are both
/// >     hexadecimal digits, go to step 16; otherwise, go to step 18.
/// > 16. Let c be the character whose code unit value is the integer 0000 + two hexadecimal
/// >     digits at positions k+1 and k+2 within Result(1).
/// > 17. Increase k by 2.
/// > 18. Let R be a new String value computed by concatenating the previous value of R and
/// >     c.
/// > 19. Increase k by 1.
/// > 20. Go to step 5.
///
/// Anything that is not a complete `%uXXXX` or `%XX` escape is kept as it is; nothing fails.
pub fn unescape(string: &[u16]) -> Vec<u16> {
    let mut r = Vec::with_capacity(string.len());
    let mut k = 0;
    while let Some(&c) = string.get(k) {
        let mut out = c;
        if c == PERCENT {
            if let Some(value) = unicode_escape(string, k) {
                // Steps 8–12.
                out = value;
                k += 5;
            } else if let Some(byte) = hex_byte(string, k) {
                // Steps 14–17.
                out = u16::from(byte);
                k += 2;
            }
        }
        r.push(out);
        k += 1;
    }
    r
}

/// B.2.2 steps 8–11: the value of the four hexadecimal digits of a `%uXXXX` at `k`, if there
/// is one.
fn unicode_escape(string: &[u16], k: usize) -> Option<u16> {
    let digits = string.get(k + 1..k + 6)?;
    let (&u, hex) = digits.split_first()?;
    if u != u16::from(b'u') {
        return None;
    }
    hex.iter().try_fold(0u16, |value, &d| {
        Some(value << 4 | u16::from(hex_value(d)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// A string for assertion messages: the code units as Rust would print them, with lone
    /// surrogates shown as `\u{D800}`-style escapes.
    fn show(units: &[u16]) -> String {
        char::decode_utf16(units.iter().copied())
            .map(|r| {
                r.map_or_else(
                    |e| format!("\\u{{{:X}}}", e.unpaired_surrogate()),
                    String::from,
                )
            })
            .collect()
    }

    #[track_caller]
    fn ok(f: fn(&[u16]) -> Result<Vec<u16>, UriError>, input: &[u16], want: &[u16]) {
        match f(input) {
            Ok(got) => assert_eq!(got, want, "{:?}: got {:?}", show(input), show(&got)),
            Err(e) => panic!("{:?}: unexpected {e:?}", show(input)),
        }
    }

    #[track_caller]
    fn ok_str(f: fn(&[u16]) -> Result<Vec<u16>, UriError>, input: &str, want: &str) {
        ok(f, &utf16(input), &utf16(want));
    }

    #[track_caller]
    fn err(f: fn(&[u16]) -> Result<Vec<u16>, UriError>, input: &[u16], want: UriError) {
        assert_eq!(f(input), Err(want), "{:?}", show(input));
    }

    #[track_caller]
    fn err_str(f: fn(&[u16]) -> Result<Vec<u16>, UriError>, input: &str, want: UriError) {
        err(f, &utf16(input), want);
    }

    fn lone(index: usize) -> UriError {
        UriError::LoneSurrogate { index }
    }

    fn bad_escape(index: usize) -> UriError {
        UriError::InvalidEscape { index }
    }

    fn bad_utf8(index: usize) -> UriError {
        UriError::InvalidUtf8 { index }
    }

    /// What Encode should produce for one code point, computed independently with Rust's own
    /// UTF-8 encoder.
    fn percent_encoded(c: char) -> Vec<u16> {
        let mut buf = [0; 4];
        c.encode_utf8(&mut buf)
            .bytes()
            .flat_map(|b| utf16(&format!("%{b:02X}")))
            .collect()
    }

    const RESERVED: &str = ";/?:@&=+$,";
    const MARKS: &str = "-_.!~*'()";

    #[test]
    fn error_message() {
        assert_eq!(lone(0).to_string(), "URI malformed");
        assert_eq!(bad_utf8(3).to_string(), "URI malformed");
    }

    #[test]
    fn encode_ascii_sets() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            let input = [u16::from(b)];
            let component_keeps = c.is_ascii_alphanumeric() || MARKS.contains(c);
            let uri_keeps = component_keeps || RESERVED.contains(c) || c == '#';
            let escaped = utf16(&format!("%{b:02X}"));
            let want = |keeps: bool| {
                if keeps {
                    input.to_vec()
                } else {
                    escaped.clone()
                }
            };
            ok(encode_uri_component, &input, &want(component_keeps));
            ok(encode_uri, &input, &want(uri_keeps));
        }
        // uriUnescaped has 71 characters; encodeURI keeps 11 more (uriReserved and `#`).
        let count = |f: fn(&[u16]) -> Result<Vec<u16>, UriError>| {
            (0u16..0x80).filter(|&c| f(&[c]) == Ok(vec![c])).count()
        };
        assert_eq!(count(encode_uri_component), 71);
        assert_eq!(count(encode_uri), 82);
    }

    #[test]
    fn encode_examples() {
        ok_str(encode_uri, "", "");
        ok_str(
            encode_uri,
            "http://example.com/a b/ä?q=1&r=€#frag ment",
            "http://example.com/a%20b/%C3%A4?q=1&r=%E2%82%AC#frag%20ment",
        );
        ok_str(
            encode_uri_component,
            "a b&c=d/é€😀#",
            "a%20b%26c%3Dd%2F%C3%A9%E2%82%AC%F0%9F%98%80%23",
        );
        ok_str(encode_uri_component, "%", "%25");
        ok_str(encode_uri, "%41", "%2541");
        ok_str(encode_uri_component, "\0\u{7F}\u{80}", "%00%7F%C2%80");
        ok_str(encode_uri_component, "\u{7FF}\u{800}", "%DF%BF%E0%A0%80");
        ok_str(
            encode_uri_component,
            "\u{D7FF}\u{E000}",
            "%ED%9F%BF%EE%80%80",
        );
        ok_str(
            encode_uri_component,
            "\u{FFFF}\u{10000}",
            "%EF%BF%BF%F0%90%80%80",
        );
        ok_str(encode_uri_component, "\u{10FFFF}", "%F4%8F%BF%BF");
    }

    #[test]
    fn encode_lone_surrogates() {
        for f in [encode_uri, encode_uri_component] {
            // A lone high surrogate: alone, at the end, before a non-surrogate, before another
            // high surrogate (the first is the unpaired one), and the largest.
            err(f, &[0xD800], lone(0));
            err(f, &[0x41, 0xDBFF], lone(1));
            err(f, &[0xD800, 0x41], lone(0));
            err(f, &[0xD800, 0xD800, 0xDC00], lone(0));
            err(f, &[0xDBFF, 0xDBFF], lone(0));
            // A high surrogate followed by an escaped-anyway or unescaped character.
            err(f, &[0xD800, 0x20], lone(0));
            err(f, &[0xD800, 0x7E], lone(0));
            // A lone low surrogate: alone, first, after a character, after a complete pair,
            // and a reversed pair.
            err(f, &[0xDC00], lone(0));
            err(f, &[0xDFFF, 0x41], lone(0));
            err(f, &[0x41, 0xDFFF], lone(1));
            err(f, &[0xD83D, 0xDE00, 0xDE00], lone(2));
            err(f, &[0xDC00, 0xD800], lone(0));
            // Valid pairs, the extremes.
            ok(f, &[0xD800, 0xDC00], &utf16("%F0%90%80%80"));
            ok(f, &[0xDBFF, 0xDFFF], &utf16("%F4%8F%BF%BF"));
            ok(f, &[0xD83D, 0xDE00, 0x41], &utf16("%F0%9F%98%80A"));
            // The code units next to the surrogate range are ordinary characters.
            ok(f, &[0xD7FF], &utf16("%ED%9F%BF"));
            ok(f, &[0xE000], &utf16("%EE%80%80"));
        }
    }

    /// Every BMP code point that is not a surrogate (all of the one-, two- and three-octet
    /// UTF-8 classes) encodes to its UTF-8 octets and decodes back, with both pairs of
    /// functions.
    #[test]
    fn round_trip_every_bmp_code_point() {
        for unit in 0..=u16::MAX {
            let Some(c) = char::from_u32(u32::from(unit)) else {
                assert!((0xD800..=0xDFFF).contains(&unit));
                continue;
            };
            let input = [unit];
            let component = encode_uri_component(&input);
            let want = if is_uri_unescaped(unit) {
                input.to_vec()
            } else {
                percent_encoded(c)
            };
            assert_eq!(component, Ok(want), "U+{unit:04X}");
            if let Ok(encoded) = &component {
                assert_eq!(
                    decode_uri_component(encoded),
                    Ok(input.to_vec()),
                    "U+{unit:04X}"
                );
            }
            let uri = encode_uri(&input);
            if let Ok(encoded) = &uri {
                assert_eq!(decode_uri(encoded), Ok(input.to_vec()), "U+{unit:04X}");
            } else {
                panic!("encodeURI U+{unit:04X}: {uri:?}");
            }
            // Escaped characters of the reserved set stay escaped through decodeURI.
            if let Ok(encoded) = &component {
                let want = if decode_uri_reserved_set(unit) {
                    encoded.clone()
                } else {
                    input.to_vec()
                };
                assert_eq!(decode_uri(encoded), Ok(want), "U+{unit:04X}");
            }
        }
    }

    /// Every supplementary code point (the four-octet class) round-trips through its surrogate
    /// pair.
    #[test]
    fn round_trip_every_supplementary_code_point() {
        for v in 0x1_0000..=0x10_FFFF {
            let Some(c) = char::from_u32(v) else {
                panic!("{v:X} is a code point");
            };
            let mut pair = [0; 2];
            let pair = c.encode_utf16(&mut pair);
            let encoded = encode_uri_component(pair);
            assert_eq!(encoded, Ok(percent_encoded(c)), "U+{v:X}");
            if let Ok(encoded) = encoded {
                assert_eq!(decode_uri(&encoded).as_deref(), Ok(&*pair), "U+{v:X}");
                assert_eq!(
                    decode_uri_component(&encoded).as_deref(),
                    Ok(&*pair),
                    "U+{v:X}"
                );
            }
        }
    }

    #[test]
    fn decode_examples() {
        ok_str(decode_uri_component, "", "");
        ok_str(decode_uri_component, "abc", "abc");
        ok_str(decode_uri_component, "%41%42c", "ABc");
        ok_str(decode_uri_component, "%c3%A9%C3%a9", "éé");
        ok_str(decode_uri_component, "%E2%82%AC", "€");
        ok_str(decode_uri_component, "%25", "%");
        ok_str(decode_uri_component, "%2541", "%41");
        ok_str(decode_uri_component, "%00%7f", "\0\u{7F}");
        ok_str(decode_uri_component, "%C2%80%DF%BF", "\u{80}\u{7FF}");
        ok_str(
            decode_uri_component,
            "%E0%A0%80%EF%BF%BF",
            "\u{800}\u{FFFF}",
        );
        ok_str(
            decode_uri_component,
            "%ED%9F%BF%EE%80%80",
            "\u{D7FF}\u{E000}",
        );
        ok(
            decode_uri_component,
            &utf16("%F0%9F%98%80"),
            &[0xD83D, 0xDE00],
        );
        ok(
            decode_uri_component,
            &utf16("%F0%90%80%80"),
            &[0xD800, 0xDC00],
        );
        ok(
            decode_uri_component,
            &utf16("%F4%8F%BF%BF"),
            &[0xDBFF, 0xDFFF],
        );
        ok_str(
            decode_uri,
            "http://x/a%20b?q=%C3%A4#f",
            "http://x/a b?q=ä#f",
        );
        // Characters that are not escapes are copied, lone surrogates included.
        ok(
            decode_uri_component,
            &[0xD800, 0x41, 0xDC00],
            &[0xD800, 0x41, 0xDC00],
        );
        ok(decode_uri, &[0xDFFF], &[0xDFFF]);
    }

    #[test]
    fn decode_uri_keeps_reserved_escapes() {
        let reserved = "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23";
        ok_str(decode_uri, reserved, reserved);
        ok_str(decode_uri_component, reserved, ";/?:@&=+$,#");
        // Kept exactly as written, lowercase digits included.
        ok_str(decode_uri, "%3b%2f%23", "%3b%2f%23");
        ok_str(decode_uri, "a%2Fb%20c", "a%2Fb c");
        // `%` and the uriMark characters are not in the reserved set.
        ok_str(decode_uri, "%25%2D%5F%2E%21%7E%2A%27%28%29", "%-_.!~*'()");
        // Only escapes decoding to the reserved characters are kept, not the characters
        // themselves.
        ok_str(decode_uri, ";/?#", ";/?#");
        // Each ASCII code: decodeURI keeps exactly the reserved set and `#` escaped.
        for b in 0u8..0x80 {
            let escaped = utf16(&format!("%{b:02X}"));
            let c = u16::from(b);
            let want = if RESERVED.contains(char::from(b)) || b == b'#' {
                escaped.clone()
            } else {
                vec![c]
            };
            ok(decode_uri, &escaped, &want);
            ok(decode_uri_component, &escaped, &[c]);
        }
    }

    #[test]
    fn decode_invalid_escapes() {
        for f in [decode_uri, decode_uri_component] {
            err_str(f, "%", bad_escape(0));
            err_str(f, "%4", bad_escape(0));
            err_str(f, "abc%", bad_escape(3));
            err_str(f, "abc%4", bad_escape(3));
            err_str(f, "%zz", bad_escape(0));
            err_str(f, "%4g", bad_escape(0));
            err_str(f, "%g4", bad_escape(0));
            err_str(f, "% 41", bad_escape(0));
            err_str(f, "%%41", bad_escape(0));
            err_str(f, "%41%", bad_escape(3));
            err_str(f, "%-1", bad_escape(0));
            err_str(f, "%+1", bad_escape(0));
            // Full-width digits are not hexadecimal digits.
            err_str(f, "%４１", bad_escape(0));
            // A continuation byte's escape that is not hexadecimal.
            err_str(f, "%C3%zz", bad_escape(3));
            err_str(f, "%E2%82%A", bad_utf8(0));
            err_str(f, "%E2%82%AX", bad_escape(6));
        }
    }

    #[test]
    fn decode_invalid_utf8() {
        for f in [decode_uri, decode_uri_component] {
            // A continuation byte where a sequence starts (n = 1).
            err_str(f, "%80", bad_utf8(0));
            err_str(f, "%BF", bad_utf8(0));
            err_str(f, "a%C3%A9%A9", bad_utf8(7));
            // Lead bytes of five or more bytes (n > 4).
            for b in 0xF8..=0xFF {
                err_str(f, &format!("%{b:02X}%80%80%80%80%80"), bad_utf8(0));
            }
            // Overlong forms.
            err_str(f, "%C0%80", bad_utf8(0));
            err_str(f, "%C0%AF", bad_utf8(0));
            err_str(f, "%C1%BF", bad_utf8(0));
            err_str(f, "%E0%80%80", bad_utf8(0));
            err_str(f, "%E0%9F%BF", bad_utf8(0));
            err_str(f, "%F0%80%80%80", bad_utf8(0));
            err_str(f, "%F0%8F%BF%BF", bad_utf8(0));
            // Encoded surrogates.
            err_str(f, "%ED%A0%80", bad_utf8(0));
            err_str(f, "%ED%AF%BF", bad_utf8(0));
            err_str(f, "%ED%B0%80", bad_utf8(0));
            err_str(f, "%ED%BF%BF", bad_utf8(0));
            err_str(f, "%ED%A0%BD%ED%B8%80", bad_utf8(0));
            // Above U+10FFFF.
            err_str(f, "%F4%90%80%80", bad_utf8(0));
            err_str(f, "%F5%80%80%80", bad_utf8(0));
            err_str(f, "%F7%BF%BF%BF", bad_utf8(0));
            // Truncated sequences.
            err_str(f, "%C3", bad_utf8(0));
            err_str(f, "%C3%", bad_utf8(0));
            err_str(f, "%C3%A", bad_utf8(0));
            err_str(f, "%E0%A4", bad_utf8(0));
            err_str(f, "x%E0%A4", bad_utf8(1));
            err_str(f, "%E0%A4%", bad_utf8(0));
            err_str(f, "%E0%A4%A", bad_utf8(0));
            err_str(f, "%F0%9F%98", bad_utf8(0));
            err_str(f, "%F0%9F%98%8", bad_utf8(0));
            // Enough characters, but not an escape where a continuation byte should be.
            err_str(f, "%C3A9", bad_utf8(0));
            err_str(f, "%C3xyz", bad_utf8(0));
            err_str(f, "%E0%A4A%A4", bad_utf8(0));
            // Escapes that are not continuation bytes.
            err_str(f, "%C3%41", bad_utf8(0));
            err_str(f, "%C3%C3%A9", bad_utf8(0));
            err_str(f, "%E0%A4%41", bad_utf8(0));
            err_str(f, "%F0%9F%98%C0", bad_utf8(0));
            // The error is found even after valid text.
            err_str(f, "%C3%A9%C0%80", bad_utf8(6));
        }
    }

    /// Decode accepts exactly the escaped byte sequences that Rust's UTF-8 validator (RFC 3629,
    /// the same rules as Table 21) accepts as one character: all two-octet sequences, all
    /// three-octet sequences with continuation bytes, and four-octet ones over every lead and
    /// second byte.
    #[test]
    fn decode_agrees_with_utf8_validation() {
        let check = |bytes: &[u8]| {
            let escaped: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            let got = decode_uri_component(&utf16(&escaped));
            match std::str::from_utf8(bytes) {
                Ok(s) if s.chars().count() == 1 => {
                    assert_eq!(got, Ok(utf16(s)), "{escaped}");
                }
                _ => assert!(got.is_err(), "{escaped}: {got:?}"),
            }
        };
        for b0 in 0x80..=0xFF {
            for b1 in 0..=0xFF {
                check(&[b0, b1]);
            }
        }
        for b0 in 0xE0..=0xEF {
            for b1 in 0x80..=0xBF {
                for b2 in 0x80..=0xBF {
                    check(&[b0, b1, b2]);
                }
            }
        }
        for b0 in 0xF0..=0xF7 {
            for b1 in 0x80..=0xBF {
                for b23 in [[0x80, 0x80], [0xBF, 0xBF], [0x9F, 0xA5]] {
                    check(&[b0, b1, b23[0], b23[1]]);
                }
            }
        }
    }

    #[test]
    fn escape_examples() {
        let keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./";
        assert_eq!(keep.len(), 69);
        assert_eq!(escape(&utf16(keep)), utf16(keep));
        assert_eq!(escape(&utf16("")), utf16(""));
        assert_eq!(
            escape(&utf16(" !\"#$%&'(),:;<=>?[\\]^`{|}~")),
            utf16("%20%21%22%23%24%25%26%27%28%29%2C%3A%3B%3C%3D%3E%3F%5B%5C%5D%5E%60%7B%7C%7D%7E")
        );
        assert_eq!(
            escape(&utf16("\0\u{7F}\u{80}\u{FF}")),
            utf16("%00%7F%80%FF")
        );
        assert_eq!(
            escape(&utf16("ä€\u{100}\u{FFFF}")),
            utf16("%E4%u20AC%u0100%uFFFF")
        );
        // Surrogates, paired or not, one code unit at a time.
        assert_eq!(escape(&utf16("😀")), utf16("%uD83D%uDE00"));
        assert_eq!(escape(&[0xDC00, 0x41]), utf16("%uDC00A"));
        // Every code unit: kept, or "%XX" below 256, or "%uXXXX".
        for c in 0..=u16::MAX {
            let want = if keep.encode_utf16().any(|k| k == c) {
                vec![c]
            } else if c < 256 {
                utf16(&format!("%{c:02X}"))
            } else {
                utf16(&format!("%u{c:04X}"))
            };
            assert_eq!(escape(&[c]), want, "{c:04X}");
        }
    }

    #[test]
    fn unescape_examples() {
        let u = |s: &str| unescape(&utf16(s));
        assert_eq!(u(""), utf16(""));
        assert_eq!(u("abc"), utf16("abc"));
        assert_eq!(u("%41%42"), utf16("AB"));
        assert_eq!(u("%u0041%u20ac%u20AC"), utf16("A€€"));
        assert_eq!(u("%E4%FF%00"), utf16("ä\u{FF}\0"));
        // Lone surrogates come out as they are.
        assert_eq!(u("%uD800"), vec![0xD800]);
        assert_eq!(u("%uD83D%uDE00"), utf16("😀"));
        // Incomplete or invalid escapes are kept.
        assert_eq!(u("%"), utf16("%"));
        assert_eq!(u("%4"), utf16("%4"));
        assert_eq!(u("%zz"), utf16("%zz"));
        assert_eq!(u("%4g"), utf16("%4g"));
        assert_eq!(u("%u"), utf16("%u"));
        assert_eq!(u("%u0"), utf16("%u0"));
        assert_eq!(u("%u004"), utf16("%u004"));
        assert_eq!(u("%u004g"), utf16("%u004g"));
        assert_eq!(u("%U0041"), utf16("%U0041"));
        assert_eq!(u("%u+041"), utf16("%u+041"));
        // `%uXY…` that is not a four-digit escape is not a two-digit one either (`u` is not a
        // hexadecimal digit), but a `%` before a valid escape stays a `%`.
        assert_eq!(u("%%41"), utf16("%A"));
        assert_eq!(u("%u%41"), utf16("%uA"));
        assert_eq!(u("%%u0041"), utf16("%A"));
        // Escapes at the very end of the string (the bounds of steps 8 and 14).
        assert_eq!(u("ab%41"), utf16("abA"));
        assert_eq!(u("ab%u0041"), utf16("abA"));
        assert_eq!(u("%u00411"), utf16("A1"));
        // Digits of either case.
        assert_eq!(u("%u00e4%u00E4%e4%E4"), utf16("ääää"));
        // Not recursive.
        assert_eq!(u("%2541"), utf16("%41"));
        // Full-width digits are not hexadecimal digits.
        assert_eq!(u("%４１"), utf16("%４１"));
    }

    #[test]
    fn escape_unescape_round_trip() {
        let all: Vec<u16> = (0..=u16::MAX).collect();
        assert_eq!(unescape(&escape(&all)), all);
        // unescape also reads "%XX" for code units below 256, and "%uXXXX" for all of them.
        for c in 0..=u16::MAX {
            assert_eq!(unescape(&utf16(&format!("%u{c:04x}"))), vec![c]);
            if c < 256 {
                assert_eq!(unescape(&utf16(&format!("%{c:02x}"))), vec![c]);
            }
        }
    }
}
