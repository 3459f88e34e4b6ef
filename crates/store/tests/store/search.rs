//! Search (SPEC §6.4) on both backends: folded words ("dat dai" finds
//! "Đất đai"), codes, the last word as a prefix, the ranking (code or title
//! first, then newest), pages that stay exact while cases are filed,
//! filters, and never a case the caller cannot open.

use std::collections::BTreeSet;

use serde_json::json;
use store::{CaseFilter, Cursor, FileRequest, Store, StoreError};
use workflow::UserId;

use crate::both;
use crate::support::db::TestDb;
use crate::support::{action, monday, org, policy, report};

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

async fn search(s: &Store, user: UserId, q: &str) -> Vec<String> {
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
    let s = &db.store;
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

both!(words_match_without_case_diacritics_or_punctuation);

async fn code_and_title_matches_rank_first_then_the_newest(db: TestDb) {
    let s = &db.store;
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

both!(code_and_title_matches_rank_first_then_the_newest);

async fn search_combines_with_the_filters(db: TestDb) {
    let (s, p) = (&db.store, &policy());
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

both!(search_combines_with_the_filters);

async fn search_never_finds_a_case_the_caller_cannot_open(db: TestDb) {
    let (s, p) = (&db.store, &policy());
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

both!(search_never_finds_a_case_the_caller_cannot_open);
