#!/usr/bin/env python3
"""Makes the Word documents the import tests read, the way Word writes them.

    make-word-docs.py OUTDIR [--seed FILE] [--many N]

python-docx writes the body, styles and pictures; what it cannot write (multi-level list
numbering, hyperlinks, reviewers' comments, tracked insertions and deletions, footnotes,
text boxes, fields) is written here as the OOXML Word itself writes. Pandoc never made
any of these files: a document pandoc wrote would be too clean to test the import.

OUTDIR receives:
  twitter-policy.docx      the seed policy (--seed, the school's plain text) as Word would
                           hold it: Title style, Heading 1 sections, real bulleted lists,
                           "Last Updated:" lines, Word's runs split mid-word
  anti-bullying.docx       a richer policy: three heading levels, numbered and nested lists,
                           a table, a link, bold and italic, a reviewer's comment, a tracked
                           insertion and deletion, a deleted paragraph, fake lists typed
                           with bullets and tabs, empty paragraphs, two pictures (one
                           without alt text), a text box, a footnote, a field, header and footer
  broken/truncated.docx    the seed document cut off half-way
  broken/not-word.docx     a PDF given a .docx name
  broken/password.docx     a password-protected document (an encrypted OLE container)
  broken/old-word.doc      a Word 97-2003 document (an OLE container with a WordDocument stream)
  many/policy-NN.docx      with --many N: N varied policies, for the benchmark
"""
import argparse
import copy
import pathlib
import random
import struct
import sys
import zlib

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = 'w:author="J Smith" w:date="2019-10-02T09:14:00Z"'
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


# ---------------------------------------------------------------- Word's own habits

def word_runs(paragraph, text, rng):
    """Adds `text` as Word does after some editing: split into several runs, a
    spell-check mark and the _GoBack bookmark between them. The words are unchanged."""
    if len(text) < 12 or rng is None:
        paragraph.add_run(text)
        return
    cuts = sorted(rng.sample(range(1, len(text) - 1), 2))
    pieces = [text[:cuts[0]], text[cuts[0]:cuts[1]], text[cuts[1]:]]
    paragraph.add_run(pieces[0])
    paragraph._p.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellStart"/>'))
    paragraph.add_run(pieces[1])
    paragraph._p.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellEnd"/>'))
    paragraph._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name="_GoBack"/>'))
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="0"/>'))
    paragraph.add_run(pieces[2])


BULLETS, NUMBERS = 90, 91   # numIds of the two list definitions below


def add_list_definitions(document):
    """Multi-level bulleted and numbered lists, as Word's list buttons define them."""
    def level(ilvl, fmt, text, font=None):
        rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>')
    bullets = "".join(level(i, "bullet", ["\u2022", "o", "\u25aa"][i % 3], ["Symbol", "Courier New", "Wingdings"][i % 3]) for i in range(9))
    numbers = "".join(level(i, ["decimal", "lowerLetter", "lowerRoman"][i % 3], f"%{i + 1}.") for i in range(9))
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for abstract_id, levels in ((BULLETS, bullets), (NUMBERS, numbers)):
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>')
        first_num.addprevious(abstract)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{abstract_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))


def list_item(document, text, num_id, level=0, rng=None):
    paragraph = document.add_paragraph(style="List Paragraph")
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    word_runs(paragraph, text, rng)
    return paragraph


def add_part(document, name, content_type, relationship, xml):
    part = Part(PackURI(name), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, relationship)


def hyperlink(document, paragraph, text, url):
    r_id = document.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
        f'<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr><w:t>{text}</w:t></w:r></w:hyperlink>'))


def run_xml(text, tag="w:t"):
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def png(width, height, colour):
    """A small PNG picture, made without an imaging library."""
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- the seed policy

