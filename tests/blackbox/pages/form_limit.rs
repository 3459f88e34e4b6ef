//! A page form that carries files (the filing form, an action with
//! documents, the documents form of a case) is refused with 413 and a
//! Vietnamese page once the whole request passes what its files may
//! weigh together (the per-file limit × the files a request may carry,
//! plus the form): refused on its `Content-Length` before any of it is
//! read, or as soon as a body without one passes the limit — never read
//! to its end — and nothing is stored (issue 13, finding 10).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::api::attachments::files_on_disk;
use crate::support::pages::Visitor;
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_form_announcing_more_than_its_files_may_weigh_is_refused_unread,
    a_form_streaming_past_the_limit_is_refused_before_its_end,
);

/// The per-file limit the tests configure: the whole request may then be
/// (4 KiB + 64 KiB of multipart framing) × 10 files + 1 MiB of text.
const MAX_FILE: usize = 4096;
/// The whole request's limit with [`MAX_FILE`].
const LIMIT: usize = (MAX_FILE + 64 * 1024) * 10 + (1 << 20);
/// The post of the issue: 179 MB.
const HUGE: usize = 179 << 20;
const BOUNDARY: &str = "noicom-form-limit-5e2d";

fn small_files(db: &TestDb) {
    std::fs::create_dir_all(db.dir().join("config")).unwrap();
    std::fs::write(
        db.dir().join("config/local.toml"),
        format!("[attachments]\nmax_bytes = {MAX_FILE}\n"),
    )
    .unwrap();
}

/// The session cookie and the CSRF token of the reporter, signed in
/// through the sign-in form.
async fn signed_in_reporter(server: &Server) -> (String, String) {
    let mut visitor = Visitor::new(server, None);
    let signed = visitor.sign_in("ctv.bd@example.vn", PASSWORD, "").await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let form = visitor.get("/reports/new").await;
    let csrf = form.input("csrf").expect("a CSRF token");
    let cookie = visitor.cookies["noicom_session"].clone();
    (cookie, csrf)
}

/// The request head of a multipart post to `path`; `length` is the
/// announced `Content-Length`, or chunked without one.
fn head(address: &str, path: &str, cookie: &str, length: Option<usize>) -> String {
    let framing = match length {
        Some(n) => format!("Content-Length: {n}"),
        None => "Transfer-Encoding: chunked".to_owned(),
    };
    format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nCookie: noicom_session={cookie}\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n{framing}\r\n\
         Connection: close\r\n\r\n"
    )
}

/// The filing form's text fields and the head of a photo part.
fn form_start(csrf: &str) -> Vec<u8> {
    let mut body = String::new();
    for (name, value) in [
        ("csrf", csrf),
        ("key", "page-form-limit-test"),
        ("title", "Ảnh quá nặng"),
        ("description", "Một bài gửi rất lớn."),
        ("area", "HN-BD"),
        ("category", "land"),
        ("source", "direct"),
    ] {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"anh.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\n"
    ));
    body.into_bytes()
}

/// Reads an answer until its page has ended, the server hung up, or
/// nothing came for `wait`; the status (0 if none) and the text.
fn read_answer(stream: &mut TcpStream, wait: Duration) -> (u16, String) {
    stream.set_read_timeout(Some(wait)).expect("a timeout");
    let mut answer = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
        if String::from_utf8_lossy(&answer).contains("</html>") {
            break;
        }
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// Whether the page says in Vietnamese that the form was too large.
fn says_too_large(page: &str) -> bool {
    page.contains("quá lớn") && page.contains("<html lang=\"vi\">")
}

async fn a_form_announcing_more_than_its_files_may_weigh_is_refused_unread(db: TestDb) {
    let town = town(&db);
    small_files(&db);
    let server = Server::start(&db, &[]).await;
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Đường ngập sau mưa")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    let (cookie, _) = signed_in_reporter(&server).await;
    let address = server.url.trim_start_matches("http://").to_owned();

    for path in [
        "/reports/new".to_owned(),
        format!("/cases/{code}/act"),
        format!("/cases/{code}/attachments"),
    ] {
        let mut stream = TcpStream::connect(&address).expect("connect");
        stream
            .write_all(head(&address, &path, &cookie, Some(HUGE)).as_bytes())
            .expect("write");
        // Nothing of the body is sent: the answer must not wait for it.
        let (status, page) = read_answer(&mut stream, Duration::from_secs(5));
        assert_eq!(status, 413, "{path}: {page}");
        assert!(says_too_large(&page), "{path}: {page}");
    }
    // Just over the limit is refused as well.
    let mut stream = TcpStream::connect(&address).expect("connect");
    stream
        .write_all(head(&address, "/reports/new", &cookie, Some(LIMIT + 1)).as_bytes())
        .expect("write");
    let (status, page) = read_answer(&mut stream, Duration::from_secs(5));
    assert_eq!(status, 413, "{page}");

    let officer = Client::bearer(&server, &town.officer);
    assert_eq!(officer.case_codes("").await, vec![code]);
    assert!(files_on_disk(&db).is_empty(), "{:?}", files_on_disk(&db));
}

async fn a_form_streaming_past_the_limit_is_refused_before_its_end(db: TestDb) {
    let town = town(&db);
    small_files(&db);
    let server = Server::start(&db, &[]).await;
    let (cookie, csrf) = signed_in_reporter(&server).await;
    let address = server.url.trim_start_matches("http://").to_owned();

    // A body without Content-Length, 64 MiB long, sent in chunks while
    // the answer is watched for.
    let total = 64 << 20;
    let mut stream = TcpStream::connect(&address).expect("connect");
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .expect("a timeout");
    let mut reader = stream.try_clone().expect("a second handle");
    let answered = Arc::new(AtomicBool::new(false));
    let seen = Arc::clone(&answered);
    let watcher = std::thread::spawn(move || {
        let mut first = [0u8; 1];
        reader
            .set_read_timeout(Some(Duration::from_secs(120)))
            .expect("a timeout");
        let got = reader.read(&mut first).unwrap_or(0);
        seen.store(true, Ordering::SeqCst);
        let (_, rest) = read_answer(&mut reader, Duration::from_secs(5));
        let text = format!("{}{rest}", String::from_utf8_lossy(&first[..got]));
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0u16);
        (status, text)
    });
    let chunk = |data: &[u8]| {
        let mut framed = format!("{:x}\r\n", data.len()).into_bytes();
        framed.extend_from_slice(data);
        framed.extend_from_slice(b"\r\n");
        framed
    };
    let mut sent = 0;
    let mut write = |bytes: &[u8]| stream.write_all(bytes).is_ok();
    let mut open = write(head(&address, "/reports/new", &cookie, None).as_bytes())
        && write(&chunk(&form_start(&csrf)));
    let block = vec![0xAB_u8; 64 * 1024];
    while open && sent < total && !answered.load(Ordering::SeqCst) {
        open = write(&chunk(&block));
        if open {
            sent += block.len();
        }
    }
    if open && !answered.load(Ordering::SeqCst) {
        let end = format!("\r\n--{BOUNDARY}--\r\n");
        let _ = write(&chunk(end.as_bytes())) && write(b"0\r\n\r\n");
    }
    let (status, page) = watcher.join().expect("the watcher");
    assert_eq!(status, 413, "{page}");
    assert!(says_too_large(&page), "{page}");
    assert!(
        sent < total,
        "the server read the whole {total}-byte body before answering"
    );

    let officer = Client::bearer(&server, &town.officer);
    assert!(officer.case_codes("").await.is_empty());
    assert!(files_on_disk(&db).is_empty(), "{:?}", files_on_disk(&db));
}
