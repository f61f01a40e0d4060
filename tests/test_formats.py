"""Every resume format the documents stage reads, from files the tests make themselves."""

import io
import zipfile

import pymupdf
import pytest

from jobfit.documents import Limits, UnsupportedDocument, detect_format, extract_text
from jobfit.text import repair
from tests.conftest import make_email as _email
from tests.conftest import make_winmail, make_zip
from tests.services import require_binary

BODY = [
    "Experience",
    "Data Engineer at Foo Corp | 2019 - Present",
    "- Built pipelines in Python and SQL",
    "Education",
    "Bachelor of Science in Physics, State University, 2018",
    "Skills",
    "Python, SQL, Docker",
]


def pdf(pages: list[list[tuple[float, float, str]]], size: float = 11) -> bytes:
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page()
        for x, y, text in lines:
            page.insert_text((x, y), text, fontsize=size)
    return doc.tobytes()


def test_two_columns_are_read_one_after_the_other():
    sidebar = [(40, 120 + 16 * i, t) for i, t in enumerate(["Skills", "Python", "SQL", "Docker", "Languages", "English", "Contact", "ana@example.com"])]
    main = [(230, 120 + 16 * i, t) for i, t in enumerate(["Experience", "Data Engineer at Foo Corp | 2019 - Present",
                                                           "- Built pipelines in Python", "- Ran Docker in production",
                                                           "Education", "Bachelor of Science, State University, 2018"])]
    result = extract_text(pdf([[(40, 60, "Ana Columns"), *sidebar, *main]]))
    lines = result.text.split("\n")
    assert lines[0] == "Ana Columns"
    assert lines.index("ana@example.com") < lines.index("Experience")  # the sidebar first, whole
    assert lines.index("Experience") + 1 == lines.index("Data Engineer at Foo Corp | 2019 - Present")


def test_columns_between_full_width_lines_are_read_a_column_at_a_time():
    """A one-column page with a two-column list of highlights in it, and a row of three jobs side by side."""
    wide = "Seasoned analyst who turns data into decisions across retail and logistics, " + "x" * 10
    left = ["Budget forecasting and", "variance analysis", "General ledger accounting", "Team leadership"]
    right = ["Account reconciliation", "PeopleSoft and SAP", "Audit preparation"]
    jobs = [["Data Analyst", "Lazada 2015 - 2018", "Built sales dashboards"],
            ["Data Engineer", "TTEK 2018 - 2019", "Ran the Kafka pipelines"],
            ["Product Manager", "Gojek 2019 - 2021", "Led the rider app team"]]
    lines = [(40, 60, "Ana Columns"), (40, 90, wide), (40, 120, "Highlights")]
    lines += [(60, 140 + 14 * i, t) for i, t in enumerate(left)] + [(320, 140 + 14 * i, t) for i, t in enumerate(right)]
    lines += [(40, 200, "Experience"), (40, 220, wide)]
    lines += [(40 + 180 * k, 240 + 14 * i, t) for k, job in enumerate(jobs) for i, t in enumerate(job)]
    lines += [(40, 300, "Education"), (40, 316, wide)]
    text = extract_text(pdf([lines], size=9)).text.split("\n")
    # the left column's wrapped item stays whole, and the right column follows it
    assert text[3:10] == left + right
    assert text[10] == "Experience"  # the heading under the shorter column starts the next section
    assert text[12:21] == [t for job in jobs for t in job]  # each job whole, left to right
    assert text[21] == "Education"


def test_a_heading_just_left_of_a_column_under_it_is_not_that_columns_last_item():
    left = ["Customer service", "Merchandising", "Production planning", "Store managing"]
    right = ["Inventory tracking", "Vendor management", "Imports and exports"]
    lines = [(33, 60, "Ana Lists"), (33, 80, "Seasoned store keeper who keeps the shelves full and the books straight, " + "x" * 12),
             (33, 100, "Highlights")]
    lines += [(35, 120 + 14 * i, t) for i, t in enumerate(left)] + [(332, 120 + 14 * i, t) for i, t in enumerate(right)]
    lines += [(33, 176, "Accomplishments"), (33, 190, "Cut stock losses by half in one year across all three stores, " + "x" * 20)]
    lines += [(33, 210 + 14 * i, t) for i, t in enumerate(BODY)]
    text = extract_text(pdf([lines], size=9)).text.split("\n")
    assert text[3:11] == left + right + ["Accomplishments"]


def test_columns_set_close_together_are_still_two():
    """Two lists of highlights under each other, a line across the page between them; the right column starts a
    point after the left one's longest line ends."""
    left = ["Analytical reasoning", "Financial statement analysis", "Understands foreign tax reporting",
            "PeopleSoft knowledge"]
    right = ["Managerial techniques", "Organizational skills", "General ledger accounting", "Research skills"]
    edge = 35 + max(pymupdf.get_text_length(t, fontsize=9) for t in left) + 1
    wide = "Seasoned accountant who closes the books on time every month, " + "x" * 40
    lines = [(33, 60, "Ana Close"), (33, 80, wide), (33, 100, "Highlights")]
    lines += [(35, 120 + 14 * i, t) for i, t in enumerate(left)] + [(edge, 120 + 14 * i, t) for i, t in enumerate(right)]
    lines += [(33, 186, wide), (33, 206, "Strengths")]
    lines += [(35, 226 + 14 * i, t) for i, t in enumerate(right)] + [(edge, 226 + 14 * i, t) for i, t in enumerate(left)]
    lines += [(33, 300 + 14 * i, t) for i, t in enumerate(BODY)]
    text = extract_text(pdf([lines], size=9)).text.split("\n")
    assert text[3:11] == left + right
    assert text[13:21] == right + left


