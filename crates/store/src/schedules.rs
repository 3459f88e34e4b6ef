//! Coordination programmes and their duty schedules for administrators
//! (SPEC §4.1, §4.3, §6.2 admin resources): list, read, create, and change a
//! schedule's cadence, due rule, reminder offsets and whether it is active.
//! Every change is checked by `workflow::check_schedule`, made in one
//! transaction with its audit row.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use workflow::{
    Cadence, Calendar, DueRule, DutyReminderPolicy, ScheduleSettings, UnitId, UserId,
    check_schedule, check_schedule_parties,
};

use crate::admin::NewProgramme;
use crate::audit::record;
use crate::connect::is_unique_violation;
use crate::entities::{area, duty_schedule, programme, programme_party, unit};
use crate::org::{corrupt, unit_by_code, unit_by_id};
use crate::{Store, StoreError};

/// A programme with its parties and schedules.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeInfo {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Area code.
    pub area: String,
    /// First year of the term.
    pub year_from: i32,
    /// Last year of the term.
    pub year_to: i32,
    /// Party unit codes.
    pub parties: Vec<String>,
    /// Its duty schedules.
    pub schedules: Vec<ScheduleInfo>,
    /// Its content items, in order.
    pub items: Vec<String>,
    /// Its number as signed.
    pub number: Option<String>,
    /// When it was signed.
    pub signed_on: Option<chrono::NaiveDate>,
}

/// A duty schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleInfo {
    /// Id.
    pub id: i64,
    /// The programme.
    pub programme: i64,
    /// Provider unit code.
    pub provider: String,
    /// Recipient board code.
    pub recipient: String,
    /// Quarterly, monthly or yearly.
    pub cadence: Cadence,
    /// Due this many days after the period ends (next working day).
    pub due_days_after_end: u32,
    /// Reminder days before the due day.
    pub reminder_before_days: Vec<u32>,
    /// Every so many days while overdue (0: none).
    pub overdue_every_days: u32,
    /// Whether instances are still materialised.
    pub active: bool,
}

/// A new schedule of a programme; `None` takes the configured default.
#[derive(Debug, Clone, Default)]
pub struct NewSchedule {
    /// Provider unit code (a state body).
    pub provider: String,
    /// Recipient board code.
    pub recipient: String,
    /// Cadence (default quarterly).
    pub cadence: Option<Cadence>,
    /// Due rule (default from the configuration).
    pub due_days_after_end: Option<u32>,
    /// Reminder days before (default from the configuration).
    pub reminder_before_days: Option<Vec<u32>>,
    /// Overdue interval (default from the configuration).
    pub overdue_every_days: Option<u32>,
}

/// A change of a schedule; `None` keeps the value.
#[derive(Debug, Clone, Default)]
pub struct ScheduleChange {
    /// New cadence (instances already made keep their period).
    pub cadence: Option<Cadence>,
    /// New due rule (for instances made from now on).
    pub due_days_after_end: Option<u32>,
    /// New reminder days before.
    pub reminder_before_days: Option<Vec<u32>>,
    /// New overdue interval.
    pub overdue_every_days: Option<u32>,
    /// Stop (false) or resume (true) materialising instances.
    pub active: Option<bool>,
}

