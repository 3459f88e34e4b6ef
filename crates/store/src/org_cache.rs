//! The organisation in memory (SPEC §17): areas, units and the areas they
//! serve, categories, the users who receive units' notices, and the users
//! read so far, kept by each server and
//! checked against the database's `org_generation` counter, which triggers
//! step up on every change to those tables, whoever makes it (another
//! replica too). A request reads the counter (one small statement) instead
//! of a round trip for each area, unit and user it looks up; on PostgreSQL
//! those round trips were most of the cost of a list or a filing.
//!
//! A copy serves a request whose counter is not newer than the copy's: what
//! the request sees is then at least what was committed when it read the
//! counter, as if it had read each row itself.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    AccessMode, ColumnTrait, DatabaseConnection, DbBackend, EntityTrait, IsolationLevel,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use workflow::{Actor, AreaId, Recipients, Role, UnitId, UnitKind, UnitRef, UserId};

use crate::StoreError;
use crate::entities::{area, category, org_generation, unit, unit_area, user};
use crate::org::{corrupt, parse_lineage, unknown};
use crate::reads::{ReadConnection, ReadSelect, Reads};

/// The copy a server holds, and the lock that lets one request reload it
/// while the others wait for that reload instead of each doing its own.
#[derive(Debug, Default)]
pub(crate) struct OrgCache {
    current: RwLock<Option<Arc<Org>>>,
    reloading: tokio::sync::Mutex<()>,
}

impl OrgCache {
    /// The organisation as of `generation` or later, reloaded through `db`
    /// (committed rows only) when the copy held is older.
    pub(crate) async fn at(
        &self,
        db: &DatabaseConnection,
        generation: i64,
    ) -> Result<Arc<Org>, StoreError> {
        if let Some(org) = self.fresh(generation) {
            return Ok(org);
        }
        let _one = self.reloading.lock().await;
        if let Some(org) = self.fresh(generation) {
            return Ok(org);
        }
        let org = Arc::new(Org::load(db).await?);
        *self.current.write().expect("org cache lock") = Some(org.clone());
        // Older than asked only when the asker's own transaction changed
        // the organisation, which none of the callers does: it is what is
        // committed, the best there is.
        Ok(org)
    }

    fn fresh(&self, generation: i64) -> Option<Arc<Org>> {
        self.current
            .read()
            .expect("org cache lock")
            .as_ref()
            .filter(|org| org.generation >= generation)
            .cloned()
    }
}

/// The counter of changes to the organisation's tables as an expression,
/// for a statement that reads it beside something else
/// ([`crate::reads::Reads::one_with`]).
pub(crate) fn generation_expr() -> Expr {
    Expr::cust("(SELECT org_generation.value FROM org_generation)")
}

/// The counter of changes to the organisation's tables, read on `conn`.
pub(crate) async fn generation(conn: &impl Reads) -> Result<i64, StoreError> {
    org_generation::Entity::find()
        .select_only()
        .column(org_generation::Column::Value)
        .read_ints(conn)
        .await?
        .first()
        .copied()
        .ok_or_else(|| corrupt("org_generation has no row".to_owned()))
}

/// One consistent copy of the organisation's tables.
#[derive(Debug)]
#[cfg_attr(test, derive(Default))]
pub(crate) struct Org {
    generation: i64,
    areas: HashMap<i64, area::Model>,
    area_codes: HashMap<String, i64>,
    /// Each area's id with every area below it.
    subtrees: HashMap<i64, Vec<i64>>,
    units: HashMap<i64, unit::Model>,
    unit_codes: HashMap<String, i64>,
    serves: HashMap<i64, Vec<AreaId>>,
    active_categories: HashMap<String, category::Model>,
    /// The users who receive a unit's notices (its liaisons, officers and
    /// leaders), by unit and in id order: a few per unit, and every action
    /// and filing e-mails some of them.
    staff: HashMap<i64, Vec<user::Model>>,
    /// Users are many and each request needs one: read when first asked.
    users: Mutex<HashMap<i64, user::Model>>,
}

impl Org {
    /// Reads the counter, then the tables, in one read-only transaction
    /// (a snapshot on PostgreSQL; on SQLite a read transaction is one).
    async fn load(db: &DatabaseConnection) -> Result<Org, StoreError> {
        let tx = match db.get_database_backend() {
            DbBackend::Postgres => {
                db.begin_with_config(
                    Some(IsolationLevel::RepeatableRead),
                    Some(AccessMode::ReadOnly),
                )
                .await?
            }
            // A read transaction of SQLite is a snapshot already.
            _ => db.begin().await?,
        };
        let generation = generation(&tx).await?;
        let areas = area::Entity::find().all(&tx).await?;
        let units = unit::Entity::find().all(&tx).await?;
        let links = unit_area::Entity::find().all(&tx).await?;
        let categories = category::Entity::find().all(&tx).await?;
        let staff_roles = [Recipients::UNIT_ROLE, Role::BoardOfficer, Role::Leader];
        let staff = user::Entity::find()
            .filter(user::Column::Role.is_in(staff_roles.map(Role::code)))
            .order_by_asc(user::Column::Id)
            .all(&tx)
            .await?;
        tx.commit().await?;

        let mut subtrees: HashMap<i64, Vec<i64>> = HashMap::new();
        for row in &areas {
            for above in parse_lineage(&row.lineage) {
                subtrees.entry(above.0).or_default().push(row.id);
            }
        }
        let mut serves: HashMap<i64, Vec<AreaId>> = HashMap::new();
        for link in links {
            serves
                .entry(link.unit_id)
                .or_default()
                .push(AreaId(link.area_id));
        }
        Ok(Org {
            generation,
            area_codes: areas.iter().map(|a| (a.code.clone(), a.id)).collect(),
            areas: areas.into_iter().map(|a| (a.id, a)).collect(),
            subtrees,
            unit_codes: units.iter().map(|u| (u.code.clone(), u.id)).collect(),
            units: units.into_iter().map(|u| (u.id, u)).collect(),
            serves,
            active_categories: categories
                .into_iter()
                .filter(|c| c.active)
                .map(|c| (c.code.clone(), c))
                .collect(),
            staff: staff.into_iter().fold(HashMap::new(), |mut by_unit, u| {
                by_unit.entry(u.unit_id).or_insert_with(Vec::new).push(u);
                by_unit
            }),
            users: Mutex::new(HashMap::new()),
        })
    }

