//! The demo's roster of the public-opinion network (SPEC §16): eight
//! collaborators and two propagandists over the four communes, with their
//! terms — one collaborator whose term ended and who no longer serves.
//! The two reporters of the demo's logins are among them; the others are
//! reporter accounts of the communes' Front and mass organisations. All
//! ten are printed under the logins, grouped by kind ([`logins`]).

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use store::Store;
use store::admin::NewUser;
use store::collaborators::CollaboratorRow;
use workflow::{CollaboratorInput, CollaboratorKind, Lang, Role};

use super::org::{DEMO_PASSWORD, USERS};

/// A member of the demo roster, as printed under the logins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLogin {
    /// Collaborator or propagandist.
    pub kind: CollaboratorKind,
    /// Sign-in e-mail (the password is the demo one).
    pub email: String,
    /// Full name.
    pub name: String,
    /// The area codes covered, comma-separated.
    pub areas: String,
    /// The day the term ended, for a member who no longer serves.
    pub ended: Option<NaiveDate>,
}

/// Every e-mail of the roster.
pub fn emails() -> impl Iterator<Item = &'static str> {
    ROSTER.iter().map(|(email, ..)| *email)
}

/// The roster's members for whom `present` holds, in roster order.
pub fn logins(present: impl Fn(&str) -> bool) -> Vec<RosterLogin> {
    let names = REPORTERS
        .iter()
        .map(|(email, name, _)| (*email, *name))
        .chain(USERS.iter().map(|(email, name, ..)| (*email, *name)));
    let name_of = |email: &str| {
        names
            .clone()
            .find(|(e, _)| *e == email)
            .map_or_else(String::new, |(_, name)| name.to_owned())
    };
    ROSTER
        .iter()
        .filter(|(email, ..)| present(email))
        .map(|(email, kind, areas, _, until, active)| RosterLogin {
            kind: CollaboratorKind::from_code(kind).unwrap_or(CollaboratorKind::Collaborator),
            email: (*email).to_owned(),
            name: name_of(email),
            areas: areas.replace(';', ", "),
            ended: if *active {
                None
            } else {
                NaiveDate::parse_from_str(until, "%Y-%m-%d").ok()
            },
        })
        .collect()
}

/// Reporter accounts made for the roster: (e-mail, name, unit).
const REPORTERS: &[(&str, &str, &str)] = &[
    ("ctv2.hoalu@demo.noicom.vn", "Lê Thị Mai", "MTTQ-HOALU"),
    ("ctv.tamdiep@demo.noicom.vn", "Phạm Văn Điệp", "MTTQ-NB"),
    ("ctv2.tamdiep@demo.noicom.vn", "Nguyễn Thị Thu", "HLHPN-NB"),
    ("ctv.giavien@demo.noicom.vn", "Đặng Văn Viên", "MTTQ-NB"),
    ("ctv2.giavien@demo.noicom.vn", "Hà Thị Ngọc", "TD-NB"),
    ("ctv2.kimson@demo.noicom.vn", "Lương Văn Hải", "MTTQ-KIMSON"),
    ("bcv.nb@demo.noicom.vn", "Trương Quốc Bảo", "MTTQ-NB"),
    ("bcv2.nb@demo.noicom.vn", "Mai Thị Hằng", "HLHPN-NB"),
];

/// (e-mail, kind, areas, from, until, active), as a roster file has them.
const ROSTER: &[(&str, &str, &str, &str, &str, bool)] = &[
    (
        "ctv.hoalu@demo.noicom.vn",
        "collaborator",
        "NB-HOALU",
        "2026-01-01",
        "2030-12-31",
        true,
    ),
    (
        "ctv2.hoalu@demo.noicom.vn",
        "collaborator",
        "NB-HOALU",
        "2026-01-01",
        "2030-12-31",
        true,
    ),
    (
        "ctv.tamdiep@demo.noicom.vn",
        "collaborator",
        "NB-TAMDIEP",
        "2026-01-01",
        "2030-12-31",
        true,
    ),
    (
        "ctv2.tamdiep@demo.noicom.vn",
        "collaborator",
        "NB-TAMDIEP",
        "2026-03-01",
        "",
        true,
    ),
    (
        "ctv.giavien@demo.noicom.vn",
        "collaborator",
        "NB-GIAVIEN",
        "2026-01-01",
        "2030-12-31",
        true,
    ),
    (
        "ctv2.giavien@demo.noicom.vn",
        "collaborator",
        "NB-GIAVIEN",
        "2026-01-01",
        "2030-12-31",
        true,
    ),
    (
        "ctv.kimson@demo.noicom.vn",
        "collaborator",
        "NB-KIMSON",
        "2026-01-01",
        "2030-12-31",
        true,
    ),
    (
        "ctv2.kimson@demo.noicom.vn",
        "collaborator",
        "NB-KIMSON",
        "2025-01-01",
        "2026-06-30",
        false,
    ),
    (
        "bcv.nb@demo.noicom.vn",
        "propagandist",
        "NB-HOALU;NB-TAMDIEP",
        "2025-07-01",
        "",
        true,
    ),
    (
        "bcv2.nb@demo.noicom.vn",
        "propagandist",
        "NB-GIAVIEN;NB-KIMSON",
        "2025-07-01",
        "",
        true,
    ),
];

/// Adds the roster's reporter accounts and every profile, at `now`.
pub async fn create(store: &Store, now: DateTime<Utc>) -> anyhow::Result<()> {
    for (email, name, unit) in REPORTERS {
        store
            .add_user(
                NewUser {
                    email: (*email).into(),
                    name: (*name).into(),
                    role: Role::Reporter,
                    unit: (*unit).into(),
                    password: Some(DEMO_PASSWORD.into()),
                    lang: Lang::Vi,
                },
                now,
            )
            .await
            .with_context(|| format!("cộng tác viên mẫu {email}"))?;
    }
    let rows = ROSTER
        .iter()
        .enumerate()
        .map(
            |(i, (email, kind, areas, from, until, active))| CollaboratorRow {
                line: i + 1,
                email: (*email).into(),
                input: CollaboratorInput {
                    kind: Some((*kind).into()),
                    areas: areas.split(';').map(str::to_owned).collect(),
                    from: Some((*from).into()),
                    until: Some((*until).into()),
                    active: Some(*active),
                },
            },
        )
        .collect();
    store.import_collaborators(rows, now).await?;
    Ok(())
}