def test_titles_beside_their_dates_and_labels_beside_their_values_are_read_across():
    jobs = [[("Schlumberger", "Pune, India"), ("DATA ENGINEER", "July 2018 - Present"), ("Team of eight", "Onsite")],
            [("Acme Robotics", "Mumbai, India"), ("INTERN", "June 2017 - Aug 2017"), ("Robot lab", "Hybrid")]]
    bullet = "- Built and ran the data ingestion pipelines for the whole company, in Python and SQL, " + "x" * 8
    lines, y = [(40, 60, "Ana Rows"), (40, 80, "Experience")], 100
    for rows in jobs:
        for title, when in rows:  # the date and the place set flush right, beside the title
            lines += [(40, y, title), (560 - pymupdf.get_text_length(when, fontsize=9), y, when)]
            y += 14
        lines.append((40, y, bullet))
        y += 20
    labels = [("Languages:", "Python, C, PHP"), ("Databases:", "MySQL, SQLite"), ("Other:", "Git, NLP, OpenCV")]
    lines += [(40, y, "Skills")] + [item for i, (label, value) in enumerate(labels)
                                    for item in ((40, y + 20 + 14 * i, label), (200, y + 20 + 14 * i, value))]
    text = extract_text(pdf([lines], size=9)).text.split("\n")
    for title, when in [row for rows in jobs for row in rows]:
        assert text.index(when) == text.index(title) + 1
    for label, value in labels:
        assert text.index(value) == text.index(label) + 1


def test_running_headers_and_footers_appear_once():
    pages = [[(72, 30, "Ana Example - Curriculum Vitae"), (72, 300, BODY[i * 2]), (72, 320, BODY[i * 2 + 1]),
              (72, 820, f"Page {i + 1} of 3")] for i in range(3)]
    text = extract_text(pdf(pages)).text
    assert text.count("Ana Example - Curriculum Vitae") == 1
    assert text.count("Page") == 1
    assert "Data Engineer at Foo Corp" in text and "Education" in text


def test_layout_hints_tell_headings_from_bullets():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Experience", fontsize=16, fontname="hebo")
    for i, line in enumerate(BODY[1:]):
        page.insert_text((72, 100 + 16 * i), line, fontsize=10)
    result = extract_text(doc.tobytes())
    heading = next(line for line in result.layout if line.text == "Experience")
    bullet = next(line for line in result.layout if line.text.startswith("- Built"))
    assert heading.bold and heading.size == 16 and not bullet.bold and bullet.size == 10
    assert heading.page == 1 and heading.y < bullet.y


def test_words_hyphenated_across_lines_are_joined():
    lines = [(72, 72, "Ana Example"), (72, 90, "Experience"), (72, 108, "Data Engineer at Foo Corp | 2019 -"),
             (72, 122, "present, built a devel-"), (72, 136, "opment platform for analytics teams")]
    text = extract_text(pdf([lines])).text
    assert "built a development\nplatform for analytics teams" in text
    assert "2019 -\npresent" in text  # a dash after a space is not a broken word


def test_ligatures_and_mojibake_are_repaired():
    assert repair("ﬁnance and eﬃciency") == "finance and efficiency"
    data = "Jos\u00c3\u00a9 M\u00c3\u00bcller\nResum\u00c3\u00a9 \u00e2\u20ac\u2122s best\nExperience\nDev at X | 2019 - 2021".encode()
    text = extract_text(data).text
    assert "José Müller" in text and "Resumé ’s best" in text
    # a fullwidth separator read as Latin-1, its last byte lost (as job-site PDF exports have it)
    assert repair("Accountant Acme Corp ï¼\u200b Boston , MA") == "Accountant Acme Corp - Boston , MA"
    assert repair("Master\\'s Degree in Computer Science") == "Master's Degree in Computer Science"  # an escaped apostrophe
    # one symbol mangled in otherwise clean text, which ftfy leaves alone; its neighbours' letters are kept
    assert repair("Certifications/Awards â–ª RN license â–ª BLS") == "Certifications/Awards ▪ RN license ▪ BLS"
    assert repair("Featured in “Top 10 Restaurantsâ€\u200b") == "Featured in “Top 10 Restaurants”"
    assert repair("pâte à choux, crème brûlée") == "pâte à choux, crème brûlée"
    # a no-break space's first byte left behind, its second made a plain space (livecareer's PDFs print them so)
    lines = "Summary\nA skilledÂ\u200b leader Â bringing afterÂsales skill.Â\n\"ÂSpoke on budgets\"\nÂGE: 41, CÂMARA\n"
    assert repair(lines * 3).split("\n")[1:4] == ["A skilled leader  bringing after-sales skill.", '"Spoke on budgets"',
                                                 "ÂGE: 41, CÂMARA"]


def test_scanned_pages_go_through_ocr_with_confidence():
    require_binary("tesseract", "tesseract-ocr")
    text_page = pymupdf.open()
    page = text_page.new_page()
    for i, line in enumerate(["Ana Scanned", "ana@example.com", *BODY]):
        page.insert_text((72, 80 + 22 * i), line, fontsize=14)
    image = page.get_pixmap(dpi=200).tobytes("png")
    scanned = pymupdf.open()
    scanned.new_page().insert_image(scanned[0].rect, stream=image)
    typed = scanned.new_page()
    typed.insert_text((72, 80), "Page two is typed text with a real text layer for the parser.", fontsize=11)
    result = extract_text(scanned.tobytes(deflate=True, garbage=3))
    assert result.ocr_pages == 1 and result.ocr_confidence > 60
    assert "Data Engineer at Foo Corp" in result.text and "Page two is typed text" in result.text
    png = extract_text(image)
    assert png.format == "png" and png.ocr_pages == 1 and "ana@example.com" in png.text
    # where each line starts is kept; no font size is claimed (a word box's height is no type size), so the
    # resume parser never takes a line with descenders for one set larger than the body
    assert all(line.x is not None and line.size is None for line in png.layout)


