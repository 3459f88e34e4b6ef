//! Need-to-know inside a case (SPEC §10): a case walked through the main
//! path of §3.3 — a question and a supplement, acceptance with a
//! coordinating unit, a written answer with its document, comments,
//! directed communication, an escalation and its conclusion, a meeting,
//! progress, the resolution report with its document, the published result
//! and the closing. Then every route its reporter can reach — the case,
//! the timeline, the attachments and their downloads, the list, the case
//! page, "my reports" and the e-mails a real SMTP server received — holds
//! no internal text and no internal file, while the board and the
//! coordinating liaison still read all of it.

use serde_json::json;

use crate::support::smtp::SmtpSink;
use crate::support::town::{PASSWORD, town};
use crate::support::worked_case::{INTERNAL, THEIRS, WorkedCase, worked_case};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    the_reporter_reads_only_their_audience_on_every_route,
    a_reporter_filters_lists_in_their_own_terms_only,
);

/// Signs in and answers the session cookie, for the pages.
async fn session(server: &Server, email: &str) -> String {
    let reply = Client::anonymous(server)
        .post(
            "/auth/login",
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
    let cookie = reply.headers["set-cookie"].to_str().unwrap().to_owned();
    let value = cookie
        .split(';')
        .next()
        .and_then(|kv| kv.strip_prefix("noicom_session="))
        .expect("a session cookie");
    reply.expect(200);
    value.to_owned()
}

/// A page's HTML as the holder of `cookie` reads it.
async fn page(server: &Server, cookie: &str, path: &str) -> String {
    let response = reqwest::Client::new()
        .get(server.at(path))
        .header("cookie", format!("noicom_session={cookie}"))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.unwrap()
}

fn holds_nothing_internal(what: &str, text: &str) {
    for internal in INTERNAL {
        assert!(
            !text.contains(internal),
            "{what} shows the reporter «{internal}»:\n{text}"
        );
    }
}

async fn the_reporter_reads_only_their_audience_on_every_route(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let procuracy = Client::bearer(&server, &town.procuracy);
    let leader = Client::bearer(&server, &town.leader);
    let WorkedCase {
        case,
        photo,
        answer_file,
        result_file,
    } = worked_case(&server, &town).await;
    let id = case["id"].clone();
    let code = case["code"].as_str().unwrap().to_owned();
    leader
        .acts(&case, "close", json!({"remark": "ghi-chú-kết-thúc-nội-bộ"}))
        .await
        .expect(200);

    // The case itself: the reporter's state, none of the internal facts.
    let seen = reporter.get(&format!("/cases/{id}")).await.expect(200);
    assert_eq!(seen["reporter_state"], "closed", "{seen}");
    assert_eq!(seen["lead_unit"], "UBND-HN", "{seen}");
    for internal_field in [
        "state",
        "sensitivity",
        "priority",
        "coordinating_units",
        "answer_due",
        "resolution_due",
        "overdue",
    ] {
        assert!(
            seen.get(internal_field).is_none(),
            "{internal_field}: {seen}"
        );
    }
    holds_nothing_internal("GET /cases/{id}", &seen.to_string());
    let listed = reporter.get("/cases?mine=true").await.expect(200);
    holds_nothing_internal("GET /cases", &listed.to_string());
    assert!(listed.to_string().contains(&code), "{listed}");

    // The timeline: their entries, and acceptance and closing as state
    // changes without their input.
    let events = reporter
        .get(&format!("/cases/{id}/events"))
        .await
        .expect(200);
    let text = events.to_string();
    holds_nothing_internal("GET /cases/{id}/events", &text);
    for theirs in THEIRS {
        assert!(
            text.contains(theirs),
            "the reporter misses «{theirs}»: {text}"
        );
    }
    let actions: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for told in [
        "file",
        "request_info",
        "supplement",
        "accept",
        "publish_result",
        "close",
    ] {
        assert!(actions.contains(&told), "{told} missing: {actions:?}");
    }
    for hidden in [
        "respond",
        "orient",
        "escalate",
        "conclude",
        "log_meeting",
        "report_resolution",
    ] {
        assert!(!actions.contains(&hidden), "{hidden} shown: {actions:?}");
    }

    // The files: their photo; the agency's documents do not exist for them.
    let files = reporter
        .get(&format!("/cases/{id}/attachments"))
        .await
        .expect(200);
    holds_nothing_internal("GET /cases/{id}/attachments", &files.to_string());
    assert_eq!(files.as_array().unwrap().len(), 1, "{files}");
    let (status, _, _) = reporter
        .get_bytes(&format!("/attachments/{}", photo["id"]))
        .await;
    assert_eq!(status, 200);
    for document in [&answer_file, &result_file] {
        reporter
            .get(&format!("/attachments/{}", document["id"]))
            .await
            .error(404, "not_found");
    }

    // The pages a reporter reaches.
    let cookie = session(&server, "ctv.bd@example.vn").await;
    let case_page = page(&server, &cookie, &format!("/cases/{code}")).await;
    holds_nothing_internal("the case page", &case_page);
    assert!(case_page.contains("kết-quả-công-bố"), "{case_page}");
    assert!(case_page.contains("Đã kết thúc"), "{case_page}");
    let my_reports = page(&server, &cookie, "/reports").await;
    holds_nothing_internal("my reports", &my_reports);

    // Every e-mail the reporter received.
    let smtp = SmtpSink::start(db.dir());
    let at = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", &at])
        .ok();
    let mails: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == "ctv.bd@example.vn"))
        .collect();
    assert!(
        mails.iter().any(|m| m.kind == "result_published"),
        "{mails:#?}"
    );
    for mail in &mails {
        holds_nothing_internal(&format!("the e-mail {}", mail.kind), &mail.text);
        holds_nothing_internal(&format!("the e-mail {}", mail.kind), &mail.html);
    }

    // The board and the coordinating liaison still read all of it.
    for (who, client) in [("board", &officer), ("procuracy", &procuracy)] {
        let events = client
            .get(&format!("/cases/{id}/events"))
            .await
            .expect(200)
            .to_string();
        for internal in &INTERNAL[..10] {
            assert!(events.contains(internal), "{who} misses «{internal}»");
        }
        let files = client
            .get(&format!("/cases/{id}/attachments"))
            .await
            .expect(200);
        assert_eq!(files.as_array().unwrap().len(), 3, "{who}: {files}");
        let (status, _, _) = client
            .get_bytes(&format!("/attachments/{}", answer_file["id"]))
            .await;
        assert_eq!(status, 200, "{who}");
    }
}

