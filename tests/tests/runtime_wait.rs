//! promise.wait() with stdin from a real pipe: a wait begun while another waits must return
//! first ("the first promise's wait will not return until all others return"). The other
//! wait() tests, which need no input, are scripts in tests/scripts/wait/.

use integration::{run_js_with, script_source, Options};
use std::time::Duration;

#[test]
fn nested_waits_with_timers_and_stdin_return_last_begun_first() {
    // main waits for A; a timer then waits for B (fired by stdin "b"); a timer set up by
    // that one waits for C (fired by stdin "c"). A fires in a tick before B and C do, and B
    // before C, yet the waits return C, B, A. An interval keeps ticking all along.
    let source = script_source("wait/driven/nested-waits-with-stdin.js");
    let options = Options {
        stdin: vec![
            (Duration::from_millis(40), b"xb".to_vec()),
            (Duration::from_millis(40), b"c".to_vec()),
            // Long after the end: the script must not wait for it.
            (Duration::from_secs(3), b"never needed".to_vec()),
        ],
        ..Options::default()
    };
    let (run, _dir) = run_js_with("nested", &source, &[], &options);
    assert_eq!(
        run.stdout,
        "main waits for A\nt1 waits for B\nt2 waits for C\n\
         C returned input c; A fired: true, B fired: true, interval ran: true\n\
         B returned input b\nA returned [\"a\",1]\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
    // close() ended it: the writer's last chunk, 3 s on, was not waited for (the run takes
    // about 100 ms; the bound leaves seconds for a loaded machine).
    assert!(
        run.elapsed < Duration::from_millis(2500),
        "{:?}",
        run.elapsed
    );
}
