//! Running the binary once: arguments, standard input, and what came out.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::TestDb;

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_noicom");

/// A command line being prepared.
pub struct Cmd {
    command: Command,
    stdin: Option<String>,
    shown: String,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    shown: String,
}

/// `noicom` against the test's database, in its directory.
pub fn noicom(db: &TestDb) -> Cmd {
    let mut cmd = noicom_in(db.dir());
    cmd.command.env("NOICOM_DATABASE_URL", &db.url);
    cmd
}

/// `noicom` in `dir`, with no database configured but the default (an
/// SQLite file under `dir/data`) and none of the caller's `NOICOM_*`.
pub fn noicom_in(dir: &Path) -> Cmd {
    let mut command = Command::new(BIN);
    for (name, _) in std::env::vars() {
        if name.starts_with("NOICOM_") {
            command.env_remove(name);
        }
    }
    command
        .current_dir(dir)
        .env("NOICOM_LOG", "warn")
        .env("NOICOM_SCHEDULER", "off");
    Cmd {
        command,
        stdin: None,
        shown: "noicom".to_owned(),
    }
}

impl Cmd {
    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for arg in args {
            self.shown.push(' ');
            self.shown.push_str(arg.as_ref());
            self.command.arg(arg.as_ref());
        }
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, name: &str, value: &str) -> Cmd {
        self.command.env(name, value);
        self
    }

    /// Feeds standard input.
    pub fn stdin(mut self, text: &str) -> Cmd {
        self.stdin = Some(text.to_owned());
        self
    }

    /// Runs to the end.
    pub fn run(mut self) -> Run {
        self.command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self
            .command
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {BIN}: {err}"));
        let mut stdin = child.stdin.take().expect("stdin");
        if let Some(text) = &self.stdin {
            stdin.write_all(text.as_bytes()).expect("write stdin");
        }
        drop(stdin);
        let output = child.wait_with_output().expect("wait for noicom");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            shown: self.shown,
        }
    }

    /// Runs and expects success.
    pub fn ok(self) -> Run {
        self.run().ok()
    }
}

impl Run {
    /// Expects exit code 0.
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "{} failed:\n{}", self.shown, self.report());
        self
    }

    /// Expects a failure with `code` and one `lỗi:` line on stderr that
    /// contains every piece of `needles`, ignoring case.
    pub fn fails(self, code: i32, needles: &[&str]) -> Run {
        assert_eq!(
            self.code,
            code,
            "{}: exit code\n{}",
            self.shown,
            self.report()
        );
        let line = self.error_line().to_lowercase();
        for needle in needles {
            assert!(
                line.contains(&needle.to_lowercase()),
                "{}: error should contain «{needle}»\n{}",
                self.shown,
                self.report()
            );
        }
        self
    }

    /// The `lỗi:` line of stderr.
    pub fn error_line(&self) -> &str {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| l.starts_with("lỗi: "))
            .collect();
        assert_eq!(
            lines.len(),
            1,
            "{}: one «lỗi:» line expected\n{}",
            self.shown,
            self.report()
        );
        lines[0]
    }

    fn report(&self) -> String {
        format!(
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}
