//! Attachments over HTTP (SPEC §6.2, §9): a file up and down unchanged,
//! the size limit, content that is not a photo, PDF or office document
//! refused with nothing stored, the file name made safe, and files of a
//! case one may not open that do not exist.

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_file_goes_up_and_comes_down_unchanged,
    a_file_over_the_limit_is_413_and_nothing_is_kept,
    html_and_programs_are_refused_and_nothing_is_kept,
    the_file_name_is_made_safe,
    files_of_a_case_one_may_not_open_do_not_exist,
);

pub(super) use crate::support::files::{pdf, png};

pub(super) fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The stored files under `<data>/attachments/ab/cd/`, and any temporary
/// file left behind.
pub(crate) fn files_on_disk(db: &TestDb) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&db.dir().join("data/attachments"), &mut out);
    out.sort();
    out
}

/// Rows of `attachments` and `attachment_added` events, read from the
/// database itself.
pub(super) async fn rows(db: &TestDb) -> (i64, i64) {
    let conn = Database::connect(db.url.as_str()).await.expect("connect");
    let count = |sql: &str| {
        let statement = Statement::from_string(conn.get_database_backend(), sql.to_owned());
        let conn = &conn;
        async move {
            let row = conn.query_one_raw(statement).await.unwrap().unwrap();
            row.try_get_by_index::<i64>(0).unwrap()
        }
    };
    let attachments = count("SELECT COUNT(*) FROM attachments").await;
    let events = count("SELECT COUNT(*) FROM case_events WHERE action = 'attachment_added'").await;
    let _ = conn.close().await;
    (attachments, events)
}

fn attachments_of(case: &Value) -> String {
    format!("/cases/{}/attachments", case["id"])
}

async fn a_file_goes_up_and_comes_down_unchanged(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let case = reporter.files_case("HN-BD", "Sạt lở bờ sông").await;

    let photo = png(300_000);
    let up = reporter
        .upload(&attachments_of(&case), "Ảnh hiện trường.png", &photo)
        .await
        .expect(201);
    assert_eq!(up["content_type"], "image/png");
    assert_eq!(up["size"], photo.len());
    assert_eq!(up["sha256"], sha256(&photo));
    assert_eq!(up["file_name"], "Ảnh hiện trường.png");
    assert_eq!(up["case"], case["id"]);
    assert!(
        up["uploaded_at"].as_str().unwrap().ends_with("+07:00"),
        "{up}"
    );

    // The board downloads the same bytes, as a download, never inline.
    let (status, headers, bytes) = officer
        .get_bytes(
            up["download"]
                .as_str()
                .unwrap()
                .trim_start_matches("/api/v1"),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(sha256(&bytes), sha256(&photo));
    assert_eq!(bytes, photo);
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition
            .contains("filename*=UTF-8''%E1%BA%A2nh%20hi%E1%BB%87n%20tr%C6%B0%E1%BB%9Dng.png"),
        "{disposition}"
    );

    // In the list and in the timeline.
    let list = officer.get(&attachments_of(&case)).await.expect(200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], up["id"]);
    let events = officer
        .get(&format!("/cases/{}/events", case["id"]))
        .await
        .expect(200);
    let added = events.as_array().unwrap().last().unwrap();
    assert_eq!(added["action"], "attachment_added");
    assert_eq!(added["payload"]["attachment"], up["id"]);
    assert_eq!(added["payload"]["sha256"], up["sha256"]);

    // The same content again: a second row, one file on disk.
    let again = officer
        .upload(&attachments_of(&case), "ban-sao.png", &photo)
        .await
        .expect(201);
    assert_ne!(again["id"], up["id"]);
    let stored = files_on_disk(&db);
    let hash = sha256(&photo);
    assert_eq!(
        stored,
        [db.dir()
            .join("data/attachments")
            .join(&hash[..2])
            .join(&hash[2..4])
            .join(&hash)],
        "one content-addressed file and no temporary file"
    );
    assert_eq!(rows(&db).await, (2, 2));

    // The lead agency cites its own upload as a document of its answer.
    let case = officer
        .acts(
            &officer
                .get(&format!("/cases/{}", case["id"]))
                .await
                .expect(200),
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let answer = pdf(5_000);
    let doc = liaison
        .upload(&attachments_of(&case), "Công văn trả lời.pdf", &answer)
        .await
        .expect(201);
    assert_eq!(doc["content_type"], "application/pdf");
    let case = liaison
        .acts(
            &case,
            "respond",
            json!({"answer": "Đã kiểm tra hiện trường.", "documents": [doc["id"]]}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "responded");
    let list = officer.get(&attachments_of(&case)).await.expect(200);
    let cited = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == doc["id"])
        .unwrap();
    assert!(cited["event"].is_i64(), "{cited}");
    let (_, _, bytes) = officer
        .get_bytes(&format!("/attachments/{}", doc["id"]))
        .await;
    assert_eq!(bytes, answer);
    // The written answer's document is internal (SPEC §10): it does not
    // exist for the reporter, who still reads their own photo.
    let theirs = reporter.get(&attachments_of(&case)).await.expect(200);
    assert_eq!(theirs.as_array().unwrap().len(), 1, "{theirs}");
    assert_eq!(theirs[0]["id"], up["id"]);
    reporter
        .get(&format!("/attachments/{}", doc["id"]))
        .await
        .error(404, "not_found");
}