def seed_blocks(text):
    """The seed's paragraphs: (kind, lines) with kind title, line, heading, list or para."""
    blocks, current = [], []
    for line in text.splitlines() + [""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    out = []
    for index, lines in enumerate(blocks):
        first = lines[0]
        if index == 0:
            out.append(("title", lines))
        elif first.startswith("- "):
            out.append(("list", [line[2:] for line in lines]))
        elif (index > 3 and len(lines) == 1 and first[:1].isupper() and not first.endswith((".", ":"))
              and len(first) < 120):
            out.append(("heading", lines))
        else:
            out.append(("para", lines))
    return out


def make_seed(seed_path, out):
    rng = random.Random(2016)
    document = docx.Document()
    add_list_definitions(document)
    headings = 0
    previous = None
    for kind, lines in seed_blocks(pathlib.Path(seed_path).read_text(encoding="utf-8")):
        if kind == "title":
            document.add_paragraph(lines[0], style="Title")
        elif kind == "heading":
            word_runs(document.add_heading(level=1), lines[0], rng)
            headings += 1
        elif kind == "list":
            if previous == "list":
                document.add_paragraph()  # the school's blank line between its two lists
            for line in lines:
                list_item(document, line, BULLETS, 0, rng)
        else:
            for line in lines:
                word_runs(document.add_paragraph(), line, rng)
        previous = kind
    if headings != 14:
        sys.exit(f"make-word-docs: found {headings} section headings in the seed, expected 14")
    document.save(out)


# ---------------------------------------------------------------- a richer policy

COMMENT_TEXT = "Ask Mrs Patel whether Jamie Brown's case should be named here"
DELETED_TEXT = "every Friday afternoon"
DELETED_PARAGRAPH = "Staff will keep a private list of the children involved."
INSERTED_TEXT = " and online"
TEXT_BOX_TEXT = "Childline: 0800 1111"
FOOTNOTE_TEXT = "As defined by the Anti-Bullying Alliance."
HEADER_TEXT = "William Stockton Primary School"


def make_rich(out, title="Anti-Bullying Policy", approved="14 October 2019", review="October 2020",
              owner="Deputy Headteacher", rng=None, extra_sections=0):
    rng = rng or random.Random(2019)
    document = docx.Document()
    add_list_definitions(document)
    document.add_paragraph(title, style="Title")
    document.add_paragraph(f"Approved by governors: {approved}")
    document.add_paragraph(f"Review date: {review}")
    document.add_paragraph(f"Policy owner: {owner}")
    document.add_paragraph()
    document.add_paragraph()

    document.add_heading("Aims", level=1)
    aims = document.add_paragraph()
    word_runs(aims, "Every child at our school has the right to feel ", rng)
    aims.add_run("safe").bold = True
    aims.add_run(" and ")
    aims.add_run("valued").italic = True
    both = aims.add_run(" at all times")
    both.bold = both.italic = True
    aims.add_run(". We follow the advice of the ")
    hyperlink(document, aims, "Anti-Bullying Alliance", "https://anti-bullyingalliance.org.uk/")
    aims.add_run(".")

    # A reviewer's comment over four words, as Word anchors it.
    commented = document.add_paragraph()
    commented._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Bullying is taken </w:t></w:r>'))
    commented._p.append(parse_xml(f'<w:commentRangeStart {nsdecls("w")} w:id="0"/>'))
    commented._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>seriously in every case</w:t></w:r>'))
    commented._p.append(parse_xml(f'<w:commentRangeEnd {nsdecls("w")} w:id="0"/>'))
    commented._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'))
    commented._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>.</w:t></w:r>'))
    add_part(document, "/word/comments.xml", COMMENTS_TYPE, RT.COMMENTS,
             f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {nsdecls("w")}>'
             f'<w:comment w:id="0" {AUTHOR} w:initials="JS"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
             f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
             f'<w:r><w:t>{COMMENT_TEXT}</w:t></w:r></w:p></w:comment></w:comments>')

    # Tracked changes: an insertion, a deletion inside a sentence, and a deleted paragraph.
    tracked = document.add_paragraph()
    tracked._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">We talk about bullying in class</w:t></w:r>'))
    tracked._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" {AUTHOR}>{run_xml(INSERTED_TEXT)}</w:ins>'))
    tracked._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" {AUTHOR}>{run_xml(" " + DELETED_TEXT, "w:delText")}</w:del>'))
    tracked._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>.</w:t></w:r>'))
    gone = document.add_paragraph()
    gone._p.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:rPr><w:del w:id="3" {AUTHOR}/></w:rPr></w:pPr>'))
    gone._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="4" {AUTHOR}>{run_xml(DELETED_PARAGRAPH, "w:delText")}</w:del>'))
    document.add_paragraph()

    document.add_heading("What bullying is", level=2)
    document.add_paragraph("Bullying is behaviour that is:")
    list_item(document, "repeated over time;", NUMBERS, 0, rng)
    list_item(document, "meant to hurt, in one of these ways:", NUMBERS, 0, rng)
    list_item(document, "physical, such as hitting;", NUMBERS, 1, rng)
    list_item(document, "verbal, such as name-calling;", NUMBERS, 1, rng)
    list_item(document, "online, including messages sent at night;", NUMBERS, 2, rng)
    list_item(document, "hard for the child to stop.", NUMBERS, 0, rng)

    document.add_heading("What we do", level=2)
    list_item(document, "We listen to the child.", BULLETS, 0, rng)
    list_item(document, "We record what happened:", BULLETS, 0, rng)
    list_item(document, "who was involved;", BULLETS, 1, rng)
    list_item(document, "what was done.", BULLETS, 1, rng)
    list_item(document, "We tell parents the same day.", BULLETS, 0, rng)
    document.add_paragraph()
    # Lists typed by hand: a bullet character or a number, then a tab.
    document.add_paragraph("Children can tell:")
    for text in ("\u2022\ttheir class teacher", "\u2022\tany member of staff", "\u2022\tthe school council"):
        document.add_paragraph(text)
    document.add_paragraph("When a report is made:")
    for number, text in enumerate(("the teacher writes it down", "the head teacher reads it", "parents are invited in"), 1):
        document.add_paragraph(f"{number}.\t{text}")

    # A footnote, with Word's separator notes.
    noted = document.add_paragraph("Online bullying counts as bullying")
    noted._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'))
    noted.add_run(".")
    add_part(document, "/word/footnotes.xml", FOOTNOTES_TYPE, RT.FOOTNOTES,
             f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>'
             f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
             f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {FOOTNOTE_TEXT}</w:t></w:r></w:p></w:footnote></w:footnotes>')

    document.add_heading("Who to contact", level=3)
    table = document.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    rows = [("Who", "How"), ("Class teacher", "At the classroom door"), ("Head teacher", "Through the school office"),
            ("Chair of governors", "By letter to the school")]
    for r, (who, how) in enumerate(rows):
        table.cell(r, 0).text = who
        table.cell(r, 1).text = how
    table.cell(2, 1).add_paragraph("Any school day")
    table.cell(3, 0).paragraphs[0].runs[0].bold = True
    header_row = table.rows[0]._tr.get_or_add_trPr()
    header_row.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))

    # A text box (Word's VML form) and a field in the body.
    boxed = document.add_paragraph("For help at any time: ")
    boxed._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="TextBox1" style="width:180pt;height:40pt" type="#_x0000_t202">'
        f'<v:textbox><w:txbxContent><w:p><w:r><w:t>{TEXT_BOX_TEXT}</w:t></w:r></w:p></w:txbxContent></v:textbox>'
        f'</v:shape></w:pict></w:r>'))
    printed = document.add_paragraph("This copy was printed on ")
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PRINTDATE \\@ "d MMMM yyyy" </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', '<w:t>3 October 2019</w:t>', '<w:fldChar w:fldCharType="end"/>'):
        printed._p.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))
    printed.add_run(".")

    document.add_heading("Pictures", level=2)
    document.add_paragraph("Our anti-bullying ambassadors wear a badge:")
    document.add_picture(_picture(out, "badge", (200, 40, 40)), width=Inches(1))
    _describe_last_picture(document, "A round red badge with the words Anti-Bullying Ambassador")
    document.add_paragraph("The friendship bench in the playground:")
    document.add_picture(_picture(out, "bench", (40, 120, 40)), width=Inches(1))

    for n in range(extra_sections):
        document.add_heading(f"Section {n + 1}", level=2)
        word_runs(document.add_paragraph(), f"Paragraph {n + 1} explains what the school does, and why, in plain words.", rng)
        list_item(document, "A first point.", BULLETS, 0, rng)
        list_item(document, "A second point.", BULLETS, 0, rng)

    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    document.save(out)


