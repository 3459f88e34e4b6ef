//! The monthly opinion bulletin e-mailed to the leaders (SPEC §16): from
//! the configured day of each month, every leader not yet sent it gets the
//! bulletin of the month before over the areas they see, compiled when it
//! is enqueued (it numbers the board's report then, as a download would)
//! and written into the payload as headed sections of sentences, so that
//! the e-mail says what the document says, without its tables.

use chrono::{DateTime, Utc};
use documents::Block;
use serde::{Deserialize, Serialize};
use store::bulletins::BulletinOf;
use store::reports::Reader;
use workflow::Lang;

use crate::{Error, Scheduler};

/// A bulletin's payload and the e-mail's context.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct BulletinPayload {
    /// The month in words, `11/2026`.
    pub month: String,
    /// The month's code, `2026-11`, for the link.
    pub month_code: String,
    /// The area it covers.
    pub area: String,
    /// The reader's name.
    pub name: String,
    /// Its sections, each a heading and its sentences.
    pub sections: Vec<Section>,
}

/// One section of the bulletin.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

/// The e-mail: the payload, the reader's language and the page's link.
#[derive(Debug, Clone)]
pub(crate) struct BulletinMail {
    pub lang: Lang,
    pub bulletin: BulletinPayload,
    pub link: String,
}

impl std::ops::Deref for BulletinMail {
    type Target = BulletinPayload;
    fn deref(&self) -> &BulletinPayload {
        &self.bulletin
    }
}

/// The sections of a bulletin's body: a heading opens one; paragraphs
/// are its lines; tables and the parts left to write stay in the document.
fn sections(body: Vec<Block>) -> Vec<Section> {
    let mut out: Vec<Section> = vec![Section {
        heading: String::new(),
        lines: Vec::new(),
    }];
    for block in body {
        match block {
            Block::Heading(heading) | Block::Subheading(heading) => out.push(Section {
                heading,
                lines: Vec::new(),
            }),
            Block::Paragraph(line) => {
                if let Some(last) = out.last_mut() {
                    last.lines.push(line);
                }
            }
            Block::ToWrite(_) | Block::Table(_) => {}
        }
    }
    out.retain(|s| !s.lines.is_empty());
    out
}

/// Enqueues the bulletin of the month due at `as_of` (`workflow::bulletin_due`)
/// to every leader not yet sent it. Returns how many were enqueued.
pub(crate) async fn enqueue_bulletins(s: &Scheduler, as_of: DateTime<Utc>) -> Result<u64, Error> {
    let calendar = &s.rules.calendar;
    let local = as_of.with_timezone(&calendar.time_zone()).naive_local();
    let Some(month) = workflow::bulletin_due(local, s.bulletin_day, s.rules.duty.send_hour) else {
        return Ok(0);
    };
    if s.store.bulletin_month_quiet(month, calendar).await? {
        return Ok(0);
    }
    let mut enqueued = 0;
    for reader in s.store.bulletin_readers(month).await? {
        let lang = if reader.lang == "en" {
            Lang::En
        } else {
            Lang::Vi
        };
        let of = BulletinOf {
            reader: Reader::User(reader.user),
            month,
            area: None,
            lang,
            issued: true,
        };
        let bulletin = match s.store.bulletin(of, calendar, as_of).await {
            Ok(bulletin) => bulletin,
            Err(err) => {
                // One leader's bulletin failing (no board above their area)
                // does not keep the others' from going.
                tracing::error!(user = reader.user.0, error = %err, "bulletin not compiled");
                continue;
            }
        };
        let payload = BulletinPayload {
            month: report::bulletin_month_words(&bulletin),
            month_code: month.to_string(),
            area: bulletin.area_name.clone(),
            name: reader.name.clone(),
            sections: sections(report::bulletin_body(&bulletin, lang)),
        };
        let payload = serde_json::to_value(&payload)
            .map_err(|err| Error::Config(format!("bulletin payload: {err}")))?;
        if s.store.enqueue_bulletin(&reader, payload, as_of).await? {
            enqueued += 1;
        }
    }
    Ok(enqueued)
}
