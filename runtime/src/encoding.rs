//! node's three string encodings (the API document, "API"): "utf8", and "ascii" and "binary",
//! which take the low 8 bits of each UTF-16 unit of a JavaScript string.

use crate::output;
use engine::string::Units;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Ascii,
    Binary,
}

impl Encoding {
    /// The encoding a name means, as v0.1.27 read names: case-insensitively, "utf-8" for
    /// "utf8", the deprecated "raw" and "raws" for "binary" (with a notice), and anything else
    /// (including no name) for `default`.
    pub fn parse(name: Option<&str>, default: Encoding) -> Encoding {
        let Some(name) = name else { return default };
        match name.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "ascii" => Encoding::Ascii,
            "binary" => Encoding::Binary,
            "raw" | "raws" => {
                output::stderr(&format!(
                    "\"{name}\" encoding has been renamed to \"binary\"; please update your code.\n"
                ));
                Encoding::Binary
            }
            _ => default,
        }
    }

    /// The bytes of a string (given as UTF-16 units). A lone surrogate becomes U+FFFD in UTF-8.
    pub fn encode(self, units: &[u16]) -> Vec<u8> {
        match self {
            Encoding::Utf8 => char::decode_utf16(units.iter().copied())
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect::<String>()
                .into_bytes(),
            // Both keep the low 8 bits; "ascii" does not strip the high bit (neither did node).
            Encoding::Ascii | Encoding::Binary => units.iter().map(|&u| u as u8).collect(),
        }
    }

    /// The bytes of a string, from its flat view: a one-byte string in "binary" or "ascii" (or
    /// pure ASCII in "utf8") is copied as it is, without widening it to UTF-16 first.
    pub fn encode_units(self, units: Units<'_>) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(units.len());
        self.append(&units, &mut bytes);
        bytes
    }

    /// The characters bytes stand for, ready to become a JavaScript string. "binary" and
    /// "ascii" make one character per byte (a byte above 127 stays itself, as with "binary");
    /// "utf8" decodes, with U+FFFD for a malformed sequence. The common cases keep the bytes as
    /// they are: a 100 MB file becomes a 100 MB one-byte string with no copy.
    pub fn decode(self, bytes: Vec<u8>) -> Decoded {
        match self {
            Encoding::Ascii | Encoding::Binary => Decoded::Latin1(bytes),
            Encoding::Utf8 if bytes.is_ascii() => Decoded::Latin1(bytes),
            Encoding::Utf8 => {
                Decoded::Utf16(String::from_utf8_lossy(&bytes).encode_utf16().collect())
            }
        }
    }

    /// Appends the bytes of a string to `out` (what `encode` makes, without an intermediate
    /// buffer: sockets append every `send` to their output this way).
    pub fn append(self, units: &Units<'_>, out: &mut Vec<u8>) {
        match (self, units) {
            (Encoding::Ascii | Encoding::Binary, Units::Latin1(bytes)) => {
                out.extend_from_slice(bytes)
            }
            (Encoding::Ascii | Encoding::Binary, Units::Utf16(units)) => {
                out.extend(units.iter().map(|&u| u as u8));
            }
            // Latin-1 characters above 127 take two bytes in UTF-8.
            (Encoding::Utf8, Units::Latin1(bytes)) if bytes.is_ascii() => {
                out.extend_from_slice(bytes)
            }
            (Encoding::Utf8, Units::Latin1(bytes)) => {
                for &b in bytes.iter() {
                    let mut buffer = [0; 2];
                    out.extend_from_slice(char::from(b).encode_utf8(&mut buffer).as_bytes());
                }
            }
            (Encoding::Utf8, Units::Utf16(units)) => out.extend_from_slice(&self.encode(units)),
        }
    }

    /// How many bytes `encode` would make.
    pub fn byte_length(self, units: &[u16]) -> usize {
        match self {
            Encoding::Utf8 => char::decode_utf16(units.iter().copied())
                .map(|c| c.map_or(3, char::len_utf8))
                .sum(),
            Encoding::Ascii | Encoding::Binary => units.len(),
        }
    }
}

