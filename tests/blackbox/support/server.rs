//! `noicom serve` in the background on a free port, ready to take requests;
//! killed when the test ends.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::TestDb;
use super::cli::BIN;

/// How long start-up (migrations included) may take.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A running server.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// What the server printed on stdout before its URL (demo logins…).
    pub banner: Vec<String>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `noicom serve` with `args` on the test's database and waits
    /// until `/readyz` answers 200.
    pub async fn start(db: &TestDb, args: &[&str]) -> Server {
        Server::start_with_env(db, args, &[]).await
    }

    /// [`Server::start`] with environment variables set over the test
    /// defaults (e.g. `NOICOM_SCHEDULER=on`).
    pub async fn start_with_env(db: &TestDb, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(BIN);
        for (name, _) in std::env::vars() {
            if name.starts_with("NOICOM_") {
                command.env_remove(name);
            }
        }
        let mut child = command
            .arg("serve")
            .args(args)
            .current_dir(db.dir())
            .env("NOICOM_DATABASE_URL", &db.url)
            // Port 0: the system picks a free port and the server prints it.
            .env("NOICOM_BIND", "127.0.0.1:0")
            .env("NOICOM_SCHEDULER", "off")
            .env("NOICOM_LOG", "info")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {BIN} serve: {err}"));

        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let (lines_tx, lines) = mpsc::channel();
        let out_pipe = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(out_pipe).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });

        let mut server = Server {
            child,
            url: String::new(),
            banner: Vec::new(),
            stderr,
        };
        let deadline = Instant::now() + START_TIMEOUT;
        while server.url.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => match line
                    .split_whitespace()
                    .find(|word| word.starts_with("http://"))
                {
                    Some(url) => server.url = url.to_owned(),
                    None => server.banner.push(line),
                },
                Err(_) => {
                    // Stdout closed (the process ended) or the time is up.
                    let status = server.child.try_wait().ok().flatten();
                    let status = status.map_or("still running".to_owned(), |s| s.to_string());
                    panic!(
                        "noicom serve printed no URL ({status})\n{}",
                        server.report()
                    );
                }
            }
        }
        server.wait_ready(deadline).await;
        server
    }

    /// `url` + `path`.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Sends SIGTERM and waits for the process to end.
    pub fn terminate(&mut self) -> ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM failed");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "noicom serve did not stop on SIGTERM\n{}",
                self.report()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the process with SIGKILL, as a crash or a lost machine
    /// would: no request in flight is finished.
    pub fn kill(&mut self) {
        self.child.kill().expect("kill -KILL");
        let _ = self.child.wait();
    }

    async fn wait_ready(&mut self, deadline: Instant) {
        let client = reqwest::Client::new();
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                panic!("noicom serve exited with {status}\n{}", self.report());
            }
            match client
                .get(self.at("/readyz"))
                .timeout(Duration::from_secs(5))
                .send()
                .await
            {
                Ok(response) if response.status() == 200 => return,
                Ok(response) => {
                    last = format!(
                        "{}: {}",
                        response.status(),
                        response.text().await.unwrap_or_default()
                    )
                }
                Err(err) => last = err.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "/readyz never answered 200 (last: {last})\n{}",
            self.report()
        );
    }

    /// What the server wrote, for failure messages.
    pub fn report(&self) -> String {
        format!(
            "--- stdout\n{}\n--- stderr\n{}",
            self.banner.join("\n"),
            self.stderr.lock().unwrap()
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
