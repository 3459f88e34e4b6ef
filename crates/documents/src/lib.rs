//! Official documents of noicom (SPEC §15), laid out as the people who
//! sign them expect: A4, Times New Roman, the issuing body top left with
//! the number under it, the motto top right with the place and date in
//! words, the kind and subject centred, the body, *Nơi nhận:* bottom left
//! and the signature block bottom right. A Party body (the board) follows
//! Hướng dẫn 36-HD/VPTW, a State body Nghị định 30/2020/NĐ-CP; the two
//! differ in the motto, how the number reads and small typographic rules.
//!
//! A [`Document`] is built by whoever owns the facts (the annual report,
//! an orientation notice, a conclusion, a bulletin) and written here as
//! DOCX ([`to_docx`]) or printable HTML ([`to_html`]).

mod date_words;
mod docx;
mod html;

use catalogue::{Lang, Tr};
use chrono::NaiveDate;
use thiserror::Error;

pub use date_words::{date_line, day_number, month_number};
pub use docx::to_docx;
pub use html::to_html;

/// Why a document could not be written.
#[derive(Debug, Error)]
pub enum DocumentError {
    /// The DOCX package could not be written.
    #[error("không tạo được tệp DOCX: {0}")]
    Docx(String),
    /// The HTML template failed.
    #[error("không tạo được trang in: {0}")]
    Html(#[from] askama::Error),
}

/// Which rules a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Hướng dẫn 36-HD/VPTW: a Party body (the board, a party committee).
    Party,
    /// Nghị định 30/2020/NĐ-CP: a State body.
    State,
}

/// The number of a document in its issuer's register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Its number in the register (per issuer, kind and year).
    pub seq: i64,
    /// The kind's abbreviation: `BC` (báo cáo), `CV` (công văn), `TB`
    /// (thông báo), `KL` (kết luận).
    pub kind: String,
    /// The issuer's abbreviation, e.g. `BTGDVTU`.
    pub issuer: String,
}

impl Number {
    /// How the number line reads in `layout`: `Số 12-BC/BTGDVTU` (Party),
    /// `Số: 12/BC-UBND` (State).
    pub fn line(&self, layout: Layout, lang: Lang) -> String {
        let t = Tr(lang);
        match layout {
            Layout::Party => t.doc_party_number(self.seq, &self.kind, &self.issuer),
            Layout::State => t.doc_state_number(self.seq, &self.kind, &self.issuer),
        }
    }
}

/// Who signs, from the signer's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The collective the signer signs for (`BAN TUYÊN GIÁO VÀ DÂN VẬN`),
    /// written `T/M …` above the title; `None` when the head signs in
    /// their own name.
    pub on_behalf_of: Option<String>,
    /// The signer's title (`TRƯỞNG BAN`, `PHÓ TRƯỞNG BAN`).
    pub title: String,
    /// The signer's name.
    pub name: String,
}

/// A table of figures: a heading row, then rows; `numeric` columns are
/// right-aligned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Its caption above it.
    pub caption: String,
    /// The heading row.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers.
    pub numeric: Vec<bool>,
}

impl Table {
    /// Whether `column` holds numbers (right-aligned). Takes the index as
    /// a template's loop gives it, by value or by reference.
    pub fn is_numeric(&self, column: impl std::borrow::Borrow<usize>) -> bool {
        self.numeric.get(*column.borrow()).copied().unwrap_or(false)
    }
}

/// One piece of the body, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered section heading (`I. KẾT QUẢ …`), bold.
    Heading(String),
    /// A sub-heading (`1. …`), bold.
    Subheading(String),
    /// A paragraph of text, justified, first line indented.
    Paragraph(String),
    /// Where the official writes the narrative: an italic hint in brackets.
    ToWrite(String),
    /// A table of figures.
    Table(Table),
}

/// An official document, ready to be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Party or State rules.
    pub layout: Layout,
    /// The language of its fixed words (the documents officials sign are
    /// Vietnamese).
    pub lang: Lang,
    /// The body above the issuer (`TỈNH ỦY NINH BÌNH`), upper case.
    pub superior: String,
    /// The issuing body (`BAN TUYÊN GIÁO VÀ DÂN VẬN`), upper case.
    pub issuer: String,
    /// Its number in the register.
    pub number: Number,
    /// The place named in the date line (`Ninh Bình`).
    pub place: String,
    /// The signing date.
    pub date: NaiveDate,
    /// The kind, upper case (`BÁO CÁO`, `THÔNG BÁO`), printed as a title
    /// over the subject; empty for a letter (*công văn*), whose subject is
    /// printed `V/v …` under its number instead.
    pub kind: String,
    /// What it is about.
    pub subject: String,
    /// A letter's addressees (*Kính gửi*); none for a titled document.
    pub addressees: Vec<String>,
    /// The body.
    pub body: Vec<Block>,
    /// *Nơi nhận:* one line each, without the final "Lưu" line, which is
    /// added.
    pub recipients: Vec<String>,
    /// Who signs.
    pub signature: Signature,
}

