"""Documents become text, or a reason a person can act on; the format is judged by content."""

import io
import time

import pymupdf
import pytest

from jobfit.documents import Limits, UnsupportedDocument, detect_format, extract_text
from tests.conftest import make_portfolio, make_zip

RESUME = "Ada Example\nData Engineer\nada@example.com\nExperience\nData Engineer at Foo | 2019 - Present"


def make_pdf(text: str, encrypt: bool = False) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72
    for line in text.split("\n"):
        page.insert_text((72, y), line, fontsize=11)
        y += 16
    options = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": "secret", "owner_pw": "owner"} if encrypt else {}
    return doc.tobytes(**options)


def make_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Skills"
    table.rows[0].cells[1].text = "Python, SQL"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_pdf_text_layer_is_read():
    result = extract_text(make_pdf(RESUME))
    assert result.format == "pdf" and result.pages == 1
    assert "ada@example.com" in result.text and "Data Engineer at Foo" in result.text


def test_a_damaged_pdf_is_read_as_far_as_possible_and_says_so(capfd):
    """A download cut short: MuPDF repairs what it can. Its complaints used to go to standard output (breaking
    `jobfit parse --jsonl`); now the text says the file is damaged and may lack parts."""
    whole = make_pdf(RESUME)
    assert extract_text(whole).warning is None
    result = extract_text(whole[:int(len(whole) * 0.8)])
    assert "ada@example.com" in result.text
    assert result.warning.startswith("the file is damaged (") and "may be incomplete; ask for a fresh copy" in result.warning
    # cut so short that no text is left: refused as damaged, not as a blank page or a scan
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(whole[:len(whole) // 2])
    assert refused.value.reason == "corrupt" and refused.value.message.startswith("the file is damaged (")
    assert capfd.readouterr().out == ""


def test_docx_paragraphs_and_tables_are_read():
    result = extract_text(make_docx(RESUME))
    assert result.format == "docx"
    assert "Data Engineer at Foo" in result.text
    assert "Skills | Python, SQL" in result.text


def test_plain_text_in_cp1252_is_decoded():
    result = extract_text((RESUME + "\nCafé résumé – naïve").encode("cp1252"))
    assert "Café résumé – naïve" in result.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_plain_text_in_utf16_without_a_byte_order_mark_is_decoded(encoding):
    """As some Windows tools and exports write text. Before: 'binary files are not resumes we can read'."""
    text = RESUME + "\nCafé résumé – naïve, Łódź"
    result = extract_text(text.encode(encoding))
    assert result.format == "txt" and result.text.startswith("Ada Example\nData Engineer") and "Łódź" in result.text
    assert detect_format(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8) == "binary"  # nils anywhere: no text


def test_format_comes_from_content_not_name():
    assert detect_format(make_pdf(RESUME)) == "pdf"
    assert detect_format(make_docx(RESUME)) == "docx"
    assert detect_format(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100) == "png"
    assert detect_format(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100) == "binary"
    # a zip that stores a PDF first, uncompressed, has the PDF's header in its first bytes: it was read as that PDF alone
    import zipfile

    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w") as archive:
        archive.writestr("ana.pdf", make_pdf(RESUME))
        archive.writestr("bo.pdf", make_pdf(RESUME.replace("Ada", "Bo")))
    assert detect_format(stored.getvalue()) == "zip"


def test_a_zip_that_reaches_the_readers_says_what_to_do():
    data = make_zip({name: b"x" * 100 for name in ("applicants/ana.pdf", "applicants/bo.docx", "applicants/notes.xlsx")})
    with pytest.raises(UnsupportedDocument, match=r"^a zip archive of 3 files \(2 of them documents\), not opened: each "
                                                  r"file in it is a document of its own; unpack it and add its files"):
        extract_text(data)
    with pytest.raises(UnsupportedDocument, match=r"^a password-protected zip archive of 2 files") as refused:
        extract_text(make_zip({"ana.pdf": b"x" * 100, "bo.pdf": b"y" * 100}, locked=True))
    assert refused.value.reason == "encrypted"


def test_each_file_of_a_zip_of_resumes_is_a_document_and_the_archivers_litter_is_not():
    from jobfit.documents.archives import archive_members

    inner = make_zip({"bo.docx": make_docx(RESUME.replace("Ada", "Bo"))})
    data = make_zip({"applicants/ana.pdf": make_pdf(RESUME), "applicants/": b"", "applicants/march.zip": inner,
                     "applicants/notes.xlsx": b"PK\x03\x04 a workbook", "__MACOSX/applicants/._ana.pdf": b"\x00\x05\x16\x07",
                     "applicants/.DS_Store": b"\x00\x00\x00\x01Bud1", "applicants/~$notes.xlsx": b"lock", "Thumbs.db": b"\xd0\xcf"})
    members = archive_members(data, Limits())
    assert [m.name for m in members] == ["applicants/ana.pdf", "applicants/march.zip/bo.docx", "applicants/notes.xlsx"]
    assert extract_text(members[1].data).text.startswith("Bo Example")
    # a DOCX is a zip too, and no archive of documents; neither is a zip with nothing but litter in it
    assert archive_members(make_docx(RESUME), Limits()) is None
    assert archive_members(make_zip({"__MACOSX/._ana.pdf": b"\x00"}), Limits()) is None


def test_a_zip_that_cannot_be_opened_whole_is_left_to_the_readers_to_name():
    from jobfit.documents.archives import archive_members

    assert archive_members(make_zip({"ana.pdf": make_pdf(RESUME)}, locked=True), Limits()) is None
    damaged = bytearray(make_zip({"ana.txt": RESUME.encode() * 20}))
    damaged[40:44] = b"\xff" * 4  # inside the member's compressed bytes: zlib fails on them
    assert archive_members(bytes(damaged), Limits()) is None
    # archives in the archive that unpack, all together, beyond the limit, though each one keeps within it
    import random

    inner = make_zip({"big.txt": "".join(random.Random(7).choices("0123456789", k=400_000)).encode()})  # packs to 45%
    nested = make_zip({f"part{n}.zip": inner for n in range(4)})
    limits = Limits(max_unzipped_bytes=1_000_000)
    assert len(archive_members(make_zip({f"part{n}.zip": inner for n in range(2)}), limits)) == 2
    assert archive_members(nested, limits) is None
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(make_zip({"big.txt": b"a" * 3_000_000}), Limits(max_unzipped_bytes=1_000_000))
    assert refused.value.reason == "zip_bomb" and archive_members(make_zip({"big.txt": b"a" * 3_000_000}), limits) is None


def test_each_file_of_a_pdf_portfolio_is_a_document_and_a_pdf_with_attachments_is_itself():
    """Before, a PDF portfolio of resumes was read as its cover page and refused as no resume, its files unread; a
    resume that carries its certificate attached stays the resume."""
    from jobfit.documents import may_hold_documents
    from jobfit.documents.archives import archive_members

    ana, bo = make_pdf(RESUME), make_docx(RESUME.replace("Ada", "Bo"))
    portfolio = make_portfolio({"Ada Example CV.pdf": ana, "Bo Example CV.docx": bo})
    assert detect_format(portfolio) == "pdf" and may_hold_documents(portfolio[:16384])
    members = archive_members(portfolio, Limits())
    assert [(m.name, m.data) for m in members] == [("Ada Example CV.pdf", ana), ("Bo Example CV.docx", bo)]
    assert members[0].saved is not None  # as the portfolio records it
    assert extract_text(members[1].data).text.startswith("Bo Example")
    attached = pymupdf.open(stream=make_pdf(RESUME))
    attached.embfile_add("certificate", make_pdf("Certificate of completion"), filename="certificate.pdf")
    assert archive_members(attached.tobytes(), Limits()) is None and archive_members(make_pdf(RESUME), Limits()) is None
    assert archive_members(make_portfolio({"ana.pdf": ana}, collection=False), Limits()) is None


def test_a_long_text_resume_with_a_quote_never_closed_is_read():
    """Before: 'Error: field larger than field limit (131072)': the check for a table (a CSV of candidates) read the rest
    of the text after the quote as one cell, past the csv module's limit, and the resume was lost to a reader error."""
    papers = "\n".join(f"{n}. On learning from {n} examples. Journal of Examples, 2019." for n in range(1, 3000))
    text = f'{RESUME}\n\nPublications\n"Best paper award, ICML 2019\n{papers}'
    assert len(text) > 131072
    assert extract_text(text.encode()).text.startswith("Ada Example\nData Engineer")


def make_pages(*pages: str, dated: str | None = None) -> bytes:
    """A PDF of the pages, each page's lines from its top down."""
    document = pymupdf.open()
    for text in pages:
        page, y = document.new_page(), 72
        for line in text.split("\n"):
            page.insert_text((72, y), line, fontsize=11)
            y += 16
    if dated:
        document.set_metadata({"creationDate": dated, "modDate": dated})
    return document.tobytes()


_ADA = ("Ada Example\nData Engineer\nada@example.com | +44 113 496 0000\n\nExperience\nData Engineer, Foo Ltd, 2019 - Present\n"
        "Built the warehouse\n\nEducation\nBSc Computer Science, University of Leeds, 2018")
_ADA_2 = "Ada Example · ada@example.com · page 2\n\nSkills\nPython, SQL, Spark\n\nProjects\nA streaming pipeline"
_REFEREES = "Rae Manager, Head of Data, Foo Ltd\nrae.manager@foo.example\n\nJo Tutor, University of Leeds\njo.tutor@leeds.example"
_LETTER = "\n".join(["Dear hiring manager,", "", "I am writing to apply for the analyst role.", *[""] * 12, "Kind regards,",
                      "Bo Example", "bo.example@mail.example"])
_BO = ("Bo Example\nbo.example@mail.example\n\nSummary\nAnalyst of retail data\n\nExperience\nAnalyst, Bar plc, 2020 - 2025\n\n"
       "Education\nMSc Statistics, 2019")
_CY = "Cy Example\nNurse\ncy@example.org\n\nEmployment\nStaff Nurse, City Hospital, 2015 - Present\n\nSkills\nTriage"


def test_each_candidate_of_a_pdf_of_several_resumes_is_a_document_of_their_own():
    """Before, a CV book or an agency's pack of resumes merged into one PDF was one document: one profile with the first
    candidate's name over everyone's jobs. A candidate's second page, the referees' page a referee's address heads and
    the cover letter signed with the address their resume then heads stay that candidate's; the book's cover is a part
    of its own, which the readers name (no resume)."""
    from jobfit.documents.archives import archive_members

    cover = "Leeds Data School\nCV book, class of 2026\n\nThe graduates of this year"
    book = make_pages(cover, _ADA, _ADA_2, _REFEREES, _LETTER, _BO, _CY, dated="D:20260303081200+01'00'")
    members = archive_members(book, Limits())
    assert [member.name for member in members] == ["page 1.pdf", "pages 2-4.pdf", "pages 5-6.pdf", "page 7.pdf"]
    assert {member.saved.isoformat() for member in members} == {"2026-03-03"}
    time.sleep(1.1)  # (a PDF's /ID is stamped with the time it is written)
    assert [member.data for member in archive_members(book, Limits())] == [member.data for member in members]  # as listed
    texts = [pymupdf.open(stream=member.data).page_count for member in members]
    assert texts == [1, 3, 2, 1]
    read = [extract_text(member.data).text for member in members[1:]]
    assert read[0].startswith("Ada Example") and "rae.manager@foo.example" in read[0] and "Bo Example" not in read[0]
    assert read[1].startswith("Dear hiring manager") and "Analyst, Bar plc" in read[1] and "Nurse" not in read[1]
    assert read[2].startswith("Cy Example")
    with pytest.raises(UnsupportedDocument):
        extract_text(members[0].data)  # the cover: no resume
    assert archive_members(make_pages(_ADA, _CY), Limits()) is not None  # two one-page resumes
    # a book longer than a resume may be (30 pages) was held back whole as too_many_pages: each candidate is within it
    long_book = make_pages(*[page.replace("ada@", f"ada{n}@") for n in range(20) for page in (_ADA, _ADA_2)])
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(long_book)
    assert refused.value.reason == "too_many_pages"
    assert [member.name for member in archive_members(long_book, Limits())][-1] == "pages 39-40.pdf"
    # a German CV book: its resumes' headings are the resume parser's German ones
    anna, ben = (f"{name} Beispiel\n{name.lower()}@beispiel.de\n\nBerufserfahrung\nDatenanalyst, Foo GmbH, 2019 - heute\n\n"
                 "Ausbildung\nM.Sc. Statistik, Universität Mannheim, 2018" for name in ("Anna", "Ben"))
    assert [member.name for member in archive_members(make_pages(anna, ben), Limits())] == ["page 1.pdf", "page 2.pdf"]


@pytest.mark.parametrize("pages", [
    (_ADA, _ADA_2, _REFEREES), (_ADA, "References\nRae Manager, Foo Ltd\nrae.manager@foo.example\n\nLanguages\nEnglish, German"),
    (_LETTER, _BO), (_BO, _LETTER), (_ADA,)],
    ids=["running head and referees", "referees and languages", "letter then resume", "resume then letter", "one page"])
def test_one_candidate_s_pdf_of_several_pages_is_one_document(pages):
    from jobfit.documents.archives import archive_members

    assert archive_members(make_pages(*pages), Limits()) is None


@pytest.mark.parametrize("kind", ["7z", "rar", "rar5", "tar.gz", "tar.xz"])
def test_a_7z_rar_or_tar_archive_of_resumes_is_opened_as_a_zip_is(kind):
    """Before, such an archive was 'binary files are not resumes we can read' (7-Zip, tar, a compressed tar), and a RAR or
    a tar that stored a PDF first was read as that PDF, the other files in it lost without a word."""
    from datetime import date

    from jobfit.documents.archives import archive_members
    from tests.conftest import make_archive

    inner = make_zip({"bo.docx": make_docx(RESUME.replace("Ada", "Bo"))})
    data = make_archive(kind, {"applicants/ana.pdf": make_pdf(RESUME), "applicants/march.zip": inner,
                               "applicants/notes.txt": b"Interview Ana on Monday.", "applicants/.DS_Store": b"\x00\x00Bud1"})
    assert detect_format(data) == {"rar5": "rar", "tar.gz": "tar", "tar.xz": "tar"}.get(kind, kind)
    members = archive_members(data, Limits())
    assert [m.name for m in members] == ["applicants/ana.pdf", "applicants/march.zip/bo.docx", "applicants/notes.txt"]
    assert members[0].saved == members[2].saved == date(2024, 1, 15)  # 'Present' in each is then
    assert extract_text(members[0].data).text.startswith("Ada Example")
    assert extract_text(members[1].data).text.startswith("Bo Example")


def test_a_7z_rar_or_tar_archive_that_cannot_be_opened_whole_says_why():
    from jobfit.documents.archives import archive_members
    from tests.conftest import make_archive

    for kind in ("rar", "rar5"):  # (Debian 12's libarchive reads a locked RAR 5 file's bytes as if they were the file)
        locked = make_archive(kind, {"ana.pdf": make_pdf(RESUME), "bo.pdf": make_pdf(RESUME)}, locked=True)
        assert archive_members(locked, Limits()) is None
        with pytest.raises(UnsupportedDocument, match=r"^a password-protected RAR archive of 2 files: ask the sender") as refused:
            extract_text(locked)
        assert refused.value.reason == "encrypted"
    damaged = make_archive("7z", {"ana.txt": RESUME.encode() * 20})[:100]
    assert archive_members(damaged, Limits()) is None
    with pytest.raises(UnsupportedDocument, match=r"^a damaged 7-Zip archive") as refused:
        extract_text(damaged)
    assert refused.value.reason == "corrupt"
    # a compressed tar states no sizes up front: counted as it unpacks, and refused past the limit
    bomb = make_archive("tar.gz", {"big.txt": b"a" * 3_000_000})
    assert archive_members(bomb, Limits(max_unzipped_bytes=1_000_000)) is None
    assert len(archive_members(bomb, Limits(max_unzipped_bytes=4_000_000, max_zip_ratio=1000))) == 1
    with pytest.raises(UnsupportedDocument, match=r"^the file would unpack to 3 MB or more") as refused:
        extract_text(bomb, Limits(max_unzipped_bytes=1_000_000))
    assert refused.value.reason == "zip_bomb"


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_an_archive_of_more_files_than_one_may_bring_in_is_left_to_the_readers(kind, monkeypatch):
    """An export of a whole applicant tracking system, or a bomb of empty files (a zip of a million names is a few
    megabytes): before, each file became a document, as many runs and partitions."""
    from jobfit.documents import archives
    from tests.conftest import make_archive

    monkeypatch.setattr(archives, "MAX_MEMBERS", 3)
    data = make_archive(kind, {f"cv{n}.txt": RESUME.encode() for n in range(4)})
    assert archives.archive_members(data, Limits()) is None
    assert len(archives.archive_members(make_archive(kind, {f"cv{n}.txt": RESUME.encode() for n in range(3)}), Limits())) == 3
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(data)
    assert refused.value.message.startswith(f"a {kind[:3]} archive of more than 3 files, more than one archive may bring in: "
                                            "unpack it")


@pytest.mark.parametrize("parts, named", [
    ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>", "styles.xml": b"<x/>"},
     "an OpenDocument spreadsheet, not a resume: send the resume as a PDF or a Word file (DOCX or DOC)"),
    ({"mimetype": b"application/epub+zip", "META-INF/container.xml": b"<x/>", "OEBPS/cv.xhtml": b"<html/>"},
     "an e-book (EPUB), not a resume: send the resume as a PDF or a Word file (DOCX or DOC)"),
    ({"Index/Document.iwa": b"\x00\x01", "Metadata/Properties.plist": b"<plist/>", "preview.jpg": b"\xff\xd8\xff"},
     "an Apple Pages, Numbers or Keynote file, which jobfit does not read: ask for it exported as PDF or Word (File → "
     "Export To)"),
    ({"[Content_Types].xml": b"<Types/>", "visio/document.xml": b"<x/>"},
     "an Office Open XML file that is no Word document (a Visio drawing, an XPS page): send the resume as a PDF or a Word "
     "file (DOCX or DOC)")], ids=["ods", "epub", "pages", "visio"])
def test_a_document_that_is_a_zip_is_named_not_unpacked_as_an_archive_of_files(parts, named):
    """Before, a résumé written in Pages (or a spreadsheet, an e-book) was taken for a zip archive of files and each of
    its parts taken in as a document: 'Index/Document.iwa', 'preview.jpg' … each held back as no resume."""
    from jobfit.documents.archives import archive_members

    data = make_zip(parts)
    assert archive_members(data, Limits()) is None
    with pytest.raises(UnsupportedDocument) as refused:
        extract_text(data)
    assert (refused.value.reason, refused.value.message) == ("unsupported_format", named)


def test_an_excel_workbook_or_a_deck_is_named_for_what_it_is():
    import io
    import zipfile

    for part, name in (("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx")):
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(part, "<workbook/>")
        with pytest.raises(UnsupportedDocument, match=f"^{name} files are not resumes we can read"):
            extract_text(data.getvalue())


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200, "unsupported_format"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "corrupt"),
        (b"%PDF-1.7\n this is not really a pdf", "corrupt"),
        (b"PK\x03\x04 broken zip", "corrupt"),
        (b"Hello", "empty_text"),
    ],
)
def test_unusable_files_get_a_reason(data, reason):
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(data)
    assert caught.value.reason == reason
    assert caught.value.message  # a sentence a person can act on


def test_a_document_of_a_few_words_says_what_was_found():
    """A text file of one word was 'no readable text was found (a blank page or an unreadable scan?): send a PDF with a
    text layer': neither is so, and its sender could not tell what was wrong."""
    def why(data: bytes) -> str:
        with pytest.raises(UnsupportedDocument) as caught:
            extract_text(data)
        assert caught.value.reason == "empty_text"
        return caught.value.message

    assert why(b"Ada Example") == 'only 2 words were found ("Ada Example"): too little for a resume; send the whole resume'
    assert why(make_pdf("Page 1")) == 'only 2 words were found ("Page 1"): a blank page or an unreadable scan? send a PDF with ' \
                                      "a text layer or a DOCX"


def test_encrypted_pdf_is_refused_with_advice():
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(make_pdf(RESUME, encrypt=True))
    assert caught.value.reason == "encrypted"
    assert "unlocked copy" in caught.value.message


def test_size_limit_applies():
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(RESUME.encode() * 1000, Limits(max_bytes=10_000))
    assert caught.value.reason == "too_large"
