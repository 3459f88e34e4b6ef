//! Search (SPEC §6.4) on both backends: folded words ("dat dai" finds
//! "Đất đai"), codes, the last word as a prefix, the ranking (code or title
//! first, then newest), pages that stay exact while cases are filed,
//! filters, and never a case the caller cannot open.

use std::collections::BTreeSet;

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;
use store::{CaseFilter, Cursor, FileRequest, Store, StoreError};
use workflow::UserId;

use crate::support::upgrade;
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{Backend, TestDb, on_both_backends};

fn case(title: &str, description: &str, area: &str) -> FileRequest {
    FileRequest {
        description: description.to_owned(),
        area: area.to_owned(),
        ..report(title)
    }
}

async fn file(s: &Store, user: UserId, request: FileRequest) -> String {
    s.file_case(user, request, monday(), &policy())
        .await
        .expect("file")
        .code
}

pub(crate) async fn search(s: &Store, user: UserId, q: &str) -> Vec<String> {
    search_with(s, user, q, CaseFilter::default()).await
}

async fn search_with(s: &Store, user: UserId, q: &str, filter: CaseFilter) -> Vec<String> {
    let filter = CaseFilter {
        q: Some(q.to_owned()),
        limit: 100,
        ..filter
    };
    s.list_cases(user, &filter, monday())
        .await
        .expect("search")
        .cases
        .into_iter()
        .map(|c| c.code)
        .collect()
}

async fn words_match_without_case_diacritics_or_punctuation(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let land = file(
        s,
        o.officer,
        case(
            "Tranh chấp Đất đai ở tổ dân phố 3",
            "Hai hộ tranh chấp ranh giới.",
            "HN-BADINH",
        ),
    )
    .await;
    let hot = file(
        s,
        o.officer,
        case(
            "Vấn đề NỔI CỘM về giá điện",
            "Hóa đơn tăng gấp đôi.",
            "HN-HOANKIEM",
        ),
    )
    .await;
    let other = file(
        s,
        o.officer,
        case(
            "Ngập úng sau mưa",
            "Nước ngập nửa mét, đất lún.",
            "HN-BADINH",
        ),
    )
    .await;

    assert_eq!(search(s, o.officer, "dat dai").await, [land.as_str()]);
    assert_eq!(search(s, o.officer, "ĐẤT  Đai").await, [land.as_str()]);
    assert_eq!(search(s, o.officer, "noi com").await, [hot.as_str()]);
    assert_eq!(
        search(s, o.officer, "Nổi cộm, giá điện!").await,
        [hot.as_str()]
    );
    // The description counts too; the last word is a prefix.
    assert_eq!(
        search(s, o.officer, "hoa don tang ga").await,
        [hot.as_str()]
    );
    assert_eq!(search(s, o.officer, "ngap nu").await, [other.as_str()]);
    // A last word typed to any length, from one letter to a whole
    // syllable (SQLite has prefix indexes of one to six letters).
    for typed in ["t", "tr", "tra", "tran", "tranh"] {
        assert_eq!(
            search(s, o.officer, &format!("chap {typed}")).await,
            [land.as_str()],
            "{typed}"
        );
    }
    for typed in ["ng", "nga", "ngap"] {
        assert_eq!(
            search(s, o.officer, typed).await,
            [other.as_str()],
            "{typed}"
        );
    }
    // Every word must occur somewhere.
    assert!(search(s, o.officer, "dat dai dien").await.is_empty());
    assert!(search(s, o.officer, "tranh chap xyz").await.is_empty());
    // Codes, whole or lower case or by their last digits' prefix.
    assert_eq!(search(s, o.officer, &hot).await, [hot.as_str()]);
    assert_eq!(
        search(s, o.officer, &land.to_lowercase()).await,
        [land.as_str()]
    );
    let number = hot.rsplit('-').next().unwrap().to_owned();
    assert_eq!(search(s, o.officer, &number).await, [hot.as_str()]);
    let series = &land[..land.len() - 1];
    assert_eq!(search(s, o.officer, series).await.len(), 3, "{series}");
    // Wildcards of LIKE or FTS syntax are just punctuation.
    assert!(search(s, o.officer, "100%").await.is_empty());
    assert!(search(s, o.officer, "dat* OR \"dai\"").await.is_empty());
    // No letter or digit: no search, the plain list.
    assert_eq!(search(s, o.officer, " %-_ ").await, [other, hot, land]);
}