    /// The users of `unit` with `role`, disabled or not, in id order
    /// (roles other than a liaison's, an officer's and a leader's: none).
    pub(crate) fn staff(&self, unit: i64, role: Role) -> impl Iterator<Item = &user::Model> {
        (self.staff.get(&unit).into_iter().flatten()).filter(move |u| u.role == role.code())
    }

    /// The units serving any of `areas`.
    pub(crate) fn units_serving(&self, areas: &[i64]) -> BTreeSet<i64> {
        (self.serves.iter())
            .filter(|(_, served)| served.iter().any(|a| areas.contains(&a.0)))
            .map(|(unit, _)| *unit)
            .collect()
    }

    /// A unit's row by id.
    pub(crate) fn unit_row(&self, id: i64) -> Option<&unit::Model> {
        self.units.get(&id)
    }

    /// A unit's row by code.
    pub(crate) fn unit_row_by_code(&self, code: &str) -> Option<&unit::Model> {
        self.unit_codes.get(code).and_then(|id| self.units.get(id))
    }

    /// The generation this copy was read at.
    pub(crate) fn generation(&self) -> i64 {
        self.generation
    }

    /// An area by code; an unknown code is a refusal naming `field`.
    pub(crate) fn area_by_code(
        &self,
        code: &str,
        field: &'static str,
    ) -> Result<&area::Model, StoreError> {
        self.area_codes
            .get(code.trim())
            .and_then(|id| self.areas.get(id))
            .ok_or_else(|| unknown(field, code))
    }

    /// An area by id.
    pub(crate) fn area_by_id(&self, id: i64) -> Result<&area::Model, StoreError> {
        self.areas.get(&id).ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::Area,
            key: format!("#{id}"),
        })
    }

    /// How many areas there are.
    pub(crate) fn area_count(&self) -> usize {
        self.areas.len()
    }

    /// The ids of the area `id` and every area below it (empty for an
    /// unknown area).
    pub(crate) fn subtree(&self, id: i64) -> &[i64] {
        self.subtrees.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Whether `code` names a category one may file under.
    pub(crate) fn category_is_active(&self, code: &str) -> bool {
        self.active_categories.contains_key(code.trim())
    }

    /// A unit by id as a rule sees it on `now`'s day.
    pub(crate) fn unit_by_id(&self, id: i64, now: DateTime<Utc>) -> Result<UnitRef, StoreError> {
        let row = self.units.get(&id).ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::Unit,
            key: format!("#{id}"),
        })?;
        let kind = UnitKind::from_code(&row.kind)
            .ok_or_else(|| corrupt(format!("unit {} has kind {}", row.code, row.kind)))?;
        Ok(UnitRef {
            id: UnitId(row.id),
            code: row.code.clone(),
            kind,
            serves: self.serves.get(&id).cloned().unwrap_or_default(),
            active: UnitRef::active_on(row.valid_to, now.date_naive()),
        })
    }

    /// A unit by code as a rule sees it; an unknown code is a refusal
    /// naming `field`.
    pub(crate) fn unit_by_code(
        &self,
        code: &str,
        field: &'static str,
        now: DateTime<Utc>,
    ) -> Result<UnitRef, StoreError> {
        let id = self
            .unit_codes
            .get(code.trim())
            .ok_or_else(|| unknown(field, code))?;
        self.unit_by_id(*id, now)
    }

    /// The user `id` (disabled or not), read the first time on `read`,
    /// which sees committed rows only: never a transaction's own writes,
    /// which would then be served to everyone.
    pub(crate) async fn user(
        &self,
        read: &ReadConnection,
        id: UserId,
    ) -> Result<Option<user::Model>, StoreError> {
        if let Some(row) = self.users.lock().expect("users lock").get(&id.0) {
            return Ok(Some(row.clone()));
        }
        let Some(row) = user::Entity::find_by_id(id.0).read_one(read).await? else {
            return Ok(None);
        };
        self.users
            .lock()
            .expect("users lock")
            .insert(row.id, row.clone());
        Ok(Some(row))
    }

    /// The user as the actor of an action; a disabled or unknown user is
    /// not found.
    pub(crate) async fn actor(
        &self,
        read: &ReadConnection,
        id: UserId,
        now: DateTime<Utc>,
    ) -> Result<Actor, StoreError> {
        let row = self
            .user(read, id)
            .await?
            .filter(|u| !u.disabled)
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::User,
                key: format!("#{}", id.0),
            })?;
        let role = Role::from_code(&row.role)
            .ok_or_else(|| corrupt(format!("user {} has role {}", row.id, row.role)))?;
        Ok(Actor {
            user: id,
            role,
            unit: self.unit_by_id(row.unit_id, now)?,
        })
    }
}
