//! An orientation notice (*công văn định hướng thông tin*, SPEC §12) as
//! the board's letter (SPEC §15): numbered as the register gave it,
//! addressed to its recipient units, the key messages, channels and
//! audience, and signed on behalf of the board by who issued it.

use catalogue::{Lang, Tr};
use chrono_tz::Tz;
use documents::{Block, Document, Layout, Number, Signature, name_under, place_name};
use store::orientations::NoticeFacts;
use workflow::Channel;

/// The notice of `facts` as a Party letter, dated in `tz`.
pub fn orientation_document(facts: &NoticeFacts, tz: Tz, lang: Lang) -> Document {
    let t = Tr(lang);
    let issuer = name_under(&facts.superior, &facts.issuer_name);
    let channels: Vec<&str> = (facts.channels.iter())
        .map(|c| Channel::from_code(c).map_or(c.as_str(), |c| c.label(lang)))
        .collect();
    let mut body = vec![Block::Paragraph(t.doc_orientation_opening(
        &facts.case_code,
        &facts.case_title,
        &issuer,
    ))];
    body.push(Block::Subheading(t.doc_orientation_messages().to_owned()));
    body.extend(
        (facts.messages.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block::Paragraph(l.to_owned())),
    );
    body.push(Block::Subheading(t.doc_orientation_channels().to_owned()));
    body.push(Block::Paragraph(channels.join(", ")));
    if !facts.audience.trim().is_empty() {
        body.push(Block::Subheading(t.doc_orientation_audience().to_owned()));
        body.push(Block::Paragraph(facts.audience.clone()));
    }
    if let Some(old) = &facts.replaces {
        body.push(Block::Paragraph(t.doc_orientation_replaces(old)));
    }
    body.push(Block::Paragraph(t.doc_orientation_ask().to_owned()));
    Document {
        layout: Layout::Party,
        lang,
        superior: facts.superior.to_uppercase(),
        issuer: issuer.to_uppercase(),
        number: Number {
            seq: facts.number,
            kind: facts.kind.clone(),
            issuer: facts.issuer_code.clone(),
        },
        place: place_name(&facts.area_name),
        date: facts.issued_at.with_timezone(&tz).date_naive(),
        kind: String::new(),
        subject: t.doc_orientation_subject(&facts.case_code),
        addressees: facts.recipients.clone(),
        body,
        recipients: vec![
            t.doc_as_above().to_owned(),
            t.doc_to_superior(&facts.superior),
        ],
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
