"""Documents become text, or a reason a person can act on; the format is judged by content."""

import io

import pymupdf
import pytest

from jobfit.documents import Limits, UnsupportedDocument, detect_format, extract_text

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


def test_format_comes_from_content_not_name():
    assert detect_format(make_pdf(RESUME)) == "pdf"
    assert detect_format(make_docx(RESUME)) == "docx"
    assert detect_format(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100) == "png"
    assert detect_format(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100) == "binary"


def test_a_zip_of_resumes_says_to_unpack_it():
    import io
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name in ("applicants/ana.pdf", "applicants/bo.docx", "applicants/notes.xlsx"):
            archive.writestr(name, b"x" * 100)
    with pytest.raises(UnsupportedDocument, match=r"^a zip archive of 3 files \(2 of them documents\): unpack it"):
        extract_text(data.getvalue())


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


def test_encrypted_pdf_is_refused_with_advice():
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(make_pdf(RESUME, encrypt=True))
    assert caught.value.reason == "encrypted"
    assert "unlocked copy" in caught.value.message


def test_size_limit_applies():
    with pytest.raises(UnsupportedDocument) as caught:
        extract_text(RESUME.encode() * 1000, Limits(max_bytes=10_000))
    assert caught.value.reason == "too_large"
