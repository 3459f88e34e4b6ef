//! Sending one e-mail with lettre over a pooled async SMTP transport
//! (plain, STARTTLS or TLS as the URL says). The Message-ID is derived
//! from the outbox row, so a resend after a crash carries the same id and
//! a receiver can recognise the duplicate.

use lettre::message::header::ContentType;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::Error;
use crate::ics::Party;
use crate::mail::Rendered;

/// The SMTP connection pool and the sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    domain: String,
}

impl std::fmt::Debug for Mailer {
    // The transport holds the credentials of the URL: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// `X-Noicom-Kind`: the outbox kind, for mail filters.
#[derive(Debug, Clone)]
struct NoicomKind(String);

impl Header for NoicomKind {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Noicom-Kind")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(NoicomKind(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

impl Mailer {
    /// A mailer for the lettre URL `url` (`smtp://host:port`,
    /// `smtp://host:587?tls=required`, `smtps://user:pass@host`) sending as
    /// `from` (`name <address>`). Connects lazily, at the first send.
    pub fn new(url: &str, from: &str) -> Result<Mailer, Error> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            // lettre's error names the problem, not the URL's secrets.
            .map_err(|e| Error::Config(format!("smtp.url: {e}")))?
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| Error::Config(format!("smtp.from «{from}»: {e}")))?;
        let domain = from.email.domain().to_owned();
        Ok(Mailer {
            transport,
            from,
            domain,
        })
    }

    /// Whether the SMTP server takes a connection and answers within
    /// `wait`: for telling a person at start-up, never for deciding a
    /// delivery (the dispatcher tries, and retries, regardless).
    pub async fn answers(&self, wait: std::time::Duration) -> bool {
        matches!(
            tokio::time::timeout(wait, self.transport.test_connection()).await,
            Ok(Ok(true))
        )
    }

    /// The parts of `mail`: text and HTML as alternatives; a meeting
    /// invitation adds its calendar entry as a third alternative
    /// (`text/calendar; method=REQUEST`, which Outlook and Thunderbird show
    /// with accept buttons) and again as an `invite.ics` attachment (which
    /// phone mail apps and webmail offer to add to the calendar) — the
    /// layout calendar servers themselves send.
    fn body(&self, mail: &Rendered) -> MultiPart {
        let Some(invitation) = &mail.calendar else {
            return MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone());
        };
        let organizer = Party {
            name: self
                .from
                .name
                .clone()
                .unwrap_or_else(|| "noicom".to_owned()),
            email: self.from.email.to_string(),
        };
        let ics = invitation.request(&organizer);
        let calendar = ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
            .expect("a valid content type");
        let attachment = ContentType::parse("application/ics; name=\"invite.ics\"")
            .expect("a valid content type");
        MultiPart::mixed()
            .multipart(
                MultiPart::alternative()
                    .singlepart(SinglePart::plain(mail.text.clone()))
                    .singlepart(SinglePart::html(mail.html.clone()))
                    .singlepart(SinglePart::builder().header(calendar).body(ics.clone())),
            )
            .singlepart(Attachment::new("invite.ics".to_owned()).body(ics, attachment))
    }

    /// Sends one rendered e-mail of outbox row `id` and `kind` to `to`.
    pub async fn send(&self, id: i64, kind: &str, to: &str, mail: &Rendered) -> Result<(), Error> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| Error::Address(format!("{to}: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<noicom.outbox.{id}@{}>", self.domain)))
            .date_now()
            .header(NoicomKind(kind.to_owned()))
            .multipart(self.body(mail))
            .map_err(|e| Error::Address(e.to_string()))?;
        self.transport
            .send(message)
            .await
            .map_err(|e| Error::Smtp(e.to_string()))?;
        Ok(())
    }
}
