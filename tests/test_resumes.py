"""Resume text to a JSON Resume profile with meta."""

from datetime import date

from jobfit.resumes import merged_years, parse_resume, split_sections

TEXT = """Jordan Sample
Backend Engineer
jordan.sample@example.com | +1 206 555 0100 | Seattle, WA
github.com/jordan-sample

SUMMARY
Backend engineer building APIs in Python and Go.

EXPERIENCE
Senior Backend Engineer at Cedar Systems | Jan 2020 - Present
- Built REST APIs on PostgreSQL serving 2M requests a day
Backend Engineer, Pine Apps, Jun 2017 - Mar 2020
- Wrote microservices in Python

EDUCATION
Bachelor of Science in Computer Science, Oregon State University, 2017

SKILLS
Python, Golang, PostgreSQL, Docker, k8s
"""


def test_basics_are_found(matcher):
    profile = parse_resume(TEXT, matcher=matcher, tenant="acme", document_sha256="ab" * 32, today=date(2026, 1, 1))
    assert profile.basics.name == "Jordan Sample"
    assert profile.basics.label == "Backend Engineer"
    assert profile.basics.email == "jordan.sample@example.com"
    assert profile.basics.location.city == "Seattle" and profile.basics.location.region == "WA"
    assert profile.basics.profiles[0].network == "GitHub"
    assert profile.meta.tenant == "acme" and profile.meta.document_sha256 == "ab" * 32


def test_work_history_with_dates(matcher):
    profile = parse_resume(TEXT, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name) for w in profile.work] == [
        ("Senior Backend Engineer", "Cedar Systems"),
        ("Backend Engineer", "Pine Apps"),
    ]
    assert profile.work[0].startDate == "2020-01" and profile.work[0].endDate is None
    assert profile.work[0].highlights == ["Built REST APIs on PostgreSQL serving 2M requests a day"]
    # Jun 2017 through Jan 2026 (the open role counts to today's month), the 2020 overlap once: 104 months.
    assert profile.meta.total_years_experience == 8.7
    assert profile.meta.career_level == "mid-senior"


def test_skills_are_normalized_to_the_taxonomy(matcher):
    profile = parse_resume(TEXT, matcher=matcher)
    by_id = {s.id: s for s in profile.meta.skills}
    assert {"python", "go", "postgresql", "docker", "kubernetes"} <= set(by_id)
    assert "k8s" in by_id["kubernetes"].evidence  # the resume's own wording is kept
    assert "Golang" in by_id["go"].evidence
    assert profile.meta.taxonomy_version == matcher.taxonomy.version  # the version it was matched with


def test_education_level(matcher):
    profile = parse_resume(TEXT, matcher=matcher)
    # the degree as the resume writes it (what a recruiter reads), its level normalized, the field on its own
    assert profile.education[0].studyType == "Bachelor of Science in Computer Science"
    assert profile.education[0].level == "bachelor"
    assert profile.education[0].area == "Computer Science"
    assert profile.education[0].institution == "Oregon State University"
    assert profile.meta.education_level == "bachelor"


def test_overlapping_intervals_count_once():
    intervals = [((2018, 1), (2019, 12)), ((2019, 1), (2020, 12)), ((2022, 1), None)]
    assert merged_years(intervals, today=date(2023, 1, 1)) == 4.1


def test_headings_in_many_styles():
    lines = ["Name", "WORK EXPERIENCE:", "a", "Education", "b", "Technical Skills", "c", "E xp er ie nc e", "d",
             "Technologies: Java", "EDUCATION", "Skills: Python, Java", "ACHIEVEMENTS AND ACCOMPLISHMENTS", "e"]
    sections = [(s.name, s.lines) for s in split_sections(lines)]
    # letter-spaced headings are read; "Technologies: ..." under a job stays in it, elsewhere "Skills: ..." opens one
    assert sections == [("header", ["Name"]), ("experience", ["a"]), ("education", ["b"]), ("skills", ["c"]),
                        ("experience", ["d", "Technologies: Java"]), ("education", []), ("skills", ["Python, Java"]),
                        ("awards", ["e"])]


def test_ambiguous_short_names_need_their_casing(matcher):
    found = {m.skill.id for m in matcher.find("We go to the office. Experience with R and Go required.")}
    assert "go" in found and "r-language" in found
    assert not {m.skill.id for m in matcher.find("we go there and come back")} & {"go"}


def test_work_entries_in_the_layouts_resumes_use(matcher):
    text = """Kim Layout
Experience
Java Developer
Northwind Systems Ltd - Pune, Maharashtra -
February 2016 to Present
- Built quoting services
Designation: Advertising Executive
Organization: Violet Advertisers, Phoenix, AZ
Duration: May 2010 - till date
Software Engineer, 1/09 to 12/12
ABC Company, Inc., Sometown, CA
Wrote services for clients across the region and kept them running
Education
Bachelor of Engineering in Electronics, Example University, 2008
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Java Developer", "Northwind Systems Ltd", "2016-02", None),
        ("Advertising Executive", "Violet Advertisers", "2010-05", None),
        ("Software Engineer", "ABC Company, Inc.", "2009-01", "2012-12"),
    ]
    assert [w.location for w in work] == ["Pune, Maharashtra", "Phoenix, AZ", "Sometown, CA"]
    assert work[0].highlights == ["Built quoting services"]


def test_listed_skills_keep_their_years_and_unknown_ones_their_wording(matcher):
    text = "Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\nPython (3 years), ESSBASE (Less than 1 year), Hyperion Planning, C++"
    profile = parse_resume(text, matcher=matcher)
    by_id = {s.id: s for s in profile.meta.skills}
    assert by_id["python"].years == 3 and by_id["cpp"].evidence == ["C++"]
    listed = {s.name: s.keywords for s in profile.skills}
    assert listed["ESSBASE"] == ["ESSBASE"] and listed["Hyperion Planning"] == ["Hyperion Planning"]
    assert "essbase" not in by_id  # not on the taxonomy: kept as worded, not normalized
