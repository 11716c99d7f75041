//! The JavaScript values of a query's outcome: the arguments of its callback. Apart from
//! mod.rs so that the fuzz target of the DNS answers (fuzz/fuzz_targets/dns.rs) can include
//! it by path with answer.rs and reply.rs: it uses nothing but the engine.

use super::answer::{Outcome, Records};
use engine::object::{Attributes, Class, Object};
use engine::value::Value;
use engine::vm::Ctx;

/// A query's four entries after its promise in the array dns.js's `settle` gets (see mod.rs):
/// `null, records, ttl, cname`, or `error, message, undefined, undefined` where the error is
/// an `Error` with udns's English message and `errno` the code, as v0.1.27 made it.
pub fn outcome_values<'gc>(ctx: Ctx<'gc>, outcome: Outcome) -> [Value<'gc>; 4] {
    match outcome {
        Ok(answer) => {
            let records: Vec<Value<'gc>> = match answer.records {
                Records::Strings(strings) => strings.iter().map(|s| ctx.string(s)).collect(),
                // `{exchange, priority}`, in that order, as v0.1.27 made them.
                Records::Mx(records) => records
                    .iter()
                    .map(|(exchange, priority)| {
                        let mx = plain_object(ctx);
                        set_value(ctx, mx, "exchange", ctx.string(exchange));
                        set_value(ctx, mx, "priority", Value::Number(f64::from(*priority)));
                        Value::Object(mx)
                    })
                    .collect(),
                Records::Srv(records) => records
                    .iter()
                    .map(|record| {
                        let srv = plain_object(ctx);
                        set_value(
                            ctx,
                            srv,
                            "priority",
                            Value::Number(f64::from(record.priority)),
                        );
                        set_value(ctx, srv, "weight", Value::Number(f64::from(record.weight)));
                        set_value(ctx, srv, "port", Value::Number(f64::from(record.port)));
                        set_value(ctx, srv, "name", ctx.string(&record.name));
                        Value::Object(srv)
                    })
                    .collect(),
            };
            [
                Value::Null,
                Value::Object(ctx.realm().new_array(ctx, records)),
                Value::Number(f64::from(answer.ttl)),
                ctx.string(&answer.cname),
            ]
        }
        Err(code) => {
            let realm = ctx.realm();
            let error = realm.new_error(ctx, realm.error_prototype, code.message());
            set_value(ctx, error, "errno", Value::Number(f64::from(code.number())));
            [
                Value::Object(error),
                ctx.string(code.message()),
                Value::Undefined,
                Value::Undefined,
            ]
        }
    }
}

/// A new `{}`.
fn plain_object<'gc>(ctx: Ctx<'gc>) -> Object<'gc> {
    Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object)
}

/// `object[name] = value`, as bindings::set_value does (not used from here, to keep this
/// file to the engine alone).
fn set_value<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, name: &str, value: Value<'gc>) {
    let key = ctx.realm().key(ctx, name);
    object.set_own_value(&ctx, key, value, Attributes::ALL);
}