on_both_backends!(migrated: words_match_without_case_diacritics_or_punctuation);

async fn code_and_title_matches_rank_first_then_the_newest(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let mut code = Vec::new();
    for (title, description) in [
        ("Ô nhiễm nguồn nước", "Nước giếng có mùi lạ."),
        ("Khiếu nại của hộ kinh doanh", "Xưởng gây ô nhiễm kênh."),
        ("Ô nhiễm không khí", "Khói bụi từ lò gạch."),
        ("Nước sạch", "Nguồn nước bị ô nhiễm."),
        ("Đường hỏng", "Ổ gà nhiều."),
    ] {
        code.push(file(s, o.officer, case(title, description, "HN-BADINH")).await);
    }
    let ranked = [
        code[2].as_str(),
        code[0].as_str(),
        code[3].as_str(),
        code[1].as_str(),
    ];
    assert_eq!(search(s, o.officer, "o nhiem").await, ranked);
    // The last word a prefix in both tiers: "nhi" is "nhiễm" in the titles
    // and "nhiều" in a description only.
    assert_eq!(
        search(s, o.officer, "o nhi").await,
        [
            code[2].as_str(),
            code[0].as_str(),
            code[4].as_str(),
            code[3].as_str(),
            code[1].as_str(),
        ]
    );
    // The words may be split between title and description: tier 2.
    assert_eq!(search(s, o.officer, "nuoc gieng").await, [code[0].as_str()]);
    assert_eq!(
        search(s, o.officer, "nguon nuoc").await,
        [code[0].as_str(), code[3].as_str()]
    );

    // The same answers whatever part of the cases PostgreSQL walks by id
    // before the GIN index takes over (SQLite ignores the window).
    for window in [1, 2, 3, 4] {
        let mut narrow = s.clone();
        narrow.set_search_window(window);
        assert_eq!(
            search(&narrow, o.officer, "o nhiem").await,
            ranked,
            "{window}"
        );
        assert_eq!(
            search(&narrow, o.officer, "nguon nuoc").await,
            [code[0].as_str(), code[3].as_str()],
            "{window}"
        );
        let mut paged = Vec::new();
        let mut cursor = None;
        loop {
            let page = narrow
                .list_cases(
                    o.officer,
                    &CaseFilter {
                        q: Some("o nhi".into()),
                        limit: 2,
                        cursor,
                        ..CaseFilter::default()
                    },
                    monday(),
                )
                .await
                .expect("page");
            paged.extend(page.cases.into_iter().map(|c| c.code));
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(
            paged,
            [&code[2], &code[0], &code[4], &code[3], &code[1]].map(String::clone),
            "{window}"
        );
    }

    // A page at a time: each case once, in rank order, while a case that
    // ranks first is filed between two pages.
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = s
            .list_cases(
                o.officer,
                &CaseFilter {
                    q: Some("o nhiem".into()),
                    limit: 1,
                    cursor,
                    ..CaseFilter::default()
                },
                monday(),
            )
            .await
            .expect("page");
        seen.extend(page.cases.into_iter().map(|c| c.code));
        if seen.len() == 2 {
            file(
                s,
                o.officer,
                case("Ô nhiễm tiếng ồn", "Karaoke.", "HN-BADINH"),
            )
            .await;
        }
        match page.next {
            Some(next) => {
                assert!(matches!(next, Cursor::Ranked { .. }), "{next:?}");
                cursor = Some(next);
            }
            None => break,
        }
    }
    assert_eq!(seen, ranked);

    // A cursor of the other list is refused, not misread.
    let recent = s
        .list_cases(
            o.officer,
            &CaseFilter {
                limit: 1,
                ..CaseFilter::default()
            },
            monday(),
        )
        .await
        .expect("list")
        .next;
    let refused = s
        .list_cases(
            o.officer,
            &CaseFilter {
                q: Some("o nhiem".into()),
                limit: 1,
                cursor: recent,
                ..CaseFilter::default()
            },
            monday(),
        )
        .await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Invalid {
                field: "cursor",
                ..
            })
        ),
        "{refused:?}"
    );
}

