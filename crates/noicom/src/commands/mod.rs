//! One module per command of SPEC §6.1, and what they share: opening the
//! store, and the error of the commands that are not built yet.

mod area;
mod area_csv;
mod backup;
mod collaborator;
mod collaborator_csv;
mod export_report;
mod migrate;
mod programme;
pub(crate) mod scheduling;
mod seed_bench;
mod serve;
mod unit;
mod user;

use anyhow::Context;
use store::Store;

use crate::cli::{
    AreaCommand, CollaboratorCommand, Command, ProgrammeCommand, UnitCommand, UserCommand,
};
use crate::settings::Settings;

/// Runs one command.
pub async fn run(command: Command, settings: &Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve { demo } => serve::run(settings, demo).await,
        Command::Migrate => migrate::run(settings).await,
        Command::Scheduler => scheduling::run(settings).await,
        Command::Remind { as_of } => scheduling::remind(settings, &as_of).await,
        Command::Area(AreaCommand::Add { code, name, parent }) => {
            area::add(settings, code, name, parent).await
        }
        Command::Area(AreaCommand::Import { file }) => area::import(settings, &file).await,
        Command::Unit(UnitCommand::Add(args)) => unit::add(settings, args).await,
        Command::User(UserCommand::Add(args)) => user::add(settings, args).await,
        Command::Programme(ProgrammeCommand::Add(args)) => programme::add(settings, args).await,
        Command::Collaborator(CollaboratorCommand::Import { file }) => {
            collaborator::import(settings, &file).await
        }
        Command::Backup { file } => backup::run(settings, &file).await,
        Command::ExportReport(args) => export_report::run(settings, args).await,
        Command::SeedBench(args) => seed_bench::run(settings, args).await,
    }
}

/// Connects to the configured database and applies its pending migrations,
/// as `serve` does: an operator's first command on a new database is often
/// `area add`, not `migrate`.
async fn open(settings: &Settings) -> anyhow::Result<Store> {
    let store = Store::connect(settings.database_url.expose())
        .await
        .with_context(|| format!("không kết nối được cơ sở dữ liệu {}", settings.database_url))?;
    store
        .migrate()
        .await
        .context("không áp dụng được migration")?;
    Ok(store)
}
