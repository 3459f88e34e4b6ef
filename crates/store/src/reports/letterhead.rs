//! What the annual report needs besides its figures to be a document an
//! official signs (SPEC §15): the issuing board and the body above it,
//! the place, the number from the register (taken once per report and
//! kept), the programme with its numbered content items and parties,
//! and the signer from their profile.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use workflow::{UnitId, UnitKind};

use super::Reader;
use crate::entities::{
    area, issued_document, programme, programme_item, programme_party, unit, unit_area, user,
    user_title,
};
use crate::org::{area_by_code, lineage_of};
use crate::orientations::next_number;
use crate::{Store, StoreError, Thing};

/// The register's kind of a report (*báo cáo*).
pub const REPORT_KIND: &str = "BC";

/// The programme a report is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeRef {
    /// Its title.
    pub title: String,
    /// Its number as signed, if recorded.
    pub number: Option<String>,
    /// When it was signed, if recorded.
    pub signed_on: Option<NaiveDate>,
    /// Its numbered content items, in order.
    pub items: Vec<(i32, String)>,
    /// The names of its parties, in the order they were entered.
    pub parties: Vec<String>,
}

/// Whose report a letterhead heads: who reads it, of which area (the root
/// when `None`), who signs it at the command line, and the year whose
/// programme it is measured against, if any.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Heading<'a> {
    pub reader: Reader,
    pub area: Option<&'a str>,
    pub signer: Option<&'a str>,
    pub programme_year: Option<i32>,
}

/// The letterhead and signature of a report (the annual report of one
/// year, a monthly bulletin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// The body above the issuer, e.g. "Tỉnh ủy Ninh Bình".
    pub superior: String,
    /// The issuing board's name.
    pub issuer: String,
    /// The issuing board's code (the number's issuer part).
    pub issuer_code: String,
    /// The issuer's area's name, e.g. "Tỉnh Ninh Bình".
    pub area_name: String,
    /// The report's number in the issuer's register.
    pub number: i64,
    /// The programme of the year, if one covers the area.
    pub programme: Option<ProgrammeRef>,
    /// The signer's name, if a person asked for the report.
    pub signer_name: Option<String>,
    /// The signer's title, if their profile holds one.
    pub signer_title: Option<String>,
}

