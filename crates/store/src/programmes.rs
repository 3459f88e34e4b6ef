//! Coordination programmes and their default duty schedules (SPEC §4.1, §4.3).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;
use workflow::{
    Cadence, Calendar, DueRule, DutyReminderPolicy, ProgrammeTerm, UserId, programme_schedules,
};

use crate::admin::{NewProgramme, ProgrammeCreated};
use crate::audit::record_change;
use crate::duties::materialise;
use crate::entities::{duty_schedule, programme, programme_item, programme_party};
use crate::org::{area_by_code, unit_by_code};
use crate::{Store, StoreError};

impl Store {
    /// Adds a programme with the default quarterly duty schedules of each
    /// state-body party toward the board party, and no duty instance yet:
    /// the fixtures of tests that decide themselves when duties are
    /// materialised. People's programmes go through
    /// [`Store::add_programme_with`].
    pub async fn add_programme(
        &self,
        new: NewProgramme,
        now: DateTime<Utc>,
    ) -> Result<ProgrammeCreated, StoreError> {
        let (due, reminders) = (DueRule::default(), DutyReminderPolicy::default());
        self.add_programme_by(new, due, &reminders, None, now, None)
            .await
    }

    /// [`Store::add_programme`] with the configured due rule and reminder
    /// offsets (`[duties]` of the configuration) written into the schedules,
    /// and the duty instances of the current and the next period made in
    /// the same transaction, as the cron job would make them (SPEC §14).
    pub async fn add_programme_with(
        &self,
        new: NewProgramme,
        due: DueRule,
        reminders: &DutyReminderPolicy,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Result<ProgrammeCreated, StoreError> {
        self.add_programme_by(new, due, reminders, Some(calendar), now, None)
            .await
    }

    /// [`Store::add_programme_with`]; an administrator's change is audited
    /// in its transaction. With a `calendar`, the duties of the current and
    /// the next period are materialised in that transaction.
    pub(crate) async fn add_programme_by(
        &self,
        new: NewProgramme,
        due: DueRule,
        reminders: &DutyReminderPolicy,
        calendar: Option<&Calendar>,
        now: DateTime<Utc>,
        author: Option<UserId>,
    ) -> Result<ProgrammeCreated, StoreError> {
        // A day's difference from the local date is nothing to a window
        // counted in years.
        let term = ProgrammeTerm::parse(new.year_from, new.year_to, now.date_naive())?;
        let tx = self.write_tx().await?;
        let area = area_by_code(&tx, &new.area, "area").await?;
        let mut parties = Vec::new();
        for code in new
            .parties
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            let unit = unit_by_code(&tx, code, "parties", now).await?;
            if !parties.iter().any(|p: &workflow::UnitRef| p.id == unit.id) {
                parties.push(unit);
            }
        }
        let pairs = programme_schedules(&parties)?;
        let items = workflow::programme_items(&new.items)?;
        let number = match new.number.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => {
                Some(workflow::ShortText::parse("number", n)?.into_string())
            }
            _ => None,
        };
        let title = new
            .title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| format!("Chương trình phối hợp {} — {}", area.name, term.label()));
        let programme = programme::ActiveModel {
            area_id: Set(area.id),
            title: Set(title),
            year_from: Set(term.first()),
            year_to: Set(term.last()),
            created_at: Set(now),
            number: Set(number.clone()),
            signed_on: Set(new.signed_on),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        for (i, text) in items.iter().enumerate() {
            programme_item::ActiveModel {
                programme_id: Set(programme.id),
                number: Set(i32::try_from(i + 1).unwrap_or(i32::MAX)),
                text: Set(text.clone()),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        for party in &parties {
            programme_party::ActiveModel {
                programme_id: Set(programme.id),
                unit_id: Set(party.id.0),
            }
            .insert(&tx)
            .await?;
        }
        let before_days = reminders
            .before_days
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut schedules = Vec::new();
        let mut rows = Vec::new();
        for (provider, board) in pairs {
            let row = duty_schedule::ActiveModel {
                programme_id: Set(programme.id),
                provider_unit_id: Set(provider.id.0),
                recipient_unit_id: Set(board.id.0),
                cadence: Set(Cadence::Quarterly.code().to_owned()),
                due_days_after_end: Set(due.days_after_end as i32),
                reminder_before_days: Set(before_days.clone()),
                overdue_every_days: Set(reminders.overdue_every_days as i32),
                active: Set(true),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
            rows.push(row);
            schedules.push((provider.code, board.code));
        }
        let instances = match calendar {
            Some(calendar) => materialise(&tx, &rows, now, calendar).await?,
            None => 0,
        };
        record_change(&tx, author, now, "add_programme", || {
            json!({ "area": new.area, "year_from": new.year_from,
                "year_to": new.year_to, "parties": new.parties, "items": items,
                "number": number, "signed_on": new.signed_on })
        })
        .await?;
        tx.commit().await?;
        Ok(ProgrammeCreated {
            id: programme.id,
            schedules,
            instances,
        })
    }
}
