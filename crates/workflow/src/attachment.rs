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

/// Other spellings of an accepted type's extension that a name may keep
/// (a phone names its photos `IMG_0001.JPEG`).
const OTHER_EXTENSIONS: &[(&str, &str)] = &[
    ("image/jpeg", "jpeg"),
    ("image/heif", "heif"),
    ("image/heic", "heif"),
];

/// The longest part after the last dot taken for an extension.
const MAX_EXTENSION_CHARS: usize = 10;

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
/// most [`MAX_FILE_NAME_CHARS`] characters, and the extension of `mime`,
/// the type sniffed from the content (SPEC §9): a name's own extension is
/// kept only when it is one of that type's (`IMG_1.JPG` for a JPEG),
/// otherwise it is replaced (`a.html` holding a PDF is `a.pdf`) — unless
/// the stem already ends with the right one (`x.png.exe` holding a PNG is
/// `x.png`, not `x.png.png`). An empty result becomes `tep-dinh-kem.<ext>`.
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
    let ext = extension_of(mime);
    if trimmed.is_empty() {
        return format!("tep-dinh-kem.{ext}");
    }
    let fits = |name: &str| split_extension(name).is_some_and(|(_, e)| is_extension_of(e, mime));
    let named = if fits(trimmed) {
        trimmed.to_owned()
    } else {
        match split_extension(trimmed) {
            Some((stem, _)) if fits(stem) => stem.to_owned(),
            Some((stem, _)) => format!("{}.{ext}", stem.trim_end()),
            None => format!("{trimmed}.{ext}"),
        }
    };
    shorten(&named)
}

/// The usual extension of an accepted type; `bin` for any other (the
/// caller checked the type first, [`check_attachment_type`]).
fn extension_of(mime: &str) -> &'static str {
    ACCEPTED_TYPES
        .iter()
        .find(|(accepted, _)| *accepted == mime)
        .map_or("bin", |(_, ext)| ext)
}

/// Whether `ext` (any case) is an extension of the type `mime`.
fn is_extension_of(ext: &str, mime: &str) -> bool {
    ACCEPTED_TYPES
        .iter()
        .chain(OTHER_EXTENSIONS)
        .any(|(m, e)| *m == mime && e.eq_ignore_ascii_case(ext))
}

/// The stem and the extension of `name`, if the part after its last dot
/// looks like one: up to [`MAX_EXTENSION_CHARS`] ASCII letters and digits,
/// at least one a letter — so that `Quyết định số 12.2026` or `v1.2 bản
/// cuối` keep their dot as part of the name.
fn split_extension(name: &str) -> Option<(&str, &str)> {
    let (stem, ext) = name.rsplit_once('.')?;
    let looks_like_one = !stem.is_empty()
        && (1..=MAX_EXTENSION_CHARS).contains(&ext.len())
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && ext.bytes().any(|b| b.is_ascii_alphabetic());
    looks_like_one.then_some((stem, ext))
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
    let (stem, ext) = split_extension(name).unwrap_or((name, ""));
    let keep = MAX_FILE_NAME_CHARS - ext.chars().count() - usize::from(!ext.is_empty());
    let stem: String = stem.chars().take(keep).collect();
    let stem = stem.trim_end();
    if ext.is_empty() {
        stem.to_owned()
    } else {
        format!("{stem}.{ext}")
    }
}