@pytest.mark.parametrize("kind", ["heic", "webp", "gif", "bmp"])
def test_a_photographed_resume_in_the_formats_phones_and_browsers_save_is_read(kind):
    """An iPhone photographs in HEIC, a browser or a chat app saves WebP, old scanners GIF and BMP. Before, each was
    'binary files are not resumes we can read'. A photo whose EXIF says to turn it (a phone held sideways stores the
    picture as its sensor saw it) is read upright."""
    from PIL import Image

    require_binary("tesseract", "tesseract-ocr")
    page = pymupdf.open().new_page()
    for i, line in enumerate(["Ana Photographed", "ana@example.com", *BODY]):
        page.insert_text((72, 80 + 22 * i), line, fontsize=14)
    upright = Image.open(io.BytesIO(page.get_pixmap(dpi=200).tobytes("png"))).convert("RGB")
    saved = io.BytesIO()
    if kind == "webp":  # stored turned a quarter left, its EXIF orientation (6) saying to turn it right to show it
        exif = Image.Exif()
        exif[0x0112] = 6
        upright.rotate(90, expand=True).save(saved, "WEBP", quality=90, exif=exif)
    elif kind == "heic":
        import pillow_heif

        pillow_heif.from_pillow(upright).save(saved, quality=90)
    else:  # (grey: an A4 page in colour at 200 dpi, uncompressed, is past the 10 MB limit)
        upright.convert("L").save(saved, kind.upper())
    assert detect_format(saved.getvalue()) == kind
    result = extract_text(saved.getvalue())
    assert result.format == kind and result.ocr_pages == 1
    assert "ana@example.com" in result.text and "Data Engineer at Foo Corp" in result.text


def test_an_image_of_more_pixels_than_the_limit_is_refused_before_it_is_decoded(monkeypatch):
    """A few kilobytes of WebP may say 16,000 × 16,000 pixels (a gigabyte in memory once decoded)."""
    from PIL import Image

    saved = io.BytesIO()
    Image.new("L", (400, 300), 255).save(saved, "WEBP")
    monkeypatch.setattr("jobfit.documents.pdf.MAX_IMAGE_PIXELS", 100_000)
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(saved.getvalue())
    assert refused.value.reason == "too_large"
    assert refused.value.message == ("the image is 400 × 300 pixels, more than the 100,000 pixels an image may have: "
                                     "send a smaller one")


