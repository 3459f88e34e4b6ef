//! PostgreSQL keeps the search vectors of a case in `case_search`
//! (migration `m20261208_000010_case_search`), written by triggers when a
//! case is filed or its folded title or text changes, never by an action;
//! cases filed before the table existed are found after it.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;
use store::Store;
use testkit::case::{action, monday, policy, report};
use testkit::{Backend, TestDb, org};

use crate::search::search;
use crate::support::upgrade;

/// The transaction that last wrote the search row of `code`.
async fn written_by(s: &Store, code: &str) -> String {
    s.connection()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT case_search.xmin::text AS xmin FROM case_search \
             JOIN cases ON cases.id = case_search.case_id WHERE cases.code = $1",
            [code.into()],
        ))
        .await
        .expect("read")
        .expect("a search row for the case")
        .try_get("", "xmin")
        .expect("xmin")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_action_leaves_the_search_row_alone_on_postgres() {
    let db = TestDb::migrated(Backend::Postgres).await;
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let code = s
        .file_case(o.officer, report("Lấn chiếm hành lang đê"), monday(), p)
        .await
        .expect("file")
        .code;
    let filed = written_by(s, &code).await;
    s.act(
        o.officer,
        &code,
        1,
        action(json!({"action": "accept", "sensitivity": "normal", "priority": "high", "lead_unit": "UBND-BADINH"})),
        monday(),
        p,
    )
    .await
    .expect("accept");
    assert_eq!(written_by(s, &code).await, filed, "the accept rewrote it");
    assert_eq!(search(s, o.officer, "lan chiem de").await, [code.as_str()]);

    // A change of the folded title is written through.
    s.connection()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE cases SET search_title = $1, search_text = $1 WHERE code = $2",
            [
                format!("{} san lap ao ho", code.to_lowercase().replace('-', " ")).into(),
                code.clone().into(),
            ],
        ))
        .await
        .expect("edit the title");
    assert_ne!(written_by(s, &code).await, filed);
    assert_eq!(search(s, o.officer, "san lap").await, [code.as_str()]);
    assert!(search(s, o.officer, "lan chiem de").await.is_empty());
}

/// Cases filed before the table existed are found once the migration has
/// run (PostgreSQL copies their vectors; on SQLite it changes nothing).
async fn cases_filed_before_case_search_are_found_after_it(backend: Backend) {
    let db = upgrade::migrated_before(backend, "m20261208_000010_case_search").await;
    let s = db.store();
    let o = org::build(s).await;
    let clean = upgrade::case_row(s, o.officer, "Nạo vét kênh Tân Lạc", "Bùn ứ đọng.", 901).await;
    let dredge = upgrade::case_row(s, o.officer, "Kênh bốc mùi", "Cần nạo vét kênh.", 902).await;
    s.migrate().await.expect("the remaining migrations");
    assert_eq!(
        search(s, o.officer, "nao vet kenh").await,
        [clean.clone(), dredge.clone()]
    );
    assert_eq!(search(s, o.officer, "kenh bo").await, [dredge]);
    // And the ones filed after it (numbered from 1: the rows above are
    // numbered past it).
    let later = s
        .file_case(o.officer, report("Kênh tưới bị lấp"), monday(), &policy())
        .await
        .expect("file")
        .code;
    assert_eq!(search(s, o.officer, "kenh tuoi").await, [later]);
}

mod cases_filed_before_case_search_are_found_after_it {
    use testkit::Backend;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn sqlite() {
        super::cases_filed_before_case_search_are_found_after_it(Backend::Sqlite).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn postgres() {
        super::cases_filed_before_case_search_are_found_after_it(Backend::Postgres).await
    }
}
