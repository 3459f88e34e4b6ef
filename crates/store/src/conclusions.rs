//! The conclusion notice (*thông báo kết luận*, SPEC §11, §15): a
//! `conclude` takes the next number of the concluding unit's register in
//! its own transaction, and the notice prints as that unit's document to
//! the lead, the coordinating units and the board, for the case's
//! internal readers.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use workflow::{Actor, Audience, Calendar, UnitKind, UserId};

use crate::cases::row::find_case;
use crate::entities::{attachment, case_event, issued_document, unit, user};
use crate::org::actor;
use crate::orientations::{label, next_number};
use crate::reports::{superior_of, title_of};
use crate::{Store, StoreError, Thing};

/// The register's kind of a conclusion notice (*thông báo*).
pub const CONCLUSION_KIND: &str = "TB";

fn subject(event_id: i64) -> String {
    format!("conclusion:{event_id}")
}

/// Numbers the conclusion recorded as `event_id`, in the transaction that
/// records it: never two the same, in order.
pub(crate) async fn number(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    event_id: i64,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let year = now.with_timezone(&calendar.time_zone()).year();
    let issuer = actor.unit.id;
    let number = next_number(tx, issuer, CONCLUSION_KIND, year).await?;
    issued_document::ActiveModel {
        issuer_unit_id: Set(issuer.0),
        kind: Set(CONCLUSION_KIND.to_owned()),
        year: Set(year),
        number: Set(number),
        subject: Set(subject(event_id)),
        created_by: Set(Some(actor.user.0)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// What a conclusion notice prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConclusionFacts {
    /// Its number in the concluding unit's register.
    pub number: i64,
    /// The register's kind (`TB`).
    pub kind: String,
    /// The concluding unit's code.
    pub issuer_code: String,
    /// Its name.
    pub issuer_name: String,
    /// The body above it: for a party committee, its Party organisation
    /// (*Đảng bộ* of its area).
    pub superior: String,
    /// Whether the issuer is a Party body (Hướng dẫn 36) rather than a
    /// State one (Nghị định 30).
    pub party: bool,
    /// The issuer's area's name.
    pub area_name: String,
    /// When it was concluded.
    pub concluded_at: DateTime<Utc>,
    /// The case's code.
    pub case_code: String,
    /// The case's title.
    pub case_title: String,
    /// The conclusion.
    pub conclusion: String,
    /// The file names of the documents it carries.
    pub documents: Vec<String>,
    /// The lead unit, the coordinating units and the board, by name.
    pub addressees: Vec<String>,
    /// Who concluded.
    pub signer_name: String,
    /// Their title, if their profile holds one.
    pub signer_title: Option<String>,
}

impl Store {
    /// The register numbers of the conclusions recorded as `event_ids`
    /// (`3-TB/TTTU-NB`), for the case page's timeline: the caller shows
    /// them only to the case's internal readers, as it does the events.
    pub async fn conclusion_numbers(
        &self,
        event_ids: &[i64],
    ) -> Result<HashMap<i64, String>, StoreError> {
        if event_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let subjects: Vec<String> = event_ids.iter().map(|id| subject(*id)).collect();
        let issued = issued_document::Entity::find()
            .filter(issued_document::Column::Kind.eq(CONCLUSION_KIND))
            .filter(issued_document::Column::Subject.is_in(subjects))
            .all(&self.db)
            .await?;
        let issuers = unit::Entity::find()
            .filter(unit::Column::Id.is_in(issued.iter().map(|d| d.issuer_unit_id)))
            .all(&self.db)
            .await?;
        Ok(event_ids
            .iter()
            .filter_map(|id| {
                let doc = issued.iter().find(|d| d.subject == subject(*id))?;
                let issuer = issuers.iter().find(|u| u.id == doc.issuer_unit_id)?;
                Some((*id, label(doc.number, &doc.kind, &issuer.code)))
            })
            .collect())
    }

    /// The conclusion recorded as `event_id` as its notice prints, if
    /// `user` reads its case's internal file; otherwise not found.
    pub async fn conclusion_facts(
        &self,
        user: UserId,
        event_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ConclusionFacts, StoreError> {
        let conn = &self.db;
        let missing = || StoreError::NotFound {
            thing: Thing::Conclusion,
            key: format!("#{event_id}"),
        };
        let issued = issued_document::Entity::find()
            .filter(issued_document::Column::Kind.eq(CONCLUSION_KIND))
            .filter(issued_document::Column::Subject.eq(subject(event_id)))
            .one(conn)
            .await?
            .ok_or_else(missing)?;
        let event = case_event::Entity::find_by_id(event_id)
            .one(conn)
            .await?
            .ok_or_else(missing)?;
        let actor = actor(conn, user, now).await?;
        let org = self.org(conn).await?;
        let case = find_case(conn, &org, &event.case_id.to_string(), now)
            .await?
            .1;
        if !workflow::can_view(&actor, &case)
            || workflow::reader(&actor, &case) != Audience::Internal
        {
            return Err(missing());
        }
        let issuer = unit::Entity::find_by_id(issued.issuer_unit_id)
            .one(conn)
            .await?
            .ok_or_else(missing)?;
        let (superior, area) = superior_of(conn, &issuer).await?;
        let party = matches!(
            UnitKind::from_code(&issuer.kind),
            Some(UnitKind::PartyCommittee | UnitKind::Board)
        );
        // A party committee is headed by its Party organisation.
        let superior = if issuer.kind == UnitKind::PartyCommittee.code() {
            format!("Đảng bộ {}", area.name)
        } else {
            superior
        };
        let payload: serde_json::Value = serde_json::from_str(&event.payload).unwrap_or_default();
        let documents = attachment::Entity::find()
            .filter(attachment::Column::EventId.eq(event_id))
            .all(conn)
            .await?
            .into_iter()
            .map(|a| a.filename)
            .collect();
        let mut addressees: Vec<String> = case.lead_unit.iter().map(|u| u.code.clone()).collect();
        addressees.extend(case.coordinating_units.iter().map(|u| u.code.clone()));
        let names = unit::Entity::find()
            .filter(unit::Column::Code.is_in(addressees.clone()))
            .all(conn)
            .await?;
        let mut addressees: Vec<String> = (addressees.iter())
            .filter_map(|code| {
                names
                    .iter()
                    .find(|u| u.code == *code)
                    .map(|u| u.name.clone())
            })
            .collect();
        if let Some(board) = crate::reports::board_of_area(conn, case.area.id.0).await? {
            addressees.push(board.name);
        }
        let signer = user::Entity::find_by_id(issued.created_by.unwrap_or_default())
            .one(conn)
            .await?;
        Ok(ConclusionFacts {
            number: issued.number,
            kind: issued.kind,
            issuer_code: issuer.code,
            issuer_name: issuer.name,
            superior,
            party,
            area_name: area.name,
            concluded_at: event.created_at,
            case_code: case.code,
            case_title: case.title,
            conclusion: payload["conclusion"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            documents,
            addressees,
            signer_title: match &signer {
                Some(s) => title_of(conn, s.id).await?,
                None => None,
            },
            signer_name: signer.map(|s| s.name).unwrap_or_default(),
        })
    }
}
