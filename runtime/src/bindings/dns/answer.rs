//! What a query came to, in udns's terms: the records of the asked type with the answer's TTL
//! and canonical name, or one of udns's error codes (`dns.TEMPFAIL` ...). Plain data, made by
//! the resolver (resolver.rs) and turned into JavaScript values (mod.rs).

use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{Name, RData, Record, RecordType};

/// A query's outcome.
pub type Outcome = Result<Answer, Code>;

/// A successful answer: `(addresses, ttl, cname)` in the document's words.
#[derive(Debug)]
pub struct Answer {
    pub records: Records,
    /// The smallest TTL of the records given and of the CNAMEs that led to them, in seconds:
    /// how long the whole answer may be kept, as udns computed it.
    pub ttl: u32,
    /// The name the records are for: the queried name (as completed from the search list),
    /// or where its CNAMEs led. Without the root's trailing dot, as udns wrote names.
    pub cname: String,
}

/// The records of an answer, as the document shapes them.
#[derive(Debug)]
pub enum Records {
    /// A and AAAA (addresses), PTR (domain names), TXT (each record's strings joined).
    Strings(Vec<String>),
    /// `(exchange, priority)`.
    Mx(Vec<(String, u16)>),
    Srv(Vec<Srv>),
}

#[derive(Debug)]
pub struct Srv {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    pub name: String,
}

/// udns's error codes, with the numbers and English messages `dns_strerror` gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// No answer in time, no server reachable, or a server failure (SERVFAIL, REFUSED, NOTIMP).
    TempFail,
    /// An answer that could not be parsed, or an error code a resolver should never get.
    Protocol,
    NxDomain,
    /// The name exists but has no records of the asked type.
    NoData,
    /// Kept for the API: an allocation failure aborts a Rust process instead.
    NoMem,
    /// A name that cannot be put in a query (a label over 63 bytes, a name over 255).
    BadQuery,
}

impl Code {
    pub const ALL: [Code; 6] = [
        Code::TempFail,
        Code::Protocol,
        Code::NxDomain,
        Code::NoData,
        Code::NoMem,
        Code::BadQuery,
    ];

    /// The name on the `dns` module (`dns.TEMPFAIL` ...).
    pub fn name(self) -> &'static str {
        match self {
            Code::TempFail => "TEMPFAIL",
            Code::Protocol => "PROTOCOL",
            Code::NxDomain => "NXDOMAIN",
            Code::NoData => "NODATA",
            Code::NoMem => "NOMEM",
            Code::BadQuery => "BADQUERY",
        }
    }

    /// udns's number for it (`DNS_E_TEMPFAIL` is -1 ... `DNS_E_BADQUERY` -6).
    pub fn number(self) -> i32 {
        match self {
            Code::TempFail => -1,
            Code::Protocol => -2,
            Code::NxDomain => -3,
            Code::NoData => -4,
            Code::NoMem => -5,
            Code::BadQuery => -6,
        }
    }

    /// udns's `dns_strerror` text.
    pub fn message(self) -> &'static str {
        match self {
            Code::TempFail => "temporary failure in name resolution",
            Code::Protocol => "protocol error",
            Code::NxDomain => "domain name does not exist",
            Code::NoData => "valid domain but no data of requested type",
            Code::NoMem => "out of memory",
            Code::BadQuery => "malformed query",
        }
    }

    /// udns asked the next server on SERVFAIL, NOTIMP and REFUSED, and failed with TEMPFAIL
    /// when none was left; any other error code is a protocol error.
    pub fn of_response(code: ResponseCode) -> Code {
        match code {
            ResponseCode::ServFail | ResponseCode::NotImp | ResponseCode::Refused => Code::TempFail,
            ResponseCode::NXDomain => Code::NxDomain,
            _ => Code::Protocol,
        }
    }
}

/// The answer to a `record_type` query, from the answer section of the server's reply: its
/// records of that type, or `NODATA` when there are none (say, only a CNAME to a name without
/// them).
pub fn answer(answers: &[Record], record_type: RecordType) -> Outcome {
    let wanted: Vec<_> = answers
        .iter()
        .filter(|record| record.record_type() == record_type)
        .collect();
    let Some(first) = wanted.first() else {
        return Err(Code::NoData);
    };
    let chain = answers
        .iter()
        .filter(|record| record.record_type() == RecordType::CNAME);
    let ttl = wanted
        .iter()
        .copied()
        .chain(chain)
        .map(|r| r.ttl)
        .min()
        .unwrap_or(0);
    let cname = text_of(&first.name);
    let records = match record_type {
        RecordType::MX => Records::Mx(
            wanted
                .iter()
                .filter_map(|record| match &record.data {
                    RData::MX(mx) => Some((text_of(&mx.exchange), mx.preference)),
                    _ => None,
                })
                .collect(),
        ),
        RecordType::SRV => Records::Srv(
            wanted
                .iter()
                .filter_map(|record| match &record.data {
                    RData::SRV(srv) => Some(Srv {
                        priority: srv.priority,
                        weight: srv.weight,
                        port: srv.port,
                        name: text_of(&srv.target),
                    }),
                    _ => None,
                })
                .collect(),
        ),
        _ => Records::Strings(
            wanted
                .iter()
                .filter_map(|record| match &record.data {
                    RData::A(a) => Some(a.0.to_string()),
                    RData::AAAA(aaaa) => Some(aaaa.0.to_string()),
                    RData::PTR(ptr) => Some(text_of(&ptr.0)),
                    // udns gave each TXT record as one string, its character-strings joined.
                    RData::TXT(txt) => Some(
                        txt.txt_data
                            .iter()
                            .map(|part| String::from_utf8_lossy(part))
                            .collect(),
                    ),
                    _ => None,
                })
                .collect(),
        ),
    };
    Ok(Answer {
        records,
        ttl,
        cname,
    })
}

/// A domain name as udns wrote it: ASCII labels, no trailing dot.
fn text_of(name: &Name) -> String {
    super::wire::name_text(name)
}