async fn a_file_over_the_limit_is_413_and_nothing_is_kept(db: TestDb) {
    let town = town(&db);
    std::fs::create_dir_all(db.dir().join("config")).unwrap();
    std::fs::write(
        db.dir().join("config/local.toml"),
        "[attachments]\nmax_bytes = 4096\n",
    )
    .unwrap();
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let case = reporter.files_case("HN-BD", "Ngập úng kéo dài").await;

    reporter
        .upload(&attachments_of(&case), "vua-du.pdf", &pdf(4096))
        .await
        .expect(201);
    let before = (files_on_disk(&db), rows(&db).await);
    let over = reporter
        .upload(&attachments_of(&case), "qua-lon.pdf", &pdf(4097))
        .await
        .error(413, "payload_too_large");
    assert_eq!(over["error"]["field"], "file");
    assert!(
        over["error"]["message"].as_str().unwrap().contains("4096"),
        "{over}"
    );
    // Far over: refused on its Content-Length, in the same JSON shape.
    reporter
        .clone()
        .english()
        .upload(&attachments_of(&case), "rat-lon.pdf", &pdf(400_000))
        .await
        .error(413, "payload_too_large");
    assert_eq!((files_on_disk(&db), rows(&db).await), before);
}

async fn html_and_programs_are_refused_and_nothing_is_kept(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let case = reporter.files_case("HN-BD", "Ô nhiễm tiếng ồn").await;

    let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();
    let mut exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0".to_vec();
    exe.resize(2048, 0);
    for (name, content) in [
        ("anh.png", html.clone()),
        ("bao-cao.pdf", exe.clone()),
        (
            "ghi-chu.txt",
            "Ghi chú bằng chữ thường.".as_bytes().to_vec(),
        ),
        ("rong.pdf", Vec::new()),
    ] {
        let refused = reporter
            .upload(&attachments_of(&case), name, &content)
            .await
            .error(422, "unsupported_file_type");
        assert_eq!(refused["error"]["field"], "file");
        assert!(
            refused["error"]["message"]
                .as_str()
                .unwrap()
                .contains("PDF"),
            "{refused}"
        );
    }
    let english = reporter
        .clone()
        .english()
        .upload(&attachments_of(&case), "x.html", &html)
        .await
        .error(422, "unsupported_file_type");
    assert!(
        english["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Only photos"),
        "{english}"
    );
    // Not a file part, or two of them: named, refused.
    let other = reporter
        .upload_parts(&attachments_of(&case), &[("note", None, b"x".as_slice())])
        .await
        .error(422, "invalid_input");
    assert_eq!(other["error"]["field"], "note");
    reporter
        .post(&attachments_of(&case), &json!({"file": "x"}))
        .await
        .error(400, "bad_request");

    assert_eq!(files_on_disk(&db), Vec::<PathBuf>::new());
    assert_eq!(rows(&db).await, (0, 0));
    let list = reporter.get(&attachments_of(&case)).await.expect(200);
    assert_eq!(list, json!([]));
}

