//! Thumbnails of photos (issue 15): made from the stored photo for exactly
//! who may download it (SPEC §10) — a user who may not read the photo may
//! not read its thumbnail either — and none for a file that is no photo or
//! cannot be read as one, while the server goes on.

use serde_json::json;

use crate::support::files::{jpeg, pdf, png};
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_thumbnail_is_read_by_exactly_who_reads_the_photo,
    a_file_that_is_no_readable_photo_has_no_thumbnail,
);

fn path(file: &serde_json::Value, tail: &str) -> String {
    format!("/attachments/{}{tail}", file["id"])
}

async fn a_thumbnail_is_read_by_exactly_who_reads_the_photo(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let other_reporter = Client::bearer(&server, &town.other_reporter);
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let procuracy = Client::bearer(&server, &town.procuracy);
    let case = reporter.files_case("HN-BD", "Sạt lở bờ kè").await;
    let attachments = format!("/cases/{}/attachments", case["id"]);
    let theirs = reporter
        .upload(&attachments, "bo-ke.jpg", &jpeg(1200, 900))
        .await
        .expect(201);
    officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    // The agency's own photo is internal: the reporter does not read it.
    let internal = liaison
        .upload(&attachments, "hien-truong-kiem-tra.jpg", &jpeg(800, 1000))
        .await
        .expect(201);

    // Who reads the photo reads a small JPEG of it, never cached by others.
    for (who, client, file) in [
        ("reporter", &reporter, &theirs),
        ("board", &officer, &theirs),
        ("board", &officer, &internal),
        ("agency", &liaison, &internal),
    ] {
        let (status, _, _) = client.get_bytes(&path(file, "")).await;
        assert_eq!(status, 200, "{who} downloads");
        let (status, headers, bytes) = client.get_bytes(&path(file, "/thumbnail")).await;
        assert_eq!(status, 200, "{who} reads the thumbnail");
        assert_eq!(headers["content-type"], "image/jpeg");
        assert_eq!(headers["cache-control"], "private, no-store");
        let thumb = image::load_from_memory(&bytes).expect("a picture");
        assert!(thumb.width().max(thumb.height()) <= 320, "{who}");
        assert!(bytes.len() < 60_000, "{who}: {} bytes", bytes.len());
    }
    assert_eq!(
        image::load_from_memory(&officer.get_bytes(&path(&internal, "/thumbnail")).await.2)
            .unwrap()
            .height(),
        320,
        "the longer side, upright"
    );

    // Who may not read the photo may not read its thumbnail: the same 404
    // as the download, and as an attachment that never existed.
    for (who, client, file) in [
        ("reporter", &reporter, &internal),
        ("another commune's reporter", &other_reporter, &theirs),
        ("another commune's reporter", &other_reporter, &internal),
        ("the procuracy, no part in it", &procuracy, &internal),
    ] {
        let download = client.get(&path(file, "")).await.error(404, "not_found");
        let thumb = client
            .get(&path(file, "/thumbnail"))
            .await
            .error(404, "not_found");
        assert_eq!(
            thumb["error"]["message"]
                .as_str()
                .unwrap()
                .replace(&file["id"].to_string(), "N"),
            download["error"]["message"]
                .as_str()
                .unwrap()
                .replace(&file["id"].to_string(), "N"),
            "{who}"
        );
    }
    Client::anonymous(&server)
        .get(&path(&theirs, "/thumbnail"))
        .await
        .error(401, "unauthenticated");
}

async fn a_file_that_is_no_readable_photo_has_no_thumbnail(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let case = reporter.files_case("HN-BD", "Rác thải tồn đọng").await;
    let attachments = format!("/cases/{}/attachments", case["id"]);
    // A PNG header over noise, a PNG that says it is 60,000 pixels square,
    // and a PDF: each still downloads; none has a thumbnail.
    let mut huge = png(0);
    huge[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    huge.extend(png(50_000).split_off(33));
    for (name, bytes) in [
        ("nhieu.png", png(20_000)),
        ("khong-lo.png", huge),
        ("don.pdf", pdf(2_000)),
    ] {
        let file = reporter
            .upload(&attachments, name, &bytes)
            .await
            .expect(201);
        let (status, _, body) = reporter.get_bytes(&path(&file, "")).await;
        assert_eq!((status, body.len()), (200, bytes.len()), "{name}");
        reporter
            .get(&path(&file, "/thumbnail"))
            .await
            .error(404, "not_found");
    }
    // The server goes on: a real photo still gets one.
    let photo = reporter
        .upload(&attachments, "anh.jpg", &jpeg(64, 48))
        .await
        .expect(201);
    let (status, _, _) = reporter.get_bytes(&path(&photo, "/thumbnail")).await;
    assert_eq!(status, 200);
}
