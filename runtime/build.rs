//! Compiles the JavaScript half of node (stdlib/*.js) to bytecode images when the binary is
//! built, so that starting `node` decodes the bootstrap and the built-in modules instead of
//! lexing, parsing and compiling them every time (see engine/src/bytecode/image.rs).
//!
//! Each `stdlib/NAME.js` becomes `OUT_DIR/NAME.jsbc`: the bootstrap (node.js) compiled as a
//! global script, every other file inside the module wrapper, exactly as `process.compile`
//! and `process._compileModule` would compile them at run time. A syntax error in one of
//! them fails the build, with its file, line and column.

#[path = "src/module_wrapper.rs"]
mod module_wrapper;

use std::path::Path;

fn main() {
    let stdlib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../stdlib");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed={}", stdlib.display());
    let mut failed = false;
    let entries = std::fs::read_dir(&stdlib).expect("stdlib/ is readable");
    for entry in entries {
        let path = entry.expect("stdlib/ is readable").path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".js"))
        else {
            continue;
        };
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("stdlib files are UTF-8");
        let (prefix, suffix) = if name == "node" {
            ("", "")
        } else {
            (module_wrapper::PREFIX, module_wrapper::SUFFIX)
        };
        match engine::bytecode::image::compile(prefix, &text, suffix) {
            Ok(image) => {
                let out = Path::new(&out_dir).join(format!("{name}.jsbc"));
                std::fs::write(&out, image).expect("OUT_DIR is writable");
            }
            Err(error) => {
                eprintln!("{}", error.render(&text, &path.display().to_string()));
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}

// Not done, on purpose: linking `node` as a position-dependent executable (`-no-pie`) saves
// the dynamic loader's ~10,000 relocations at every start (0.15-0.2 ms of a 1.6 ms empty-script
// start: perf stat 292 -> 247 page faults), but loads the executable's code and data at a fixed
// address. A server runtime keeps full address-space randomisation.
