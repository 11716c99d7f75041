/work/main/tools/bench/qjs/target/release/deps/rquickjs-629b67435306d024.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-0.9.0/src/lib.rs

/work/main/tools/bench/qjs/target/release/deps/librquickjs-629b67435306d024.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-0.9.0/src/lib.rs

/work/main/tools/bench/qjs/target/release/deps/librquickjs-629b67435306d024.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-0.9.0/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rquickjs-0.9.0/src/lib.rs:
