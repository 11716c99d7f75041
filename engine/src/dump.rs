//! Readable dumps of the front end's stages: `--dump-tokens` and `--dump-ast`.
