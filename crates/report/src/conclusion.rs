//! A conclusion notice (*thông báo kết luận*, SPEC §11) as the concluding
//! body's document (SPEC §15): numbered from its register when the case
//! was concluded, the conclusion, the documents it carries, sent to the
//! lead, the coordinating units and the board to carry out.

use catalogue::{Lang, Tr};
use chrono_tz::Tz;
use documents::{Block, Document, Layout, Number, Signature, name_under, place_name};
use store::conclusions::ConclusionFacts;

/// The notice of `facts`, dated in `tz`.
pub fn conclusion_document(facts: &ConclusionFacts, tz: Tz, lang: Lang) -> Document {
    let t = Tr(lang);
    let issuer = name_under(&facts.superior, &facts.issuer_name);
    let mut body = vec![Block::Paragraph(t.doc_conclusion_opening(
        &facts.case_code,
        &facts.case_title,
        &issuer,
    ))];
    body.extend(
        (facts.conclusion.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block::Paragraph(l.to_owned())),
    );
    if !facts.documents.is_empty() {
        body.push(Block::Paragraph(t.doc_documents_attached().to_owned()));
        body.extend((facts.documents.iter()).map(|d| Block::Paragraph(format!("- {d}"))));
    }
    body.push(Block::Paragraph(t.mail_concluded_ask().to_owned()));
    Document {
        layout: if facts.party {
            Layout::Party
        } else {
            Layout::State
        },
        lang,
        superior: facts.superior.to_uppercase(),
        issuer: issuer.to_uppercase(),
        number: Number {
            seq: facts.number,
            kind: facts.kind.clone(),
            issuer: facts.issuer_code.clone(),
        },
        place: place_name(&facts.area_name),
        date: facts.concluded_at.with_timezone(&tz).date_naive(),
        kind: t.doc_conclusion_kind().to_owned(),
        subject: t.doc_conclusion_subject(&facts.case_code),
        addressees: Vec::new(),
        body,
        recipients: (facts.addressees.iter())
            .map(|a| t.doc_to_carry_out(a))
            .collect(),
        signature: Signature {
            on_behalf_of: Some(issuer.to_uppercase()),
            title: facts
                .signer_title
                .as_deref()
                .unwrap_or_default()
                .to_uppercase(),
            name: facts.signer_name.clone(),
        },
    }
}
