/work/main/tools/bench/qjs/target/release/deps/rquickjs_sys-856510d30750e4b1.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/lib.rs /work/main/tools/bench/qjs/target/release/build/rquickjs-sys-ee06ccc9b4daac4d/out/bindings.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/bindings/x86_64-unknown-linux-gnu.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/ptr_64.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/common.rs

/work/main/tools/bench/qjs/target/release/deps/librquickjs_sys-856510d30750e4b1.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/lib.rs /work/main/tools/bench/qjs/target/release/build/rquickjs-sys-ee06ccc9b4daac4d/out/bindings.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/bindings/x86_64-unknown-linux-gnu.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/ptr_64.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/common.rs

/work/main/tools/bench/qjs/target/release/deps/librquickjs_sys-856510d30750e4b1.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/lib.rs /work/main/tools/bench/qjs/target/release/build/rquickjs-sys-ee06ccc9b4daac4d/out/bindings.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/bindings/x86_64-unknown-linux-gnu.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/ptr_64.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/common.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/lib.rs:
/work/main/tools/bench/qjs/target/release/build/rquickjs-sys-ee06ccc9b4daac4d/out/bindings.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/bindings/x86_64-unknown-linux-gnu.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/ptr_64.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-sys-0.9.0/src/inlines/common.rs:

# env-dep:OUT_DIR=/work/main/tools/bench/qjs/target/release/build/rquickjs-sys-ee06ccc9b4daac4d/out
