//! A real SMTP server per test: `tests/support/smtp_sink.py` (aiosmtpd) on
//! a free port, writing what it receives as JSON lines into the test's
//! directory. It can be stopped and started again on the same port to
//! play an SMTP outage.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// One message as the server received it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Received {
    /// Envelope recipients.
    pub to: Vec<String>,
    /// `From` header.
    pub from: String,
    /// Decoded subject.
    pub subject: String,
    /// `Message-ID` header.
    pub message_id: String,
    /// `Date` header.
    pub date: String,
    /// `X-Noicom-Kind` header.
    pub kind: String,
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
    /// The calendar parts of a meeting invitation.
    #[serde(default)]
    pub calendar: Vec<CalendarPart>,
}

/// A `text/calendar` or `application/ics` part as received.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct CalendarPart {
    /// `text/calendar` or `application/ics`.
    pub content_type: String,
    /// The `method` parameter of its content type.
    pub method: String,
    /// Its file name, for an attachment.
    pub filename: String,
    /// The iCalendar text.
    pub text: String,
}

/// A running (or stopped) SMTP sink.
pub struct SmtpSink {
    /// Its port on 127.0.0.1.
    pub port: u16,
    out: PathBuf,
    delay: f64,
    child: Option<Child>,
}

impl SmtpSink {
    /// Starts a sink writing into `dir`. Panics when Python or aiosmtpd is
    /// missing: scripts/test installs them, and no test is skipped.
    pub fn start(dir: &std::path::Path) -> SmtpSink {
        SmtpSink::slow(dir, 0.0)
    }

    /// A sink that waits `delay` seconds before accepting each message.
    pub fn slow(dir: &std::path::Path, delay: f64) -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut sink = SmtpSink {
            port,
            out: dir.join("received.jsonl"),
            delay,
            child: None,
        };
        sink.resume();
        sink
    }

    /// The lettre URL of the sink.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Starts the server again on its port (after [`SmtpSink::stop`]).
    pub fn resume(&mut self) {
        let python = std::env::var("NOICOM_TEST_PYTHON").expect(
            "NOICOM_TEST_PYTHON is not set: run the tests with scripts/test, which installs aiosmtpd",
        );
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/support/smtp_sink.py"
        );
        let mut child = Command::new(&python)
            .args([script, &self.port.to_string(), self.out.to_str().unwrap()])
            .arg(self.delay.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {python} {script}: {e}"));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .expect("the SMTP sink's first line");
        assert_eq!(line.trim(), "ready", "the SMTP sink did not start");
        self.child = Some(child);
    }

    /// Stops the server: connections are refused until [`SmtpSink::resume`].
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("a JSON line of the sink"))
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}