on_both_backends!(migrated: code_and_title_matches_rank_first_then_the_newest);

async fn search_combines_with_the_filters(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let bd = file(
        s,
        o.officer,
        case("Sạt lở bờ sông", "Nhà dân bị nứt.", "HN-BADINH"),
    )
    .await;
    let hk = file(
        s,
        o.officer,
        case("Sạt lở ta luy", "Đường bị chắn.", "HN-HOANKIEM"),
    )
    .await;
    let accepted = file(s, o.officer, case("Sạt lở đê", "Nguy hiểm.", "HN-BADINH")).await;
    s.act(
        o.officer,
        &accepted,
        1,
        action(json!({"action": "accept", "sensitivity": "normal", "priority": "urgent", "lead_unit": "UBND-BADINH"})),
        monday(),
        p,
    )
    .await
    .expect("accept");

    let with = |filter: CaseFilter| search_with(s, o.officer, "sat lo", filter);
    assert_eq!(
        with(CaseFilter::default()).await,
        [accepted.as_str(), hk.as_str(), bd.as_str()]
    );
    let area = CaseFilter {
        area: Some("HN-BADINH".into()),
        ..CaseFilter::default()
    };
    assert_eq!(with(area).await, [accepted.as_str(), bd.as_str()]);
    let reported = CaseFilter {
        state: Some(workflow::CaseState::Reported),
        ..CaseFilter::default()
    };
    assert_eq!(with(reported).await, [hk.as_str(), bd.as_str()]);
    let urgent = CaseFilter {
        priority: Some(workflow::Priority::Urgent),
        lead_unit: Some("UBND-BADINH".into()),
        ..CaseFilter::default()
    };
    assert_eq!(with(urgent).await, [accepted.as_str()]);
    let mine = CaseFilter {
        mine: true,
        ..CaseFilter::default()
    };
    assert_eq!(
        search_with(s, o.liaison, "sat lo", mine).await,
        [accepted.as_str()]
    );
}

on_both_backends!(migrated: search_combines_with_the_filters);

async fn search_never_finds_a_case_the_caller_cannot_open(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let mut codes = Vec::new();
    for (user, title, area) in [
        (o.reporter, "Đền bù giải tỏa chậm", "HN-BADINH"),
        (o.reporter, "Đền bù thiếu minh bạch", "HN-BADINH"),
        (o.other_reporter, "Đền bù chợ cũ", "HN-HOANKIEM"),
        (o.officer, "Đền bù dự án vành đai", "HN"),
    ] {
        codes.push(file(s, user, case(title, "Người dân phản ánh về đền bù.", area)).await);
    }
    // The second becomes sensitive, led by Ba Đình's committee.
    s.act(
        o.officer,
        &codes[1],
        1,
        action(json!({"action": "accept", "sensitivity": "sensitive", "priority": "high", "lead_unit": "UBND-BADINH"})),
        monday(),
        p,
    )
    .await
    .expect("accept");
    let users = [
        o.reporter,
        o.other_reporter,
        o.officer,
        o.liaison,
        o.court,
        o.leader,
        o.admin,
    ];
    for user in users {
        for q in ["den bu", "den", "giai toa", "minh bach"] {
            let found: BTreeSet<String> = search(s, user, q).await.into_iter().collect();
            let mut openable = BTreeSet::new();
            for code in &codes {
                if s.get_case(user, code, monday()).await.is_ok()
                    && !search(s, o.officer, q).await.is_empty()
                    && search(s, o.officer, q).await.contains(code)
                {
                    openable.insert(code.clone());
                }
            }
            assert_eq!(found, openable, "user {user:?}, q {q}");
        }
    }
    // The users differ: the search is not trivially everything or nothing.
    assert_eq!(search(s, o.officer, "den bu").await.len(), 4);
    assert!(search(s, o.other_reporter, "den bu").await.len() < 4);
    assert!(search(s, o.admin, "minh bach").await.is_empty());
}

on_both_backends!(migrated: search_never_finds_a_case_the_caller_cannot_open);

