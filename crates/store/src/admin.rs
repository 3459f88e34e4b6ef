//! Administration: areas, units, users, tokens, programmes, backups.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::{Email, Lang, Role, ShortText, UnitKind, UserId, check_new_password};

use crate::audit::record_change;
use crate::connect::is_unique_violation;
use crate::credentials::{hash_password, new_token, token_hash};
use crate::entities::{api_token, area, unit, unit_area, user};
use crate::org::{area_by_code, unknown};
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
    /// Its content items, numbered from 1 in this order (SPEC §15).
    pub items: Vec<String>,
    /// Its number as signed, e.g. `05-CTr/BTGDVTU-UBND`.
    pub number: Option<String>,
    /// When it was signed.
    pub signed_on: Option<chrono::NaiveDate>,
}

/// What `add_programme` created.
#[derive(Debug, Clone)]
pub struct ProgrammeCreated {
    /// The programme id.
    pub id: i64,
    /// The default duty schedules: (provider unit code, recipient board code).
    pub schedules: Vec<(String, String)>,
    /// The duty instances made with it (current and next period).
    pub instances: u64,
}

impl Store {
    /// Adds an area at `now`.
    pub async fn add_area(&self, area: NewArea, now: DateTime<Utc>) -> Result<i64, StoreError> {
        self.add_area_by(area, now, None).await
    }

