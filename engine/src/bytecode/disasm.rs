//! The disassembler behind `--dump-bytecode`: every function, its constants, scopes, handlers
//! and instructions, one per line.

use super::proto::{Constant, FunctionProto};
use super::Op;
use std::fmt::{self, Write};

/// Writes `proto` and every function nested in it.
///
/// # Errors
/// Only those of `out`.
pub fn disassemble(proto: &FunctionProto, out: &mut impl Write) -> fmt::Result {
    // An explicit stack: function nesting can be deep.
    let mut pending: Vec<(&FunctionProto, String)> = vec![(proto, String::from("0"))];
    while let Some((proto, path)) = pending.pop() {
        function(proto, &path, out)?;
        for (i, child) in proto.functions.iter().enumerate().rev() {
            pending.push((child, format!("{path}.{i}")));
        }
    }
    Ok(())
}

fn function(proto: &FunctionProto, path: &str, out: &mut impl Write) -> fmt::Result {
    let name = if proto.name.is_empty() {
        "<anonymous>"
    } else {
        &proto.name
    };
    writeln!(
        out,
        "function {path} {name} ({:?}{}{}): params={} registers={} stack={} ics={}",
        proto.kind,
        if proto.strict { ", strict" } else { "" },
        // Its closures keep no environment alive.
        if proto.env_free {
            ", captures nothing"
        } else {
            ""
        },
        proto.param_count,
        proto.register_count,
        proto.max_stack,
        proto.ic_count,
    )?;
    for (i, constant) in proto.constants.iter().enumerate() {
        writeln!(out, "  const {i}: {}", describe_constant(constant))?;
    }
    for (i, scope) in proto.scopes.iter().enumerate() {
        writeln!(
            out,
            "  scope {i}: {:?} [{}]",
            scope.kind,
            scope.names.join(", ")
        )?;
    }
    for handler in &proto.handlers {
        writeln!(
            out,
            "  handler {}..{} -> {} (stack {}, envs {})",
            handler.start, handler.end, handler.target, handler.stack_depth, handler.env_depth
        )?;
    }
    for (pc, op) in proto.code.iter().enumerate() {
        writeln!(out, "  {pc:5}  {}", instruction(proto, op))?;
    }
    writeln!(out)
}

/// One instruction of `proto` as the disassembly shows it: its name, its operands as
/// `name=value`, and what they refer to after a `;` (`--trace-exec` shows it the same way).
pub fn instruction(proto: &FunctionProto, op: &Op) -> String {
    let mut text = String::from(op.name());
    for (field, value) in op.operands() {
        // Writing to a String cannot fail.
        let _ = write!(text, " {field}={value}");
    }
    if let Some(note) = annotation(proto, op) {
        let _ = write!(text, "  ; {note}");
    }
    text
}

/// What an operand refers to, for the reader: the constant behind a name, the function behind
/// a `Closure`.
fn annotation(proto: &FunctionProto, op: &Op) -> Option<String> {
    let constant = |index: u32| proto.constants.get(index as usize).map(describe_constant);
    match *op {
        Op::Const { index } | Op::Regex { index } => constant(index),
        Op::InitProp { name, .. }
        | Op::InitGetter { name }
        | Op::InitSetter { name }
        | Op::GetGlobal { name, .. }
        | Op::SetGlobal { name, .. }
        | Op::PutGlobal { name, .. }
        | Op::TypeofGlobal { name }
        | Op::GetName { name }
        | Op::GetNameThis { name }
        | Op::SetName { name }
        | Op::TypeofName { name }
        | Op::DeleteName { name }
        | Op::ResolveName { name }
        | Op::GetRef { name }
        | Op::SetRef { name }
        | Op::DeclareVar { name }
        | Op::DeclareFunction { name }
        | Op::GetProp { name, .. }
        | Op::SetProp { name, .. }
        | Op::PutProp { name, .. }
        | Op::DeleteProp { name } => constant(name),
        Op::Closure { index } => proto.functions.get(index as usize).map(|f| {
            format!(
                "function {}",
                if f.name.is_empty() {
                    "<anonymous>"
                } else {
                    &f.name
                }
            )
        }),
        Op::EnterEnv { scope } => proto
            .scopes
            .get(scope as usize)
            .map(|s| format!("{:?} [{}]", s.kind, s.names.join(", "))),
        _ => None,
    }
}

fn describe_constant(constant: &Constant) -> String {
    match constant {
        Constant::Number(n) => crate::convert::number_to_string(*n),
        Constant::String(units) => format!("{:?}", String::from_utf16_lossy(units)),
        Constant::Regex { pattern, flags } => {
            format!("/{}/{flags}", String::from_utf16_lossy(pattern))
        }
    }
}
