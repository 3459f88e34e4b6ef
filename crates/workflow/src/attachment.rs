//! Attachments of a case (SPEC §6.2, §9): who may add one, which kinds of
//! file are accepted (judged on the type sniffed from the content, never on
//! the name the client sent), and how an uploaded file name is made safe.

use crate::rules::is_involved;
use crate::{Actor, Case, Refusal, Role};

#[cfg(test)]
mod tests;

/// The kinds of file a case may carry: photos, PDF and office documents,
/// as MIME types (what content sniffing answers) with the usual extension.
pub const ACCEPTED_TYPES: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/webp", "webp"),
    ("image/heif", "heic"),
    ("image/heic", "heic"),
    ("application/pdf", "pdf"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
    ),
    ("application/vnd.oasis.opendocument.text", "odt"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ("application/vnd.oasis.opendocument.presentation", "odp"),
    ("application/msword", "doc"),
    ("application/vnd.ms-excel", "xls"),
    ("application/vnd.ms-powerpoint", "ppt"),
];

/// The most files one request may carry (a report with its photos, an
/// answer with its documents): a phone's handful of photos, and a bound on
/// what one request may write to disk.
pub const MAX_FILES_PER_REQUEST: usize = 10;

/// The longest file name kept, in characters (the extension is kept).
pub const MAX_FILE_NAME_CHARS: usize = 160;

/// Whether `actor` may add a file to `case`: its reporter, and those who
/// work on it — the board and leaders with jurisdiction, liaisons of the
/// lead and coordinating units (who may comment or answer) — while the case
/// is open. The caller must have checked [`crate::can_view`] first: a case
/// one may not open does not exist (404), which is not a refusal.
pub fn check_attachment(actor: &Actor, case: &Case) -> Result<(), Refusal> {
    let jurisdiction = actor.unit.has_jurisdiction_over(&case.area);
    let may = actor.user == case.reporter
        || match actor.role {
            Role::BoardOfficer | Role::Leader => jurisdiction,
            Role::AgencyLiaison => is_involved(actor, case),
            Role::Reporter | Role::Admin => false,
        };
    if !may {
        return Err(Refusal::AttachmentNotAllowed);
    }
    if !case.state.is_open() {
        return Err(Refusal::AttachmentCaseFinished { state: case.state });
    }
    Ok(())
}

/// The accepted MIME type of a file whose content was sniffed as `sniffed`
/// (`None`: no known signature), or the refusal naming the field `file`.
pub fn check_attachment_type(sniffed: Option<&str>) -> Result<&'static str, Refusal> {
    sniffed
        .and_then(|mime| {
            ACCEPTED_TYPES
                .iter()
                .find(|(accepted, _)| *accepted == mime)
        })
        .map(|(mime, _)| *mime)
        .ok_or_else(|| Refusal::UnsupportedFileType {
            sniffed: sniffed.map(str::to_owned),
        })
}

/// A file name safe to store and to send back in `Content-Disposition`:
/// the last component of any path (`/` or `\`), no control or bidi
/// override characters, none of `<>:"|?*`, no leading dots or spaces, at
/// most [`MAX_FILE_NAME_CHARS`] characters with the extension kept. An
/// empty result becomes `tep-dinh-kem.<ext>` from the sniffed type.
pub fn sanitise_file_name(name: &str, mime: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_format_override(*c))
        .map(|c| if r#"<>:"|?*"#.contains(c) { '_' } else { c })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let name = shorten(trimmed);
    if name.is_empty() {
        let ext = ACCEPTED_TYPES
            .iter()
            .find(|(accepted, _)| *accepted == mime)
            .map_or("bin", |(_, ext)| ext);
        return format!("tep-dinh-kem.{ext}");
    }
    name
}

/// Invisible characters that reorder or hide text (a name shown as
/// `report.pdf` that is really `…fdp.exe`).
fn is_format_override(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Cuts a long name in the middle of its stem so that the extension stays.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_FILE_NAME_CHARS {
        return name.to_owned();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 10 => (stem, ext),
        _ => (name, ""),
    };
    let keep = MAX_FILE_NAME_CHARS - ext.chars().count() - usize::from(!ext.is_empty());
    let stem: String = stem.chars().take(keep).collect();
    let stem = stem.trim_end();
    if ext.is_empty() {
        stem.to_owned()
    } else {
        format!("{stem}.{ext}")
    }
}
