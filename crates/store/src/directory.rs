//! The organisation as the API shows and changes it: areas, units, users
//! and categories. Reading areas, units and categories is open to every
//! signed-in user (they name them when filing); everything else needs
//! `workflow::check_administration`, and every change is written to the
//! audit log (SPEC §9).

mod edit;
mod history;
mod read;
mod write;

use chrono::{DateTime, Utc};
use serde::Serialize;
use workflow::{Actor, UserId};

use crate::org::actor;
use crate::{Store, StoreError};

pub use edit::{AreaChange, UnitChange};
pub use history::{FormerName, former_names, name_on};
pub use write::{CategoryChange, NewCategory, UserChange};

/// An area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaInfo {
    /// Id.
    pub id: i64,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Parent area code; none for a root.
    pub parent: Option<String>,
    /// 0 for a root.
    pub depth: i32,
    /// The names it had before, oldest first.
    pub former_names: Vec<FormerName>,
}

/// A unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitInfo {
    /// Id.
    pub id: i64,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: String,
    /// Home area code.
    pub area: String,
    /// Codes of the areas it serves.
    pub serves: Vec<String>,
    /// Whether it still exists on the day asked about.
    pub active: bool,
    /// Its own e-mail address.
    pub email: Option<String>,
    /// The names it had before, oldest first.
    pub former_names: Vec<FormerName>,
}

/// A user, without any secret.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserInfo {
    /// Id.
    pub id: i64,
    /// E-mail.
    pub email: String,
    /// Name.
    pub name: String,
    /// Role code.
    pub role: String,
    /// Unit code.
    pub unit: String,
    /// `vi` or `en`.
    pub lang: String,
    /// Whether the account is disabled.
    pub disabled: bool,
    /// Title (chức vụ) printed under a signature, if set.
    pub title: Option<String>,
}

/// A category of cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryInfo {
    /// Code.
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Whether new cases may use it.
    pub active: bool,
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Id.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who, if known.
    pub actor: Option<i64>,
    /// What: `sign_in`, `sign_in_failed`, `open_sensitive_case`, `add_unit`…
    pub action: String,
    /// The details, as JSON.
    pub detail: serde_json::Value,
}

impl Store {
    /// The user as an administrator, or [`workflow::Refusal::AdminOnly`].
    pub(crate) async fn administrator(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<Actor, StoreError> {
        let actor = actor(&self.db, user, now).await?;
        workflow::check_administration(&actor)?;
        Ok(actor)
    }
}
