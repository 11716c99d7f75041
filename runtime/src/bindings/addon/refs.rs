//! References (`node_ref`): values C keeps across calls. Each holds an engine [`Handle`], a
//! root of the collector, until released. A reference is a slot number tagged with the
//! slot's generation, so a released reference (or a made-up number) is refused rather than
//! naming whatever took its slot.

use engine::value::Value;
use engine::vm::{Ctx, Handle};
use std::cell::RefCell;

#[derive(Default)]
struct Slot {
    generation: u32,
    value: Option<Handle>,
}

#[derive(Default)]
struct Refs {
    slots: Vec<Slot>,
    free: Vec<usize>,
}

thread_local! {
    static REFS: RefCell<Refs> = RefCell::default();
}

/// A new reference to `value`.
pub fn new<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> u64 {
    let handle = ctx.stash(value);
    REFS.with_borrow_mut(|refs| {
        let index = match refs.free.pop() {
            Some(index) => index,
            None => {
                refs.slots.push(Slot::default());
                refs.slots.len() - 1
            }
        };
        let slot = &mut refs.slots[index];
        slot.generation = slot.generation.wrapping_add(1);
        slot.value = Some(handle);
        (u64::from(slot.generation) << 32) | (index as u64 + 1)
    })
}

fn index_of(refs: &Refs, reference: u64) -> Option<usize> {
    let index = ((reference & 0xffff_ffff) as usize).checked_sub(1)?;
    let slot = refs.slots.get(index)?;
    (slot.generation == (reference >> 32) as u32 && slot.value.is_some()).then_some(index)
}

/// The value a live reference keeps.
pub fn get<'gc>(ctx: Ctx<'gc>, reference: u64) -> Option<Value<'gc>> {
    let handle = REFS.with_borrow(|refs| {
        let index = index_of(refs, reference)?;
        refs.slots[index].value.clone()
    })?;
    Some(ctx.fetch(&handle))
}

/// Releases a reference: its value may be collected once nothing else keeps it.
pub fn release(reference: u64) {
    let released = REFS.with_borrow_mut(|refs| {
        let index = index_of(refs, reference)?;
        refs.free.push(index);
        refs.slots[index].value.take()
    });
    // The root is dropped here, outside the borrow.
    drop(released);
}
