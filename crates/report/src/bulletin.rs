//! The monthly opinion bulletin as an official document (SPEC §15, §16):
//! the board's report of the month's public opinion, its concerns, the
//! cases and the early warnings, with the proposals left to write.

use catalogue::{Lang, Tr};
use chrono::NaiveDate;
use documents::{Block, Document, Layout, Number, Signature, Table};
use store::bulletins::Bulletin;
use store::reports::{Letterhead, REPORT_KIND};

/// The month in words as the bulletin names it (`11/2026`).
pub fn bulletin_month_words(bulletin: &Bulletin) -> String {
    bulletin.month.first_day().format("%m/%Y").to_string()
}

/// The body of `bulletin`: the same blocks for the document and the page.
pub fn bulletin_body(bulletin: &Bulletin, lang: Lang) -> Vec<Block> {
    let t = Tr(lang);
    let b = bulletin;
    let month = bulletin_month_words(b);
    let mut body = vec![Block::Paragraph(t.bulletin_opening(&b.area_name, &month))];
    body.push(Block::Heading(t.bulletin_general().to_owned()));
    if b.items == 0 {
        body.push(Block::Paragraph(t.bulletin_no_opinions().to_owned()));
    } else {
        body.push(Block::Paragraph(t.bulletin_received(
            b.reports,
            b.reporters,
            b.items,
        )));
        let moods: Vec<String> = (b.moods.iter())
            .filter(|(_, count, _)| *count > 0)
            .map(|(mood, _, share)| t.bulletin_mood_share(mood.label(lang).to_lowercase(), share))
            .collect();
        body.push(Block::Paragraph(t.bulletin_moods(moods.join(", "))));
        body.push(Block::Table(Table {
            caption: t.bulletin_table_moods(1),
            header: vec![
                t.bulletin_mood().to_owned(),
                t.bulletin_opinions().to_owned(),
                t.bulletin_share().to_owned(),
            ],
            rows: (b.moods.iter())
                .map(|(mood, count, share)| {
                    vec![
                        mood.label(lang).to_owned(),
                        count.to_string(),
                        share.to_string(),
                    ]
                })
                .collect(),
            numeric: vec![false, true, true],
        }));
    }
    body.push(Block::Heading(t.bulletin_concerns().to_owned()));
    if b.concerns.is_empty() {
        body.push(Block::Paragraph(t.bulletin_no_opinions().to_owned()));
    }
    for (n, c) in b.concerns.iter().enumerate() {
        // Only what there is: "0 of them angry" is noise to a reader.
        let mut line = t.bulletin_concern(n + 1, &c.category, &c.area, c.items);
        if c.troubled > 0 {
            line.push_str(&t.bulletin_concern_troubled(c.troubled));
        }
        if c.widespread > 0 {
            line.push_str(&t.bulletin_concern_widespread(c.widespread));
        }
        line.push('.');
        body.push(Block::Paragraph(line));
        if !c.example.trim().is_empty() {
            body.push(Block::Paragraph(t.bulletin_example(c.example.trim())));
        }
    }
    body.push(Block::Heading(t.bulletin_cases().to_owned()));
    body.push(Block::Paragraph(
        t.bulletin_cases_line(b.cases.cases_filed, b.open.total),
    ));
    if !b.cases.by_category.is_empty() {
        body.push(Block::Table(Table {
            caption: t.bulletin_table_cases(2),
            header: vec![
                t.field_category().to_owned(),
                t.report_cases_filed().to_owned(),
            ],
            rows: (b.cases.by_category.iter())
                .map(|c| vec![c.label.clone(), c.count.to_string()])
                .collect(),
            numeric: vec![false, true],
        }));
    }
    let overdue: Vec<Vec<String>> = (b.open.overdue_by_lead_unit.iter())
        .filter(|u| u.answer_overdue + u.resolution_overdue > 0)
        .map(|u| {
            vec![
                u.name.clone(),
                u.answer_overdue.to_string(),
                u.resolution_overdue.to_string(),
            ]
        })
        .collect();
    if overdue.is_empty() {
        body.push(Block::Paragraph(t.bulletin_no_overdue().to_owned()));
    } else {
        body.push(Block::Table(Table {
            caption: t.bulletin_table_overdue(3),
            header: vec![
                t.lead_unit().to_owned(),
                t.answer_overdue().to_owned(),
                t.resolution_overdue().to_owned(),
            ],
            rows: overdue,
            numeric: vec![false, true, true],
        }));
    }
    body.push(Block::Heading(t.bulletin_alerts().to_owned()));
    if b.alerts.is_empty() {
        body.push(Block::Paragraph(t.bulletin_no_alerts().to_owned()));
    }
    for a in &b.alerts {
        let mut line = t.bulletin_alert(
            &a.area,
            &a.category,
            a.week_start.format("%d/%m/%Y"),
            a.reason.label(lang),
        );
        if a.acknowledged {
            line = format!("{line} {}", t.bulletin_alert_acknowledged());
        }
        body.push(Block::Paragraph(line));
    }
    body.push(Block::Heading(t.bulletin_proposals().to_owned()));
    body.push(Block::ToWrite(t.bulletin_proposals_to_write().to_owned()));
    body
}

/// `bulletin` as the board's Party report headed by `head`, dated `date`.
pub fn bulletin_document(
    bulletin: &Bulletin,
    head: &Letterhead,
    date: NaiveDate,
    lang: Lang,
) -> Document {
    let t = Tr(lang);
    let issuer = documents::name_under(&head.superior, &head.issuer).to_uppercase();
    Document {
        layout: Layout::Party,
        lang,
        superior: head.superior.to_uppercase(),
        issuer: issuer.clone(),
        number: Number {
            seq: head.number,
            kind: REPORT_KIND.to_owned(),
            issuer: head.issuer_code.clone(),
        },
        place: documents::place_name(&head.area_name),
        date,
        kind: t.doc_report_kind().to_owned(),
        subject: t.bulletin_subject(bulletin_month_words(bulletin)),
        addressees: Vec::new(),
        body: bulletin_body(bulletin, lang),
        recipients: vec![
            t.doc_to_superior(&head.superior),
            t.bulletin_to_committee_members().to_owned(),
        ],
        signature: Signature {
            on_behalf_of: Some(issuer),
            title: head
                .signer_title
                .as_deref()
                .unwrap_or_default()
                .to_uppercase(),
            name: head.signer_name.clone().unwrap_or_default(),
        },
    }
}
