//! A [`Document`] as DOCX, with `docx-rs`: A4 portrait, margins of
//! 20 mm top and bottom, 30 mm left (the binding) and 15 mm right, Times
//! New Roman throughout. The header and the signature are borderless
//! two-column tables, as clerks lay them out in Word, so that each block
//! stays in its column however long the names are.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table as DocxTable, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::{Block, Document, DocumentError, Layout, Table};

const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// 20 mm, 30 mm and 15 mm in twips.
const MM20: i32 = 1_134;
const MM30: i32 = 1_701;
const MM15: i32 = 851;
/// The width between the margins.
const TEXT_WIDTH: usize = 11_906 - 1_701 - 851;
/// One centimetre, the first-line indent of a paragraph.
const INDENT: i32 = 567;

/// Font sizes in half-points, as each rule sets them.
struct Sizes {
    /// Superior body, issuer, number.
    header: usize,
    /// The motto's first line.
    motto: usize,
    /// The kind (`BÁO CÁO`).
    kind: usize,
    /// Subject, body, signature.
    body: usize,
    /// *Nơi nhận* lines and tables.
    small: usize,
    /// The header's left column, in twips: the date line on the right
    /// must fit on one line (the issuer's name may take two).
    left: usize,
    /// The signature's left column: "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN" must
    /// fit on one line on the right.
    sign_left: usize,
}

fn sizes(layout: Layout) -> Sizes {
    match layout {
        // Hướng dẫn 36: names 14, the motto 15 bold underlined, the kind 16.
        Layout::Party => Sizes {
            header: 28,
            motto: 30,
            kind: 32,
            body: 28,
            small: 24,
            left: 4_300,
            sign_left: 3_800,
        },
        // Nghị định 30: names 13, the motto's first line 12, the kind 14,
        // recipients 11.
        Layout::State => Sizes {
            header: 26,
            motto: 24,
            kind: 28,
            body: 28,
            small: 22,
            left: 3_900,
            sign_left: 3_800,
        },
    }
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(fonts())
}

/// A paragraph with no space around it.
fn line(run: Run, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run)
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

fn blank() -> Paragraph {
    line(run("", 24), AlignmentType::Left)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
}

fn columns(left: Vec<Paragraph>, right: Vec<Paragraph>, left_width: usize) -> DocxTable {
    let right_width = TEXT_WIDTH - left_width;
    DocxTable::without_borders(vec![TableRow::new(vec![
        cell(left, left_width),
        cell(right, right_width),
    ])])
    .set_grid(vec![left_width, right_width])
    .layout(TableLayoutType::Fixed)
    .width(TEXT_WIDTH, WidthType::Dxa)
}

fn header(doc: &Document, s: &Sizes) -> DocxTable {
    use AlignmentType::Center;
    let mut left = vec![line(run(&doc.superior, s.header), Center)];
    left.extend(
        doc.issuer_lines()
            .iter()
            .map(|l| line(run(l, s.header).bold(), Center)),
    );
    match doc.layout {
        // The Party's rule puts a star under the issuer.
        Layout::Party => left.push(line(run("*", s.header), Center)),
        // The State's a short rule line under the issuer.
        Layout::State => left.push(line(run("────────", s.header), Center)),
    }
    left.push(line(run(&doc.number_line(), s.header), Center));
    if doc.is_letter() {
        left.push(line(run(&doc.about_line(), s.small).italic(), Center));
    }
    let motto = doc.motto();
    let mut right = Vec::new();
    for (i, words) in motto.iter().enumerate() {
        let mut r = run(words, if i == 0 { s.motto } else { s.body }).bold();
        // The motto's last line is underlined in both rules.
        if i + 1 == motto.len() {
            r = r.underline("single");
        }
        right.push(line(r, Center));
    }
    right.push(blank());
    right.push(line(run(&doc.date_line(), s.body).italic(), Center));
    columns(left, right, s.left)
}

fn title(doc: &Document, s: &Sizes) -> Vec<Paragraph> {
    use AlignmentType::Center;
    if doc.is_letter() {
        let lines = doc.addressee_lines();
        let single = lines.len() == 1;
        let mut out = vec![blank()];
        for (i, l) in lines.iter().enumerate() {
            // "Kính gửi:" centred; the addressees under it, indented.
            let p = if single || i == 0 {
                line(run(l, s.body), Center)
            } else {
                line(run(l, s.body), AlignmentType::Left).indent(Some(INDENT * 4), None, None, None)
            };
            out.push(p);
        }
        out.push(blank());
        return out;
    }
    vec![
        blank(),
        line(run(&doc.kind, s.kind).bold(), Center),
        line(run(&doc.subject, s.body).bold(), Center),
        line(run("-----", s.body), Center),
        blank(),
    ]
}

