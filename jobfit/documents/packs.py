"""The candidates of a PDF of several resumes: a university's CV book, an agency's pack, a recruiter's "merge into one
PDF". Each candidate's pages become a PDF of their own, read as any resume is; read whole, the pack was one profile of
everyone's jobs under the first candidate's name.

A candidate's resume starts on the page whose head (its top HEAD_SHARE) gives email addresses, none of them the
writer's of the part before it (the addresses heading that part's pages, or where none does, any it gives): a second
page that repeats its writer's address in a running head stays theirs, and a cover letter signed with the new address
just before goes with the new resume. A part so started that is no resume of its own (headings of fewer than SECTIONS
resume sections, or none of work, education or skills, in any language the resume parser reads: a referees' page a
referee's address heads, a certificate) stays with the one before it. A PDF is a pack only when two or more of its
parts are resumes; what comes before the first (a CV book's cover) is a part too, which the readers name for what it
is. Each part is cut the same, byte for byte, every time (the inbox sensor lists the parts and the run that takes them
in cuts them again).
"""

from __future__ import annotations

from dataclasses import dataclass

from jobfit.text import EMAIL

HEAD_SHARE = 0.3  # the top of a page that heads it: a resume's name and contact details
MAX_PAGES = 2000  # a longer PDF is a book, not a pack: read as itself
SECTIONS = 2  # resume sections a part needs headings of to be a resume of its own, one of them a CORE one
CORE = frozenset({"experience", "education", "skills"})  # (not a referees' or a languages' page alone)


@dataclass(frozen=True)
class Part:
    first: int  # its first page, from 0
    last: int  # its last page

    @property
    def name(self) -> str:
        """As an operator finds it among the pack's files: 'page 3.pdf', 'pages 3-4.pdf' (pages counted from 1)."""
        return f"page {self.first + 1}.pdf" if self.first == self.last else f"pages {self.first + 1}-{self.last + 1}.pdf"


def pack_parts(document) -> list[Part] | None:
    """The candidates' parts of a PyMuPDF document, in page order, when it is a pack of two or more resumes; None for
    any other PDF (one resume of any length, a resume with its letters and certificates)."""
    if not 2 <= document.page_count <= MAX_PAGES:
        return None
    later = [_head_addresses(page) for page in document.pages(1)]
    if not any(later):
        return None  # (most PDFs: no page after the first is headed by an address, so no other resume starts)
    pages = [_page(page, head) for page, head in zip(document, [_head_addresses(document[0]), *later], strict=True)]
    starts, heads, held = [0], set(), set()
    for number, page in enumerate(pages):
        own = heads or held  # the part's writer: the addresses heading its pages, or any it gives
        if number and page.head and not page.head & own:
            start = number  # a cover letter signed with the new address, before its resume, is the new candidate's
            while start - 1 > starts[-1] and page.head & pages[start - 1].addresses and not own & pages[start - 1].addresses:
                start -= 1
            starts.append(start)
            heads, held = set(), set().union(*(before.addresses for before in pages[start:number]))
        heads |= page.head
        held |= page.addresses
    parts: list[Part] = []
    for first, following in zip(starts, [*starts[1:], len(pages)], strict=True):
        if parts and not _resume(pages[first:following]):
            parts[-1] = Part(parts[-1].first, following - 1)
        else:
            parts.append(Part(first, following - 1))
    return parts if sum(_resume(pages[part.first:part.last + 1]) for part in parts) >= 2 else None


def part_pdf(document, part: Part) -> bytes:
    """The part's pages as a PDF of their own, with the pack's metadata (its dates date the resume)."""
    import pymupdf

    with pymupdf.open() as out:
        out.insert_pdf(document, from_page=part.first, to_page=part.last)
        out.set_metadata({key: value for key, value in document.metadata.items() if value and key not in ("format", "encryption")})
        return out.tobytes(garbage=3, deflate=True, no_new_id=True)


@dataclass(frozen=True)
class _Page:
    sections: frozenset[str]  # the resume sections its headings open
    addresses: frozenset[str]  # the email addresses it gives
    head: frozenset[str]  # those in its head


def _page(page, head: frozenset[str]) -> _Page:
    # (the resume parser's headings, in each language it reads: a German CV book's 'Berufserfahrung', 'Ausbildung')
    from jobfit.resumes.sections import heading_of

    text = page.get_text("text", sort=False)
    lines = [line for line in text.split("\n") if line.strip()]
    return _Page(frozenset(filter(None, map(heading_of, lines))), _addresses(text), head)


def _head_addresses(page) -> frozenset[str]:
    """The email addresses in the page's head: its top HEAD_SHARE."""
    top = page.rect.y0 + page.rect.height * HEAD_SHARE
    return _addresses(page.get_text("text", clip=(page.rect.x0, page.rect.y0, page.rect.x1, top)))


def _addresses(text: str) -> frozenset[str]:
    return frozenset(address.lower() for address in EMAIL.findall(text))


def _resume(pages: list[_Page]) -> bool:
    """Whether the pages are a resume of their own: the headings of two or more resume sections, one of them a job's,
    a school's or skills'."""
    sections = frozenset().union(*(page.sections for page in pages))
    return len(sections) >= SECTIONS and bool(sections & CORE)