/// Decoded text, made on a worker thread, turned into a string on the loop's.
pub enum Decoded {
    /// One byte per character.
    Latin1(Vec<u8>),
    Utf16(Vec<u16>),
}

/// Decodes a stream of UTF-8 chunks, keeping a sequence split between two chunks until the
/// rest arrives (so "data" events never show half a character as U+FFFD).
#[derive(Default)]
pub struct Utf8Decoder {
    pending: Vec<u8>,
}

impl Utf8Decoder {
    pub fn decode(&mut self, chunk: &[u8]) -> String {
        self.pending.extend_from_slice(chunk);
        let complete = complete_prefix(&self.pending);
        let rest = self.pending.split_off(complete);
        let text = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending = rest;
        text
    }

    /// What is left at the end of the stream (an unfinished sequence, as U+FFFD).
    pub fn finish(&mut self) -> String {
        let text = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending.clear();
        text
    }
}

/// The length of `bytes` without an unfinished UTF-8 sequence at its end.
fn complete_prefix(bytes: &[u8]) -> usize {
    // A sequence is at most 4 bytes: look back at most 3 for its lead byte.
    for back in 1..=bytes.len().min(3) {
        let byte = bytes[bytes.len() - back];
        if byte & 0xC0 == 0x80 {
            continue; // a continuation byte: keep looking for the lead
        }
        let needed = match byte {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if needed > back {
            bytes.len() - back
        } else {
            bytes.len()
        };
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn names_are_read_as_v0_1_27_did() {
        assert_eq!(
            Encoding::parse(Some("UTF-8"), Encoding::Binary),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::parse(Some("Ascii"), Encoding::Utf8),
            Encoding::Ascii
        );
        assert_eq!(
            Encoding::parse(Some("nonsense"), Encoding::Ascii),
            Encoding::Ascii
        );
        assert_eq!(Encoding::parse(None, Encoding::Utf8), Encoding::Utf8);
    }

    #[test]
    fn encodes_and_counts_bytes() {
        assert_eq!(Encoding::Utf8.encode(&units("é€")), "é€".as_bytes());
        assert_eq!(Encoding::Binary.encode(&units("é€")), vec![0xE9, 0xAC]);
        assert_eq!(Encoding::Utf8.byte_length(&units("aé€😀")), 1 + 2 + 3 + 4);
        assert_eq!(Encoding::Utf8.byte_length(&[0xD800]), 3);
        assert_eq!(Encoding::Utf8.encode(&[0xD800]), "\u{FFFD}".as_bytes());
        assert_eq!(Encoding::Ascii.byte_length(&units("aé")), 2);
    }

    #[test]
    fn decodes_bytes_as_each_encoding_reads_them() {
        let latin1 = |d: Decoded| match d {
            Decoded::Latin1(bytes) => bytes,
            Decoded::Utf16(_) => Vec::new(),
        };
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(latin1(Encoding::Binary.decode(all.clone())), all);
        assert_eq!(latin1(Encoding::Utf8.decode(b"abc".to_vec())), b"abc");
        match Encoding::Utf8.decode("é€".as_bytes().to_vec()) {
            Decoded::Utf16(decoded) => assert_eq!(decoded, units("é€")),
            Decoded::Latin1(_) => panic!("non-ASCII UTF-8 is decoded"),
        }
        assert_eq!(Encoding::Binary.encode_units(Units::Latin1(&all)), all);
        assert_eq!(
            Encoding::Utf8.encode_units(Units::Latin1(&[0xE9])),
            "é".as_bytes()
        );
    }

    #[test]
    fn keeps_a_character_split_between_chunks() {
        let bytes = "a€b".as_bytes();
        let mut decoder = Utf8Decoder::default();
        assert_eq!(decoder.decode(&bytes[..2]), "a");
        assert_eq!(decoder.decode(&bytes[2..]), "€b");
        assert_eq!(decoder.decode(&[0xE2]), "");
        assert_eq!(decoder.finish(), "\u{FFFD}");
    }
}
