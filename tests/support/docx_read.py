"""Opens a DOCX with Python's `python-docx` (as another program reading the
document would) and prints what the tests check, as JSON: the page size
and margins in millimetres, the fonts used, every paragraph's text in
order (the header and signature tables' cells included, cell by cell),
and every table as rows of cell texts.

Usage: python docx_read.py FILE.docx
"""

import json
import sys

import docx


def cell_paragraphs(table):
    out = []
    for row in table.rows:
        for cell in row.cells:
            out.extend(p.text for p in cell.paragraphs)
    return out


def main():
    document = docx.Document(sys.argv[1])
    section = document.sections[0]
    body = document.element.body
    paragraphs = []
    tables = []
    fonts = set()
    # Walk the body in order: a paragraph, or a table (its cells' text).
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs.append(docx.text.paragraph.Paragraph(child, document).text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            paragraphs.extend(cell_paragraphs(table))
            tables.append([[cell.text for cell in row.cells] for row in table.rows])
    for run in document.element.body.iter(docx.oxml.ns.qn("w:rFonts")):
        ascii_font = run.get(docx.oxml.ns.qn("w:ascii"))
        if ascii_font:
            fonts.add(ascii_font)
    print(json.dumps({
        "page_mm": [round(section.page_width.mm), round(section.page_height.mm)],
        "margins_mm": [round(section.top_margin.mm), round(section.right_margin.mm),
                       round(section.bottom_margin.mm), round(section.left_margin.mm)],
        "fonts": sorted(fonts),
        "paragraphs": paragraphs,
        "tables": tables,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
