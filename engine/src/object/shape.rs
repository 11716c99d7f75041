//! Shapes (hidden classes): the layout of an object's named properties, shared between
//! objects that got the same names in the same order with the same attributes.
//!
//! A shape is a node in a transition tree. A root stands for "no named properties yet"; each
//! child adds one property (a name and its attributes) to its parent's layout, and that
//! property lives at entry `depth - 1` of the object's property list (depth in the tree).
//! An object adding a property follows the transition from its current shape for that (name,
//! attributes), or creates it, so every `new Vector(x, y)` ends at the same shape, `{x, y}`.
//!
//! Each prototype object has a root of its own (see `ObjectData::shape_root`), so a shape
//! also says what the object inherits from: two objects of one shape have the same prototype,
//! and the inline caches (`vm/cache.rs`) can rely on that when they cache the addition of a
//! property (which depends on the prototypes having no setter for it). Objects whose layout
//! stops being "a list that only grew" — a property deleted, attributes changed, an index
//! kept among the named properties, a new prototype, or very many properties (an object used
//! as a hash table) — leave the tree for dictionary mode (`PropertyMap` then has no shape), as
//! in V8 and QuickJS: a tree of one-off shapes would cost memory for nothing.
//!
//! Transitions are weak (a parent does not keep its children alive), so the shapes no object
//! uses any more are collected; a child keeps its parent alive, so objects built the same way
//! later find the shapes the earlier ones have.
//!
//! A shape also holds its layout's names and attributes, so that an object of that shape keeps
//! only its values (16 bytes a property instead of 48 with its name and attributes beside
//! it). The names live in a [`KeyTable`] that a chain of shapes shares, as V8 shares
//! descriptor arrays: a child made from the newest shape of its table appends its name to it,
//! and a shape of depth `d` sees the table's first `d` names. A second child of the same
//! shape (a branch in the tree) copies those `d` names into a table of its own. So a chain
//! of `n` shapes costs `n` names, not `n²/2`.

use super::{Attributes, PropertyKey};
use gc_arena::barrier::unlock;
use gc_arena::{Collect, Gc, GcWeak, Lock, Mutation, RefLock};
use rustc_hash::FxHashMap;
use std::cell::{Cell, Ref};
use std::sync::atomic::{AtomicU64, Ordering};

/// A shape: a garbage-collected node of a transition tree, cheap to copy.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct Shape<'gc>(Gc<'gc, ShapeNode<'gc>>);

#[derive(Collect)]
#[collect(no_drop)]
struct ShapeNode<'gc> {
    /// Identity, for inline caches: they keep ids rather than pointers, so that a cache needs
    /// no tracing, and an id is never reused, so a cache can never mistake a new shape for a
    /// collected one.
    #[collect(require_static)]
    id: u64,
    /// The layout this one extends by one property.
    parent: Option<Shape<'gc>>,
    /// How many properties the layout has: the first `depth` names of `table`.
    #[collect(require_static)]
    depth: u32,
    /// Whether every property of the layout is writable (a store through an inline cache
    /// then needs no look at the attributes).
    #[collect(require_static)]
    all_writable: bool,
    /// The names and attributes of the layout, shared along the chain (see the module notes).
    table: Gc<'gc, RefLock<KeyTable<'gc>>>,
    /// The most properties of any layout made from this one so far: objects built like the
    /// earlier ones will grow to it, so a small object's values get that much room at once
    /// and no more (V8's "slack tracking", much simplified).
    #[collect(require_static)]
    largest: Cell<u32>,
    /// The shapes made from this one by adding a property with given attributes (weak).
    transitions: RefLock<Transitions<'gc>>,
    /// The transition taken last, kept at hand (and alive): objects built in a loop take the
    /// same one again and again.
    last: Lock<Option<LastTransition<'gc>>>,
}

#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
struct LastTransition<'gc> {
    key: PropertyKey<'gc>,
    attributes: Attributes,
    to: Shape<'gc>,
    /// Where it is among the transitions.
    at: usize,
}

/// A shape's transitions: a list, with a hash index once there are many (the root of
/// `Object.prototype`'s tree has one for the first name of every object literal).
#[derive(Default, Collect)]
#[collect(no_drop)]
struct Transitions<'gc> {
    list: Vec<Transition<'gc>>,
    index: Option<FxHashMap<(PropertyKey<'gc>, Attributes), usize>>,
}

/// Above this many transitions, they get a hash index.
const INDEX_THRESHOLD: usize = 8;

impl<'gc> Transitions<'gc> {
    fn position(
        &self,
        key: PropertyKey<'gc>,
        attributes: Attributes,
        hint: usize,
    ) -> Option<usize> {
        let matches = |t: &Transition<'gc>| t.key == key && t.attributes == attributes;
        match (self.list.get(hint), &self.index) {
            (Some(transition), _) if matches(transition) => Some(hint),
            (_, Some(index)) => index.get(&(key, attributes)).copied(),
            (_, None) => self.list.iter().position(matches),
        }
    }