impl Store {
    /// Every programme, newest first (administrators).
    pub async fn programmes(
        &self,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<ProgrammeInfo>, StoreError> {
        self.administrator(by, now).await?;
        let rows = programme::Entity::find()
            .order_by_desc(programme::Column::Id)
            .all(&self.db)
            .await?;
        programme_infos(&self.db, rows).await
    }

    /// One programme (administrators).
    pub async fn programme(
        &self,
        by: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<ProgrammeInfo, StoreError> {
        self.administrator(by, now).await?;
        let row = find_programme(&self.db, id).await?;
        Ok(programme_infos(&self.db, vec![row]).await?.remove(0))
    }

    /// Adds a programme with its default schedules and their current
    /// duties, as `noicom programme add` does, as an administrator; audited.
    pub async fn create_programme(
        &self,
        by: UserId,
        new: NewProgramme,
        due: DueRule,
        reminders: &DutyReminderPolicy,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Result<ProgrammeInfo, StoreError> {
        self.administrator(by, now).await?;
        let created = self
            .add_programme_by(new, due, reminders, Some(calendar), now, Some(by))
            .await?;
        self.programme(by, created.id, now).await
    }

    /// The schedules of a programme (administrators).
    pub async fn schedules(
        &self,
        by: UserId,
        programme_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<ScheduleInfo>, StoreError> {
        Ok(self.programme(by, programme_id, now).await?.schedules)
    }

    /// Adds a schedule to a programme (administrators): both units must be
    /// parties of it, and the schedule pass `workflow::check_schedule`.
    /// Its duties of the current and the next period are made in the same
    /// transaction, as the cron job would make them (SPEC §14).
    #[expect(
        clippy::too_many_arguments,
        reason = "the admin, the programme, the input and the configured defaults it falls back on"
    )]
    pub async fn create_schedule(
        &self,
        by: UserId,
        programme_id: i64,
        new: NewSchedule,
        due: DueRule,
        reminders: &DutyReminderPolicy,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Result<ScheduleInfo, StoreError> {
        self.administrator(by, now).await?;
        let tx = self.write_tx().await?;
        find_programme(&tx, programme_id).await?;
        let provider = unit_by_code(&tx, &new.provider, "provider", now).await?;
        let recipient = unit_by_code(&tx, &new.recipient, "recipient", now).await?;
        let parties = party_ids(&tx, programme_id).await?;
        check_schedule_parties(provider.id, recipient.id, &parties)?;
        let settings = ScheduleSettings {
            cadence: new.cadence.unwrap_or(Cadence::Quarterly),
            due_days_after_end: new.due_days_after_end.unwrap_or(due.days_after_end),
            reminder_before_days: new
                .reminder_before_days
                .unwrap_or_else(|| reminders.before_days.clone()),
            overdue_every_days: new
                .overdue_every_days
                .unwrap_or(reminders.overdue_every_days),
        };
        check_schedule(&provider, &recipient, &settings)?;
        let row = duty_schedule::ActiveModel {
            programme_id: Set(programme_id),
            provider_unit_id: Set(provider.id.0),
            recipient_unit_id: Set(recipient.id.0),
            cadence: Set(settings.cadence.code().to_owned()),
            due_days_after_end: Set(settings.due_days_after_end as i32),
            reminder_before_days: Set(days_text(&settings.reminder_before_days)),
            overdue_every_days: Set(settings.overdue_every_days as i32),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|err| {
            // One schedule per provider, board and cadence in a programme.
            if is_unique_violation(&err) {
                StoreError::Duplicate {
                    field: "provider",
                    value: format!(
                        "{} → {} ({})",
                        provider.code,
                        recipient.code,
                        settings.cadence.code()
                    ),
                }
            } else {
                err.into()
            }
        })?;
        let detail = json!({ "programme": programme_id, "schedule": row.id,
            "provider": provider.code, "recipient": recipient.code,
            "cadence": settings.cadence.code() });
        record(&tx, Some(by.0), "add_schedule", detail, now).await?;
        crate::duties::materialise(&tx, std::slice::from_ref(&row), now, calendar).await?;
        let info = schedule_info(&tx, row).await?;
        tx.commit().await?;
        Ok(info)
    }

    /// Changes a schedule (administrators). Instances already made keep
    /// their period and due time; the change applies to those made next.
    pub async fn update_schedule(
        &self,
        by: UserId,
        id: i64,
        change: ScheduleChange,
        now: DateTime<Utc>,
    ) -> Result<ScheduleInfo, StoreError> {
        self.administrator(by, now).await?;
        let tx = self.write_tx().await?;
        let row = duty_schedule::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::Schedule,
                key: format!("#{id}"),
            })?;
        let current = schedule_info(&tx, row.clone()).await?;
        let settings = ScheduleSettings {
            cadence: change.cadence.unwrap_or(current.cadence),
            due_days_after_end: change
                .due_days_after_end
                .unwrap_or(current.due_days_after_end),
            reminder_before_days: change
                .reminder_before_days
                .clone()
                .unwrap_or_else(|| current.reminder_before_days.clone()),
            overdue_every_days: change
                .overdue_every_days
                .unwrap_or(current.overdue_every_days),
        };
        let provider = unit_by_id(&tx, row.provider_unit_id, now).await?;
        let recipient = unit_by_id(&tx, row.recipient_unit_id, now).await?;
        // A schedule being stopped need not be valid any more (its unit may
        // have been abolished); one that stays or becomes active must be.
        let active = change.active.unwrap_or(row.active);
        if active {
            check_schedule(&provider, &recipient, &settings)?;
        }
        let mut update: duty_schedule::ActiveModel = row.into();
        update.cadence = Set(settings.cadence.code().to_owned());
        update.due_days_after_end = Set(settings.due_days_after_end as i32);
        update.reminder_before_days = Set(days_text(&settings.reminder_before_days));
        update.overdue_every_days = Set(settings.overdue_every_days as i32);
        update.active = Set(active);
        let row = update.update(&tx).await?;
        let detail = json!({ "schedule": id, "cadence": change.cadence.map(|c| c.code()),
            "due_days_after_end": change.due_days_after_end,
            "reminder_before_days": change.reminder_before_days,
            "overdue_every_days": change.overdue_every_days, "active": change.active });
        record(&tx, Some(by.0), "update_schedule", detail, now).await?;
        let info = schedule_info(&tx, row).await?;
        tx.commit().await?;
        Ok(info)
    }
}

async fn find_programme(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<programme::Model, StoreError> {
    programme::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::Programme,
            key: format!("#{id}"),
        })
}

