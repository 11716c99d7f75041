//! `for (key in object)` (12.6.4): the iterator the loop walks, and its next key.
//!
//! The keys are collected when the loop starts: the enumerable properties of the object and
//! its prototypes, each name once (a name shadowed by a non-enumerable property is skipped
//! too). A key deleted while the loop runs is skipped when its turn comes; keys added
//! meanwhile are not visited, which 12.6.4 allows.

use super::executor::Executor;
use super::ops;
use super::{Ctx, Throw};
use crate::object::ForInState;
use crate::object::{Class, Object, PropertyKey};
use crate::value::Value;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

impl<'gc> Executor<'gc> {
    /// The keys a for-in loop over `value` visits: enumerable properties of the object and its
    /// prototypes, each name once.
    pub(super) fn for_in_iterator(
        &mut self,
        ctx: Ctx<'gc>,
        value: Value<'gc>,
    ) -> Result<'gc, Object<'gc>> {
        let mut keys = Vec::new();
        let object = if value.is_nullish() {
            None
        } else {
            Some(ops::to_object(ctx, value)?)
        };
        let mut seen = std::collections::HashSet::new();
        let mut current = object;
        while let Some(o) = current {
            // (Its non-enumerable `prototype` hides an inherited one of that name.)
            o.make_prototype(ctx);
            // A String object's characters and a typed array's elements are not stored as
            // properties; they come first.
            let elements = match &o.borrow().class {
                Class::String(s) => s.len() as u32,
                Class::TypedArray(view) => view.length as u32,
                _ => 0,
            };
            for i in 0..elements {
                if seen.insert(PropertyKey::Index(i)) {
                    keys.push(PropertyKey::Index(i));
                }
            }
            let data = o.borrow();
            for key in data.properties.keys() {
                let enumerable = data
                    .properties
                    .get(key)
                    .is_some_and(|p| p.attributes.enumerable());
                if seen.insert(key) && enumerable {
                    keys.push(key);
                }
            }
            current = data.prototype;
        }
        Ok(Object::new(
            &ctx,
            None,
            Class::ForIn(Box::new(ForInState {
                keys,
                next: 0,
                object,
            })),
        ))
    }
}

/// The next key of a for-in iterator, skipping keys deleted since the loop started.
pub(super) fn next_key<'gc>(ctx: Ctx<'gc>, iterator: Value<'gc>) -> Option<Value<'gc>> {
    let iterator = iterator.as_object()?;
    loop {
        let (key, object) = {
            let mut data = iterator.borrow_mut(&ctx);
            let Class::ForIn(state) = &mut data.class else {
                return None;
            };
            let ForInState { keys, next, object } = &mut **state;
            let key = *keys.get(*next)?;
            *next += 1;
            (key, *object)
        };
        if object.is_some_and(|o| ops::has_property(ctx, o, key)) {
            return Some(Value::String(ops::key_to_string(ctx, key)));
        }
    }
}
