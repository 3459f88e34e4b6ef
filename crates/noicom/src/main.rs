//! The noicom binary: runs one command and turns its outcome into an exit
//! code — 0 done, 1 failed (one `lỗi:` line on stderr), 2 usage error.

use std::process::ExitCode;

use clap::Parser;
use noicom::cli::Cli;

// A request allocates and frees many small buffers (rows, JSON); at the
// load of docs/benchmarks.md glibc's malloc took about 15 % of the CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            ExitCode::FAILURE
        }
    }
}
