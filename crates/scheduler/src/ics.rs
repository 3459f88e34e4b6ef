//! The calendar entry of a meeting invitation (SPEC §11): an iCalendar
//! (RFC 5545) `VCALENDAR` with `METHOD:REQUEST` and one `VEVENT`, which
//! Outlook, Thunderbird and phone calendars offer to add or accept.
//!
//! Written here rather than with a crate: the whole format needed is a
//! dozen properties, and what matters — folding at 75 octets without
//! cutting a Vietnamese letter in two, CRLF, escaping of `\`, `;`, `,` and
//! line breaks — is tested below and by the black-box test, which reads
//! the entry with Python's `icalendar`.
//!
//! Times are written in UTC (`DTSTART:20261207T020000Z`), not with
//! `TZID=Asia/Ho_Chi_Minh`: every client reads a UTC time and shows it in
//! the reader's own zone, while a `TZID` needs a `VTIMEZONE` block that
//! Outlook matches against its own zone list by name and some phone
//! clients ignore. Vietnam keeps no daylight saving time, so nothing a
//! zone rule would add is lost.

use chrono::{DateTime, Utc};

/// A person or unit of the entry: its name and address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The name a calendar shows (`CN`).
    pub name: String,
    /// The e-mail address.
    pub email: String,
}

/// One meeting as a calendar entry, without its organizer: the mailer
/// names itself as that when it sends the invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// Stable per meeting, so a later update replaces the entry.
    pub uid: String,
    /// Raised by each update of the meeting; 0 at first.
    pub sequence: u32,
    /// When the invitation was written.
    pub stamp: DateTime<Utc>,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// The title.
    pub summary: String,
    /// The place.
    pub location: String,
    /// The agenda and the case's address.
    pub description: String,
    /// Every invited address, each an `ATTENDEE`.
    pub attendees: Vec<Party>,
}

/// The longest line, in octets, before the CRLF (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

impl Invitation {
    /// The `text/calendar` body of a `REQUEST` from `organizer`, lines
    /// folded and ended with CRLF.
    pub fn request(&self, organizer: &Party) -> String {
        let mut out = String::new();
        let mut line = |text: String| fold_into(&mut out, &text);
        line("BEGIN:VCALENDAR".into());
        line("VERSION:2.0".into());
        line("PRODID:-//noicom//noicom//VI".into());
        line("CALSCALE:GREGORIAN".into());
        line("METHOD:REQUEST".into());
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", text(&self.uid)));
        line(format!("SEQUENCE:{}", self.sequence));
        line(format!("DTSTAMP:{}", utc(self.stamp)));
        line(format!("DTSTART:{}", utc(self.starts_at)));
        line(format!("DTEND:{}", utc(self.ends_at)));
        line(format!("SUMMARY:{}", text(&self.summary)));
        line(format!("LOCATION:{}", text(&self.location)));
        line(format!("DESCRIPTION:{}", text(&self.description)));
        line(format!(
            "ORGANIZER;CN={}:mailto:{}",
            param(&organizer.name),
            organizer.email
        ));
        for party in &self.attendees {
            line(format!(
                "ATTENDEE;CN={};CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{}",
                param(&party.name),
                party.email
            ));
        }
        line("STATUS:CONFIRMED".into());
        line("TRANSP:OPAQUE".into());
        line("END:VEVENT".into());
        line("END:VCALENDAR".into());
        out
    }
}

/// A UTC time as a DATE-TIME value (`20261207T020000Z`).
fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma
/// escaped, a line break written `\n`, other control characters dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (`CN=…`): quoted, since a name holds commas and
/// spaces; a double quote cannot be written inside one, so it is dropped,
/// as are control characters.
fn param(value: &str) -> String {
    let kept: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{kept}\"")
}

/// Appends `line` folded at [`LINE_OCTETS`] octets (a continuation line
/// starts with one space, which counts), never inside a UTF-8 sequence,
/// each piece ended with CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut room = LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > room {
            out.push_str("\r\n ");
            // The leading space takes one octet of the next line.
            room = LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