/// A list filter on a fact the case hides from its reporter would tell it
/// all the same: a reporter filters on `reporter_state` only, and a filter
/// on the state, the board's assessment or an internal deadline is a 422
/// naming it; the board filters on all of them.
async fn a_reporter_filters_lists_in_their_own_terms_only(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let case = reporter.files_case("HN-BD", "Đường ngập sau mưa").await;
    let code = case["code"].as_str().unwrap().to_owned();
    officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "sensitive", "priority": "urgent", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    for (query, field) in [
        ("state=assigned", "state"),
        ("sensitivity=sensitive", "sensitivity"),
        ("priority=urgent", "priority"),
        ("overdue=true", "overdue"),
    ] {
        let refused = reporter
            .get(&format!("/cases?{query}"))
            .await
            .error(422, "invalid_input");
        assert_eq!(refused["error"]["field"], field, "{refused}");
    }
    assert_eq!(
        reporter.case_codes("reporter_state=in_progress").await,
        vec![code.clone()]
    );
    assert!(
        reporter
            .case_codes("reporter_state=received")
            .await
            .is_empty()
    );
    assert_eq!(
        officer
            .case_codes("state=assigned&sensitivity=sensitive")
            .await,
        vec![code.clone()]
    );
    assert_eq!(
        officer.case_codes("reporter_state=in_progress").await,
        vec![code.clone()]
    );

    // The page of their reports offers the states in their terms, and no
    // filter on priority or lateness.
    let cookie = session(&server, "ctv.bd@example.vn").await;
    let mine = page(&server, &cookie, "/reports?state=in_progress").await;
    assert!(mine.contains(&code), "{mine}");
    assert!(mine.contains("Đang xử lý"), "{mine}");
    for internal in ["Trình Thường trực", "f-priority", "f-overdue", "Khẩn"] {
        assert!(
            !mine.contains(internal),
            "«{internal}» on the reporter's list"
        );
    }
}