    /// Adds a transition; returns where it is.
    fn push(&mut self, transition: Transition<'gc>) -> usize {
        // Transitions to collected shapes go when a new one comes, so the list holds about as
        // many as are in use.
        let before = self.list.len();
        self.list.retain(|transition| !transition.to.is_dropped());
        let key = (transition.key, transition.attributes);
        self.list.push(transition);
        if self.list.len() <= INDEX_THRESHOLD {
            self.index = None;
        } else if self.list.len() == before + 1 && self.index.is_some() {
            if let Some(index) = &mut self.index {
                index.insert(key, self.list.len() - 1);
            }
        } else {
            let index = self.list.iter().enumerate();
            self.index = Some(index.map(|(i, t)| ((t.key, t.attributes), i)).collect());
        }
        self.list.len() - 1
    }
}

#[derive(Collect)]
#[collect(no_drop)]
struct Transition<'gc> {
    key: PropertyKey<'gc>,
    attributes: Attributes,
    to: GcWeak<'gc, ShapeNode<'gc>>,
}

/// The names and attributes of a chain of layouts, in the order they were added; each name
/// at most once.
#[derive(Default, Collect)]
#[collect(no_drop)]
pub struct KeyTable<'gc> {
    keys: Vec<(PropertyKey<'gc>, Attributes)>,
    /// Where each name is, once there are many (shared by every object of every shape of
    /// the chain: the objects themselves have no index).
    index: Option<FxHashMap<PropertyKey<'gc>, u32>>,
}

/// Above this many names, a key table gets a hash index.
const TABLE_INDEX_THRESHOLD: usize = 12;

impl<'gc> KeyTable<'gc> {
    fn push(&mut self, key: PropertyKey<'gc>, attributes: Attributes) {
        self.keys.push((key, attributes));
        let at = self.keys.len() as u32 - 1;
        match &mut self.index {
            Some(index) => {
                index.insert(key, at);
            }
            None if self.keys.len() > TABLE_INDEX_THRESHOLD => {
                let keys = self.keys.iter().enumerate();
                self.index = Some(keys.map(|(i, (k, _))| (*k, i as u32)).collect());
            }
            None => {}
        }
    }

    /// Where `key` is among the first `depth` names.
    fn position(&self, key: PropertyKey<'gc>, depth: usize) -> Option<usize> {
        match &self.index {
            Some(index) => index
                .get(&key)
                .map(|&at| at as usize)
                .filter(|&at| at < depth),
            None => self.keys[..depth.min(self.keys.len())]
                .iter()
                .position(|(k, _)| *k == key),
        }
    }
}

/// Ids start at 1: 0 means "no shape" in the caches.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Changes so far to prototypes that inline caches rely on. A shape fixes an object's own
/// names and its prototype, but not what the prototypes hold: a cache that found a method on
/// a prototype, or that an assignment meets no setter on the way up, stays valid only while
/// no prototype it walked through (each of them marked `watched`) gained or lost a name or
/// got a setter or a read-only property. Any such change moves the epoch on, which empties
/// those caches at once; they fill again on their next miss. (One counter for every engine
/// in the process: a change in one only costs the others a refill.)
static PROTOTYPE_EPOCH: AtomicU64 = AtomicU64::new(1);

/// The current prototype epoch (see `PROTOTYPE_EPOCH`).
pub fn prototype_epoch() -> u64 {
    PROTOTYPE_EPOCH.load(Ordering::Relaxed)
}

/// Announces a change to a watched prototype.
pub(super) fn bump_prototype_epoch() {
    PROTOTYPE_EPOCH.fetch_add(1, Ordering::Relaxed);
}

impl<'gc> Shape<'gc> {
    /// A new root: the layout with no named properties.
    pub fn root(mc: &Mutation<'gc>) -> Shape<'gc> {
        let table = Gc::new(mc, RefLock::new(KeyTable::default()));
        Shape::node(mc, None, 0, true, table)
    }

    fn node(
        mc: &Mutation<'gc>,
        parent: Option<Shape<'gc>>,
        depth: u32,
        all_writable: bool,
        table: Gc<'gc, RefLock<KeyTable<'gc>>>,
    ) -> Shape<'gc> {
        Shape(Gc::new(
            mc,
            ShapeNode {
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                parent,
                depth,
                all_writable,
                table,
                largest: Cell::new(depth),
                transitions: RefLock::new(Transitions::default()),
                last: Lock::new(None),
            },
        ))
    }

    /// This shape's identity (never 0).
    #[inline]
    pub fn id(self) -> u64 {
        self.0.id
    }

    /// How many properties the layout has.
    #[inline]
    pub fn len(self) -> usize {
        self.0.depth as usize
    }

    /// Whether the layout has no properties (a root).
    pub fn is_empty(self) -> bool {
        self.0.depth == 0
    }

