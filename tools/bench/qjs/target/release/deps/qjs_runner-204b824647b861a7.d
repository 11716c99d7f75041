/work/main/tools/bench/qjs/target/release/deps/qjs_runner-204b824647b861a7.d: src/main.rs

/work/main/tools/bench/qjs/target/release/deps/qjs_runner-204b824647b861a7: src/main.rs

src/main.rs:
