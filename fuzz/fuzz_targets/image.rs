//! The bytecode image decoder on arbitrary bytes: an error, never a panic or a huge
//! allocation. Images that do decode must encode back to the same bytes.
#![no_main]

use engine::bytecode::image;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(proto) = image::decode(data) {
        let again = image::encode(&proto);
        let proto2 = image::decode(&again).expect("an encoded image decodes");
        assert_eq!(image::encode(&proto2), again, "encode(decode(x)) is stable");
    }
});
