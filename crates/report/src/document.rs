//! The annual review report as an official document (SPEC §15): the
//! board's letterhead, a narrative to write under each numbered content
//! item of the programme, the figures of §4.3 beside last year's, the
//! shortcomings, next year's tasks and proposals left to write, *Nơi
//! nhận* and the signature. Names everywhere, no codes.

use catalogue::{Lang, Tr};
use chrono::NaiveDate;
use documents::{Block, Document, Layout, Number, Signature, Table};
use store::reports::{Count, Letterhead, REPORT_KIND, Summary};

/// What the document is built from.
pub struct AnnualInput<'a> {
    /// The year reported on.
    pub year: i32,
    /// Its figures.
    pub summary: &'a Summary,
    /// The year before's, when there were any.
    pub previous: Option<&'a Summary>,
    /// Issuer, number, programme, signer.
    pub letterhead: &'a Letterhead,
    /// The signing date printed (the day it is downloaded).
    pub date: NaiveDate,
    /// The language of its words.
    pub lang: Lang,
}

/// The annual report of `input` as a Party document of the board.
pub fn annual_document(input: &AnnualInput<'_>) -> Document {
    let t = Tr(input.lang);
    let head = input.letterhead;
    let year = input.year;
    let mut body = vec![Block::Paragraph(opening(input))];
    body.push(Block::Heading(t.doc_report_results().to_owned()));
    body.push(Block::Subheading(t.doc_report_items().to_owned()));
    let items = head.programme.as_ref().map(|p| &p.items[..]).unwrap_or(&[]);
    if items.is_empty() {
        body.push(Block::ToWrite(t.doc_report_no_items().to_owned()));
    }
    for (number, text) in items {
        body.push(Block::Subheading(format!("1.{number}. {text}")));
        body.push(Block::ToWrite(t.doc_report_item_to_write(number)));
    }
    body.push(Block::Subheading(t.doc_report_cases().to_owned()));
    body.push(Block::Table(overview(input, 1)));
    body.push(Block::Table(or_none(by_category(input, 2), t)));
    body.push(Block::ToWrite(t.doc_report_cases_to_write().to_owned()));
    body.push(Block::Subheading(t.doc_report_duties().to_owned()));
    body.push(Block::Table(or_none(duties(input.summary, t, 3), t)));
    body.push(Block::Heading(t.doc_report_shortcomings().to_owned()));
    body.push(Block::ToWrite(
        t.doc_report_shortcomings_to_write().to_owned(),
    ));
    body.push(Block::Heading(t.doc_report_next(year + 1)));
    body.push(Block::ToWrite(t.doc_report_next_to_write().to_owned()));
    body.push(Block::Heading(t.doc_report_proposals().to_owned()));
    body.push(Block::ToWrite(t.doc_report_proposals_to_write().to_owned()));
    let mut recipients = vec![t.doc_to_superior(&head.superior)];
    if let Some(p) = &head.programme {
        recipients.extend(
            (p.parties.iter())
                .filter(|name| **name != head.issuer)
                .map(|name| t.doc_to_party(name)),
        );
    }
    let issuer = upper(&documents::name_under(&head.superior, &head.issuer));
    Document {
        layout: Layout::Party,
        lang: input.lang,
        superior: upper(&head.superior),
        issuer: issuer.clone(),
        number: Number {
            seq: head.number,
            kind: REPORT_KIND.to_owned(),
            issuer: head.issuer_code.clone(),
        },
        place: documents::place_name(&head.area_name),
        date: input.date,
        kind: t.doc_report_kind().to_owned(),
        subject: t.doc_report_subject(year),
        addressees: Vec::new(),
        body,
        recipients,
        signature: Signature {
            on_behalf_of: Some(issuer),
            title: upper(head.signer_title.as_deref().unwrap_or_default()),
            name: head.signer_name.clone().unwrap_or_default(),
        },
    }
}

/// A table with no rows says so in its first cell rather than print a
/// heading over nothing.
fn or_none(mut table: Table, t: Tr) -> Table {
    if table.rows.is_empty() {
        let mut row = vec![String::new(); table.header.len()];
        row[0] = t.report_no_figures().to_owned();
        table.rows.push(row);
    }
    table
}

