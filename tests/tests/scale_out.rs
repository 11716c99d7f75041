//! Scale-out behind a real load balancer: nginx (tools/scale-out/nginx.sh, the configuration
//! docs/deploying.md explains) in front of four of our hello-world processes
//! (tools/scale-out/backend.js), driven by wrk. No errors, every backend serving, chunked and
//! Content-Length bodies through the proxy, and a backend killed mid-run routed around.

use integration::{free_port, node_bin, wait_for_port, TempDir};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

fn tool(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tools")
        .join(path)
}

/// The processes of the test, ended when it ends however it ends: with SIGTERM, on which
/// nginx's master stops its workers too (SIGKILL would leave them behind).
struct Processes(Vec<Child>);

impl Drop for Processes {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
            let _ = child.wait();
        }
    }
}

/// One GET on a connection of its own, through `port`; the whole answer.
fn get(port: u16, path: &str) -> String {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    socket.set_read_timeout(Some(LIMIT)).expect("timeout");
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).expect("write");
    let mut answer = String::new();
    socket.read_to_string(&mut answer).expect("read");
    answer
}

/// wrk against `port` for `seconds`; its report.
fn wrk(port: u16, seconds: u32) -> String {
    let output = Command::new("wrk")
        .args(["-t1", "-c20", &format!("-d{seconds}s")])
        .arg(format!("http://127.0.0.1:{port}/"))
        .output()
        .expect("wrk is needed (apt-get install wrk)");
    assert!(output.status.success(), "wrk failed: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Asserts a wrk report shows requests and no error of any kind.
fn assert_clean(report: &str) {
    assert!(report.contains("requests in"), "{report}");
    assert!(
        !report.contains("Socket errors") && !report.contains("Non-2xx"),
        "{report}"
    );
}

#[test]
fn nginx_in_front_of_four_backends() {
    let dir = TempDir::new("scale_out");
    let backends: Vec<u16> = (0..4).map(|_| free_port()).collect();
    let mut processes = Processes(Vec::new());
    for port in &backends {
        let child = Command::new(node_bin())
            .arg(tool("scale-out/backend.js"))
            .arg(port.to_string())
            .stdin(Stdio::null())
            .spawn()
            .expect("start a backend");
        processes.0.push(child);
    }
    for port in &backends {
        assert!(wait_for_port(*port, LIMIT), "backend {port} did not listen");
    }
    let front = free_port();
    let nginx = Command::new(tool("scale-out/nginx.sh"))
        .arg(dir.path())
        .arg(front.to_string())
        .args(backends.iter().map(u16::to_string))
        .stdin(Stdio::null())
        .spawn()
        .expect("start nginx (apt-get install nginx)");
    processes.0.push(nginx);
    assert!(wait_for_port(front, LIMIT), "nginx did not listen");

    // Both framings come through whole.
    let chunked = get(front, "/chunked");
    assert!(chunked.starts_with("HTTP/1.1 200 OK\r\n"), "{chunked}");
    assert!(chunked.contains("one two three\n"), "{chunked}");
    let length = get(front, "/length");
    assert!(
        length.ends_with("\r\n\r\na body of known length\n"),
        "{length}"
    );

    // Load: no errors, and every backend takes its share.
    assert_clean(&wrk(front, 3));
    for port in &backends {
        let answer = get(*port, "/count");
        let served: u64 = answer
            .rsplit("\r\n\r\n")
            .next()
            .and_then(|body| body.parse().ok())
            .unwrap_or(0);
        assert!(served > 100, "backend {port} served {served}: {answer}");
    }

    // A backend killed in the middle of a run: nginx sends its requests to the others.
    let load = std::thread::spawn(move || wrk(front, 6));
    std::thread::sleep(Duration::from_secs(2));
    let _ = processes.0[0].kill();
    let _ = processes.0[0].wait();
    assert_clean(&load.join().expect("wrk thread"));
    let answer = get(front, "/");
    assert!(answer.ends_with("Hello World\n\r\n0\r\n\r\n"), "{answer}");
    assert!(!answer.contains(&format!("X-Backend: {}\r\n", backends[0])));
}