/// The codes of a search for `q` with every PostgreSQL window from one case
/// (every step walked) to more than all of them; SQLite ignores the window,
/// so there the answers must simply be the same each time.
async fn search_every_window(s: &Store, user: UserId, q: &str) -> Vec<String> {
    let whole = search(s, user, q).await;
    for window in [1, 2, 3, 1000] {
        let mut narrow = s.clone();
        narrow.set_search_window(window);
        assert_eq!(
            search(&narrow, user, q).await,
            whole,
            "{q}, window {window}"
        );
    }
    whole
}

async fn title_words_follow_filing_actions_and_title_edits(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let fee = file(
        s,
        o.officer,
        case(
            "Xã Tân Lạc thu phí sai quy định",
            "Người dân phản ánh.",
            "HN-BADINH",
        ),
    )
    .await;
    let road = file(
        s,
        o.officer,
        case(
            "Đường liên thôn hỏng",
            "Ở xã Tân Lạc, xe chở cát.",
            "HN-BADINH",
        ),
    )
    .await;
    let kiln = file(
        s,
        o.officer,
        case("Lò gạch gây khói", "Thôn Tân Lạc.", "HN-BADINH"),
    )
    .await;
    // Filed: the title words rank first, in every step of the search.
    assert_eq!(
        search_every_window(s, o.officer, "xa tan lac").await,
        [fee.as_str(), road.as_str()]
    );
    assert_eq!(
        search_every_window(s, o.officer, "tan la").await,
        [fee.as_str(), kiln.as_str(), road.as_str()]
    );
    assert_eq!(
        search_every_window(s, o.officer, "lo gach").await,
        [kiln.as_str()]
    );

    // An action writes the whole row again: the ranking stays.
    s.act(
        o.officer,
        &fee,
        1,
        action(json!({"action": "accept", "sensitivity": "normal", "priority": "high", "lead_unit": "UBND-BADINH"})),
        monday(),
        p,
    )
    .await
    .expect("accept");
    assert_eq!(
        search_every_window(s, o.officer, "tan la").await,
        [fee.as_str(), kiln.as_str(), road.as_str()]
    );

    // No action edits a title today (the workflow has none); a title edit
    // writes the folded columns as `to_active` does, and the index follows.
    let folded_code = fee.to_lowercase().replace('-', " ");
    let head = format!("{folded_code} thu phi cho sai quy dinh");
    let (sql, values): (&str, Vec<sea_orm::Value>) = match s.backend() {
        DbBackend::Postgres => (
            "UPDATE cases SET title = $1, search_title = $2, search_text = $3 WHERE code = $4",
            vec![
                "Thu phí chợ sai quy định".into(),
                head.clone().into(),
                format!("{head} nguoi dan phan anh").into(),
                fee.clone().into(),
            ],
        ),
        _ => (
            "UPDATE cases SET title = ?, search_title = ?, search_text = ? WHERE code = ?",
            vec![
                "Thu phí chợ sai quy định".into(),
                head.clone().into(),
                format!("{head} nguoi dan phan anh").into(),
                fee.clone().into(),
            ],
        ),
    };
    s.connection()
        .execute_raw(Statement::from_sql_and_values(s.backend(), sql, values))
        .await
        .expect("edit the title");
    assert_eq!(
        search_every_window(s, o.officer, "xa tan lac").await,
        [road.as_str()]
    );
    assert_eq!(
        search_every_window(s, o.officer, "tan la").await,
        [kiln.as_str(), road.as_str()]
    );
    assert_eq!(
        search_every_window(s, o.officer, "cho sai").await,
        [fee.as_str()]
    );
    if s.backend() == DbBackend::Postgres {
        // The title vector is the folded code and title, nothing else.
        let row = s
            .connection()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT title_vector = to_tsvector('simple', $1) AS same \
                 FROM case_search JOIN cases ON cases.id = case_search.case_id WHERE code = $2",
                [head.into(), fee.clone().into()],
            ))
            .await
            .expect("read")
            .expect("the case");
        assert!(row.try_get::<bool>("", "same").expect("same"));
    }
}

on_both_backends!(migrated: title_words_follow_filing_actions_and_title_edits);

