//! The runtime's DNS files (runtime/src/bindings/dns/) that the dns target includes by path:
//! answer.rs, reply.rs, values.rs and wire.rs, in a module of the shape they expect (`super::answer`).
#![allow(dead_code)]

#[path = "../../runtime/src/bindings/dns/answer.rs"]
pub mod answer;
#[path = "../../runtime/src/bindings/dns/reply.rs"]
pub mod reply;
#[path = "../../runtime/src/bindings/dns/values.rs"]
pub mod values;
#[path = "../../runtime/src/bindings/dns/wire.rs"]
pub mod wire;
