//! What an orientation notice prints as a document (SPEC §12, §15): the
//! number it was given, its issuer under the body above it, the case it
//! is about, the key messages, channels and audience, the units it is
//! addressed to, and who issued it, for the case's internal readers.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use workflow::{Audience, UserId};

use super::register::ORIENTATION_KIND;
use crate::cases::row::find_case;
use crate::entities::{case_event, orientation_notice, orientation_recipient, unit, user};
use crate::org::actor;
use crate::reports::{superior_of, title_of};
use crate::{Store, StoreError, Thing};

/// The facts an orientation notice prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFacts {
    /// Its number in the issuer's register.
    pub number: i64,
    /// The register's kind (`CV`).
    pub kind: String,
    /// Its version on the case, from 1.
    pub version: i32,
    /// The number of the notice it replaces, if any.
    pub replaces: Option<String>,
    /// The issuing unit's code and name.
    pub issuer_code: String,
    /// The issuing unit's name.
    pub issuer_name: String,
    /// The body above the issuer.
    pub superior: String,
    /// The issuer's area's name (the date line's place).
    pub area_name: String,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// The case's code and title.
    pub case_code: String,
    /// The case's title.
    pub case_title: String,
    /// The key messages.
    pub messages: String,
    /// The channel codes.
    pub channels: Vec<String>,
    /// The audience.
    pub audience: String,
    /// The recipient units' names, in the order named.
    pub recipients: Vec<String>,
    /// Who issued it.
    pub signer_name: String,
    /// Their title, if their profile holds one.
    pub signer_title: Option<String>,
}

impl Store {
    /// The orientation notice `id` as its document prints it, if `user`
    /// reads its case's internal file; otherwise not found.
    pub async fn orientation_facts(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<NoticeFacts, StoreError> {
        let conn = &self.db;
        let missing = || StoreError::NotFound {
            thing: Thing::Orientation,
            key: format!("#{id}"),
        };
        let notice = orientation_notice::Entity::find_by_id(id)
            .one(conn)
            .await?
            .ok_or_else(missing)?;
        let actor = actor(conn, user, now).await?;
        let org = self.org(conn).await?;
        let case = find_case(conn, &org, &notice.case_id.to_string(), now)
            .await?
            .1;
        if !workflow::can_view(&actor, &case)
            || workflow::reader(&actor, &case) != Audience::Internal
        {
            return Err(missing());
        }
        let issuer = unit::Entity::find_by_id(notice.issuer_unit_id)
            .one(conn)
            .await?
            .ok_or_else(missing)?;
        let (superior, area) = superior_of(conn, &issuer).await?;
        let recipient_ids: Vec<i64> = orientation_recipient::Entity::find()
            .filter(orientation_recipient::Column::NoticeId.eq(id))
            .order_by_asc(orientation_recipient::Column::Id)
            .all(conn)
            .await?
            .into_iter()
            .map(|r| r.unit_id)
            .collect();
        let names: std::collections::HashMap<i64, String> = unit::Entity::find()
            .filter(unit::Column::Id.is_in(recipient_ids.clone()))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let payload: serde_json::Value = case_event::Entity::find_by_id(notice.event_id)
            .one(conn)
            .await?
            .and_then(|e| serde_json::from_str(&e.payload).ok())
            .unwrap_or_default();
        let signer = user::Entity::find_by_id(notice.created_by)
            .one(conn)
            .await?;
        let replaces = match notice.replaces_id {
            Some(r) => orientation_notice::Entity::find_by_id(r)
                .one(conn)
                .await?
                .map(|n| n.label),
            None => None,
        };
        Ok(NoticeFacts {
            number: notice.number,
            kind: ORIENTATION_KIND.to_owned(),
            version: notice.version,
            replaces,
            issuer_code: issuer.code,
            issuer_name: issuer.name,
            superior,
            area_name: area.name,
            issued_at: notice.created_at,
            case_code: case.code,
            case_title: case.title,
            messages: payload["messages"].as_str().unwrap_or_default().to_owned(),
            channels: (payload["channels"].as_array().into_iter().flatten())
                .filter_map(|c| c.as_str().map(str::to_owned))
                .collect(),
            audience: payload["audience"].as_str().unwrap_or_default().to_owned(),
            recipients: (recipient_ids.iter())
                .filter_map(|id| names.get(id).cloned())
                .collect(),
            signer_title: match &signer {
                Some(s) => title_of(conn, s.id).await?,
                None => None,
            },
            signer_name: signer.map(|s| s.name).unwrap_or_default(),
        })
    }
}
