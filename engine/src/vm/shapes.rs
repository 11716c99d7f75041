//! `--dump-shapes`: the shape transition trees (see `object/shape.rs`) as they stand at exit,
//! one per prototype, with each property's name and slot.
//!
//! Shapes are not listed anywhere: a prototype holds the root of its tree, each shape its
//! (weak) transitions to the shapes made from it. So the prototypes are found by walking the
//! heap from the global object (and from the prototypes `--dump-shapes` kept as the inline
//! caches saw their objects: a script's own constructors are often reachable from nowhere at
//! exit), and each tree is walked from its root. A shape no object uses any more may have been
//! collected, and then is not shown.

use super::code::EnvKind;
use super::trace::{key_name, layout_name};
use super::{Ctx, Env};
use crate::object::{Attributes, Class, Object, Shape, Slot};
use crate::value::Value;
use rustc_hash::FxHashSet;
use std::fmt::Write as _;

/// The trees of the prototypes reachable from the global object and from `kept`, oldest root
/// first, each headed by what the prototype is.
pub(super) fn dump<'gc>(ctx: Ctx<'gc>, kept: Vec<Value<'gc>>) -> String {
    let mut prototypes: Vec<(Shape<'gc>, Object<'gc>)> = Vec::new();
    let mut walk = Walk::default();
    walk.values.push(Value::Object(ctx.realm().global));
    walk.values.extend(kept);
    while let Some(object) = walk.next_object() {
        let data = object.borrow();
        if let Some(root) = data.shape_root_made() {
            prototypes.push((root, object));
        }
        walk.values.extend(data.prototype.map(Value::Object));
        for (_, property) in data.properties.iter() {
            match property.slot {
                Slot::Data(value) => walk.values.push(value),
                Slot::Accessor { get, set } => {
                    walk.values
                        .extend(get.into_iter().chain(set).map(Value::Object));
                }
            }
        }
        match &data.class {
            Class::Closure(closure) => walk.envs.extend(closure.env),
            Class::Arrow(arrow) => {
                walk.envs.extend(arrow.closure.env);
                walk.values.push(arrow.this);
            }
            Class::Bound(bound) => {
                walk.values.push(Value::Object(bound.target));
                walk.values.push(bound.this);
                walk.values.extend(bound.args.iter().copied());
            }
            Class::Arguments(Some(map)) => walk.envs.push(map.env),
            _ => {}
        }
    }
    prototypes.sort_by_key(|(root, _)| root.id());
    let mut out = String::new();
    for (root, prototype) in prototypes {
        let children = root.children(&ctx);
        // A root nothing was ever added to says nothing.
        if children.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "[shapes] {} (root {})",
            prototype_name(ctx, prototype),
            layout_name(root.id())
        );
        tree(ctx, root, &mut out);
    }
    out
}

/// The values and environments still to visit, and those visited.
#[derive(Default)]
struct Walk<'gc> {
    values: Vec<Value<'gc>>,
    envs: Vec<Env<'gc>>,
    seen: FxHashSet<usize>,
}

impl<'gc> Walk<'gc> {
    /// The next object not yet visited (visiting the environments on the way).
    fn next_object(&mut self) -> Option<Object<'gc>> {
        loop {
            while let Some(env) = self.envs.pop() {
                let address = gc_arena::Gc::as_ptr(env.0) as *const () as usize;
                if !self.seen.insert(address) {
                    continue;
                }
                let data = env.0.borrow();
                self.envs.extend(data.parent);
                self.values.extend(data.extra.map(Value::Object));
                match &data.kind {
                    EnvKind::Declarative { slots, .. } => self.values.extend(slots.iter().copied()),
                    EnvKind::With(object) => self.values.push(Value::Object(*object)),
                }
            }
            let value = self.values.pop()?;
            if let Value::Object(object) = value {
                if self.seen.insert(object.address()) {
                    return Some(object);
                }
            }
        }
    }
}

/// Writes the tree under `root`, one shape a line, indented by depth: its id, and the name
/// and slot of the property it adds (with its attributes when they are not all set).
fn tree<'gc>(ctx: Ctx<'gc>, root: Shape<'gc>, out: &mut String) {
    let _ = writeln!(out, "  {} {{}}", layout_name(root.id()));
    // An explicit stack (a tree can be deep: an object given a thousand properties).
    let mut pending: Vec<(Shape<'gc>, usize)> = children_of(ctx, root, 1);
    while let Some((shape, depth)) = pending.pop() {
        let slot = shape.len() - 1;
        let (key, attributes) = match shape.key_at(slot) {
            Some(entry) => entry,
            None => continue,
        };
        let _ = writeln!(
            out,
            "  {:indent$}{} +{} @{slot}{}",
            "",
            layout_name(shape.id()),
            key_name(ctx, key),
            attributes_note(attributes),
            indent = depth * 2,
        );
        pending.extend(children_of(ctx, shape, depth + 1));
    }
}

/// The live children of `shape`, reversed for a stack (so they come out in order).
fn children_of<'gc>(ctx: Ctx<'gc>, shape: Shape<'gc>, depth: usize) -> Vec<(Shape<'gc>, usize)> {
    let mut children: Vec<_> = shape
        .children(&ctx)
        .into_iter()
        .map(|(_, _, child)| (child, depth))
        .collect();
    children.reverse();
    children
}

/// ` [w-c]`-style attributes when they are not the plain writable, enumerable, configurable.
fn attributes_note(attributes: Attributes) -> String {
    if attributes == Attributes::ALL {
        return String::new();
    }
    let flag = |on: bool, c: char| if on { c } else { '-' };
    format!(
        " [{}{}{}]",
        flag(attributes.writable(), 'w'),
        flag(attributes.enumerable(), 'e'),
        flag(attributes.configurable(), 'c')
    )
}

/// What a prototype is: `F.prototype` for the `prototype` of function `F` (found through its
/// `constructor`), else the kind of object.
fn prototype_name<'gc>(ctx: Ctx<'gc>, prototype: Object<'gc>) -> String {
    let atoms = &ctx.realm().atoms;
    let data = prototype.borrow();
    let own = |object: &crate::object::ObjectData<'gc>, key| match object.properties.get(key) {
        Some(property) => match property.slot {
            Slot::Data(value) => Some(value),
            _ => None,
        },
        None => None,
    };
    if let Some(Value::Object(constructor)) = own(&data, atoms.constructor) {
        if constructor != prototype {
            let constructor = constructor.borrow();
            if let Some(Value::String(name)) = own(&constructor, atoms.name) {
                if !name.is_empty() {
                    return format!("{}.prototype", name.to_rust_string(&ctx));
                }
            }
            return String::from("<anonymous>.prototype");
        }
    }
    format!(
        "prototype {}",
        super::trace::describe(ctx, Value::Object(prototype))
    )
}