    /// Adds an area; an administrator's change is audited in its transaction.
    pub(crate) async fn add_area_by(
        &self,
        area: NewArea,
        now: DateTime<Utc>,
        author: Option<UserId>,
    ) -> Result<i64, StoreError> {
        let tx = self.write_tx().await?;
        let id = insert_area(&tx, &area, now).await?;
        record_change(
            &tx,
            author,
            now,
            "add_area",
            || json!({ "code": area.code, "parent": area.parent }),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds many areas at once: all or none. Rows may name parents defined
    /// earlier in the same list. A bad row is reported by its index + 2
    /// (the CSV line, after the header).
    pub async fn import_areas(
        &self,
        areas: Vec<NewArea>,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let tx = self.write_tx().await?;
        for (index, row) in areas.iter().enumerate() {
            if let Err(e) = insert_area(&tx, row, now).await {
                // Dropping the transaction rolls back every earlier row.
                return Err(StoreError::BadRow {
                    line: index + 2,
                    error: Box::new(e),
                });
            }
        }
        tx.commit().await?;
        Ok(areas.len())
    }

    /// Adds a unit at `now`.
    pub async fn add_unit(&self, new: NewUnit, now: DateTime<Utc>) -> Result<i64, StoreError> {
        self.add_unit_by(new, now, None).await
    }

    /// Adds a unit; an administrator's change is audited in its transaction.
    pub(crate) async fn add_unit_by(
        &self,
        new: NewUnit,
        now: DateTime<Utc>,
        author: Option<UserId>,
    ) -> Result<i64, StoreError> {
        let code = ShortText::parse("code", &new.code)?.into_string();
        let name = ShortText::parse("name", &new.name)?.into_string();
        let email = new
            .email
            .as_deref()
            .map(|e| Email::parse(e).map(Email::into_string))
            .transpose()?;
        let tx = self.write_tx().await?;
        let home = area_by_code(&tx, &new.area, "area").await?;
        let mut served = vec![home.id];
        for code in &new.serves {
            let a = area_by_code(&tx, code, "serves").await?;
            if !served.contains(&a.id) {
                served.push(a.id);
            }
        }
        let row = unit::ActiveModel {
            code: Set(code.clone()),
            name: Set(name),
            kind: Set(new.kind.code().to_owned()),
            home_area_id: Set(home.id),
            email: Set(email),
            former_names: Set("[]".to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| duplicate(e, "code", &code))?;
        for area_id in served {
            unit_area::ActiveModel {
                unit_id: Set(row.id),
                area_id: Set(area_id),
            }
            .insert(&tx)
            .await?;
        }
        record_change(&tx, author, now, "add_unit", || {
            json!({ "code": code, "kind": new.kind.code(), "area": new.area, "serves": new.serves })
        })
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Adds a user; a password must pass `workflow::check_new_password`
    /// (refused as `password`, with nothing written).
    pub async fn add_user(&self, new: NewUser, now: DateTime<Utc>) -> Result<i64, StoreError> {
        self.add_user_by(new, now, None).await
    }

    /// Adds a user (a password under `workflow::check_new_password`); an
    /// administrator's change is audited in its transaction (the password
    /// never is).
    pub(crate) async fn add_user_by(
        &self,
        new: NewUser,
        now: DateTime<Utc>,
        author: Option<UserId>,
    ) -> Result<i64, StoreError> {
        let email = Email::parse(&new.email)?.into_string();
        let name = ShortText::parse("name", &new.name)?.into_string();
        let password_hash = match new.password.as_deref() {
            Some(password) => {
                check_new_password("password", &email, password)?;
                Some(hash_password(password).await?)
            }
            None => None,
        };
        let tx = self.write_tx().await?;
        let unit = unit::Entity::find()
            .filter(unit::Column::Code.eq(new.unit.trim()))
            .one(&tx)
            .await?
            .ok_or_else(|| unknown("unit", &new.unit))?;
        let row = user::ActiveModel {
            email: Set(email.clone()),
            name: Set(name),
            role: Set(new.role.code().to_owned()),
            unit_id: Set(unit.id),
            password_hash: Set(password_hash),
            lang: Set(new.lang.code().to_owned()),
            disabled: Set(false),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| duplicate(e, "email", &email))?;
        record_change(
            &tx,
            author,
            now,
            "add_user",
            || json!({ "email": email, "role": new.role.code(), "unit": new.unit }),
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Issues an API token for a user; the plain token is returned once and
    /// only its hash is kept.
    pub async fn issue_token(
        &self,
        user_id: i64,
        label: &str,
        now: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let token = new_token();
        api_token::ActiveModel {
            user_id: Set(user_id),
            token_hash: Set(token_hash(&token)),
            label: Set(label.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(token)
    }

    /// Writes a consistent online copy of an SQLite database to `path`
    /// (`VACUUM INTO`, which reads one snapshot while writers go on); on
    /// PostgreSQL says to use pg_dump.
    pub async fn backup(&self, path: &std::path::Path) -> Result<(), StoreError> {
        if self.backend() != sea_orm::DbBackend::Sqlite {
            return Err(StoreError::Io(
                "với PostgreSQL, hãy sao lưu bằng pg_dump (ví dụ: pg_dump -Fc -f noicom.dump <URL>)".to_owned(),
            ));
        }
        if path.exists() {
            return Err(StoreError::Io(format!(
                "tệp {} đã tồn tại; hãy chọn tên khác",
                path.display()
            )));
        }
        let target = path
            .to_str()
            .ok_or_else(|| StoreError::Io("đường dẫn không hợp lệ".to_owned()))?;
        self.db
            .execute_unprepared(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))
            .await?;
        Ok(())
    }
}

/// Inserts one area under its parent, computing its lineage.
async fn insert_area(
    conn: &impl ConnectionTrait,
    new: &NewArea,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let code = ShortText::parse("code", &new.code)?.into_string();
    let name = ShortText::parse("name", &new.name)?.into_string();
    let parent = match new
        .parent
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(area_by_code(conn, p, "parent").await?),
        None => None,
    };
    let row = area::ActiveModel {
        code: Set(code.clone()),
        name: Set(name),
        parent_id: Set(parent.as_ref().map(|p| p.id)),
        lineage: Set(String::new()),
        depth: Set(parent.as_ref().map_or(0, |p| p.depth + 1)),
        former_names: Set("[]".to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| duplicate(e, "code", &code))?;
    let lineage = format!(
        "{}{}/",
        parent.as_ref().map_or("/", |p| p.lineage.as_str()),
        row.id
    );
    let mut row: area::ActiveModel = row.into();
    row.lineage = Set(lineage);
    let row = row.update(conn).await?;
    Ok(row.id)
}

/// Turns a unique violation into [`StoreError::Duplicate`].
fn duplicate(err: sea_orm::DbErr, field: &'static str, value: &str) -> StoreError {
    if is_unique_violation(&err) {
        StoreError::Duplicate {
            field,
            value: value.to_owned(),
        }
    } else {
        StoreError::Db(err)
    }
}
