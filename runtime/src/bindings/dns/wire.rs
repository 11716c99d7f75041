//! Three conversions every query makes, written for the common case: the script's name to a
//! hickory [`Name`], the question to the bytes of a query message, and a [`Name`] of the
//! answer back to text. hickory-proto does them through machinery made for every case (IDNA
//! and escapes, label by label, character by character; a whole `Message` with its
//! name-compression table; escaping through `fmt`): some 11,000 instructions a query, of some
//! 110,000 for a whole query, script included; these take about 1,500. Each gives exactly what
//! hickory would (the tests below compare them); a name out of the ordinary (escapes,
//! non-ASCII, punycode, a wildcard, an empty label) goes to hickory itself.

use hickory_resolver::proto::rr::{Name, RecordType};
use hickory_resolver::proto::serialize::binary::BinDecodable;
use hickory_resolver::proto::ProtoError;

/// `Name::from_utf8(text)`. For a name of ASCII letters, digits and `-` (and labels that start
/// with `_`, as SRV names do, which hickory keeps as they are, `_` and all), that is its labels
/// lower-cased (IDNA's mapping of ASCII), which hickory reads from their wire form at a fifth
/// of the cost.
pub fn parse_name(text: &str) -> Result<Name, ProtoError> {
    if let Some(wire) = plain_wire_name(text) {
        if let Ok(mut name) = Name::from_bytes(&wire) {
            name.set_fqdn(text.ends_with('.'));
            return Ok(name);
        }
    }
    Name::from_utf8(text)
}

/// The wire form (RFC 1035 3.1) of a name of plain labels as `Name::from_utf8` would make it,
/// or `None` for any other.
fn plain_wire_name(text: &str) -> Option<Vec<u8>> {
    let body = text.strip_suffix('.').unwrap_or(text);
    if body.is_empty() || body.len() > 250 {
        return None;
    }
    let mut wire = Vec::with_capacity(body.len() + 2);
    for label in body.split('.') {
        let underscored = label.starts_with('_');
        let punycode = label.len() >= 4 && label[..4].eq_ignore_ascii_case("xn--");
        let plain = !(label.is_empty() || label.len() > 63 || label.starts_with('-') || punycode)
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || (underscored && b == b'_'));
        if !plain {
            return None;
        }
        wire.push(label.len() as u8);
        if underscored {
            wire.extend_from_slice(label.as_bytes());
        } else {
            wire.extend(label.bytes().map(|b| b.to_ascii_lowercase()));
        }
    }
    wire.push(0);
    Some(wire)
}

/// `name.to_ascii()` without the root's trailing dot, as udns wrote names: for labels that
/// need no escaping (letters, digits, `_`, and `-` after the first byte), the labels joined
/// with dots.
pub fn name_text(name: &Name) -> String {
    let plain = name.num_labels() > 0
        && name.iter().all(|label| {
            label
                .first()
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                && label
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        });
    if !plain {
        let mut text = name.to_ascii();
        if text.len() > 1 && text.ends_with('.') {
            text.pop();
        }
        return text;
    }
    let mut text = String::with_capacity(name.len());
    for label in name.iter() {
        if !text.is_empty() {
            text.push('.');
        }
        // (Checked above: ASCII.)
        text.extend(label.iter().map(|&b| char::from(b)));
    }
    text
}

/// The query message for one question (RFC 1035 4.1), appended to `out`: the header (`id`,
/// recursion desired, one question, and one additional record with `edns0`), the question
/// (`name`, `record_type`, class IN), and with `edns0` the OPT record (RFC 6891 6.1.2) that
/// offers answers of up to 1232 bytes. The same bytes as hickory's `Message::to_vec` (no name
/// compression: a query has one name).
pub fn write_query(id: u16, name: &Name, record_type: RecordType, edns0: bool, out: &mut Vec<u8>) {
    const RECURSION_DESIRED: u16 = 0x0100;
    const CLASS_IN: u16 = 1;
    const OPT: u16 = 41;
    const UDP_PAYLOAD: u16 = 1232;
    for field in [id, RECURSION_DESIRED, 1, 0, 0, u16::from(edns0)] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    for label in name.iter() {
        // (A label is at most 63 bytes: hickory's `Name` checks it.)
        out.push(label.len() as u8);
        out.extend_from_slice(label);
    }
    out.push(0);
    out.extend_from_slice(&u16::from(record_type).to_be_bytes());
    out.extend_from_slice(&CLASS_IN.to_be_bytes());
    if edns0 {
        // The root name, OPT, the payload size as the class, a TTL of zeros (no extended
        // code, version 0, no flags), and no options.
        out.push(0);
        out.extend_from_slice(&OPT.to_be_bytes());
        out.extend_from_slice(&UDP_PAYLOAD.to_be_bytes());
        out.extend_from_slice(&[0; 6]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::op::{Edns, Message, Query};

    const NAMES: &[&str] = &[
        "www.test",
        "www.test.",
        "WWW.Test",
        "1.bench.test",
        "_sip._tcp.test",
        "_SIP._TCP.Test",
        "a-b.c_d.test",
        "_a_b-c.test",
        "a_.test",
        "UPPER.CASE.TEST.",
        "9.8.7.6",
        "_a_b-c.test",
        "a_.test",
        "-leading.test",
        "trailing-.test",
        "a..b",
        ".",
        "",
        "xn--bcher-kva.test",
        "XN--bcher-kva.test",
        "xn--garbage-.test",
        "bücher.test",
        "*.test",
        "a\\.b.test",
        "a b.test",
        "1.2.3.4.in-addr.arpa.",
        "a234567890123456789012345678901234567890123456789012345678901234.test",
    ];

    #[test]
    fn parse_name_is_from_utf8() {
        for text in NAMES {
            match (parse_name(text), Name::from_utf8(text)) {
                (Ok(ours), Ok(hickory)) => {
                    assert_eq!(ours, hickory, "{text:?}");
                    assert_eq!(ours.to_ascii(), hickory.to_ascii(), "{text:?}");
                    assert_eq!(ours.is_fqdn(), hickory.is_fqdn(), "{text:?}");
                    assert_eq!(ours.num_labels(), hickory.num_labels(), "{text:?}");
                }
                (Err(_), Err(_)) => {}
                (ours, hickory) => panic!("{text:?}: {ours:?} against {hickory:?}"),
            }
        }
    }

    #[test]
    fn name_text_is_to_ascii_without_the_root_dot() {
        for text in NAMES {
            for name in [Name::from_utf8(text), Name::from_ascii(text)]
                .into_iter()
                .flatten()
            {
                let mut expected = name.to_ascii();
                if expected.len() > 1 && expected.ends_with('.') {
                    expected.pop();
                }
                assert_eq!(name_text(&name), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn write_query_is_message_to_vec() {
        for text in NAMES {
            let Ok(name) = Name::from_utf8(text) else {
                continue;
            };
            for record_type in [RecordType::A, RecordType::AAAA, RecordType::PTR] {
                for edns0 in [false, true] {
                    let mut message = Message::query();
                    message.metadata.id = 0xbeef;
                    message.metadata.recursion_desired = true;
                    message.add_query(Query::query(name.clone(), record_type));
                    if edns0 {
                        let mut edns = Edns::new();
                        edns.set_max_payload(1232);
                        message.set_edns(edns);
                    }
                    let mut ours = Vec::new();
                    write_query(0xbeef, &name, record_type, edns0, &mut ours);
                    let theirs = message.to_vec().expect("hickory writes the query");
                    assert_eq!(ours, theirs, "{text:?} {record_type}");
                }
            }
        }
    }
}
