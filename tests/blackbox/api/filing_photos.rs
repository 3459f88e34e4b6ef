//! A report with its photos in one request (`POST /cases` as
//! `multipart/form-data`): the case and its files in one transaction, the
//! `Idempotency-Key` over the report and the files together, and a refused
//! file (kind, size, count) that leaves nothing — no case, no row, no file
//! on disk. Also the authors of the timeline with their units.

use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};

use super::attachments::{files_on_disk, pdf, png, rows, sha256};
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_report_with_two_photos_is_filed_once_per_key,
    a_refused_file_files_nothing,
);

/// A JPEG signature followed by `len` bytes of noise.
fn jpeg(len: usize) -> Vec<u8> {
    let mut bytes = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec();
    bytes.extend((0..len).map(|i| (i * 104_729 % 253) as u8));
    bytes
}

fn report(title: &str) -> Vec<u8> {
    json!({
        "title": title,
        "description": "Bờ kè sạt lở, nước tràn vào khu dân cư.",
        "area": "HN-BD",
        "category": "environment",
        "source": "collaborator",
    })
    .to_string()
    .into_bytes()
}

async fn cases_in_db(db: &TestDb) -> i64 {
    let conn = Database::connect(db.url.as_str()).await.expect("connect");
    let statement = Statement::from_string(
        conn.get_database_backend(),
        "SELECT COUNT(*) FROM cases".to_owned(),
    );
    let row = conn.query_one_raw(statement).await.unwrap().unwrap();
    let n = row.try_get_by_index::<i64>(0).unwrap();
    let _ = conn.close().await;
    n
}

async fn a_report_with_two_photos_is_filed_once_per_key(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let (first, second) = (jpeg(200_000), png(50_000));
    let body = report("Sạt lở bờ kè sông Tô Lịch");
    let parts: [(&str, Option<&str>, &[u8]); 3] = [
        ("case", None, &body),
        ("file", Some("bờ kè 1.jpg"), &first),
        ("file", Some("bờ kè 2.png"), &second),
    ];
    let reply = reporter
        .post_multipart("/cases", Some("anh-bo-ke-1"), "boundary-one", &parts)
        .await;
    assert!(reply.headers.get("idempotent-replayed").is_none());
    let case = reply.expect(201);
    assert_eq!(case["reporter_state"], "received");
    assert_eq!(case["title"], "Sạt lở bờ kè sông Tô Lịch");

    // Both photos are the case's, tied to its `file` event, on disk once.
    let list = officer
        .get(&format!("/cases/{}/attachments", case["id"]))
        .await
        .expect(200);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["file_name"], "bờ kè 1.jpg");
    assert_eq!(list[0]["content_type"], "image/jpeg");
    assert_eq!(list[0]["sha256"], sha256(&first));
    assert_eq!(list[1]["content_type"], "image/png");
    let events = officer
        .get(&format!("/cases/{}/events", case["id"]))
        .await
        .expect(200);
    let events = events.as_array().unwrap();
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["file", "attachment_added", "attachment_added"]);
    assert_eq!(list[0]["event"], events[0]["id"]);
    assert_eq!(list[1]["event"], events[0]["id"]);
    // The authors with their units (issue 5).
    assert_eq!(events[0]["actor_name"], "ctv.bd@example.vn");
    assert_eq!(events[0]["unit_code"], "MTTQ-BD");
    assert_eq!(events[0]["unit_name"], "Ủy ban MTTQ phường Ba Đình");
    let (_, _, bytes) = officer
        .get_bytes(&format!("/attachments/{}", list[0]["id"]))
        .await;
    assert_eq!(bytes, first);
    assert_eq!(files_on_disk(&db).len(), 2);
    assert_eq!(rows(&db).await, (2, 2));

    // The same request again, framed by another boundary: the same case,
    // nothing stored twice.
    let again = reporter
        .post_multipart("/cases", Some("anh-bo-ke-1"), "boundary-two", &parts)
        .await;
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.expect(201)["id"], case["id"]);
    assert_eq!(cases_in_db(&db).await, 1);
    assert_eq!(rows(&db).await, (2, 2));
    assert_eq!(files_on_disk(&db).len(), 2, "no temporary file left");

    // The same key with another photo, or another report: refused.
    let other = png(50_001);
    let swapped: [(&str, Option<&str>, &[u8]); 3] = [
        ("case", None, &body),
        ("file", Some("bờ kè 1.jpg"), &first),
        ("file", Some("bờ kè 2.png"), &other),
    ];
    reporter
        .post_multipart("/cases", Some("anh-bo-ke-1"), "b3", &swapped)
        .await
        .error(422, "idempotency_key_reused");
    let retitled = report("Sạt lở bờ kè sông Nhuệ");
    reporter
        .post_multipart(
            "/cases",
            Some("anh-bo-ke-1"),
            "b4",
            &[
                ("case", None, &retitled),
                ("file", Some("bờ kè 1.jpg"), &first),
            ],
        )
        .await
        .error(422, "idempotency_key_reused");
    assert_eq!(cases_in_db(&db).await, 1);
    assert_eq!(rows(&db).await, (2, 2));
    assert_eq!(files_on_disk(&db).len(), 2);

    // Without files, multipart files a plain report; JSON still works.
    let bare = reporter
        .post_multipart(
            "/cases",
            None,
            "b5",
            &[("case", None, &report("Rác thải ùn ứ"))],
        )
        .await
        .expect(201);
    assert_eq!(bare["reporter_state"], "received");
    let json_case: Value = reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    assert_eq!(json_case["reporter_state"], "received");
    assert_eq!(cases_in_db(&db).await, 3);
    assert_eq!(rows(&db).await, (2, 2));
}