async fn the_file_name_is_made_safe(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let case = reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;

    for (sent, kept) in [
        // The extension follows the content, a PDF (issue 13).
        ("../../../etc/passwd", "passwd.pdf"),
        (r"..\..\Windows\Biên bản.pdf", "Biên bản.pdf"),
        ("Biên\tbản\u{202E}fdp.exe", "Biênbảnfdp.pdf"),
        ("..", "tep-dinh-kem.pdf"),
        ("a<b>|c?.pdf", "a_b__c_.pdf"),
    ] {
        let up = reporter
            .upload(&attachments_of(&case), sent, &pdf(100))
            .await
            .expect(201);
        assert_eq!(up["file_name"], kept, "{sent:?}");
        let (status, headers, _) = reporter
            .get_bytes(&format!("/attachments/{}", up["id"]))
            .await;
        assert_eq!(status, 200);
        let disposition = headers["content-disposition"].to_str().unwrap();
        assert!(
            !disposition.contains('/') && !disposition.contains('\\'),
            "{disposition}"
        );
    }
    // Nothing was written outside the attachment directory.
    assert!(!db.dir().join("etc").exists());
    assert!(!db.dir().join("data/etc").exists());
}

async fn files_of_a_case_one_may_not_open_do_not_exist(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let other_reporter = Client::bearer(&server, &town.other_reporter);
    let procuracy = Client::bearer(&server, &town.procuracy);
    let admin = Client::bearer(&server, &town.admin);

    let normal = reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    let secret = reporter
        .files_case("HN-BD", "Khiếu nại đông người về đền bù")
        .await;
    let normal_file = reporter
        .upload(&attachments_of(&normal), "anh.png", &png(1000))
        .await
        .expect(201);
    let secret_file = reporter
        .upload(&attachments_of(&secret), "don.pdf", &pdf(1000))
        .await
        .expect(201);
    officer
        .acts(
            &secret,
            "accept",
            json!({"sensitivity": "sensitive", "priority": "urgent", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let before = rows(&db).await;

    let missing = officer
        .get("/attachments/999999")
        .await
        .error(404, "not_found");
    // Another commune's reporter sees neither case; the procuracy and the
    // admin (no part in it) do not see the sensitive one.
    let hidden = [
        (&other_reporter, &normal, &normal_file),
        (&other_reporter, &secret, &secret_file),
        (&procuracy, &secret, &secret_file),
        (&admin, &secret, &secret_file),
    ];
    for (client, case, file) in hidden {
        let download = client
            .get(&format!("/attachments/{}", file["id"]))
            .await
            .error(404, "not_found");
        // The same answer as for an attachment that never existed.
        assert_eq!(
            download["error"]["message"]
                .as_str()
                .unwrap()
                .replace(&file["id"].to_string(), "N"),
            missing["error"]["message"]
                .as_str()
                .unwrap()
                .replace("999999", "N"),
        );
        client
            .get(&attachments_of(case))
            .await
            .error(404, "not_found");
        client
            .upload(&attachments_of(case), "x.pdf", &pdf(100))
            .await
            .error(404, "not_found");
    }
    // Those with a part in the sensitive case get its file.
    for token in [&town.liaison, &town.leader, &town.officer, &town.reporter] {
        let (status, _, bytes) = Client::bearer(&server, token)
            .get_bytes(&format!("/attachments/{}", secret_file["id"]))
            .await;
        assert_eq!((status, bytes), (200, pdf(1000)));
    }
    // The procuracy may open the normal case (jurisdiction) but has no
    // part in it: it may read its files, not add to them.
    procuracy
        .get_bytes(&format!("/attachments/{}", normal_file["id"]))
        .await;
    procuracy
        .upload(&attachments_of(&normal), "x.pdf", &pdf(100))
        .await
        .error(403, "attachment_not_allowed");
    assert_eq!(rows(&db).await, before);
}
