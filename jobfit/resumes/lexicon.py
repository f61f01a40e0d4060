"""Words that tell a job title from an employer (role nouns from ESCO's occupation labels, organization words),
and the names of spoken languages."""

from __future__ import annotations

import functools
import re
from collections import Counter

from jobfit.taxonomy import Taxonomy, alias_key, title_head
from jobfit.text import READ_LANGUAGES, english_words

# Nouns that name an organization, not a person's role ("ABC Store", "Acme Group", "City Hospital").
ORG_WORDS = frozenset("""
inc incorporated ltd limited llc llp plc gmbh ag sa bv pvt pte corp corporation company co companies group holdings
technologies technology solutions systems services service consulting consultancy consultants labs lab software
infotech infosystems informatics bank banking insurance university college institute school academy hospital clinic
center centre agency studio studios partners associates enterprises enterprise industries industry foundation
department ministry government council authority store stores shop restaurant hotel club church network networks
media communications international global worldwide corporate division force army navy airlines airways motors
pharmaceuticals pharma capital ventures trust fund organisation organization society association federation office
firm factory mills works plant publications press magazine newspaper radio television tv channel broadcasting
""".split())
TITLE_EXTRA = frozenset("""
intern trainee apprentice associate executive specialist consultant officer president director analyst architect
administrator assistant representative coordinator technician professional expert agent aide head lead chief
secretary receptionist cashier attorney advisor adviser scientist clerk chef cook nurse teacher tutor pilot staff
engineer developer manager programmer designer supervisor founder cofounder co-founder owner partner principal
volunteer freelancer contractor member fellow researcher professor lecturer instructor trainer coach
chair chairperson provost adjunct postdoc liaison evangelist comptroller waitress vp incharge in-charge generalist
""".split())
# The role nouns of German, French, Spanish, Italian and Portuguese titles ('Softwareentwickler', 'Chef de projet',
# 'Ingeniera de Software', 'Sviluppatore'): ESCO's labels are English
FOREIGN_ROLES = frozenset("""
entwickler entwicklerin softwareentwickler softwareentwicklerin ingenieur ingenieurin berater beraterin leiter leiterin
teamleiter teamleiterin projektleiter projektleiterin abteilungsleiter referent referentin sachbearbeiter
sachbearbeiterin kaufmann kauffrau mitarbeiter mitarbeiterin werkstudent werkstudentin praktikant praktikantin
geschäftsführer geschäftsführerin assistent assistentin architekt architektin techniker technikerin wissenschaftler
wissenschaftlerin lehrer lehrerin verkäufer verkäuferin pfleger pflegerin erzieher erzieherin informatiker
informatikerin fachinformatiker programmierer programmiererin buchhalter buchhalterin
développeur développeuse ingénieur ingénieure consultante chef responsable directeur directrice chargé chargée
technicien technicienne analyste stagiaire assistante commerciale architecte gestionnaire comptable enseignant
enseignante professeur infirmier infirmière vendeur vendeuse conseiller conseillère programmeur chercheur chercheuse
cuisinier serveur serveuse employé employée opérateur opératrice alternant alternante
ingeniero ingeniera desarrollador desarrolladora gerente directora jefe jefa consultor consultora técnico técnica
programador programadora diseñador diseñadora arquitecto arquitecta coordinador coordinadora asistente administrativo
administrativa becario becaria profesora enfermero enfermera vendedor vendedora contable asesor asesora investigador
investigadora
sviluppatore sviluppatrice ingegnere consulente responsabile direttore direttrice tecnico progettista programmatore
impiegato impiegata insegnante stagista analista
desenvolvedor desenvolvedora engenheiro engenheira diretor diretora estagiário estagiária coordenador coordenadora
ontwikkelaar softwareontwikkelaar analist medewerker medewerkster adviseur beheerder projectleider teamleider
leidinggevende docent leraar lerares verpleegkundige boekhouder verkoper verkoopster stagiair programmeur ontwerper
""".split())
LEGAL_SUFFIX = re.compile(r"\b(inc|ltd|llc|llp|plc|gmbh|pvt|pte|corp|limited|co)\b(?!-)\.?", re.I)  # not the co- of "Co-founder"
# A professional firm's suffix, in capitals after a comma at the end ("Cohen, Jayson & Foster, PA"): not the
# role noun PA (physician assistant) nor Pennsylvania, which a place would name with its city.
FIRM_SUFFIX = re.compile(r",\s*(?:P\.?A|P\.?C|PLLC)\.?\s*$")


_ROLE_NOUNS: dict[str, frozenset[str]] = {}  # per taxonomy version: built once, not per resume


