//! Files sent with an action (`Store::act_with_files`): the written answer
//! with its document in one transaction, the document tied to the answer's
//! event and named in its `documents`; a refused action (a stale version,
//! an action that takes no files) leaves no row and no file on disk.

use std::path::Path;

use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;
use store::Files;
use store::StoreError;
use store::attachments::{Blobs, Upload};
use store::entities::{attachment, case_event};
use store::idempotency::CaseAnswer;

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

async fn upload(blobs: &Blobs) -> Upload {
    let mut writer = blobs.begin().await.expect("begin");
    writer.write(&pdf()).await.expect("write");
    Upload {
        file_name: "Công văn số 12.pdf".to_owned(),
        blob: writer.finish().await.expect("finish"),
    }
}

/// Every file under `dir`, temporary ones included.
fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() { files_under(&path) } else { 1 }
        })
        .sum()
}

async fn an_answer_carries_its_document_and_a_refusal_keeps_none(db: TestDb) {
    let s = db.store();
    let p = policy();
    let o = org::build(s).await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let blobs = Blobs::new(dir.path());
    let now = monday();
    let case = s
        .file_case(o.reporter, report("Sạt lở"), now, &p)
        .await
        .unwrap();
    let accept = action(json!({"action": "accept", "sensitivity": "normal",
        "priority": "high", "lead_unit": "UBND-BADINH"}));
    let case = s
        .act(o.officer, &case.code, case.version, accept, now, &p)
        .await
        .unwrap();
    let events_before = case_event::Entity::find()
        .count(s.connection())
        .await
        .unwrap();

    // A comment takes no files; a stale answer is refused: nothing kept.
    let files = Files {
        uploads: vec![upload(&blobs).await],
        blobs: Some(&blobs),
    };
    let comment = action(json!({"action": "comment", "text": "Kèm ảnh."}));
    let refused = s
        .act_with_files(
            o.liaison,
            &case.code,
            case.version,
            comment,
            files,
            now,
            &p,
            None,
        )
        .await
        .unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused:?}");
    let files = Files {
        uploads: vec![upload(&blobs).await],
        blobs: Some(&blobs),
    };
    let respond = action(json!({"action": "respond", "answer": "Đã kiểm tra."}));
    let stale = s
        .act_with_files(
            o.liaison,
            &case.code,
            case.version - 1,
            respond.clone(),
            files,
            now,
            &p,
            None,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(stale, StoreError::VersionConflict { .. }),
        "{stale:?}"
    );
    assert_eq!(
        attachment::Entity::find()
            .count(s.connection())
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        case_event::Entity::find()
            .count(s.connection())
            .await
            .unwrap(),
        events_before
    );
    assert_eq!(files_under(dir.path()), 0, "no file left on disk");

    // The answer with its document: one transaction.
    let files = Files {
        uploads: vec![upload(&blobs).await],
        blobs: Some(&blobs),
    };
    let answer = s
        .act_with_files(
            o.liaison,
            &case.code,
            case.version,
            respond,
            files,
            now,
            &p,
            None,
        )
        .await
        .unwrap();
    let CaseAnswer::Done { case: after, .. } = answer else {
        panic!("not a replay")
    };
    assert_eq!(after.state, workflow::CaseState::Responded);
    let docs = s.attachments_of(o.officer, &case.code, now).await.unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].file_name, "Công văn số 12.pdf");
    let events = s.case_events(o.officer, &case.code, now).await.unwrap();
    let respond = events.iter().find(|e| e.action == "respond").unwrap();
    assert_eq!(docs[0].event, Some(respond.id));
    assert_eq!(respond.payload["documents"], json!([docs[0].id]));
    assert!(blobs.path_of(&docs[0].sha256).exists());
    assert_eq!(files_under(dir.path()), 1);
}
on_both_backends!(migrated: an_answer_carries_its_document_and_a_refusal_keeps_none);