def _picture(out, name, colour):
    path = pathlib.Path(out).parent / f".{name}.png"
    path.write_bytes(png(24, 16, colour))
    return str(path)


def _describe_last_picture(document, description):
    doc_prs = document.element.body.findall(".//" + qn("wp:docPr"))
    doc_prs[-1].set("descr", description)


# ---------------------------------------------------------------- refused files

def ole_container(streams):
    """A compound file (the container of .doc files and of password-protected .docx
    files) holding `streams`, each 4096 bytes so no mini stream is needed."""
    sector = 512
    names = list(streams)
    sectors_per_stream = 4096 // sector
    fat = [0xFFFFFFFD, 0xFFFFFFFE]          # sector 0: the FAT; sector 1: the directory
    starts = []
    for _ in names:
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(sectors_per_stream - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108)

    def entry(name, kind, child, right, start, size):
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\0" * 16 + struct.pack("<I", 0)
                + b"\0" * 16 + struct.pack("<IQ", start, size))
    directory = entry("Root Entry", 5, 1, 0xFFFFFFFF, 0xFFFFFFFE, 0)
    for index, name in enumerate(names):
        right = index + 2 if index + 1 < len(names) else 0xFFFFFFFF
        directory += entry(name, 2, 0xFFFFFFFF, right, starts[index], 4096)
    directory = directory.ljust(sector, b"\0")
    body = struct.pack(f"<{sector // 4}I", *fat) + directory
    for name in names:
        body += streams[name].ljust(4096, b"\0")[:4096]
    return header + body