def role_nouns(taxonomy: Taxonomy) -> frozenset[str]:
    """Words that end job titles in ESCO ("engineer", "roustabout", "copywriter"), plus the common English ones."""
    cached = _ROLE_NOUNS.get(taxonomy.version)
    if cached is None:
        heads, seen = Counter(), Counter()
        technologies = {alias_key(name) for skill in taxonomy.skills.values() if skill.type == "technology"
                        for name in (skill.name, *skill.aliases, *skill.exact)}
        for occupation in taxonomy.occupations.values():
            for label in (occupation.title, *occupation.aliases):
                # 'director of agriculture': the title's head comes before its complement; not in 'Ruby on Rails
                # Developer', where a technology does (Ruby is no role)
                head = title_head(label)
                if head != label.lower() and alias_key(head) in technologies:
                    continue
                words = re.findall(r"[a-z][a-z-]+", head)
                if words:
                    heads[words[-1]] += 1
                    seen.update(set(words))
        # a word that mostly modifies ('cable jointer', 'care assistant') is no role noun unless it names an agent
        agentive = {w for w in heads if w not in ORG_WORDS and not re.search(r"(ing|ment|ics|tion|sion|ology|ness|ity|ies|s)$", w)
                    and (heads[w] >= 0.5 * seen[w] or _AGENT.search(w))}
        cached = _ROLE_NOUNS[taxonomy.version] = frozenset(agentive | TITLE_EXTRA | FOREIGN_ROLES)
    return cached


_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|eer|ee|man|woman|guard|legal|ier|ster|wright|smith)$")


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_-]*)*", text.lower())  # 'développeur' is one word


# a note in brackets after a title: the program, the grade, the terms, an abbreviation ('Developer (contract)')
_TITLE_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")


def split_note(title: str) -> tuple[str, str | None]:
    """'Teacher (1st & 3rd Grade)' -> ('Teacher', '1st & 3rd Grade'); a title with no such note is left whole."""
    found = _TITLE_NOTE.search(title)
    if found and title[: found.start()].strip(" ,-–"):
        return title[: found.start()].strip(" ,-–"), found.group(1).strip()
    return title, None


def _role_of(text: str, words: list[str], roles: frozenset[str]) -> bool:
    """A role of something named: 'Director of Information Technology', 'Head of Global Services' (not 'Bank of
    America', nor the duty 'Developer of bank services'), or a rank before what it heads, with no 'of' ('VP Field
    Services' of 'Division Manager/VP Field Services', 'Director Client Services')."""
    at = words.index("of") if "of" in words else 0
    if at > 0 and words[at - 1] in roles and bool(re.search(r"\bof\s+(?:the\s+)?[A-Z]", text)):
        return True
    return heads_a_function(words_of(re.split(r"\s*/\s*", text)[-1]))


_RANKS = frozenset({"vp", "svp", "evp", "avp", "director", "head", "chief"})


def heads_a_function(words: list[str]) -> bool:
    """A rank before what it heads, with no 'of': 'VP Field Services', 'Director Client Services', 'Vice President
    Operations'."""
    return len(words) >= 2 and (words[0] in _RANKS or words[:2] == ["vice", "president"] and len(words) > 2)


def title_score(text: str, roles: frozenset[str]) -> float:
    """How much a short line reads as a job title: role nouns in it, organization words against it."""
    words = words_of(text)
    if not words or len(words) > 9:
        return 0.0
    # 'Web-Developer', 'Co-Founder': the word after the hyphen, written as a word ('D-BookeR' names a firm)
    if "-" in text:
        tails = {m.group(1).lower() for m in re.finditer(r"-([A-Z]?[a-z]+|[A-Z]+)\b", text)}
        words = [w.rsplit("-", 1)[-1] if "-" in w and w not in roles and w.rsplit("-", 1)[-1] in tails else w for w in words]
    score = 0.0
    # a plural counts inside a title ('Sales Associates Trainer'), not at its end: 'Pinsent Masons' is a firm
    if any(w in roles or w.rstrip("s") in roles and (i < len(words) - 1 or len(words) == 1) for i, w in enumerate(words)):
        score += 1.0
    if words[-1] in roles:
        score += 0.5
    if words[-1] in ORG_WORDS and not _role_of(text, words, roles):
        score -= 0.8  # "Infosys Technologies"; but "Software Engineer", "Systems Analyst", "Director of Technology" are titles
    if LEGAL_SUFFIX.search(text) or FIRM_SUFFIX.search(text):
        score -= 1.0
    return score


def company_score(text: str, roles: frozenset[str]) -> float:
    """How much a short line reads as an employer's name."""
    words = words_of(text)
    if not words or len(words) > 10:
        return 0.0
    score = 0.0
    if LEGAL_SUFFIX.search(text) or FIRM_SUFFIX.search(text):
        score += 1.5
    has_role = any(w in roles for w in words)
    if words[-1] in ORG_WORDS and not _role_of(text, words, roles) or (not has_role and any(w in ORG_WORDS for w in words)):
        score += 1.0
    if "&" in text or re.search(r"\b[A-Z]{2,}\b", text) and not text.isupper():
        score += 0.3
    if len(words) >= 2 and words[-1].endswith("s") and words[-1] not in roles and words[-1] not in ORG_WORDS and words[-1][:-1] in roles:
        score += 0.8  # 'Gridlock Builders', 'Ambrose Hall & Partners': a firm is named for its people, a title is one role
    if has_role:
        score -= 0.7
    return score


# What people call a language that ISO 639-1 names otherwise ("Chinese", "Persian", "Tagalog")
_LANGUAGE_ALIASES = ("mandarin", "cantonese", "hokkien", "farsi", "filipino")