async fn a_refused_file_files_nothing(db: TestDb) {
    let town = town(&db);
    std::fs::create_dir_all(db.dir().join("config")).unwrap();
    std::fs::write(
        db.dir().join("config/local.toml"),
        "[attachments]\nmax_bytes = 65536\n",
    )
    .unwrap();
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let body = report("Khói bụi từ bãi rác");
    let photo = png(10_000);
    let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();

    // A page among the photos: the whole report is refused.
    let refused = reporter
        .post_multipart(
            "/cases",
            Some("k1"),
            "b1",
            &[
                ("case", None, &body),
                ("file", Some("anh.png"), &photo),
                ("file", Some("anh2.png"), &html),
            ],
        )
        .await
        .error(422, "unsupported_file_type");
    assert_eq!(refused["error"]["field"], "file");

    // One photo over the limit: 413, even after a good one.
    let big = jpeg(70_000);
    reporter
        .post_multipart(
            "/cases",
            Some("k2"),
            "b2",
            &[
                ("case", None, &body),
                ("file", Some("anh.png"), &photo),
                ("file", Some("lon.jpg"), &big),
            ],
        )
        .await
        .error(413, "payload_too_large");

    // Eleven files: more than one request may carry.
    let small = pdf(2_000);
    let mut eleven: Vec<(&str, Option<&str>, &[u8])> = vec![("case", None, &body)];
    eleven.extend((0..11).map(|_| ("file", Some("vb.pdf"), small.as_slice())));
    let many = reporter
        .post_multipart("/cases", None, "b3", &eleven)
        .await
        .error(422, "invalid_input");
    assert_eq!(many["error"]["field"], "file");

    // No report part, or a part of another name.
    let missing = reporter
        .post_multipart("/cases", None, "b4", &[("file", Some("anh.png"), &photo)])
        .await
        .error(422, "invalid_input");
    assert_eq!(missing["error"]["field"], "case");
    let unknown = reporter
        .post_multipart(
            "/cases",
            None,
            "b5",
            &[("case", None, &body), ("photo", Some("anh.png"), &photo)],
        )
        .await
        .error(422, "invalid_input");
    assert_eq!(unknown["error"]["field"], "photo");
    // A report the rules refuse (another commune's area) keeps no photo.
    let elsewhere = json!({
        "title": "Ở phường khác", "description": "x", "area": "HN-HK",
        "category": "land", "source": "collaborator",
    })
    .to_string()
    .into_bytes();
    reporter
        .post_multipart(
            "/cases",
            None,
            "b6",
            &[
                ("case", None, &elsewhere),
                ("file", Some("anh.png"), &photo),
            ],
        )
        .await
        .error(403, "outside_jurisdiction");

    assert_eq!(cases_in_db(&db).await, 0);
    assert_eq!(rows(&db).await, (0, 0));
    assert_eq!(files_on_disk(&db), Vec::<std::path::PathBuf>::new());

    // The refused key was not spent: the good request files with it.
    let filed = reporter
        .post_multipart(
            "/cases",
            Some("k1"),
            "b7",
            &[("case", None, &body), ("file", Some("anh.png"), &photo)],
        )
        .await
        .expect(201);
    assert_eq!(filed["reporter_state"], "received");
    assert_eq!(rows(&db).await, (1, 1));
}
