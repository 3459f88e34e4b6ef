//! The noicom program as a library: the command line, the configuration,
//! the commands and the demo data set. `main.rs` only runs [`run`] and turns
//! its outcome into an exit code, so everything here can be unit-tested.

pub mod bench_text;
pub mod cli;
pub mod commands;
pub mod demo;
pub mod logging;
pub mod settings;

pub use settings::Settings;

/// Loads the configuration, sets up logging and runs one command.
pub async fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let settings = Settings::load(cli.config.as_deref())?;
    logging::init(&settings.log)?;
    tracing::debug!(?settings, "settings loaded");
    commands::run(cli.command, &settings).await
}