@functools.cache
def spoken_languages() -> frozenset[str]:
    """Lower-cased names of the ISO 639-1 languages, whole ("scottish gaelic") and by their last word ("greek" of
    "Modern Greek (1453-)"), with the everyday names ISO does not use."""
    import pycountry

    names = set(_LANGUAGE_ALIASES)
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            for name in re.split(r";\s*", language.name):
                name = re.sub(r"\s*\(.*\)$", "", name).lower()
                names |= {name, name.split()[-1]}
    return frozenset(names)


# the languages whose names for languages a resume may use: those jobfit reads, and Dutch ('Engels', 'Duits')
RESUME_LANGUAGES = (*READ_LANGUAGES, "nl")


@functools.cache
def foreign_language_names() -> dict[str, str]:
    """Lower-cased names of the ISO 639-1 languages as German, French, Spanish, Italian, Portuguese and Dutch write them
    ('deutsch', 'anglais', 'inglés', 'spanisch' of 'Spanisch (Kastilisch)'), each to its English name (pycountry's
    translations)."""
    import gettext

    import pycountry

    names: dict[str, str] = {}
    for code in RESUME_LANGUAGES:
        translation = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[code], fallback=True)
        for language in pycountry.languages:
            if not hasattr(language, "alpha_2"):
                continue
            english = re.sub(r"\s*\(.*\)$", "", language.name.split(";")[0])
            local = re.sub(r"\s*\(.*\)$", "", translation.gettext(language.name).split(";")[0]).lower()
            if local and local != english.lower():
                names.setdefault(local, english)
    return names


# a language named in German, French, Spanish, Italian or Portuguese, alone or in a German compound: 'Deutsch',
# 'Englischkenntnisse', 'Deutsch- und Englischkenntnisse', 'anglais courant', 'Inglés avanzado'
_NAMED_LANGUAGE = re.compile(r"(?<![\w-])([^\W\d_]{3,}?)(?:sprachkenntnisse|kenntnisse|-(?=\s+(?:und|oder)\s))?(?![\w])")


def _english_of(match: re.Match, listed: bool = False) -> str | None:
    """The English name of the language a `_NAMED_LANGUAGE` match names, if it names one: capitalized, or in lower case
    as the Romance languages write them; in running text not a word English uses too ('Chino, CA', 'Russo Consulting',
    'Latino'), though in a list of languages it is one ('Engels' is the Dutch for English)."""
    word = match.group(1).lower()
    english = foreign_language_names().get(word)
    if english and (match.group(1)[0].isupper() or word in _LOWERCASE_LANGUAGE_NAMES) and (listed or word not in english_words()):
        return english
    return None


def languages_named(text: str) -> list[tuple[str, str]]:
    """(English name, the words as written) of each language `text` names in one of RESUME_LANGUAGES."""
    return [(english, m.group().rstrip("-")) for m in _NAMED_LANGUAGE.finditer(text) if (english := _english_of(m))]


# how well a language is spoken, as an English resume states it ('Fluent', 'Mother tongue', 'C1', and as Asia and Africa
# write it, 'Excellent', 'Good', 'Fair')
FLUENCY = re.compile(r"\b(native|mother\s*tongue|fluent|bilingual|professional|conversational|basic|intermediate|advanced|"
                     r"elementary|proficient|beginners?|C2|C1|B2|B1|A2|A1|excellent|very good|good|fair|average|poor|limited)\b", re.I)


# Malay and Indonesian name a language 'Bahasa' and its people or country: 'Bahasa Malaysia', 'Bahasa Inggeris'
_BAHASA = {"malaysia": "Malay", "melayu": "Malay", "malayu": "Malay", "indonesia": "Indonesian", "inggeris": "English",
           "inggris": "English", "cina": "Chinese", "mandarin": "Mandarin", "arab": "Arabic", "tamil": "Tamil",
           "jepun": "Japanese", "jepang": "Japanese", "jerman": "German", "perancis": "French", "sepanyol": "Spanish"}
_BAHASA_NAME = re.compile(r"\b[Bb]ahasa\s+(" + "|".join(_BAHASA) + r")\b", re.I)


def in_english(text: str) -> str:
    """`text`, an item of a list of languages, with the languages it names in another language named in English
    ('Deutsch (Muttersprache)' -> 'German (Muttersprache)', 'Bahasa Malaysia' -> 'Malay', 'Engels' -> 'English'); text
    that names none comes back as it is."""
    text = _BAHASA_NAME.sub(lambda m: _BAHASA[m.group(1).lower()], text)
    return _NAMED_LANGUAGE.sub(lambda m: _english_of(m, listed=True) or m.group(), text)


# French, Spanish, Italian and Portuguese write languages in lower case ('anglais courant', 'inglés avanzado')
_LOWERCASE_LANGUAGE_NAMES = frozenset("""anglais allemand français espagnol italien portugais chinois japonais arabe russe
néerlandais inglés alemán francés español italiano portugués chino japonés árabe ruso inglese tedesco francese spagnolo
portoghese cinese giapponese russo inglês alemão francês espanhol português""".split())
