//! The compiler and the VM: source that parses runs on a fresh engine with an instruction
//! budget, so a well-formed infinite loop is not a finding. Memory is capped by libFuzzer
//! (`-rss_limit_mb`, `-malloc_limit_mb`, set by tools/fuzz.sh); an exception escaping the
//! script is a normal outcome, as is running out of budget.
#![no_main]

use engine::value::Value;
use engine::vm::{Ctx, Engine, Throw};
use libfuzzer_sys::fuzz_target;

/// Instructions a run may take (counted in the VM's slices of fuel).
const BUDGET: u64 = 200_000;

/// `print` and the test262 reporting functions, doing nothing (the corpus comes partly from
/// test262 and our script tests).
fn ignore<'gc>(
    _ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    _args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    Ok(Value::Undefined)
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let arena = bumpalo::Bump::new();
    let Ok(program) = engine::parse_program(source.as_ref(), &arena) else {
        return;
    };
    let Ok(proto) = engine::compiler::compile_script(&program, &source) else {
        return;
    };
    let mut engine = Engine::new();
    engine.instruction_limit = Some(BUDGET);
    for name in ["print", "$ERROR", "$PRINT", "$DONE"] {
        engine.define_global_function(name, ignore, 1);
    }
    let _ = engine.run(proto, &source, "fuzz.js");
});
