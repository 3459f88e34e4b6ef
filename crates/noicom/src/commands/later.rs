//! The commands of SPEC §6.1 whose work is a later issue: they check their
//! arguments, then say plainly that they are not available (exit code 2).

use chrono::DateTime;
use thiserror::Error;

use crate::cli::ExportReportArgs;

/// A command that this version does not carry out yet.
#[derive(Debug, Error)]
#[error("{command}: chưa có trong phiên bản này / not available yet")]
pub struct NotAvailable {
    /// The command, as typed.
    pub command: &'static str,
}

/// `noicom scheduler`
pub fn scheduler() -> anyhow::Result<()> {
    Err(NotAvailable {
        command: "scheduler",
    }
    .into())
}

/// `noicom remind --as-of T`
pub fn remind(as_of: &str) -> anyhow::Result<()> {
    DateTime::parse_from_rfc3339(as_of).map_err(|err| {
        anyhow::anyhow!(
            "--as-of «{as_of}» không phải thời điểm RFC 3339 (ví dụ 2026-10-14T08:00:00+07:00): {err}"
        )
    })?;
    Err(NotAvailable { command: "remind" }.into())
}

/// `noicom export-report`
pub fn export_report(args: &ExportReportArgs) -> anyhow::Result<()> {
    let _ = args;
    Err(NotAvailable {
        command: "export-report",
    }
    .into())
}
