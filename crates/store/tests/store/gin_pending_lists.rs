//! PostgreSQL's GIN indexes of the search keep at most 64 kB of new
//! entries unmerged (migrations `m20261207_000020_gin_pending_lists`,
//! `m20261208_000010_case_search`): every
//! search through an index reads its whole pending list first, and with
//! the default 4 MB a freshly filled table was all pending. SQLite has no
//! such list (its FTS5 segments are merged by `merge_search_index`).

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use store::FileRequest;

use crate::search::search;
use testkit::case::{monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

/// 64 kB of 8 kB pages.
const MOST_PENDING_PAGES: i64 = 8;

/// The pages pending in `index`, merged into the index by asking.
async fn merge_pending(db: &TestDb, index: &str) -> i64 {
    db.store()
        .connection()
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT gin_clean_pending_list('{index}')::bigint AS pages"),
        ))
        .await
        .expect("clean the pending list")
        .expect("a row")
        .try_get("", "pages")
        .expect("pages")
}

async fn filings_leave_little_pending(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    // Each filing adds its words to the indexes: about forty of these fill
    // 64 kB of the whole-text index, a hundred and fifty its title index.
    for i in 0..200 {
        let request = FileRequest {
            description: format!(
                "Phản ánh số {i}: người dân khu {i} đề nghị kiểm tra việc san lấp \
                 ao hồ, xả thải ra kênh tưới tiêu và lấn chiếm hành lang đê điều \
                 số {}, kéo dài nhiều tháng mà chưa được giải quyết dứt điểm.",
                i * 7919
            ),
            ..report(&format!("Vi phạm đất đai ở thôn {i} xã {}", i * 104_729))
        };
        s.file_case(o.officer, request, monday(), &policy())
            .await
            .expect("file");
    }
    let before = search(s, o.officer, "ke").await;
    if s.backend() == DbBackend::Postgres {
        for index in [
            "idx_case_search_search_vector",
            "idx_case_search_title_vector",
        ] {
            let pending = merge_pending(&db, index).await;
            assert!(
                pending <= MOST_PENDING_PAGES,
                "{index}: {pending} pages were pending"
            );
        }
    }
    assert!(!before.is_empty());
    assert_eq!(search(s, o.officer, "ke").await, before);
}
on_both_backends!(migrated: filings_leave_little_pending);