/// Cases filed before the title vector existed are found, and ranked, once
/// the migration that adds it has run (PostgreSQL fills the column for the
/// existing rows; on SQLite the migration changes nothing).
async fn cases_filed_before_the_title_vector_are_ranked_after_it(backend: Backend) {
    let db = upgrade::migrated_before(backend, "m20261122_000070_title_vector").await;
    let s = db.store();
    let o = org::build(s).await;
    let clean = upgrade::case_row(s, o.officer, "Nạo vét kênh Tân Lạc", "Bùn ứ đọng.", 1).await;
    let dredge = upgrade::case_row(s, o.officer, "Kênh bốc mùi", "Cần nạo vét kênh.", 2).await;
    s.migrate().await.expect("the remaining migrations");
    assert_eq!(
        search_every_window(s, o.officer, "nao vet kenh").await,
        [clean.as_str(), dredge.as_str()]
    );
    assert_eq!(
        search_every_window(s, o.officer, "kenh bo").await,
        [dredge.as_str()]
    );
}

mod cases_filed_before_the_title_vector_are_ranked_after_it {
    use testkit::Backend;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn sqlite() {
        super::cases_filed_before_the_title_vector_are_ranked_after_it(Backend::Sqlite).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn postgres() {
        super::cases_filed_before_the_title_vector_are_ranked_after_it(Backend::Postgres).await
    }
}

/// Pages of every size through every PostgreSQL window give the ranking
/// the whole search gives: the walk of the newest ids, the walk that goes
/// on when matches are dense enough, and the GIN step for the older ones
/// each take their turn (SQLite has one plan; it must agree all the same).
async fn pages_are_the_same_through_every_step(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let (mut in_title, mut in_text) = (Vec::new(), Vec::new());
    for i in 0..18 {
        let (title, description) = match i % 3 {
            0 => ("Cầu treo xuống cấp", "Dây cáp gỉ sét."),
            1 => ("Đường tràn ngập nước", "Người dân đi vòng qua cầu treo."),
            _ => ("Chợ tạm lấn đường", "Xe cộ ùn tắc."),
        };
        let code = file(s, o.officer, case(title, description, "HN-BADINH")).await;
        match i % 3 {
            0 => in_title.push(code),
            1 => in_text.push(code),
            _ => {}
        }
    }
    let expected: Vec<String> = in_title
        .iter()
        .rev()
        .chain(in_text.iter().rev())
        .cloned()
        .collect();
    for window in [1, 2, 3, 5, 1000] {
        let mut narrow = s.clone();
        narrow.set_search_window(window);
        for limit in [1, 2, 4, 7] {
            let paged = paged(&narrow, o.officer, "cau tr", limit).await;
            assert_eq!(paged, expected, "window {window}, limit {limit}");
        }
    }
}

on_both_backends!(migrated: pages_are_the_same_through_every_step);

/// Every page of a search for `q`, `limit` cases at a time, joined.
async fn paged(s: &Store, user: UserId, q: &str, limit: u64) -> Vec<String> {
    let mut codes = Vec::new();
    let mut cursor = None;
    loop {
        let page = s
            .list_cases(
                user,
                &CaseFilter {
                    q: Some(q.to_owned()),
                    limit,
                    cursor,
                    ..CaseFilter::default()
                },
                monday(),
            )
            .await
            .expect("page");
        assert!(page.cases.len() as u64 <= limit);
        codes.extend(page.cases.into_iter().map(|c| c.code));
        match page.next {
            Some(next) => cursor = Some(next),
            None => return codes,
        }
    }
}

/// The newest cases a burst of near-identical reports without the words:
/// on PostgreSQL the walk of the newest ids finds nothing there, walks on
/// in growing windows, probes the GIN index for the few older matches or
/// learns that they are many and walks through the burst. Every window,
/// probe cost and page size gives the ranking of the whole search, with
/// the planner's statistics missing and after `ANALYZE`.
async fn searches_cross_a_burst_of_alike_cases(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let (mut in_title, mut in_text, mut rare) = (Vec::new(), Vec::new(), Vec::new());
    let mut canals = Vec::new();
    for i in 0..14 {
        let (title, description) = match i % 4 {
            0 | 2 => ("Kênh thủy lợi bồi lắng", "Lúa thiếu nước."),
            1 => ("Ruộng khô hạn", "Kênh dẫn nước bị lấp."),
            _ => ("Nhà văn hóa xuống cấp", "Mái dột."),
        };
        let code = file(s, o.officer, case(title, description, "HN-BADINH")).await;
        match i % 4 {
            0 | 2 => in_title.push(code.clone()),
            1 => in_text.push(code.clone()),
            _ => rare.push(code.clone()),
        }
        if i % 4 != 3 {
            canals.push(code);
        }
    }
    let mut burst = Vec::new();
    for _ in 0..25 {
        burst.push(
            file(
                s,
                o.officer,
                case(
                    "Tiếng ồn karaoke ban đêm",
                    "Người dân phản ánh kéo dài nhiều tháng.",
                    "HN-BADINH",
                ),
            )
            .await,
        );
    }
    let newest_first = |codes: &[String]| codes.iter().rev().cloned().collect::<Vec<_>>();
    let canal: Vec<String> = newest_first(&in_title)
        .into_iter()
        .chain(newest_first(&in_text))
        .collect();
    let noise = newest_first(&burst);
    for analyzed in [false, true] {
        if analyzed && s.backend() == DbBackend::Postgres {
            s.connection()
                .execute_unprepared("ANALYZE cases")
                .await
                .expect("analyze");
        }
        // The probe's cost from the planner's estimate, or set: the walk
        // goes on until it has walked that many rows (a small table has no
        // useful statistics).
        for (window, probe_cost) in [1, 2, 3, 5, 8, 13, 26, 1000]
            .into_iter()
            .flat_map(|w| [(w, None), (w, Some(7)), (w, Some(1000))])
        {
            let mut narrow = s.clone();
            narrow.set_search_window(window);
            if let Some(rows) = probe_cost {
                narrow.set_search_probe_cost(rows);
            }
            let at = format!("window {window}, probe cost {probe_cost:?}, analyzed {analyzed}");
            for limit in [1, 2, 3, 5, 100] {
                assert_eq!(
                    paged(&narrow, o.officer, "kenh", limit).await,
                    canal,
                    "kenh, limit {limit}, {at}"
                );
                assert_eq!(
                    paged(&narrow, o.officer, "van ho", limit).await,
                    newest_first(&rare),
                    "van ho, limit {limit}, {at}"
                );
                // A complete word in every canal case, the last word in
                // some: a probe for the complete words finds cases that it
                // must then test with every word, the newest failing.
                assert_eq!(
                    paged(&narrow, o.officer, "kenh lap", limit).await,
                    newest_first(&in_text),
                    "kenh lap, limit {limit}, {at}"
                );
                assert_eq!(
                    paged(&narrow, o.officer, "kenh nuoc", limit).await,
                    newest_first(&canals),
                    "kenh nuoc, limit {limit}, {at}"
                );
            }
            // Words of the burst: dense at the top, nowhere below it.
            assert_eq!(
                paged(&narrow, o.officer, "karaoke", 4).await,
                noise,
                "karaoke, {at}"
            );
            // In no case at all, and a case code among the oldest.
            assert!(search(&narrow, o.officer, "kenh karaoke").await.is_empty());
            assert_eq!(
                search(&narrow, o.officer, &in_title[0]).await,
                [in_title[0].as_str()],
                "{at}"
            );
        }
    }
}

on_both_backends!(migrated: searches_cross_a_burst_of_alike_cases);

/// SQLite's FTS5 index, as the migrations leave it: prefix indexes for a
/// last word typed to any length and sixteen segments merged at a time
/// (`m20261123_000010_search_prefixes`, `m20261123_000020_search_merges`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_search_index_has_prefixes_and_merges_sixteen_segments() {
    let db = TestDb::migrated(Backend::Sqlite).await;
    let conn = db.store().connection();
    let value = |sql: &'static str| async move {
        conn.query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
            .await
            .expect("query")
            .expect("a row")
    };
    for (config, table) in [
        (
            "SELECT v FROM cases_fts_config WHERE k = 'automerge'",
            "SELECT sql FROM sqlite_master WHERE name = 'cases_fts'",
        ),
        (
            "SELECT v FROM cases_title_fts_config WHERE k = 'automerge'",
            "SELECT sql FROM sqlite_master WHERE name = 'cases_title_fts'",
        ),
    ] {
        let automerge = value(config).await;
        assert_eq!(automerge.try_get_by_index::<i64>(0).unwrap(), 16, "{table}");
        let sql: String = value(table).await.try_get_by_index(0).unwrap();
        assert!(sql.contains("prefix='1 2 3 4 5 6'"), "{sql}");
    }
}
