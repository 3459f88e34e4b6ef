//! The report as tables: each a title, a header row and data rows, in the
//! reader's language. CSV, XLSX and HTML lay out the same tables.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use store::reports::{ComplianceCounts, Count, Summary, TimeFigures};
use workflow::Lang;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number (a count, days, hours).
    Number(f64),
    /// Nothing to show (no duration measured).
    Empty,
}

/// One table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A short name (an XLSX sheet name: at most 31 characters).
    pub sheet: &'static str,
    /// The heading.
    pub title: String,
    /// Column headings.
    pub header: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn num(n: u64) -> Cell {
    Cell::Number(n as f64)
}

fn opt(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, Cell::Number)
}

/// Every table of `summary`, labelled in `lang`, times shown in `tz`.
pub fn tables(summary: &Summary, lang: Lang, tz: Tz) -> Vec<Table> {
    let vi = lang == Lang::Vi;
    let t = |v: &'static str, e: &'static str| if vi { v } else { e };
    let local =
        |at: DateTime<FixedOffset>| at.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string();
    let area = summary.area.as_ref().map_or_else(
        || t("Toàn bộ địa bàn", "Every area").to_owned(),
        |a| format!("{} ({})", a.name, a.code),
    );
    let overview = Table {
        sheet: t("Tổng quan", "Overview"),
        title: t("Tổng quan", "Overview").to_owned(),
        header: vec![t("Nội dung", "Item"), t("Giá trị", "Value")],
        rows: vec![
            vec![text(t("Từ", "From")), text(local(summary.from))],
            vec![
                text(t("Đến (không kể)", "To (exclusive)")),
                text(local(summary.to)),
            ],
            vec![text(t("Địa bàn", "Area")), text(area)],
            vec![
                text(t("Số liệu tính đến", "Figures as of")),
                text(local(summary.as_of)),
            ],
            vec![
                text(t("Số vụ việc tiếp nhận", "Cases filed")),
                num(summary.cases_filed),
            ],
            // Areas and units renamed since are printed with their names
            // of this day (SPEC §2); the row says which day that is.
            vec![
                text(t(
                    "Tên địa bàn, đơn vị theo ngày",
                    "Areas and units named as on",
                )),
                text(summary.names_on.format("%d/%m/%Y").to_string()),
            ],
        ],
    };
    let counts = |sheet, title, label, list: &[Count]| Table {
        sheet,
        title,
        header: vec![t("Mã", "Code"), label, t("Số vụ việc", "Cases")],
        rows: list
            .iter()
            .map(|c| vec![text(&c.code), text(&c.label), num(c.count)])
            .collect(),
    };
    let time_row = |label: &str, f: &TimeFigures| {
        vec![
            text(label),
            num(f.cases),
            opt(f.median_working_days),
            opt(f.p90_working_days),
            opt(f.median_hours),
            opt(f.p90_hours),
        ]
    };
    let mut all = vec![
        overview,
        counts(
            t("Theo lĩnh vực", "By category"),
            t("Vụ việc theo lĩnh vực", "Cases by category").to_owned(),
            t("Lĩnh vực", "Category"),
            &summary.by_category,
        ),
        counts(
            t("Theo địa bàn", "By area"),
            t("Vụ việc theo địa bàn", "Cases by area").to_owned(),
            t("Địa bàn", "Area"),
            &summary.by_area,
        ),
        counts(
            t("Theo trạng thái", "By state"),
            t("Vụ việc theo trạng thái hiện nay", "Cases by current state").to_owned(),
            t("Trạng thái", "State"),
            &summary.by_state,
        ),
        Table {
            sheet: t("Thời gian xử lý", "Time taken"),
            title: t(
                "Thời gian trả lời và giải quyết (từ khi tiếp nhận, giao cơ quan chủ trì)",
                "Time to answer and to resolve (from acceptance)",
            )
            .to_owned(),
            header: vec![
                t("Chỉ tiêu", "Measure"),
                t("Số vụ việc", "Cases"),
                t("Trung vị (ngày làm việc)", "Median (working days)"),
                t(
                    "Phân vị 90 (ngày làm việc)",
                    "90th percentile (working days)",
                ),
                t("Trung vị (giờ)", "Median (hours)"),
                t("Phân vị 90 (giờ)", "90th percentile (hours)"),
            ],
            rows: vec![
                time_row(
                    t("Trả lời bằng văn bản", "Written answer"),
                    &summary.answer_time,
                ),
                time_row(t("Giải quyết", "Resolution"), &summary.resolution_time),
            ],
        },
        Table {
            sheet: t("Thời hạn", "Deadlines"),
            title: t("Việc thực hiện thời hạn", "Deadlines kept").to_owned(),
            header: vec![
                t("Thời hạn", "Deadline"),
                t("Đúng hạn", "On time"),
                t("Trễ hạn", "Late"),
                t("Quá hạn", "Overdue"),
                t("Đang trong hạn", "Running"),
            ],
            rows: summary
                .deadlines
                .iter()
                .map(|d| {
                    vec![
                        text(&d.label),
                        num(d.on_time),
                        num(d.late),
                        num(d.overdue),
                        num(d.running),
                    ]
                })
                .collect(),
        },
        Table {
            sheet: t("Cơ quan chủ trì", "Lead units"),
            title: t(
                "Trễ hạn, quá hạn theo cơ quan chủ trì",
                "Missed deadlines by lead unit",
            )
            .to_owned(),
            header: vec![
                t("Mã đơn vị", "Unit code"),
                t("Cơ quan chủ trì", "Lead unit"),
                t("Số vụ việc", "Cases"),
                t("Trả lời trễ hạn", "Answers late"),
                t("Trả lời quá hạn", "Answers overdue"),
                t("Giải quyết trễ hạn", "Resolutions late"),
                t("Giải quyết quá hạn", "Resolutions overdue"),
            ],
            rows: summary
                .overdue_by_lead_unit
                .iter()
                .map(|u| {
                    vec![
                        text(&u.unit),
                        text(&u.name),
                        num(u.cases),
                        num(u.answer_late),
                        num(u.answer_overdue),
                        num(u.resolution_late),
                        num(u.resolution_overdue),
                    ]
                })
                .collect(),
        },
    ];
    let compliance_row = |unit: &str, name: &str, period: String, c: &ComplianceCounts| {
        vec![
            text(unit),
            text(name),
            text(period),
            num(c.on_time),
            num(c.late),
            num(c.missing),
            num(c.waived),
            num(c.not_due),
        ]
    };
    let mut duty_rows = Vec::new();
    for agency in &summary.duties {
        for p in &agency.periods {
            duty_rows.push(compliance_row(
                &agency.unit,
                &agency.name,
                p.period.clone(),
                &p.counts,
            ));
        }
        duty_rows.push(compliance_row(
            &agency.unit,
            &agency.name,
            t("Cộng", "Total").to_owned(),
            &agency.total,
        ));
    }
    all.push(Table {
        sheet: t("Nghĩa vụ thông tin", "Information duties"),
        title: t(
            "Thực hiện nghĩa vụ cung cấp thông tin theo cơ quan",
            "Information duties kept, by agency",
        )
        .to_owned(),
        header: vec![
            t("Mã đơn vị", "Unit code"),
            t("Cơ quan", "Agency"),
            t("Kỳ", "Period"),
            t("Đúng hạn", "On time"),
            t("Trễ hạn", "Late"),
            t("Không cung cấp", "Missing"),
            t("Được miễn", "Waived"),
            t("Chưa đến hạn", "Not due yet"),
        ],
        rows: duty_rows,
    });
    all
}