/// Vietnamese upper case, as letterheads print names.
fn upper(name: &str) -> String {
    name.to_uppercase()
}

fn opening(input: &AnnualInput<'_>) -> String {
    let t = Tr(input.lang);
    let head = input.letterhead;
    match &head.programme {
        Some(p) => {
            let programme = match (&p.number, p.signed_on) {
                (Some(number), Some(on)) => {
                    t.doc_programme_signed(&p.title, number, on.format("%d/%m/%Y"))
                }
                _ => p.title.clone(),
            };
            t.doc_report_opening(programme, &head.issuer, input.year)
        }
        None => t.doc_report_opening_plain(&head.issuer, input.year),
    }
}

/// The headline figures, last year beside this year.
fn overview(input: &AnnualInput<'_>, n: u32) -> Table {
    let t = Tr(input.lang);
    let deadline = |s: &Summary, kind: &str| {
        s.deadlines
            .iter()
            .find(|d| d.kind == kind)
            .cloned()
            .unwrap_or_else(|| store::reports::DeadlineFigures {
                kind: kind.to_owned(),
                label: String::new(),
                on_time: 0,
                late: 0,
                overdue: 0,
                running: 0,
            })
    };
    let figures = |s: &Summary| -> Vec<String> {
        let answer = deadline(s, "answer");
        let resolution = deadline(s, "resolution");
        vec![
            s.cases_filed.to_string(),
            answer.on_time.to_string(),
            answer.late.to_string(),
            answer.overdue.to_string(),
            resolution.on_time.to_string(),
            s.answer_time
                .median_working_days
                .map_or_else(|| "—".to_owned(), documents::decimal),
        ]
    };
    let labels = [
        t.report_cases_filed(),
        t.doc_answered_on_time(),
        t.doc_answered_late(),
        t.doc_answer_overdue(),
        t.doc_resolved_on_time(),
        t.doc_median_answer(),
    ];
    let now = figures(input.summary);
    let before = input.previous.map(figures);
    Table {
        caption: t.doc_table_overview(n),
        header: vec![
            t.report_measure().to_owned(),
            t.doc_year(input.year - 1),
            t.doc_year(input.year),
        ],
        rows: (labels.iter().enumerate())
            .map(|(i, label)| {
                vec![
                    (*label).to_owned(),
                    before
                        .as_ref()
                        .map_or_else(|| "—".to_owned(), |b| b[i].clone()),
                    now[i].clone(),
                ]
            })
            .collect(),
        numeric: vec![false, true, true],
    }
}

/// Issues by category, by name, with last year's count beside.
fn by_category(input: &AnnualInput<'_>, n: u32) -> Table {
    let t = Tr(input.lang);
    let last = |c: &Count| {
        input.previous.map_or_else(
            || "—".to_owned(),
            |p| {
                (p.by_category.iter())
                    .find(|x| x.code == c.code)
                    .map_or(0, |x| x.count)
                    .to_string()
            },
        )
    };
    Table {
        caption: t.doc_table_by_category(n),
        header: vec![
            t.field_category().to_owned(),
            t.doc_year(input.year - 1),
            t.doc_year(input.year),
        ],
        rows: (input.summary.by_category.iter())
            .map(|c| vec![c.label.clone(), last(c), c.count.to_string()])
            .collect(),
        numeric: vec![false, true, true],
    }
}

/// Each agency's duties over the year.
fn duties(summary: &Summary, t: Tr, n: u32) -> Table {
    Table {
        caption: t.doc_table_duties(n),
        header: vec![
            t.agency().to_owned(),
            t.duty_on_time().to_owned(),
            t.duty_late().to_owned(),
            t.compliance_missing().to_owned(),
            t.duty_waived().to_owned(),
            t.duty_not_due().to_owned(),
        ],
        rows: (summary.duties.iter())
            .map(|a| {
                let c = a.total;
                vec![
                    a.name.clone(),
                    c.on_time.to_string(),
                    c.late.to_string(),
                    c.missing.to_string(),
                    c.waived.to_string(),
                    c.not_due.to_string(),
                ]
            })
            .collect(),
        numeric: vec![false, true, true, true, true, true],
    }
}
