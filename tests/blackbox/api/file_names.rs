//! Stored file names follow the content (issue 13, finding 8): whatever
//! extension the client sent, the name kept, listed and offered for
//! download ends with the extension of the type sniffed from the bytes.

use super::attachments::{pdf, png};
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(the_extension_follows_the_content_not_the_name_sent);

async fn the_extension_follows_the_content_not_the_name_sent(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let case = reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    let path = format!("/cases/{}/attachments", case["id"]);

    for (sent, content, kept, ascii) in [
        ("a.html", pdf(100), "a.pdf", "a.pdf"),
        ("x.png.exe", png(100), "x.png", "x.png"),
        ("Biên bản.PDF", pdf(100), "Biên bản.PDF", "Bi_n b_n.PDF"),
        (
            "ảnh hiện trường",
            png(100),
            "ảnh hiện trường.png",
            "_nh hi_n tr__ng.png",
        ),
        ("don.pdf.svg", png(100), "don.pdf.png", "don.pdf.png"),
    ] {
        let up = reporter.upload(&path, sent, &content).await.expect(201);
        assert_eq!(up["file_name"], kept, "{sent:?}");
        let (status, headers, _) = reporter
            .get_bytes(&format!("/attachments/{}", up["id"]))
            .await;
        assert_eq!(status, 200);
        let disposition = headers["content-disposition"].to_str().unwrap();
        assert!(
            disposition.starts_with(&format!("attachment; filename=\"{ascii}\"; ")),
            "{sent:?}: {disposition}"
        );
    }
    let listed = reporter.get(&path).await.expect(200);
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file_name"].as_str().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".pdf") || n.ends_with(".PDF") || n.ends_with(".png")),
        "{names:?}"
    );
}
