//! Documents in the official layout (SPEC §15) read as their readers read
//! them, on both backends: the annual report downloaded as DOCX by a
//! board officer opens with python-docx and holds the Party header
//! blocks, the register's number (the same on a second download), the
//! date in words, the programme's numbered content items with their
//! narrative left to write, the figures of the CSV and no code; the
//! command line writes the same document; LibreOffice converts it to PDF
//! and page 1 is saved under target/screenshots/ for review.

use chrono::{Datelike, Duration, Utc};
use serde_json::{Value, json};

use crate::support::documents::{all_text, read_docx, render_page_one};
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    the_annual_report_is_a_party_document_ready_for_its_narrative,
    an_orientation_notice_downloads_as_the_boards_numbered_letter,
    a_conclusion_is_numbered_and_downloads_as_the_committees_notice,
);

fn backend_name(db: &TestDb) -> &'static str {
    match db.backend {
        testkit::Backend::Sqlite => "sqlite",
        testkit::Backend::Postgres => "postgres",
    }
}

/// Today in Hà Nội.
fn today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn texts(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn the_annual_report_is_a_party_document_ready_for_its_narrative(db: TestDb) {
    let town = town(&db);
    // A signer with a title in their profile.
    noicom(&db)
        .args([
            "user",
            "add",
            "--email",
            "phoban@example.vn",
            "--name",
            "Trần Thị Bình",
        ])
        .args([
            "--role",
            "board_officer",
            "--unit",
            "BTG-HN",
            "--title",
            "Phó Trưởng Ban",
        ])
        .ok();
    let year = today().year();
    let items = db.dir().join("noi-dung.txt");
    std::fs::write(
        &items,
        "1. Cung cấp thông tin định kỳ hằng quý\n\n2. Phối hợp định hướng thông tin trên báo chí\n",
    )
    .unwrap();
    noicom(&db)
        .args([
            "programme",
            "add",
            "--year",
            &year.to_string(),
            "--area",
            "HN",
        ])
        .args(["--parties", "BTG-HN,UBND-HN,VKSND-HN"])
        .args(["--items", items.to_str().unwrap()])
        .args([
            "--number",
            "05-CTr/BTG-HN",
            "--signed-on",
            &format!("{year}-01-15"),
        ])
        .ok();
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let case = reporter.files_case("HN-BD", "Ngập úng khu dân cư").await;
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    Client::bearer(&server, &town.liaison)
        .acts(&case, "respond", json!({"answer": "Đã khơi thông cống."}))
        .await
        .expect(200);
    reporter.files_case("HN-BD", "Rác thải ven đường").await;

    let (status, headers, bytes) = officer
        .get_bytes(&format!("/reports/annual?year={year}&format=docx"))
        .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"bao-cao-nam-{year}.docx\"").as_str()
    );
    let file = db.dir().join("bao-cao.docx");
    std::fs::write(&file, &bytes).unwrap();
    let read = read_docx(&file);
    assert_eq!(read["page_mm"], json!([210, 297]), "A4 portrait");
    assert_eq!(read["margins_mm"], json!([20, 15, 20, 30]));
    assert_eq!(read["fonts"], json!(["Times New Roman"]));
    let paragraphs = texts(&read["paragraphs"]);
    let at = |needle: &str| {
        paragraphs
            .iter()
            .position(|p| p == needle)
            .unwrap_or_else(|| panic!("no paragraph «{needle}» in {paragraphs:#?}"))
    };
    let date = today();
    let date_line = format!(
        "Hà Nội, ngày {:02} tháng {} năm {}",
        date.day(),
        match date.month() {
            m @ (1 | 2) => format!("{m:02}"),
            m => m.to_string(),
        },
        date.year()
    );
    // The header blocks, then the title, in reading order.
    let order = [
        at("THÀNH ỦY HÀ NỘI"),
        at("Số 1-BC/BTG-HN"),
        at("ĐẢNG CỘNG SẢN VIỆT NAM"),
        at(&date_line),
        at("BÁO CÁO"),
        at("I. KẾT QUẢ THỰC HIỆN"),
        at("1.1. Cung cấp thông tin định kỳ hằng quý"),
        at("[Phần để viết: kết quả thực hiện nội dung 1, đánh giá đạt hay chưa đạt]"),
        at("1.2. Phối hợp định hướng thông tin trên báo chí"),
        at("II. HẠN CHẾ, NGUYÊN NHÂN"),
        at(&format!("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {}", year + 1)),
        at("Nơi nhận:"),
        at("- Thường trực Thành ủy Hà Nội (để báo cáo),"),
        at("- UBND thành phố Hà Nội (để phối hợp),"),
        at("T/M BAN TUYÊN GIÁO VÀ DÂN VẬN"),
        at("canbo@example.vn"),
    ];
    assert!(order.is_sorted(), "{order:?} in {paragraphs:#?}");
    let opening = paragraphs
        .iter()
        .find(|p| p.starts_with("Thực hiện "))
        .expect("the opening paragraph");
    assert!(
        opening.contains(&format!("số 05-CTr/BTG-HN ngày 15/01/{year}")),
        "{opening}"
    );

    // The figures are the CSV's.
    let (_, _, csv) = officer
        .get_bytes(&format!("/reports/annual?year={year}&format=csv"))
        .await;
    let rows = csv_rows(&csv);
    let filed = &rows
        .iter()
        .find(|r| r[0] == "Số vụ việc tiếp nhận")
        .unwrap()[1];
    let tables = read["tables"].as_array().unwrap();
    let overview = tables
        .iter()
        .find(|t| t[0][0] == "Chỉ tiêu")
        .expect("the overview table");
    let filed_row = overview
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "Số vụ việc tiếp nhận")
        .unwrap();
    assert_eq!(filed_row[2].as_str().unwrap(), filed.as_str());
    assert_eq!(filed_row[1], "—", "no figures the year before");
    // No code reaches the reader: the category and state codes the API
    // gives with the same figures are in neither the document nor the CSV,
    // their names are.
    let summary = officer
        .get(&format!(
            "/reports/summary?from={year}-01-01&to={}-01-01",
            year + 1
        ))
        .await
        .expect(200);
    let codes: Vec<String> = ["by_category", "by_state"]
        .iter()
        .flat_map(|k| summary[*k].as_array().unwrap().clone())
        .map(|c| c["code"].as_str().unwrap().to_owned())
        .collect();
    assert!(codes.len() >= 3, "codes: {summary:#}");
    let text = all_text(&read);
    let csv_text = String::from_utf8_lossy(&csv).to_string();
    for code in &codes {
        assert!(
            !text.contains(code.as_str()),
            "code «{code}» in the document:\n{text}"
        );
        let as_cell = |c: &str| csv_text.lines().any(|l| l.split(',').any(|cell| cell == c));
        assert!(!as_cell(code), "code «{code}» in the CSV:\n{csv_text}");
    }
    // The same number on a second download and from the command line.
    let (_, _, again) = officer
        .get_bytes(&format!("/reports/annual?year={year}&format=docx"))
        .await;
    let second = db.dir().join("lan-hai.docx");
    std::fs::write(&second, &again).unwrap();
    assert!(all_text(&read_docx(&second)).contains("Số 1-BC/BTG-HN"));
    let cli = db.dir().join("cli.docx");
    noicom(&db)
        .args([
            "export-report",
            "--year",
            &year.to_string(),
            "--format",
            "docx",
        ])
        .args([
            "--signer",
            "phoban@example.vn",
            "--output",
            cli.to_str().unwrap(),
        ])
        .ok();
    let from_cli = all_text(&read_docx(&cli));
    assert!(from_cli.contains("Số 1-BC/BTG-HN"), "{from_cli}");
    assert!(
        from_cli.contains("T/M BAN TUYÊN GIÁO VÀ DÂN VẬN\nPHÓ TRƯỞNG BAN")
            && from_cli.contains("Trần Thị Bình"),
        "{from_cli}"
    );
    // Another subject takes the next number.
    let (_, _, ward) = officer
        .get_bytes(&format!(
            "/reports/annual?year={year}&area=HN-BD&format=docx"
        ))
        .await;
    let ward_file = db.dir().join("phuong.docx");
    std::fs::write(&ward_file, &ward).unwrap();
    assert!(all_text(&read_docx(&ward_file)).contains("Số 2-BC/BTG-HN"));

    // A reporter may not have it, nor take a number.
    let (status, _, _) = reporter
        .get_bytes(&format!("/reports/annual?year={year}&format=docx"))
        .await;
    assert_eq!(status, 403);

    let pages = render_page_one(&file, &format!("d1-bao-cao-nam-{}", backend_name(&db)));
    assert!((1..=4).contains(&pages), "{pages} pages");
}