fn paragraph(text: &str, s: &Sizes) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, s.body))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(LineSpacing::new().before(0).after(120))
}

fn heading(text: &str, s: &Sizes) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, s.body).bold())
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(LineSpacing::new().before(120).after(120))
        .keep_next(true)
}

/// Adds a table of figures under its caption.
fn figures(docx: Docx, table: &Table, s: &Sizes) -> Docx {
    let columns = table.header.len().max(1);
    // The first column holds the labels; the rest share what is left.
    let first = if columns == 1 {
        TEXT_WIDTH
    } else {
        TEXT_WIDTH * 2 / 5
    };
    let other = (TEXT_WIDTH - first) / (columns - 1).max(1);
    let widths: Vec<usize> = (0..columns)
        .map(|i| if i == 0 { first } else { other })
        .collect();
    let mut rows = vec![TableRow::new(
        (table.header.iter().zip(&widths))
            .map(|(h, w)| {
                cell(
                    vec![line(run(h, s.small).bold(), AlignmentType::Center)],
                    *w,
                )
            })
            .collect(),
    )];
    for row in &table.rows {
        rows.push(TableRow::new(
            (row.iter().enumerate().zip(&widths))
                .map(|((i, value), w)| {
                    let align = if table.is_numeric(i) {
                        AlignmentType::Right
                    } else {
                        AlignmentType::Left
                    };
                    cell(vec![line(run(value, s.small), align)], *w)
                })
                .collect(),
        ));
    }
    docx.add_paragraph(
        line(run(&table.caption, s.body).italic(), AlignmentType::Left)
            .line_spacing(LineSpacing::new().before(120).after(60))
            .keep_next(true),
    )
    .add_table(
        DocxTable::new(rows)
            .set_grid(widths)
            .layout(TableLayoutType::Fixed)
            .width(TEXT_WIDTH, WidthType::Dxa),
    )
    .add_paragraph(blank())
}

fn signature(doc: &Document, s: &Sizes) -> DocxTable {
    use AlignmentType::{Center, Left};
    let heading = match doc.layout {
        // Hướng dẫn 36: "Nơi nhận:" underlined, the size of the body.
        Layout::Party => run(catalogue::Tr(doc.lang).doc_recipients(), s.body).underline("single"),
        // Nghị định 30: bold italic, 12.
        Layout::State => run(catalogue::Tr(doc.lang).doc_recipients(), 24)
            .bold()
            .italic(),
    };
    let mut left = vec![line(heading, Left)];
    left.extend(
        doc.recipient_lines()
            .iter()
            .map(|l| line(run(l, s.small), Left)),
    );
    let mut right: Vec<Paragraph> = doc
        .signature_head()
        .iter()
        .map(|l| line(run(l, s.body).bold(), Center))
        .collect();
    // Room for the hand signature and the seal.
    right.extend((0..4).map(|_| blank()));
    right.push(line(run(&doc.signature.name, s.body).bold(), Center));
    columns(left, right, s.sign_left)
}

/// The document as the bytes of a `.docx` file.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, DocumentError> {
    let s = sizes(doc.layout);
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MM20)
                .bottom(MM20)
                .left(MM30)
                .right(MM15),
        )
        .default_fonts(fonts())
        .default_size(s.body)
        .add_table(header(doc, &s));
    for p in title(doc, &s) {
        docx = docx.add_paragraph(p);
    }
    for block in &doc.body {
        docx = match block {
            Block::Heading(text) | Block::Subheading(text) => docx.add_paragraph(heading(text, &s)),
            Block::Paragraph(text) => docx.add_paragraph(paragraph(text, &s)),
            Block::ToWrite(what) => docx.add_paragraph(
                Paragraph::new()
                    .add_run(
                        run(&catalogue::Tr(doc.lang).doc_to_write(what), s.body)
                            .italic()
                            .color("595959"),
                    )
                    .align(AlignmentType::Both)
                    .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
                    .line_spacing(LineSpacing::new().before(0).after(120)),
            ),
            Block::Table(table) => figures(docx, table, &s),
        };
    }
    docx = docx.add_paragraph(blank()).add_table(signature(doc, &s));
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok(bytes.into_inner())
}
