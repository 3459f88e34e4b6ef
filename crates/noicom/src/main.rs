//! The noicom binary: runs one command and turns its outcome into an exit
//! code — 0 done, 1 failed (one `lỗi:` line on stderr), 2 usage error or a
//! command not available yet.

use std::process::ExitCode;

use clap::Parser;
use noicom::cli::Cli;
use noicom::commands::NotAvailable;

#[tokio::main]
async fn main() -> ExitCode {
    // clap prints usage errors itself and exits with 2.
    let cli = Cli::parse();
    match noicom::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line: the context chain joined by ": ", never a backtrace.
            let message = format!("{err:#}").replace('\n', "; ");
            eprintln!("lỗi: {message}");
            if err.downcast_ref::<NotAvailable>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