async fn an_orientation_notice_downloads_as_the_boards_numbered_letter(db: TestDb) {
    let town = town(&db);
    noicom(&db)
        .args([
            "unit",
            "add",
            "--code",
            "BAO-HN",
            "--name",
            "Báo Hà Nội mới",
        ])
        .args([
            "--kind",
            "media",
            "--area",
            "HN",
            "--email",
            "toasoan@bao.example.vn",
        ])
        .ok();
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let reporter = Client::bearer(&server, &town.reporter);
    let case = reporter
        .files_case("HN-BD", "Sạt lở bờ kè sông Tô Lịch")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    officer
        .acts(
            &case,
            "orient",
            json!({"messages": "Chính quyền đã khoanh vùng nguy hiểm.\nCác hộ dân đã được di dời an toàn.",
                   "channels": ["press", "grassroots_radio"], "audience": "Nhân dân phường Ba Đình",
                   "recipients": ["BAO-HN"]}),
        )
        .await
        .expect(200);
    let list = officer
        .get(&format!("/cases/{code}/orientations"))
        .await
        .expect(200);
    let id = list[0]["id"].as_i64().unwrap();
    let number = list[0]["number"].as_str().unwrap().to_owned();
    let (status, headers, bytes) = officer
        .get_bytes(&format!("/orientations/{id}/document"))
        .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"cong-van-1-{code}.docx\"").as_str()
    );
    let file = db.dir().join("cong-van.docx");
    std::fs::write(&file, &bytes).unwrap();
    let read = read_docx(&file);
    let paragraphs = texts(&read["paragraphs"]);
    for needle in [
        "THÀNH ỦY HÀ NỘI".to_owned(),
        format!("Số {number}"),
        format!("V/v định hướng thông tin về vụ việc {code}"),
        "ĐẢNG CỘNG SẢN VIỆT NAM".to_owned(),
        "Kính gửi: Báo Hà Nội mới".to_owned(),
        "1. Nội dung thông tin chủ yếu".to_owned(),
        "Các hộ dân đã được di dời an toàn.".to_owned(),
        "- Như trên,".to_owned(),
        "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN".to_owned(),
        "canbo@example.vn".to_owned(),
    ] {
        assert!(
            paragraphs.contains(&needle),
            "no «{needle}» in {paragraphs:#?}"
        );
    }
    let text = all_text(&read);
    // The channels by their names, never their codes.
    assert!(text.contains("Báo chí"), "{text}");
    assert!(
        !text.contains("grassroots_radio") && !text.contains("press"),
        "{text}"
    );
    // Only the case's internal readers have it.
    let (status, _, _) = reporter
        .get_bytes(&format!("/orientations/{id}/document"))
        .await;
    assert_eq!(status, 404);
    render_page_one(
        &file,
        &format!("d2-cong-van-dinh-huong-{}", backend_name(&db)),
    );
}

