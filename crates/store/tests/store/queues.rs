//! The lists the web pages are built on, on both backends: the triage
//! queue oldest first with its pages, an agency's inbox (cases its unit
//! leads or coordinates), and the merge suggestions of a case being
//! triaged (open cases on its line of areas sharing title words, ranked,
//! only those the caller may see).

use chrono::TimeDelta;
use serde_json::json;
use store::{CaseFilter, FileRequest, Store};
use workflow::{CaseState, UserId};

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn file_at(s: &Store, user: UserId, title: &str, area: &str, minutes: i64) -> String {
    let request = FileRequest {
        area: area.to_owned(),
        ..report(title)
    };
    s.file_case(
        user,
        request,
        monday() + TimeDelta::minutes(minutes),
        &policy(),
    )
    .await
    .expect("file")
    .code
}

async fn codes(
    s: &Store,
    user: UserId,
    filter: &CaseFilter,
) -> (Vec<String>, Option<store::Cursor>) {
    let page = s
        .list_cases(user, filter, monday() + TimeDelta::hours(1))
        .await
        .expect("list");
    (page.cases.into_iter().map(|c| c.code).collect(), page.next)
}

async fn the_triage_queue_is_oldest_first_page_after_page(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let first = file_at(s, o.reporter, "Một", "HN-BADINH", 0).await;
    let second = file_at(s, o.reporter, "Hai", "HN-BADINH", 1).await;
    let third = file_at(s, o.reporter, "Ba", "HN-BADINH", 2).await;
    let queue = CaseFilter {
        state: Some(CaseState::Reported),
        oldest_first: true,
        limit: 2,
        ..CaseFilter::default()
    };
    let (page, next) = codes(s, o.officer, &queue).await;
    assert_eq!(page, [first.clone(), second.clone()]);
    let rest = CaseFilter {
        cursor: next,
        ..queue.clone()
    };
    let (page, next) = codes(s, o.officer, &rest).await;
    assert_eq!(page, vec![third.clone()]);
    assert!(next.is_none());
    // The plain list stays newest first.
    let (page, _) = codes(
        s,
        o.officer,
        &CaseFilter {
            limit: 10,
            ..CaseFilter::default()
        },
    )
    .await;
    assert_eq!(page, [third, second, first]);
}
on_both_backends!(migrated: the_triage_queue_is_oldest_first_page_after_page);

async fn the_inbox_holds_the_cases_the_unit_leads_or_coordinates(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let accept = |code: String, input: serde_json::Value| async move {
        s.act(o.officer, &code, 1, action(input), monday(), &policy())
            .await
            .expect("accept");
        code
    };
    let led = accept(
        file_at(s, o.officer, "Chủ trì", "HN-BADINH", 0).await,
        json!({"action": "accept", "sensitivity": "normal", "priority": "high", "lead_unit": "UBND-BADINH"}),
    )
    .await;
    let coordinated = accept(
        file_at(s, o.officer, "Phối hợp", "HN-BADINH", 1).await,
        json!({"action": "accept", "sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN", "coordinating_units": ["UBND-BADINH"]}),
    )
    .await;
    accept(
        file_at(s, o.officer, "Của thành phố", "HN-BADINH", 2).await,
        json!({"action": "accept", "sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
    )
    .await;
    file_at(s, o.officer, "Chưa phân loại", "HN-BADINH", 3).await;
    let inbox = CaseFilter {
        involved: true,
        limit: 10,
        ..CaseFilter::default()
    };
    let (page, _) = codes(s, o.liaison, &inbox).await;
    assert_eq!(page, [coordinated, led]);
}
on_both_backends!(migrated: the_inbox_holds_the_cases_the_unit_leads_or_coordinates);

async fn similar_open_cases_share_title_words_on_the_same_line_of_areas(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let now = monday() + TimeDelta::hours(1);
    let triaged = file_at(s, o.reporter, "Tranh chấp đất đai tổ 3", "HN-BADINH", 0).await;
    let two_words = file_at(s, o.reporter, "Đất đai bị lấn chiếm tổ 5", "HN-BADINH", 1).await;
    file_at(s, o.reporter, "Ô nhiễm tiếng ồn", "HN-BADINH", 2).await;
    file_at(s, o.officer, "Tranh chấp đất đai", "HN-HOANKIEM", 3).await;
    let above = file_at(s, o.officer, "Đất đai: tranh chấp kéo dài", "HN", 4).await;
    let dismissed = file_at(s, o.reporter, "Tranh chấp đất", "HN-BADINH", 5).await;
    s.act(
        o.officer,
        &dismissed,
        1,
        action(json!({"action": "dismiss", "reason": "Trùng."})),
        now,
        &policy(),
    )
    .await
    .expect("dismiss");

    let case = s.get_case(o.officer, &triaged, now).await.expect("case");
    let similar: Vec<String> = s
        .similar_open_cases(o.officer, &case, 5, now)
        .await
        .expect("similar")
        .into_iter()
        .map(|c| c.code)
        .collect();
    // Four shared words before two; another ward, another subject, a
    // closed case and the case itself are left out.
    assert_eq!(similar, [above, two_words]);
    // Only what the caller may see: the other ward's reporter sees none.
    let seen = s
        .similar_open_cases(o.other_reporter, &case, 5, now)
        .await
        .expect("similar");
    assert!(seen.is_empty());
}
on_both_backends!(migrated: similar_open_cases_share_title_words_on_the_same_line_of_areas);