def make_docx() -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Ana Example | ana@example.com"
    document.sections[0].footer.paragraphs[0].text = "References available on request"
    document.add_heading("Experience", level=1)
    document.add_paragraph("Data Engineer at Foo Corp | 2019 - Present")
    document.add_paragraph("Built pipelines in Python", style="List Bullet")
    paragraph = document.add_paragraph("Portfolio: ")
    rid = document.part.relate_to("https://ana.example.com/work", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>my work</w:t></w:r></w:hyperlink>'))
    box = document.add_paragraph()
    # as Word writes a text box: once for current readers, once (VML) for old ones
    content = '<w:txbxContent><w:p><w:r><w:t>Text box: Certified Kubernetes Administrator</w:t></w:r></w:p></w:txbxContent>'
    box._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:AlternateContent><mc:Choice Requires="wps">{content}</mc:Choice>'
        f'<mc:Fallback><w:pict>{content}</w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    ))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Education", "Bachelor of Science, State University, 2018"
    table.cell(1, 0).text, table.cell(1, 1).text = "Skills", "Python, SQL"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_keeps_everything_a_resume_puts_in_word():
    result = extract_text(make_docx())
    lines = result.text.split("\n")
    assert lines[0] == "Ana Example | ana@example.com"  # header first
    assert lines[-1] == "References available on request"  # footer last
    assert "- Built pipelines in Python" in lines  # list numbering as a bullet
    assert "Portfolio: my work (https://ana.example.com/work)" in lines  # hyperlink URL kept
    assert lines.count("Text box: Certified Kubernetes Administrator") == 1
    assert "Education | Bachelor of Science, State University, 2018" in lines
    heading = next(line for line in result.layout if line.text == "Experience")
    assert heading.heading and heading.bold


def test_a_docx_paragraph_broken_into_lines_is_laid_out_line_by_line():
    """A PDF converted to Word puts a page in one paragraph with line breaks: each line is a layout line of its
    own (the blank one kept), so the parser can match its lines to their layout."""
    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run("Ana Example")
    for line in ["ana@example.com", "", "EXPERIENCE", "Data Engineer at Foo Corp | 2019 - Present"]:
        run.add_break()
        run.add_text(line)
    buffer = io.BytesIO()
    document.save(buffer)
    result = extract_text(buffer.getvalue())
    assert [line.text for line in result.layout] == ["Ana Example", "ana@example.com", "", "EXPERIENCE",
                                                     "Data Engineer at Foo Corp | 2019 - Present"]
    assert result.text == "Ana Example\nana@example.com\n\nEXPERIENCE\nData Engineer at Foo Corp | 2019 - Present"


def test_a_two_column_word_template_is_read_column_by_column(matcher):
    """A template that sets a sidebar (contact, skills) beside the main text in one table row: each column's
    paragraphs are lines of their own, headings kept, not one line of '; '-joined cells."""
    import docx

    from jobfit.resumes import parse_resume

    document = docx.Document()
    sidebar, main = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, paragraphs in ((sidebar, ["ANNA KOWALSKA", "Product Designer", "CONTACT", "anna.kowalska@example.pl",
                                        "+48 600 123 456", "Kraków, Poland", "SKILLS", "Figma", "User Research"]),
                             (main, ["EXPERIENCE", "Senior Product Designer", "Allegro, Poznań", "03/2021 – present",
                                     "Product Designer", "Revolut, Kraków", "06/2018 – 02/2021", "EDUCATION",
                                     "Bachelor of Science in Computer Science", "AGH University of Science and Technology",
                                     "2011 – 2015"])):
        for k, text in enumerate(paragraphs):
            paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            paragraph.text = text
            if text.isupper() and text != "ANNA KOWALSKA":
                paragraph.style = "Heading 2"
    buffer = io.BytesIO()
    document.save(buffer)
    result = extract_text(buffer.getvalue())
    assert result.text.startswith("ANNA KOWALSKA\nProduct Designer\nCONTACT\n")
    assert next(line for line in result.layout if line.text == "EXPERIENCE").heading
    profile = parse_resume(result.text, matcher=matcher, layout=result.layout, today=result.date)
    assert (profile.basics.name, profile.basics.phone, profile.basics.location.countryCode) == (
        "Anna Kowalska", "+48600123456", "PL")
    assert [(w.position, w.name) for w in profile.work] == [("Senior Product Designer", "Allegro"),
                                                            ("Product Designer", "Revolut")]
    assert [e.institution for e in profile.education] == ["AGH University of Science and Technology"]
    # python-docx stamps its template's 2013 as the saved date: a resume that writes 2021 was saved 2021 at the earliest
    assert result.date.year == 2013 and 2.7 <= profile.meta.total_years_experience <= 3.0  # June 2018 to March 2021


def test_odt_rtf_and_html():
    content = (
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:h>Experience</text:h><text:p>Data Engineer at Foo Corp | 2019 - Present</text:p>"
        "<text:list><text:list-item><text:p>Built pipelines in Python</text:p></text:list-item></text:list>"
        "<text:h>Education</text:h><text:p>Bachelor of Science, State University, 2018</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    odt = extract_text(buffer.getvalue())
    assert odt.format == "odt" and "- Built pipelines in Python" in odt.text.split("\n")
    rtf = extract_text(rb"{\rtf1\ansi{\fonttbl\f0 Arial;}\f0 Experience\par Data Engineer at Foo Corp | 2019 - Present\par Education\par Bachelor of Science, 2018\par}")
    assert rtf.format == "rtf" and "Data Engineer at Foo Corp | 2019 - Present" in rtf.text
    html = extract_text(b"<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body><h1>Ana</h1>"
                        b"<h2>Experience</h2><ul><li>Data Engineer at Foo Corp | 2019 - Present</li></ul>"
                        b"<p>Education: BSc, 2018 &amp; more. <a href='https://github.com/ana'>GitHub</a></p></body></html>")
    assert html.format == "html" and "- Data Engineer at Foo Corp | 2019 - Present" in html.text
    assert "https://github.com/ana" in html.text and "p{}" not in html.text


def test_a_markdown_resume_is_read_as_its_headings_and_lines_mean(matcher):
    from jobfit.resumes import parse_resume

    source = ("# Jane Roe\njane@example.org | Berlin | [GitHub](https://github.com/janeroe)\n\n## Experience\n\n"
              "**Data Analyst** — Acme GmbH\n*March 2019 – Present*\n\n- Built **Tableau** dashboards\n\n"
              "**Junior Analyst** — Beta AG\n*2016 – 2019*\n\n## Education\n\n**MSc Statistics**, Humboldt University, 2016\n")
    document = extract_text(source.encode())
    assert document.format == "markdown" and "**" not in document.text and "#" not in document.text
    assert {line.text for line in document.layout if line.heading} == {"Jane Roe", "Experience", "Education"}
    profile = parse_resume(document.text, matcher=matcher, layout=document.layout)
    assert profile.basics.name == "Jane Roe" and profile.basics.label == "Data Analyst"
    assert [(w.position, w.name, w.startDate) for w in profile.work] == [("Data Analyst", "Acme GmbH", "2019-03"),
                                                                        ("Junior Analyst", "Beta AG", "2016-01")]
    assert profile.work[0].highlights == ["Built Tableau dashboards"]
    assert "https://github.com/janeroe" in [p.url for p in profile.basics.profiles]
    # a plain resume that numbers a street with '#' is read as written
    plain = extract_text(b"Jane Roe\n# 12 Main Street, Springfield\nExperience\nData Analyst at Acme, 2019 - Present\n")
    assert plain.format == "txt" and "# 12 Main Street" in plain.text


def test_zip_bomb_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * 30_000_000)
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(buffer.getvalue())
    assert caught.value.reason == "zip_bomb"


def test_a_zip_bomb_cut_short_is_refused_too():
    """A damaged archive has no index to weigh first: reading what is left of it stops at the same bounds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b"\x00" * 30_000_000)
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(buffer.getvalue()[:-100])
    assert caught.value.reason == "zip_bomb"


def _data_of(archive: bytes, name: str) -> tuple[int, int]:
    """Where a part's compressed bytes start in the archive, and how many there are."""
    info = zipfile.ZipFile(io.BytesIO(archive)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return start, info.compress_size


def test_a_docx_cut_short_is_read_from_what_is_left_and_says_so():
    """A DOCX whose download stopped early has lost its zip index (at the end) and cannot be opened; it used to go
    to quarantine as corrupt however much of it had come. Its parts before the cut are whole in it."""
    whole = make_docx()
    start, size = _data_of(whole, "word/document.xml")
    for cut in (len(whole) - 100, start + size + 50):  # the main text whole, then its links and styles lost too
        result = extract_text(whole[:cut])
        lines = result.text.split("\n")
        assert result.format == "docx" and "Data Engineer at Foo Corp | 2019 - Present" in lines
        assert "- Built pipelines in Python" in lines and "Education | Bachelor of Science, State University, 2018" in lines
        assert lines.count("Text box: Certified Kubernetes Administrator") == 1
        assert next(line for line in result.layout if line.text == "Experience").heading
        assert result.warning.startswith("the file is damaged (") and "may be incomplete; ask for a fresh copy" in result.warning
    # cut inside the main text: what comes before the cut
    result = extract_text(whole[:start + size * 3 // 4])
    assert "Data Engineer at Foo Corp | 2019 - Present" in result.text and "Skills | Python, SQL" not in result.text
    assert result.warning.startswith("the file is damaged (its text is cut short")
    # cut before any of it: nothing to read, and said so
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(whole[:start + 20])
    assert refused.value.reason == "corrupt" and "no readable text was left" in refused.value.message
    assert extract_text(whole).warning is None


def test_a_docx_damaged_inside_gives_the_text_before_the_damage():
    """Bytes overwritten inside the main text (a bad sector, a broken copy): the archive opens, but the part fails
    to unpack and python-docx gives up on the whole file."""
    damaged = bytearray(make_docx())
    start, size = _data_of(bytes(damaged), "word/document.xml")
    damaged[start + size * 3 // 4:start + size * 3 // 4 + 20] = b"\x00" * 20
    result = extract_text(bytes(damaged))
    assert "Data Engineer at Foo Corp | 2019 - Present" in result.text and "Skills | Python, SQL" not in result.text
    assert result.warning.startswith("the file is damaged (its text is cut short or broken inside)")


def _repackaged(docx: bytes, *replacements: tuple[bytes, bytes]) -> bytes:
    """The DOCX with these byte strings replaced in every part."""
    source, buffer = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info.filename)
            for old, new in replacements:
                part = part.replace(old, new)
            archive.writestr(info, part)
    return buffer.getvalue()


def test_a_macro_enabled_or_strict_word_file_is_read_as_a_docx_is():
    """A .docm (or a template) is a sound DOCX package of another content type, which python-docx refuses: it used to
    be quarantined as corrupt. A DOCX saved as Strict Open XML names its elements in other namespaces: it used to be
    quarantined as having no text. Read from their parts, both give the DOCX's text, with no damage to warn of."""
    sound = make_docx()
    macros = _repackaged(sound, (b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                 b"application/vnd.ms-word.document.macroEnabled.main+xml"))
    strict = _repackaged(sound, (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                 b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
                         (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                          b"http://purl.oclc.org/ooxml/officeDocument/relationships"))
    for variant in (macros, strict):
        result = extract_text(variant)
        assert result.format == "docx" and result.warning is None
        assert result.text == extract_text(sound).text  # header first, footer last, links, text box, table


def test_an_odt_cut_short_is_read_as_far_as_it_goes():
    content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               + "".join(f"<text:p>{line}</text:p>" for line in BODY) + "</office:text></office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, as ODF asks
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", "<office:document-styles/>" + " " * 5000)
    whole = buffer.getvalue()
    start, size = _data_of(whole, "content.xml")
    result = extract_text(whole[:start + size + 10])
    assert result.format == "odt" and result.text.split("\n") == BODY
    assert result.warning.startswith("the file is damaged (")


def test_truncated_pdf_never_crashes():
    data = pdf([[(72, 72 + 16 * i, line) for i, line in enumerate(BODY)]])
    try:
        result = extract_text(data[: len(data) // 2])
        assert result.text  # MuPDF repaired what it could
    except UnsupportedDocument as exc:
        assert exc.reason in {"corrupt", "empty_text"}


def test_too_many_pages():
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(pdf([[(72, 72, "Experience 2019 - 2021")]] * 5), Limits(max_pages=3))
    assert caught.value.reason == "too_many_pages"


def test_cover_letters_are_held_back_and_can_be_released():
    letter = (b"Dear Hiring Manager,\n\nI am writing to apply for the data engineer role at your company. "
              b"I would welcome the chance to discuss it.\n\nThank you for your time.\nSincerely,\nAna")
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(letter)
    assert caught.value.reason == "not_a_resume" and "cover letter" in caught.value.message
    released = extract_text(letter, accept_any_kind=True)
    assert released.kind == "cover_letter" and released.kind_confidence > 0.5
    assert extract_text("\n".join(["Ana Example", "ana@example.com", *BODY]).encode()).kind == "resume"


def test_resumes_that_run_on_without_line_breaks_are_resumes_and_other_texts_are_not():
    from jobfit.documents.classify import classify_document

    run_on = ("Ana Example Data Engineer - Foo Corp Austin, TX Work Experience Data Engineer Foo Corp - Austin, TX "
              "March 2019 to Present Built pipelines Education Bachelor of Science in Physics State University Skills Python")
    assert classify_document(run_on)[0] == "resume"
    glued = ("Computer Knowledge: MS Office, SAP softwareEducation Details MBA Distance education State University "
             "Skill Details Sap Bi- Exprience - 72 months")
    assert classify_document(glued)[0] == "resume"
    recipe = "Preheat the oven. Mix the flour with the butter and sugar, then bake the cake until golden and let it cool."
    assert classify_document(recipe) == ("other", 0.7)
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(recipe.encode())
    assert caught.value.reason == "not_a_resume" and "not a resume" in caught.value.message


def test_a_job_posting_in_the_inbox_is_held_back_as_one_and_a_resume_that_says_we_is_not():
    posting = ("Senior Data Engineer\n\nAbout the role\nWe are looking for a data engineer to join our platform team. "
               "You will build the pipelines our analysts rely on and you'll work with product and design.\n\n"
               "Requirements\n- 5+ years of experience with Python and SQL (2019 - 2024 at a startup is a plus)\n"
               "- Experience with Airflow or Dagster\n\nWhat we offer\nA remote-first team, a learning budget and "
               "equity. Send your resume to jobs@example.com.\n\nWe are an equal opportunity employer.")
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(posting.encode())
    assert caught.value.reason == "not_a_resume" and "job posting" in caught.value.message
    assert "job feed" in caught.value.message
    released = extract_text(posting.encode(), accept_any_kind=True)
    assert released.kind == "job_posting" and released.kind_confidence > 0.5
    third_person = ("Remote Office Assistant\n\nJob description\nCoalition Partners is seeking a reliable Remote Office "
                    "Assistant to support billing and reporting. The ideal candidate has 2+ years of office experience "
                    "(2019 - 2021 or later).\n\nPreferred qualifications\n- Excel and QuickBooks\n- Spanish is a plus\n\n"
                    "Candidates must be available 9-5 EST. Apply at careers@example.com.")
    assert extract_text(third_person.encode(), accept_any_kind=True).kind == "job_posting"
    resume = "\n".join(["Ana Example", "ana@example.com", "Houston, TX, US", *BODY,
                         "At Foo Corp we rebuilt our billing pipeline; I led the team and we cut costs by a third."])
    assert extract_text(resume.encode()).kind == "resume"


LETTER = "Dear Hiring Manager,\n\nI am writing to apply for the data engineer role. My resume is attached.\n\nKind regards,\nAna"


def _outlook(body: str | None, *attachments: tuple[str, bytes | dict], sent: str = "2026-03-03T08:12:00",
             top: bool = True) -> dict:
    """The streams of an Outlook message as MS-OXMSG lays them out ({path: bytes}): its body, its sending time in the
    property table, an attachment storage each ((file name, bytes), or (subject, a message's streams) for a message
    attached to it)."""
    from datetime import UTC, datetime

    ticks = int((datetime.fromisoformat(sent).replace(tzinfo=UTC) - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10**7)
    streams = {"__properties_version1.0": bytes(32) + (0x00390040).to_bytes(4, "little") + (6).to_bytes(4, "little")
               + ticks.to_bytes(8, "little"),
               "__substg1.0_001A001F": "IPM.Note".encode("utf-16-le"), "__substg1.0_0037001F": "Application".encode("utf-16-le")}
    if top:  # the named-property mapping every message file has (a GUID, one numeric name, no strings)
        streams |= {f"__nameid_version1.0/__substg1.0_000{n}0102": bytes(size) for n, size in ((2, 16), (3, 8), (4, 4))}
    if body is not None:
        streams["__substg1.0_1000001F"] = body.encode("utf-16-le")
    for n, (name, content) in enumerate(attachments):
        storage = f"__attach_version1.0_#{n:08X}/"
        if isinstance(content, dict):  # a message attached to this one
            streams |= {f"{storage}__substg1.0_3701000D/{path}": data for path, data in content.items()}
            streams[f"{storage}__substg1.0_3001001F"] = name.encode("utf-16-le")
        else:
            streams |= {f"{storage}__substg1.0_3707001F": name.encode("utf-16-le"), f"{storage}__substg1.0_37010102": content}
    return streams


def _msg(streams: dict) -> bytes:
    """An Outlook .msg file (a compound file, written by pycfb) of the streams."""
    import uuid

    from pycfb import CFBWriter

    storages = {path.rsplit("/", 1)[0] for path in streams if "/" in path}
    storages |= {part for path in storages for part in ["/".join(path.split("/")[:k]) for k in range(1, path.count("/") + 1)]}
    paths = sorted(storages) + sorted(streams)
    return bytes(CFBWriter(paths, [streams.get(path) for path in paths], uuid.UUID("00020d0b-0000-0000-c000-000000000046")).data)


def _saved_email(kind: str, body: str, *attachments, top: bool = True):
    """An application email as a mail client saves it: an .eml, or Outlook's .msg. An attachment is (file name, bytes),
    or (subject, (body, *attachments)) for an email forwarded inside it."""
    if kind == "eml":
        mime = {"png": "image/png", "pdf": "application/pdf", "zip": "application/zip"}
        return _email(body, *[(name, "message/rfc822", _saved_email(kind, *content)) if isinstance(content, tuple)
                              else (name, mime[name.rsplit(".", 1)[1]], content) for name, content in attachments])
    streams = _outlook(body, *[(name, _saved_email(kind, *content, top=False)) if isinstance(content, tuple)
                               else (name, content) for name, content in attachments], top=top)
    return _msg(streams) if top else streams


@pytest.mark.parametrize("kind", ["eml", "msg"])
def test_an_application_email_gives_the_resume_it_carries_dated_when_it_was_sent(kind, monkeypatch):
    """Before, a saved application email was read as text, and its cover letter held the whole email back as one; an
    Outlook .msg was refused ('an Outlook message (.msg), which jobfit does not open')."""
    resume = pdf([[(72, 72 + 16 * i, line) for i, line in enumerate(["Ana Example", "ana@example.com", *BODY])]])
    photo = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

    def no_ocr(*args):
        raise AssertionError("an image was read (OCR) though a resume document is attached")

    monkeypatch.setattr("jobfit.documents.pdf.image_text", no_ocr)
    message = _saved_email(kind, LETTER, ("photo.png", photo), ("Ana_Example_CV.pdf", resume))
    assert detect_format(message) == kind
    result = extract_text(message)
    assert result.kind == "resume" and result.format == "email/pdf"
    assert result.text.split("\n")[:3] == ["Ana Example", "ana@example.com", "Experience"]
    assert str(result.date) == "2026-03-03"  # "Present" in it means when it was sent
    # forwarded inside another email, it is found all the same
    forwarded = _saved_email(kind, "FYI, see below.", ("application.eml", (LETTER, ("cv.pdf", resume))))
    assert extract_text(forwarded).text.startswith("Ana Example\nana@example.com")
    # pasted into the body, with nothing attached
    pasted = extract_text(_saved_email(kind, "\n".join(["Ana Example", "ana@example.com", *BODY])))
    assert pasted.format == "email/txt" and "Data Engineer at Foo Corp | 2019 - Present" in pasted.text


def _candidate(name: str, address: str) -> bytes:
    """A candidate's resume as a PDF."""
    return pdf([[(72, 72 + 16 * i, line) for i, line in enumerate([name, address, *BODY])]])


@pytest.mark.parametrize("kind", ["eml", "msg"])
def test_an_email_that_carries_other_candidates_resumes_says_so(kind):
    """An agency sends three candidates in one email: the first resume is the document's, and before, the others were
    passed over without a word. A candidate's own resume sent twice (as PDF and as Word) is one."""
    resume = _candidate
    message = _saved_email(kind, LETTER, ("ana.pdf", resume("Ana Example", "ana@example.com")),
                           ("ana (Word version).pdf", resume("Ana Example", "ana@example.com")),
                           ("bo.pdf", resume("Bo Lindqvist", "bo@example.org")), ("cy.pdf", resume("Cy Doe", "cy@example.net")))
    result = extract_text(message)
    assert result.text.startswith("Ana Example")
    assert result.warning == ("the email carries 2 more resumes (bo.pdf, cy.pdf), not read into this profile: save each "
                              "in the inbox as its own document")
    alone = extract_text(_saved_email(kind, LETTER, ("ana.pdf", resume("Ana Example", "ana@example.com")),
                                      ("ana.docx.pdf", resume("Ana Example", "ana@example.com"))))
    assert alone.warning is None
    # a resume file that cannot be read may be anyone's: said, not passed over (before, nothing was said)
    locked = pymupdf.open(stream=resume("Bo Lindqvist", "bo@example.org")).tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="s3cret")
    with_locked = extract_text(_saved_email(kind, LETTER, ("ana.pdf", resume("Ana Example", "ana@example.com")),
                                            ("bo.pdf", locked)))
    assert with_locked.text.startswith("Ana Example")
    assert with_locked.warning == "the attached bo.pdf could not be read (encrypted PDF: ask the sender for an unlocked copy)"


@pytest.mark.parametrize("kind", ["eml", "msg"])
def test_an_email_of_several_candidates_is_unpacked_as_an_archive_is(kind):
    """An agency's email of three candidates is no one's document: where it arrives, each candidate's resume is taken in
    as one of its own (`archive_members`, as for a zip), those of a zip attached to it too. Before, it was one document, the first candidate's profile,
    which named the others in its warning and asked to save each in the inbox. Two candidates' 'CV.pdf' are two files;
    a candidate's resume sent twice is one; a locked one comes too, to say it could not be read."""
    from datetime import date

    from jobfit.documents.archives import archive_members

    ana, bo, cy = (_candidate(*who) for who in (("Ana Example", "ana@example.com"), ("Bo Lindqvist", "bo@example.org"),
                                                ("Cy Doe", "cy@example.net")))
    locked = pymupdf.open(stream=bo).tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="s3cret")
    photo = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    message = _saved_email(kind, LETTER, ("logo.png", photo), ("CV.pdf", ana), ("ana again.pdf", ana), ("CV.pdf", bo),
                           ("dan.pdf", locked), ("forwarded.eml", ("Another one", ("cy.pdf", cy))))
    members = archive_members(message)
    assert [(m.name, m.data, m.saved) for m in members] == [
        ("CV.pdf", ana, date(2026, 3, 3)), ("CV (2).pdf", bo, date(2026, 3, 3)), ("dan.pdf", locked, date(2026, 3, 3)),
        ("cy.pdf", cy, date(2026, 3, 3))]
    # the candidates in a zip attached to it, one of them beside it
    zipped = _saved_email(kind, LETTER, ("CV.pdf", ana), ("shortlist.zip", make_zip({"bo.pdf": bo, "cy.pdf": cy})))
    assert [(m.name, m.data) for m in archive_members(zipped)] == [
        ("CV.pdf", ana), ("shortlist.zip/bo.pdf", bo), ("shortlist.zip/cy.pdf", cy)]
    # one candidate's email is theirs, read whole: its body, its date
    assert archive_members(_saved_email(kind, LETTER, ("CV.pdf", ana), ("ana again.pdf", ana), ("logo.png", photo))) is None
    assert archive_members(_saved_email(kind, LETTER, ("CV.pdf", ana), ("dan.pdf", locked))) is None


def test_the_candidates_of_an_email_are_told_apart_without_ocr(monkeypatch):
    """The inbox sensor tells an email's candidates apart as it lists the inbox, within its minute: OCR costs seconds a
    page, a scanned resume of 30 pages minutes. A scan (whose candidate cannot be told so) comes as a document of its own,
    read through OCR by the run that takes it in."""
    from jobfit.documents.archives import archive_members

    ana, bo = _candidate("Ana Example", "ana@example.com"), _candidate("Bo Lindqvist", "bo@example.org")
    page = pymupdf.open().new_page()
    page.insert_text((72, 80), "Cy Doe, scanned", fontsize=14)
    scan = pymupdf.open()
    scan.new_page().insert_image(scan[0].rect, stream=page.get_pixmap(dpi=100).tobytes("png"))

    read = []  # the pages put through OCR
    monkeypatch.setattr("jobfit.documents.pdf.ocr_pages", lambda pages, dpi: read.extend(pages) or {})
    message = _saved_email("eml", LETTER, ("ana.pdf", ana), ("cy.pdf", scan.tobytes()), ("bo.pdf", bo))
    assert [m.name for m in archive_members(message)] == ["ana.pdf", "cy.pdf", "bo.pdf"]
    assert read == []


@pytest.mark.parametrize("kind", ["eml", "msg"])
def test_an_email_without_a_resume_says_what_it_holds(kind):
    photo = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(_saved_email(kind, LETTER, ("photo.png", photo)))
    assert caught.value.reason == "not_a_resume"
    assert caught.value.message.startswith("an email with no resume in it (the email's body (a cover letter); photo.png (")
    locked = pymupdf.open(stream=pdf([[(72, 72, "Ana Example"), (72, 90, "Experience 2019 - 2021")]]))
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(_saved_email(kind, LETTER, ("cv.pdf", locked.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256,
                                                                            user_pw="s3cret", owner_pw="s3cret"))))
    assert caught.value.reason == "encrypted" and caught.value.message.startswith("the attached cv.pdf: ")


def _rtf_body(lines: list[str], html: bool) -> bytes:
    """An Outlook message's body as it keeps one when it has no plain text: RTF, compressed (MS-OXRTFCP), the HTML of an
    HTML email wrapped in it (MS-OXRTFEX: the tags in groups of their own, the text outside them as HTML writes it)."""
    from compressed_rtf import compress

    if html:
        paragraphs = "".join(r"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 " + line.replace("&", "&amp;") + r"\htmlrtf\par}\htmlrtf0 "
                             r"{\*\htmltag72 </p>}" for line in lines)
        rtf = r"{\rtf1\ansi\ansicpg1252\fromhtml1 {\*\htmltag19 <html>}{\*\htmltag50 <body>}" + paragraphs + r"{\*\htmltag58 </body>}}"
    else:
        rtf = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\f0 " + r"\par ".join(lines) + "}"
    return compress(rtf.encode("cp1252"), compressed=True)


@pytest.mark.parametrize("html", [False, True], ids=["rtf", "html-in-rtf"])
def test_an_outlook_message_whose_body_is_only_rtf_gives_the_resume_pasted_in_it(html):
    """Outlook keeps a message's body as compressed RTF, with or without its plain text; one saved without it (as other
    mail programs and Exchange exports write them) held a pasted resume that was lost: 'an email with no resume in it
    (nothing attached)'."""
    lines = ["Ana Example", "ana@example.com", *BODY, "R&D tax credits"]
    streams = _outlook(None)
    streams["__substg1.0_10090102"] = _rtf_body(lines, html)
    result = extract_text(_msg(streams))
    assert result.format == "email/txt"
    assert [line.strip() for line in result.text.strip().split("\n")] == lines
    # a body damaged past reading is no body: the message says what it holds
    streams["__substg1.0_10090102"] = streams["__substg1.0_10090102"][:40]
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(_msg(streams))
    assert caught.value.message.startswith("an email with no resume in it (nothing attached)")


def test_an_email_outlook_sent_in_rich_text_gives_the_resume_in_its_winmail_dat():
    """Outlook sends a message written in its rich text format with every attachment (and the formatted body) wrapped in
    one winmail.dat (TNEF); before, such an application was 'an email with no resume in it (…; winmail.dat (…))'. The
    winmail.dat saved alone is read as the email it is."""
    from datetime import date

    from compressed_rtf import compress

    from jobfit.documents.archives import archive_members

    resume = _candidate("Ana Example", "ana@example.com")
    word = make_winmail([("Ana Example CV.docx", make_docx())])
    result = extract_text(_email(LETTER, ("winmail.dat", "application/ms-tnef", word)))
    assert result.format == "email/docx" and "Data Engineer at Foo Corp | 2019 - Present" in result.text
    winmail = make_winmail([("Ana Example CV.pdf", resume)])
    assert detect_format(winmail) == "tnef"
    alone = extract_text(winmail)
    assert alone.format == "email/pdf" and alone.text.startswith("Ana Example") and alone.date == date(2026, 3, 3)
    # a resume pasted into the body: in the winmail.dat, as compressed RTF
    pasted = ["Ana Example", "ana@example.com", *BODY]
    body = compress((r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\f0 " + r"\par ".join(pasted) + "}").encode(), compressed=True)
    assert [line.strip() for line in extract_text(make_winmail([], rtf_body=body)).text.split("\n")] == pasted
    # an agency's candidates in one: each taken in as its own, as from any email
    two = make_winmail([("ana.pdf", resume), ("bo.pdf", _candidate("Bo Lindqvist", "bo@example.org"))])
    assert [(m.name, m.saved) for m in archive_members(_email(LETTER, ("winmail.dat", "application/ms-tnef", two)))] == [
        ("ana.pdf", date(2026, 3, 3)), ("bo.pdf", date(2026, 3, 3))]
    assert [m.name for m in archive_members(two)] == ["ana.pdf", "bo.pdf"]
    # one damaged past reading holds nothing: the email says what it holds
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(_email(LETTER, ("winmail.dat", "application/ms-tnef", winmail[:8])))
    assert caught.value.reason == "not_a_resume"


def test_a_text_resume_that_opens_with_labelled_lines_is_no_email():
    labelled = "Name: Ana Example\nEmail: ana@example.com\nFrom: Austin, TX\n\n" + "\n".join(BODY)
    assert extract_text(labelled.encode()).format == "txt"


def test_word_97_document_falls_back_to_catdoc():
    from pathlib import Path

    require_binary("antiword", "antiword")
    require_binary("catdoc", "catdoc")
    result = extract_text((Path(__file__).parent / "fixtures" / "legacy_word97.doc").read_bytes())
    assert result.format == "doc"
    assert "Office Manager at Oldfield Ltd | 2004 - 2012" in result.text and "sam.legacy@example.com" in result.text


def _word97_with(stream_name: str = "WordDocument", encrypted: bool = False) -> bytes:
    """The Word 97 fixture with its main stream renamed in the compound file's directory (what an Excel file holds
    instead), or with the FIB's fEncrypted flag set (as Word saves a document with a password)."""
    from pathlib import Path

    data = bytearray((Path(__file__).parent / "fixtures" / "legacy_word97.doc").read_bytes())
    entry = data.index("WordDocument".encode("utf-16-le") + b"\x00\x00")  # a 128-byte directory entry starts with its name
    name = stream_name.encode("utf-16-le") + b"\x00\x00"
    data[entry:entry + 64] = name.ljust(64, b"\x00")
    data[entry + 64:entry + 66] = len(name).to_bytes(2, "little")
    if encrypted:
        import olefile

        handle = io.BytesIO(bytes(data))
        with olefile.OleFileIO(handle, write_mode=True) as ole:
            fib = bytearray(ole.openstream("WordDocument").read())
            fib[11] |= 0x01  # FibBase flags at offset 10, little-endian: fEncrypted is bit 8
            ole.write_stream("WordDocument", bytes(fib))
        data = bytearray(handle.getvalue())
    return bytes(data)


def test_a_password_protected_word_file_is_quarantined_as_encrypted_not_as_unreadable():
    """Before, a DOCX saved with a password (a compound file holding the encrypted package) and a protected Word 97
    file were 'corrupt: the Word 97-2003 file could not be read (is antiword or catdoc installed?)'."""
    import docx
    from msoffcrypto.format.ooxml import OOXMLFile

    plain, locked = io.BytesIO(), io.BytesIO()
    document = docx.Document()
    for line in BODY:
        document.add_paragraph(line)
    document.save(plain)
    plain.seek(0)
    OOXMLFile(plain).encrypt("s3cret", locked)
    for data in (locked.getvalue(), _word97_with(encrypted=True)):
        with pytest.raises(UnsupportedDocument) as caught:
            extract_text(data)
        assert caught.value.reason == "encrypted" and "password-protected" in caught.value.message
        assert "unlocked copy" in caught.value.message


def test_a_word_97_file_waits_for_its_readers_when_none_is_installed(monkeypatch):
    """Before, it was 'corrupt' (a fault of the file), so nothing read it again once antiword was installed."""
    from jobfit.documents import SETUP_FAULTS

    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(_word97_with())
    assert caught.value.reason == "reader_unavailable" and caught.value.reason in SETUP_FAULTS
    assert "apt-get install antiword catdoc" in caught.value.message


def test_an_excel_file_sent_for_a_resume_is_named_so():
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(_word97_with("Workbook"))
    assert caught.value.reason == "unsupported_format"
    assert caught.value.message.startswith("an Excel workbook (Office 97-2003), not a Word document")
    require_binary("antiword", "antiword")
    assert "Office Manager" in extract_text(_word97_with()).text  # the directory rewritten as it was: read as before


def test_text_exported_without_line_breaks_gets_its_lines_back():
    run_on = '"Ana Example  (123)345-7890 \\xef\\x82\\x98 ana@example.com  EDUCATION  2001  Ph.D., Social Work, State University"'
    assert repair(run_on).split("\n") == ["Ana Example", "(123)345-7890 • ana@example.com", "EDUCATION", "2001",
                                          "Ph.D., Social Work, State University"]
    normal = "Ana Example\nData  Engineer\nExperience\nDev at X\nEducation\nBSc\n"
    assert repair(normal) == normal  # text with its line breaks keeps its spacing
