//! Information duties, continued (SPEC §13): the verdict date moves the
//! after-trial duty; an ad-hoc request by the board is a duty (several
//! about one case), refused in words and writing nothing otherwise; a
//! submission carries documents, a refused file leaves nothing, and the
//! orphan sweep keeps a duty's documents.

use std::time::{Duration, SystemTime};

use chrono::{TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::json;
use store::attachments::{Blobs, Upload};
use store::duties::{DutyAnswer, DutyMove, DutyRequestInput};
use store::entities::{duty_file, duty_instance};
use store::{Files, StoreError};
use workflow::{Calendar, DutyKind, Lang, Refusal};

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_verdict_date_moves_the_after_trial_duty_and_keeps_it_there);
on_both_backends!(migrated: the_board_asks_for_information_and_others_are_refused);
on_both_backends!(migrated: a_submission_carries_its_documents_and_a_bad_file_leaves_nothing);

async fn duties(s: &store::Store) -> Vec<duty_instance::Model> {
    duty_instance::Entity::find()
        .order_by_asc(duty_instance::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
}

fn end_of(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    // 23:59:59 in Hà Nội.
    Utc.with_ymd_and_hms(y, m, d, 16, 59, 59).unwrap()
}

async fn a_verdict_date_moves_the_after_trial_duty_and_keeps_it_there(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let case = s
        .file_case(o.reporter, report("Tranh chấp đất"), monday(), p)
        .await
        .unwrap();
    let act = |who, version, input: serde_json::Value| {
        let code = case.code.clone();
        async move { s.act(who, &code, version, action(input), monday(), p).await }
    };
    let c = act(
        o.officer,
        1,
        json!({"action": "accept", "sensitivity": "complex", "priority": "high",
        "lead_unit": "UBND-BADINH", "coordinating_units": ["TAND-KV1"]}),
    )
    .await
    .unwrap();
    // No verdict without a trial.
    let refused = act(
        o.court,
        c.version,
        json!({"action": "set_verdict_date", "verdict_date": "2026-04-23"}),
    )
    .await
    .unwrap_err();
    assert!(matches!(refused, StoreError::Refused(Refusal::NoTrialDate)));
    let c = act(
        o.court,
        c.version,
        json!({"action": "set_trial_date", "trial_date": "2026-04-20"}),
    )
    .await
    .unwrap();
    // The trial opens on Monday 20/4 and its verdict is given on Thursday
    // 23/4: the information after it is due 3 working days later (Friday
    // 24/4, Tuesday 28/4 — Monday 27/4 is the Giỗ Tổ day off — and
    // Wednesday 29/4), not on Thursday 23/4 while the trial still sits.
    assert_eq!(duties(s).await[1].due_at, end_of(2026, 4, 23));
    let c = act(
        o.court,
        c.version,
        json!({"action": "set_verdict_date", "verdict_date": "2026-04-23"}),
    )
    .await
    .unwrap();
    assert_eq!(c.verdict_date, chrono::NaiveDate::from_ymd_opt(2026, 4, 23));
    let after = duties(s).await;
    assert_eq!(after.len(), 2, "no new duty");
    assert_eq!(after[0].due_at, end_of(2026, 4, 13), "before: unchanged");
    assert_eq!(after[1].due_at, end_of(2026, 4, 29));
    assert_eq!(after[1].period, "2026-04-20", "still named by its trial");
    // A trial date corrected afterwards still counts the after-trial duty
    // from the verdict.
    act(
        o.court,
        c.version,
        json!({"action": "set_trial_date", "trial_date": "2026-04-21"}),
    )
    .await
    .unwrap();
    assert_eq!(duties(s).await[1].due_at, end_of(2026, 4, 29));
    // Before the trial is refused, and changes nothing.
    let early = act(
        o.officer,
        c.version + 1,
        json!({"action": "set_verdict_date", "verdict_date": "2026-04-20"}),
    )
    .await
    .unwrap_err();
    assert!(matches!(
        early,
        StoreError::Refused(Refusal::VerdictBeforeTrial)
    ));
    assert_eq!(duties(s).await[1].due_at, end_of(2026, 4, 29));
}

fn ask(
    unit: &str,
    topic: &str,
    due_at: chrono::DateTime<Utc>,
    case: Option<&str>,
) -> DutyRequestInput {
    DutyRequestInput {
        unit: unit.to_owned(),
        topic: topic.to_owned(),
        due_at,
        case: case.map(str::to_owned),
    }
}

async fn the_board_asks_for_information_and_others_are_refused(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let calendar = Calendar::vietnam_default();
    let now = monday();
    let case = s
        .file_case(o.reporter, report("Sạt lở bờ sông"), now, p)
        .await
        .unwrap();
    let due = end_of(2026, 3, 10);
    let topic = "Tình hình khắc phục sạt lở bờ sông";
    let first = match s
        .request_duty(
            o.officer,
            ask("UBND-BADINH", topic, due, Some(&case.code)),
            &calendar,
            now,
            None,
        )
        .await
        .unwrap()
    {
        DutyAnswer::Done(duty) => duty,
        other => panic!("{other:?}"),
    };
    assert_eq!(first.kind, DutyKind::AdHoc);
    assert_eq!(first.unit, "UBND-BADINH");
    assert_eq!(first.recipient, "BTG-HN");
    assert_eq!(first.period, "2026-03-10");
    assert_eq!(first.due_at, due);
    assert_eq!(first.case.as_deref(), Some(case.code.as_str()));
    assert_eq!(first.period_label(Lang::Vi), topic);
    // A second request about the same case is a second duty.
    s.request_duty(
        o.officer,
        ask(
            "UBND-BADINH",
            "Kết quả di dời các hộ dân",
            due,
            Some(&case.code),
        ),
        &calendar,
        now,
        None,
    )
    .await
    .unwrap();
    assert_eq!(duties(s).await.len(), 2);

    // Refusals write nothing.
    let refusal = |r: Result<DutyAnswer, StoreError>| match r {
        Err(StoreError::Refused(refusal)) => refusal,
        other => panic!("{other:?}"),
    };
    let liaison = s
        .request_duty(
            o.liaison,
            ask("UBND-BADINH", topic, due, None),
            &calendar,
            now,
            None,
        )
        .await;
    assert_eq!(refusal(liaison), Refusal::DutyRequestNotAllowed);
    let unknown = s
        .request_duty(
            o.officer,
            ask("UBND-NOWHERE", topic, due, None),
            &calendar,
            now,
            None,
        )
        .await;
    assert_eq!(refusal(unknown).field(), Some("unit"));
    let front = s
        .request_duty(
            o.officer,
            ask("MTTQ-BADINH", topic, due, None),
            &calendar,
            now,
            None,
        )
        .await;
    assert!(matches!(refusal(front), Refusal::NotADutyProvider { .. }));
    let blank = s
        .request_duty(
            o.officer,
            ask("UBND-BADINH", "  ", due, None),
            &calendar,
            now,
            None,
        )
        .await;
    assert_eq!(refusal(blank), Refusal::MissingInput { field: "topic" });
    let past = s
        .request_duty(
            o.officer,
            ask("UBND-BADINH", topic, now - chrono::Duration::hours(1), None),
            &calendar,
            now,
            None,
        )
        .await;
    assert_eq!(refusal(past), Refusal::DeadlineInPast { field: "due_at" });
    let no_case = s
        .request_duty(
            o.officer,
            ask("UBND-BADINH", topic, due, Some("HN-2026-999999")),
            &calendar,
            now,
            None,
        )
        .await;
    assert_eq!(refusal(no_case).field(), Some("case"));
    assert_eq!(duties(s).await.len(), 2, "nothing written by a refusal");
    // Each request told the body at once: one e-mail per request to its
    // liaison; the refusals told nobody.
    let notices = store::entities::outbox::Entity::find()
        .filter(store::entities::outbox::Column::Kind.eq("duty_requested"))
        .count(s.connection())
        .await
        .unwrap();
    assert_eq!(notices, 2);
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

async fn upload(blobs: &Blobs, name: &str, bytes: &[u8]) -> Upload {
    let mut writer = blobs.begin().await.expect("begin");
    writer.write(bytes).await.expect("write");
    Upload {
        file_name: name.to_owned(),
        blob: writer.finish().await.expect("finish"),
    }
}

fn files(uploads: Vec<Upload>, blobs: &Blobs) -> Files<'_> {
    Files {
        uploads,
        blobs: Some(blobs),
    }
}

async fn a_submission_carries_its_documents_and_a_bad_file_leaves_nothing(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let calendar = Calendar::vietnam_default();
    let now = monday();
    let dir = tempfile::tempdir().expect("temporary directory");
    let blobs = Blobs::new(dir.path());
    let DutyAnswer::Done(duty) = s
        .request_duty(
            o.officer,
            ask("UBND-BADINH", "Báo cáo nhanh", end_of(2026, 3, 10), None),
            &calendar,
            now,
            None,
        )
        .await
        .unwrap()
    else {
        unreachable!()
    };
    let submit = || DutyMove::Submit {
        text: "Văn bản số 2210/UBND-VP kèm theo".into(),
    };
    // A file that is no document refuses the submission: nothing stored.
    let bad = vec![upload(&blobs, "virus.exe", b"MZ\x90\x00not a document").await];
    let refused = s
        .move_duty_with_files(o.liaison, duty.id, submit(), files(bad, &blobs), now, None)
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        StoreError::Refused(Refusal::UnsupportedFileType { .. })
    ));
    assert_eq!(duties(s).await[0].status, "pending");
    assert_eq!(
        duty_file::Entity::find()
            .count(s.connection())
            .await
            .unwrap(),
        0
    );

    let good = vec![upload(&blobs, "Văn bản 2210.pdf", &pdf()).await];
    let DutyAnswer::Done(submitted) = s
        .move_duty_with_files(o.liaison, duty.id, submit(), files(good, &blobs), now, None)
        .await
        .unwrap()
    else {
        unreachable!()
    };
    assert_eq!(submitted.files.len(), 1);
    let file = &submitted.files[0];
    assert_eq!(file.file_name, "Văn bản 2210.pdf");
    assert_eq!(file.content_type, "application/pdf");
    // The board reads it; a unit with no part in the duty does not.
    let read = s.duty_file(o.officer, duty.id, file.id, now).await.unwrap();
    assert_eq!(read.sha256, file.sha256);
    assert!(blobs.path_of(&file.sha256).exists());
    assert!(matches!(
        s.duty_file(o.court, duty.id, file.id, now).await,
        Err(StoreError::NotFound { .. })
    ));
    // The orphan sweep keeps a duty's document, however old.
    let later = SystemTime::now() + Duration::from_secs(3 * 3600);
    s.sweep_orphan_files(&blobs, later).await.unwrap();
    assert!(
        blobs.path_of(&file.sha256).exists(),
        "a duty's document stays"
    );
}
