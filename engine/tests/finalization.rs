//! The host hears of the objects it watches once they are collected (`Ctx::on_collected`,
//! `Engine::take_collected`: how the runtime runs addons' finalizers), and only of those.

use bumpalo::Bump;
use engine::value::Value;
use engine::vm::{Completion, Ctx, Engine, Throw};

/// `watch(object, token)`.
fn watch<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    if let (Some(Value::Object(object)), Some(Value::Number(token))) = (args.first(), args.get(1)) {
        ctx.on_collected(*object, *token as u64);
    }
    Ok(Value::Undefined)
}

fn run(engine: &mut Engine, source: &str) {
    let arena = Bump::new();
    let program = engine::parse_program(source, &arena).expect("the script parses");
    let proto = engine::compiler::compile_script(&program, source).expect("the script compiles");
    assert_eq!(engine.run(proto, source, "test.js"), Completion::Normal);
}

const GARBAGE: &str = "for (var i = 0; i < 300000; i++) { var g = {i: i, list: [i]}; }";

#[test]
fn collected_objects_are_reported_once_and_live_ones_never() {
    let mut engine = Engine::new();
    engine.define_global_function("watch", watch, 2);
    run(
        &mut engine,
        &format!(
            "var kept = {{}}; watch(kept, 1);
             for (var n = 2; n < 102; n++) watch({{n: n}}, n);
             {GARBAGE}"
        ),
    );
    let mut collected = engine.take_collected();
    collected.sort_unstable();
    assert_eq!(collected, (2..102).collect::<Vec<u64>>());
    // More cycles: nothing is reported twice, and `kept` is still alive.
    run(&mut engine, GARBAGE);
    run(&mut engine, GARBAGE);
    assert_eq!(engine.take_collected(), Vec::<u64>::new());
    // Once it is dropped, it goes too.
    run(&mut engine, &format!("kept = null; {GARBAGE} {GARBAGE}"));
    assert_eq!(engine.take_collected(), vec![1]);
}