def make_broken(seed_docx, folder):
    folder.mkdir(parents=True, exist_ok=True)
    data = pathlib.Path(seed_docx).read_bytes()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])
    (folder / "not-word.docx").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    # Names sorted as the compound file's directory tree wants them: shorter first.
    (folder / "password.docx").write_bytes(ole_container({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                                         "EncryptedPackage": bytes(random.Random(1).randrange(256) for _ in range(4096))}))
    (folder / "old-word.doc").write_bytes(ole_container({"WordDocument": b"\xEC\xA5\xC1\x00"}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--seed", default=str(pathlib.Path(__file__).resolve().parent.parent
                                              / "Tests/PolicySiteTests/Fixtures/sites/seed-layout/policies/twitter-policy.md"))
    parser.add_argument("--many", type=int, default=0, help="also make N varied policies in OUTDIR/many/")
    arguments = parser.parse_args()
    out = pathlib.Path(arguments.outdir)
    out.mkdir(parents=True, exist_ok=True)
    make_seed(arguments.seed, out / "twitter-policy.docx")
    make_rich(out / "anti-bullying.docx")
    make_broken(out / "twitter-policy.docx", out / "broken")
    if arguments.many:
        rng = random.Random(40)
        many = out / "many"
        many.mkdir(exist_ok=True)
        months = ["January", "March", "May", "June", "September", "October", "November"]
        for n in range(arguments.many):
            month, year = rng.choice(months), rng.choice([2017, 2019, 2021, 2023])
            make_rich(many / f"policy-{n + 1:02}.docx", title=f"Policy Number {n + 1}",
                      approved=f"{rng.randint(1, 28)} {month} {year}", review=f"{month} {year + 1}",
                      rng=rng, extra_sections=rng.randint(2, 12))
    for picture in out.rglob(".*.png"):
        picture.unlink()


if __name__ == "__main__":
    main()
