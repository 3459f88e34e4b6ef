//! Every row of every table, printed, to prove that a refused action
//! changed nothing.

use sea_orm::{EntityTrait, QueryOrder};
use store::Store;
use store::entities::*;

macro_rules! dump {
    ($out:ident, $db:ident, $($entity:ident),+) => {
        $(
            let rows = $entity::Entity::find()
                .order_by_asc(<$entity::Entity as EntityTrait>::PrimaryKey::iter().next().map(|pk| pk.into_column()).unwrap())
                .all($db)
                .await
                .expect(stringify!($entity));
            $out.push_str(&format!("== {} ({})\n", stringify!($entity), rows.len()));
            for row in rows {
                $out.push_str(&format!("{row:?}\n"));
            }
        )+
    };
}

/// A text of every row in the database.
pub async fn tables(store: &Store) -> String {
    use sea_orm::{Iterable, PrimaryKeyToColumn};
    let db = store.connection();
    let mut out = String::new();
    dump!(
        out,
        db,
        area,
        unit,
        unit_area,
        user,
        api_token,
        category,
        case_code_counter,
        case,
        case_coordinating_unit,
        case_event,
        attachment,
        programme,
        programme_party,
        programme_item,
        duty_schedule,
        duty_instance,
        outbox,
        idempotency_key,
        audit_log
    );
    out
}
