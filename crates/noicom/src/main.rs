//! The noicom binary: runs one command and turns its outcome into an exit
//! code — 0 done, 1 failed (one `lỗi:` line on stderr), 2 usage error.

use std::io::Write;
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
    let code = match noicom::run(cli).await {
        Ok(()) => 0,
        Err(err) => {
            // One line: the context chain joined by ": ", never a backtrace.
            let message = format!("{err:#}").replace('\n', "; ");
            eprintln!("lỗi: {message}");
            1
        }
    };
    // Everything the command did is committed and printed by now. The
    // process ends here rather than in the runtime's teardown, where sqlx's
    // pool maintenance was seen spinning for minutes after a finished
    // `programme add` (a test child, 65 % CPU, 17 minutes).
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}
