//! Debian's HAProxy in front of running replicas, with the configuration
//! the README shows (`deploy/haproxy.cfg`, read as it is: the addresses
//! come from the environment). Killed when the test ends. A missing
//! HAProxy fails the test: scripts/test installs it, and no test is
//! skipped.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::Server;

/// The configuration the README shows and the replicas tests run.
pub const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../deploy/haproxy.cfg");

/// How many replicas `deploy/haproxy.cfg` names.
pub const REPLICAS: usize = 3;

/// A running HAProxy.
pub struct Balancer {
    child: Child,
    /// `http://127.0.0.1:PORT`, where clients connect.
    pub url: String,
    log: std::path::PathBuf,
}

/// The HAProxy binary: `NOICOM_TEST_HAPROXY` (set by scripts/test), or
/// Debian's path.
fn haproxy() -> String {
    let path = std::env::var("NOICOM_TEST_HAPROXY").unwrap_or_else(|_| "/usr/sbin/haproxy".into());
    assert!(
        Path::new(&path).is_file(),
        "HAProxy is not installed at {path}: run the tests with scripts/test, which installs \
         Debian's haproxy package (or set NOICOM_TEST_HAPROXY)"
    );
    path
}

/// `host:port` of a server's URL.
fn address(server: &Server) -> &str {
    server.url.trim_start_matches("http://")
}

impl Balancer {
    /// Starts HAProxy in the foreground over `replicas` (as many as the
    /// configuration names), writing its output into `dir`, and waits
    /// until it forwards `/readyz`.
    pub async fn start(dir: &Path, replicas: &[&Server]) -> Balancer {
        assert_eq!(
            replicas.len(),
            REPLICAS,
            "{CONFIG} names {REPLICAS} replicas"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let log = dir.join("haproxy.log");
        let out = std::fs::File::create(&log).expect("haproxy's log file");
        let mut command = Command::new(haproxy());
        command
            .args(["-f", CONFIG, "-db"])
            .env("NOICOM_LB_BIND", format!("127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("the log file again"))
            .stderr(out);
        for (i, replica) in replicas.iter().enumerate() {
            command.env(format!("NOICOM_REPLICA_{}", i + 1), address(replica));
        }
        let child = command.spawn().expect("haproxy starts");
        let mut balancer = Balancer {
            child,
            url: format!("http://127.0.0.1:{port}"),
            log,
        };
        balancer.wait_ready().await;
        balancer
    }

    /// `url` + `path`.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    async fn wait_ready(&mut self) {
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                panic!("haproxy exited with {status}\n{}", self.report());
            }
            let answer = client
                .get(self.at("/readyz"))
                .timeout(Duration::from_secs(2))
                .send()
                .await;
            if answer.is_ok_and(|a| a.status() == 200) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("haproxy never forwarded /readyz\n{}", self.report());
    }

    /// What HAProxy wrote, for failure messages.
    pub fn report(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        format!("--- haproxy\n{text}")
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
