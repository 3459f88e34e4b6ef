//! The command line of SPEC §6.1. These names are a contract: users' scripts
//! and the tests depend on them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "noicom",
    version,
    about = "noicom — theo dõi vấn đề nổi cộm, Nhân dân quan tâm, và nghĩa vụ cung cấp thông tin \
             giữa Ban Tuyên giáo và Dân vận và các cơ quan nhà nước."
)]
pub struct Cli {
    /// A configuration file (TOML) applied over config/default.toml and
    /// config/local.toml; environment variables still override it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// HTTP server with the scheduler inside; applies pending migrations.
    Serve {
        /// First load the demo data set into an empty database and print
        /// the demo logins.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending migrations and exit.
    Migrate,
    /// The scheduler alone, without HTTP.
    Scheduler,
    /// One scheduler sweep as of the given time, then exit.
    Remind {
        /// The time of the sweep, RFC 3339 (e.g. 2026-10-14T08:00:00+07:00).
        #[arg(long, value_name = "T")]
        as_of: String,
    },
    /// Administrative areas (địa bàn).
    #[command(subcommand)]
    Area(AreaCommand),
    /// Organisation units (đơn vị).
    #[command(subcommand)]
    Unit(UnitCommand),
    /// Users.
    #[command(subcommand)]
    User(UserCommand),
    /// Coordination programmes (chương trình phối hợp).
    #[command(subcommand)]
    Programme(ProgrammeCommand),
    /// The roster of the public-opinion network (cộng tác viên).
    #[command(subcommand)]
    Collaborator(CollaboratorCommand),
    /// A consistent online copy of the database (SQLite).
    Backup {
        /// Where to write the copy; must not exist yet.
        file: PathBuf,
    },
    /// The annual review report (báo cáo hội nghị đánh giá).
    ExportReport(ExportReportArgs),
    /// Fill an empty database with a province and generated cases for the
    /// load benchmark (docs/benchmarks.md); not for real data.
    SeedBench(SeedBenchArgs),
}

/// `noicom seed-bench`
#[derive(Debug, Args)]
pub struct SeedBenchArgs {
    /// How many cases.
    #[arg(long, default_value_t = 1_000_000)]
    pub cases: u64,
    /// How many communes under the province.
    #[arg(long, default_value_t = 120)]
    pub communes: usize,
    /// Cases per transaction.
    #[arg(long, default_value_t = 10_000)]
    pub batch: u64,
    /// Seed of the random generator (the same seed, the same cases).
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Where to write the API tokens and codes for the load generator.
    #[arg(long, default_value = "bench-tokens.json")]
    pub tokens: PathBuf,
}

/// `noicom area …`
#[derive(Debug, Subcommand)]
pub enum AreaCommand {
    /// Add one area.
    Add {
        /// Unique code, e.g. HN or HN-BADINH.
        #[arg(long)]
        code: String,
        /// Name, e.g. "Phường Ba Đình".
        #[arg(long)]
        name: String,
        /// Code of the parent area; none for a province.
        #[arg(long)]
        parent: Option<String>,
    },
    /// Add many areas from a CSV file with the header code,name,parent; all
    /// or none. A row's parent may be an earlier row.
    Import {
        /// The CSV file (UTF-8).
        file: PathBuf,
    },
}

/// `noicom collaborator …`
#[derive(Debug, Subcommand)]
pub enum CollaboratorCommand {
    /// Add many collaborator profiles from a CSV file with the header
    /// email,kind,areas,from,until,active (areas separated by `;`, days
    /// yyyy-mm-dd or dd/mm/yyyy); all or none, a bad row named by its line.
    Import {
        /// The CSV file (UTF-8).
        file: PathBuf,
    },
}

/// `noicom unit …`
#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// Add a unit.
    Add(UnitAddArgs),
}

