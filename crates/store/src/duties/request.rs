//! Ad-hoc requests for information (SPEC §13): a board officer asks a
//! state body for information on a topic by a due time, optionally about
//! a case; the request is a duty of kind `ad_hoc` owed to the officer's
//! board, reminded by the same sweep as the periodic ones. One
//! transaction; the rule is `workflow::check_duty_request`.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use workflow::{
    Calendar, DutyKind, DutyStatus, Refusal, UserId, check_duty_request, check_duty_requester,
};

use super::DUTY_REQUESTED;
use super::moves::{DutyAnswer, DutyOnce};
use super::read::infos;
use crate::entities::{area, duty_instance, unit};
use crate::idempotency::{commit_keyed, replayed};
use crate::org::{actor, area_ref, unit_by_code, unknown};
use crate::outbox::{Mail, enqueue};
use crate::{Store, StoreError};

/// What a board officer asks, as the client named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyRequestInput {
    /// Code of the body asked.
    pub unit: String,
    /// What is asked for.
    pub topic: String,
    /// When it is due.
    pub due_at: DateTime<Utc>,
    /// Code of the case it is about, if any.
    pub case: Option<String>,
}

impl Store {
    /// Records the ad-hoc request `input` of `user` as a duty, once per
    /// `Idempotency-Key`. Who may is judged first (403), then the unit, the
    /// case, the topic and the due time (422 naming the field); a refusal
    /// writes nothing.
    pub async fn request_duty(
        &self,
        user: UserId,
        input: DutyRequestInput,
        calendar: &Calendar,
        now: DateTime<Utc>,
        once: Option<&DutyOnce<'_>>,
    ) -> Result<DutyAnswer, StoreError> {
        // Before the write transaction: reloading it may take a connection.
        let org = self.org(&self.read).await?;
        let tx = self.write_tx().await?;
        if let Some(answer) = replayed(&tx, user, once, now).await? {
            return Ok(answer);
        }
        let actor = actor(&tx, user, now).await?;
        check_duty_requester(&actor)?;
        if input.unit.trim().is_empty() {
            return Err(Refusal::MissingInput { field: "unit" }.into());
        }
        let provider = unit_by_code(&tx, &input.unit, "unit", now).await?;
        let serves: Vec<_> = area::Entity::find()
            .filter(area::Column::Id.is_in(provider.serves.iter().map(|a| a.0)))
            .all(&tx)
            .await?
            .iter()
            .map(area_ref)
            .collect();
        // The case must be one the officer may open: another is unknown.
        let case = match input
            .case
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => None,
            Some(code) => match crate::attachments::visible(&tx, &org, user, code, now).await {
                Ok((_, case)) => Some(case.id.0),
                Err(StoreError::NotFound { .. }) => return Err(unknown("case", code)),
                Err(err) => return Err(err),
            },
        };
        let request =
            check_duty_request(&actor, &provider, &serves, &input.topic, input.due_at, now)?;
        let row_units = (request.provider.0, request.recipient.0);
        let row = duty_instance::ActiveModel {
            schedule_id: Set(None),
            case_id: Set(case),
            unit_id: Set(request.provider.0),
            recipient_unit_id: Set(request.recipient.0),
            kind: Set(DutyKind::AdHoc.code().to_owned()),
            // An ad-hoc duty's period is the day it is due.
            period: Set(calendar.local_date(request.due_at).to_string()),
            due_at: Set(request.due_at),
            status: Set(DutyStatus::FIRST.code().to_owned()),
            topic: Set(Some(request.topic.into_string())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let info = infos(&tx, vec![row]).await?.remove(0);
        notify(&tx, &info, row_units, now).await?;
        commit_keyed(&self.db, tx, user, once, info, now).await
    }
}

/// The request's first notice, in the request's transaction, to each
/// address of the body asked (its liaisons, else its own address): the
/// reminders of §4.1 come only 14 and 3 days before, and a request due
/// sooner would otherwise reach nobody until then.
async fn notify(
    conn: &impl sea_orm::ConnectionTrait,
    duty: &super::DutyInfo,
    (provider, board): (i64, i64),
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let board_name = unit::Entity::find_by_id(board)
        .one(conn)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let addresses = crate::outbox::units_recipients(conn, &[provider])
        .await?
        .remove(&provider)
        .unwrap_or_default();
    let payload = serde_json::json!({
        "duty_id": duty.id,
        "topic": duty.topic,
        "case_code": duty.case,
        "unit_name": duty.unit_name,
        "board_name": board_name,
        "due_at": duty.due_at,
    });
    let mails = addresses
        .into_iter()
        .map(|(to, user, lang)| Mail {
            key: format!("duty:{}:requested:to:{to}", duty.id),
            kind: DUTY_REQUESTED.to_owned(),
            to,
            user,
            lang,
            payload: payload.clone(),
        })
        .collect();
    enqueue(conn, mails, now).await?;
    Ok(())
}