    /// The most properties any layout made from this one has (see `ShapeNode::largest`).
    #[inline]
    pub fn largest(self) -> usize {
        self.0.largest.get() as usize
    }

    /// Whether every property of the layout is writable.
    #[inline]
    pub fn all_writable(self) -> bool {
        self.0.all_writable
    }

    /// Where property `key` is in the layout.
    #[inline]
    pub fn position(self, key: PropertyKey<'gc>) -> Option<usize> {
        self.0.table.borrow().position(key, self.len())
    }

    /// The name and attributes of the property at `at`.
    #[inline]
    pub fn key_at(self, at: usize) -> Option<(PropertyKey<'gc>, Attributes)> {
        if at >= self.len() {
            return None;
        }
        self.0.table.borrow().keys.get(at).copied()
    }

    /// The names and attributes of the layout, in order.
    pub fn keys(self) -> Ref<'gc, [(PropertyKey<'gc>, Attributes)]> {
        let depth = self.len();
        let table = Gc::as_ref(Gc::as_ref(self.0).table);
        Ref::map(table.borrow(), |table| &table.keys[..depth])
    }

    /// The shapes made from this one that are still alive, with the name and attributes each
    /// adds, in the order they were made (for `--dump-shapes`).
    pub fn children(self, mc: &Mutation<'gc>) -> Vec<(PropertyKey<'gc>, Attributes, Shape<'gc>)> {
        let transitions = self.0.transitions.borrow();
        let alive = transitions.list.iter();
        alive
            .filter_map(|t| Some((t.key, t.attributes, Shape(t.to.upgrade(mc)?))))
            .collect()
    }

    /// The transition this shape took for `key` with `attributes`, if one exists (some object
    /// took it before and one still has it or a descendant of it), and where it is among this
    /// shape's transitions. `hint` is where to look first: an inline cache remembers where its
    /// site found the transition last time.
    pub fn find_transition(
        self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        attributes: Attributes,
        hint: usize,
    ) -> Option<(Shape<'gc>, usize)> {
        if let Some(last) = self.0.last.get() {
            if last.key == key && last.attributes == attributes {
                return Some((last.to, last.at));
            }
        }
        let (to, at) = {
            let transitions = self.0.transitions.borrow();
            let at = transitions.position(key, attributes, hint)?;
            (Shape(transitions.list[at].to.upgrade(mc)?), at)
        };
        self.remember(mc, key, attributes, to, at);
        Some((to, at))
    }

    fn remember(
        self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        attributes: Attributes,
        to: Shape<'gc>,
        at: usize,
    ) {
        let last = LastTransition {
            key,
            attributes,
            to,
            at,
        };
        unlock!(Gc::write(mc, self.0), ShapeNode, last).set(Some(last));
    }

    /// The shape of an object of this shape after adding property `key` with `attributes`:
    /// the existing transition if there is one, else a new child.
    pub fn add(
        self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        attributes: Attributes,
    ) -> Shape<'gc> {
        if let Some((to, _)) = self.find_transition(mc, key, attributes, 0) {
            return to;
        }
        // The child's names: this shape's table with one more, shared if this shape is the
        // newest of its table, else a copy of this shape's part of it.
        let depth = self.len();
        let shared = self.0.table.borrow().keys.len() == depth;
        let table = if shared {
            self.0.table
        } else {
            let mut copy = KeyTable::default();
            for &(k, a) in &self.0.table.borrow().keys[..depth] {
                copy.push(k, a);
            }
            Gc::new(mc, RefLock::new(copy))
        };
        table.borrow_mut(mc).push(key, attributes);
        let all_writable = self.0.all_writable && attributes.writable();
        let child = Shape::node(mc, Some(self), depth as u32 + 1, all_writable, table);
        let mut ancestor = Some(self);
        while let Some(shape) = ancestor.filter(|s| s.0.largest.get() <= depth as u32) {
            shape.0.largest.set(depth as u32 + 1);
            ancestor = shape.0.parent;
        }
        let at = {
            let transitions = unlock!(Gc::write(mc, self.0), ShapeNode, transitions);
            let mut transitions = transitions.borrow_mut();
            transitions.push(Transition {
                key,
                attributes,
                to: Gc::downgrade(child.0),
            })
        };
        self.remember(mc, key, attributes, child, at);
        child
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_built_alike_share_shapes() {
        gc_arena::arena::rootless_mutate(|mc| {
            let root = Shape::root(mc);
            let x = PropertyKey::Index(7);
            let a = root.add(mc, x, Attributes::ALL);
            let b = root.add(mc, x, Attributes::ALL);
            assert_eq!(a.id(), b.id());
            let hidden = root.add(mc, x, Attributes::HIDDEN);
            assert_ne!(a.id(), hidden.id());
            let found = root.find_transition(mc, x, Attributes::HIDDEN, 0);
            assert_eq!(
                found.map(|(shape, at)| (shape.id(), at)),
                Some((hidden.id(), 1))
            );
        });
    }
}
