//! Compiles the JavaScript half of node (stdlib/*.js) to bytecode images when the binary is
//! built, so that starting `node` decodes the bootstrap and the built-in modules instead of
//! lexing, parsing and compiling them every time (see engine/src/bytecode/image.rs).
//!
//! Each `stdlib/NAME.js` becomes `OUT_DIR/NAME.jsbc` (and `stdlib/internal/NAME.js`,
//! `OUT_DIR/internal/NAME.jsbc`): the bootstrap (node.js) compiled as a global script, every
//! other file inside the module wrapper, exactly as `process.compile` and
//! `process._compileModule` would compile them at run time. A syntax error in one of them
//! fails the build, with its file, line and column.
//!
//! It also writes the one list of those files, `OUT_DIR/stdlib_modules.rs`, which
//! src/stdlib.rs includes: a file added to stdlib/ is a built-in module with no other change.

#[path = "src/module_wrapper.rs"]
mod module_wrapper;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    link_node_without_pie();
    order_startup_functions();
    link_the_unwinder_statically();
    let stdlib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../stdlib");
    // Absolute and without `..`: the generated table names each file by this path.
    let stdlib = stdlib.canonicalize().expect("stdlib/ exists");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::create_dir_all(out_dir.join("internal")).expect("OUT_DIR is writable");
    let mut failed = false;
    let mut bootstrap = None;
    let mut modules = Vec::new();
    let mut internal_modules = Vec::new();
    for (dir, internal) in [("", false), ("internal", true)] {
        for (name, path) in js_files(&stdlib.join(dir)) {
            let is_bootstrap = !internal && name == "node";
            let image = out_dir.join(dir).join(format!("{name}.jsbc"));
            failed |= !compile(&path, &image, is_bootstrap);
            // The text the image was compiled from, wrapper included, as one string in the
            // binary: loading borrows it, where gluing the wrapper on copied the file.
            let (prefix, suffix) = wrapper(is_bootstrap);
            let native = format!(
                "Native {{ text: concat!({prefix:?}, include_str!({:?}), {suffix:?}), \
                 prefix: {}, image: include_bytes!({:?}) }}",
                path.display().to_string(),
                prefix.len(),
                image.display().to_string(),
            );
            match (is_bootstrap, internal) {
                (true, _) => bootstrap = Some(native),
                (false, false) => modules.push((name, native)),
                (false, true) => internal_modules.push((name, native)),
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
    // What stdlib.rs includes: the bootstrap, and (name, text, image) of every module.
    let mut table = String::from("// Made by runtime/build.rs from the files in stdlib/.\n\n");
    let bootstrap = bootstrap.expect("stdlib/node.js exists");
    writeln!(table, "pub const BOOTSTRAP: Native = {bootstrap};\n").expect("writes to a String");
    for (list, entries) in [("MODULES", modules), ("INTERNAL_MODULES", internal_modules)] {
        writeln!(table, "const {list}: &[(&str, Native)] = &[").expect("writes to a String");
        for (name, native) in entries {
            writeln!(table, "    ({name:?}, {native}),").expect("writes to a String");
        }
        table.push_str("];\n");
    }
    std::fs::write(out_dir.join("stdlib_modules.rs"), table).expect("OUT_DIR is writable");
}

/// Links the `node` binary as a position-dependent executable (`-no-pie`), on Linux.
///
/// A position-independent one is relocated by the dynamic loader at every start: some 13,000
/// relative relocations, and the copy-on-write of every page of `.data.rel.ro` they write
/// (53 pages, most of them `regress`'s Unicode tables, a pointer an entry). Linked at a fixed
/// address, the linker resolves them all: an empty script starts with some 40 fewer page
/// faults and 0.2 M fewer instructions (docs/performance.md, "Start-up", Session 10). What is
/// given up is the randomised address of the executable itself (the libraries, the stack, the
/// heap and mmap'd regions stay randomised). Addons are unaffected: they are `dlopen`ed shared
/// objects that get their functions from a table the runtime hands them, not by symbol.
fn link_node_without_pie() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-link-arg-bin=node=-no-pie");
    }
}

/// Has the linker put the functions start-up runs side by side (runtime/startup-order.txt,
/// written by tools/startup-order.sh): the kernel maps code in a fault per 64 KiB around the
/// page touched, and scattered over the binary the ~650 functions an empty script runs took
/// 31 such faults where packed they take 8 (docs/performance.md, "Session 11"). The option is
/// lld's, the linker Rust uses on x86-64 Linux since 1.90; names the binary lacks are skipped.
fn order_startup_functions() {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("startup-order.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    let target = std::env::var("TARGET").unwrap_or_default();
    if target == "x86_64-unknown-linux-gnu" {
        println!(
            "cargo:rustc-link-arg-bin=node=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        println!("cargo:rustc-link-arg-bin=node=-Wl,--no-warn-symbol-ordering");
    }
}

/// Links GCC's unwinder (libgcc_eh.a, what Rust's panics unwind the stack with) into the
/// binaries instead of loading libgcc_s.so at every start: a shared library fewer to map and
/// relocate, 8 page faults and ~0.1 ms of an empty script's start-up (docs/performance.md,
/// "Session 11"). Named here, the archive comes on the link line before the standard library's
/// `-lgcc_s`, which then provides nothing and is dropped (`--as-needed`). The C library loads
/// libgcc_s.so by itself if a thread is ever cancelled, which the runtime never does.
fn link_the_unwinder_statically() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target == "x86_64-unknown-linux-gnu" {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}

/// The `NAME.js` files of `dir`, by name, sorted (so the generated table does not change with
/// the order the directory lists them in).
fn js_files(dir: &Path) -> Vec<(String, PathBuf)> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("stdlib/ is readable") {
        let path = entry.expect("stdlib/ is readable").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".js"));
        if let Some(name) = name {
            files.push((name.to_string(), path.clone()));
        }
    }
    files.sort();
    files
}

/// What comes before and after a file's text: nothing for the bootstrap, the module wrapper
/// for a module.
fn wrapper(bootstrap: bool) -> (&'static str, &'static str) {
    if bootstrap {
        ("", "")
    } else {
        (module_wrapper::PREFIX, module_wrapper::SUFFIX)
    }
}

/// Compiles `path` to the image `out`: the bootstrap as a global script, a module inside the
/// module wrapper. False (after printing the error) when the file has a syntax error.
fn compile(path: &Path, out: &Path, bootstrap: bool) -> bool {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).expect("stdlib files are UTF-8");
    let (prefix, suffix) = wrapper(bootstrap);
    match engine::bytecode::image::compile(prefix, &text, suffix) {
        Ok(image) => {
            std::fs::write(out, image).expect("OUT_DIR is writable");
            true
        }
        Err(error) => {
            eprintln!("{}", error.render(&text, &path.display().to_string()));
            false
        }
    }
}
