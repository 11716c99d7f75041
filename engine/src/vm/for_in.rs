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
use rustc_hash::FxHashSet;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

impl<'gc> Executor<'gc> {
    /// The keys a for-in loop over `value` visits: enumerable properties of the object and its
    /// prototypes, each name once.
    pub(super) fn for_in_iterator(
        &mut self,
        ctx: Ctx<'gc>,
        value: Value<'gc>,
    ) -> Result<'gc, Object<'gc>> {
        let object = if value.is_nullish() {
            None
        } else {
            Some(ops::to_object(ctx, value)?)
        };
        let mut keys = Vec::new();
        // The names of the objects walked so far, to skip the names they shadow further up.
        // Only needed once a second object has enumerable names (usually none does: an
        // object's prototypes are `Object.prototype` and the like, whose names are all
        // hidden), so it is made then, from the objects in `walked`.
        let mut seen: Option<FxHashSet<PropertyKey<'gc>>> = None;
        let mut walked: Vec<Object<'gc>> = Vec::new();
        let mut current = object;
        while let Some(o) = current {
            // (Its non-enumerable `prototype` hides an inherited one of that name.)
            o.make_prototype(ctx);
            let own = own_keys(o);
            if !own.iter().any(|&(_, enumerable)| enumerable) {
                walked.push(o);
                current = o.borrow().prototype;
                continue;
            }
            if walked.is_empty() {
                // The first object: its names are all new.
                keys.extend(own.iter().filter(|(_, e)| *e).map(|&(key, _)| key));
            } else {
                let seen = seen.get_or_insert_with(FxHashSet::default);
                for earlier in walked.drain(..) {
                    seen.extend(own_keys(earlier).into_iter().map(|(key, _)| key));
                }
                for &(key, enumerable) in &own {
                    if !seen.contains(&key) && enumerable {
                        keys.push(key);
                    }
                }
            }
            walked.push(o);
            current = o.borrow().prototype;
        }
        Ok(Object::new(
            &ctx,
            None,
            Class::ForIn(Box::new(ForInState {
                keys,
                next: 0,
                object,
                place: 0,
            })),
        ))
    }
}

/// The own names of `o` in enumeration order, each with whether it is enumerable: a String
/// object's characters and a typed array's elements (not stored as properties) first.
fn own_keys<'gc>(o: Object<'gc>) -> Vec<(PropertyKey<'gc>, bool)> {
    let data = o.borrow();
    let elements = match &data.class {
        Class::String(s) => s.len() as u32,
        Class::TypedArray(view) => view.length as u32,
        _ => 0,
    };
    let mut keys = Vec::with_capacity(elements as usize + data.properties.len());
    keys.extend((0..elements).map(|i| (PropertyKey::Index(i), true)));
    data.properties.for_each_key(|key, attributes| {
        // (A character redefined as itself may be stored too: listed once.)
        if !matches!(key, PropertyKey::Index(i) if i < elements) {
            keys.push((key, attributes.enumerable()));
        }
    });
    keys
}

/// The next key of a for-in iterator, skipping keys deleted since the loop started.
pub(super) fn next_key<'gc>(ctx: Ctx<'gc>, iterator: Value<'gc>) -> Option<Value<'gc>> {
    let iterator = iterator.as_object()?;
    loop {
        let (key, object, place) = {
            let mut data = iterator.borrow_mut(&ctx);
            let Class::ForIn(state) = &mut data.class else {
                return None;
            };
            let ForInState {
                keys,
                next,
                object,
                place,
            } = &mut **state;
            let key = *keys.get(*next)?;
            *next += 1;
            (key, *object, *place)
        };
        let Some(object) = object else { continue };
        // Still there: an own entry at the place expected (the usual case, the object's own
        // names in their order), else whatever HasProperty finds.
        if object.borrow().properties.has_key_at(place, key) {
            if let Class::ForIn(state) = &mut iterator.borrow_mut(&ctx).class {
                state.place = place + 1;
            }
        } else if !ops::has_property(ctx, object, key) {
            continue;
        }
        return Some(Value::String(ops::key_to_string(ctx, key)));
    }
}