impl Store {
    /// The letterhead of the annual report of `year` for `area` (every area
    /// when `None`) as `reader` downloads it on the local day `today`: the
    /// first download takes the report's number from the register, later
    /// ones read the same number. `signer` names the signer for the
    /// operator at the command line.
    pub async fn annual_letterhead(
        &self,
        reader: Reader,
        year: i32,
        area: Option<&str>,
        signer: Option<&str>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Letterhead, StoreError> {
        let head = Heading {
            reader,
            area,
            signer,
            programme_year: Some(year),
        };
        self.letterhead(head, |area| format!("annual:{year}:{area}"), today, now)
            .await
    }

    /// The letterhead of a report (kind `BC`) of the board of `head`'s
    /// area, numbered once per `subject` (made from the area's code).
    pub(crate) async fn letterhead(
        &self,
        head: Heading<'_>,
        subject: impl FnOnce(&str) -> String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Letterhead, StoreError> {
        let Heading {
            reader,
            area,
            signer,
            programme_year,
        } = head;
        let conn = &self.db;
        let area = match area {
            Some(code) => area_by_code(conn, code, "area").await?,
            None => area::Entity::find()
                .filter(area::Column::ParentId.is_null())
                .order_by_asc(area::Column::Id)
                .one(conn)
                .await?
                .ok_or_else(|| StoreError::NotFound {
                    thing: Thing::Area,
                    key: "*".to_owned(),
                })?,
        };
        let lineage = lineage_of(conn, area.id).await?;
        let person = match (reader, signer) {
            (Reader::User(id), _) => user::Entity::find_by_id(id.0).one(conn).await?,
            (Reader::Operator, Some(email)) => user::Entity::find()
                .filter(user::Column::Email.eq(email.trim().to_lowercase()))
                .one(conn)
                .await?
                .ok_or_else(|| StoreError::NotFound {
                    thing: Thing::User,
                    key: email.to_owned(),
                })
                .map(Some)?,
            (Reader::Operator, None) => None,
        };
        let programme = match programme_year {
            Some(year) => programme_of(conn, &lineage, year).await?,
            None => None,
        };
        let issuer = issuer_of(conn, &lineage, programme.as_ref(), person.as_ref()).await?;
        let (superior, issuer_area) = superior_of(conn, &issuer).await?;
        let subject = subject(&area.code);
        let number = self
            .number_for(issuer.id, &subject, today.year(), person.as_ref(), now)
            .await?;
        Ok(Letterhead {
            superior,
            issuer: issuer.name,
            issuer_code: issuer.code,
            area_name: issuer_area.name,
            number,
            programme: match programme {
                Some(p) => Some(programme_ref(conn, p).await?),
                None => None,
            },
            signer_title: match &person {
                Some(p) => title_of(conn, p.id).await?,
                None => None,
            },
            signer_name: person.map(|p| p.name),
        })
    }

    /// The number of the report `subject` of `issuer`: the one it was
    /// given, or the next of the register of `year`.
    async fn number_for(
        &self,
        issuer: i64,
        subject: &str,
        year: i32,
        by: Option<&user::Model>,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let Some(found) = issued(&self.db, issuer, subject).await? {
            return Ok(found.number);
        }
        let tx = self.write_tx().await?;
        // Another download may have issued it meanwhile (SQLite serialises
        // writers; on PostgreSQL the counter row's lock orders them).
        let number = next_number(&tx, UnitId(issuer), REPORT_KIND, year).await?;
        if let Some(found) = issued(&tx, issuer, subject).await? {
            tx.rollback().await?;
            return Ok(found.number);
        }
        issued_document::ActiveModel {
            issuer_unit_id: Set(issuer),
            kind: Set(REPORT_KIND.to_owned()),
            year: Set(year),
            number: Set(number),
            subject: Set(subject.to_owned()),
            created_by: Set(by.map(|u| u.id)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        tx.commit().await?;
        Ok(number)
    }
}

/// The name of the body above `issuer` (the party committee of its home
/// area, else the area itself) and the issuer's home area.
pub(crate) async fn superior_of(
    conn: &impl ConnectionTrait,
    issuer: &unit::Model,
) -> Result<(String, area::Model), StoreError> {
    let committee = unit::Entity::find()
        .filter(unit::Column::HomeAreaId.eq(issuer.home_area_id))
        .filter(unit::Column::Kind.eq(UnitKind::PartyCommittee.code()))
        .order_by_asc(unit::Column::Id)
        .one(conn)
        .await?;
    let area = crate::org::area_by_id(conn, issuer.home_area_id).await?;
    Ok((
        committee.map_or_else(|| area.name.clone(), |u| u.name),
        area,
    ))
}

/// A user's title for signature blocks, if set.
pub(crate) async fn title_of(
    conn: &impl ConnectionTrait,
    user: i64,
) -> Result<Option<String>, StoreError> {
    Ok(user_title::Entity::find_by_id(user)
        .one(conn)
        .await?
        .map(|t| t.title))
}

/// The report `subject` of `issuer`, if it was given a number.
async fn issued(
    conn: &impl ConnectionTrait,
    issuer: i64,
    subject: &str,
) -> Result<Option<issued_document::Model>, StoreError> {
    Ok(issued_document::Entity::find()
        .filter(issued_document::Column::IssuerUnitId.eq(issuer))
        .filter(issued_document::Column::Kind.eq(REPORT_KIND))
        .filter(issued_document::Column::Subject.eq(subject))
        .one(conn)
        .await?)
}

/// The programme covering `year` whose area is nearest the report's area.
async fn programme_of(
    conn: &impl ConnectionTrait,
    lineage: &[i64],
    year: i32,
) -> Result<Option<programme::Model>, StoreError> {
    let found = programme::Entity::find()
        .filter(programme::Column::AreaId.is_in(lineage.iter().copied()))
        .filter(programme::Column::YearFrom.lte(year))
        .filter(programme::Column::YearTo.gte(year))
        .order_by_asc(programme::Column::Id)
        .all(conn)
        .await?;
    // The lineage runs from the root down: the last match is the nearest.
    Ok(lineage
        .iter()
        .rev()
        .find_map(|a| found.iter().find(|p| p.area_id == *a).cloned()))
}

/// The board that issues the report: the programme's board party, else
/// the signer's own board, else a board serving the area.
async fn issuer_of(
    conn: &impl ConnectionTrait,
    lineage: &[i64],
    programme: Option<&programme::Model>,
    person: Option<&user::Model>,
) -> Result<unit::Model, StoreError> {
    let board = UnitKind::Board.code();
    if let Some(p) = programme {
        let parties: Vec<i64> = programme_party::Entity::find()
            .filter(programme_party::Column::ProgrammeId.eq(p.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|pp| pp.unit_id)
            .collect();
        if let Some(u) = unit::Entity::find()
            .filter(unit::Column::Id.is_in(parties))
            .filter(unit::Column::Kind.eq(board))
            .order_by_asc(unit::Column::Id)
            .one(conn)
            .await?
        {
            return Ok(u);
        }
    }
    if let Some(own) = person
        && let Some(u) = unit::Entity::find_by_id(own.unit_id)
            .filter(unit::Column::Kind.eq(board))
            .one(conn)
            .await?
    {
        return Ok(u);
    }
    serving_board(conn, lineage)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            thing: Thing::Unit,
            key: board.to_owned(),
        })
}

/// The first board serving an area of `lineage`.
async fn serving_board(
    conn: &impl ConnectionTrait,
    lineage: &[i64],
) -> Result<Option<unit::Model>, StoreError> {
    let serving: Vec<i64> = unit_area::Entity::find()
        .filter(unit_area::Column::AreaId.is_in(lineage.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|ua| ua.unit_id)
        .collect();
    Ok(unit::Entity::find()
        .filter(unit::Column::Id.is_in(serving))
        .filter(unit::Column::Kind.eq(UnitKind::Board.code()))
        .order_by_asc(unit::Column::Id)
        .one(conn)
        .await?)
}

/// The board serving the area `area` or one above it.
pub(crate) async fn board_of_area(
    conn: &impl ConnectionTrait,
    area: i64,
) -> Result<Option<unit::Model>, StoreError> {
    serving_board(conn, &lineage_of(conn, area).await?).await
}

async fn programme_ref(
    conn: &impl ConnectionTrait,
    p: programme::Model,
) -> Result<ProgrammeRef, StoreError> {
    let items = programme_item::Entity::find()
        .filter(programme_item::Column::ProgrammeId.eq(p.id))
        .order_by_asc(programme_item::Column::Number)
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.number, i.text))
        .collect();
    let party_ids: Vec<i64> = programme_party::Entity::find()
        .filter(programme_party::Column::ProgrammeId.eq(p.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|pp| pp.unit_id)
        .collect();
    let parties = unit::Entity::find()
        .filter(unit::Column::Id.is_in(party_ids))
        .order_by_asc(unit::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|u| u.name)
        .collect();
    Ok(ProgrammeRef {
        title: p.title,
        number: p.number,
        signed_on: p.signed_on,
        items,
        parties,
    })
}

impl Store {
    /// Sets the title (chức vụ) a document's signature block prints under
    /// the user's name; a blank title removes it.
    pub async fn set_user_title(
        &self,
        user: workflow::UserId,
        title: &str,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx().await?;
        write_title(&tx, user.0, title).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Replaces `user`'s title in the caller's transaction; a blank title
/// removes it.
pub(crate) async fn write_title(
    tx: &impl ConnectionTrait,
    user: i64,
    title: &str,
) -> Result<(), StoreError> {
    let title = if title.trim().is_empty() {
        None
    } else {
        Some(workflow::ShortText::parse("title", title)?.into_string())
    };
    user_title::Entity::delete_by_id(user).exec(tx).await?;
    if let Some(title) = title {
        user_title::ActiveModel {
            user_id: Set(user),
            title: Set(title),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}
