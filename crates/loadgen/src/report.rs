//! The report: one Markdown table row per workload.

use crate::workloads::{Outcome, Workload};

/// One line of the report.
pub struct Row<'a> {
    /// Which set-up (backend, build).
    pub label: &'a str,
    /// Which workload.
    pub workload: Workload,
    /// What happened.
    pub outcome: &'a Outcome,
    /// The server's peak and current resident memory in MiB.
    pub memory: Option<(f64, f64)>,
}

/// The table header.
pub fn print_header() {
    println!(
        "| set-up | workload | requests | errors | req/s | p50 ms | p99 ms | max ms | server VmHWM / VmRSS MiB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
}

impl Row<'_> {
    /// Prints the row.
    pub fn print(&self) {
        let h = &self.outcome.latency_us;
        let ms = |us: u64| us as f64 / 1000.0;
        let memory = match self.memory {
            Some((hwm, rss)) => format!("{hwm:.0} / {rss:.0}"),
            None => "–".to_owned(),
        };
        println!(
            "| {} | {} | {} | {} | {:.0} | {:.1} | {:.1} | {:.1} | {} |",
            self.label,
            self.workload.describe(),
            h.len(),
            self.outcome.errors,
            h.len() as f64 / self.outcome.elapsed.as_secs_f64(),
            ms(h.value_at_quantile(0.5)),
            ms(h.value_at_quantile(0.99)),
            ms(h.max()),
            memory,
        );
        if let Some(first) = &self.outcome.first_error {
            println!("<!-- first error: {first} -->");
        }
    }
}

/// VmHWM and VmRSS of process `pid` in MiB, from `/proc/<pid>/status`.
pub fn server_memory(pid: u32) -> Option<(f64, f64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib = |key: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line.split_whitespace().nth(1)?.parse::<f64>().ok()
    };
    Some((kib("VmHWM:")? / 1024.0, kib("VmRSS:")? / 1024.0))
}
