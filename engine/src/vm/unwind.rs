//! Unwinding: a thrown value looks for a handler frame by frame, in the handler table the
//! compiler made for each function, and pops the frames that have none. An error the engine
//! made gets its `stack` here (see `stack_trace.rs`), while the frames it was thrown through
//! still exist.

use super::executor::Executor;
use super::{Ctx, Throw};

impl<'gc> Executor<'gc> {
    /// Finds a handler for `throw`, popping frames that have none. Returns the exception if no
    /// frame catches it.
    pub(super) fn unwind(&mut self, ctx: Ctx<'gc>, throw: Throw<'gc>) -> Option<Throw<'gc>> {
        self.attach_stack(ctx, throw.0);
        loop {
            // Resumable natives have no handlers: those above the top frame just end.
            let depth = self.frames.len();
            while self.natives.last().is_some_and(|n| n.depth >= depth) {
                self.natives.pop();
            }
            let Some(frame) = self.frames.last_mut() else {
                break;
            };
            let throw_pc = frame.pc.saturating_sub(1) as u32;
            let proto = &frame.code.proto;
            let handler = proto
                .handlers
                .iter()
                .find(|h| h.start <= throw_pc && throw_pc < h.end)
                .copied();
            if let Some(handler) = handler {
                let registers = proto.register_count as usize;
                self.stack
                    .truncate(frame.base + registers + handler.stack_depth as usize);
                while frame.env_count > handler.env_depth {
                    frame.env = frame.env.and_then(|e| e.parent());
                    frame.env_count -= 1;
                }
                self.stack.push(throw.0);
                frame.pc = handler.target as usize;
                return None;
            }
            let callee_at = frame.callee_at();
            self.frames.pop();
            self.stack.truncate(callee_at);
        }
        let _ = ctx;
        Some(throw)
    }
}
