//! The RegExp "statics" of V8 (and of every browser of 2010), which ES5 does not have: after
//! each successful match — `exec`, `test`, and String's `match`, `replace`, `search`,
//! `split` — `RegExp.$1` … `RegExp.$9` hold its first nine groups, `RegExp.lastMatch` (`$&`)
//! the matched text, `lastParen` (`$+`) the last group, `leftContext` (`` $` ``) and
//! `rightContext` (`$'`) the text before and after it, and `input` (`$_`) the string
//! searched. They are accessors on the RegExp constructor reading the realm's [`LastMatch`]:
//! a match only records where it was, and the strings are cut when a script asks.

use super::super::arg;
use crate::object::{Attributes, NativeFn, Object, Property, Slot};
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use gc_arena::Collect;
use regress::Match;
use std::ops::Range;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The last successful match of the realm.
#[derive(Default, Collect)]
#[collect(no_drop)]
pub struct LastMatch<'gc> {
    /// The string searched, which the groups are cut from.
    subject: Option<JsString<'gc>>,
    /// What `RegExp.input` says: the subject, unless a script set it since (which changes
    /// no other static, as in V8).
    input: Option<JsString<'gc>>,
    /// The match's range in `input`, then each group's (`None`: the group did not take part).
    /// Empty before any match.
    #[collect(require_static)]
    groups: Vec<Option<Range<usize>>>,
}

/// Records `m`, a match found in `input`, as the last one.
pub(super) fn record<'gc>(ctx: Ctx<'gc>, input: JsString<'gc>, m: &Match) {
    record_range(ctx, input, m.range(), &m.captures);
}

/// Records a match of `range` in `input` whose groups captured `captures`.
pub(super) fn record_range<'gc>(
    ctx: Ctx<'gc>,
    input: JsString<'gc>,
    range: Range<usize>,
    captures: &[Option<Range<usize>>],
) {
    let mut last = ctx.realm().last_match.borrow_mut(&ctx);
    last.subject = Some(input);
    last.input = Some(input);
    // The vector is reused: matching in a loop allocates nothing here.
    last.groups.clear();
    last.groups.push(Some(range));
    last.groups.extend(captures.iter().cloned());
}

/// What a static reads from the last match.
#[derive(Clone, Copy)]
enum Part {
    /// Group `n` (0: the whole match).
    Group(usize),
    /// The last group that exists (whether it took part or not), as V8 had it.
    LastParen,
    Left,
    Right,
}

/// The text `part` names in the last match ("" when there is none).
fn read<'gc>(ctx: Ctx<'gc>, part: Part) -> Value<'gc> {
    let last = ctx.realm().last_match.borrow();
    let empty = || ctx.string("");
    let (Some(input), Some(Some(whole))) = (last.subject, last.groups.first()) else {
        return empty();
    };
    let range = match part {
        Part::Group(n) => last.groups.get(n).cloned().flatten(),
        Part::LastParen if last.groups.len() > 1 => last.groups.last().cloned().flatten(),
        Part::LastParen => None,
        Part::Left => Some(0..whole.start),
        Part::Right => Some(whole.end..input.len()),
    };
    let Some(range) = range else {
        return empty();
    };
    let units = input.to_units(&ctx);
    let piece = units.get(range).unwrap_or_default();
    Value::String(JsString::from_units(&ctx, piece))
}

fn group<'gc, const N: usize>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    Ok(read(*ctx, Part::Group(N)))
}

fn last_paren<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(read(*ctx, Part::LastParen))
}

fn left_context<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(read(*ctx, Part::Left))
}

fn right_context<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    Ok(read(*ctx, Part::Right))
}

fn get_input<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let input = ctx.realm().last_match.borrow().input;
    Ok(input.map_or_else(|| ctx.string(""), Value::String))
}

/// `RegExp.input = s` (V8 let scripts set it).
fn set_input<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let input = ops::to_string(*ctx, arg(args, 0))?;
    ctx.realm().last_match.borrow_mut(ctx).input = Some(input);
    Ok(Value::Undefined)
}

/// Defines the statics on the RegExp constructor: hidden, configurable accessors, only
/// `input` with a setter (as the legacy RegExp features proposal has them: an assignment to
/// another is ignored in sloppy code, as in V8, and a TypeError in strict code).
pub(super) fn install<'gc>(ctx: Ctx<'gc>, constructor: Object<'gc>) {
    let realm = ctx.realm();
    let input_setter = realm.named_native_function(ctx, "set input", set_input, 1, false);
    let statics: [(&[&str], NativeFn, bool); 14] = [
        (&["input", "$_"], get_input, true),
        (&["lastMatch", "$&"], group::<0>, false),
        (&["lastParen", "$+"], last_paren, false),
        (&["leftContext", "$`"], left_context, false),
        (&["rightContext", "$'"], right_context, false),
        (&["$1"], group::<1>, false),
        (&["$2"], group::<2>, false),
        (&["$3"], group::<3>, false),
        (&["$4"], group::<4>, false),
        (&["$5"], group::<5>, false),
        (&["$6"], group::<6>, false),
        (&["$7"], group::<7>, false),
        (&["$8"], group::<8>, false),
        (&["$9"], group::<9>, false),
    ];
    for (names, getter, settable) in statics {
        let get = realm.named_native_function(ctx, &format!("get {}", names[0]), getter, 0, false);
        let set = settable.then_some(input_setter);
        for name in names {
            constructor.set_own(
                &ctx,
                realm.key(ctx, name),
                Property {
                    slot: Slot::Accessor {
                        get: Some(get),
                        set,
                    },
                    attributes: Attributes::new(false, false, true),
                },
            );
        }
    }
}
