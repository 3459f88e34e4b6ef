//! The commands of SPEC §6.1 whose work is a later issue: they check their
//! arguments, then say plainly that they are not available (exit code 2).

use thiserror::Error;

use crate::cli::ExportReportArgs;

/// A command that this version does not carry out yet.
#[derive(Debug, Error)]
#[error("{command}: chưa có trong phiên bản này / not available yet")]
pub struct NotAvailable {
    /// The command, as typed.
    pub command: &'static str,
}

/// `noicom export-report`
pub fn export_report(args: &ExportReportArgs) -> anyhow::Result<()> {
    let _ = args;
    Err(NotAvailable {
        command: "export-report",
    }
    .into())
}
