//! What a server's reply means for the try that waits on it: the judgement of the bytes that
//! came back, apart from the sockets and the bookkeeping of the resolver (resolver.rs acts
//! on the verdict), so that it can be tested and fuzzed on its own (fuzz/fuzz_targets/dns.rs
//! includes this file and answer.rs).

use super::answer::{self, Code, Outcome};
use hickory_resolver::proto::op::{Message, MessageType, ResponseCode};
use hickory_resolver::proto::rr::{DNSClass, Name, RecordType};

/// The verdict on a reply.
#[derive(Debug)]
pub enum Verdict {
    /// Not the answer to our question (a stale or forged datagram): keep waiting.
    Ignore,
    /// Truncated over UDP: ask again over TCP.
    AskOverTcp,
    /// This try failed (TEMPFAIL or PROTOCOL): on to the next server.
    TryFailed(Code),
    /// The name does not exist (NXDOMAIN) or has no such records (NODATA): the next name.
    NameMissing(Code),
    /// The records asked for (or, were answer() ever to make one, another error: the end).
    Done(Outcome),
}

/// Judges `bytes`, the reply to the question (`name`, `record_type`, class IN) that came
/// over UDP or (`over_tcp`) TCP. The id has been matched by the caller.
pub fn judge(bytes: &[u8], name: &Name, record_type: RecordType, over_tcp: bool) -> Verdict {
    let Ok(message) = Message::from_vec(bytes) else {
        // Our id from our server, and not DNS: a protocol error, and the next server.
        return Verdict::TryFailed(Code::Protocol);
    };
    let echoes = message.metadata.message_type == MessageType::Response
        && message.queries.len() == 1
        && message.queries[0].query_type == record_type
        && message.queries[0].query_class == DNSClass::IN
        && message.queries[0].name == *name;
    if !echoes {
        return Verdict::Ignore;
    }
    if message.metadata.truncation {
        // Over TCP a reply cannot be truncated: a server that says so is broken.
        return match over_tcp {
            false => Verdict::AskOverTcp,
            true => Verdict::TryFailed(Code::Protocol),
        };
    }
    let outcome = match message.metadata.response_code {
        ResponseCode::NoError => answer::answer(&message.answers, record_type),
        code => Err(Code::of_response(code)),
    };
    match outcome {
        Err(code @ (Code::TempFail | Code::Protocol)) => Verdict::TryFailed(code),
        Err(code @ (Code::NxDomain | Code::NoData)) => Verdict::NameMissing(code),
        done => Verdict::Done(done),
    }
}
