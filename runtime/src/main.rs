//! The `node` binary. (Stub: being written.)
fn main() {}