/// `noicom unit add`
#[derive(Debug, Args)]
pub struct UnitAddArgs {
    /// Unique code, e.g. UBND-HN.
    #[arg(long)]
    pub code: String,
    /// Name, e.g. "Ủy ban nhân dân thành phố Hà Nội".
    #[arg(long)]
    pub name: String,
    /// Kind: party_committee, board, people_council, people_committee,
    /// court, procuracy, front, mass_org, media.
    #[arg(long)]
    pub kind: String,
    /// Home area code.
    #[arg(long)]
    pub area: String,
    /// Areas served, comma-separated; the home area when not given.
    #[arg(long, value_delimiter = ',', value_name = "A1,A2")]
    pub serves: Vec<String>,
    /// The unit's e-mail address.
    #[arg(long)]
    pub email: Option<String>,
}

/// `noicom user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user.
    Add(UserAddArgs),
}

/// `noicom user add`
#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// E-mail address; the sign-in name.
    #[arg(long)]
    pub email: String,
    /// Full name.
    #[arg(long)]
    pub name: String,
    /// Role: reporter, board_officer, agency_liaison, leader, admin.
    #[arg(long)]
    pub role: String,
    /// Code of the user's unit.
    #[arg(long)]
    pub unit: String,
    /// Read the password from standard input (one line).
    #[arg(long)]
    pub password_stdin: bool,
    /// Print a new API token on standard output, alone on its line.
    #[arg(long)]
    pub print_token: bool,
    /// Language of the user's pages and e-mails: vi or en.
    #[arg(long, default_value = "vi")]
    pub lang: String,
    /// The title (chức vụ) a document's signature block prints under the
    /// user's name, e.g. "Trưởng ban".
    #[arg(long)]
    pub title: Option<String>,
}

/// `noicom programme …`
#[derive(Debug, Subcommand)]
pub enum ProgrammeCommand {
    /// Add a coordination programme with the default quarterly duty
    /// schedules of each state-body party toward the board party.
    Add(ProgrammeAddArgs),
}

/// `noicom programme add`
#[derive(Debug, Args)]
pub struct ProgrammeAddArgs {
    /// The year, or the first year of the term.
    #[arg(long)]
    pub year: i32,
    /// The last year of the term (e.g. --year 2026 --to 2030).
    #[arg(long, value_name = "Y2")]
    pub to: Option<i32>,
    /// Area code.
    #[arg(long)]
    pub area: String,
    /// Party unit codes, comma-separated: the board and the state bodies.
    #[arg(long, value_delimiter = ',', value_name = "U1,U2", required = true)]
    pub parties: Vec<String>,
    /// A UTF-8 text file of the programme's content items, one a line, in
    /// order (a number typed in front, "1." or "2)", is dropped; blank
    /// lines are skipped). The annual report is written against them.
    #[arg(long, value_name = "FILE")]
    pub items: Option<std::path::PathBuf>,
    /// The programme's number as signed, e.g. 05-CTr/BTGDVTU-UBND.
    #[arg(long)]
    pub number: Option<String>,
    /// The day it was signed (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub signed_on: Option<chrono::NaiveDate>,
}

/// `noicom export-report`
#[derive(Debug, Args)]
pub struct ExportReportArgs {
    /// The year reported.
    #[arg(long)]
    pub year: i32,
    /// Area code (the whole tree when not given).
    #[arg(long)]
    pub area: Option<String>,
    /// Output format: `docx` is the report as a document of the board to
    /// sign (SPEC §15), numbered from its register on the first export.
    #[arg(long, default_value = "csv", value_parser = ["csv", "xlsx", "html", "docx"])]
    pub format: String,
    /// The e-mail of the user who signs a `docx` report (their name and
    /// title are printed in the signature block; blank when not given).
    #[arg(long, value_name = "EMAIL")]
    pub signer: Option<String>,
    /// The file to write (standard output when not given).
    #[arg(long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Language of the headings: vi (default) or en.
    #[arg(long, default_value = "vi", value_parser = ["vi", "en"])]
    pub lang: String,
}
