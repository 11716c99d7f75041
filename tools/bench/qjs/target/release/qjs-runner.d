/work/main/tools/bench/qjs/target/release/qjs-runner: /work/main/tools/bench/qjs/src/main.rs
