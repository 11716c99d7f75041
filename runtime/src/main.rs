//! The `node` binary: node v0.1.27's command line in front of our own engine (the runtime
//! library, src/lib.rs, does the work).

/// mimalloc in place of glibc's malloc: the collector frees objects in batches of thousands,
/// which glibc's bins handle badly (docs/performance.md, "Allocator"). It is built not to commit
/// its arenas up front (.cargo/config.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    runtime::node_main()
}
