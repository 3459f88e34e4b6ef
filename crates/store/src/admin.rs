//! Administration: areas, units, users, tokens, programmes, backups.

use workflow::{Lang, Role, UnitKind};

use crate::{Store, StoreError};

/// A new area.
#[derive(Debug, Clone)]
pub struct NewArea {
    /// Unique code, e.g. `HN` or `HN-BADINH`.
    pub code: String,
    /// Name, e.g. `Phường Ba Đình`.
    pub name: String,
    /// Code of the parent area; `None` for a root (a province).
    pub parent: Option<String>,
}

/// A new unit.
#[derive(Debug, Clone)]
pub struct NewUnit {
    /// Unique code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: UnitKind,
    /// Home area code.
    pub area: String,
    /// Served area codes; empty means the home area only.
    pub serves: Vec<String>,
    /// The unit's own e-mail address.
    pub email: Option<String>,
}

/// A new user.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Unique e-mail (sign-in name).
    pub email: String,
    /// Full name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Unit code.
    pub unit: String,
    /// Password; `None` leaves the account without one (token only).
    pub password: Option<String>,
    /// Preferred language.
    pub lang: Lang,
}

/// A new coordination programme.
#[derive(Debug, Clone)]
pub struct NewProgramme {
    /// First year of the term.
    pub year_from: i32,
    /// Last year of the term (= `year_from` for one year).
    pub year_to: i32,
    /// Area code.
    pub area: String,
    /// Party unit codes: one board and the state bodies.
    pub parties: Vec<String>,
    /// Title; a default is made from the area and the term when `None`.
    pub title: Option<String>,
}

/// What `add_programme` created.
#[derive(Debug, Clone)]
pub struct ProgrammeCreated {
    /// The programme id.
    pub id: i64,
    /// The default duty schedules: (provider unit code, recipient board code).
    pub schedules: Vec<(String, String)>,
}

impl Store {
    /// Adds an area.
    pub async fn add_area(&self, area: NewArea) -> Result<i64, StoreError> {
        let _ = area;
        todo!()
    }

    /// Adds many areas at once: all or none. Rows may name parents defined
    /// earlier in the same list. A bad row is reported by its index + 2
    /// (the CSV line, after the header).
    pub async fn import_areas(&self, areas: Vec<NewArea>) -> Result<usize, StoreError> {
        let _ = areas;
        todo!()
    }

    /// Adds a unit.
    pub async fn add_unit(&self, unit: NewUnit) -> Result<i64, StoreError> {
        let _ = unit;
        todo!()
    }

    /// Adds a user.
    pub async fn add_user(&self, user: NewUser) -> Result<i64, StoreError> {
        let _ = user;
        todo!()
    }

    /// Issues an API token for a user; the plain token is returned once and
    /// only its hash is kept.
    pub async fn issue_token(&self, user_id: i64, label: &str) -> Result<String, StoreError> {
        let _ = (user_id, label);
        todo!()
    }

    /// Adds a programme with the default quarterly duty schedules of each
    /// state-body party toward the board party.
    pub async fn add_programme(&self, programme: NewProgramme) -> Result<ProgrammeCreated, StoreError> {
        let _ = programme;
        todo!()
    }

    /// Writes a consistent online copy of an SQLite database to `path`
    /// (`VACUUM INTO`); on PostgreSQL says to use pg_dump.
    pub async fn backup(&self, path: &std::path::Path) -> Result<(), StoreError> {
        let _ = path;
        todo!()
    }
}