async fn party_ids(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> Result<Vec<UnitId>, StoreError> {
    Ok(programme_party::Entity::find()
        .filter(programme_party::Column::ProgrammeId.eq(programme_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| UnitId(p.unit_id))
        .collect())
}

/// `14,3` for `[14, 3]`: the column's form.
fn days_text(days: &[u32]) -> String {
    days.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The column's form back into days.
fn parse_days(text: &str) -> Vec<u32> {
    text.split(',')
        .filter_map(|d| d.trim().parse().ok())
        .collect()
}

async fn schedule_info(
    conn: &impl ConnectionTrait,
    row: duty_schedule::Model,
) -> Result<ScheduleInfo, StoreError> {
    let codes = unit_codes(conn, &[row.provider_unit_id, row.recipient_unit_id]).await?;
    to_info(row, &codes)
}

async fn unit_codes(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, String>, StoreError> {
    Ok(unit::Entity::find()
        .filter(unit::Column::Id.is_in(ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.code))
        .collect())
}

fn to_info(
    row: duty_schedule::Model,
    codes: &HashMap<i64, String>,
) -> Result<ScheduleInfo, StoreError> {
    let code = |id: i64| {
        codes
            .get(&id)
            .cloned()
            .ok_or_else(|| corrupt(format!("schedule {} names a missing unit {id}", row.id)))
    };
    let cadence = Cadence::from_code(&row.cadence)
        .ok_or_else(|| corrupt(format!("schedule {} has cadence {}", row.id, row.cadence)))?;
    Ok(ScheduleInfo {
        id: row.id,
        programme: row.programme_id,
        provider: code(row.provider_unit_id)?,
        recipient: code(row.recipient_unit_id)?,
        cadence,
        due_days_after_end: u32::try_from(row.due_days_after_end).unwrap_or(0),
        reminder_before_days: parse_days(&row.reminder_before_days),
        overdue_every_days: u32::try_from(row.overdue_every_days).unwrap_or(0),
        active: row.active,
    })
}

/// Programmes with their areas, parties and schedules, a query per table.
async fn programme_infos(
    conn: &impl ConnectionTrait,
    rows: Vec<programme::Model>,
) -> Result<Vec<ProgrammeInfo>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let areas: HashMap<i64, String> = area::Entity::find()
        .filter(area::Column::Id.is_in(rows.iter().map(|p| p.area_id).collect::<Vec<_>>()))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let parties = programme_party::Entity::find()
        .filter(programme_party::Column::ProgrammeId.is_in(ids.clone()))
        .all(conn)
        .await?;
    let schedules = duty_schedule::Entity::find()
        .filter(duty_schedule::Column::ProgrammeId.is_in(ids))
        .order_by_asc(duty_schedule::Column::Id)
        .all(conn)
        .await?;
    let unit_ids: Vec<i64> = parties
        .iter()
        .map(|p| p.unit_id)
        .chain(
            schedules
                .iter()
                .flat_map(|s| [s.provider_unit_id, s.recipient_unit_id]),
        )
        .collect();
    let codes = unit_codes(conn, &unit_ids).await?;
    let items = crate::entities::programme_item::Entity::find()
        .filter(
            crate::entities::programme_item::Column::ProgrammeId.is_in(rows.iter().map(|p| p.id)),
        )
        .order_by_asc(crate::entities::programme_item::Column::Number)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for p in rows {
        let mut party_codes = Vec::new();
        for party in parties.iter().filter(|x| x.programme_id == p.id) {
            let code = codes
                .get(&party.unit_id)
                .cloned()
                .ok_or_else(|| corrupt(format!("programme {} names a missing unit", p.id)))?;
            party_codes.push(code);
        }
        let mut infos = Vec::new();
        for s in schedules.iter().filter(|s| s.programme_id == p.id) {
            infos.push(to_info(s.clone(), &codes)?);
        }
        out.push(ProgrammeInfo {
            id: p.id,
            title: p.title,
            area: areas.get(&p.area_id).cloned().unwrap_or_default(),
            year_from: p.year_from,
            year_to: p.year_to,
            parties: party_codes,
            schedules: infos,
            items: (items.iter())
                .filter(|i| i.programme_id == p.id)
                .map(|i| i.text.clone())
                .collect(),
            number: p.number,
            signed_on: p.signed_on,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_days_survive_their_column_form() {
        assert_eq!(parse_days(&days_text(&[14, 3])), vec![14, 3]);
        assert_eq!(parse_days(""), Vec::<u32>::new());
    }
}