impl Document {
    /// The number line as printed under the issuer.
    pub fn number_line(&self) -> String {
        self.number.line(self.layout, self.lang)
    }

    /// The issuer's name as printed: on two balanced lines when it is too
    /// long for its column ("BAN TUYÊN GIÁO" / "VÀ DÂN VẬN"), as clerks
    /// break it, rather than wherever the column ends.
    pub fn issuer_lines(&self) -> Vec<String> {
        balanced_lines(&self.issuer, ISSUER_LINE)
    }

    /// Whether it is a letter (*công văn*): no title, `V/v` under the
    /// number, *Kính gửi* above the body.
    pub fn is_letter(&self) -> bool {
        self.kind.trim().is_empty()
    }

    /// A letter's subject line under its number.
    pub fn about_line(&self) -> String {
        Tr(self.lang).doc_about(&self.subject)
    }

    /// The *Kính gửi* lines of a letter: one addressee on the heading's
    /// line, several each on a line of their own after a dash.
    pub fn addressee_lines(&self) -> Vec<String> {
        let t = Tr(self.lang);
        match self.addressees.as_slice() {
            [] => Vec::new(),
            [one] => vec![t.doc_to_one(one)],
            many => std::iter::once(t.doc_to().to_owned())
                .chain(many.iter().map(|a| format!("- {a};")))
                .collect(),
        }
    }

    /// The place and date line as printed under the motto.
    pub fn date_line(&self) -> String {
        date_line(&self.place, self.date, self.lang)
    }

    /// The motto lines top right: one for a Party body, two for a State
    /// body.
    pub fn motto(&self) -> Vec<&'static str> {
        let t = Tr(self.lang);
        match self.layout {
            Layout::Party => vec![t.doc_party_motto()],
            Layout::State => vec![t.doc_state_motto(), t.doc_state_motto_second()],
        }
    }

    /// The *Nơi nhận* lines, each after a dash, the last one "Lưu …".
    pub fn recipient_lines(&self) -> Vec<String> {
        let t = Tr(self.lang);
        // Each line ends with a comma and the "Lưu" line with a full stop,
        // as both rules write them.
        let mut lines: Vec<String> = self.recipients.iter().map(|r| format!("- {r},")).collect();
        lines.push(format!("- {}", t.doc_filed()));
        lines
    }

    /// The signature block's lines above the blank space: `T/M …`, then the
    /// title.
    pub fn signature_head(&self) -> Vec<String> {
        let t = Tr(self.lang);
        let mut lines = Vec::new();
        if let Some(body) = &self.signature.on_behalf_of {
            lines.push(t.doc_on_behalf(body));
        }
        lines.push(self.signature.title.clone());
        lines
    }
}

/// The place a date line names: an area's name without its level
/// ("Tỉnh Ninh Bình" → "Ninh Bình", "Phường Ba Đình" → "Ba Đình").
pub fn place_name(area_name: &str) -> String {
    const LEVELS: [&str; 6] = [
        "Thành phố ",
        "Thị trấn ",
        "Đặc khu ",
        "Tỉnh ",
        "Phường ",
        "Xã ",
    ];
    let name = area_name.trim();
    LEVELS
        .iter()
        .find_map(|level| name.strip_prefix(level))
        .unwrap_or(name)
        .to_owned()
}

/// The issuer's name as its letterhead prints it under its superior:
/// without the words that name the superior again ("Ban Tuyên giáo và
/// Dân vận Tỉnh ủy Ninh Bình" or "… Thành ủy" under "Thành ủy Hà Nội" is
/// "Ban Tuyên giáo và Dân vận"), which the line above already says. The
/// words cut are the issuer's last two or more, when the superior's name
/// begins with them.
pub fn name_under(superior: &str, issuer: &str) -> String {
    let words: Vec<&str> = issuer.split_whitespace().collect();
    let above: Vec<String> = superior.split_whitespace().map(str::to_lowercase).collect();
    for cut in (2..words.len()).rev() {
        let tail = &words[words.len() - cut..];
        let same = tail.len() <= above.len()
            && tail.iter().zip(&above).all(|(w, a)| w.to_lowercase() == *a);
        if same {
            return words[..words.len() - cut].join(" ");
        }
    }
    words.join(" ")
}

/// A number as Vietnamese documents write it: a decimal comma
/// (`5,0`), one decimal.
pub fn decimal(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// The most characters of the issuer's name on one line of its column.
const ISSUER_LINE: usize = 22;

/// `text` on one line when it has at most `max` characters, else on two,
/// broken at the space nearest the middle.
fn balanced_lines(text: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return vec![text.to_owned()];
    }
    let middle = chars.len() / 2;
    let Some(split) = (0..chars.len())
        .filter(|&i| chars[i] == ' ')
        .min_by_key(|&i| i.abs_diff(middle))
    else {
        return vec![text.to_owned()];
    };
    vec![
        chars[..split].iter().collect(),
        chars[split + 1..].iter().collect(),
    ]
}

#[cfg(test)]
mod tests;