async fn a_conclusion_is_numbered_and_downloads_as_the_committees_notice(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let reporter = Client::bearer(&server, &town.reporter);
    let leader = Client::bearer(&server, &town.leader);
    // The administrator gives the leader the title their signature prints.
    let admin = Client::bearer(&server, &town.admin);
    let users = admin.get("/users").await.expect(200);
    let id = (users.as_array().unwrap().iter())
        .find(|u| u["email"] == "lanhdao@example.vn")
        .expect("the leader")["id"]
        .as_i64()
        .unwrap();
    let changed = admin
        .patch_json(
            &format!("/users/{id}"),
            &json!({"title": "Phó Bí thư Thường trực"}),
        )
        .await
        .expect(200);
    assert_eq!(changed["title"], "Phó Bí thư Thường trực");
    let case = reporter.files_case("HN-BD", "Bãi rác tự phát ven đê").await;
    let code = case["code"].as_str().unwrap().to_owned();
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN",
                   "coordinating_units": ["VKSND-HN"]}),
        )
        .await
        .expect(200);
    let case = Client::bearer(&server, &town.liaison)
        .acts(
            &case,
            "respond",
            json!({"answer": "UBND đã chỉ đạo thu dọn."}),
        )
        .await
        .expect(200);
    let case = officer
        .acts(
            &case,
            "escalate",
            json!({"opinions": [{"unit": "UBND-HN", "opinion": "Đã xử lý xong."},
                                {"unit": "VKSND-HN", "opinion": "Rác vẫn còn."}]}),
        )
        .await
        .expect(200);
    let signed = leader
        .upload(
            &format!("/cases/{}/attachments", case["id"]),
            "Kết luận số 12-KL.pdf",
            &crate::support::files::pdf(3_000),
        )
        .await
        .expect(201);
    leader
        .acts(
            &case,
            "conclude",
            json!({"conclusion": "Giao UBND thành phố thu dọn dứt điểm trong 10 ngày.\nBan Tuyên giáo và Dân vận định hướng thông tin kết quả.",
                   "documents": [signed["id"]]}),
        )
        .await
        .expect(200);
    let events = officer
        .get(&format!("/cases/{code}/events"))
        .await
        .expect(200);
    let event = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "conclude")
        .expect("the conclude event")["id"]
        .as_i64()
        .unwrap();
    let (status, headers, bytes) = officer
        .get_bytes(&format!("/conclusions/{event}/document"))
        .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"thong-bao-ket-luan-1-{code}.docx\"").as_str()
    );
    let file = db.dir().join("ket-luan.docx");
    std::fs::write(&file, &bytes).unwrap();
    let paragraphs = texts(&read_docx(&file)["paragraphs"]);
    for needle in [
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "THÀNH ỦY HÀ NỘI",
        "Số 1-TB/TU-HN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "THÔNG BÁO",
        "Giao UBND thành phố thu dọn dứt điểm trong 10 ngày.",
        "- Kết luận số 12-KL.pdf",
        "- UBND thành phố Hà Nội (để thực hiện),",
        "- Viện kiểm sát nhân dân thành phố (để thực hiện),",
        "- Ban Tuyên giáo và Dân vận Thành ủy (để thực hiện),",
        "T/M THÀNH ỦY HÀ NỘI",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "lanhdao@example.vn",
    ] {
        assert!(
            paragraphs.iter().any(|p| p == needle),
            "no «{needle}» in {paragraphs:#?}"
        );
    }
    // The case page links it for its internal readers only.
    let mut board = crate::support::pages::Visitor::new(&server, None);
    board
        .sign_in("canbo@example.vn", crate::support::town::PASSWORD, "/")
        .await;
    let page = board.get(&format!("/cases/{code}")).await;
    assert!(
        page.body
            .contains(&format!("/api/v1/conclusions/{event}/document")),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Thông báo kết luận số 1-TB/TU-HN"),
        "the case page names the notice's number: {}",
        page.body
    );
    let (status, _, _) = reporter
        .get_bytes(&format!("/conclusions/{event}/document"))
        .await;
    assert_eq!(status, 404);
    render_page_one(
        &file,
        &format!("d3-thong-bao-ket-luan-{}", backend_name(&db)),
    );
}
