//! The documents of a case as its page lists them: each file with its
//! size, when it came, and the action it came with (the written answer,
//! the resolution report, the report itself), linked to the API's
//! download, which applies the same visibility rule as the page.

use chrono_tz::Tz;
use store::StoredEvent;
use store::attachments::StoredAttachment;
use workflow::{ActionKind, Lang};

use super::layout::local_time;
use crate::thumbnails;

/// The name of the file inputs of the pages' forms (the API's part name).
pub(crate) const FILE: &str = "file";

/// One file of a case.
pub(crate) struct Document {
    /// Where to download it.
    pub href: String,
    /// The file's name.
    pub name: String,
    /// "1,2 MB", "350 KB".
    pub size: String,
    /// When it was added, local time.
    pub at: String,
    /// The action it came with, if any.
    pub with: Option<&'static str>,
    /// A photo's thumbnail and the page showing it whole; none for other
    /// files and for a photo whose thumbnail could not be made (the name
    /// still downloads it).
    pub photo: Option<Photo>,
}

/// The links of a photo among the documents.
pub(crate) struct Photo {
    /// Its thumbnail.
    pub thumb: String,
    /// The page showing it whole.
    pub view: String,
}

impl Document {
    /// The line of `a` on the case `case_code`, the action named from the
    /// case's `events`.
    pub(crate) fn new(
        a: StoredAttachment,
        case_code: &str,
        events: &[StoredEvent],
        lang: Lang,
        tz: Tz,
    ) -> Document {
        let with = a.event.and_then(|id| {
            events
                .iter()
                .find(|e| e.id == id)
                .and_then(|e| ActionKind::from_code(&e.action))
                .map(|kind| kind.label(lang))
        });
        let photo = (thumbnails::format_of(&a.content_type).is_some()
            && !thumbnails::failed(&a.sha256))
        .then(|| Photo {
            thumb: format!("/api/v1/attachments/{}/thumbnail", a.id),
            view: format!("/cases/{case_code}/photos/{}", a.id),
        });
        Document {
            href: format!("/api/v1/attachments/{}", a.id),
            photo,
            size: size(a.size, lang),
            at: local_time(a.uploaded_at, tz),
            name: a.file_name,
            with,
        }
    }
}

/// A size as people read it, with the language's decimal mark.
fn size(bytes: i64, lang: Lang) -> String {
    let kb = bytes as f64 / 1024.0;
    let text = if kb < 1024.0 {
        format!("{} KB", kb.ceil())
    } else {
        format!("{:.1} MB", kb / 1024.0)
    };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_the_languages_decimal_mark() {
        assert_eq!(size(350 * 1024, Lang::Vi), "350 KB");
        assert_eq!(size(1_258_291, Lang::Vi), "1,2 MB");
        assert_eq!(size(1_258_291, Lang::En), "1.2 MB");
        assert_eq!(size(10, Lang::En), "1 KB");
    }
}
