//! Telling the host when objects it cares about have been collected: the host registers an
//! object with a number of its own ([`Ctx::on_collected`]); when a collection cycle finds the
//! object dead, the number is handed back through [`Engine::take_collected`], and the host
//! runs whatever clean-up it keeps under that number (an addon's finalizer for the native
//! data it wrapped in the object: see the runtime's `bindings/addon/`).
//!
//! The registry holds weak pointers, which do not keep their objects alive. It is looked at
//! once per cycle, when marking has finished and before sweeping starts: the objects no mark
//! reached then are the dead ones. The host's clean-up runs afterwards, outside the
//! collector, with the object already gone: it cannot bring it back.

use super::{Ctx, Engine, Root};
use crate::object::ObjectData;
use gc_arena::{Collect, Finalization, GcWeak, RefLock};

/// The objects whose collection the host wants to hear about, with the host's number for
/// each.
#[derive(Collect, Default)]
#[collect(no_drop)]
pub(super) struct Watched<'gc>(Vec<(GcWeak<'gc, RefLock<ObjectData<'gc>>>, u64)>);

impl<'gc> Ctx<'gc> {
    /// Asks to be told `token` (through [`Engine::take_collected`]) once `object` has been
    /// collected. The registry does not keep the object alive.
    pub fn on_collected(&self, object: crate::object::Object<'gc>, token: u64) {
        self.root
            .watched
            .borrow_mut(self.mc)
            .0
            .push((object.downgrade(), token));
    }
}

/// The tokens of the watched objects that marking found dead. (Those already dropped by an
/// earlier sweep were reported then; they are left out, and pruned by `take_collected`.)
pub(super) fn dead<'gc>(fc: &Finalization<'gc>, root: &Root<'gc>) -> Vec<u64> {
    root.watched
        .borrow()
        .0
        .iter()
        .filter(|(weak, _)| !weak.is_dropped() && weak.is_dead(fc))
        .map(|&(_, token)| token)
        .collect()
}

impl Engine {
    /// The tokens given to [`Ctx::on_collected`] whose objects have been collected since the
    /// last call, each once.
    pub fn take_collected(&mut self) -> Vec<u64> {
        if self.collected.is_empty() {
            return Vec::new();
        }
        // Forget the entries of objects the collector has dropped.
        self.mutate(|ctx| {
            ctx.root
                .watched
                .borrow_mut(ctx.mc)
                .0
                .retain(|(weak, _)| !weak.is_dropped());
        });
        std::mem::take(&mut self.collected)
    }
}
