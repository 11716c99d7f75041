//! The bytecode: what the compiler produces and the VM runs.
//!
//! A compiled function is a [`FunctionProto`]: a list of [`Op`]s for a stack machine, the
//! constants they refer to, the functions nested in it, and the tables that map instructions
//! back to source positions and to exception handlers. Protos hold no garbage-collected
//! pointers, so the compiler never touches the heap; the VM turns a proto into heap objects when
//! it loads it.
//!
//! [`opcode`] is the single table every instruction is defined in; [`disasm`] prints protos for
//! `--dump-bytecode`; [`image`] turns them into bytes and back, for code compiled when the
//! program is built.

pub mod disasm;
pub mod image;
pub mod opcode;
pub mod proto;

pub use opcode::Op;
pub use proto::{Constant, FunctionProto, Handler, ScopeKind};
