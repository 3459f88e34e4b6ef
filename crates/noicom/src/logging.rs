//! Logging: `tracing` to stderr, so that stdout carries only what a script
//! may read (URLs, tokens, tables).

use std::io::IsTerminal;

use anyhow::Context;
use tracing_subscriber::EnvFilter;

/// Installs the subscriber with the filter of the settings (`NOICOM_LOG`).
pub fn init(filter: &str) -> anyhow::Result<()> {
    let filter = EnvFilter::try_new(filter)
        .with_context(|| format!("bộ lọc nhật ký NOICOM_LOG=«{filter}» không hợp lệ"))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not in log files.
        .with_ansi(std::io::stderr().is_terminal())
        .try_init()
        .map_err(|err| anyhow::anyhow!(err))
        .context("không khởi tạo được nhật ký")
}
