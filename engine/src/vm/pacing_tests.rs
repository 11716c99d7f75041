//! The collector's pacing as `Engine::collect` drives it: slices of bounded work.

use super::Engine;
use crate::object::{Class, Object};
use gc_arena::arena::CollectionPhase::Sleeping;

/// 200,000 objects made in one go (as a native call like `JSON.parse` makes them) and dropped
/// run up a debt gc-arena would pay in one slice. It is paid in many, and they still finish
/// the cycle and free the garbage.
#[test]
fn a_big_debt_is_paid_in_bounded_slices() {
    let mut engine = Engine::new();
    engine.arena.mutate(|mc, _| {
        for _ in 0..200_000 {
            Object::new(mc, None, Class::Object);
        }
    });
    let before = engine.arena.metrics().total_gc_count();
    engine.collect();
    assert_ne!(
        engine.arena.collection_phase(),
        Sleeping,
        "one slice paid the whole debt"
    );
    let mut slices = 1;
    while engine.arena.collection_phase() != Sleeping {
        engine.collect();
        slices += 1;
        assert!(slices < 10_000, "the deferred debt never came back");
    }
    assert!(slices >= 5, "{slices} slices");
    let after = engine.arena.metrics().total_gc_count();
    assert!(after < before - 150_000, "{before} -> {after} objects");
}
