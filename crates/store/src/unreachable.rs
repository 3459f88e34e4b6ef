//! Units that e-mail cannot reach (SPEC §14 "nothing silently lost"):
//! active units with no address of their own and no enabled user with an
//! address through whom they are reached (`workflow::unit_reachable`: the
//! liaisons; a board's officers, a party committee's leaders). Whatever is
//! sent to them reaches nobody, so administrators see them, with what they
//! are responsible for, and `/metrics` counts them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use workflow::{CaseState, DutyStatus, Role, UnitKind, UnitRef, UserId, unit_reachable};

use crate::entities::{area, case, duty_instance, unit, user};
use crate::{Store, StoreError};

/// A unit nobody receives e-mail for, with what it is responsible for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreachableUnit {
    /// Its id (for the link to its page).
    pub id: i64,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: UnitKind,
    /// The name of its home area.
    pub area: String,
    /// Open cases it leads.
    pub open_cases: u64,
    /// Of those, the sensitive ones (their titles are not the
    /// administrator's to read).
    pub open_cases_sensitive: u64,
    /// Information duties it still owes.
    pub pending_duties: u64,
    /// Of those, the ones past their due time.
    pub overdue_duties: u64,
}

impl Store {
    /// The active units e-mail cannot reach, by code, with their open
    /// cases and outstanding duties (administrators).
    pub async fn unreachable_units(
        &self,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<UnreachableUnit>, StoreError> {
        self.administrator(by, now).await?;
        let units = unreachable(&self.db, now).await?;
        let ids: Vec<i64> = units.iter().map(|u| u.id).collect();
        let areas: HashMap<i64, String> = area::Entity::find()
            .filter(area::Column::Id.is_in(units.iter().map(|u| u.home_area_id)))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        let open: Vec<&str> = CaseState::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| s.code())
            .collect();
        let cases = case::Entity::find()
            .filter(case::Column::LeadUnitId.is_in(ids.clone()))
            .filter(case::Column::State.is_in(open))
            .all(&self.db)
            .await?;
        let duties = duty_instance::Entity::find()
            .filter(duty_instance::Column::UnitId.is_in(ids))
            .filter(duty_instance::Column::Status.eq(DutyStatus::FIRST.code()))
            .all(&self.db)
            .await?;
        Ok(units
            .into_iter()
            .map(|u| {
                let led = cases.iter().filter(|c| c.lead_unit_id == Some(u.id));
                let owed = duties.iter().filter(|d| d.unit_id == u.id);
                UnreachableUnit {
                    id: u.id,
                    kind: UnitKind::from_code(&u.kind).unwrap_or(UnitKind::PeopleCommittee),
                    area: areas.get(&u.home_area_id).cloned().unwrap_or_default(),
                    open_cases: led.clone().count() as u64,
                    open_cases_sensitive: led
                        .filter(|c| c.sensitivity == workflow::Sensitivity::Sensitive.code())
                        .count() as u64,
                    pending_duties: owed.clone().count() as u64,
                    overdue_duties: owed.filter(|d| d.due_at < now).count() as u64,
                    code: u.code,
                    name: u.name,
                }
            })
            .collect())
    }

    /// How many active units e-mail cannot reach (for `/metrics`).
    pub async fn count_unreachable_units(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(unreachable(&self.db, now).await?.len() as u64)
    }
}

/// The active units, by code, that `workflow::unit_reachable` says nobody
/// reaches: two queries, whatever the number of units.
async fn unreachable(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<unit::Model>, StoreError> {
    let today = now.date_naive();
    let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
    for u in user::Entity::find()
        .filter(user::Column::Disabled.eq(false))
        .filter(user::Column::Email.ne(""))
        .all(conn)
        .await?
    {
        if let Some(role) = Role::from_code(&u.role)
            && !u.email.trim().is_empty()
        {
            roles.entry(u.unit_id).or_default().push(role);
        }
    }
    Ok(unit::Entity::find()
        .order_by_asc(unit::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .filter(|u| UnitRef::active_on(u.valid_to, today))
        .filter(|u| {
            let Some(kind) = UnitKind::from_code(&u.kind) else {
                return false;
            };
            let own = u.email.as_deref().is_some_and(|e| !e.trim().is_empty());
            !unit_reachable(kind, own, roles.get(&u.id).map_or(&[], Vec::as_slice))
        })
        .collect())
}
