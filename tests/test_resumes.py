"""Resume text to a JSON Resume profile with meta."""

from datetime import date

import pytest

from jobfit.resumes import degree_of, merged_years, parse_resume, profile_text, split_sections

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
    assert profile.basics.phone == "+12065550100"  # E.164
    assert profile.basics.location.city == "Seattle" and profile.basics.location.region == "WA"
    assert profile.basics.profiles[0].network == "GitHub"
    assert profile.meta.tenant == "acme" and profile.meta.document_sha256 == "ab" * 32


def test_a_degree_form_placeholder_or_personal_detail_under_the_name_is_no_title(matcher):
    for line in ("Master of Science in Special Education", "City, State, Zip Code", "SOFTWARE ENGINEERING AND", "Driver license",
                 "Versatile, holistic leader", "Optimistic Project Manager with a",  # a quality first; a sentence cut off
                 "Technical excellence to deliver user value", "very top gives you some extra room for a photo"):  # sentences
        profile = parse_resume(f"Jane Roe\n{line}\njane.roe@example.com\nEXPERIENCE\nTeacher, Oak School, 2015 - 2019\n",
                               matcher=matcher)
        assert profile.basics.label == "Teacher", line  # the latest position stands in


def test_a_title_in_lower_case_is_a_title(matcher):
    profile = parse_resume("Jane Roe\nhead of operation and logistics\njane.roe@example.com\n", matcher=matcher)
    assert profile.basics.label == "head of operation and logistics"


def test_a_title_and_an_organization_set_apart_by_a_slash(matcher):
    text = """Jane Roe
jane@example.com
EXPERIENCE
Intern engineer / SII, Rennes
Apr 2012 - Nov 2013
- Wrote tests
Software developer / FXHome
2009 - 2012
Financial Foundation Associate / Seasonal
2008 - 2009
Paralegal / Bookkeeper
Smith Law, 2006 - 2008
"""
    work = [(w.name, w.position) for w in parse_resume(text, matcher=matcher).work]
    assert work[:3] == [("SII", "Intern engineer"), ("FXHome", "Software developer"),
                        (None, "Financial Foundation Associate / Seasonal")]
    assert work[3:] == [("Smith Law", "Paralegal"), ("Smith Law", "Bookkeeper")]  # two roles, not a role and an employer


def test_jobs_listed_one_per_bullet_as_html_resumes_write_them(matcher):
    from jobfit.documents import extract_text

    html = extract_text("<html><body><h1>Jane Roe</h1><p>jane@example.org</p><h2>Experience</h2><ul>"
                        "<li>Data Analyst, Acme GmbH, 2019 – Present</li>"
                        "<li>Junior Analyst, Beta AG, 2016 – 2019</li></ul>"
                        "<p>Team Lead, Gamma Ltd, 2014 - 2016</p><ul><li>Led the migration to AWS, 2015 - 2016</li></ul>"
                        "<h2>Education</h2><p>MSc Statistics, Humboldt University, 2016</p></body></html>".encode())
    profile = parse_resume(html.text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name, w.startDate) for w in profile.work] == [
        ("Data Analyst", "Acme GmbH", "2019-01"), ("Junior Analyst", "Beta AG", "2016-01"), ("Team Lead", "Gamma Ltd", "2014-01")]
    assert profile.work[2].highlights == ["Led the migration to AWS, 2015 - 2016"]  # a dated duty stays the job's text
    assert profile.meta.total_years_experience == pytest.approx(12, abs=0.2)  # 2014 to now, counted once


EUROPASS = """Europass Curriculum Vitae
Personal information
First name(s) / Surname(s): Jane Roe
E-mail: jane@example.org

Work experience
Dates: 03/2019 - present
Occupation or position held: Data Analyst
Main activities and responsibilities: Reporting, dashboards and forecasting for the
sales team
Name and address of employer: Acme GmbH, Hauptstrasse 1, 10115 Berlin (Germany)
Type of business or sector: Retail
Dates: 01/2016 - 02/2019
Occupation or position held: Junior Analyst
Main activities and responsibilities: Data cleaning and SQL reports
Name and address of employer: Beta AG, Munich (Germany)

Education and training
Dates: 2014 - 2016
Title of qualification awarded: MSc Statistics
Principal subjects/occupational skills covered: Statistics, econometrics
Name and type of organisation providing education and training: Humboldt University, Berlin
"""


@pytest.mark.parametrize("read_as", ["typed", "a PDF's columns read across"])
def test_a_europass_cv_is_read_row_by_row(matcher, read_as):
    text = EUROPASS if read_as == "typed" else EUROPASS.replace(": ", "   ")
    profile = parse_resume(text, matcher=matcher, today=date(2024, 1, 1))
    assert profile.basics.name == "Jane Roe" and profile.basics.label == "Data Analyst"
    # the employer comes after the job's text in the form: it is still this job's, not a job of its own
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in profile.work] == [
        ("Data Analyst", "Acme GmbH", "Berlin, Germany", "2019-03", None),
        ("Junior Analyst", "Beta AG", "Munich, Germany", "2016-01", "2019-02")]
    assert profile.work[0].highlights == ["Reporting, dashboards and forecasting for the sales team"]
    assert [(e.studyType, e.institution, e.startDate, e.endDate, e.courses) for e in profile.education] == [
        ("MSc Statistics", "Humboldt University", "2014", "2016", ["Statistics", "econometrics"])]


def test_rows_labelled_dates_alone_make_no_europass_cv(matcher):
    from jobfit.resumes.europass import europass_lines

    lines = ["Dates: 2019 - 2021", "Data Analyst, Acme GmbH", "Dates: 2016 - 2019", "Junior Analyst, Beta AG"]
    assert europass_lines(lines) == lines


def test_a_linkedin_export_keeps_each_place_with_the_job_above_it(matcher):
    text = ("Jane Roe\nData Analyst at Acme GmbH\nGreater Seattle Area\n\nExperience\nAcme GmbH\nData Analyst\n"
            "March 2019 - Present (5 years 2 months)\nBerlin, Germany\nBeta AG\nJunior Analyst\n"
            "January 2016 - February 2019 (3 years 2 months)\nMunich, Bavaria, Germany\n")
    profile = parse_resume(text, matcher=matcher, today=date(2024, 5, 1))
    assert [(w.name, w.position, w.location) for w in profile.work] == [
        ("Acme GmbH", "Data Analyst", "Berlin"), ("Beta AG", "Junior Analyst", "Munich, Bavaria")]
    assert (profile.basics.location.city, profile.basics.location.countryCode) == ("Seattle", "US")
    # where each job names its place before its dates, a place under the dates opens the next job
    listed = parse_resume("Sam Roe\nExperience\nAcme Corp\nTampa, FL\nClerk (2013 - 2016)\nOrlando, FL\nGlobex Inc\n"
                          "Paralegal (2010 - 2013)\n", matcher=matcher)
    assert [(w.name, w.position, w.location) for w in listed.work] == [("Acme Corp", "Clerk", "Tampa, FL"),
                                                                      ("Globex Inc", "Paralegal", "Orlando, FL")]


def test_a_linkedin_export_s_short_text_lines_stay_with_the_job_above_them(matcher):
    """An export sets each job as employer, title and dates, then its text in lines no longer than a header's: the
    lines over the next employer are the text of the job above, not the next job's employer."""
    text = ("Dana Roe\nExperience\nOZON.ru\nFull-stack Developer\nOctober 2021 - Present (8 months)\n"
            "Creating the Cart / Checkout part of Ozon.ru Marketplace\nFrontend:\nVue, TypeScript, WebPack, SCSS\n"
            "Backend - Golang, Postgres, MemCached\nBeeline Russia\nFrontend Engineer (Angular, Vue)\n"
            "October 2020 - October 2021 (1 year 1 month)\nDeveloping of React SPA application\nTypeScript, MobX\n"
            "Acme Labs\nFrontend Engineer\nNovember 2019 - October 2020 (1 year)\nAdding new features\n")
    work = parse_resume(text, matcher=matcher, today=date(2022, 6, 1)).work
    assert [(w.name, w.position, w.startDate) for w in work] == [
        ("OZON.ru", "Full-stack Developer", "2021-10"), ("Beeline Russia", "Frontend Engineer", "2020-10"),
        ("Acme Labs", "Frontend Engineer", "2019-11")]
    assert "Vue, TypeScript, WebPack, SCSS" in work[0].highlights
    assert "Developing of React SPA application" in work[1].highlights
    # one line more than the first header holds may be a header's own: a team under its employer stays there
    teams = parse_resume("Sam Roe\nExperience\nAcme Corp\nClerk\n2013 - 2016\nGlobex Inc\nLegal Team\nParalegal\n"
                         "2010 - 2013\n", matcher=matcher).work
    assert [(w.name, w.position) for w in teams][1] == ("Globex Inc", "Paralegal")


def test_dated_jobs_written_as_sentences_at_the_top_of_a_history_are_entries(matcher):
    """A history that opens with its jobs written as sentences, no header line above them, keeps those jobs; a job
    told in prose is left to the prose reader, and a sentence's wrapped rest opens nothing."""
    text = ("Ann Roe\nEmployment\nDavid Florence Professor of Government, Harvard University, 2002 to 2009.\n"
            "Professor of Government, Department of Government, Harvard University, 1990 to 2002.\n"
            "Visiting Assistant Professor, Department of Political Science, University of Wisconsin,\n"
            "Madison, Summer 1985.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work][:2] == [
        ("David Florence Professor of Government", "Harvard University", "2002-01", "2009-01"),
        ("Professor of Government", "Department of Government", "1990-01", "2002-01")]
    prose = parse_resume("Raj Roe\nExperience\nWorked as Java programmer for Acme Pvt Ltd., Pune from May 2009 to "
                         "April 2010.\n", matcher=matcher).work
    assert [(w.position, w.name) for w in prose] == [("Java programmer", "Acme Pvt Ltd.")]
    # a year alone opens the line, the rest of the range lost: the newest job is kept still
    newest = parse_resume("Ida Roe\nWeb Dev Positions\n2022 - EPAM Systems. D2 (Middle) Software Engineer. DuPage "
                          "Medical Clinic of the Future\nproject.\nTasks performed: Features and UX implementation.\n"
                          "2021 - 2022 UniqTrip. Junior web developer. Five projects in Tourism\n", matcher=matcher).work
    assert [(w.position, w.name, w.startDate) for w in newest] == [
        ("D2 (Middle) Software Engineer", "EPAM Systems", "2022-01"), ("Junior web developer", "UniqTrip", "2021-01")]


def test_an_undated_title_and_employer_over_dated_text_is_a_job_and_text_before_the_first_job_is_kept(matcher):
    """'Newspaper Staff Member, Hometown High School' over sentences that date its roles is a job of its own in a dated
    history, not text of the job before it; and what a history says before its first job is kept, never dropped."""
    text = ("Jo Roe\nEXPERIENCE\nNewspaper Staff Member, Hometown High School\n\n"
            "Aug 2012 - present. Features editor of campus newspaper, responsible for award-winning design.\n"
            "Aug 2009 - Aug 2012. Researched information for news articles using library and Web sources.\n\n"
            "Yearbook Committee Member, Hometown High School\n\n"
            "Aug 2012 - present. Editor-in-chief of yearbook staff.\n"
            "Aug 2009 - Aug 2012. Yearbook staff member. Took photographs and wrote captions.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate) for w in work][:2] == [
        ("Newspaper Staff Member", "Hometown High School", "2009-08"),
        ("Yearbook Committee Member", "Hometown High School", "2009-08")]
    assert "Features editor of campus newspaper" in work[0].highlights[0]
    # a sentence whose comma sets a title-like word after it stays text
    bullets = parse_resume("Al Roe\nEXPERIENCE\nBPO Team Leader\nJan 2015 - Feb 2017\nManaged the onboarding team.\n"
                           "Interact with PPO Network management, clients, agents and sales\n", matcher=matcher).work
    assert [(w.position, w.name) for w in bullets] == [("BPO Team Leader", None)]
    assert "Interact with PPO Network management, clients, agents and sales" in bullets[0].highlights
    # placements over the first dated job, with a template's year ('Spring 20XX') and no title: kept as the history's text
    placements = parse_resume(
        "Tim Roe\nEXPERIENCE\nDeKalb High School, DeKalb, IL, Spring 20XX\n"
        "Organized units and daily lesson plans on fitness, floor-hockey, and pickle-ball for 35 ninth-graders.\n"
        "Lorado Taft Field Campus, Northern Illinois University, Oregon, IL, Spring 20XX\n"
        "Prepared three full days of outdoor education classes for 15 fifth-grade students.\n"
        "Sophomore Line Coach, Rolling Meadows High School, Rolling Meadows, IL, August - November 2019\n"
        "Created defensive and offensive line drills for 30 players.\n", matcher=matcher).work
    text = " ".join(line for w in placements for line in w.highlights)
    assert "DeKalb High School" in text and "outdoor education classes" in text
    assert ("Sophomore Line Coach", "Rolling Meadows High School") in [(w.position, w.name) for w in placements]


def test_a_job_a_two_column_page_set_under_the_side_column_s_heading(matcher):
    """A CV template's side column ('AREAS OF EXPERTISE', 'PROFESSIONAL', 'PERSONAL SKILLS') read line by line with
    the main column: the job ('Consumer Energy Provider' / 'Coventry' / 'DATA ANALYST' / dates / text) lands under
    the side column's last heading and the history's heading holds only side-column words. The job is the history,
    the employer the name the place follows, and its duties are no skills."""
    text = ("Lakita Mertz\nData analyst\nAREAS OF EXPERTISE\nDatabase administration\nData cleaning\n\n"
            "PERSONAL SUMMARY\nA bright, talented and self-motivated data analyst who has excellent organisational "
            "skills.\n\nWORK EXPERIENCE\nDatabase marketing\nData warehousing systems\n\nPROFESSIONAL\n"
            "NVQ in Business\nImprovement Techniques\n\nPERSONAL SKILLS\nAnalytical\nEvaluating\n\n"
            "Consumer Energy Provider\nCoventry\nDATA ANALYST\nJune 2008 - Present\n"
            "Collecting, collating and carrying out complex data analysis in support of management requests.\n"
            "Duties:\nManipulating, cleansing & processing data using Excel, Access and SQL.\n"
            "Writing T-SQL scripts to manipulate data for data loads and extracts.\n\n"
            "ACADEMIC QUALIFICATIONS\nBSc (Hons) Mathematical Science with Statistics\nNuneaton University 2005 - 2008\n")
    profile = parse_resume(text, matcher=matcher, today=date(2012, 1, 1))
    assert [(w.position, w.name, w.location, w.startDate) for w in profile.work] == [
        ("DATA ANALYST", "Consumer Energy Provider", "Coventry", "2008-06")]
    assert any("T-SQL scripts" in line for line in profile.work[0].highlights)
    names = {s.name for s in profile.skills} | {k for s in profile.skills for k in s.keywords}
    assert not any("cleansing" in name or "T-SQL scripts" in name for name in names)
    # a header whose title has its place under it and whose other 'title' is the job's tools after the dates
    header = parse_resume("Ann Roe\nEXPERIENCE\nArabic Linguist\n\nHyderabad, Telangana -\n\nJune 2010 to September 2010\n\n"
                          "Team Size 30\nWindows Server 2008 R2, MS Office 2010,\nVisual Studio 2008 SP1, Microsoft "
                          "Exchange Server 2007,\n\nDescription:\nTested the product for localization issues.\n",
                          matcher=matcher).work
    assert header[0].position == "Arabic Linguist"
    # the template's other layout: the job's header under the history's heading, its dates and duties under the side
    # column's 'PERSONAL SKILLS' after a few of its words; they are the job's, not skills
    duties = parse_resume(
        "Hyman Murray\nLegal assistant\nWORK EXPERIENCE\nSolicitors Office\nCoventry\nLEGAL ASSISTANT\n\n"
        "PERSONAL SKILLS\nIntegrity\nCommitment\n\nJune 2008 - Present\n\nTasked with providing general legal "
        "administrative and secretarial support to solicitors & a legal team.\nDuties:\nAudio typing legal documents for "
        "private clients.\nRecording and submitting expense forms.\n\nACADEMIC QUALIFICATIONS\n"
        "FDeg in Legal Practice (Foundation Degree)\nNuneaton University 2005 - 2008\n", matcher=matcher, today=date(2012, 1, 1))
    assert [(w.position, w.name, w.startDate) for w in duties.work] == [("LEGAL ASSISTANT", "Solicitors Office", "2008-06")]
    assert any("expense forms" in line for line in duties.work[0].highlights)
    assert not any("expense forms" in s.name for s in duties.skills)


def test_a_summary_written_under_the_name_with_no_heading_is_the_summary(matcher):
    """The paragraph a resume opens with, under the name and contacts and before any heading, is its summary; contact
    lines and a short headline are not."""
    text = ("Ivan Roe\nSenior .Net developer\nivan@example.com | +972 50 123 4567\nHaifa, Israel\n"
            "Senior .Net developer with 10+ years experience in architecture analysis, software design and\n"
            "mentoring. Problem-solver with strong interpersonal and teamwork skills who is excited to work in\n"
            "agile and fast-paced team.\nEXPERIENCE\nSenior Developer, Acme Ltd, 2015 - 2022\n")
    summary = parse_resume(text, matcher=matcher).basics.summary
    assert summary and summary.startswith("Senior .Net developer with 10+ years") and "fast-paced team." in summary
    assert "ivan@example.com" not in summary and "Haifa" not in summary
    headed = parse_resume("Ann Roe\nann@example.com\nSUMMARY\nSeasoned accountant who closes books on time and "
                          "keeps audits clean.\nEXPERIENCE\nAccountant, Acme, 2015 - 2022\n", matcher=matcher)
    assert headed.basics.summary == "Seasoned accountant who closes books on time and keeps audits clean."
    assert parse_resume("Bo Roe\nbo@example.com\nJava developer\nEXPERIENCE\nDeveloper, Acme, 2015 - 2022\n",
                        matcher=matcher).basics.summary is None
    # Indeed's summary is often a list under the paragraph, or a list alone: all of it, from its first item (before: the
    # paragraph alone, and from a list alone nothing, or a wrapped item's tail: 'and exposure to all phases of SDLC.')
    indeed = ("Trent Roe\nSoftware Test Automation Engineer\n\nHyderabad, Telangana - Email me on Indeed: trent@example.com\n\n"
              "• Over 3.6 years of experience in IT industry developing automation code for various clients (Web\n"
              "and Mobile applications)\n• Extensive Work Experience in test automation using tools Selenium Webdriver\n"
              "and exposure to all phases of SDLC.\n• Involved in development of automation framework using C#.\n\n"
              "WORK EXPERIENCE\n\nTest Engineer\n\nAcme - Hyderabad, Telangana\n\nJune 2014 to Present\n")
    assert parse_resume(indeed, matcher=matcher).basics.summary == (
        "Over 3.6 years of experience in IT industry developing automation code for various clients (Web and Mobile "
        "applications) Extensive Work Experience in test automation using tools Selenium Webdriver and exposure to all "
        "phases of SDLC. Involved in development of automation framework using C#.")
    listed = text.replace("agile and fast-paced team.\n", "agile and fast-paced team.\n● Led a team of five developers on a "
                                                           "payments platform\n")
    assert parse_resume(listed, matcher=matcher).basics.summary.endswith(
        "fast-paced team. Led a team of five developers on a payments platform")


def test_a_title_run_into_its_employer_s_name_is_split(matcher):
    """'Special Education Teacher AAA High School': a title ending in a role noun, then a name ending in an
    organization's word, with nothing between them, are the title and the employer; 'VP Field Services' and
    'Attorney Generals Office' stay as they are written."""
    text = ("Dee Roe\nEXPERIENCE\nSpecial Education Teacher AAA High School\nAugust 2007 - December 2009\n"
            "Managed a classroom of twelve students.\nFULL STACK JAVA DEVELOPER INETEX LTD\nJanuary 2017 - Present\n"
            "Built a RESTful web service.\n")
    work = parse_resume(text, matcher=matcher, today=date(2020, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [("Special Education Teacher", "AAA High School"),
                                                    ("FULL STACK JAVA DEVELOPER", "INETEX LTD")]
    from jobfit.resumes import lexicon
    from jobfit.resumes.work import _split_title_company

    roles = lexicon.role_nouns(matcher.taxonomy)
    assert _split_title_company("VP Field Services", roles) == ["VP Field Services"]
    assert _split_title_company("Attorney Generals Office", roles) == ["Attorney Generals Office"]
    assert _split_title_company("Apex Professional Services/Dollar Group", roles) == ["Apex Professional Services/Dollar Group"]


def test_an_employer_whose_name_opens_with_a_participle_is_no_duty(matcher):
    """'United Bank of Suzlon, New Jersey, NY' under the last duty of the job above opens the next job, as any employer
    with its place does; its first word is no verb in the past. 'Sponsored Creative Writing Club' stays a duty."""
    text = ("Kyo Roe\nProfessional experience :\nABC International Bank, New Jersey, NY\n2009 - present\n"
            "Assistant Bank Manager\nHandling the procedures and expediting the opening of saving accounts\n"
            "Ensuring merchandised stock orders as per the norms of the bank\nUnited Bank of Suzlon, New Jersey, NY\n"
            "2007-2009\nInvestment banking analyst specialist\nConducted and presented industry research reports\n"
            "Sponsored Creative Writing Club\n")
    work = parse_resume(text, matcher=matcher, today=date(2012, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Assistant Bank Manager", "ABC International Bank", "2009-01"),
        ("Investment banking analyst specialist", "United Bank of Suzlon", "2007-01")]
    assert "Sponsored Creative Writing Club" in work[1].highlights


def test_a_language_or_a_degree_beside_a_header_is_no_employer_and_a_site_after_the_employer_is_none_of_its_name(matcher):
    """Read as one, a page's columns set a line of the languages or the schooling column beside a job's title: it is no
    employer. An employer's site after a comma leaves its name."""
    text = ("Ann Roe\nEXPERIENCE\nSenior Business Analyst Oct 2018 - Present\nBachelors degree\n"
            "- Led the analyst team.\nBusiness analyst Oct 2017 - Oct 2018\nEnglish - fluent\n- Remodeled registration.\n"
            "Junior QA engineer Jan 2016 - Jun 2017\nGemotest laboratory,www.gemotest.ru,\n- Wrote unit tests.\n"
            "Support engineer 2014 - 2015\nAplana Development Center, aplana.com\n- Answered calls.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name) for w in work] == [
        ("Senior Business Analyst", None), ("Business analyst", None), ("Junior QA engineer", "Gemotest laboratory"),
        ("Support engineer", "Aplana Development Center")]


def test_a_programming_language_where_the_employer_goes_is_no_employer(matcher):
    """Job boards' forms put what a person fills in under the title: some write their technology there. A programming
    language employs nobody; a vendor named as a technology does ('Oracle', 'Cisco Systems')."""
    text = ("Shawna Ray\nWORK EXPERIENCE\nApplication Developer\nSAP ABAP - Kolkata, West Bengal -\nMarch 2011 to April 2018\n"
            "- Wrote reports.\nDeveloper\nPHP\nJune 2009 to March 2011\n- Built sites.\n"
            "Database Administrator\nOracle - Bangalore, Karnataka -\nMay 2007 to May 2009\n- Tuned queries.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Application Developer", None, "2011-03"), ("Developer", None, "2009-06"), ("Database Administrator", "Oracle", "2007-05")]


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
    # a heading whose letter spacing closed up its words too ('W O R K  E X P E R I E N C E' -> 'WORKEXPERIENCE')
    from jobfit.resumes.sections import heading_of

    assert heading_of("WORKEXPERIENCE") == "experience" and heading_of("TECHNICALSKILLS") == "skills"
    assert heading_of("DATAANALYST") is None
    # 'Educational …' and 'Academic …' head the schooling when they name it, not a field of work: a functional resume's
    # 'Educational Assessment' in its history is no education heading
    assert [heading_of(h) for h in ("Educational Background", "EDUCATIONAL DETAILS", "Academic Credentials",
                                    "Educational Qualifications")] == ["education"] * 4
    assert heading_of("Educational Assessment") is None and heading_of("Academic Advising") is None
    # the words before a preposition name the section; a document's title opens none
    lines = ["RÉSUMÉ SAMPLE : HIGHER EDUCATION", "WORK EXPERIENCE", "House Mentor", "RÉSUMÉ SAMPLE : HIGHER EDUCATION CONTD",
             "Library Assistant"]  # a page's running title, accented, is no heading either
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", ["RÉSUMÉ SAMPLE : HIGHER EDUCATION"]),
        ("experience", ["House Mentor", "RÉSUMÉ SAMPLE : HIGHER EDUCATION CONTD", "Library Assistant"])]
    lines = ["Education", "Cornell University", "Work Experience Carnegie Mellon University", "Postdoctoral Scientist",
             "Work Experience Coordinator"]  # a two-word heading run into the first entry's line opens the section
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", []), ("education", ["Cornell University"]),
        ("experience", ["Carnegie Mellon University", "Postdoctoral Scientist", "Work Experience Coordinator"])]
    lines = ["Education", "PhD in Computer Science", "Academic career", "Lecturer", "Peer-reviewed papers", "Injective Type Families",
             "Team player"]  # a CV's headings in sentence case
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", []), ("education", ["PhD in Computer Science"]), ("experience", ["Lecturer"]),
        ("publications", ["Injective Type Families", "Team player"])]
    lines = ["Volunteer Work and Community Involvement", "Organised a charity match", "VOLUNTEER & COMMUNITY", "Library reading program",
             "Sales and Marketing", "Experience and participated projects:", "Intern"]  # two names of one section joined; two of
    # none stay a line; a history with its projects is a history
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", []), ("volunteering", ["Organised a charity match"]),
        ("volunteering", ["Library reading program", "Sales and Marketing"]), ("experience", ["Intern"])]
    lines = ["SAMPLE EDUCATION RESUME", "Related Experience in Education", "f", "HIGHLIGHTS OF PROFESSIONAL EXPERIENCE", "g",
             "Education & Professional Development", "h", "EDUCATION: Western Kentucky University", "i", "Special Education Teacher",
             "Summary of Skills", "j", "Volunteer Coordinator/Assistant Treasurer", "PROFESSIONAL SUMMARY EDUCATION RELEVANT EXPERIENCE"]
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", ["SAMPLE EDUCATION RESUME"]), ("experience", ["f"]), ("experience", ["g"]), ("education", ["h"]),
        ("education", ["Western Kentucky University", "i", "Special Education Teacher"]), ("skills", ["j", "Volunteer Coordinator/Assistant Treasurer", "PROFESSIONAL SUMMARY EDUCATION RELEVANT EXPERIENCE"])]  # a heading's line runs on; a job is no heading

    # an academic CV's positions and career are its work history, its papers publications; a list item is no heading
    lines = ["EDUCATION", "PhD, 2008", "Adjunct Academic Positions", "k", "EARLY CAREER", "l", "Peer-reviewed Papers", "m",
             "SKILLS", "Special Populations, Career", "POSITIONS OF"]
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", []), ("education", ["PhD, 2008"]), ("experience", ["k"]), ("experience", ["l"]), ("publications", ["m"]),
        ("skills", ["Special Populations, Career", "POSITIONS OF"])]  # a heading a table cell cut off opens nothing
    # a template's glyph before its headings; schooling named before 'history' or beside certifications
    lines = ["■ Professional Experience", "n", "Academic History:", "o", "Academic Qualifications and Certifications:", "p",
             "Employment History", "q", "Clinical Experiences:", "r", "CERTIFICATIONS/LICENSES", "s", "Education & Licensure",
             "t", "Professional Associations", "u"]
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", []), ("experience", ["n"]), ("education", ["o"]), ("education", ["p"]), ("experience", ["q"]),
        ("experience", ["r"]), ("certifications", ["s"]), ("education", ["t"]), ("memberships", ["u"])]


def test_a_column_layout_that_set_labels_dates_and_values_apart(matcher):
    text = """Jane Roe
PROFESSIONAL EXPERIENCE
Altisource Business Solutions Pvt Ltd, Bangalore ( Sept 13
Till Date)
Role

: Lead Data Analyst
• Built the data quality program
EDUCATION
Bachelor of Engineering, Manipal Institute of Technology, 2006
College
CERTIFICATIONS
Microsoft Certified Professional, 2005
STATE UNIVERSITY OF DALLAS, Dallas, TX - Bachelor of Science in Civil Engineering, 1996
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    job = profile.work[0]
    assert (job.name, job.position, job.startDate, job.endDate) == (
        "Altisource Business Solutions Pvt Ltd", "Lead Data Analyst", "2013-09", None)
    # a labeled title however long its note, or in brackets
    text = ("Jane Roe\nEXPERIENCE\n2009 - 2014\nZiNc Telephone Banking\nPosition: Customer Service Advisor (part time to 2011, "
            "full time from 2013)\n- Answered calls\nMotorola India Pvt Ltd\nMay 2005 - July 2007\n(Designation: Software Engineer)\n"
            "- Built middleware\n")
    assert [(w.name, w.position) for w in parse_resume(text, matcher=matcher).work] == [
        ("ZiNc Telephone Banking", "Customer Service Advisor"), ("Motorola India Pvt Ltd", "Software Engineer")]
    # a lone column heading names no school; a degree listed among certificates is schooling
    assert [(e.institution, e.studyType, e.endDate) for e in profile.education] == [
        ("Manipal Institute of Technology", "Bachelor of Engineering", "2006"),
        ("STATE UNIVERSITY OF DALLAS", "Bachelor of Science in Civil Engineering", "1996")]
    assert [c.name for c in profile.certificates] == ["Microsoft Certified Professional"]

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


def test_a_dated_line_in_sentences_and_the_labels_of_its_tasks_and_stack(matcher):
    text = ("Ann Lee\nann@example.com\nEXPERIENCE\n2019 - 2022 Acme Robotics. Senior Software Engineer\n"
            "Tasks performed: code review, unit testing\nTech stack: Python, Go\n"
            "2016 - 2019 Birch Labs. Junior web developer. Booking sites\nTech scope and tools: React, Redux\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("Acme Robotics", "Senior Software Engineer"),
                                                    ("Birch Labs", "Junior web developer")]
    assert work[0].highlights == ["Tasks performed: code review, unit testing", "Tech stack: Python, Go"]


def test_a_jobs_points_come_without_empty_bullets_and_headings(matcher):
    # a bullet alone on its line over its item (as some Word exports set lists), a heading over the duties, and a
    # lead-in over a single line
    text = ("Ann Lee\nann@example.com\nEXPERIENCE\nSenior Software Engineer, Acme Robotics, 2019 - 2022\n"
            "Responsibilities:\n\u2022\n\nLed the move of the billing service to AWS\n\u2022\n\n"
            "Cut build times by 40% with a shared cache\nScope:\nBilling, invoicing and payments for 40 countries.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("Acme Robotics", "Senior Software Engineer")]
    assert work[0].highlights == ["Led the move of the billing service to AWS", "Cut build times by 40% with a shared cache",
                                  "Scope: Billing, invoicing and payments for 40 countries."]


def test_project_labels_in_capitals_need_no_colon(matcher):
    text = ("Kim Layout\nWORK EXPERIENCE\nCisco Systems\nLead Engineer\nJanuary 2014 to June 2015\n"
            "DURATION Jan-2014 to Jun-2015\nTEAM SIZE 20\n- Automated the regression suite\n")
    [job] = parse_resume(text, matcher=matcher).work
    assert (job.name, job.position, job.startDate, job.endDate) == ("Cisco Systems", "Lead Engineer", "2014-01", "2015-06")


def test_the_employer_is_the_piece_a_place_follows_not_the_project_under_it(matcher):
    text = ("Kim Layout\nWORK EXPERIENCE\nSoftware Engineer\nAccenture -  Hyderabad, Telangana -\nDecember 2015 to Present\n"
            "BT Openreach (British Telecom)\nBT Openreach is a software module which manages the business of orders.\n")
    [job] = parse_resume(text, matcher=matcher).work
    assert (job.position, job.name, job.location) == ("Software Engineer", "Accenture", "Hyderabad, Telangana")


def test_a_header_line_as_wide_as_the_prose_is_still_a_header():
    from jobfit.resumes.entries import is_body

    # in a document whose prose wraps at 64 characters
    assert not is_body("Assistant Principal, White Lake School District, New York", 64)
    assert is_body("Assist the principal in observing, evaluating and working through", 64)


def test_a_profile_links_label_is_no_skill(matcher):
    """'LinkedIn: linkedin.com/in/…' or 'LinkedIn | GitHub' beside the email labels a profile; managing a company's
    LinkedIn page is a skill."""
    header = "Oliver Whitfield\noliver@example.co.uk | LinkedIn: linkedin.com/in/oliverw | GitHub\n\n"
    body = "EXPERIENCE\nSocial Media Manager, Acme Ltd, 2019 - 2023\n- Ran the company's LinkedIn and Facebook pages\n"
    alone = {s.name for s in parse_resume(header + "EXPERIENCE\nAnalyst, Acme Ltd, 2019 - 2023\n", matcher=matcher).skills}
    assert not alone & {"LinkedIn", "GitHub"}
    assert "LinkedIn" in {s.name for s in parse_resume(header + body, matcher=matcher).skills}


def test_listed_skills_keep_their_years_and_unknown_ones_their_wording(matcher):
    text = ("Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\n"
            "Python (3 years), ZORBLAX (Less than 1 year), Quillfeather Planner, Hyperion Planning, ESSBASE (2 years), C++")
    profile = parse_resume(text, matcher=matcher)
    by_id = {s.id: s for s in profile.meta.skills}
    assert by_id["python"].years == 3 and by_id["cpp"].evidence == ["C++"]
    listed = {s.name: s.keywords for s in profile.skills}
    assert listed["ZORBLAX"] == ["ZORBLAX"] and listed["Quillfeather Planner"] == ["Quillfeather Planner"]
    # O*NET's products, written without their vendor and, when the name is no English word, in any case
    assert listed["Oracle Hyperion Planning"] == ["Hyperion Planning"]
    assert by_id["onet-oracle-essbase"].years == 2 and listed["Oracle Essbase"] == ["ESSBASE"]
    assert "zorblax" not in by_id  # not on the taxonomy: kept as worded, not normalized


def test_a_level_or_years_after_a_dash_or_colon_belong_to_the_skill_before_them(matcher):
    text = ("Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\nDocker – 3 years; Kubernetes - 2 yrs\n"
            "Java: Beginner\nSQL - Advanced\n\nLanguages\nEnglish: Pre-Intermediate\nFrench: basic")
    profile = parse_resume(text, matcher=matcher)
    by_id = {s.id: s for s in profile.meta.skills}
    assert (by_id["docker"].years, by_id["kubernetes"].years) == (3, 2)
    assert (by_id["java"].level, by_id["sql"].level, by_id["french"].level) == ("beginner", "advanced", "basic")
    names = {s.name.lower() for s in profile.skills}
    assert not names & {"beginner", "advanced", "basic", "pre", "intermediate"}  # a level is no skill of its own


def test_a_line_of_levels_under_a_two_column_list_gives_each_item_its_level(matcher):
    text = ("Lee Lister\nExperience\nDev at X | 2019 - 2021\n"
            "EDUCATION              Bachelor of Business Administration, 2018\n"
            "SKILLS                 ● Social Media Marketing                ● Event Management\n"
            "Beginner                                Intermediate\n"
            "● Python                              ● Zorblax Tuning\n"
            "Advanced                              Expert\n"
            "PROJECTS               ● Data Analysis -\n"
            "Analysed data given by an organization, monitored\n"
            "how active users are on social websites (Twitter, Facebook)\n"
            "● Navi Creatives\n"
            "https://navi.example.com\n"
            "Turning my hobby into a brand.\n")
    profile = parse_resume(text, matcher=matcher)
    listed = {s.name: s.level for s in profile.skills}
    assert listed["Event Management"] == "intermediate" and listed["Python"] == "advanced"
    assert listed["Zorblax Tuning"] == "expert" and listed["Social Media Marketing"] == "beginner"
    assert not {name.lower() for name in listed} & {"beginner", "intermediate", "advanced", "expert", "projects",
                                                     "data analysis -", "navi creatives"}
    # 'PROJECTS' in the left column opens the projects, though a job's text may be labeled so too
    assert [(p.name, p.url) for p in profile.projects] == [("Data Analysis", None),
                                                           ("Navi Creatives", "https://navi.example.com")]
    assert profile.projects[0].description == ("Analysed data given by an organization, monitored how active users are "
                                               "on social websites (Twitter, Facebook)")
    assert profile.projects[1].description == "Turning my hobby into a brand."


def test_items_a_layout_wrapped_are_one_item(matcher):
    text = """Pat Example
pat@example.com
Experience
Analyst at Acme | 2019 - 2021
Awards
• Earned the Business Award for outstanding performance on a startup team responsible for building
a call center for financial planners.
•

Dean's List for academic excellence in
Mathematics, 2015

Ranked among the best arbitrators for dispute
resolution (2006-2010)
Publications
King, Gary and Langche Zeng. "Inference in Case-Control Studies," in Shein-Chung Chow,
ed., Encyclopedia of Biopharmaceutical Statistics, 3rd edition. New York: Marcel Dekker,
2010
Short Talk on Testing (2012)
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(a.title, a.date) for a in profile.awards] == [
        ("Earned the Business Award for outstanding performance on a startup team responsible for building a call "
         "center for financial planners", None),
        ("Dean's List for academic excellence in Mathematics", "2015"),
        ("Ranked among the best arbitrators for dispute resolution", "2010"),
    ]
    assert [(p.name, p.releaseDate) for p in profile.publications] == [
        ('King, Gary and Langche Zeng. "Inference in Case-Control Studies," in Shein-Chung Chow, ed., Encyclopedia of '
         "Biopharmaceutical Statistics, 3rd edition. New York: Marcel Dekker", "2010"),
        ("Short Talk on Testing", "2012"),
    ]


def test_citations_wrapped_over_lines_are_one_publication_each(matcher):
    """APA-style citations open with their authors; the lines a layout wrapped them onto, however they start ('China.
    Telematics …'), are the same citation, dated by the year after the authors; a heading in capitals ends the list."""
    text = """Yan Ye
yan@example.edu
PUBLICATIONS
Ye, Y., Xu, P., & Zhang, M. (2016). Social media, public discourse, and civic engagement in modern
China. Telematics and Informatics: Special issue on Social media in China.
SSCI journal; impact factor 2.261 (Thomson Reuters Journal Citation Reports 2017)
Gu, L. L., Skierkowski, D., Florin, P., Friend, K., & Ye, Y. (2015). Facebook, Twitter, & QR Codes: An
exploratory trial examining the feasibility of social media mechanisms for sample recruitment.
Computers in Human Behavior.
MAJOR PROFESSIONAL ACTIVITIES
Editorial Board Member
"""
    publications = parse_resume(text, matcher=matcher).publications
    assert [(p.name[:40], p.releaseDate) for p in publications[:2]] == [
        ("Ye, Y., Xu, P., & Zhang, M. (2016). Soci", "2016"), ("Gu, L. L., Skierkowski, D., Florin, P., ", "2015")]
    assert publications[0].name.endswith("Citation Reports 2017)") and "modern China. Telematics" in publications[0].name
    assert publications[1].name.endswith("Computers in Human Behavior.")
    assert "MAJOR PROFESSIONAL ACTIVITIES" not in publications[1].name
    # a paper's text under its title is kept as its summary
    paper = parse_resume("Al Roe\nPublications\nShort Talk on Testing (2012)\nA talk given at the annual meeting of the "
                         "testing society on how teams test their code in practice every day\n", matcher=matcher).publications
    assert [(p.name, p.releaseDate) for p in paper] == [("Short Talk on Testing", "2012")]
    assert paper[0].summary.startswith("A talk given at the annual meeting")


def test_a_town_at_the_end_of_a_skills_list_is_no_address(matcher):
    text = ("ENGINEERING TEACHER\nExperience\nEngineering Teacher 09/2014 to Current\nCompany Name City , State\n"
            "Taught drafting and design.\nSkills\nMicrosoft Office (Word, Excel, Outlook), I-DEAS, Elite HVAC, Trace 700, "
            "Carrier, NC\nJSP, Servlets, JDBC, Struts, Spring, Tiles\n")
    assert parse_resume(text, matcher=matcher).basics.location.city is None
    # a sidebar's address, set among the skills at the bottom of the page, is still the candidate's
    sidebar = text + "Guitar, Juggling, Photography\nPalo Alto\nCalifornia\n(123) 345 7890\n"
    location = parse_resume(sidebar, matcher=matcher).basics.location
    assert location.city == "Palo Alto"


def test_listed_items_that_are_no_skills_are_left_out(matcher):
    text = ("Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\n"
            "Quillfeather Planning and, Since Feb 2008, Alberta, References, Zorblax Tuning, Training")
    listed = {s.name for s in parse_resume(text, matcher=matcher).skills}
    assert {"Quillfeather Planning", "Zorblax Tuning", "Training"} <= listed  # the hanging 'and' dropped
    assert not listed & {"Quillfeather Planning and", "Since Feb 2008", "Alberta", "References"}
    text = ("Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\n"
            "Quillfeather Planning, www.leelister.com, lee.lister@example.org, 6 months, 4 persons, Zip Code")
    assert {s.name for s in parse_resume(text, matcher=matcher).skills} == {"Quillfeather Planning"}
    from jobfit.resumes.skills import _as_listed

    assert _as_listed("ADO.NET") == "ADO.NET" and _as_listed("Dot.Net MVC") == "Dot.Net MVC"  # a framework, no site


def test_a_listed_skill_whose_years_a_line_break_cut_is_one_item(matcher):
    text = ("Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\n"
            "ZORBLAX (4 years), QUILLFEATHER (Less than 1\nyear), Python (2 years)")
    listed = {s.name: s for s in parse_resume(text, matcher=matcher).skills}
    assert {"ZORBLAX", "QUILLFEATHER", "Python"} <= set(listed) and "year" not in listed
    assert [s.years for s in parse_resume(text, matcher=matcher).meta.skills if s.id == "python"] == [2]


def test_a_listed_item_keeps_its_wording_beside_the_skill_it_names(matcher):
    text = "Lee Lister\nExperience\nDev at X | 2019 - 2021\nSkills\nJava Swing, Windows CE 5.0, Python"
    profile = parse_resume(text, matcher=matcher)
    keywords = {s.name: s.keywords for s in profile.skills}
    assert "Java Swing" in keywords["Java"]
    assert keywords["Python"] == ["Python"]  # an item the skill's own wording already covers is not repeated


def test_skills_that_prose_names_after_a_skill_word(matcher):
    text = ("Ann Lee\nSUMMARY\nSales leader with expertise in product development, channel partnerships and new product\n"
            "launches. Strong analytical and presentation skills. Worked closely with other engineers on the rollout\n"
            "of the Quillfeather suite across the whole of the company's retail stores.")
    keywords = {k for s in parse_resume(text, matcher=matcher).skills for k in s.keywords}
    assert {"product development", "channel partnerships", "new product launches", "analytical skills",
            "presentation skills"} <= keywords
    assert not {k for k in keywords if "engineers" in k or "rollout" in k}  # only a skill word opens a list


def test_spoken_languages_are_told_from_a_skills_list_of_programming_languages(matcher):
    text = ("Ade Bello\nTECHNICAL SKILLS\nLanguages: C, C++, Java\nDatabases: Oracle, Sybase\n"
            "LANGUAGES\nFluent English, Yoruba (native)\nFRENCH - conversational\nSkill Level\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(x.language, x.fluency) for x in profile.languages] == [
        ("English", "fluent"), ("Yoruba", "native"), ("French", "conversational")]
    names = {s.name for s in profile.skills}
    assert {"C", "C++", "Java"} <= names
    assert "Sybase" in {k for s in profile.skills for k in s.keywords}  # the list went on after "Languages:"
    assert "Yoruba" in {k for s in profile.skills for k in s.keywords}  # a language the taxonomy lacks, as written


def test_a_skill_keeps_the_head_noun_the_resume_gives_it(matcher):
    text = "Ann Lee\nExperience\nDev at X | 2019 - 2021\nIntroduced Agile practices and test automation frameworks."
    by_id = {s.id: s for s in parse_resume(text, matcher=matcher).meta.skills}
    assert by_id["agile"].evidence == ["Agile practices"]
    assert by_id["test-automation"].evidence == ["test automation frameworks"]


# A template resume as careless exports deliver it: one quoted line, byte escapes, runs of spaces for breaks.
FLATTENED = (
    '"Dana Quill Porter  LinkedIn: www.linkedin.com/in/dqporter    2987 Lexington St.  Lafayette, CO 80026  '
    '123-345-7890  dana.porter@example.com    PROJECT MANAGEMENT PROFESSIONAL  SUMMARY  Project manager who '
    'delivers.    P ROFESSIONAL E XPERIENCE  PricewaterhouseCoopers  Denver, Colorado  2003-Present  Project Manager:'
    '    \\xe2\\x80\\xa2    Led a team of 5 consultants and cut call handling costs by 30% for a $100 million rollout.'
    '    Montessori Childrens Center  Denver, Colorado  1999-2003  Executive Director:    \\xe2\\x80\\xa2    Managed '
    'all operational aspects of the school.    FORMAL EDUCATION AND ONGOING TRAINING  Air Force Academy, Colorado '
    'Springs, Colorado, 1993  Bachelor of Science in General Engineering, GPA: 3.87"'
)


def test_a_flattened_template_resume_comes_out_whole(matcher):
    from jobfit.documents import extract_text

    text = extract_text(FLATTENED.encode()).text
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert profile.basics.name == "Dana Quill Porter"
    assert (profile.basics.location.city, profile.basics.location.region) == ("Lafayette", "CO")
    assert profile.basics.phone == "123-345-7890"  # not a valid number anywhere: kept as written
    assert profile.basics.profiles[0].username == "dqporter"
    # employer, place and dates first, the title after them: the layout does not fool the roles
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in profile.work] == [
        ("Project Manager", "PricewaterhouseCoopers", "Denver, Colorado", "2003-01", None),
        ("Executive Director", "Montessori Childrens Center", "Denver, Colorado", "1999-01", "2003-01"),
    ]
    school = profile.education[0]
    assert (school.institution, school.studyType, school.level, school.endDate, school.score) == (
        "Air Force Academy", "Bachelor of Science in General Engineering", "bachelor", "1993", "3.87")
    # the highlight with figures is flagged for recruiters
    assert profile.meta.achievements[0].work == 0 and set(profile.meta.achievements[0].figures) >= {"30%", "$100 million"}


ENTRY_LABELS = """Casey Lindqvist
casey.lindqvist@example.com

PROFESSIONAL EXPERIENCE
NORTHWIND TRADERS, Boston, MA
2015 to Present
Regional Sales Manager
Achievements:
- Grew regional revenue by 40% in three years across a portfolio of distribution partners in the region
- Opened eleven new accounts with national retailers and negotiated their first-year supply contracts
Page 2 of 2
Regional Sales Manager, (Continued)
- Trained and mentored a team of twelve account executives and field sales representatives
FABRIKAM SUPPLY, Hartford, CT
2010 to 2015
Account Executive
Responsibilities/Achievements:
- Managed forty wholesale accounts and their quarterly business reviews with the purchasing teams
Achievements:
- Exceeded the annual sales quota in each of the five years with the company

AWARDS
Salesperson of the Year, 2014
"""


def test_labels_under_each_job_and_page_break_continuations_stay_in_the_history(matcher):
    # "Achievements:" under every job and "Responsibilities/Achievements:" head a job's own text, not an awards
    # section that would swallow the jobs after it; "(Continued)" after a page break is the same job
    profile = parse_resume(ENTRY_LABELS, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name, w.startDate) for w in profile.work if w.startDate] == [
        ("Regional Sales Manager", "NORTHWIND TRADERS", "2015-01"),
        ("Account Executive", "FABRIKAM SUPPLY", "2010-01"),
    ]
    assert not any("continued" in (w.position or "").lower() for w in profile.work)
    assert [a.title for a in profile.awards] == ["Salesperson of the Year"]


LAW_FIRMS = """Penny Walters
penny.walters@example.com

PROFESSIONAL LEGAL EXPERIENCE
Cohen, Jayson & Foster, PA
Tampa, Florida
Paralegal (2013
present)
The Solomon Law Group, PA
Tampa, Florida
Paralegal Supervisor (2006
2013)
McDonald & Shearer, P.A.
Lakeland, Florida
Office Manager (1999
2004)
"""


def test_firms_each_with_place_and_dated_title_are_entries_of_their_own(matcher):
    # employer, place, then the title with a range the line break cut ("(2013" / "present)"), again and again:
    # each firm is one job; ", PA" ends a firm's name (a professional association), it is no physician assistant
    profile = parse_resume(LAW_FIRMS, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.name, w.position, w.location, w.startDate, w.endDate) for w in profile.work] == [
        ("Cohen, Jayson & Foster, PA", "Paralegal", "Tampa, Florida", "2013-01", None),
        ("The Solomon Law Group, PA", "Paralegal Supervisor", "Tampa, Florida", "2006-01", "2013-01"),
        ("McDonald & Shearer, P.A.", "Office Manager", "Lakeland, Florida", "1999-01", "2004-01"),
    ]


def test_education_lines_as_templates_and_british_resumes_write_them():
    from jobfit.resumes.education import education_entries

    def read(*lines):
        return [(e.degree, e.area, e.institution, e.end) for e in education_entries(list(lines))]

    # "MS Word" is Microsoft's, not a master's; the month of a date is no field of study; the GPA line names no school
    assert read("Proficient in MS Word, Excel and PowerPoint", "Great team player",
                "GOLDEN STATE COMMUNITY COLLEGE, Huntington Beach, CA", "Associate of Arts, December 2007",
                "Major: Consumer Economics", "Overall GPA: 3.26") == [
        ("Associate of Arts", "Consumer Economics", "GOLDEN STATE COMMUNITY COLLEGE", "2007")]
    # honours and a degree's other name in brackets go with the degree; subject grades are no school
    assert read("B.A. (Hons) Law", "Middlesex University", "A levels:", "Geography (C) Maths (A) English (B) Physics (C)",
                "Chelmsford Central College") == [("B.A. (Hons) Law", "Law", "Middlesex University", None),
                                                   ("A levels", None, "Chelmsford Central College", None)]
    # nor are grades set one to a line, under the qualifications they belong to
    assert [(e.degree, e.institution) for e in education_entries(["Leicester Sixth Form College", "A Levels:", "English (A)",
                                                                   "Maths (C)", "GCSE:", "English (B)", "Grade D", "Grade C"])] \
        == [("A Levels", "Leicester Sixth Form College"), ("GCSE", None)]
    assert read("M.Com (Master of Commerce) University of Kerala, 2010") == [
        ("M.Com (Master of Commerce)", None, "University of Kerala", "2010")]
    # the field's bracket closes with it; a year in brackets is no field
    assert read("B.A. (Economics), Johns Hopkins University, 1977") == [
        ("B.A. (Economics)", "Economics", "Johns Hopkins University", "1977")]
    assert read("M. A. (2002), Huazhong University of Science & Technology") == [
        ("M. A.", None, "Huazhong University of Science & Technology", "2002")]
    # a template's long line: the commas and placeholders do not make it prose
    assert read("Master of Science : Management and Organizational Leadership 08/2015 Warner Pacific University , "
                "City , State , USA") == [("Master of Science : Management and Organizational Leadership",
                                           "Management and Organizational Leadership", "Warner Pacific University", "2015")]
    # law, social work and British degrees by their own names
    from jobfit.resumes.education import degree_of

    assert [degree_of(line)[:2] for line in ("Business Law, Juris Doctor, 2014", "B.S.W., North Carolina Central University",
                                             "BTEC HNC in Aviation", "M.L.S., Rutgers")] == [
        ("Juris Doctor", "doctorate"), ("B.S.W.", "bachelor"), ("BTEC HNC", "associate"), ("M.L.S.", "master")]


def test_a_range_whose_dash_was_lost_with_the_line_break(matcher):
    from jobfit.documents import extract_text

    flattened = ('"Ann Lowe  ann@example.com    EXPERIENCE  Mental Health Technician, Riverside Memorial Hospital, '
                 'Marietta, Ohio, May 2011  September 2011    \\xe2\\x80\\xa2 Provided geriatric treatment services.  '
                 'Bason Computer May 2003  August 2003    Web Developer Chatsworth, California    Developed web '
                 'applications."')
    profile = parse_resume(extract_text(flattened.encode()).text, matcher=matcher)
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in profile.work] == [
        ("Mental Health Technician", "Riverside Memorial Hospital", "Marietta, Ohio", "2011-05", "2011-09"),
        ("Web Developer", "Bason Computer", "Chatsworth, California", "2003-05", "2003-08"),
    ]


INDEED = """Lee Sample
Software Engineer - Disney

Hyderabad, Telangana - Email me on Indeed: lee@example.com

WORK EXPERIENCE

Software Engineer

Disney -

September 2014 to Present

Responsibilities:
* Coordinate developers with establishing and applying appropriate branching, labeling and
naming conventions using GIT source control across the whole of the team.
* Used Jenkins to implement Continuous Integration and deployment into Tomcat Web logic
Application server.

Process Associate

Microsoft -  Hyderabad, Telangana -

July 2013 to August 2014

EDUCATION

B.Tech in Computer Science and Engineering

Jawaharlal Nehru Technological University -  Hyderabad, Telangana

2009 to 2013

https://www.indeed.com/r/lee-sample
"""


def test_job_site_layout_with_wrapped_bullets(matcher):
    profile = parse_resume(INDEED, matcher=matcher, today=date(2026, 1, 1))
    assert profile.basics.label == "Software Engineer"
    assert (profile.basics.location.city, profile.basics.location.countryCode) == ("Hyderabad", "IN")
    assert profile.meta.provenance["label"] == "Software Engineer - Disney"  # the line it was read from
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in profile.work] == [
        ("Software Engineer", "Disney", None, "2014-09", None),
        ("Process Associate", "Microsoft", "Hyderabad, Telangana", "2013-07", "2014-08"),
    ]
    # a bullet wrapped onto the next line stays one highlight; the short wrapped tail is not a new job; the
    # 'Responsibilities:' over them is a heading, not one of them
    assert len(profile.work[0].highlights) == 2 and profile.work[0].highlights[0].endswith("whole of the team.")
    school = profile.education[0]
    assert (school.studyType, school.area, school.institution, school.startDate, school.endDate) == (
        "B.Tech in Computer Science and Engineering", "Computer Science and Engineering",
        "Jawaharlal Nehru Technological University", "2009", "2013")
    skills = {s.id: s for s in profile.meta.skills}
    assert skills["jenkins"].last_used == "present" and skills["jenkins"].sections == ["experience"]
    assert skills["jenkins"].years == 11.4  # September 2014 through January 2026 (137 months), from the role



def test_a_job_under_full_width_text_is_no_rest_of_its_sentence(matcher):
    # the last highlight of a job ran to the margin without a period; the next job's title and its
    # dates, alone on their lines, open an entry instead of finishing that sentence
    summary = "".join(f"Counseled {n} students on an individual basis in order to offer personal and career support\n"
                      for n in range(30))  # prose that wraps at about 95 characters
    text = ("Ada Park\nada@example.com\nSUMMARY\n" + summary + "EXPERIENCE\nState University, Baltimore, MD\n"
            "Student Services Coordinator\nAugust 2010 - June 2012\n"
            "Developed innovative programs to educate students through the Freshman Mentoring Program and\n"
            "Participated in special training workshops and events to improve the quality of our programs\n"
            "Residential Advisor\nSeptember 2009 - August 2010\n"
            "Supervised residential hall of 100 freshmen students to ensure their safety and development\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.startDate, w.endDate) for w in profile.work] == [
        ("Student Services Coordinator", "2010-08", "2012-06"), ("Residential Advisor", "2009-09", "2010-08")]
    assert profile.work[0].highlights[-1].endswith("quality of our programs")
    # the same under a labeled line of tools, with the employer and the client between the title and its dates
    text = ("Ada Park\nada@example.com\nSUMMARY\n" + summary + "EXPERIENCE\nProject Lead, QA\nMcAfee Inc, Canada\n"
            "September 2008 - September 2011\nPlan testing activities to meet project needs and expectations\n"
            "Environment: Win XP, Vista, Win7, 32/64 bit .NET1.1, IIS 5.0, SQL, C, QC, TestLink, Bugzilla\n"
            "Team Lead, QA\nWipro Technologies, Canada\nClient: Hanes Brands INC., Target, Proquest\n\n"
            "May 2006 - April 2008\nCreated and maintained test cases for different builds\n")
    assert [(w.position, w.name, w.startDate) for w in parse_resume(text, matcher=matcher).work] == [
        ("Project Lead, QA", "McAfee Inc", "2008-09"), ("Team Lead, QA", "Wipro Technologies", "2006-05")]


def test_a_title_that_lists_its_functions_after_a_comma_is_one_title(matcher):
    """'Director of Marketing, Communications and IT' beside a template's 'Company Name' had been a Director of
    Marketing at 'Communications and IT'; an employer after a title's comma is still one."""
    text = """Pat Example
Experience
02/2013 to Current
Director of Marketing, Communications and IT Company Name - City , State
- Managed the college's communications
01/2003 to 01/2012
Sales Manager, Johnson and Johnson - Austin, TX
- Sold medical devices
"""
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("Director of Marketing, Communications and IT", None), ("Sales Manager", "Johnson and Johnson")]


def test_beside_a_templates_company_name_the_rest_of_the_header_is_the_title(matcher):
    """A template's 'Company Name' stands for the employer: what a comma or a dash sets apart in the title is the
    title's ('Continuous Improvement' of a manager, a GS-5 grade) or left out ('Criminal Defense'), never an employer."""
    text = """Pat Example
Experience
Manager, Continuous Improvement
November 2014 to Current Company Name - City , State
- Led Six Sigma projects across the plants
Company Name City , State Computer Assistant, GS-5 03/2010 to 08/2013
- Managed the intranet sites
Student Attorney - Criminal Defense Aug 2008 to May 2009
Company Name - City , State
- Advised clients of their rights
Company Name City , State Geek Squad Tech 10/2004 to 12/2004
Geek Squad Tech
- Assisted customers with their computer problems
"""
    work = parse_resume(text, matcher=matcher).work
    # (the title written again under the header is the title still, not an employer)
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Manager, Continuous Improvement", None, "2014-11"), ("Computer Assistant, GS-5", None, "2010-03"),
        ("Student Attorney", None, "2008-08"), ("Geek Squad Tech", None, "2004-10")]
    # the slash a template set between the title and its 'Company Name' goes with the placeholder
    work = parse_resume("Pat Example\nExperience\nBartender (On Call) / Company Name - City , State 08/2019 - Current\n"
                        "- Checked the identification of customers\n", matcher=matcher).work
    assert [(w.position, w.name, w.summary) for w in work] == [("Bartender", None, "On Call")]


def test_a_title_over_a_templates_dated_line_opens_its_job(matcher):
    """In a PDF whose prose wraps, 'Price Team Specialist' over 'April 2007 to March 2008 Company Name - City , State'
    had been read as the rest of the job above's last line, which ran to the margin without ending its sentence; the
    job under it had no title. The text under a dated line stays text ('Work with surveyors and engineers …')."""
    calls = [f"Handled customer call number {n} about orders, returns and accounts, and logged each one in the store's "
             "tracking system." for n in range(30)]
    text = "\n".join(["Pat Example", "Experience", "Customer Service Representative",
                      "May 2008 to Current Company Name - City , State", *calls,
                      "Identified chronic customer issues by creating and maintaining a customer complaint log shared with all",
                      "Price Team Specialist", "April 2007 to March 2008 Company Name - City , State",
                      "Resolved all customer complaints in a professional manner.", "Foreman",
                      "January 2004 to January 2007 Company Name - City , State",
                      "Work with surveyors and engineers for site layout", "Placed orders for projects and maintain stock levels",
                      "Fostered a community of practice by creating a framework that encourages early and frequent talks from",
                      "Service Level Agreement (SLA) definitions", "Automation Engineer",
                      "January 2001 to January 2004 Company Name - City , State", "Extended the service catalogue."])
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.startDate) for w in work] == [
        ("Customer Service Representative", "2008-05"), ("Price Team Specialist", "2007-04"), ("Foreman", "2004-01"),
        ("Automation Engineer", "2001-01")]
    assert work[0].highlights[-1].startswith("Identified chronic customer issues")
    assert work[2].highlights[0] == "Work with surveyors and engineers for site layout"
    # a wrapped line's rest two lines over a title is still the text's
    assert work[2].highlights[-1].endswith("early and frequent talks from Service Level Agreement (SLA) definitions")


def test_a_chronology_is_the_work_history(matcher):
    text = ("Pat Example\nSummary\nClaims specialist with ten years in insurance.\nEmployment Chronology\n"
            "Tax Examining Clerk, Acme Corp 2013 - 2015\n- Adjusted tax liability on amended returns\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name, w.startDate) for w in profile.work] == [("Tax Examining Clerk", "Acme Corp", "2013-01")]
    assert profile.basics.summary == "Claims specialist with ten years in insurance."  # the jobs are not the summary's


def test_a_title_naming_several_roles_is_a_role_each(matcher):
    text = """Lee Roles
Experience
Paralegal/Bookkeeper/Office Manager, Smith & Jones LLP, 2010 - 2014
- Kept the books for 12 attorneys
Sales & Marketing Manager, Acme Inc., 2008 - 2010
Vice President, Sales | Globex Corporation | 2006 - 2008
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("Paralegal", "Smith & Jones LLP", "2010-01", "2014-01"),
        ("Bookkeeper", "Smith & Jones LLP", "2010-01", "2014-01"),
        ("Office Manager", "Smith & Jones LLP", "2010-01", "2014-01"),
        ("Sales & Marketing Manager", "Acme Inc.", "2008-01", "2010-01"),  # one role: 'Sales' is none
        ("Vice President, Sales", "Globex Corporation", "2006-01", "2008-01"),
    ]
    # the job's text is under its first role only, the headline keeps the title as written, and the
    # years the three roles ran together count once
    assert [len(w.highlights) for w in profile.work[:3]] == [1, 0, 0]
    assert profile.basics.label == "Paralegal/Bookkeeper/Office Manager"
    assert profile.meta.total_years_experience == 8.1  # January 2006 through January 2014
    # what represents the profile for matching still reads its three latest jobs, not three roles of one (their
    # titles as the title component compares them)
    titles = profile_text(profile).splitlines()[0]
    assert "office manager" in titles and "vice president sales" in titles


def test_roles_written_with_a_hyphenated_role_noun_are_a_role_each(matcher):
    text = ("Lee Roles\nExperience\nCo-Producer/Camera Operator, Rafiki Collaborative Documentary, 2010 - 2011\n"
            "Co-Director/Co-Producer, Atlantis Documentary, 2012 - 2013\n")
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("Co-Producer", "Rafiki Collaborative Documentary"), ("Camera Operator", "Rafiki Collaborative Documentary"),
        ("Co-Director", "Atlantis Documentary"), ("Co-Producer", "Atlantis Documentary")]


def test_an_employer_above_its_description_and_roles(matcher):
    text = """Kai Block
Experience
Jackson Associates, Boston, MA
Senior Operations Executive (2008 to 2009)
Improved engagement 22% and raised retention to 91% by implementing talent programs.
Automatic Data Processing, Inc.
Roseland, NJ
Global provider of integrated computing and business outsourcing services. 47,000 employees.
DIVISION VICE PRESIDENT (2003 to 2007)
Owned P&L for $225M global organization. 8 direct reports.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.location, w.startDate) for w in work] == [
        ("Senior Operations Executive", "Jackson Associates", "Boston, MA", "2008-01"),
        ("DIVISION VICE PRESIDENT", "Automatic Data Processing, Inc.", "Roseland, NJ", "2003-01")]
    # the employer's description belongs to the role held there, not to the job before it
    assert work[1].highlights[0].startswith("Global provider") and len(work[0].highlights) == 1


def test_a_header_line_a_layout_wrapped_and_a_title_at_the_employer(matcher):
    text = """Bao Orn
Academic career
2016 to date
Research Associate at Laboratory for Foundations of Computer Science, University
of Edinburgh, UK
Responsibilities: research work on a project.
2012 - 2016
Lecturer at the Institute of Information Technology, Lodz University
of Technology, Poland
Responsibilities: research on functional programming and compiler construction.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Research Associate", "Laboratory for Foundations of Computer Science, University of Edinburgh", "2016-01"),
        ("Lecturer", "Institute of Information Technology", "2012-01")]


def test_a_job_listed_twice_is_one_entry_with_both_texts(matcher):
    text = """Fin Twice
Experience
Finance and Operations Manager, 07/2017 to 06/2020
Northwind Traders
- Built the cash flow monitoring system
Financial Analyst, 07/2013 to 07/2014
Northwind Traders
- Compiled financial information
Work History
Finance and Operations Manager, 07/2017 to 06/2020
Northwind Traders
- Built the cash flow monitoring system
- Cut monthly costs from $600K to $400K
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.startDate) for w in profile.work] == [
        ("Finance and Operations Manager", "2017-07"), ("Financial Analyst", "2013-07")]
    assert profile.work[0].highlights == ["Built the cash flow monitoring system", "Cut monthly costs from $600K to $400K"]


def test_a_title_written_as_a_sentence_and_a_sentence_that_is_none(matcher):
    text = """Sam Said
Experience
Escalation Engineer, Microsoft, 2012 - 2016
Have worked as a Support Engineer, Microsoft, 2009 - 2012
Banking and locking up store when manager was away, Jaspers Store, 2006 - 2008
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [
        ("Escalation Engineer", "Microsoft"), ("Support Engineer", "Microsoft"), (None, "Jaspers Store")]


def test_a_note_in_brackets_after_a_title_is_the_jobs_summary(matcher):
    text = """Tess Note
Teacher (1st & 3rd Grade)
Experience
Teacher (1st & 3rd Grade), Lincoln Elementary School, 2010 - 2014
Office Clerk (temp via ABC Agency), Acme Inc., 2008 - 2010
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert profile.basics.label == "Teacher"
    assert [(w.position, w.name, w.summary) for w in profile.work] == [
        ("Teacher", "Lincoln Elementary School", "1st & 3rd Grade"), ("Office Clerk", "Acme Inc.", "temp via ABC Agency")]

# (the resume's first lines, the name found)
NAME_CASES = [
    ("RESUME\nIndustrial Training\nJosef Miller\njosef@example.com\nEXPERIENCE\nWelder, Acme Ltd, 2010 - 2012\n", "Josef Miller"),
    # a document title above the name (no contacts anywhere), 'RESUME OF', a name run into the headline
    ("CURRICULUM VITAE\nMarvin DuBuque\nSecretary General\nEXPERIENCE\nSecretary General, ICAO, 2003 - 2009\n", "Marvin DuBuque"),
    ("RESUME OF Darell Cormier\nLOS ANGELES\ndarell@example.com\nSKILLS\nAndroid\n", "Darell Cormier"),
    ("Allen Neal King ESB Integration Developer - Cisco Systems\nHyderabad, Telangana - allen@example.com\n", "Allen Neal King"),
    ("Top Jobs for IT People\nApplicant for:\nMobile Engineer\nToan Bui\ntoan@example.com\n", "Toan Bui"),
    # below a sample's title and instructions, the name-shaped line right above the address
    ("Sample resume\nMarketing\nDO NOT COPY: use it to generate ideas.\nAlpha Nina Wisoky\n"
     "42 Lanark Street, Clayton, VIC 3168\nclifton@example.com\nEDUCATION\nBachelor of Business, Monash University\n",
     "Alpha Nina Wisoky"),
    # below a title that says what the document is
    ("Education Resume Example - Principal\nDan Moen\n415 Northgate Drive\nMilton, Nebraska\nEDUCATION\nMaster of Education\n",
     "Dan Moen"),
    # a form's label, and credentials and a title after the name
    ("VITA\nNAME AND TITLE\nAlix Brady Berge, Ph.D., CRC, Associate Professor,\nUniversity of Louisville\nPhone: 123-345-7890\n",
     "Alix Brady Berge"),
    ("Java Core, C#, C++\nJosef Miller\njosef@example.com\n", "Josef Miller"),  # a list is no name with credentials
    # what the document is, before the name; a form whose fields are numbered
    ("CV Lucia Fernanda Ortiz\nBogota, Colombia\nlucia@example.com\nEXPERIENCE\nLawyer, Ortiz & Co, 2001 - 2009\n",
     "Lucia Fernanda Ortiz"),
    # (a name the entity model does not call a person: only the label says it is one)
    ("CURRICULUM VITAE\n1. Position:\nLegal Manager\n2. Company:\nGRUPO ACME S.A.\n3. Name:\nRhett Nam Soren Blaise\n"
     "4. Birth Date: December 12 1972\nPhone: 300-555-0199\n", "Rhett Nam Soren Blaise"),
    # a name written as one word, alone or before the headline, in a resume with contacts
    ("Tillman\nsocial network analyst\n31 rue Smith\n69002 Lyon\ntillman@example.com\n", "Tillman"),
    ("Bernier Software-Firmware Engineer\n24 Robinson Road\nMorris Plains, NJ 07950\nbernier@example.com\n", "Bernier"),
    ("Marketing\nmarketing@example.com\nEXPERIENCE\nSales Manager, Acme, 2010 - 2012\n", None),  # an ordinary word
    # a template's placeholder for the name, and a Latin honour under a degree
    ("YOUR NAME 525 West 120th Street • New York, NY 10027 • (123)345-7890 • sam@example.com\nEDUCATION\n"
     "State University, Baltimore, MD\nBachelor of Arts in Psychology and History, May 2012\nMagna Cum Laude\n", None),
]


@pytest.mark.parametrize("text, name", NAME_CASES)
def test_the_name_is_told_from_other_name_shaped_lines(matcher, text, name):
    assert parse_resume(text, matcher=matcher).basics.name == name


@pytest.mark.parametrize("text, start, end", [
    ("June 2014 to Present", (2014, 6), None),
    ("1/09 to 12/12", (2009, 1), (2012, 12)),
    ("Jan. 2019 – Mar 2021", (2019, 1), (2021, 3)),
    ("Summer 2011 - Fall 2012", (2011, 6), (2012, 9)),
    ("Sept 2001 through Dec 2004", (2001, 9), (2004, 12)),
    ("May 2010 - till date", (2010, 5), None),
    ("Since 2010", (2010, 1), None),
    ("2004/ 2013", (2004, 1), (2013, 1)),  # a slash between years
    ("Feb 09/Jun 11", (2009, 2), (2011, 6)),
    ("April 07/Now", (2007, 4), None),
    ("2013/---", (2013, 1), None),
    ("2019  2021", (2019, 1), (2021, 1)),  # the dash a converted document lost, its spaces left
    ("Jun. 2011  Nov. 2013", (2011, 6), (2013, 11)),
    ("2021  now", (2021, 1), None),
    ("September to November 2007", (2007, 9), (2007, 11)),  # two months of one year, the year written once
    ("Nov - Feb 2019", (2018, 11), (2019, 2)),
    ("Summers 2001 - 2003", (2001, 6), (2003, 1)),
    ("Fall 2000Fall 2005", (2000, 9), (2005, 9)),  # glued by the text layer: a year straight before a month and its year
    ("2017 july - 2019 october", (2017, 7), (2019, 10)),  # the year before its month
    ("2019 October - now", (2019, 10), None),
    ("05/15 ⇒ 01/18", (2015, 5), (2018, 1)),  # an arrow for the dash
    ("01/22 ⇒ Now", (2022, 1), None),
    # the day after the month, as American forms write it, and a colon after 'until' or 'to'
    ("June 15, 2019 - Present", (2019, 6), None), ("Aug 01, 2017 to till date", (2017, 8), None),
    ("September 1st 2014 Until: Currently", (2014, 9), None), ("From: Jan 2010 To: Dec 2012", (2010, 1), (2012, 12)),
    ("Jan 15 - Mar 16", (2015, 1), (2016, 3)),  # two-digit years, no day
    # a whole year, a dash and the end's two digits, before a colon, a comma or the title
    ("1992-95: Senior Legal Officer, Central Land Council", (1992, 1), (1995, 1)),
    ("2012-13 Teacher, Acme School", (2012, 1), (2013, 1)), ("1998-02, Acme", (1998, 1), (2002, 1)),
])
def test_date_ranges_as_resumes_write_them(text, start, end):
    from jobfit.resumes.dates import find_range

    found = find_range(f"Engineer, {text}")
    assert (found.start, found.end) == (start, end)


def test_two_digits_after_a_year_are_no_range_end_when_spaced_or_before_the_start():
    from jobfit.resumes.dates import find_range

    # a count after a spaced dash, and a year and month (June 2015) whose month cannot end a range begun in 2015
    assert find_range("Hired in 1999 - 25 people on the team") is None
    assert find_range("2015-06 Engineer at Acme") is None and find_range("2010-12.5 hours a week") is None


def test_a_form_s_labeled_jobs_are_read_field_by_field(matcher):
    # 'Since: ... Until: ...', 'Company:', 'Position held:': a form's employment history, one labeled field a line
    text = """Lucia Fernanda Ortiz
lucia@example.com
Employment History
Since: September 1st 2014 Until: Currently
Company: Grupo Acme S.A.
Position held: Legal Concessions Manager
Since: October 1st 2012 Until: August 31st 2014
Company: Grupo Acme S.A.
Position held: Director for Legal Services
"""
    profile = parse_resume(text, matcher=matcher, today=date(2020, 1, 1))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("Legal Concessions Manager", "Grupo Acme S.A.", "2014-09", None),
        ("Director for Legal Services", "Grupo Acme S.A.", "2012-10", "2014-08")]


def test_dates_in_brackets_between_a_title_and_its_employer(matcher):
    # 'TITLE (M/YY - M/YY) Employer, Place': a two-digit year closed by a bracket ends a range as one at the line's end
    # does, and the brackets go with the dates, not with the employer
    text = """Will Stone
will@example.com
EXPERIENCE
HEAD OF BUSINESS DEVELOPMENT (1/01 - 6/01) Company Net, Edinburgh, UK
Opened the Scottish office.

ACCOUNT EXECUTIVE (1/99 - 1/01) Company Net, London, UK
Sold web projects.
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("HEAD OF BUSINESS DEVELOPMENT", "Company Net", "2001-01", "2001-06"),
        ("ACCOUNT EXECUTIVE", "Company Net", "1999-01", "2001-01")]


def test_honours_in_brackets_and_a_templates_placeholders_are_no_field_of_study():
    from jobfit.resumes.education import education_entries

    def read(*lines):
        return [(e.degree, e.area, e.institution, e.end) for e in education_entries(list(lines))]

    assert read("Bachelor of Science in Computer Science (Cum Laude honors conferred), 1990", "Pace University") == [
        ("Bachelor of Science in Computer Science", "Computer Science", "Pace University", "1990")]
    # a template nobody filled in: the degree is there, its field and school are not
    assert read("MSc. Name of Education", "Name of University", "2010-2012") == [("MSc.", None, None, "2012")]
    # the name a degree is written with holds its field, as 'Bachelor of Science in …' does; a field the line break cut
    # takes its last words back from a long line ('… in Computer' / 'Science Engineering GPA3.71 on a 4.0 scale …')
    assert read("2013 University of Minnesota, MN Bachelor's Degree in Computer",
                "Science Engineering GPA3.71 on a 4.0 scale, Awards, Honors and Certifications") == [
        ("Bachelor's Degree in Computer Science Engineering", "Computer Science Engineering", "University of Minnesota", "2013")]


def test_degrees_a_two_column_page_set_under_the_work_history_heading_are_schooling(matcher):
    # the two columns' headings read one after the other, then the schooling under the second
    text = """Logan Lee
logan@example.com
EDUCATION
CLINICAL
EXPERIENCE
Master of Arts, Counseling Psychology
May 2015
Bachelor of Science, Psychology
May 2013
Towson University, Towson, MD
Clinical Intern, January 2013 - September 2013
The Center for Empowered Living, Baltimore, MD
Observed therapy sessions.
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(e.studyType, e.endDate) for e in profile.education] == [
        ("Master of Arts, Counseling Psychology", "2015"), ("Bachelor of Science, Psychology", "2013")]
    assert "Towson University" in {e.institution for e in profile.education}
    assert [(w.position, w.name) for w in profile.work] == [("Clinical Intern", "The Center for Empowered Living")]
    # a title that opens with the word is a job ('Master Electrician'), not a degree
    jobs = parse_resume("Sam Roe\nsam@example.com\nEXPERIENCE\nMaster Electrician, 2010 - 2015\nVolt Electric, Tulsa, OK\n",
                        matcher=matcher, today=date(2026, 1, 1))
    assert [w.position for w in jobs.work] == ["Master Electrician"] and not jobs.education


def test_an_education_entry_never_starts_after_it_ended(matcher):
    text = """Eda Years
Education
Second degree, Ulyanovsk State Technical University, 2009
January 2019 - Present: web developer courses
"""
    [school] = parse_resume(text, matcher=matcher).education
    assert school.endDate == "2009" and school.startDate is None


def test_a_dated_training_the_schooling_lists_is_an_entry_of_its_own(matcher):
    text = """Ida Trained
Education
2004  Present: In house training on print broadcast and web content copywriting.
2001  2004: In House training on advertising and online marketing conducted by Young &  Rubicam
1997  2001: Bachelor of Arts in Journalism, University of Idaho
"""
    assert [(e.studyType, e.institution, e.startDate, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("In house training on print broadcast and web content copywriting", None, "2004", None),
        ("In House training on advertising and online marketing", "Young & Rubicam", "2001", "2004"),
        ("Bachelor of Arts in Journalism", "University of Idaho", "1997", "2001")]


def test_a_range_whose_end_month_and_year_a_line_break_parted_is_one_range(matcher):
    """'Fall 2000Fall' / '2005': the text layer glued the start to the end's season and broke the line before its year;
    the range is whole again and dates the degree under it. A sentence broken after its end's month reads on."""
    from jobfit.resumes.dates import join_split_ranges

    text = ("Boyd Roe\nEducation\nFall 2000Fall\n2005\n\nBachelor of Science, Rochester Institute of Technology, "
            "Rochester, NY.\nConcentrated in computer security.\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.studyType, e.institution, e.endDate) for e in education] == [
        ("Bachelor of Science", "Rochester Institute of Technology", "2005")]
    assert join_split_ranges(["Worked as Java programmer for Acme from May 2009 to April", "2010.", "Next"]) == [
        "Worked as Java programmer for Acme from May 2009 to April 2010.", "Next"]
    assert join_split_ranges(["Joined in 2009 May", "2010 was good"]) == ["Joined in 2009 May", "2010 was good"]


def test_a_range_that_lost_its_dash_on_a_line_of_its_own_and_words_that_only_start_like_months():
    from jobfit.resumes.dates import find_range

    assert (find_range("20102011").start, find_range("20102011").end) == ((2010, 1), (2011, 1))
    assert (find_range("2012Present").start, find_range("2012Present").end) == ((2012, 1), None)
    assert find_range("ID 20102011") is None and find_range("20112010") is None
    assert find_range("Marketing - Sales 2015") is None and find_range("Mayor - Junior 2015") is None
    # where the glued pair ends a clause or a column too: a label's colon, a bracket, a sentence's end, wide spacing
    for line, start, end in [("2005present: Acme Publishing", (2005, 1), None), ("19981999: Acme Publishing", (1998, 1), (1999, 1)),
                             ("Advisory Board Committee (2003present)", (2003, 1), None),
                             ("Stanford University 19271931.", (1927, 1), (1931, 1)),
                             ("20132015    Staff Software Engineer", (2013, 1), (2015, 1))]:
        assert (find_range(line).start, find_range(line).end) == (start, end), line
    assert find_range("Order 20102011 shipped") is None  # a number inside a sentence is no range


def test_honorary_societies_are_memberships_not_jobs():
    from jobfit.resumes.sections import heading_of

    assert heading_of("Honorary Societies") == "memberships" and heading_of("PROFESSIONAL SOCIETIES") == "memberships"


def test_a_dated_job_that_names_only_its_employer(matcher):
    text = """Lee Glued
Experience
2012Present
Lehman Brothers

Developed spreadsheets for risk analysis on exotic derivatives.

Air Canada  September to November 2007  9 weeks
Analyst Programmer
Analysis and documentation of an application that builds complex XML requests.

FREE LANCING
2005 - 2007
Designed logos for local shops.

Asea Brown Boveri
Duration
February 2003
till date
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position, w.startDate, w.endDate) for w in work[:2]] == [
        ("Lehman Brothers", None, "2012-01", None), ("Air Canada", "Analyst Programmer", "2007-09", "2007-11")]
    assert [w.name for w in work[2:]] == [None, "Asea Brown Boveri"]  # a sub-heading in capitals; a label is no name
    # labels alone on their lines, each value on the next: the place is no employer, nor is a label
    text = """Bo Labels
Experience
Asea Brown Boveri
Duration
February 2008
till date
Function
Embedded Developer
Location
Bangalore, India; Stavanger, Norway
"""
    work = parse_resume(text, matcher=matcher).work
    assert [w.name for w in work if w.name] == ["Asea Brown Boveri"]
    assert [(w.position, w.location) for w in work if w.position] == [("Embedded Developer", "Bangalore, India")]
    # beside a template's 'Company Name' or on the line of its dates, the one piece is the title more often
    text = """Lee Template
Experience
Cash Wrap
October 2011 to May 2013 Company Name - City , State
Helped customers find the best items.
Program Chair 10/2010 to 05/2013
Led the program.
Page1
09/2009 to 10/2010
Wrote reports.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [w.name for w in work] == [None, None] and "Page1" not in str(work)
    assert work[0].position == "Cash Wrap"  # the template wrote the employer: the other piece is the title


def test_a_job_profile_label_heads_text_not_an_employer(matcher):
    text = """Kim Label
Employment History
Duration: 8 Years (1993 - 2001)
Position: Senior Vice-President and CEO
Job Profile: Project Planning Erection
"""
    work = parse_resume(text, matcher=matcher).work
    # no employer; the two roles the title names (see test_a_title_naming_several_roles_is_a_role_each)
    assert [(job.name, job.position, job.startDate) for job in work] == [
        (None, "Senior Vice-President", "1993-01"), (None, "CEO", "1993-01")]


def test_labels_of_a_job_s_own_text_are_no_employers(matcher):
    text = """Kim Label
Experience
ITSS Department Responsibilities:
Student Computing Team Leader (1996 - 2014)
Classroom Technology Team Leader (2003 - 2014)

Project 1: Johannesburg Distribution Center
SAP EWM Analyst
Oct 2013 - Dec 2015

Project 2: Bauer Hockey Corp
WM Functional Consultant
Feb 2011 - Oct 2013

Python Developer
Projects: Website, Store, API, CRM
Aug 2009 - Jan 2011

Back-end: PHP, MySQL, Linux
Web Developer
Dec 2007 - Jul 2009
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    # a label over roles ('… Responsibilities:'), before a project's name or a list names no employer; a firm it names is one
    assert [(job.position, job.name) for job in work] == [
        ("Student Computing Team Leader", None), ("Classroom Technology Team Leader", None),
        ("SAP EWM Analyst", None), ("WM Functional Consultant", "Bauer Hockey Corp"),
        ("Python Developer", None), ("Web Developer", None)]


def test_labels_after_a_bar_and_the_reference_under_a_job(matcher):
    text = """Pat Piped
Experience
The Law Offices of AJQ | Tallahassee, Florida
2003 - 2005
Position | Paralegal
Salary | $52,000/Annually
Hours | 45/Week
Supervisor | Al Franecki | 123.345.7890 | al.franecki@example.com
Drafted motions.

Kolger and Young, Full-time
February-May, 20xx
Summer Associate
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("The Law Offices of AJQ", "Paralegal"), ("Kolger and Young", "Summer Associate")]


def test_a_sub_heading_in_a_history_is_no_job(matcher):
    text = """Dana Heading
Experience
DIGITAL MARKETING SPECIALIST
Jun 2013 - Present
Responsible for the day to day running of the company's social media channels.
PROFESSIONAL
French speaker
First Aider
"""
    work = parse_resume(text, matcher=matcher).work
    assert (work[0].position, work[0].startDate) == ("DIGITAL MARKETING SPECIALIST", "2013-06")
    assert all(w.position != "PROFESSIONAL" and (w.position or w.name or w.startDate) for w in work)


def test_a_header_row_opened_by_its_dates_and_closed_by_a_period(matcher):
    text = """Ray Period
Experience
Feb to August, 2013: Acting Associate Dean, College of Social and Behavioral Sciences.
Responsibilities included facilitating and managing all college curriculum, resolving student
complaints and discipline issues.
2011 to 2013: Administrative Fellow, College of Social and Behavioral Sciences.
Responsibilities included assisting departments in building class schedules.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Acting Associate Dean", "College of Social and Behavioral Sciences", "2013-02"),
        ("Administrative Fellow", "College of Social and Behavioral Sciences", "2011-01")]


def test_a_slash_inside_one_date_or_a_standard_is_no_range():
    from jobfit.resumes.dates import find_range

    assert (find_range("03/2015 - 04/2016").start, find_range("03/2015 - 04/2016").end) == ((2015, 3), (2016, 4))
    assert find_range("ISO 9001/2008") is None and find_range("Grade 10/12") is None and find_range("2015/16") is None


def test_an_employer_line_with_its_place_inside_and_its_site_in_brackets(matcher):
    text = """Sam Slash
Professional Experience
Mitotech LLC, Moscow, Russia, Team Lead 2013/---
- Built the platform
Feb 2011/Now MABIOCA CINEMA AND CG SCHOOL (WWW.MABIOCA.COM)
Technical Training Instructor
- Designed courses
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in work] == [
        ("Team Lead", "Mitotech LLC", "Moscow", "2013-01", None),
        ("Technical Training Instructor", "MABIOCA CINEMA AND CG SCHOOL", None, "2011-02", None),
    ]


def test_a_country_alone_between_an_employer_and_a_title_is_the_place(matcher):
    text = """Ana Howell
ana@example.com
Work Experience
Peak Analysis and Automation, England, Internship
Summer 2013
- Performed a security overhaul.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.location) for w in work] == [("Internship", "Peak Analysis and Automation", "GB")]


def test_an_employer_with_its_site_after_its_name(matcher):
    text = """Alex Site
EXPERIENCE

Actuate http://www.actuate.com/
Full stack PHP Developer
San Mateo, CA. November 2014 - current

    Implemented web service (API, MVC, PHP)

BloomSky www.bloomsky.com
Backend Developer
Sunnyvale, CA. October 2014 - November 2014

    Set up PHPUnit and functional testing
    Deploy merge DB script (MSSQL>MySQL)

Rozumsoft LLC, / Telecontact LLC http://www.telecontact.ru/
Full stack PHP Developer
Belarus, Minsk. February 2012 - September 2014
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [
        ("Full stack PHP Developer", "Actuate"), ("Backend Developer", "BloomSky"), ("Full stack PHP Developer", "Rozumsoft LLC")]


def test_a_linkedin_export_s_jobs_with_their_durations_and_furniture(matcher):
    text = """Ernani Export
Experience
Application Integration / Web Identity  at   IBM Global Services
January 2005  -  Present (10 years 2 months)
Technical consultant for the Web Identity project, supporting application integration with single sign-on.
PHP Consultant  at   PHPSP - PHP User Group in Sao Paulo
2001  -  Present (14 years)
Founded the php-sp list on yahoo groups by answering their questions, also contributed to the PHP group fixing a
few bugs as well as the PHP documentation translation to Brazilian Portuguese, and attended some events.
1 recommendation available upon request
Open Source App Development (Community Developer)  at   Spare Time Open Source Developer
2009  -  2011  (2 years)
Page1

System Architect and J2EE Developer  at   Savista Corporation (former NewPOS International)
2002  -  2004  (2 years)
Adjusted an existing reporting tool that was responsible for KPI reporting and fraud detection for a pizza chain.
Java Software Architect (Consultant)  at   Ericsson
2002  -  2002  (less than a year)
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    # a long title line right above its dates is a header, not the text above; the export's furniture is no entry;
    # what it sets before its spaced 'at' is the title, with or without a role noun
    assert [(w.position, w.startDate) for w in work] == [
        ("Application Integration / Web Identity", "2005-01"), ("PHP Consultant", "2001-01"), ("Open Source App Development", "2009-01"), ("System Architect", "2002-01"),
        ("J2EE Developer", "2002-01"), ("Java Software Architect", "2002-01")]
    assert work[-1].name == "Ericsson" and not any("recommendation" in h for w in work for h in w.highlights)


def test_ranges_over_two_lines_and_template_years():
    from jobfit.resumes.dates import find_range, join_split_ranges

    assert join_split_ranges(["January 2012", "", "November 2012", "text"]) == ["January 2012 - November 2012", "text"]
    assert find_range("in 2014 we grew 20-30%") is None
    # the dash lost with a line break after a header line's own start date
    assert join_split_ranges(["Web Developer, Xylo, Ohio, May 2011", "September 2011"]) == [
        "Web Developer, Xylo, Ohio, May 2011 - September 2011"]
    assert join_split_ranges(["Worked on Windows 2003", "2005"]) == ["Worked on Windows 2003 - 2005"]  # a year, as written
    assert join_split_ranges(["Released in May 2011 - June 2012", "2013"])[0] == "Released in May 2011 - June 2012"
    # the range's second half on the next line with its own 'until' or dash
    assert join_split_ranges(["Duration: 1 Year (April 2002", "until today)"]) == ["Duration: 1 Year (April 2002 - today)"]
    assert join_split_ranges(["Acme, May 2011", "- June 2012"]) == ["Acme, May 2011 - June 2012"]
    assert join_split_ranges(["to 2012", "2013"]) == ["to 2012", "2013"]
    placeholder = find_range("July 20xx to August 20xx")  # a template's placeholder: a date, value unknown
    assert placeholder is not None and placeholder.start is None


def test_places_are_told_from_employers():
    from jobfit.resumes.places import parse_place

    assert parse_place("Pune, Maharashtra").countryCode == "IN"  # "Mahārāshtra" in ISO 3166-2
    assert parse_place("Sometown, CA 94016").region == "CA"
    assert parse_place("Capgemini, Canada") is None  # an employer before a country is not a city
    assert parse_place("Zenith Books Inc., Illinois") is None  # nor one before a state ("Inc." with its dot)
    assert parse_place("Name") is None and parse_place("Oslo").countryCode == "NO"
    # a city's other names when they spell it ('Cochin' for Kochi), not a nickname ('Google' for Topeka)
    assert parse_place("Cochin").countryCode == "IN" and parse_place("Bombay").countryCode == "IN"
    assert parse_place("GOOGLE") is None
    # a known city may take its state's code without a comma; an unknown name may not ('Project Manager OR')
    assert (parse_place("Pittsburgh PA").city, parse_place("Pittsburgh PA").region) == ("Pittsburgh", "PA")
    assert parse_place("Project Manager OR") is None and parse_place("Media IT") is None
    # Australian and Canadian towns with their state's or province's code, British ones with their postcode
    assert parse_place("Melbourne VIC 3000").model_dump(exclude_none=True) == {"city": "Melbourne", "region": "VIC", "countryCode": "AU"}
    assert (parse_place("Parkville VIC").countryCode, parse_place("Perth WA").countryCode) == ("AU", "AU")
    assert (parse_place("Toronto, ON M5V 2T6").countryCode, parse_place("Leeds, LS6 2AB").city) == ("CA", "Leeds")
    assert parse_place("Seattle WA").countryCode == "US"  # a US town keeps the US state of that code
    assert parse_place("Redpill Linpro AB") is None and parse_place("SQL ON") is None  # a Swedish company, no town


def test_places_written_with_their_own_letters_and_in_their_own_languages_are_places(matcher):
    """'Düsseldorf, Germany', 'São Paulo, Brazil': a town with a letter outside ASCII before its country or region was no
    place at all; nor was a country as its people write it ('München, Deutschland', 'Warszawa, Polska') or as a posting
    in French or Spanish does ('Royaume-Uni', 'Reino Unido')."""
    from jobfit.resumes import parse_resume
    from jobfit.resumes.places import parse_place

    def where(text: str) -> tuple:
        place = parse_place(text)
        return place and (place.city, place.region, place.countryCode)

    assert where("Düsseldorf, Germany") == ("Düsseldorf", None, "DE") and where("São Paulo, Brazil") == ("São Paulo", None, "BR")
    assert where("Montréal, QC") == ("Montréal", "QC", "CA") and where("Medellín, Antioquia") == ("Medellín", "Antioquia", "CO")
    assert [where(text)[2] for text in ("München, Deutschland", "Warszawa, Polska", "Zürich, Schweiz", "Genève, Suisse",
                                        "København, Danmark", "Madrid, España", "Royaume-Uni", "Reino Unido")] == [
        "DE", "PL", "CH", "CH", "DK", "ES", "GB", "GB"]
    # another language's name for a country is no city or region elsewhere: Norfolk (Virginia), Granada (Spain)
    assert where("Norfolk, VA") == ("Norfolk", "VA", "US") and where("Granada")[2] == "ES"
    profile = parse_resume("Jürgen Müller\nMünchen, Deutschland\njuergen.mueller@example.de\n\nEXPERIENCE\n"
                           "Data Engineer, Foo GmbH\n2019 - Present\n- Built pipelines in Python\n", matcher=matcher)
    assert (profile.basics.location.city, profile.basics.location.countryCode) == ("München", "DE")


def test_a_town_whose_name_has_particles_in_lower_case_is_a_place(matcher):
    """'Frankfurt am Main', 'Ústí nad Labem', 'Aix-en-Provence' were no places (only 'of', 'de', 'upon' and a few others
    could be lower case in a place's name): a resume headed 'Frankfurt am Main, Germany' had no location."""
    from jobfit.resumes import parse_resume
    from jobfit.resumes.places import parse_place, town_key

    assert [(p.city or p.region, p.countryCode) for p in map(parse_place, ("Frankfurt am Main, Germany", "Ústí nad Labem", "Aix-en-Provence",
                                                                "Bad Homburg vor der Höhe", "Castellón de la Plana, Spain"))] == [
        ("Frankfurt am Main", "DE"), ("Ústí nad Labem", "CZ"), ("Aix-en-Provence", "FR"), ("Bad Homburg vor der Höhe", "DE"),
        ("Castellón de la Plana", "ES")]
    assert town_key("Frankfurt") == town_key("Frankfurt am Main")
    # words in lower case between capitals are a place's particles, not any text that ends on a place
    assert [parse_place(text) for text in ("Nice to have", "Head of Sales", "reading", "Sales in Frankfurt am Main")] == [None] * 4
    profile = parse_resume("Jana Nováková\nFrankfurt am Main, Germany\njana.novakova@example.de\n\nEXPERIENCE\n"
                           "Data Engineer, Foo GmbH\n2019 - Present\n- Built pipelines in Python\n", matcher=matcher)
    assert (profile.basics.location.city, profile.basics.location.countryCode) == ("Frankfurt am Main", "DE")


def test_a_co_founder_is_no_company(matcher):
    from jobfit.resumes.lexicon import company_score, role_nouns, title_score

    roles = role_nouns(matcher.taxonomy)
    assert title_score("Co-Founder and CFO", roles) > 0 > company_score("Co-Founder and CFO", roles)
    assert company_score("Acme Trading Co.", roles) > 0


def test_phones_in_e164_with_the_default_region():
    from jobfit.resumes.basics import find_phone

    assert find_phone("Mobile: +91 98450 12345", "US") == "+919845012345"
    assert find_phone("Tel 020 7946 0958", "GB") == "+442079460958"  # national format read in the settings' region
    # read for the country of the resume's address too; a registration number run on from letters is no phone
    assert find_phone("Mobile: 07911 123456", "US", "GB") == "+447911123456"
    assert find_phone("Registered Nurse (AHPRA: NMW0001234567)\nMelbourne | 0412 345 678", "US", "AU") == "+61412345678"
    assert find_phone("Chennai 600121\nPhone: 1232456789", "US", "IN") == "+911232456789"  # a PIN code is no number


def test_an_australian_nurse_resume(matcher):
    """Before: the AHPRA registration number was the phone and the mobile none, the town of her university the home,
    'Registered Nurse, Intensive Care Unit' text (a verb in the past), and so she was a graduate at entry level."""
    text = ("Priya Nair\nRegistered Nurse (AHPRA: NMW0001234567)\nMelbourne VIC 3000 | 0412 345 678 | priya@example.com.au\n\n"
            "PROFESSIONAL EXPERIENCE\nRegistered Nurse, Intensive Care Unit\n"
            "The Royal Melbourne Hospital, Parkville VIC | Feb 2020 – current\n- Care for ventilated patients in a 24-bed ICU\n\n"
            "Graduate Registered Nurse\nMonash Health, Clayton VIC | Feb 2019 – Jan 2020\n\n"
            "EDUCATION\nBachelor of Nursing, Deakin University, Burwood, 2016–2018\n")
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    basics = profile.basics
    assert (basics.label, basics.phone) == ("Registered Nurse", "+61412345678")
    assert basics.location.model_dump(exclude_none=True) == {"city": "Melbourne", "region": "VIC", "countryCode": "AU"}
    assert [(w.position, w.name, w.location) for w in profile.work] == [
        ("Registered Nurse", "The Royal Melbourne Hospital", "Parkville VIC"),
        ("Graduate Registered Nurse", "Monash Health", "Clayton VIC")]
    assert profile.meta.career_level != "entry"
    # where she lives says which dollars she asks for
    asking = parse_resume(text.replace("EDUCATION", "Expected salary: $95,000 a year\n\nEDUCATION"), matcher=matcher)
    assert (asking.meta.desired_salary.min, asking.meta.desired_salary.currency) == (95000, "AUD")


def test_a_malaysian_resume(matcher):
    """Before: no name ('binti' is in lower case), the degree's university its field, no school in 'Politeknik', the
    identity card an integrated circuits skill, the nationality Malay, 'Bahasa Malaysia' and 'Excellent' skills."""
    text = ("RESUME\n\nName            : Nurul Aisyah binti Ahmad\nIC No.          : 950312-10-5566\n"
            "Address         : No. 12, Jalan SS2/24, 47300 Petaling Jaya, Selangor\nTel             : 012-345 6789\n"
            "Email           : nurul.aisyah@example.com\nNationality     : Malaysian\n\n"
            "EDUCATION\n2014 - 2017   Bachelor of Accounting (Hons), Universiti Teknologi MARA (UiTM), Shah Alam\n"
            "              CGPA: 3.45\n2012 - 2013   Diploma in Accountancy, Politeknik Sultan Salahuddin Abdul Aziz Shah\n"
            "2011          Sijil Pelajaran Malaysia (SPM)\n\n"
            "WORKING EXPERIENCE\nJan 2020 - Present\nAccount Executive\nSunway Berhad, Bandar Sunway\n"
            "- Handle full set of accounts, monthly closing and bank reconciliation\n\n"
            "SKILLS\nMicrosoft Excel, AutoCount, MYOB\n\n"
            "LANGUAGES\nBahasa Malaysia - Excellent\nEnglish - Good\nMandarin - Basic\nJapanese (B2)\n")
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert (profile.basics.name, profile.basics.phone) == ("Nurul Aisyah binti Ahmad", "+60123456789")
    assert [(e.institution, e.level) for e in profile.education] == [
        ("Universiti Teknologi MARA (UiTM)", "bachelor"), ("Politeknik Sultan Salahuddin Abdul Aziz Shah", "certificate"),
        (None, "secondary")]
    assert [(lang.language, lang.fluency) for lang in profile.languages] == [
        ("Malay", "excellent"), ("English", "good"), ("Mandarin", "basic"), ("Japanese", "b2")]
    names = {s.name for s in profile.skills}
    assert {"Microsoft Excel", "AutoCount", "MYOB"} <= names
    assert not names & {"integrated circuits", "Excellent", "Good", "Bahasa Malaysia", "B2"}
    # Malay is a skill as a language she speaks, not as her nationality
    assert [s.evidence for s in profile.meta.skills if s.name == "Malay"] == [["Bahasa Malaysia"]]
    # the pay she asks, with no currency written, is in ringgit: she lives in Malaysia
    asking = parse_resume(text.replace("\nNationality", "\nExpected Salary : 4,500\nNationality"), matcher=matcher)
    salary = asking.meta.desired_salary
    assert (salary.min, salary.currency, salary.period) == (4500, "MYR", "month")


def test_a_dutch_resume(matcher):
    """Before: no work, no schooling, 'Engels' a skill and not English: the headings, months, 'heden', the job words
    and the fluency were all Dutch."""
    text = ("Sanne de Vries\nData Analist\nUtrecht | +31 6 12345678 | sanne@example.nl\n\nWERKERVARING\n\n"
            "Data Analist — Bol.com, Utrecht\njanuari 2020 - heden\n- Dashboards gebouwd in Power BI en Python\n\n"
            "Junior Analist — Rabobank, Utrecht\nseptember 2017 - december 2019\n- Rapportages met SQL\n\n"
            "OPLEIDING\n\nMaster Data Science, Universiteit Utrecht, 2015 - 2017\n\nVAARDIGHEDEN\nPython, SQL, Power BI\n\n"
            "TALEN\nNederlands (moedertaal), Engels (vloeiend), Duits (basis)\n")
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert (profile.basics.name, profile.basics.label) == ("Sanne de Vries", "Data Analist")
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("Data Analist", "Bol.com", "2020-01", None), ("Junior Analist", "Rabobank", "2017-09", "2019-12")]
    assert [(e.institution, e.level, e.endDate) for e in profile.education] == [("Universiteit Utrecht", "master", "2017")]
    assert [(lang.language, lang.fluency) for lang in profile.languages] == [
        ("Dutch", "native"), ("English", "fluent"), ("German", "basic")]
    assert "Engels" not in {s.name for s in profile.skills}


INDEED_RESUME = ("Priya Example\nSoftware Engineer\n\nPune, Maharashtra - Email me on Indeed: priya@example.com\n\n"
                 "Willing to relocate to: Bengaluru, Karnataka - hyderbad, Telangana - Chennai,\nTamil Nadu\n\n"
                 "WORK EXPERIENCE\n\nSoftware Engineer\n\nInfosys - Pune, Maharashtra\n\nJune 2016 to Present\n\n"
                 "Managed the relocation of the Pune office to a new campus; helped 40 engineers relocate to Chennai;\n"
                 "wrote a script that can relocate log archives.\n")


def test_what_a_resume_says_of_relocating(matcher):
    """Before: Indeed's 'Willing to relocate to:' line was read nowhere, so a recruiter in Chennai never learned that a
    candidate in Pune would move there; its list wraps onto the next line and spells a town wrong ('hyderbad')."""
    profile = parse_resume(INDEED_RESUME, matcher=matcher)
    relocation = profile.meta.relocation
    assert relocation.willing
    assert [(p.city, p.region, p.countryCode) for p in relocation.places] == [
        ("Bengaluru", "Karnataka", "IN"), ("Hyderabad", "Telangana", "IN"), ("Chennai", "Tamil Nadu", "IN")]
    assert profile.meta.provenance["relocation"] == ("Willing to relocate to: Bengaluru, Karnataka - hyderbad, Telangana - "
                                                     "Chennai, Tamil Nadu")
    assert profile.basics.location.city == "Pune"  # where the candidate lives is not where they would go

    def said(line):
        found = parse_resume(INDEED_RESUME.replace("Willing to relocate to: Bengaluru, Karnataka - hyderbad, Telangana - "
                                                   "Chennai,\nTamil Nadu", line), matcher=matcher).meta.relocation
        return found and (found.willing, [(p.city, p.region, p.countryCode) for p in found.places])

    assert said("Willing to relocate: Anywhere") == (True, [])
    assert said("Open to relocation anywhere in India") == (True, [(None, None, "IN")])
    assert said("Willing to relocate to Berlin or Munich") == (True, [(None, "Berlin", "DE"), ("Munich", None, "DE")])
    assert said("Relocation: Yes") == (True, [])
    assert said("Not willing to relocate") == (False, [])
    assert said("Unable to relocate") == (False, [])
    # a duty that moved an office or helped others move says nothing of the candidate's own wishes
    assert said("") is None


def test_each_value_is_traced_to_the_line_it_was_read_from(matcher):
    """Before: only the basics had a line in `meta.provenance`; the issue asks for the text each value came from. Two jobs
    with one title point at their own lines, dates at the line that writes them, a phone at its written form."""
    text = ("Maya Lindqvist\nData Engineer\nmaya@example.com | +46 70 123 45 67 | Stockholm, Sweden\n\nEXPERIENCE\n"
            "Data Engineer\nKlarna, Stockholm\nMarch 2019 - Present\n- Built Spark pipelines\n\n"
            "Data Engineer\nSpotify, Stockholm\nJune 2016 - February 2019\n- Ran Airflow\n\n"
            "EDUCATION\nMSc Computer Science, KTH Royal Institute of Technology, 2016\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name) for w in profile.work] == [("Data Engineer", "Klarna"), ("Data Engineer", "Spotify")]
    where = profile.meta.provenance
    assert (where["work[0].name"], where["work[0].startDate"]) == ("Klarna, Stockholm", "March 2019 - Present")
    assert (where["work[1].name"], where["work[1].startDate"], where["work[1].endDate"]) == (
        "Spotify, Stockholm", "June 2016 - February 2019", "June 2016 - February 2019")
    assert where["work[0].position"] == where["work[1].position"] == "Data Engineer"
    assert (where["work[0].location"], where["work[1].location"]) == ("Klarna, Stockholm", "Spotify, Stockholm")
    assert where["education[0].institution"] == where["education[0].endDate"] == \
        "MSc Computer Science, KTH Royal Institute of Technology, 2016"
    assert profile.basics.phone == "+46701234567" and where["phone"] == "maya@example.com | +46 70 123 45 67 | Stockholm, Sweden"
    assert where["name"] == "Maya Lindqvist" and where["label"] == "Data Engineer"


def test_memberships_are_kept_and_never_a_job_s_duties(matcher):
    """Before: an affiliations section was read as 'additional information' and kept nowhere, or, under the last job
    with no heading between, as that job's duties."""
    text = ("Dana Whitfield\nFinance Director\ndana@example.com | Phoenix, AZ\n\nEXPERIENCE\n"
            "Finance Manager, Retail Banking Group | 1995 - 2001\n- Directed budgeting and forecasting for the national retail banking groups\n\n"
            "PROFESSIONAL AFFILIATIONS\nArizona Society of Certified Public Accountants\n"
            "Member, Financial Executives International, 2010 - Present\n\n"
            "EDUCATION\nBS Accounting, Arizona State University, 1994\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(m.name, m.date) for m in profile.meta.memberships] == [
        ("Arizona Society of Certified Public Accountants", None), ("Member, Financial Executives International", "2010")]
    assert profile.work[0].highlights == ["Directed budgeting and forecasting for the national retail banking groups"]
    assert [e.institution for e in profile.education] == ["Arizona State University"]


def test_referees_are_kept_with_what_is_said_of_them(matcher):
    """Before: a references section was found and then kept nowhere: a recruiter lost who would speak for the candidate."""
    text = ("Chloe Martin\nPrimary Teacher\nchloe@example.com | Melbourne VIC 3000\n\n"
            "EXPERIENCE\nTeacher, Hillside Primary School | 2019 - Present\n- Taught Year 3 literacy and numeracy\n\n"
            "REFEREES\n1. Ms Kim Kreiger\nPrincipal\nPrinceton Primary School\nEmail: kim@example.com\nPh: 03 9509 5555\n"
            "Able to speak of my dedication in working with children\n\n"
            "Dr. Sue Green, Lecturer, Monash University\n03 9905 3545\n\n"
            "Chloe Martin | Page 2\n\n"
            "Copyright information - Please read\nThis template is the copyright of Dayjob Ltd.\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(r.name, r.reference) for r in profile.references] == [
        ("Ms Kim Kreiger", "Principal, Princeton Primary School, Email: kim@example.com, Ph: 03 9509 5555, "
                           "Able to speak of my dedication in working with children"),
        ("Dr. Sue Green", "Lecturer, Monash University, 03 9905 3545")]
    assert profile.basics.name == "Chloe Martin"  # (a page's footer repeats her name: she is no referee of her own)
    on_request = text[:text.index("REFEREES")] + "REFERENCES\nAvailable on request.\n"
    assert parse_resume(on_request, matcher=matcher).references == []


def test_a_nigerian_degree_class_and_school_certificate(matcher):
    text = ("Chukwuemeka Okafor\nemeka@example.com\n\nPERSONAL DATA\nState of Origin: Anambra State\n\n"
            "EDUCATIONAL QUALIFICATIONS\n"
            "University of Nigeria, Nsukka — B.Eng. Civil Engineering (Second Class Upper), 2010 – 2015\n"
            "B.Sc. Economics, University of Lagos, 2009 - Second Class Honours (Lower Division)\n"
            "Federal Government College, Enugu — WAEC/SSCE, 2004 – 2010\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.institution, e.level, e.score) for e in education] == [
        ("University of Nigeria", "bachelor", "Second Class Upper"),
        ("University of Lagos", "bachelor", "Second Class Honours (Lower Division)"),
        ("Federal Government College", "secondary", None)]


def test_india_s_school_leaving_certificate_and_the_two_years_after_it(matcher):
    text = ("Priya Raman\npriya@example.com\n\nEDUCATION\n\nBE in Computer Science and Engineering\n\n"
            "Vivekananda Engineering College for Women -  Chennai, Tamil Nadu\n\n2013\n\nState Board +2\n\n2007\n\n"
            "SSLC\n\nState\n\n2005\n\nSKILLS\n\nJava, Networking\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.studyType, e.level, e.endDate) for e in education] == [
        ("BE in Computer Science and Engineering", "bachelor", "2013"), ("+2", "secondary", "2007"),
        ("SSLC", "secondary", "2005")]
    from jobfit.resumes.education import degree_of
    assert degree_of("II PUC, Pre-University Course") and degree_of("Plus Two")
    assert degree_of("Increased sales +2%") is None and degree_of("C++2") is None


def test_a_school_s_own_line_names_it_before_its_place_however_it_is_written(matcher):
    text = ("Asha Roe\nasha@example.com\n\nEDUCATION\n\nDiploma in Mrac\n\nGtti -  Kolkata, West Bengal\n\n2010 to 2012\n\n"
            "masters in journalism and communication\n\namity -  Noida, Uttar Pradesh\n\n2011 to 2013\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.studyType, e.institution) for e in education] == [
        ("Diploma in Mrac", "Gtti"), ("masters in journalism and communication", "amity")]


def test_a_school_known_by_its_initials_after_the_degree_and_its_field(matcher):
    text = ("Jane Roe\njane@example.com\n\nEDUCATION\nPhD Physics, MIT, 2010\nMSc Data Science, ETH Zurich, 2007\n"
            "BSc Computer Science, UCL, 2005\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.institution, e.area, e.endDate) for e in education] == [
        ("MIT", "Physics", "2010"), ("ETH Zurich", "Data Science", "2007"), ("UCL", "Computer Science", "2005")]


def test_jobs_a_summary_states_in_a_sentence(matcher):
    text = ("Robin Prose\nrobin@example.com\nSUMMARY\n"
            "Worked as Software Engineer with Prolifics Corporation Limited from Dec' 2015 to Sept' 2016. "
            "Worked with Python and Java on many projects.\n"
            "EXPERIENCE\nSenior Engineer\nAcme Systems Ltd -  Pune, Maharashtra -\nOctober 2016 to Present\n- Built things\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Senior Engineer", "Acme Systems Ltd", "2016-10", None),
        ("Software Engineer", "Prolifics Corporation Limited", "2015-12", "2016-09"),
    ]  # "worked with Python" is not a job
    # India's way: the job, its town and its start in one sentence, "Currently" saying it goes on
    text = ("Ravi Kumar\nravi.kumar@example.com | +91 98450 12345 | Bangalore\n\nProfessional Experience:\n"
            "Currently working as a Software Engineer in Infosys Technologies, Bangalore from July 2009.\n"
            "Worked as a Junior Developer in Wipro Ltd, Chennai from May 2007 to June 2009.\n"
            "From June 2016 to September 2016 was trained and worked for EMEA regions.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in work] == [
        ("Software Engineer", "Infosys Technologies", "Bangalore", "2009-07", None),
        ("Junior Developer", "Wipro Ltd", "Chennai", "2007-05", "2009-06")]  # no job at 'EMEA'
    # a brand written with a small first letter, and an employer the writer masks, are employers all the same
    text = ("Ravi Kumar\nravi.kumar@example.com\n\nProfessional Experience:\n"
            "Currently working as a Software Engineer in xxx Technologies, Bangalore from July 2009.\n"
            "Worked as a Senior Analyst at iGate Global Solutions from May 2007 to June 2009.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Software Engineer", "xxx Technologies", "2009-07", None), ("Senior Analyst", "iGate Global Solutions", "2007-05", "2009-06")]


def test_jobs_a_history_states_in_its_own_text(matcher):
    text = ("Robin Prose\nrobin@example.com\nEXPERIENCE\nSpecialist II, Marketing\nMarch 2017 to Present\n"
            "- Worked as Software Engineer with Prolifics Corporation Limited from Dec' 2015 to Sept' 2016\n"
            "- Worked for National Informatics Centre under multiple payrolls from Apr' 2014 to Oct' 2015\n"
            "- Worked as a consultant with Python and Java on many projects\n"
            "Landscaper\nJan 2010 to May 2015\n- Worked as Landscaper in Preston Tree Service from Jan 2010 to May 2015\n"
            "- Working as software engineer with Apple client in Exilant Technologies from June 2015\n")
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    # a whole job stated under another is a job of its own; the same job as a header above names its employer; a
    # title runs to the preposition before the employer ('software engineer with Apple client' is no title)
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Specialist II, Marketing", None, "2017-03", None),
        ("Landscaper", "Preston Tree Service", "2010-01", "2015-05"),
        ("Software Engineer", "Prolifics Corporation Limited", "2015-12", "2016-09"),
        (None, "National Informatics Centre", "2014-04", "2015-10"),  # the employer, then how it paid
    ]


def test_present_means_the_day_the_document_was_saved(matcher, tmp_path):
    import datetime
    import io

    import docx

    from jobfit.documents import extract_text

    document = docx.Document()
    for line in ["Casey Saved", "casey@example.com", "EXPERIENCE", "Engineer", "Acme Ltd - Pune, Maharashtra -",
                 "January 2015 to Present", "Built pumps for the city water board and kept them running."]:
        document.add_paragraph(line)
    document.core_properties.modified = datetime.datetime(2019, 6, 15, 9, 30)
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue())
    assert text.date == date(2019, 6, 15)
    profile = parse_resume(text.text, matcher=matcher, today=text.date)
    assert profile.meta.total_years_experience == 4.5  # January 2015 through June 2019, not through today


def test_an_anonymized_resume_gets_no_invented_name(matcher):
    text = ("TEACHER\nSummary\nResponsible special education teacher with ten years in the classroom.\nSkills\n"
            "Lesson Planning\nMicrosoft Office\nAutodesk Civil 3D\nExperience\nTeacher 01/2004 to Current\n"
            "Company Name - City, State\nTaught mathematics to classes of 30 students.\n")
    profile = parse_resume(text, matcher=matcher)
    assert profile.basics.name is None and profile.meta.confidence["name"] == 0.0
    assert profile.basics.label == "TEACHER"
    # a title no occupation's words tell, over an anonymized resume that still has an email: the history lists it
    text = ("BEHAVIORAL INTERVENTIONIST\nSummary\nEducation professional driven to inspire students.\nContact: ab@example.edu\n"
            "Experience\nCompany Name City , State Behavioral Interventionist 01/2010 to Current\n"
            "Established a positive rapport with clients.\nCompany Name City , State Recruiter 01/2008 to Current\n"
            "Recruited new students to the College.\n")
    basics = parse_resume(text, matcher=matcher).basics
    assert (basics.name, basics.label) == (None, "BEHAVIORAL INTERVENTIONIST")


def test_education_keeps_grade_and_courses(matcher):
    text = ("Ada Course\nada@example.com\nEDUCATION\nMaster of Science in Statistics, University of Oslo, 2018\n"
            "GPA: 3.9/4.0\nRelevant coursework: Bayesian Inference, Time Series, Databases\n")
    school = parse_resume(text, matcher=matcher).education[0]
    assert (school.institution, school.level, school.area, school.endDate) == ("University of Oslo", "master", "Statistics", "2018")
    assert school.score == "3.9/4.0" and school.courses == ["Bayesian Inference", "Time Series", "Databases"]
    text = "Ada Course\nada@example.com\nGeneralEducation:\nMonash University, Clayton Campus\nCourse: Master of Business Information Systems\nM.A Education Administration, 1993\n"
    schools = parse_resume(text, matcher=matcher).education  # a squashed heading; a degree under 'Course:'; 'M.A' without its last dot
    assert [(s.institution, s.studyType, s.level) for s in schools][:2] == [
        ("Monash University", "Master of Business Information Systems", "master"), (None, "M.A Education Administration", "master")]
    assert schools[0].courses == []


def test_a_resume_builder_s_grades_after_the_school_keep_the_degree_line_one_entry():
    from jobfit.resumes.education import education_entries

    lines = ["Bachelor of Arts : Psychology Sociology , May 2013 Arizona State University - City , State , United States "
             "GPA: GPA: 2.3 GPA: 3.0 2.3 GPA:", "3.0 Minor-Sociology",
             "Benedict College 2013 BS : Business Administration Business GPA: Management Honors Graduate Cum Laude GPA: 3.5"]
    assert [(e.institution, e.level, e.area, e.end) for e in education_entries(lines)] == [
        ("Arizona State University", "bachelor", "Psychology Sociology", "2013"),
        ("Benedict College", "bachelor", "Business Administration Business", "2013")]


def test_role_nouns_are_what_titles_end_in_not_what_modifies_them(matcher):
    from jobfit.resumes.lexicon import role_nouns

    roles = role_nouns(matcher.taxonomy)
    assert {"engineer", "director", "paralegal", "clerk", "lifeguard"} <= roles
    assert not {"cable", "care", "agriculture", "control", "support"} & roles  # 'cable jointer', 'director of agriculture'
    assert "ruby" not in roles and "developer" in roles  # 'Ruby on Rails Developer': a technology before 'on'
    profile = parse_resume("Jane Roe\nEXPERIENCE\nTime Warner Cable, Overland Park, KS\nJune 2007 - Aug 2007\n"
                           "- Assisted producers on production days\n", matcher=matcher, today=date(2026, 1, 1))
    assert (profile.work[0].name, profile.work[0].position) == ("Time Warner Cable", None)


def test_a_header_row_closed_by_a_period_is_no_sentence(matcher):
    text = """Jane Roe
EXPERIENCE
2013 - Present
Senior Software Engineer, LevelUp.
- Built the payments service
2009 - 2013
Systems Programmer, MIT Media Lab.
- Worked on sensor networks.
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name, w.startDate) for w in profile.work] == [
        ("Senior Software Engineer", "LevelUp", "2013-01"), ("Systems Programmer", "MIT Media Lab", "2009-01")]


def test_a_closing_period_that_makes_a_range_of_joined_years_stays(matcher):
    # a converted document lost the dashes: '19461973.' is a range because the period closes it, and taking the
    # period off as a header row's end had made this line the title of the job above
    text = ("Ann Roe\nEmployment\nStanford University 19271931.\nColumbia University 19311946.\n"
            "University of North Carolina, 19461973.\n\nPublications\nA General Theory, 1929.\n")
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.name, w.position, w.startDate, w.endDate) for w in profile.work] == [
        ("Stanford University", None, "1927-01", "1931-01"), ("Columbia University", None, "1931-01", "1946-01"),
        ("University of North Carolina", None, "1946-01", "1973-01")]
    # a period after a two-digit end year still closes the row: '1986-89.' is read without it
    profile = parse_resume("Ann Roe\nEmployment\nAssociate Director, Job Project, Canton, Ohio, 1986-89.\n"
                           "Assistant Professor, Kent State U., Kent, OH, 1989-95\n", matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.startDate, w.endDate) for w in profile.work] == [
        ("Associate Director", "1986-01", "1989-01"), ("Assistant Professor", "1989-01", "1995-01")]


def test_a_name_wrapped_inside_its_brackets_is_one_name_and_a_phone_in_brackets_no_employer(matcher):
    text = """Ravi Kumar
WORK EXPERIENCE
Technical support engineer
Position: TECHNICAL SUPPORT ENGINEER
Company: Microsoft Corporation - Microsoft India Global Technical Support Center (Microsoft
IGTSC), Bangalore
July 2013 to October 2015
- Represent Microsoft and communicate with corporate customers
"""
    [job] = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert job.name == "Microsoft Corporation - Microsoft India Global Technical Support Center (Microsoft IGTSC)"
    from jobfit.resumes.entries import read_header
    header = read_header(["VICE PRESIDENT, SANTA CLARA REGION (1999 to", "2001)", "Home: (123)345-7890"])
    assert header.pieces == ["VICE PRESIDENT, SANTA CLARA REGION"] and header.dates.start == (1999, 1) \
        and header.dates.end == (2001, 1)


def test_a_piece_without_a_role_noun_is_no_title(matcher):
    text = """Jane Roe
EXPERIENCE
RELATED COURSEWORK
Acme Corp
2014 - 2016
- Fixed printers and phones
Help Desk Technician, Globex Inc.
2010 - 2014
- Answered tickets
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name) for w in profile.work] == [(None, "Acme Corp"), ("Help Desk Technician", "Globex Inc.")]
    assert profile.basics.label == "Help Desk Technician"  # the latest position that reads as a title
    text = "Jane Roe\nEXPERIENCE\nAircraft Sales\nAcme Aviation LLC\n2014 - 2016\n- Sold jets\n"
    assert parse_resume(text, matcher=matcher).work[0].position == "Aircraft Sales"  # the work itself names it
    from jobfit.resumes.entries import written_as_name

    # an employer is written as a name
    assert all(map(written_as_name, ["Bank of America", "ACME", "happyflu.com", "Infosys Limited"]))
    assert not any(map(written_as_name, ["Research and assist with developing marketing material", "teaching experience and"]))


def test_present_means_the_latest_date_a_resume_writes_when_its_own_date_is_unknown(matcher):
    text = "Jane Roe\nEXPERIENCE\nEngineer, Acme Corp, Jan 2014 - Present\n- Led the 2016 migration to the cloud\n"
    profile = parse_resume(text, matcher=matcher)  # no document date: not today, ten years on
    assert profile.meta.total_years_experience == 3.0  # January 2014 to the end of 2016
    assert parse_resume(text, matcher=matcher, today=date(2020, 1, 1)).meta.total_years_experience == 6.1  # to its month


def test_an_employer_before_its_title_and_a_duration_beside_them(matcher):
    text = """Jane Roe
EXPERIENCE
PTC Therapeutics, Software Engineering Contractor
June 2011 - Present
- Wrote lab software
Senior Game Programmer | 1 Year 3 Months
Gameloft Software Pvt. Ltd.
Feb 2013 - Apr 2014
- Shipped three games
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name) for w in profile.work] == [
        ("Software Engineering Contractor", "PTC Therapeutics"), ("Senior Game Programmer", "Gameloft Software Pvt. Ltd.")]


def test_undated_earlier_jobs_listed_one_a_line(matcher):
    text = """Jane Roe
EXPERIENCE
LEANDER CORPORATION, Boston, MA
2000 to Present
Vice President of International Sales
- Grew international sales by 50% in five years
ARLINGTON CORPORATION, Product Development Specialist
BRASILO LTD., Engineer
SCHLUMBERGER OILFIELD SERVICES, Field Technician
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.name, w.position) for w in profile.work] == [
        ("LEANDER CORPORATION", "Vice President of International Sales"),
        ("ARLINGTON CORPORATION", "Product Development Specialist"), ("BRASILO LTD.", "Engineer"),
        ("SCHLUMBERGER OILFIELD SERVICES", "Field Technician")]
    # the jobs' dates on lines of their own after them, one for each
    text = """Sam Roe
Additional Work Experience
Sales Associate, Cheap & Tacky Clothing, Cavalier Mall, Lincoln, NE
Produce Clerk, Expensive Foods, Pretend, NE
January, 2010-June, 2011
January, 2008-August, 2009
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.location, w.startDate) for w in work] == [
        ("Sales Associate", "Cheap & Tacky Clothing, Cavalier Mall", "Lincoln, NE", "2010-01"),
        ("Produce Clerk", "Expensive Foods", "Pretend, NE", "2008-01")]
    # or each job's dates on its own line
    text = """Lee Roe
Experience
Learning Problems Resource Teacher, Chesapeake High School, Baltimore, MD, 1976 to 1980
Fourth Grade Teacher, General Wolfe Elementary School, Baltimore, MD, 1976
Special Education Teacher, John Eager Howard, Baltimore, MD, 1976
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [
        ("Learning Problems Resource Teacher", "Chesapeake High School"), ("Fourth Grade Teacher", "General Wolfe Elementary School"),
        ("Special Education Teacher", "John Eager Howard")]


def test_a_school_is_named_not_a_heading_label_or_date(matcher):
    text = """Jane Roe
EDUCATION
Bachelor of Science, Kinesiology
Minor: Youth Studies
Master of Education
December 20XX
B.A.
Ecole IRIS, 2014
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(e.studyType, e.institution) for e in profile.education] == [
        ("Bachelor of Science, Kinesiology", None), ("Master of Education", None), ("B.A.", "Ecole IRIS")]
    # a state after a city is no master's; a date on the school's line is the degree's
    text = "Jane Roe\nEDUCATION\nBachelor's Degree in Computer Science\nMy Dear Technical College, Carlisle, MA\n"
    assert [(e.studyType, e.institution) for e in parse_resume(text, matcher=matcher).education] == [
        ("Bachelor's Degree in Computer Science", "My Dear Technical College")]
    text = ("Jane Roe\nEDUCATION\nWest Chester University of Pennsylvania, May 2017 • West Chester, PA\n"
            "Bachelor of Science in Marketing • AACSB Accredited program\n")
    assert [(e.studyType, e.institution, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("Bachelor of Science in Marketing", "West Chester University of Pennsylvania", "2017")]


def test_a_school_is_not_a_subject_an_honour_or_a_sentence_about_school(matcher):
    from jobfit.resumes.education import education_entries

    lines = ["2011-2012", "Masters of", "Commerce", "", "GPA: 8.0 · First Class Honours · School: Business",
             "Thesis: Money Is The Root Of All Evil", "Or Is It?"]
    assert [(e.degree, e.institution) for e in education_entries(lines)] == [("Masters of Commerce", None)]
    lines = ["M.Sc", "Mathematics", "B.Tech in computer science, sunder deep group of institution",
             "Graduate in Commerce, Daffodils college of Arts", "High School, New York",
             "Mentored elementary students after school."]
    assert [(e.degree, e.institution) for e in education_entries(lines)] == [
        ("M.Sc Mathematics", None), ("B.Tech in computer science", "sunder deep group of institution"),
        ("Graduate in Commerce", "Daffodils college of Arts"), ("High School", None)]


def test_a_field_of_study_ends_before_its_date_and_an_unclosed_bracket():
    from jobfit.resumes.education import education_entries

    [entry] = education_entries(["Masters of Science , Organic Chemistry May 2010 Research and Thesis Option), Virginia Tech"])
    assert (entry.degree, entry.area, entry.end) == ("Masters of Science , Organic Chemistry", "Organic Chemistry", "2010")
    [entry] = education_entries(["Bachelor of Science : Interdisciplinary Studies(Business, Geology, and Education) History",
                                 "2003 Lamar University Beaumont"])
    assert entry.area == "Interdisciplinary Studies" and entry.institution == "Lamar University Beaumont"
    # the field written straight before the school (and again after it, as one template does) is no part of its name
    for line, area, school in [
        ("Bachelor of Science : Marketing and Business Management Oakland University Marketing and Business Management",
         "Marketing and Business Management", "Oakland University"),
        ("Bachelor of Science : Aerospace Engineering University of Maryland - City , State", "Aerospace Engineering",
         "University of Maryland"),
        ("BA : Economics , 2011 University of Arizona Economics", "Economics", "University of Arizona"),
        ("Bachelor of Science, State University of New York", None, "State University of New York"),
        ("Diploma in Law, Kenya School of Law, 1984", "Law", "Kenya School of Law"),
    ]:
        [entry] = education_entries([line])
        assert (entry.area, entry.institution) == (area, school), line


def test_a_degree_abbreviation_alone_on_its_line_and_its_field_on_the_next():
    from jobfit.resumes.education import education_entries

    [entry] = education_entries(["BS", "Electrical Engineering, 1991: Rutgers University, New Brunswick, NJ"])
    assert (entry.degree, entry.area, entry.institution, entry.end) == ("BS", "Electrical Engineering", "Rutgers University", "1991")
    [entry] = education_entries(["HSC", "Maharashtra Board, 2012"])  # a school-leaving certificate names no field
    assert entry.area is None


@pytest.mark.parametrize("line, degree, area", [
    ("Associate of Applied Science in Nursing - Austin Community College - May 2016", "Associate of Applied Science in Nursing",
     "Nursing"),
    ("Associate of Applied Science : Marketing, Bronx Community College", "Associate of Applied Science : Marketing", "Marketing"),
    ("Associate in Automotive Technology, Universal Technical Institute", "Associate in Automotive Technology",
     "Automotive Technology"),
])
def test_an_associate_degree_is_named_whole(line, degree, area):
    from jobfit.resumes.education import education_entries

    [entry] = education_entries([line])
    assert (entry.degree, entry.area, entry.level) == (degree, area, "associate")


def test_courses_right_under_a_degree_are_its_coursework_and_after_a_gap_a_list_of_trainings(matcher):
    degree = "Jane Roe\n\nEducation\nMSc Statistics, Humboldt University, 2016\n"
    under = parse_resume(degree + "Courses: Statistics, Econometrics, Machine Learning\n", matcher=matcher)
    assert under.education[0].courses == ["Statistics", "Econometrics", "Machine Learning"] and not under.certificates
    apart = parse_resume(degree + "\nCourses: AWS Certified Solutions Architect\n", matcher=matcher)
    assert apart.education[0].courses == [] and [c.name for c in apart.certificates] == ["AWS Certified Solutions Architect"]


def test_a_degree_alone_on_its_line_takes_its_field_from_the_next_line():
    from jobfit.resumes.education import education_entries

    def read(*lines):
        return [(e.degree, e.area, e.institution, e.end) for e in education_entries(list(lines))]

    assert read("Nuneaton University", "BSc (Hons)", "Sales Management", "2008 - 2011") == [
        ("BSc (Hons) Sales Management", "Sales Management", "Nuneaton University", "2011")]
    assert read("Morehouse College", "Bachelors Degree", "Computer Science/ Banking & Finance 1992") == [
        ("Bachelors Degree Computer Science/ Banking & Finance", "Computer Science/ Banking & Finance", "Morehouse College", "1992")]
    # not a label, an abbreviation, a grade or an honour
    assert read("LLB", "Subjects include:", "Criminal Law, Tort")[0][:2] == ("LLB", None)
    assert read("Masters of Commerce", "GPA: 8.0 · School: Business and Administration")[0][:2] == ("Masters of Commerce", None)
    assert read("MS", "RA", "MIT")[0][:2] == ("MS", None)
    # (the field is the one the degree's name holds, not the honour)
    assert read("Master in Law", "Magna Cum Laude", "University of Pisa")[0][:3] == ("Master in Law", "Law", "University of Pisa")


def test_a_heading_with_a_rule_drawn_after_it_opens_its_section():
    lines = ["PERSONAL DATA_______________________________________________________________", "NAME : Kendall",
             "PROFESSIONAL TRAINING________________________________________________________",
             "Awarded Master of Public Health and Epidemiology (MPHE) Degree of Kenyatta", "University.",
             "REFEREES =====", "Available on request", "Education ----------", "Degrees"]
    assert [(s.name, s.heading) for s in split_sections(lines)] == [
        ("header", None), ("additional", lines[0]), ("certifications", lines[2]), ("references", lines[5]),
        ("education", lines[7]), ("education", "Degrees")]


def test_a_degree_a_sentence_awards_of_its_school_names_the_school():
    from jobfit.resumes.education import education_entries

    def read(*lines):
        return [(e.degree, e.area, e.institution) for e in education_entries(list(lines))]

    assert read("Awarded Master of Public Health and Epidemiology (MPHE) Degree of Kenyatta", "University.",
                "Awarded Bachelor of Art in Community Development (BA Com. Dev) Degree of", "Daystar University.") == [
        ("Master of Public Health and Epidemiology (MPHE) Degree", None, "Kenyatta University"),
        ("Bachelor of Art in Community Development (BA Com. Dev)", "Community Development (BA Com. Dev)", "Daystar University")]
    # initials in brackets after a degree of several words are the degree's; after an abbreviation, its field
    assert read("Master of Business Administration (MBA)", "B.E. (CSE)", "B.A. Degree in Law with Distinction",
                "Certified Public Secretary (CPSK)", "B.S.Ed., Physical Education") == [
        ("Master of Business Administration (MBA)", None, None), ("B.E. (CSE)", "CSE", None), ("B.A. Degree in Law", "Law", None),
        ("Certified Public Secretary (CPSK)", None, None), ("B.S.Ed., Physical Education", "Physical Education", None)]


def test_a_program_a_degree_names_is_the_degree_and_an_honour_is_no_field():
    from jobfit.resumes.education import education_entries

    def read(*lines):
        return [(e.degree, e.area) for e in education_entries(list(lines))]

    assert read("Post Graduate Program in Business Analytics, Great Lakes Institute Of Management") == [
        ("Post Graduate Program in Business Analytics", "Business Analytics")]
    assert read("Master's Program in Information Systems") == [("Master's Program in Information Systems", "Information Systems")]
    assert read("Bachelor of Arts in English Literature summa cum laude", "B.A., Summa Cum Laude", "J.D. (Cum Laude)") == [
        ("Bachelor of Arts in English Literature", "English Literature"), ("B.A.", None), ("J.D. (Cum Laude)", None)]


def test_a_school_s_name_wrapped_after_of_is_no_heading_and_one_name():
    lines = ["ACADEMIC CREDENTIALS", "B.TECH", "(Electronics and", "Communication)", "",
             "GGSIPU/ Maharaja Agrasen Institute of", "Technology", "", "2012", "", "Senior Secondary School", "2008",
             "Research and development of", "SKILLS", "Java"]
    sections = split_sections(lines)
    assert [s.name for s in sections] == ["header", "education", "skills"]  # an upper-case heading still opens
    from jobfit.resumes.education import education_entries

    first = education_entries(sections[1].lines)[0]
    assert (first.degree, first.institution, first.end) == (
        "B.TECH (Electronics and Communication)", "GGSIPU/ Maharaja Agrasen Institute of Technology", "2012")


def test_an_employer_named_like_a_heading_with_its_place_below_is_no_heading(matcher):
    text = """Dana Roe
Experience
Educational Consultant
4/1/2009 - 7/1/2014
Grander Education
New Parkland, CA
Introduced new educational technology to educators.
Educational Consultant
9/1/2004 - 4/1/2009
Higher Education
New Parkland, CA
Hosted seminars for new clients.
Education
Galley Community College
Boston, MA
"""
    profile = parse_resume(text, matcher=matcher)
    assert [w.name for w in profile.work] == ["Grander Education", "Higher Education"]
    assert [e.institution for e in profile.education] == ["Galley Community College"]


def test_a_degree_a_table_cell_wrapped_is_one_degree():
    from jobfit.resumes.education import education_entries

    def read(*lines):
        return [(e.degree, e.area) for e in education_entries(list(lines))]

    assert read("2011-2012", "Masters of", "Commerce", "2007-2010", "Bachelor of", "Business Studies") == [
        ("Masters of Commerce", None), ("Bachelor of Business Studies", None)]
    assert read("B.TECH", "(Electronics and", "Communication)", "", "GGSIPU/ Maharaja Agrasen Institute of Technology") == [
        ("B.TECH (Electronics and Communication)", "Electronics and Communication")]
    assert read("Post Graduate Diploma in Business Administration in Marketing and", "Human Resource", "",
                "Mount Carmel Institute of Management") == [
        ("Post Graduate Diploma in Business Administration in Marketing and Human Resource",
         "Business Administration in Marketing and Human Resource")]
    # a field cut before its last word ('Science' ends fields); a degree alone and a school on the next line stay apart
    assert [(e.degree, e.institution) for e in education_entries(
        ["Bachelor of Science in Computer", "Science, Pace University, New York, NY", "Master of Science",
         "Engineering Institute of Canada"])] == [
        ("Bachelor of Science in Computer Science", "Pace University"), ("Master of Science", "Engineering Institute of Canada")]


def test_an_employer_with_its_place_after_a_semicolon(matcher):
    from jobfit.resumes.lexicon import role_nouns
    from jobfit.resumes.work import _employer

    roles = role_nouns(matcher.taxonomy)
    assert _employer("New Morgan and Co., Inc.; Trenton, NJ", roles) == ("New Morgan and Co., Inc.", "Trenton, NJ")
    assert _employer("Apex Professional Services/Dollar Group; Wayne, NJ", roles)[0] == "Apex Professional Services/Dollar Group"
    assert _employer("Bangalore, India; Stavanger", roles)[0] == "Bangalore, India; Stavanger"  # a place is no employer to cut
    # a name that ends with its legal form, then its place (and the line's description after it)
    assert _employer("Embie Technical Solutions, Inc. Los Angeles, CA Information Technology Solutions", roles) == (
        "Embie Technical Solutions, Inc.", "Los Angeles, CA")
    assert _employer("Infosys Limited Chennai, Tamil Nadu", roles) == ("Infosys Limited", "Chennai, Tamil Nadu")
    assert _employer("ABC Ltd. Marketing Division", roles) == ("ABC Ltd. Marketing Division", None)
    assert _employer("Bed Bath Limited Edition Boston, MA", roles)[0] != "Bed Bath Limited"  # no city right after it


def test_a_school_and_the_one_it_belongs_to_are_one_institution():
    from jobfit.resumes.education import institution_name

    assert institution_name("Teachers College, Columbia University, New York, NY") == "Teachers College, Columbia University"
    assert institution_name("University of Minnesota, School of Kinesiology") == "University of Minnesota, School of Kinesiology"
    assert institution_name("Monash University, Clayton Campus") == "Monash University"  # a campus is a place
    assert institution_name("Coursework in Social Systems, University of Pennsylvania") == "University of Pennsylvania"
    # its country in brackets is a place; a field after 'of' is the name's in any case; 'from' is no part of it
    assert institution_name("Lodz University of Technology (Poland)") == "Lodz University of Technology"
    assert institution_name("Manipal Institute of Technology (MIT)") == "Manipal Institute of Technology (MIT)"
    assert institution_name("T.J Institute of technology, Chennai") == "T.J Institute of technology"
    assert institution_name("from VMKV Eng. college") == "VMKV Eng. college"


def test_education_whose_dates_open_each_entry(matcher):
    text = """Jane Roe
EDUCATION
2003-2005
Masters of Commerce in Sales and Marketing, London School of Commerce.
2000-2003
Bachelors in Commerce, Denmark University
2010 - 2012
Trainee Lawyer
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    # each range belongs to the degree under it, not to the one above; dates over no school or degree open nothing
    assert [(e.studyType, e.startDate, e.endDate) for e in profile.education] == [
        ("Masters of Commerce in Sales and Marketing", "2003", "2005"), ("Bachelors in Commerce", "2000", "2003")]


def test_degrees_listed_before_any_heading_are_education(matcher):
    text = """Master of Science in Special Education
May 2006
Johns Hopkins University, Baltimore, Maryland
Bachelor of Arts in Social and Behavioral Sciences
Columbia University, New York, New York
PROFESSIONAL EXPERIENCE
Special Education Teacher
Ellicott Mills High School
2008 - Present
- Adapted the curriculum
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(e.institution, e.studyType, e.endDate) for e in profile.education] == [
        ("Johns Hopkins University", "Master of Science in Special Education", "2006"),  # 'May' names no school
        ("Columbia University", "Bachelor of Arts in Social and Behavioral Sciences", None),
    ]
    assert profile.work[0].position == "Special Education Teacher"
    # a school named before its degree ('IAE Tours, Master in …'); a name with its letters ('Jane Doe, M.A.') is no degree
    text = """Jane Doe, M.A.
Freelance developer in C++/Qt
IAE Tours, Master in company management
Lycée Berthelot, High-school diploma in science
Work experience
Freelance developer
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [e.studyType for e in profile.education] == ["Master in company management", "diploma in science"]


def test_a_field_written_bare_after_an_abbreviated_degree(matcher):
    text = ("Ada Course\nada@example.com\nEDUCATION\nKathmandu University (Kathmandu, Nepal)\nB.S. Computer Engineering\n"
            "May 2011\nMissouri University of Science and Technology\nMS Systems Engineering\nMay 2013\n"
            "SKILLS\nMS Office, MS Word\n")
    schools = parse_resume(text, matcher=matcher).education
    assert [(s.studyType, s.area, s.level, s.endDate) for s in schools] == [
        ("B.S. Computer Engineering", "Computer Engineering", "bachelor", "2011"),
        ("MS Systems Engineering", "Systems Engineering", "master", "2013")]
    from jobfit.resumes.education import _degree_line, degree_of

    assert degree_of("MS Office 2010") is None  # Microsoft's, not a master's (in office)
    assert _degree_line("Masters Candidate Program")[2] is None  # only an abbreviation takes a bare field
    assert _degree_line('Bachelor in "Instrumentation and Control Engineering"')[:3] == (
        "Bachelor in Instrumentation and Control Engineering", "bachelor", "Instrumentation and Control Engineering")


def test_table_rows_as_word_97_files_give_them(matcher):
    text = """RESUME

RAVI KUMAR
E-mail: ravi@example.com
Mob No.: +91-9718502489
|CAREER OBJECTIVE      |To keep taking up challenging work.                      |

|EMPLOYMENT SCAN                                                                   |
|CYBUZZ INFOTECH PVT. LTD    |Designation : Software Developer                       |
|NOIDA SEC 63                |From:- July-2015 to Present                            |
|                            |Experience:- 10 months                                 |
|HELLO TECHNOLOGY            |Designation : Junior Software Developer                |
|                            |From:-May-2014 to Nov-2014                             |
"""
    profile = parse_resume(text, matcher=matcher)
    assert profile.basics.name == "Ravi Kumar" and profile.basics.phone == "+919718502489"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("Software Developer", "CYBUZZ INFOTECH PVT. LTD", "2015-07", None),
        ("Junior Software Developer", "HELLO TECHNOLOGY", "2014-05", "2014-11"),
    ]


def test_employers_keep_their_legal_suffix_and_bracketed_abbreviation(matcher):
    text = """Lee Brackets
Work Experience
Business Analysis Intern
ABERNATHY SYSTEMS, INC.
Durham, NC
December 2016 to Present
- Collected research data
Executive Secretary
European Civil Aviation Conference (ECAC)
1994 - 2007
- Advised the member states
Fifth Grade Teacher (2001 - 2003)
- Taught reading
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [
        ("Business Analysis Intern", "ABERNATHY SYSTEMS, INC."),
        ("Executive Secretary", "European Civil Aviation Conference (ECAC)"),
        ("Fifth Grade Teacher", None),  # the bracket the dates stood in goes with them
    ]


def test_an_employer_is_named_without_the_grade_branch_or_address_after_it(matcher):
    text = """Casey Commas
Teaching Experience
Oakton Elementary School, 4th Grade, District 65, Evanston, IL
Spring 2014
Student Teacher
- Taught units on insects
Summer 2003
Jeffers Bar and Restaurant, 12 Main Street, Fermoy
- Served at the bar
Summer 2000
SuperValu, Fermoy, Co. Cork
- Served customers
2010 - 2012
San Francisco, San Francisco Unified School District
Teacher Aide
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [w.name for w in work] == ["Oakton Elementary School", "Jeffers Bar and Restaurant", "SuperValu",
                                      "San Francisco Unified School District"]
    assert work[0].location == "Evanston, IL"


def test_an_employer_is_named_without_a_town_the_gazetteer_does_not_know(matcher):
    text = """Dale Towns
Experience
1976 to 1978
Spectrol Electronics, City of Industry, CA
Tool and Die Maker
- Designed and built tooling
Pipeline Alaska, Inc., Vancouver, B.C. Canada
1997 to 2007
Process Mechanical Division Manager
- Managed the division
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.name, w.location) for w in work] == [("Spectrol Electronics", "City of Industry, CA"),
                                                    ("Pipeline Alaska, Inc.", "Vancouver")]


def test_a_title_is_kept_without_the_dates_and_hours_around_it(matcher):
    text = """Robin Hours
Experience
Feb 2013 Out of School Hours Care Service Attendant
Kidz Club Ltd
- Ran the after-school club
Support Engineer (40 % part time)
Acme Systems Inc.
2010 - 2012
- Answered tickets
Paralegal Volunteer (4 hours a week)
Legal Aid Society
2009 - 2010
- Drafted letters
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [w.position for w in work] == ["Out of School Hours Care Service Attendant", "Support Engineer",
                                          "Paralegal Volunteer"]
    from jobfit.resumes.work import _clean_position

    assert _clean_position("June 2014 Software Developer") == "Software Developer"  # a second date left on the line
    assert _clean_position("2012Present") is None and _clean_position("90 Washington Street") is None
    # a lone date after the title is no part of it
    assert [_clean_position(t) for t in ("Accountant Feb 2015", "Chair 2014", "Finisher, 2011", "Analyst (2019")] == [
        "Accountant", "Chair", "Finisher", "Analyst"]
    # the duties a title runs on into are no part of it; a heading of duties is no title
    assert _clean_position("Credential Advisor, Responsibilities included advising students") == "Credential Advisor"
    assert _clean_position("OVERVIEW OF EDUCATOR RESPONSIBILITIES") is None
    assert _clean_position("Teacher (1st & 3rd Grade)") == "Teacher (1st & 3rd Grade)"  # what the job was stays


def test_projects_keep_the_role_client_and_tools_they_are_labeled_with(matcher):
    text = """Pat Example
pat@example.com
Projects
Online Golf Course Booking System
Role: Application Developer
Tools: PHP, MySQL, Ajax, jQuery
Client: Hashe Computer Solutions
Details: A web based system where golfers search, compare and book tee times.
Project Name: Freight Tracker
Role: Team Lead / Developer
Inventory App (2019)
"""
    projects = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).projects
    assert [(p.name, p.roles, p.entity, p.keywords) for p in projects] == [
        ("Online Golf Course Booking System", ["Application Developer"], "Hashe Computer Solutions",
         ["PHP", "MySQL", "Ajax", "jQuery"]),
        ("Freight Tracker", ["Team Lead", "Developer"], None, []),
        ("Inventory App", [], None, []),
    ]
    assert projects[-1].endDate == "2019"  # the year is the project's date, not part of its name
    assert projects[0].description.startswith("A web based system") and projects[2].endDate == "2019"


def test_template_placeholders_are_neither_titles_nor_employers(matcher):
    text = """Pat Template
Experience
November 2016 to Current
Company Name City , State Patient Health Advocate
- Motivated patients to use their therapy equipment
01/2011 to 01/2014
Quality Assurance Associate Company Name - City , State
- Reviewed batch records
Accountant
October 2009 to October 2010 Company Name - City
- Handled payments
HR Director
January 2008 to January 2009 Company Name
State
- Communicated with parents
English Teacher 10/2006 to 01/2007 City
- Taught children
Name Of College - City, ST
2001-2003
Lab Monitor
- Maintained the lab's computers
March
May, 20XX, 20XX
Coach
- Coached children ages 9-16
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [("Patient Health Advocate", None), ("Quality Assurance Associate", None),
                                                    ("Accountant", None), ("HR Director", None), ("English Teacher", None),
                                                    ("Lab Monitor", None), ("Coach", None)]
    assert all(w.location is None for w in work)


def test_a_postcode_in_the_header_is_no_title(matcher):
    text = """Bao Orn
10 Crichton Street
Edinburgh
EH8 9AB
United Kingdom
Education
2012
PhD in Computer Science, Lodz University of Technology
"""
    assert parse_resume(text, matcher=matcher).basics.label is None


def test_lettered_subsections_stay_in_the_section_they_open_under(matcher):
    text = """Jody Vita
Employment History
A. Higher Education
2015 - present
Department Head & Associate Professor, Wichita State University
B. Primary/Secondary Education
1990 - 1993
School Counselor, Oneonta City School District
Community Service
Board Member for the SETH Project
A. Memberships
American Counseling Association
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name) for w in profile.work] == [
        ("Department Head", "Wichita State University"), ("Associate Professor", "Wichita State University"),
        ("School Counselor", "Oneonta City School District")]
    assert profile.education == []  # 'Higher Education' here is where the candidate worked


def test_a_job_a_sentence_names_employer_first(matcher):
    text = """Sam Sentence
Experience Summary:
Presently I am associated with Quillsoft Technologies India as a Software programmer since July 2009 to Till Date.
I worked with Python and Java as a hobby.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [("Software programmer", "Quillsoft Technologies India", "2009-07")]


def test_a_work_history_written_in_sentences(matcher):
    text = """Kunze Prose
Professional Experience:
-Working as Sr. Java programmer for Quillsoft Solutions LTD., Pune, from April
2010 to till date.
-Worked as Java programmer for Zorblax Pvt Ltd., Pune from May 2009 to April
2010.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Sr. Java programmer", "Quillsoft Solutions LTD.", "2010-04", None),
        ("Java programmer", "Zorblax Pvt Ltd.", "2009-05", "2010-04")]


def test_a_cut_piece_of_a_sentence_is_no_title(matcher):
    text = """Cass Cut
Experience
2010 - 2012
Regional Representative for Horn of Africa for
Quillfeather Aid Agency
- Coordinated aid
2008 - 2010
For the HR professional
Zorblax Mediation Office
- Mediated disputes
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [w.position for w in work] == [None, None] and [w.name for w in work] == ["Quillfeather Aid Agency",
                                                                                     "Zorblax Mediation Office"]
    # a range's 'to' that a layout set before the title ('May 1998' / 'to TELLER SUPERVISOR' / 'September 2010')
    split = ("Pat Teller\nExperience\nTELLER 3\nMarch 2011 to August 2014 Company Name - City , State\n"
             "Delivered prompt, accurate and excellent customer service.\nto TELLER SUPERVISOR\n"
             "May 1998 Company Name - City , State\nSeptember 2010 Delivered prompt, accurate and excellent service.\n")
    assert [w.position for w in parse_resume(split, matcher=matcher, today=date(2026, 1, 1)).work] == [
        "TELLER 3", "TELLER SUPERVISOR"]


def test_an_employer_named_for_its_people_with_its_place_after_a_semicolon(matcher):
    text = """Dana Semicolon
Professional Experience
Quarrystone Builders; Boston, MA (2011—Present)
DIRECTOR OF FINANCE / PROGRAM MANAGEMENT
- Directed planning and analysis for a real estate portfolio.
Apex Professional Services/Dollar Group; Wayne, NJ (2007—2010)
SENIOR FINANCIAL ANALYST
- Built the budget model.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.location) for w in work] == [
        ("DIRECTOR OF FINANCE / PROGRAM MANAGEMENT", "Quarrystone Builders", "Boston, MA"),
        ("SENIOR FINANCIAL ANALYST", "Apex Professional Services/Dollar Group", "Wayne, NJ")]


def test_duties_a_layout_lost_the_bullets_of_are_text_not_header(matcher):
    text = """Lee Lathe
Experience
2011 to Present
Quarrystone, Santa Rosa, California
Supervisor/CNC Programmer
Create a new machine shop to service the companies needs
Standardize programming for CNC machines
Scheduling using MS Project

2008 to 2010
Zorblax, Santa Rosa, California
Mechanical Designer
Design tooling for the coating machines
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Supervisor", "Quarrystone", "2011-01"), ("CNC Programmer", "Quarrystone", "2011-01"),
        ("Mechanical Designer", "Zorblax", "2008-01")]
    assert "Create a new machine shop to service the companies needs" in work[0].highlights


def test_a_firm_named_for_its_people_is_the_employer_not_the_title(matcher):
    text = """Robin Placement
Law Related Experience
July 2016 - Aug 2016
Summer Placement
Quillon Masons, Aberdeen
Based in the energy department for six weeks, drafting letters for clients.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [("Summer Placement", "Quillon Masons")]  # a placement is held as a title is


def test_an_employer_row_closed_by_a_period_keeps_its_bracketed_abbreviation(matcher):
    text = """Kim Research
Research Experience
2012
Centre For Sustainability Asian Cities (CASC), Singapore.
[Research Assistant]
Involved during final stages of the Green Plot Ratio project, collecting data.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [("Research Assistant", "Centre For Sustainability Asian Cities (CASC)")]


def test_a_lower_case_section_word_that_ends_a_wrapped_sentence_opens_no_section(matcher):
    text = """Pat Coach
Experience
Physical Education Teacher
Quillfield High School, Berkeley, CA
October 2014 - Present
• Measuring weight, height, and other vital signs of students before providing them
training
• Building health and stamina in students
Physical Education Teacher
Zorblax Middle School, Berkeley, CA
February 2013 - September 2014
• Planned and conducted activities suitable for all students
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [w.name for w in profile.work] == ["Quillfield High School", "Zorblax Middle School"]
    assert not profile.certificates


def test_a_template_job_whose_title_was_lost_keeps_its_dates_and_its_own_text(matcher):
    text = """Sam Template
Experience
Company Name City , State 07/2014 to 08/2015
Developed and managed annual budget in excess of $6 million while actively seeking ways to reduce expenses.
Drafted action plans and led meetings with department executives to review project status.
Company Name City , State Consultant 09/2011 to 07/2014
Translated observational data from contextual investigations into design concepts.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.startDate, w.endDate) for w in work] == [(None, "2014-07", "2015-08"),
                                                                    ("Consultant", "2011-09", "2014-07")]
    assert work[0].highlights[0].startswith("Developed and managed annual budget")
    assert all("budget" not in h for h in work[1].highlights)


def test_a_title_then_an_employer_whose_name_has_small_words(matcher):
    text = """Kevin Volunteer
Volunteer Experience
Volunteer, Quillons to Crayons • Conshohocken, PA • April 2015 - present
• Sorted donated clothing for children in need
"""
    volunteer = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).volunteer
    assert [(v.position, v.organization) for v in volunteer] == [("Volunteer", "Quillons to Crayons")]


def test_a_long_title_and_employer_under_their_dates_open_an_entry(matcher):
    text = """Claude Aviation
Career
1982-1983

Air Transport Officer, European Civil Aviation Conference (ECAC)

1977-1982

Negotiator of air transport bilateral agreements, Civil Aviation Administration of France

1973-1976

Researcher at the Secretariat of State in charge of French universities
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Air Transport Officer", "European Civil Aviation Conference (ECAC)", "1982-01"),
        ("Negotiator of air transport bilateral agreements", "Civil Aviation Administration of France", "1977-01"),
        ("Researcher", "Secretariat of State in charge of French universities", "1973-01")]


def test_a_title_with_its_text_run_on_after_a_dash(matcher):
    text = """Jo Builder
Professional Experience
Quarry Mechanics, Inc., Los Angeles, CA
2007 to 2010
Vice President of Operations - Promoted to review and approve plans for the control of projects across the region.
Zorblax Services, Inc., Boston, MA
2001 to 2007
Senior Project Manager (2001-2004) - Promoted to simultaneously manage three hospital projects.
Professor - University of North Carolina Wilmington
Was responsible for - Testing and evaluation of products ranging from cars to computers.
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    # the roles dated inside an employer's span, under it, are held there
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Vice President of Operations", "Quarry Mechanics, Inc.", "2007-01"), (None, "Zorblax Services, Inc.", "2001-01"),
        ("Senior Project Manager", "Zorblax Services, Inc.", "2001-01"), ("Professor", "University of North Carolina Wilmington", None)]
    assert work[0].highlights == ["Promoted to review and approve plans for the control of projects across the region."]
    assert work[3].highlights == ["Was responsible for - Testing and evaluation of products ranging from cars to computers."]


def test_titles_dated_inside_the_employer_above_them_are_held_there(matcher):
    text = """Ada Advocate
Experience
QUILLSOFT, New York, NY
2007 - 2010
Developer Advocate, 2009 - 2010
- Spoke at developer conferences about the platform
Senior Programmer Analyst, 2007 - 2009
- Built the reporting services
Zorblax Consulting, Boston, MA
2011 - 2012
- Advised banks
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        (None, "QUILLSOFT", "2007-01"), ("Developer Advocate", "QUILLSOFT", "2009-01"),
        ("Senior Programmer Analyst", "QUILLSOFT", "2007-01"), (None, "Zorblax Consulting", "2011-01")]


def test_an_internship_or_placement_is_the_position_held(matcher):
    text = """Ira Intern
Experience
Software Engineering Internship, May 2007 to August 2007
Hewlett-Packard Corporation, Palo Alto, California
- Tested enhancements to distributed systems software
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [("Software Engineering Internship", "Hewlett-Packard Corporation")]
    # a clause with its verb is no title, whatever word ends it
    text = """Sid Engineer
Work Experience
Software Development Engineer

Amazon

Interned at Amazon Development Centre for 6 months 2017

Projects did during Internship

• Blog Migration from TypePad to Amazon
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert "Projects did during Internship" not in [w.position for w in work]


def test_a_school_name_wrapped_before_its_last_word(matcher):
    text = """Al Automotive
Education
1996 - 2000: Bachelor of Science in Automotive Engineering, Michigan Technological
University
"""
    education = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).education
    assert [(e.institution, e.area, e.endDate) for e in education] == [
        ("Michigan Technological University", "Automotive Engineering", "2000")]


def test_a_double_dash_separates_and_an_at_inside_brackets_is_a_note(matcher):
    text = """Dru Pal
Experience
DYNTEK -- Drupal Developer (consultant at DoITT), June 2012 - July 2012
- Built the agency's content types
THE TOTEM GROUP, Consulting at Jersey Cow -- Drupal Developer (consultant), July 2010 - September 2010
- Themed the storefront
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.summary) for w in work][0] == ("Drupal Developer", "DYNTEK", "consultant at DoITT")
    assert work[1].position == "Drupal Developer"


def test_an_employer_on_its_own_line_over_a_piece_a_comma_cut_from_the_line_above(matcher):
    text = """Kim Counsel
Experience
2000
2003:
Partner in the firm of Mwanyumba, Quillon Mwinzi and Company
Advocates, Consolidated Bank House, Nairobi.
2003 - 2008:
Zorblax National Hospital
Chief Legal Officer
- Head of the legal department, advisor to the board
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert ("Chief Legal Officer", "Zorblax National Hospital") in [(w.position, w.name) for w in work]


def test_a_name_with_its_place_under_a_full_line_opens_the_next_entry(matcher):
    filler = "• Served customers at the counter and kept the shelves stocked through the busy summer season\n" * 30
    text = f"""Sal Surf
Experience
Quillon Cafe, Retail Sales Associate, Huntington Beach, CA, 2002 - 2004
{filler}• Provided customers with prompt and courteous service, answered questions about menus and
Zorblax Surf Shop, Huntington Beach, CA
Retail Sales Associate, 2001 - 2002
• Gained valuable customer service skills
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [w.name for w in work] == ["Quillon Cafe", "Zorblax Surf Shop"]


def test_a_skills_label_repeated_under_every_job_keeps_the_jobs_after_it(matcher):
    text = """Tess Labels
Professional Experience
Quillsoft Healthcare Pvt Ltd, Bangalore (Jul 2011 - Sept 2013)
Role : Associate Technical Specialist
Technologies:
Oracle, Java
Zorblax Technologies Limited, Bangalore (Jun 2006 - Jul 2011)
Role : Technology Analyst
Technologies:
SQL Server, Python
Education
B.E. in Computer Science, Quillfield University, 2006
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [(w.position, w.name, w.startDate) for w in profile.work] == [
        ("Associate Technical Specialist", "Quillsoft Healthcare Pvt Ltd", "2011-07"),
        ("Technology Analyst", "Zorblax Technologies Limited", "2006-06")]
    assert {"Java", "Python"} <= {s.name for s in profile.skills}


def test_the_title_a_resume_document_is_named_for_is_its_headline(matcher):
    def label(first_line: str) -> str | None:
        text = f"""{first_line}
Allena Levi Schinner
Abbe St., Detroit, Michigan
Phone: (123)345-7890
Experience
Associate Print Copywriter, Quillon Press, 2010 - 2014
- Wrote copy
"""
        return parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).basics.label

    assert label("Copy Writer CV Resume Template") == "Copy Writer"
    assert label("Sample of Immigration Attorney Resume") == "Immigration Attorney"
    assert label("SAMPLE TWO PAGE TEACHER RESUME") == "TEACHER"
    assert label("Education Resume Example - Principal") == "Principal"
    assert label("Curriculum Vitae") == "Associate Print Copywriter"  # no title in it: the latest job's
    assert label("Advertiser Resume Template") == "Advertiser"  # a word for one who does the job, if no occupation's
    assert label("Chronological Resume") == "Associate Print Copywriter"  # the kind of resume names no job


def test_a_headline_after_credentials_and_with_at_law_in_it(matcher):
    text = "Ugo Legale\nPhD, Attorney at Law\nPadua, Italy\nExperience\nAssociate Attorney, Quillon & Partner, 2010 - 2014\n"
    assert parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).basics.label == "Attorney at Law"
    text = text.replace("PhD, Attorney at Law", "Ed. D., Superintendent of Schools")
    assert parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).basics.label == "Superintendent of Schools"


def test_a_headline_under_a_header_of_personal_details(matcher):
    text = """Jean Reseau
12 rue des Lilas
Paris
Age : 23
Single
Nationality : French
Driver license
Mobility : Ile-de-France
Availability : immediate
Gender : Male
IT Network Engineer
Experience
Sept. 2014 - Present
Natixis
IT Networks Engineer
"""
    assert parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).basics.label == "IT Network Engineer"


def test_a_short_title_under_a_bullet_opens_an_entry_dated_by_a_season(matcher):
    filler = "• Supervised children, ages 6-12, and provided structured games and activities every day\n" * 30
    text = f"""Cam Counselor
Experience
Lakeside Day Camp, Bemidji, MN
June 2008 - August 2008
{filler}• Encouraged full participation in games and instructed students in rules and techniques
Camp Counselor/Activities Coordinator
Bemidji, MN
Camp Quillshine
Summer, 2007
• Provided instruction on activities such as rowing and sailing
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work][-2:] == [("Camp Counselor", "Camp Quillshine"),
                                                         ("Activities Coordinator", "Camp Quillshine")]


def test_a_state_code_and_a_thesis_are_no_degrees():
    from jobfit.resumes import degree_of

    assert degree_of("Towson, MD 21222") is None  # Maryland
    assert degree_of("Masters Research Project: What on-the-job experiences relate to learning outcomes?") is None
    assert degree_of("- Bachelor thesis on starting up a new business") is None
    assert degree_of("MD in Internal Medicine, Johns Hopkins University, 1998")[1] == "doctorate"
    assert degree_of("Master of Science in Higher Education Administration")[1] == "master"
    assert degree_of("MBA Project Management, 2012")[0] == "MBA"  # a degree and its field, not a project


def test_a_degree_table_read_column_by_column_is_paired_row_by_row():
    from jobfit.resumes.education import education_entries

    lines = ["Ph.D.", "M.S.Ed.", "B.A.", "", "Syracuse University, 2001, Counselor Education & Supervision",
             "SUNY Oneonta, 1993, Counselor Education", "Binghamton University, 1986, Linguistics"]
    assert [(e.degree, e.institution, e.end) for e in education_entries(lines)] == [
        ("Ph.D.", "Syracuse University", "2001"), ("M.S.Ed.", "SUNY Oneonta", "1993"), ("B.A.", "Binghamton University", "1986")]
    lines = ["Ph.D.", "M.A.", "", "Stanford University: Education (Policy Analysis), 1987", "Colgate University: Sociology, 1986"]
    assert [(e.degree, e.institution, e.end) for e in education_entries(lines)] == [
        ("Ph.D.", "Stanford University", "1987"), ("M.A.", "Colgate University", "1986")]


def test_a_school_and_its_degree_on_one_line_after_another_school_open_an_entry():
    from jobfit.resumes.education import education_entries

    lines = ["Manchester University Degree", "- Computer Science - 2006- 2009", "Salford College Diploma 2004 - 2006"]
    assert [(e.institution, e.degree, e.end) for e in education_entries(lines)] == [
        ("Manchester University Degree", None, "2009"), ("Salford College", "Diploma", "2006")]


def test_a_certificate_that_names_its_provider_leaves_the_schools_their_own_order():
    from jobfit.resumes.education import education_entries

    # a certificate line first, then schools each followed by their field and degree (a CV's sidebar)
    lines = ["Software Project Manager (Agile, Scrum) certificate from LinkedIn", "University of Eastern Finland",
             "Applied Physics", "Ph.D.", "Taipei Medical University", "Data Science", "Master of Science",
             "Bach Khoa University", "Industrial Management", "Bachelor's degree"]
    assert [(e.institution, e.degree) for e in education_entries(lines)] == [
        ("LinkedIn", "certificate"), ("University of Eastern Finland", "Ph.D."),
        ("Taipei Medical University", "Master of Science"), ("Bach Khoa University", "Bachelor's degree")]
    [entry] = education_entries(["2010 B.E. (Information Science) from Anna University"])
    assert (entry.institution, entry.end) == ("Anna University", "2010")  # the line's year still counts
    [entry] = education_entries(["Master of Science from May 2012"])
    assert entry.institution is None  # a date is no provider


def test_schools_named_in_other_languages():
    from jobfit.resumes.education import education_entries

    lines = ["BS in Mechanical Engineering, 1980", "UNIVERSIDADE CENTRAL DE BRASILIA", "",
             "Maîtrise en droit, 1995", "Université de Montréal"]
    assert [e.institution for e in education_entries(lines)] == ["UNIVERSIDADE CENTRAL DE BRASILIA", "Université de Montréal"]
    # the words for a university or a polytechnic across Europe, and the small words between a name's capitals
    for school in ["Universitat Politècnica de Catalunya", "Università di Bologna", "Universiteit van Amsterdam",
                   "Politecnico di Milano", "Escola Politécnica da USP", "Uniwersytet Warszawski", "Lunds Universitet",
                   "Hogeschool Utrecht", "Fachhochschule für Technik Stuttgart"]:
        [entry] = education_entries([f"MSc in Computer Science, {school}, 2017"])
        assert (entry.institution, entry.end) == (school, "2017")


def test_degrees_named_in_other_languages_and_their_levels():
    from jobfit.resumes.education import degree_of, education_entries

    lines = ["Licence en droit, Université de Lyon, 2010", "",
             "Mestrado em Engenharia de Software, Universidade de São Paulo, 2014", "",
             "Laurea Magistrale in Ingegneria Informatica, Politecnico di Milano, 2016", "",
             "Doctorat en physique, Université Paris-Saclay, 2020"]
    assert [(e.level, e.area, e.institution, e.end) for e in education_entries(lines)] == [
        ("bachelor", "droit", "Université de Lyon", "2010"),
        ("master", "Engenharia de Software", "Universidade de São Paulo", "2014"),
        ("master", "Ingegneria Informatica", "Politecnico di Milano", "2016"),
        ("doctorate", "physique", "Université Paris-Saclay", "2020")]
    assert [degree_of(t)[1] for t in ["Licenciatura en Administración", "Diplom-Ingenieur Maschinenbau", "Abitur"]] == [
        "bachelor", "master", "secondary"]
    assert degree_of("UK driving licence, clean") is None and degree_of("Driving Licence: B") is None


def test_a_title_then_its_employer_after_a_colon_with_word_processor_hyphens(matcher):
    text = """Tia Colon
Experience
2009‐2011
Teacher Assistant and Integration Aide: Smithville Primary School
- Co-taught the language arts classes
2001‐2002
Full‐time Instructor: Silver Adult Training Centre, Johnsonville
- Taught adult learners
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Teacher Assistant", "Smithville Primary School", "2009-01", "2011-01"),
        ("Integration Aide", "Smithville Primary School", "2009-01", "2011-01"),
        ("Full-time Instructor", "Silver Adult Training Centre", "2001-01", "2002-01")]


def test_a_site_in_square_brackets_leaves_the_employer(matcher):
    from jobfit.resumes.entries import read_header

    assert read_header(["Asea Brown Boveri [http://www.abb.com]", "February 2008 - March 2010"]).pieces == ["Asea Brown Boveri"]


def test_a_name_with_a_reach_word_in_it_is_no_contact_line(matcher):
    text = """Ann Droid
Experience
Lead Software Engineer,
Hands-On Mobile
08/06-06/07
- Ported games to handsets
Achievement: Created own sip-phone software server to reduce costs
Mobile: 123-345-7890
"""
    work = parse_resume(text, matcher=matcher, today=date(2026, 1, 1)).work
    assert [(w.position, w.name) for w in work] == [("Lead Software Engineer", "Hands-On Mobile")]


def test_skills_listed_with_tildes_between_them():
    from jobfit.resumes.skills import listed_items

    items = [item for item, _, _ in listed_items(["Specification Study ~ Product Design & Development ~ Team Lead ~ Coordination"])]
    assert items == ["Specification Study", "Product Design & Development", "Team Lead", "Coordination"]


def test_an_employer_glued_to_its_city_by_a_hyphen():
    from jobfit.resumes.entries import read_header

    header = read_header(["CME Group-Chicago, IL- Jan 2010-Sept 2013", "Production Specialist"])
    assert header.pieces == ["CME Group", "Production Specialist"] and header.places == ["Chicago, IL"]
    assert read_header(["Co-Founder, Acme Labs, 2001 - 2004"]).pieces == ["Co-Founder, Acme Labs"]  # no place, nothing cut


def test_jobs_with_no_text_under_them_are_cut_at_their_date_lines(matcher):
    # an academic CV: each job's lines (title and employer, place, department) end at a line of dates alone or a place
    # with its dates; no text under any of them, so nothing but the dates tells where one job ends
    text = """Dana Faculty
Teaching Experience:
Professor - Lakeside State University
Wilmington, NC
Cameron School of Business
1999 - Present
Full Time Instructor: Kent Valley University
Kent OH
Information Sciences Concentration
1995 - 1999
Work Experience:
Management Trainer
Effective Management Group
Warrendale, PA 1987 - 1999
Strategic Planning Analyst
Harbor Glass Industries
Pittsburgh, PA 1974 - 1980
Courses Taught:
Systems Analysis (2005-present)
Database Design (1999-2000)
Journal Articles
Teaching with web tutorials, Information Systems Education Journal, 2015
"""
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name, w.startDate) for w in profile.work[:4]] == [
        ("Professor", "Lakeside State University", "1999-01"), ("Full Time Instructor", "Kent Valley University", "1995-01"),
        ("Management Trainer", "Effective Management Group", "1987-01"),
        ("Strategic Planning Analyst", "Harbor Glass Industries", "1974-01")]
    assert [p.releaseDate for p in profile.publications] == ["2015"]  # 'Journal Articles' heads publications


def test_an_employer_labeled_on_its_own_line_in_a_dated_history_is_the_next_title_s(matcher):
    text = """Nia Labeled
Work Experience
Escalation Manager
Northwind India -
June 2016 to Present
Roles and Responsibilities:
• Led a team of twenty engineers on high priority incidents.
Company: Contoso Services India
Client: Fabrikam Electric
Incident Coordinator
Roles and Responsibilities:
• Tracked the timeline of every major incident.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name) for w in work] == [
        ("Escalation Manager", "Northwind India"), ("Incident Coordinator", "Contoso Services India")]


def test_an_undated_employer_with_its_place_over_text_is_a_job_in_a_dated_history(matcher):
    text = """Ray Research
Research Experience
Lakeshore University
Postdoctoral Scientist
Pittsburgh, PA
2010 – Present
Developed new online learning techniques for course recommendations.
Acme Search, Inc.
Mountain View, CA
Analysed user behaviour from search traffic logs.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.location) for w in work] == [("Lakeshore University", "Pittsburgh, PA"),
                                                     ("Acme Search, Inc.", "Mountain View, CA")]
    assert work[1].highlights == ["Analysed user behaviour from search traffic logs."]


def test_a_title_whose_text_runs_on_after_a_period_keeps_the_title(matcher):
    text = """Lee Legal
Experience
2/89 to 1/90
Harbor Insurance Co.
Calendar Clerk/Litigation Assistant. Managed calendar
department for in-house counsel and docketed cases.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name) for w in work] == [("Calendar Clerk", "Harbor Insurance Co."),
                                                     ("Litigation Assistant", "Harbor Insurance Co.")]


def test_the_current_title_of_a_history_that_runs_oldest_first_is_its_last(matcher):
    text = """Sam Chronological
Experience
Freelancer, Bhiwani, Haryana
Jan 2016 - Feb 2017
Software Engineer, Codalien Technologies, Delhi
Aug 2017 - Dec 2018
Senior Software Engineer, Codalien Technologies, Delhi
Jan 2019 - Present
"""
    assert parse_resume(text, matcher=matcher).basics.label == "Senior Software Engineer"
    # newest first, the first listed; a job held to this day listed first stays the current one
    text = """Kai Current
Experience
Lead Developer, Utum Group, Lagos
July 2012 - Present
Research Assistant, University of Lagos, Lagos
August 2012 - August 2012
"""
    assert parse_resume(text, matcher=matcher).basics.label == "Lead Developer"


def test_the_current_title_is_never_a_job_that_ended_before_another_began(matcher):
    # a two-column page read a column at a time lists an early job first; the dates say which is the latest
    text = """Duc Columns
Experience
Data Analyst
Lazada, Hanoi
05/2015 - 01/2018
Senior Product Manager
Oolab, Hanoi
01/2021 - 01/2022
Senior Data Engineer
Ttek, Hanoi
01/2018 - 03/2019
"""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 1, 1))
    assert [w.position for w in profile.work] == ["Data Analyst", "Senior Product Manager", "Senior Data Engineer"]
    assert profile.basics.label == "Senior Product Manager"


def test_a_range_a_layout_set_on_two_lines_with_a_colon_after_it(matcher):
    text = """Wanjiru Advocate
Work Experience
1987
1989:
Attorney Generals Office
Senior State Counsel
Dealt with civil cases on behalf of the state.
1989
1995:
Kenya National Assurance Co. Ltd
Senior Legal Officer
Dealt with the company's legal matters.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.startDate, w.endDate) for w in work] == [
        ("Attorney Generals Office", "1987-01", "1989-01"), ("Kenya National Assurance Co. Ltd", "1989-01", "1995-01")]
    # the department a title's comma names after it is the title's, not the employer on its own line
    work = parse_resume(text.replace("Senior State Counsel\n", "Senior State Counsel, Civil Litigation department\n"),
                        matcher=matcher).work
    assert [(w.position, w.name) for w in work][0] == ("Senior State Counsel", "Attorney Generals Office")


def test_hyphenated_specialist_and_vocational_degrees_are_degrees():
    from jobfit.resumes import degree_of
    from jobfit.resumes.education import education_entries

    assert degree_of("B-TECH")[:2] == ("B-TECH", "bachelor")
    assert degree_of("B-tech in Electronics and Telecommunication, 2015")[1] == "bachelor"
    assert degree_of("Ed.S., Kent State University")[:2] == ("Ed.S.", "master")
    assert degree_of("NVQ 3 in Retailing")[:2] == ("NVQ 3", "certificate")
    assert [degree_of(text)[:2] for text in ("Honors BASc.", "BSN, Nursing", "MFA in Creative Writing")] == [
        ("BASc", "bachelor"), ("BSN", "bachelor"), ("MFA", "master")]
    lines = ["GNVQ Advanced Information Technology (Pass)", "Longsight College of Further Education 2002 - 2004"]
    assert [(e.degree, e.institution) for e in education_entries(lines)] == [
        ("GNVQ Advanced Information Technology", "Longsight College of Further Education")]
    # a school-leaving certificate is schooling, not a professional certificate
    for text in ("Kenya Certificate of Education (KCE)", "Victorian Certificate of Education (VCE)", "Leaving Certificate (500 points)",
                 "Certificate (Std XII)", "Certificate of Primary Education (CPE)"):
        assert degree_of(text)[1] == "secondary", text
    assert [degree_of(text)[:2] for text in ("Certificate in Commercial Law", "High School Diploma")] == [
        ("Certificate", "certificate"), ("High School", "secondary")]


def test_a_diploma_or_certificate_keeps_the_field_named_before_it():
    from jobfit.resumes.education import education_entries

    lines = ["Computer System Technician Diploma, 2003", "Client College", "",
             "Kenya Certificate of Education (KCE)", "", "Armenia Certificate, ANC Computer School, 1993", "",
             "Six Sigma Green Belt Certification, Villanova University, 2012"]
    assert [(e.degree, e.area, e.level) for e in education_entries(lines)] == [
        ("Computer System Technician Diploma", "Computer System Technician", "certificate"),
        ("Kenya Certificate of Education (KCE)", None, "secondary"),  # a school-leaving certificate, named for its country
        ("Certificate", None, "certificate"),  # a country before it is where, not what
        ("Six Sigma Green Belt Certification", "Six Sigma Green Belt", "certificate")]  # a certification, the same


def test_the_name_a_page_s_running_head_repeats_is_no_employer(matcher):
    text = """Kendall Rod Considine
614 Van Liew Court, Hillsborough, NJ 08844
Experience
AETEA CONSULTING
Web Developer Consultant, February 2014 - Present
Built sites for clients.
Kendall Rod Considine
DATACOLOR
Web Developer, August 2011 - January 2012
Built the color tools site.
Kendall Rod Considine HALF TECHNOLOGIES
Drupal Developer, April 2011 - August 2011
Built modules.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("AETEA CONSULTING", "Web Developer Consultant"),
                                                     ("DATACOLOR", "Web Developer"), ("HALF TECHNOLOGIES", "Drupal Developer")]


def test_a_running_head_with_credentials_or_the_word_resume_is_no_employer(matcher):
    text = """Hal Schmeler, MS (CS), MS (TPP), PMP
232 Olive Ave, North York, ON
Employment
Courtyard Group, Consultant, 2006-Present
Authored a methodology for hospital information systems.

Resume
Hal Schmeler, MS (TPP), MS (CS), PMP

… /3

PharmAchieve, Founder and CEO, 2009-Present
•
•

Co-founded an organization to train foreign pharmacists.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("Courtyard Group", "Consultant"), ("PharmAchieve", "Founder"),
                                                     ("PharmAchieve", "CEO")]


def test_jobs_under_a_projects_heading_inside_the_history_are_jobs(matcher):
    """A history whose jobs list their projects under a heading ('Selected projects:') goes on after them: the jobs
    there are jobs, the projects with their clients are not."""
    text = """Jane Roe
Employment
Courtyard Group, Consultant, 2006-Present
Led hospital information system projects.

Selected projects:
Ontario Diabetes Registry (Client: Ministry of Health) 2008-Present
My role:
Senior Business Analyst and Procurement Lead
Wrote and defended the budget.

PharmAchieve, Founder and CEO, 2009-Present
Co-founded an organization to train pharmacists.

Veristage, Senior Consultant, 2000-2001
Product manager of a text categorization suite.

Certifications
Project Management Professional (PMP)
"""
    profile = parse_resume(text, matcher=matcher)
    assert [(w.name, w.position) for w in profile.work] == [
        ("PharmAchieve", "Founder"), ("PharmAchieve", "CEO"), ("Courtyard Group", "Consultant"),
        ("Veristage", "Senior Consultant")]  # newest first, as the history runs
    assert profile.basics.label == "Founder and CEO"


def test_the_address_a_page_s_running_head_repeats_is_no_employer(matcher):
    """Before: '1255 University, Montreal, QC' under each page's name was a job at '1255 University'."""
    text = ("Derek Kub\n1255 University, Montreal, QC\n123 345-7890\nEXPERIENCE\n"
            "Analyst Programmer\nAir Canada\nSeptember 2007 to November 2007\n- Debug the web applications\n"
            "Page 1\nDerek Kub\n1255 University, Montreal, QC\n123 345-7890\n- Improve existing functionalities\n"
            "Computer technician\nMutual Insurance Group\nMay 1989 to October 1989\n- Customer support\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("Air Canada", "Analyst Programmer"),
                                                     ("Mutual Insurance Group", "Computer technician")]


def test_a_letter_spaced_page_number_is_no_piece_of_a_header():
    from jobfit.resumes.entries import read_header

    assert read_header(["P AGE 2", "Principal, Pine Tree Elementary, Houston, TX"]).pieces == ["Principal, Pine Tree Elementary"]


def test_the_title_a_job_s_text_states_when_its_header_names_none(matcher):
    text = """Ravi Trainer
Experience
MAASMIND Java Training Institute, Chennai, Tamil Nadu
June 2014 - Present
Currently Working as a Java/J2ee Trainer in MAASMIND Java Training Institute.
Hewlett-Packard Corporation, Palo Alto, California
May 2007 - August 2007
Served as departmental Linux Systems Administrator.
Subaru Russia
2009 - 2016
Role: Car dealership director.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [w.position for w in work] == ["Java/J2ee Trainer", "Linux Systems Administrator", "Car dealership director"]


def test_numbered_headings_open_their_sections_but_numbered_items_do_not():
    from jobfit.resumes.sections import heading_of

    assert heading_of("6. Employment History") == "experience"
    assert heading_of("5. Academic Studies:") == "education"
    assert heading_of("2. Education reform") is None  # an item of a numbered list
    assert heading_of("1. Position:") is None


def test_a_summary_sentence_gives_the_title_when_nothing_else_does(matcher):
    text = """Laureen Brekke
Bengaluru, Karnataka

Senior software engineer with more than 9 years of experience in C, C++ and BI analytics.

Education
B.Tech, Nagarjuna University, 2008
"""
    assert parse_resume(text, matcher=matcher).basics.label == "Senior software engineer"
    text = text.replace("Senior software engineer with more than 9 years", "Exceptionally focused and reliable Entry Level"
                        " Java Developer with an outstanding record")
    assert parse_resume(text, matcher=matcher).basics.label == "Entry Level Java Developer"
    assert parse_resume(text.replace("Java Developer with", "worker, with"), matcher=matcher).basics.label is None


def test_an_education_table_s_column_headings_are_no_entries():
    from jobfit.resumes.education import education_entries

    lines = ["Period", "2008 - 2013", "", "Name, Dept., Degree", "Odesa National Polytechnic University",
             "Institute of Computer Systems", "Masters degree", "", "Place", "Odesa, Ukraine", "",
             "2013 - Present", "", "Linnaeus University", "School of Computer Science"]
    # each date line opens the school under it (a department on the next line is still an entry of its own)
    assert [(e.institution, e.start, e.end) for e in education_entries(lines) if e.start] == [
        ("Odesa National Polytechnic University", "2008", "2013"), ("Linnaeus University", "2013", None)]


def test_a_heading_listing_names_of_one_section_opens_it():
    from jobfit.resumes.sections import heading_of

    assert heading_of("HONORS, AWARDS, AND MEMBERSHIPS") == "awards"
    assert heading_of("EXPERIENCE, RELEVANT EXPERIENCE, INTERNSHIP EXPERIENCE") == "experience"
    assert heading_of("SALES, MARKETING") is None  # fields of work, not sections


def test_an_undated_job_whose_text_opens_with_dates_spans_them(matcher):
    text = """Jesse Student
Experience
Newspaper Staff Member, Hometown High School

Aug 2012 - present. Features editor of campus newspaper, responsible for award-winning design.
Aug 2009 - Aug 2012. Researched information for news articles using library and Web sources.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.startDate, w.endDate) for w in work] == [("Newspaper Staff Member", "2009-08", None)]


def test_degrees_written_after_the_name_are_education_when_it_lacks_them(matcher):
    text = """Clayton Bolton, Ed. D., MBA
Springfield, VA | (703) 555-0147 | c.bolton@example.com
Education
M.Ed., Remedial Reading, University of South Carolina, 1978
"""
    education = parse_resume(text, matcher=matcher).education
    assert [(e.studyType, e.level) for e in education] == [("M.Ed., Remedial Reading", "master"), ("Ed. D.", "doctorate")]
    from jobfit.resumes import degree_of

    assert degree_of("Ed. D, Administrative Leadership, Shenandoah University")[:2] == ("Ed. D", "doctorate")


def test_duties_written_in_the_present_are_a_job_s_text_and_a_director_of_something_is_a_title(matcher):
    text = """Jane Doe
Experience
Director of Information Technology
January 2010 to October 2010 Company Name - City , State
Manage corporate network and ensure high system availability.
Develop backup and disaster recovery plan
Monitor and record credentialing requirements
Provide quality support to all personnel
Director of Information Technology
June 2004 to December 2009 Company Name - City , State
Manage corporate network and ensure high system availability
Maintain disaster recovery methods and backup procedures
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Director of Information Technology", None, "2010-01"), ("Director of Information Technology", None, "2004-06")]
    assert work[0].highlights[-1] == "Provide quality support to all personnel"


def test_a_history_with_its_projects_and_headers_written_as_a_row_of_pieces(matcher):
    text = """Ann Row
Experience and participated projects:
2020  Internship, Service Engineer, Center for Financial Technologies, software
development company for global financial and credit companies, Russia
Optimizing Java code using Spring Boot and implementing database queries for the payment services.
LEVIS, Seasonal Sales Associate, Chicago IL (Nov 2011 - Jan 2012)
Greeted customers and maintained the store's highest customer service rating in the district.
Pipeline Alaska, Inc., Vancouver, B.C. Canada, 1997 - 2007
Managed the estimating department and its projects across the region for ten years.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name) for w in work][:2] == [("Service Engineer", "Center for Financial Technologies"),
                                                       ("Seasonal Sales Associate", "LEVIS")]
    assert work[2].name == "Pipeline Alaska, Inc."


def test_two_lines_each_opening_with_one_date_span_the_range_between_them(matcher):
    text = """Dana Column
Experience
October 2013
June 2014 Software Developer at Allegro Networks
Working in Node.js and Ruby with a small team of developers on the backbone of the internet.
"""
    [job] = parse_resume(text, matcher=matcher).work
    assert (job.position, job.name, job.startDate, job.endDate) == ("Software Developer", "Allegro Networks", "2013-10", "2014-06")


def test_jobs_under_a_schooling_heading_with_no_school_in_it_are_the_work_history(matcher):
    text = """Ivan Misplaced
EDUCATION
2012  , November  TINKOFF BANK (tinkoff.ru), Russia
2022, February Senior Software Developer (Python)
 Was supporting legacy code and implementing new features. Stack: Python, Fastapi, Postgres,
Kafka
2020, June  MTS GROUP (mts.ru), Russia
2021, August Python Developer
 Created an api for ML model. Stack: Python, Flask, Postgres, Numpy, Pandas, Docker
2017, July  AISA (aisa.ru), Russia
December Web-Developer
 Improved the company's product by finding and fixing logical bugs.
"""
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("Senior Software Developer", "TINKOFF BANK (tinkoff.ru)", "2012-11", "2022-02"),
        ("Python Developer", "MTS GROUP (mts.ru)", "2020-06", "2021-08"),
        ("Web-Developer", "AISA (aisa.ru)", "2017-07", "2017-12")]  # the month alone is of the year above
    assert profile.education == []


def test_jobs_a_two_column_page_read_under_its_education_are_the_work_history(matcher):
    text = """Pavel Columns
Web Developer
Education
Second degree, Ulyanovsk State Technical University, Ulyanovsk
September 2009 - June 2011
Web-developer at Digital Dream LLC, Ulyanovsk
August 2012 - August 2013
Website development on the 1C-Bitrix platform; during the work 17 projects were successfully completed.
"""
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name, w.startDate, w.endDate) for w in profile.work] == [
        ("Web-developer", "Digital Dream LLC", "2012-08", "2013-08")]
    assert [e.institution for e in profile.education][:1] == ["Ulyanovsk State Technical University"]


def test_a_designed_page_s_abbreviated_heading_and_arrows_are_read(matcher):
    text = """Duc Designer
🏫 WORKING EXP
Senior Product Manager ➡➡➡
Rocsole @ Finland     01/22 ⇒ Now
Defining the tech roadmap and system architecture for the whole product line.
"""
    [job] = parse_resume(text, matcher=matcher).work
    assert (job.position, job.name, job.startDate, job.endDate) == ("Senior Product Manager", "Rocsole", "2022-01", None)


def test_schools_named_where_certificates_are_listed_and_a_university_s_college(matcher):
    text = """Pat Developing
Experience
Teacher, Dallas ISD, 1996 - 2004
Taught sociology to classes of thirty students.
PROFESSIONAL DEVELOPMENT
Big State University, Dallas, TX
Master of Arts, Educational Administration, 2004
University of Texas at Dallas
Dallas, Texas
Masters in Business Administration with concentration in Management Information Systems
Project Management Professional (PMP)
Education
RUTGERS COLLEGE - RUTGERS UNIVERSITY - New Brunswick, NJ
BA in Mathematics
"""
    schools = [(e.institution, e.studyType) for e in parse_resume(text, matcher=matcher).education]
    assert ("RUTGERS COLLEGE, RUTGERS UNIVERSITY", "BA in Mathematics") in schools
    assert ("Big State University", "Master of Arts, Educational Administration") in schools
    assert ("University of Texas", "Masters in Business Administration") in schools  # a school, not a place
    assert len(schools) == 3


def test_a_referee_s_or_a_paper_s_words_are_no_skills_of_the_candidate(matcher):
    text = """Rosa Referenced
Skills
Python, SQL
Publications
Bayesian inference for hydrology models, Journal of Water, 2015
References
Dr. Karl Weber, Professor of Accounting and Auditing, University of Bonn
"""
    names = {s.name for s in parse_resume(text, matcher=matcher).skills}
    assert {"Python", "SQL"} <= names
    assert not {"Auditing", "Accounting", "Bayesian statistics", "hydrology"} & {n for n in names}


def test_a_resume_builder_s_education_row_sets_the_field_apart_from_the_school(matcher):
    text = """Lee Builder
Education
Bachelor of Science : Information Systems Northeastern University City , State Information Systems
Masters of Science : Accounting Prairie View A&M University City , State Accounting 3.8
"""
    schools = [(e.institution, e.area) for e in parse_resume(text, matcher=matcher).education]
    assert schools == [("Northeastern University", "Information Systems"), ("Prairie View A&M University", "Accounting")]


def test_a_person_named_after_a_title_is_not_part_of_it(matcher):
    text = """Kim Teacher
Experience
Principal Mrs. Karen Noble 08/2005 to 06/2007
Company Name – City , State
Set up lesson materials, bulletin board displays and demonstrations.
"""
    [job] = parse_resume(text, matcher=matcher).work
    assert (job.position, job.startDate, job.endDate) == ("Principal", "2005-08", "2007-06")


def test_a_school_s_name_ends_with_its_sentence():
    from jobfit.resumes.education import institution_name

    assert institution_name("NTUDP (Dnipro Polytechnic National Technical University). Computer engineering") == \
        "NTUDP (Dnipro Polytechnic National Technical University)"
    assert institution_name("Micro and Opto Electronics. XXXX University") == "XXXX University"
    assert institution_name("St. Joseph's University") == "St. Joseph's University"  # an abbreviation's period


def test_a_field_of_study_on_a_line_of_its_own_is_no_school(matcher):
    text = """Ola Fields
Education
BSc (Hons)
Information Technology
Nuneaton University 2005 - 2008
M.Sc.
Specialization in Complex Systems
2007
"""
    education = parse_resume(text, matcher=matcher).education
    schools = [(e.institution, e.studyType) for e in education]
    assert ("Nuneaton University", "BSc (Hons) Information Technology") in schools
    assert [e.area for e in education] == ["Information Technology", "Complex Systems"]
    assert not {"Information Technology", "Specialization in Complex Systems"} & {s for s, _ in schools}


def test_a_latex_cv_s_bullets_read_as_braces_are_bullets(matcher):
    text = """Lia Latex
Experience
2013 - 2015
Staff Software Engineer, Google Search App, Google, Mountain View.
{ Improved video search results through ranking, triggering and UI placement
{ Supported the launch of Google Instant for video results
"""
    [job] = parse_resume(text, matcher=matcher).work
    assert job.position == "Staff Software Engineer" and "Google" in job.name
    assert job.highlights[-1] == "Supported the launch of Google Instant for video results"


def test_a_title_in_sentence_case_opening_with_a_duty_verb_stays_a_title(matcher):
    text = """Sam Sentence
Experience
Help desk support technician
January 2010 to October 2010 Company Name - City , State
Answered calls from staff about their computers and printers every day.
"""
    [job] = parse_resume(text, matcher=matcher).work
    assert (job.position, job.startDate) == ("Help desk support technician", "2010-01")


def test_an_employer_line_in_capitals_that_a_period_closes_is_a_header(matcher):
    text = """Dana Clerk
Employment
3/90 to 6/92
SMITH & JONES LLP
New York, NY

Calendar Clerk. I kept the firm's court calendar and
filed the motions of four partners.
2/89 to 1/90
DAVID M. LEE, ESQ.
New York, N.Y. 10007

Litigation Paralegal. I drafted probate petitions and
affidavits for the litigation staff.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.startDate, w.endDate) for w in work][-1] == ("DAVID M. LEE, ESQ.", "1989-02", "1990-01")


def test_a_place_after_a_colon_or_a_city_with_its_state_code_and_no_comma(matcher):
    text = """Jo Retail
Experience
Cashier, October 2014 - Present
Whole Foods Market: Plymouth Meeting, PA
Served customers at the registers.

Senior Programmer, 2006 - 2007
ASSOCIATED PRESS (AP), New York NY
Wrote the wire's feed parsers.

LEVIS, Seasonal Sales Associate, Chicago IL
November 2011 - January 2012
Helped customers find their fit.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position, w.location) for w in work] == [
        ("Whole Foods Market", "Cashier", "Plymouth Meeting, PA"),
        ("ASSOCIATED PRESS (AP)", "Senior Programmer", "New York NY"),
        ("LEVIS", "Seasonal Sales Associate", "Chicago IL")]


def test_a_long_dated_header_written_as_a_row_of_names_is_a_header(matcher):
    text = """Pat Principal
Professional Experience
Principal, Bethesda-Chevy Chase High School, Montgomery County Public Schools, Bethesda, MD, 1995 to Present
• Principal for a 1,200-student high school serving grades 9-12.
Assistant Principal, Walt Whitman High School, Baltimore County Public Schools, Baltimore, MD, 1988 to 1995
• Supervised 150 professional and classified staff members.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.location, w.startDate) for w in work] == [
        ("Principal", "Bethesda-Chevy Chase High School", "Bethesda, MD", "1995-01"),
        ("Assistant Principal", "Walt Whitman High School", "Baltimore, MD", "1988-01")]


def test_academic_titles_a_chair_and_an_adjunct(matcher):
    text = """Lee Academic
Professional Experience
2005-2008: Department Chair, Political Science. Responsible for supervising faculty,
staff, three academic programs and community outreach.
2002-2004
Adjunct, Virginia Commonwealth University, Richmond, VA
Taught research methods to graduate students.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name) for w in work] == [
        ("Department Chair", "Political Science"), ("Adjunct", "Virginia Commonwealth University")]


def _parsed(matcher, data: bytes, with_layout: bool = True):
    from jobfit.documents import extract_text

    text = extract_text(data)
    return parse_resume(text.text, matcher=matcher, layout=text.layout if with_layout else ())


def _pdf(lines: list[tuple[float, str]], size: float = 11) -> bytes:
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    for i, (x, line) in enumerate(lines):
        page.insert_text((x, 60 + 15 * i), line, fontsize=size)
    return document.tobytes()


def test_an_item_indented_with_its_list_under_a_heading_opens_no_section(matcher):
    """A skills list whose item reads 'Projects' (a competence, as livecareer's PDFs list it) stays a list:
    the item starts where the list's items do, indented under 'Skills', as no heading in the document is."""
    data = _pdf([(33, "Dana Indent"), (33, "dana@example.com"), (33, "Skills"), (59, "Cost control"), (59, "Team building"),
                 (59, "Projects"), (59, "Budgeting"), (59, "Vendor negotiations"), (33, "Experience"),
                 (33, "03/2005 to 07/2016"), (33, "Site Manager, Gulf Builders - Houston, TX"), (57, "Oversaw field works."),
                 (33, "Education"), (33, "Bachelor of Science in Civil Engineering, Texas A&M University, 2004")])
    profile = _parsed(matcher, data)
    assert profile.projects == []
    assert "budgeting" in {s.name.lower() for s in profile.skills}
    assert [(w.position, w.name) for w in profile.work] == [("Site Manager", "Gulf Builders")]
    assert _parsed(matcher, data, with_layout=False).projects  # the words alone read 'Projects' as a heading


def test_a_sidebar_heading_read_after_the_main_column_still_opens_its_section(matcher):
    main = [(40, "Ravi Sidebar"), (40, "Experience"), (40, "Data Engineer, Flowlytics Inc, 2019 - 2023"),
            (40, "Built batch pipelines for the finance team."), (40, "Projects"), (40, "Fraud dashboard for the risk team"),
            (40, "Education"), (40, "Bachelor of Science in Physics, State University, 2018")]
    side = [(400, "ravi@example.com"), (400, "+1 415 555 0100"), (400, "Skills"), (400, "Python"), (400, "Kubernetes"),
            (400, "PostgreSQL")]
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    for i, (x, line) in enumerate(main):
        page.insert_text((x, 60 + 15 * i), line, fontsize=11)
    for i, (x, line) in enumerate(side):
        page.insert_text((x, 60 + 15 * i), line, fontsize=11)
    profile = _parsed(matcher, document.tobytes())
    where = {s.name: s.sections for s in profile.meta.skills}
    assert where["Python"] == where["Kubernetes"] == where["PostgreSQL"] == ["skills"]  # not listed under Education
    assert [p.name for p in profile.projects] == ["Fraud dashboard for the risk team"]


def _docx(paragraphs: list[tuple[str | None, str]]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for style, line in paragraphs:
        document.add_paragraph(line, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_heading_style_opens_its_section_and_a_plain_line_in_a_styled_document_opens_none(matcher):
    data = _docx([(None, "Casey Styled"), (None, "casey@example.com"), ("Heading 1", "Summary"),
                  (None, "Accountant who closes the books on time."),
                  ("Heading 1", "Professional work history"), (None, "Accountant, Acme Ltd, 2015 - 2019"),
                  (None, "Kept the books for three product lines."), (None, "Software"),
                  (None, "Moved the ledger from spreadsheets to QuickBooks Online."),
                  ("Heading 1", "Education"), (None, "Bachelor of Science in Accounting, State University, 2014"),
                  ("Heading 1", "Certifications"), (None, "Certified Public Accountant"),
                  ("Heading 1", "Skills"), (None, "QuickBooks, Excel")])
    profile = _parsed(matcher, data)
    # 'Professional work history' in sentence case is a heading because the document styles it as one
    assert [(w.position, w.name) for w in profile.work] == [("Accountant", "Acme Ltd")]
    # 'Software', set as the text around it is, is a line of the job, not a skills heading that ends the job
    assert profile.work[0].highlights == ["Kept the books for three product lines.", "Software",
                                          "Moved the ledger from spreadsheets to QuickBooks Online."]
    # the words alone read both the other way round
    from jobfit.documents import extract_text
    from jobfit.resumes import resume_lines

    headings = [s.heading for s in split_sections(resume_lines(extract_text(data).text))]
    assert "Software" in headings and "Professional work history" not in headings


def test_an_html_resume_s_headings_are_its_h_tags(matcher):
    page = ("<html><body><h1>Noor Markup</h1><p>noor@example.com</p><h2>Summary</h2><p>Analyst who ships reports.</p>"
            "<h2>Professional work history</h2><p>Data Analyst, Lumen Retail, 2018 - 2023</p>"
            "<ul><li>Built the weekly sales dashboards.</li></ul><h2>Education</h2>"
            "<p>Bachelor of Science in Statistics, State University, 2017</p><h2>Skills</h2><p>SQL, Tableau</p></body></html>")
    profile = _parsed(matcher, page.encode())
    assert [(w.position, w.name) for w in profile.work] == [("Data Analyst", "Lumen Retail")]
    assert profile.basics.summary == "Analyst who ships reports."


def test_a_name_after_an_icon_and_with_the_name_one_goes_by(matcher):
    for first, name in [("\ufffd DUC (BRUCE) NGUYEN", "Duc (Bruce) Nguyen"), ("👤 Jane Roe", "Jane Roe"),
                        ('Robert "Bob" Smith', 'Robert "Bob" Smith')]:
        text = f"{first}\nData Analyst\nduc@example.com\nEXPERIENCE\nData Analyst, Acme Ltd, 2019 - 2023\n"
        assert parse_resume(text, matcher=matcher).basics.name == name
    # a list's bullet is no icon: a skill listed first is no name
    assert parse_resume("• Team Player\n• Java\nEXPERIENCE\nDeveloper, Acme Ltd, 2019 - 2023\n", matcher=matcher).basics.name is None


def test_a_heading_set_far_left_of_its_first_line_opens_its_section(matcher):
    """A two-column PDF sets the heading in the left column and the section's first line in the right one, on
    one line with a wide gap between them."""
    text = ("Pranavi Example\npranavi@example.com\n"
            "EDUCATION                                      Bachelors of Business Administration (B.B.A), 2018\n"
            "Guru Gobind Singh Indraprastha University\n"
            "INTERNSHIPS                                 Operations Analyst\nLybrate (Faridabad)\nAug 2018 - Sept 2019\n"
            "● Verified 267 dieticians on the platform.\n"
            "TRAININGS                                      Fundamentals of Digital Marketing\nJun 2019 - Present\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name) for w in profile.work] == [("Operations Analyst", "Lybrate")]
    assert profile.education[0].level == "bachelor"
    # a date on its own line under a course is when it was taken, not a certificate
    assert [(c.name, c.date) for c in profile.certificates] == [("Fundamentals of Digital Marketing", "2019")]
    # a job's own list set the same way does not end the job
    job = parse_resume("Sam Example\nExperience\nDeveloper, Acme Ltd, 2019 - 2023\nBuilt the billing service.\n"
                       "Technologies      Java, Spring, PostgreSQL\nMaintained the payment gateway.\n", matcher=matcher).work
    assert [(w.name, w.highlights[-1]) for w in job] == [("Acme Ltd", "Maintained the payment gateway.")]
    # a bullet between the heading and its first item: the certificates do not date the last degree
    text = ("Pat Example\npat@example.com\nEducation\nBachelor of Science : Nursing Valparaiso University\n"
            "Certifications/Awards/Memberships ▪ RN license ▪ Licensed Healthcare Risk Manager ▪ BLS/ACLS ▪ CEO\n"
            "Service Award, 2009\n")
    assert [(e.level, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [("bachelor", None)]
    # while in a list of skills, a label set so is one of its items
    skills = parse_resume("Sam Example\nSkills\nProgramming • Java, C++, SQL\nDatabases • Oracle\n", matcher=matcher).skills
    assert "Computer Programming" in [s.name for s in skills]


def test_a_comma_inside_a_title_s_brackets_and_a_field_after_a_capital_in(matcher):
    text = """Toan Example
toan@example.com
Experience
Web Developer (Django, Reactjs) | Christina's Vietnam Ltd.
11/2019 - 04/2020
Develop new features and maintain a website.
Education
Marathwada Mitra Mandal's College of Engineering
B.E. IN COMPUTER ENGINEERING
2014 - 2018
"""
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name) for w in profile.work] == [("Web Developer", "Christina's Vietnam Ltd.")]
    assert [(e.area, e.level) for e in profile.education] == [("COMPUTER ENGINEERING", "bachelor")]


def test_a_labeled_year_of_completion_dates_the_degree_and_names_no_school(matcher):
    text = """Pranavi Example
pranavi@example.com
EDUCATION
Bachelors of Business Administration (B.B.A), Management
Year of Completion: 2018
GURU GOBIND SINGH INDRAPRASTHA UNIVERSITY (Delhi)
Percentage: 60.20%
"""
    education = parse_resume(text, matcher=matcher).education
    assert [(e.institution, e.endDate, e.score) for e in education] == [
        ("GURU GOBIND SINGH INDRAPRASTHA UNIVERSITY", "2018", "60.20%")]


@pytest.mark.parametrize("headline, label", [
    ("Mobile Developer with 3 years experience", "Mobile Developer"),
    ("Front-end developer  6 year experience", "Front-end developer"),
    ("Embedded Linux Engineer, 23 y.o.  nazaryev.ru", "Embedded Linux Engineer"),
    ("I am a Software Engineer with 6+ years experience in development and", "Software Engineer"),
    ("Innovative software engineer offering eight years of experience in", "Innovative software engineer"),
    ("VK, Remote    Developer Unity3D", "Developer Unity3D"),
])
def test_a_headline_s_title_without_how_long_or_how_old(matcher, headline, label):
    text = f"Sam Headline\nsam@example.com\n{headline}\nEXPERIENCE\nAcme Ltd, 2019 - 2023\n"
    assert parse_resume(text, matcher=matcher).basics.label == label


def test_a_range_laid_out_on_three_lines_is_one_range(matcher):
    text = ("RISK SPECIALIST\nExperience\nMarch 2014\nto\nNovember 2014\nCompany Name City , State Risk Specialist\n"
            "Assist with identifying and executing the risk management plan.\nAugust 2010\nto\nFebruary 2014\n"
            "Company Name City , State Loan Modification Underwriter\nReview and analyze borrower documentation.\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.startDate, w.endDate) for w in profile.work] == [
        ("Risk Specialist", "2014-03", "2014-11"), ("Loan Modification Underwriter", "2010-08", "2014-02")]
    assert profile.meta.total_years_experience == 4.3


def test_a_long_title_line_under_its_dates_and_a_project_beside_the_title(matcher):
    text = """Experience
03/2005 to 07/2016
Construction and Site Manager / Site Execution Coordinator Company Name - City , State
Oversaw design and field works in Angola.
ANZ
May 2005 to March 2006
Contract Senior Analyst Programmer - Tandem Batch / BASE24 POS to CTM Project
Project to collect and deliver EFTPOS merchant settlement totals to the host.
"""
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Construction and Site Manager / Site Execution Coordinator", None, "2005-03"),
        ("Contract Senior Analyst Programmer", "ANZ", "2005-05")]


def test_core_qualifications_list_strengths_and_a_list_of_degrees_is_schooling(matcher):
    strengths = parse_resume("TEACHER\nCore Qualifications\nExcellent classroom management\nAutodesk Civil 3D\n"
                             "Experience\nTeacher 01/2004 to Current\nCompany Name - City, State\n", matcher=matcher)
    assert strengths.education == []
    assert "Excellent classroom management" in [s.name for s in strengths.skills] + [k for s in strengths.skills for k in s.keywords]
    degrees = parse_resume("Ann Example\nQualifications\nBSc (Hons) Sales Management\nNuneaton University, 2010\n", matcher=matcher)
    assert [(e.institution, e.endDate) for e in degrees.education] == [("Nuneaton University", "2010")]


def test_a_score_label_after_a_school_is_not_its_name(matcher):
    text = ("Ravi Example\nEDUCATION\nBachelor of Engineering : Production Engineering , July 2013 Mumbai University "
            "India GPA: GPA: 3.5\n")  # the label twice, as a PDF with a label column gives it
    assert [(e.institution, e.score) for e in parse_resume(text, matcher=matcher).education] == [("Mumbai University India", "3.5")]


def test_a_british_degree_class_is_its_score(matcher):
    text = ("Oliver Example\nEDUCATION\nUniversity of Leeds — BSc (Hons) Mathematics, 2:1 (2016 – 2019)\n"
            "BSc Computer Science, First Class Honours, University of York, 2012 - 2015\n"
            "BE. Computer Engineering (June 2008) LD College of Engineering First-Class (61.7%)\n")
    scores = [e.score for e in parse_resume(text, matcher=matcher).education]
    assert scores == ["2:1", "First Class Honours", "61.7%"]  # the figure before an Indian division's class


def test_a_degree_written_twice_is_one_entry(matcher):
    text = ("Sam Example\nEducation\nHigh School Diploma , General studies 1985\n\n"
            "1985, Graduated with High School Diploma\n")
    assert [(e.level, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [("secondary", "1985")]


def test_a_degree_restated_under_its_entry_is_one_degree(matcher):
    # a resume builder's row, then its description naming the same degree in other words
    text = """Sam Example
Education and Training
Master's of Science : Human Resource Management 5 2005 St. Joseph's University City , State
Masters in Human Resource Management
Bachelor of Science : Social Relations 5 1994 Cheyney University of Pennsylvania City , State
BS in Social Relations
"""
    assert [(e.level, e.institution, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("master", "St. Joseph's University", "2005"), ("bachelor", "Cheyney University of Pennsylvania", "1994")]
    # a second degree of the same level in another field is a degree of its own
    text = """Sam Example
Education
Bachelor of Science : Biology 1994 Cheyney University of Pennsylvania City , State
BS in Chemistry
"""
    assert [e.area for e in parse_resume(text, matcher=matcher).education] == ["Biology", "Chemistry"]


def test_a_sentence_about_a_degree_is_no_degree_of_its_own(matcher):
    text = """Sam Example
Education
M.Div. , Theology 2002 Duke Divinity School, Duke University - City , State , USA
M.Div. is a 3 year academic program
Bachelor of Arts , History & English 1999 Milligan College - City , State , USA
"""
    assert [(e.studyType, e.institution) for e in parse_resume(text, matcher=matcher).education] == [
        ("M.Div. , Theology", "Duke Divinity School, Duke University"), ("Bachelor of Arts , History & English", "Milligan College")]


def test_a_bare_school_word_ending_a_wrapped_sentence_opens_no_entry(matcher):
    # the page wrapped "... through East Carolina" / "University on-line.": no school of its own, so the degree after it
    # is an entry with its school, and a sentence about a school keeps its years with the school above it
    text = """Sam Example
Education
Program in Teacher Licensing , Middle School Lateral Entry, NC Teach 2006 North Caroline Central University - City , State , USA
Final course to fulfill qualification requirement for Middle Grades English Language Arts certification was taken through East Carolina
University on-line.
M.Div. , Theology 2002 Duke Divinity School, Duke University - City , State , USA
"""
    assert [(e.studyType, e.institution) for e in parse_resume(text, matcher=matcher).education] == [
        ("M.Div. , Theology", "Duke Divinity School, Duke University")]
    text = """Ana Example
Education
Middlesex County Academy for Science, Mathematics, and Engineering Technologies
College preparatory magnet school with four years of Electrical Engineering, 2007-2011.
"""
    assert [(e.institution, e.startDate, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("Middlesex County Academy for Science", "2007", "2011")]


def test_an_employer_named_in_camel_case(matcher):
    text = """Sam Example
Experience
Web Developer  at   iG
2000  -  2001  (1 year)
Built the portal.
Software Engineer at eBay, 2002 - 2004
Built the search.
"""
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("Web Developer", "iG"), ("Software Engineer", "eBay")]


def test_a_generalist_and_an_in_charge_hold_titles(matcher):
    text = "Sam Example\nExperience\nHR Generalist\n07/2006 to 06/2008\nCompany Name - City , State\nRan payroll.\n" \
           "Store Incharge, Reliance Retail, 2009 - 2011\nRan the store.\n"
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("HR Generalist", None), ("Store Incharge", "Reliance Retail")]


def test_a_verb_and_its_sentence_name_no_employer(matcher):
    text = ("Sam Example\nExperience\n01/2006 to 01/2008\nLeasing Agent/Real Estate\nPlanned and executed\n"
            "Showed forty apartments a month.\n2009 - 2012\nClaims Analyst, Managed Care Systems\nReviewed claims.\n")
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("Leasing Agent/Real Estate", None), ("Claims Analyst", "Managed Care Systems")]


def test_a_second_title_in_a_header_is_no_employer(matcher):
    text = ("Sam Example\nExperience\nBusiness Development Leader | Partner | Director Feb 2010 to Nov 2017\n"
            "Company Name - City\nSpearheaded marketing campaigns.\nClaims Analyst | Coffee Meets Bagel | 2008 - 2010\n"
            "Reviewed claims.\n")
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("Business Development Leader", None), ("Claims Analyst", "Coffee Meets Bagel")]


def test_a_dash_glued_to_an_employer_sets_its_city_apart(matcher):
    text = ("Sam Example\nExperience\nCLEARWIRE- Kansas City, MO\nSales & Marketing Intern\nSummer 2014\n"
            "Educated customers about the product.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.location) for w in work] == [("Sales & Marketing Intern", "CLEARWIRE", "Kansas City, MO")]


def test_numbers_that_count_a_history_s_entries_are_no_part_of_the_employer(matcher):
    text = ("Sam Example\nExperience\n1 ENNORE FOUNDRIES LIMITED, Chennai, India\nPlant Manager, 2002 - 2004\n"
            "Ran the foundry.\n\n2 Kirloskar Ferrous Industries Ltd, Pune, India\nWorks Engineer, 1993 - 2001\n"
            "Ran the melting shop.\n")
    assert [w.name for w in parse_resume(text, matcher=matcher).work] == [
        "ENNORE FOUNDRIES LIMITED", "Kirloskar Ferrous Industries Ltd"]
    # a number that counts nothing stays the name's
    text = "Sam Example\nExperience\n84 Lumber, Pittsburgh, PA\nYard Associate, 2002 - 2004\nLoaded trucks.\n"
    assert [w.name for w in parse_resume(text, matcher=matcher).work] == ["84 Lumber"]


def test_a_degree_with_its_school_inside_a_work_history_is_schooling(matcher):
    text = ("Sam Example\nExperience\nPHP Developer, 2017 - 2019\nTechnology Development, Inc., Charlotte, NC\n"
            "Built the backend.\n\nEducation and other Skills\nBS Engineering, University of Michigan, 2013\n"
            "Skilled in Cascading Style Sheets (CSS) design\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(e.institution, e.studyType, e.endDate) for e in profile.education] == [
        ("University of Michigan", "BS Engineering", "2013")]
    assert [(w.position, w.name) for w in profile.work] == [("PHP Developer", "Technology Development, Inc.")]


def test_a_field_run_into_its_school_s_name_is_set_apart_from_it(matcher):
    text = ("Sam Example\nEducation\nBachelor's In Business Administration (BBA) : Finance Kathmandu University - City\n"
            "Master of Science : Plant and Soil Science Agriculture Education Southern Illinois University Carbondale , "
            "City , State Plant and Soil\nBachelor of Science : Chemistry University of North Carolina\n"
            "MBA : Harvard Business School\nMaster of Business Administration- Healthcare University of Phoenix\n")
    assert [(e.institution, e.area) for e in parse_resume(text, matcher=matcher).education] == [
        ("Kathmandu University", "Finance"),
        ("Southern Illinois University Carbondale", "Plant and Soil Science Agriculture Education"),
        ("University of North Carolina", "Chemistry"),
        ("Harvard Business School", None), ("University of Phoenix", "Healthcare")]


def test_a_note_that_shares_its_brackets_with_the_dates_and_a_projects_line_under_the_employer(matcher):
    text = ("Sam Example\nWork Experience\nPython Developer (Aug. 2021 - present)\nClaustrophobia,\n"
            "Projects: Website, Store, API, CRM, Dashboard, Game Bot\nTechnologies: Python, Django\n"
            "Python Developer (Education, Sep. 2020 - Aug. 2021)\nYandex.Practicum,\nProjects: Social Network, Catalogs\n"
            "Technologies: Python, Django\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.position, w.name, w.summary) for w in work] == [
        ("Python Developer", "Claustrophobia", None), ("Python Developer", "Yandex.Practicum", "Education")]


def test_a_resume_builder_s_row_with_a_field_a_year_and_a_school_and_no_degree(matcher):
    text = ("Sam Example\nEducation\nEnglish and Journalism , 2004 University Of New Mexico - City , State English and "
            "Journalism\nPhysical Education/Math , May 1977 HARDING COLLEGE - City , State Physical Education/Math\n")
    assert [(e.institution, e.area, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("University Of New Mexico", "English and Journalism", "2004"), ("HARDING COLLEGE", "Physical Education/Math", "1977")]


def test_the_last_part_of_a_field_run_into_the_school_on_a_degree_s_line(matcher):
    text = ("Sam Example\nEducation\nBachelor of Arts : Sociology, Journalism Drake University - City , State\n"
            "Master's Degree in Business Education, Business Teacher's Training Institute, 2004\n")
    assert [(e.institution, e.area) for e in parse_resume(text, matcher=matcher).education] == [
        ("Drake University", "Sociology, Journalism"), ("Business Teacher's Training Institute", "Business Education")]


def test_a_grade_after_a_field_is_no_part_of_it(matcher):
    text = "Sam Example\nEducation\nBS : Business Administration GPA: 3.5 Benedict College, 2013\n"
    assert [(e.area, e.score) for e in parse_resume(text, matcher=matcher).education] == [("Business Administration", "3.5")]


def test_a_row_that_writes_the_degree_and_the_school_twice_names_the_school_once(matcher):
    text = ("Sam Example\nEducation\nBachelor of Science : Nursing Valparaiso University Bachelor of Science in Nursing "
            "Valparaiso University\nHigh School Diploma : 1991 Newington High School - City , State\n")
    assert [e.institution for e in parse_resume(text, matcher=matcher).education] == [
        "Valparaiso University", "Newington High School"]


def test_a_template_s_field_written_twice_is_one_field(matcher):
    text = "Sam Example\nEducation\nMay 2007 Bachelor of Arts : Psychology Psychology\n"
    assert [(e.studyType, e.area) for e in parse_resume(text, matcher=matcher).education] == [
        ("Bachelor of Arts : Psychology", "Psychology")]


def test_a_high_school_s_name_before_its_diploma_is_the_school(matcher):
    text = ("Sam Example\nEducation\nUlysses S. Grant High School City , State High School Diploma\n"
            "Velankanni Matriculation Higher Secondary School, Chennai.\n")
    assert [(e.institution, e.studyType) for e in parse_resume(text, matcher=matcher).education][:1] == [
        ("Ulysses S. Grant High School", "High School")]


def test_a_club_is_no_school_and_a_duty_is_no_employer(matcher):
    text = ("Sam Example\nExperience\nBusiness Office Manager, Writing and implementing department Policies, 2009 - 2012\n"
            "Ran the office.\nEducation\nMaster of Science : Civil Engineering , 11/2019\nAuburn University - City , State\n"
            "Member of University Tennis Club\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(w.position, w.name) for w in profile.work] == [("Business Office Manager", None)]
    assert [e.institution for e in profile.education] == ["Auburn University"]


def test_a_sentence_in_a_header_is_neither_employer_nor_title(matcher):
    text = ("Sam Example\nExperience\nFrontend Engineer | Adding functionality to micro SPA on React | Aug 2019 - Oct 2019\n"
            "Built the cart.\nI've got experience building and working Assistant Manager | Feb 2018 - present\n"
            "Ran the store.\n")
    assert [(w.position, w.name) for w in parse_resume(text, matcher=matcher).work] == [
        ("Frontend Engineer", None), (None, None)]


def test_a_job_a_history_states_in_a_sentence_with_dates_and_no_title(matcher):
    text = ("Sam Example\nWork Experience\nSenior Engineer\nOracle India - Bangalore\nJanuary 2014 to Present\n"
            "Worked with the OBIEE team.\n• Worked in Samsung R&D Operations, Bangalore since Oct 2008 to Jan 2014, with\n"
            "Multimedia team.\n")
    work = parse_resume(text, matcher=matcher, today=date(2020, 1, 1)).work
    assert [(w.name, w.startDate, w.endDate) for w in work] == [
        ("Oracle India", "2014-01", None), ("Samsung R&D Operations", "2008-10", "2014-01")]


def test_a_title_after_an_employer_s_legal_form_and_a_day_before_a_month(matcher):
    text = "Sam Example\nExperience\nInfosys Limited Senior Systems Engineer 01st Oct 2015 - till date\nBuilt integrations.\n"
    work = parse_resume(text, matcher=matcher, today=date(2020, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [("Senior Systems Engineer", "Infosys Limited", "2015-10")]


def test_a_template_s_place_a_short_date_and_a_bare_grade_are_no_part_of_field_or_school(matcher):
    text = ("Sam Example\nEducation\nNortheastern University 1985 Bachelor of Arts : Business Management City , State\n"
            "BS : Kinesiology , 12/12 University of Montevallo - City , State Kinesiology\n2013\n"
            "Diploma David Douglas High School 3.0\n")
    assert [(e.institution, e.area, e.score) for e in parse_resume(text, matcher=matcher).education] == [
        ("Northeastern University", "Business Management", None), ("University of Montevallo", "Kinesiology", None),
        ("David Douglas High School", None, "3.0")]


def test_a_promotion_names_both_roles_but_an_assistant_to_someone_is_one(matcher):
    text = ("Sam Example\nExperience\nTata Engineering & Locomotive Company Ltd.\nDuration: 23 years (1970 - 1993)\n"
            "Position: Trainee Engineer to Divisional Manager.\nRan the foundry.\n\nKirloskar Ferrous Industries Ltd\n"
            "Duration: 8 Years (1993 - 2001)\nPosition: Senior Vice-President.And CEO\nRan the plant.\n\n"
            "Assistant to Producer, Acme Films, 2002 - 2004\nShot films.\n")
    assert [w.position for w in parse_resume(text, matcher=matcher).work] == [
        "Trainee Engineer", "Divisional Manager", "Senior Vice-President", "CEO", "Assistant to Producer"]


def test_a_heading_that_joins_two_sections_names_opens_the_first(matcher):
    text = ("Sam Example\nProfessional Experience\nWeb Developer, Promega Corporation, 2008 - 2012\nBuilt the site.\n"
            "Volunteer/activities\nTutor computer students\n")
    profile = parse_resume(text, matcher=matcher)
    assert [w.position for w in profile.work] == ["Web Developer"]
    assert "Volunteer/activities" not in profile.work[0].highlights


def test_a_column_of_dates_beside_each_job_start_over_end(matcher):
    text = ("Sam Example\nExperience\nJoint Stock Company ALFA-BANK\nSeptember 2019  Senior Team Manager\ncurrently working\n"
            "Process management of four teams: work planning, communication, risk management.\n"
            "AT Consulting\nAugust 2012  Senior System Analyst\nDecember 2017\n"
            "All kinds of requirements and documentation for the technical support department of the bank.\n")
    work = parse_resume(text, matcher=matcher, today=date(2022, 1, 1)).work
    assert [(w.name, w.position, w.startDate, w.endDate) for w in work] == [
        ("Joint Stock Company ALFA-BANK", "Senior Team Manager", "2019-09", None),
        ("AT Consulting", "Senior System Analyst", "2012-08", "2017-12")]


def test_title_at_sign_employer_under_a_year_with_its_range_below(matcher):
    text = ("Sam Example\nWORK EXPERIENCE\n2019  Embedded Linux Platform Engineer @ Cogent Embedded\n"
            "Embedded automotive software / 2018  2019\n"
            "Maintained Yocto layers for an in-house Linux distribution based on the Yocto Project and Jenkins;\n"
            "Yocto Project, Automotive Grade Linux, Qt 5, C/C++, POSIX shell, Renesas R-Car, Jenkins, Docker builds\n"
            "2016  Embedded Linux Engineer @ Protei\nTelecommunications solutions / 2016  2018\n"
            "Ported and fixed drivers for Linux and U-boot, sometimes developed small drivers from scratch;\n"
            "2014  Junior Android Developer @ Mobium (Android e-commerce apps development)\n"
            "SKILLS (MOST IMPORTANT ARE UNDERLINED)\nPrimary languages C and POSIX shell\n")
    profile = parse_resume(text, matcher=matcher, today=date(2022, 1, 1))
    assert [(w.name, w.position, w.startDate, w.endDate) for w in profile.work] == [
        ("Cogent Embedded", "Embedded Linux Platform Engineer", "2018-01", "2019-01"),
        ("Protei", "Embedded Linux Engineer", "2016-01", "2018-01"),
        ("Mobium", "Junior Android Developer", "2014-01", "2014-01")]
    assert profile.work[2].summary == "Android e-commerce apps development"
    assert "POSIX shell" in " ".join(s.name for s in profile.skills)


def test_a_rank_before_what_it_heads_is_a_title_and_a_role_of_its_own(matcher):
    text = ("Sam Example\nExperience\nPipeline Alaska, Inc., Vancouver, B.C. Canada\n1997 to 2007\n"
            "Process Mechanical Division Manager/VP Field Services (2005-2007) - Promoted to work with Business Development on\n"
            "the front end, supervise Project Managers, and report directly to the CEO on all project status.\n"
            "Senior Project Manager (2001-2004)\nPromoted to simultaneously manage multiple projects.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position, w.startDate) for w in work] == [
        ("Pipeline Alaska, Inc.", None, "1997-01"),
        ("Pipeline Alaska, Inc.", "Process Mechanical Division Manager", "2005-01"),
        ("Pipeline Alaska, Inc.", "VP Field Services", "2005-01"),
        ("Pipeline Alaska, Inc.", "Senior Project Manager", "2001-01")]


def test_the_words_of_a_school_s_name_are_no_skills(matcher):
    text = ("Sam Example\nSkills\nPython, Docker\nEducation\nITMO University (Information Technologies, Mechanics and Optics)\n"
            "B.Sc., Embedded Systems, 2013 - 2017\nLondon School of Economics\nMSc Finance, 2019\n")
    names = {s.name.lower() for s in parse_resume(text, matcher=matcher).skills}
    assert {"python", "docker", "embedded systems"} <= names
    assert not names & {"mechanics", "optics", "economics"}


def test_a_technology_in_an_employer_s_name_is_the_employer_s_not_a_skill(matcher):
    text = ("Sam Example\nExperience\nHCL Technologies - Chennai, Tamil Nadu\nSoftware Engineer\nJanuary 2015 to March 2018\n"
            "- Built billing services in Java and Oracle\n"
            "PTC Therapeutics, Inc. - South Plainfield, NJ\nData Analyst\nApril 2018 to Present\n- Reports in SQL\n"
            "Child Care Center of Evanston - Evanston, IL\nAssistant Teacher\nJune 2012 to December 2014\n")
    profile = parse_resume(text, matcher=matcher)
    assert [w.name for w in profile.work][:2] == ["HCL Technologies", "PTC Therapeutics, Inc."]
    names = {s.name for s in profile.skills}
    assert {"Java", "SQL"} <= names
    assert not names & {"Terraform", "Positive train control PTC systems"}  # HCL and PTC are the companies here
    assert "child care and youth services" in names  # the field of work an employer names is the person's
    # a list of tools read as an employer stays a list of tools
    text = "Sam Example\nExperience\nOperating Systems & Office Software\nIT Technician\n2010 - 2012\n- Helped users\n"
    assert {"operating systems", "office software"} <= {s.name for s in parse_resume(text, matcher=matcher).skills}
    # an employer whose name is a technology's misspelt is the employer ('Typeform' is no TypeORM)
    text = "Sam Example\nExperience\nData Engineer — Typeform\n2017 – 2020\n- Python, SQL, dbt\n"
    profile = parse_resume(text, matcher=matcher)
    assert [w.name for w in profile.work] == ["Typeform"]
    assert {"Python", "SQL", "dbt"} <= {s.name for s in profile.skills} and "TypeORM" not in {s.name for s in profile.skills}


def test_baccalaureates_fields_a_slash_joins_and_a_degree_told_again_in_other_words(matcher):
    text = ("Sam Example\nEducation\nBaccalaureate of Science : Business Administration/Marketing , 2008 "
            "Business Administration/Marketing University of Louisiana at Lafayette\n"
            "Certificate : Systems Administration/Networks , 2015 Systems Administration/Networks Pima Community College\n"
            "Baccalauréat Professionnel Systèmes Electroniques, Lycée Jean Moulin, 2011\n"
            "Equivalent to an A-Level specialized in Electronics\n")
    assert [(e.institution, e.level, e.area, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("University of Louisiana", "bachelor", "Business Administration/Marketing", "2008"),
        ("Pima Community College", "certificate", "Systems Administration/Networks", "2015"),
        ("Lycée Jean Moulin", "secondary", None, "2011")]


def test_a_high_school_s_name_is_the_school_and_its_level(matcher):
    text = ("Sam Example\nEducation\nB. Tech in ECE, Vidya Bharati Institute Of Technology, 2012\n"
            "Hosanna National High School, 2006\n")
    assert [(e.institution, e.level, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("Vidya Bharati Institute Of Technology", "bachelor", "2012"), ("Hosanna National High School", "secondary", "2006")]
    text = "Sam Example\nEducation\nCompleted High School, 2004\n"
    assert [(e.institution, e.level) for e in parse_resume(text, matcher=matcher).education] == [(None, "secondary")]


def test_a_resume_builder_s_short_names_of_degrees(matcher):
    text = ("Sam Example\nEducation\n2009\nAssociates : Telecommunications\nUNIVERSITY OF PHOENIX - City , State\n"
            "Telecommunications\n2000\nDip : Computer Technology\nMadras University - City , State\n"
            "1997\nPG Dip : Labour Law\nMadras University - City , State\n")
    assert [(e.institution, e.level, e.area, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("UNIVERSITY OF PHOENIX", "associate", "Telecommunications", "2009"),
        ("Madras University", "certificate", "Computer Technology", "2000"),
        ("Madras University", "master", "Labour Law", "1997")]


def test_brackets_a_layout_wrapped_and_a_board_s_school(matcher):
    text = ("Pranavi Example\nEDUCATION\nBachelors of Business Administration (B.B.A), Management\nYear of Completion: 2018\n"
            "GURU GOBIND SINGH INDRAPRASTHA UNIVERSITY (Delhi\nMetropolitan Education)\nPercentage: 60.20%\n"
            "X (Secondary)\nYear of Completion: 2013\nCENTRAL BOARD OF SECONDARY EDUCATION Board (Holy Child\nPublic School)\n"
            "JOB                                                   Medical Operations Analyst\nLybrate (Faridabad)\n"
            "Oct 2018 – May 2019\n● Worked on leads from various channels\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(e.institution, e.level, e.endDate) for e in profile.education] == [
        ("GURU GOBIND SINGH INDRAPRASTHA UNIVERSITY (Delhi Metropolitan Education)", "bachelor", "2018"),
        ("Holy Child Public School", "secondary", "2013")]
    assert [(w.name, w.position, w.startDate) for w in profile.work] == [("Lybrate", "Medical Operations Analyst", "2018-10")]


def test_a_labeled_title_run_into_the_heading_of_its_duties(matcher):
    text = ("Sam Example\nExperience\nCategory Management Incharge 07/2012 to 12/2013 Company Name City , State\n"
            "Designation : Category Management Incharge- Merchandising Key Responsibilities:\n"
            "Handled all front-end and back-end operations of the category.\n")
    assert [w.position for w in parse_resume(text, matcher=matcher).work] == ["Category Management Incharge- Merchandising"]


def test_a_quoted_thesis_and_a_column_of_skills_name_no_school(matcher):
    text = ("Sam Example\nEducation\nMissouri University of Science and Technology (Rolla, MO)\nPh.D. Systems Engineering\n"
            "May 2015\n\nM.S. Systems Engineering\nThesis: “Evaluation of Systems Architecture using\n"
            "Computational Intelligence Methods.”\nMay 2013\n\nBE (Computer)\n[2008]\nC++, Actionscript,\n")
    assert [(e.institution, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("Missouri University of Science and Technology", "2015"), (None, "2013"), (None, "2008")]


def test_a_count_of_users_under_a_job_is_no_title(matcher):
    text = ("Sam Example\nExperience\nMitotech LLC, Moscow, Russia, Team Lead 2013 - 2020\n"
            "Responsibilities: development of a new Java web platform.\nUp to 1000 users in total\n"
            "Technologies: Java, Spring, Hibernate\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position) for w in work] == [("Mitotech LLC", "Team Lead")]
    assert "Up to 1000 users in total" in work[0].highlights


def test_the_employer_with_its_place_over_the_dates_not_the_team_under_them(matcher):
    text = ("Sam Example\nWORK EXPERIENCE\n\nMarketing Operations Specialist & Product Marketer\n\n"
            "ThoughtWorks -  Bengaluru, Karnataka -\n\nAugust 2012 to June 2016\n\n"
            "Product Marketer - GoCD, ThoughtWorks Studios\n"
            "* Responsible for shaping the product marketing strategy of GoCD, an open source continuous\n"
            "delivery product supported by ThoughtWorks\n\n"
            "Analyst - Operations\n\nTESCO -  Bengaluru, Karnataka -\n\nJune 2006 to November 2006\n\n"
            "* Worked as an analyst with the Accounts Payable team\n")
    profile = parse_resume(text, matcher=matcher, today=date(2022, 1, 1))
    assert {w.name for w in profile.work} == {"ThoughtWorks", "TESCO"}
    assert profile.work[0].location == "Bengaluru, Karnataka"


def test_an_employer_on_its_own_line_not_what_the_title_s_comma_set_apart(matcher):
    text = ("Sam Example\nExperience\nDirector of Engineering, Android,\nTinder\n05/13-08/14\ntinder.com\n"
            "Part of team that won Crunchie for best new startup.\n\nLead Android Architect,\nBeachbody\n10/12-06/13\n"
            "Built up and lead the Android team.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position, w.startDate) for w in work] == [
        ("Tinder", "Director of Engineering", "2013-05"), ("Beachbody", "Lead Android Architect", "2012-10")]


def test_an_initial_s_last_letter_is_not_glued_to_the_next_word_as_small_capitals_are(matcher):
    text = ("Sam Example\nEDUCATION\nBachelor of Commerce in Commerce\nR.D.S COLLEGE -  Bihar Sharif, Bihar\nJuly 2013\n"
            "EXPERIENCE\nS ENIOR P ROJECT M ANAGER\nAcme Ltd, Patna\n2014 - 2016\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(e.institution, e.endDate) for e in profile.education] == [("R.D.S COLLEGE", "2013")]
    assert [(w.position, w.name) for w in profile.work] == [("SENIOR PROJECT MANAGER", "Acme Ltd")]  # small capitals joined


def test_a_levels_in_capitals_are_school_leaving_levels_not_small_capitals(matcher):
    text = "Sam Example\nEDUCATION\nA LEVELS: MATHS, PHYSICS\nCoventry Central College\n2008\n"
    assert [(e.level, e.institution) for e in parse_resume(text, matcher=matcher).education] == [
        ("secondary", "Coventry Central College")]


def test_a_slash_between_a_field_and_its_years_is_no_part_of_the_field(matcher):
    text = ("Sam Example\nEDUCATION\nITMO University (Information Technologies, Mechanics and Optics)\n"
            "B.Sc., Embedded Systems / 2013  2017\n")
    assert [(e.institution, e.studyType, e.area, e.startDate, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("ITMO University", "B.Sc., Embedded Systems", "Embedded Systems", "2013", "2017")]


def test_a_date_between_a_degree_and_its_field(matcher):
    text = ("Sam Example\nEducation\nPh.D. August 1991 Political Science (emphasis in Public Policy)\n"
            "University of Southern California\nB.A. May 1987 Social Science Field Major (Interdisciplinary)\n"
            "University of California, Berkeley\n")
    assert [(e.studyType, e.area, e.institution, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("Ph.D. Political Science", "Political Science", "University of Southern California", "1991"),
        ("B.A. Social Science Field Major", "Social Science Field Major", "University of California", "1987")]


def test_a_field_on_the_line_after_a_degree_s_abbreviation_and_its_school(matcher):
    text = ("Sam Example\nEducation\n2008\nPhD., University of California, Santa Barbara.\nComputer Science\n"
            "2002\nMS., Indian Institute of Technology, Bombay, India.\nApplied Mathematics\n")
    assert [(e.area, e.institution, e.endDate) for e in parse_resume(text, matcher=matcher).education] == [
        ("Computer Science", "University of California", "2008"), ("Applied Mathematics", "Indian Institute of Technology", "2002")]


@pytest.mark.parametrize("line, level", [
    ("MST/Taxation University of Hartford", "master"), ("MHA, Cornell University", "master"),
    ("MPP in Public Policy, Duke University", "master"), ("STP (RPVST / MST), LACP, VTP", None)])  # the last: a protocol
def test_degrees_known_by_their_abbreviation(line, level):
    assert (degree_of(line) or (None, None))[1] == level


def test_a_label_under_every_school_heads_its_text_and_the_schooling_goes_on(matcher):
    text = ("Sam Example\nEDUCATION\nUniversity of Atlanta, Clarkmore School of Law | Atlanta, Georgia | 30314\n"
            "J.D. (Cum Laude) | May 2006\nGPA: 3.7\nActivities:\nEditor, Law Review\nSocial Chair, Federal Careers Club\n"
            "Tallahassee State University | Tallahassee, Florida | 32311\n"
            "B.A. Art History and Rhetoric (Magna Cum Laude) | May 2001\nGPA: 3.8\nActivities:\nVolunteer Coordinator, Young Royals\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.institution, e.level, e.endDate) for e in education] == [
        ("University of Atlanta, Clarkmore School of Law", "doctorate", "2006"), ("Tallahassee State University", "bachelor", "2001")]


def test_awards_listed_under_each_degree_are_awards_not_schooling(matcher):
    text = ("Sam Example\nEducation\nPh.D. : Ruminant Nutrition 2017 University of Florida City , State , USA\nAwards\n"
            "-Grinter Fellowship for outstanding new PhD students\n"
            "-Certificate of outstanding academic achievement, University of Florida International Center\n"
            "Master of Science : Monogastric Nutrition 2011 University of Agriculture City , State , Nigeria\nAwards\n"
            "-Postgraduate Tuition Scholarship for First Class Students in the University\n"
            "Bachelor of Agriculture : Animal Nutrition 2009 University of Agriculture, Abeokuta City , State , Nigeria\n"
            "Affiliations\nAmerican Society of Animal Science\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(e.institution, e.level, e.endDate) for e in profile.education] == [
        ("University of Florida", "doctorate", "2017"), ("University of Agriculture", "master", "2011"),
        ("University of Agriculture", "bachelor", "2009")]
    assert [a.title for a in profile.awards] == [
        "Grinter Fellowship for outstanding new PhD students",
        "Certificate of outstanding academic achievement, University of Florida International Center",
        "Postgraduate Tuition Scholarship for First Class Students in the University"]


def test_a_line_after_one_that_ends_in_a_preposition_goes_on_with_it():
    lines = ["Professional Service", "Manuscripts Reviewed for", "SAGE Publications", "The MIT Press", "",
             "Grants", "Project ICARUS: SIG Coordinator, Sponsored by", "Kentucky Department of Education", "PUBLICATIONS", "Paper"]
    # the publisher and the sponsor end the line above them; they open no publications or education section
    assert [(s.name, s.lines) for s in split_sections(lines)] == [
        ("header", ["Professional Service", "Manuscripts Reviewed for", "SAGE Publications", "The MIT Press", "", "Grants",
                    "Project ICARUS: SIG Coordinator, Sponsored by", "Kentucky Department of Education"]),
        ("publications", ["Paper"])]


def test_a_field_of_education_under_the_schooling_heading_is_its_text(matcher):
    text = ("Sam Example\nEDUCATION\nBall State University, Muncie, Indiana\nBachelor of Science, May 2013\n"
            "Major: Elementary Education\nSKILLS & QUALIFICATIONS:\nStrength of Materials, Dynamic Systems Analysis\n")
    profile = parse_resume(text, matcher=matcher)
    # 'Major: Elementary Education' is the degree's field, not a new schooling heading that cuts it off its degree
    assert [(e.institution, e.studyType, e.area) for e in profile.education] == [
        ("Ball State University", "Bachelor of Science", "Elementary Education")]
    # skills first, then qualifications: a skills list, whose items are skills though the taxonomy does not know them
    assert {"Strength of Materials", "Dynamic Systems Analysis"} <= {s.name for s in profile.skills}


def test_a_listed_skill_led_by_a_word_of_proficiency_is_the_skill_that_follows(matcher):
    text = "Sam Example\nSKILLS\nSkilled in Solid Works, Matlab and MS Office\nKnowledge of Wi-Fi\n"
    skills = parse_resume(text, matcher=matcher).skills
    # 'Skilled in Solid Works' is Solid Works, once; 'Knowledge of Wi-Fi' is Wi-Fi, in its own words
    assert [s.name for s in skills if "Solid" in s.name or "Wi-Fi" in s.name] == ["Solid Works", "Wi-Fi"]
    assert next(s for s in skills if s.name == "Wi-Fi").keywords == ["Wi-Fi"]


def test_qualifications_a_template_lists_or_sums_up_are_skills_or_summary_not_schooling(matcher):
    text = ("Sam Example\nKEY QUALIFICATIONS\n• 2 years extensive experience in creation and maintenance of high-quality websites\n"
            "Core Qualifications\nBalance sheet account reconciliation\nMS Word (advance), MS Excel (intermediate), Mac OS\n"
            "EDUCATION\nUniversity of Manchester\nBachelors Degree in Computer Science, 2013\n")
    profile = parse_resume(text, matcher=matcher)
    assert profile.basics.summary == "• 2 years extensive experience in creation and maintenance of high-quality websites"
    # the listed item is kept, in its own words, as a skill's wording
    assert "Balance sheet account reconciliation" in {k for s in profile.skills for k in s.keywords}
    assert [(e.institution, e.studyType) for e in profile.education] == [
        ("University of Manchester", "Bachelors Degree in Computer Science")]  # no 'intermediate' schooling


def test_a_subject_s_history_and_a_language_named_objective_open_no_section(matcher):
    text = ("Sam Example\nEXPERIENCE\nSoftware Engineer, Apple\nAugust 2014 - Present\nSKILLS\nJava\nObjective-C\nSwift\n"
            "Interests\nChurch History\nAncient History\nLiterature\nEmployment History\nTeacher, Salatiga School\n2010 - 2014\n")
    profile = parse_resume(text, matcher=matcher)
    assert "Objective-C" in {s.name for s in profile.skills}
    assert profile.basics.summary is None  # 'Objective-C' is no objective
    # the subjects are interests, not a work history; 'Employment History' still heads one
    assert [i.name for i in profile.interests] == ["Church History", "Ancient History", "Literature"]
    assert [(w.name, w.position) for w in profile.work] == [("Apple", "Software Engineer"), ("Salatiga School", "Teacher")]


def test_an_employer_with_its_place_in_brackets_before_the_title_is_read_apart(matcher):
    text = ("Sam Example\nExperience\n2019 - present Intelos (Tel Aviv, Israel) Web FrontEnd Developer\n"
            "Description: Development of a program for visualizing various data on a geographic map.\n"
            "2016 - 2019  Britannica (Tel Aviv, Israel) Web Full Stack Developer\n"
            "Description: Knowledgebase project with time and resource management.\n")
    work = parse_resume(text, matcher=matcher).work
    assert [(w.name, w.position, w.location, w.startDate) for w in work] == [
        ("Intelos", "Web FrontEnd Developer", "Tel Aviv", "2019-01"), ("Britannica", "Web Full Stack Developer", "Tel Aviv", "2016-01")]


def test_a_headline_that_says_what_is_sought_names_the_title(matcher):
    text = ("Marco Example\n123 Main Street • Atlanta, Georgia • 30339\nHome: (123)345-7890 • NGerlach@mg.info\n"
            "Desire the Position of Education Administrator - High School Principal\nSummary\nRecently licensed school administrator.\n")
    basics = parse_resume(text, matcher=matcher).basics
    assert basics.label == "Education Administrator"
    # Atlanta is in the US state of Georgia, not in the country
    assert (basics.location.city, basics.location.region, basics.location.countryCode) == ("Atlanta", "Georgia", "US")


def test_a_place_named_like_a_state_and_a_country_is_told_by_its_city():
    from jobfit.resumes.places import parse_place

    assert parse_place("Savannah, Georgia 31401").countryCode == "US"
    assert parse_place("Smalltown, Georgia 30001").countryCode == "US"  # a ZIP code: the state
    assert parse_place("Tbilisi, Georgia").countryCode == "GE"
    # a region's name many countries use: the city's country has it ('Maryland' is a Liberian county too)
    assert parse_place("Baltimore, Maryland").countryCode == "US" and parse_place("Maryland").countryCode == "US"
    assert parse_place("Lahore, Punjab").countryCode == "PK" and parse_place("Ludhiana, Punjab").countryCode == "IN"


def test_a_skill_s_acronym_or_a_personal_detail_is_no_home_town(matcher):
    for detail in ("Personal details: 16-01-1991  Indian  Male",  # not Malé
                   "Web technologies including PHP, CSS, MySQL, JavaScript, HTML5, WordPress, AJAX, jQuery",  # nor Ajax, Ontario
                   "Licenses: RN licenses in AZ, PA, FL, MO",  # nor a town 'PA' in Florida: states listed
                   "Developing client-side form (JS, AJAX, PHP) Hebrew"):  # a short list in brackets, nor Ajax either
        location = parse_resume(f"Sam Example\nsam@example.com\n{detail}\n", matcher=matcher).basics.location
        assert (location.city, location.region, location.countryCode) == (None, None, None)
    # a town in capitals comes with its region or country, and is read so
    for line, town in (("PUNE, MH, INDIA", "PUNE"), ("AJAX, ONTARIO", "AJAX"), ("Sam Example | LONDON | sam@example.com", "LONDON")):
        assert parse_resume(f"Sam Example\nsam@example.com\n{line}\n", matcher=matcher).basics.location.city == town


def test_a_range_whose_dash_was_lost_before_present_heads_the_title_under_it(matcher):
    text = ("Sam Example\nEXPERIENCE\n2015  Present Associate Professor, School of Social Work, University of Missouri\n"
            "2009 - 2015  Assistant Professor, School of Social Work, University of Missouri\n"
            "2001 - 2009  Assistant Professor, School of Social Work, University of Michigan\n")
    from jobfit.resumes import resume_lines

    lines = resume_lines(text.replace("  ", "\n"))  # a layout that set the dates' column on lines of their own
    assert lines[2:4] == ["2015 - Present", "Associate Professor, School of Social Work, University of Missouri"]
    work = parse_resume("\n".join(lines), matcher=matcher).work
    assert [(w.position, w.startDate, w.endDate) for w in work] == [
        ("Associate Professor", "2015-01", None), ("Assistant Professor", "2009-01", "2015-01"),
        ("Assistant Professor", "2001-01", "2009-01")]


def test_a_headline_that_names_the_document_names_the_title_without_it(matcher):
    text = "Education Sales Representative Resume\nsam@example.com\nExperience\nSales Representative, Acme Books\n2015 - 2018\n"
    assert parse_resume(text, matcher=matcher).basics.label == "Education Sales Representative"
    text = "Resume Guide\nsam@example.com\nExperience\nGuide, Acme Tours\n2015 - 2018\n"
    assert parse_resume(text, matcher=matcher).basics.label == "Guide"  # the latest job's, not the document's name


def test_a_resume_builder_s_row_that_writes_the_field_or_the_school_again_is_one_degree():
    from jobfit.resumes.education import education_entries

    lines = ["Aug 2016", "Masters of Science : Industrial and Systems Engineering Binghamton University, State University of New "
             "York Industrial and Systems Engineering", "3.51/4.00", "May 2014",
             "Bachelors of Engineering : Mechanical Engineering Osmania University Mechanical Engineering 3.33/4.00",
             "Bachelor of Science : Exercise Science Ball State University Bachelor of Science in Exercise Science Ball State University"]
    assert [(e.institution, e.area, e.end, e.score) for e in education_entries(lines)] == [
        ("Binghamton University, State University of New York", "Industrial and Systems Engineering", "2016", "3.51"),
        ("Osmania University", "Mechanical Engineering", "2014", "3.33"),  # a grade out of 4.00, no '.00' left in the name
        ("Ball State University", "Exercise Science", None, None)]
    # a school named for its field keeps it: 'Bachelors in Mass Communication, School of Mass Communication.'
    assert [e.institution for e in education_entries(["Bachelors in Mass Communication, School of Mass Communication."])] == [
        "School of Mass Communication."]


def test_a_title_after_the_period_that_closes_its_dates_keeps_no_period(matcher):
    text = ("Jesse Student\nExperience\nYearbook, Hometown High School\n\n"
            "Aug 2009 - Aug 2012. Yearbook staff member. Experience taking photographs, designing layout, and\n"
            "writing captions and sidebars.\n")
    positions = [w.position for w in parse_resume(text, matcher=matcher).work]
    assert "Yearbook staff member" in positions and not any(p and p.startswith(".") for p in positions)


def test_the_web_address_is_the_candidate_s_own(matcher):
    # an employer's site in the history and a template maker's notice at the end are not the candidate's address
    text = """Sam Example
Software Engineer
sam@example.org | (312) 555-0100

Experience
Software Engineer, Search, Google, Mountain View. 2008 - 2012
Improved video search results on www.google.com

Contact
Sam Example
sam@example.org
www.samexample.dev

This template is the copyright of Dayjob Ltd. You are welcome to link to any page on our site www.dayjob.com.
For questions relating to the use of this template please email: sam@example.org
"""
    assert parse_resume(text, matcher=matcher).basics.url == "http://www.samexample.dev"
    # a labeled address counts wherever it is; with none, the resume states no address of its own
    labeled = text.replace("www.samexample.dev\n", "").replace("Contact\n", "Blog Link: https://samwrites.example.net/\n")
    assert parse_resume(labeled, matcher=matcher).basics.url == "https://samwrites.example.net/"
    unlabeled = text.replace("www.samexample.dev\n", "")
    assert parse_resume(unlabeled, matcher=matcher).basics.url is None


def test_a_name_in_capitals_is_written_as_a_name(matcher):
    from jobfit.resumes.basics import name_case

    profile = parse_resume("ANNA KOWALSKA\nanna@example.pl\n\nExperience\nDesigner, Allegro, 2019 - 2021\n", matcher=matcher)
    assert profile.basics.name == "Anna Kowalska"
    assert [name_case(n) for n in ["SEAN O'NEIL-SMITH", "LUDWIG VAN BEETHOVEN", "DeShawn McDonald"]] == [
        "Sean O'Neil-Smith", "Ludwig van Beethoven", "DeShawn McDonald"]  # a name with small letters stays as written


LEBENSLAUF = """Lebenslauf

Anna Schmidt
Musterstraße 12, 10115 Berlin
Telefon: 030 1234567
E-Mail: anna.schmidt@example.de

Berufserfahrung

03/2019 – heute
Senior Data Engineer
Zalando SE, Berlin
- Aufbau einer Datenplattform mit Python, Spark und Airflow

10/2015 – 02/2019
Data Analyst
Deutsche Bahn AG
- Berichte mit SQL und Tableau

Ausbildung

2013 – 2015
Master of Science Informatik
Technische Universität München

Sprachen
Deutsch (Muttersprache), Englisch (fließend), Französisch (Grundkenntnisse)
"""

CV_FR = """Julien Moreau
Développeur Full Stack
12 rue de la Paix, 75002 Paris
06 12 34 56 78 | julien.moreau@example.fr

EXPÉRIENCE PROFESSIONNELLE

Développeur Full Stack — Doctolib, Paris
Septembre 2020 - Aujourd'hui
- Développement de nouvelles fonctionnalités en React et Ruby on Rails

Développeur Web — Capgemini, Lyon
Janvier 2017 - Août 2020
- Applications Java Spring pour des clients bancaires

FORMATION

2015 - 2017 : Master Informatique, Université Claude Bernard Lyon 1

LANGUES
Français (langue maternelle), Anglais (courant), Espagnol (notions)
"""

CV_ES = """María García López
Ingeniera de Software
Calle Mayor 5, 28013 Madrid
maria.garcia@example.es

EXPERIENCIA LABORAL

Ingeniera de Software Senior | Cabify | Madrid
Marzo 2019 - Actualidad
- Diseño de microservicios en Go y Kubernetes

Desarrolladora Backend | BBVA | Madrid
Julio 2015 - Febrero 2019
- APIs REST con Java y Spring Boot

IDIOMAS
Español (nativo), Inglés (avanzado)
"""


CV_PT = """João Silva
Engenheiro de Dados
Rua Augusta 100, Lisboa
joao.silva@example.pt

EXPERIÊNCIA PROFISSIONAL

Engenheiro de Dados Sênior — Feedzai, Lisboa
Março 2021 - Atual

Analista de Dados — Banco BPI, Porto
Fevereiro 2017 - Fevereiro 2021

IDIOMAS
Português (nativo), Inglês (fluente), Espanhol (intermediário)
"""


@pytest.mark.parametrize("text, name, phone, work, languages", [
    (LEBENSLAUF, "Anna Schmidt", "+49301234567",
     [("Zalando SE", "Senior Data Engineer", "2019-03", None), ("Deutsche Bahn AG", "Data Analyst", "2015-10", "2019-02")],
     [("German", "native"), ("English", "fluent"), ("French", "basic")]),
    (CV_FR, "Julien Moreau", "+33612345678",
     [("Doctolib", "Développeur Full Stack", "2020-09", None), ("Capgemini", "Développeur Web", "2017-01", "2020-08")],
     [("French", "native"), ("English", "fluent"), ("Spanish", "basic")]),
    (CV_ES, "María García López", None,
     [("Cabify", "Ingeniera de Software Senior", "2019-03", None), ("BBVA", "Desarrolladora Backend", "2015-07", "2019-02")],
     [("Spanish", "native"), ("English", "advanced")]),
    (CV_PT, "João Silva", None,
     [("Feedzai", "Engenheiro de Dados Sênior", "2021-03", None), ("Banco BPI", "Analista de Dados", "2017-02", "2021-02")],
     [("Portuguese", "native"), ("English", "fluent"), ("Spanish", "intermediate")]),
])
def test_resumes_in_german_french_and_spanish_are_read_as_english_ones(matcher, text, name, phone, work, languages):
    """Before, these had no jobs ('Berufserfahrung', 'Septembre 2020 - Aujourd'hui' and 'Développeur' were unknown),
    'Lebenslauf' was the German candidate's name, and 'Deutsch (Muttersprache)' a skill, not a language."""
    profile = parse_resume(text, matcher=matcher, today=date(2026, 12, 1))
    assert profile.basics.name == name
    if phone:  # a national number read in the country of the address, not the settings' US
        assert profile.basics.phone == phone
    assert [(w.name, w.position, w.startDate, w.endDate) for w in profile.work] == work
    assert [(lang.language, lang.fluency) for lang in profile.languages] == languages
    skills = {s.name: s.keywords for s in profile.skills}
    assert {lang for lang, _ in languages} <= set(skills)  # the language skills, in the resume's own words
    assert not any(word in skills for word in ("Deutsch", "Français", "Español"))
    assert profile.meta.total_years_experience > 5


def test_an_employer_and_its_city_are_no_town_in_a_region():
    """'Zalando SE, Berlin' was a town called Zalando SE in the region of Berlin; a small town in a region keeps its
    name ('Patna City, Bihar')."""
    from jobfit.resumes.places import parse_place

    assert parse_place("Doctolib, Paris") is None and parse_place("Zalando SE, Berlin") is None
    assert parse_place("Banco BPI, Porto") is None and parse_place("Accenture, Roma") is None  # by their own names too
    assert parse_place("Patna City, Bihar").city == "Patna City"
    assert parse_place("Austin, TX").city == "Austin"


@pytest.mark.parametrize("line, start, end", [
    ("03/2019 – heute", (2019, 3), None), ("Septembre 2020 - Aujourd'hui", (2020, 9), None),
    ("Marzo 2019 - Actualidad", (2019, 3), None), ("seit Mai 2018", (2018, 5), None),
    ("von 2010 bis 2013", (2010, 1), (2013, 1)), ("gennaio 2016 – dicembre 2018", (2016, 1), (2018, 12)),
    ("Set 2019 - atual", (2019, 9), None), ("de 2015 à 2017", (2015, 1), (2017, 1)),
    ("01.03.2019 – 31.12.2021", (2019, 3), (2021, 12)),  # the day first between dots; '03/15/2019' stays month first
    ("15.06.2018 – heute", (2018, 6), None), ("03/15/2019 - 04/01/2020", (2019, 3), (2020, 4)),
])
def test_dates_in_other_languages(line, start, end):
    from jobfit.resumes.dates import english_dates, find_range

    found = find_range(english_dates(line))
    assert (found.start, found.end) == (start, end)
    assert english_dates("I set 2019 goals") == "I set 2019 goals"  # 'set' is Portuguese September only capitalized


@pytest.mark.parametrize("objective, label", [
    ("To obtain an entry-level position as a Mechanical Engineer with ABC Technologies, allowing me to grow.",
     "Mechanical Engineer"),
    ("Seeking a challenging position as a veterinary assistant.", "veterinary assistant"),
    ("To be the lead copywriter in a large advertising agency.", "lead copywriter"),
    # no role named: the job held last heads the resume
    ("To work as part of a team that builds things.", "Intern"),
])
def test_the_title_an_objective_seeks_heads_a_resume_without_a_headline(matcher, objective, label):
    text = ("Gregory Jones\ngregory.jones@example.com\n\nOBJECTIVE:\n" + objective + "\n\nRELEVANT EXPERIENCE:\n"
            "Lord Corporation\nIntern\nMay 2011 - August 2011\n- Ran tests on vibration mounts\n\nEDUCATION:\n"
            "Bachelor of Science in Mechanical Engineering, Western Kentucky University, 2012\n")
    profile = parse_resume(text, matcher=matcher, today=date(2012, 1, 1))
    assert profile.basics.label == label
    assert [w.position for w in profile.work] == ["Intern"] and profile.meta.career_level == "internship"


def test_a_note_in_brackets_under_an_employer_stays_with_its_header(matcher):
    text = ("Allan Koepp\nallan@example.com\n\nEMPLOYMENT HISTORY\n"
            "1 ACME FOUNDRIES LIMITED, CHENNAI 600 057, INDIA.\n(ISO 9000 and QS 9000 Company)\n"
            "Duration: 1 Year (April 2002 - today)\nPosition: Executive Director\n"
            "Job Profile: Operations, Quality, Marketing, Materials, and Administration of\n"
            "a) Grey Iron Foundry: Capacity 40,000 Tons of Castings/Year,\n\n"
            "Like Cylinder Blocks, Cylinder Heads, and Intake\nManifolds for Commercial Vehicles, Cars.\n\n"
            "2 KESTREL FERROUS INDUSTRIES LTD, KARANATAKA, INDIA.\n(An ISO 9002 Company)\n"
            "Duration: 8 Years (1993 - 2001)\nPosition: Senior Vice-President\n"
            "Job Profile: Project Planning and Erection\n")
    work = parse_resume(text, matcher=matcher, today=date(2003, 1, 1)).work
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Executive Director", "ACME FOUNDRIES LIMITED", "2002-04"),
        ("Senior Vice-President", "KESTREL FERROUS INDUSTRIES LTD", "1993-01")]


def test_the_person_s_own_name_names_no_skill(matcher):
    text = ("Wan Schuster\n1101 Kahn Lane\nBaltimore, MD\nwan.schuster@example.com\n\nEXPERIENCE\n"
            "Sales Associate, Acme Corp, 2019 - 2022\n- Sold shoes and kept the stock list in Microsoft Excel\n\n"
            "SKILLS\nCustomer service, Microsoft Excel, SQL\n")
    skills = {s.name for s in parse_resume(text, matcher=matcher).meta.skills}
    assert "Computer Networking" not in skills  # 'Wan' is a first name here, not a wide area network
    assert {"Microsoft Excel", "SQL", "Customer Service"} <= skills


def test_a_job_title_read_where_a_school_goes_is_no_school(matcher):
    text = ("Tal Ben\ntal@example.com\n\nEDUCATION\nMSc in Computer Science\nTel Aviv University, 2015\n\n"
            "Matriculation\nFront End Developer\n\nEXPERIENCE\nFront End Developer, Acme Ltd, 2016 - 2020\n"
            "- Built the web shop in React\n")
    education = parse_resume(text, matcher=matcher).education
    assert [(e.institution, e.studyType) for e in education] == [
        ("Tel Aviv University", "MSc in Computer Science"), (None, "Matriculation")]
    # a line a template left under a degree, and no school
    text = ("Tal Ben\ntal@example.com\n\nEDUCATION\nBachelor of Arts in Organizational Development, 2012\n"
            "Education Coordinator Cover Letter Example\n")
    assert [(e.institution, e.studyType) for e in parse_resume(text, matcher=matcher).education] == [
        (None, "Bachelor of Arts in Organizational Development")]


def test_whom_a_job_serves_does_not_set_the_career_level(matcher):
    text = ("Dana Whitfield\ndana.whitfield@example.com\n\nEXPERIENCE\n"
            "Secretary to the Managing Director\nNorthwind Traders, Leeds\nMarch 2019 - Present\n"
            "- Kept the director's diary and minutes of board meetings\n")
    profile = parse_resume(text, matcher=matcher, today=date(2022, 3, 1))
    assert profile.basics.label == "Secretary to the Managing Director"
    assert profile.meta.career_level == "associate"  # three years of work, not a director's level


def test_long_years_without_a_title_of_rank_stay_mid_senior(matcher):
    text = ("Alex Morrow\nalex.morrow@example.com\n\nEXPERIENCE\n"
            "Full Stack PHP Developer\nActuate, San Mateo, CA\nJanuary 2004 - Present\n"
            "- Built the billing service in PHP and MySQL\n\n"
            "Web Developer\nRozumsoft, Minsk\nJanuary 2002 - December 2003\n- Built shop fronts in PHP\n")
    profile = parse_resume(text, matcher=matcher, today=date(2022, 3, 1))
    assert profile.meta.total_years_experience >= 20
    assert profile.meta.career_level == "mid-senior"  # twenty years of coding lead no department
    director = text.replace("Full Stack PHP Developer", "Director of Engineering")
    assert parse_resume(director, matcher=matcher, today=date(2022, 3, 1)).meta.career_level == "director"


def test_praised_skills_share_their_noun_and_a_shared_object_leaves_no_bare_verbs(matcher):
    text = ("Kim Park\nSUMMARY\nExcellent written and verbal communication skills. Strong organisational and interpersonal\n"
            "skills. Experience in planning, developing, and implementing network infrastructure solutions for clients.\n"
            "Experience in budgeting, scheduling and forecasting. Thorough knowledge of bond offerings, hedging and other\n"
            "financial instruments. Sound managerial and computer skills. Strong analytical and problem solving skills.\n"
            "Possess excellent time and work management skills. Strong leadership and project management skills.")
    profile = parse_resume(text, matcher=matcher)
    names = {s.name for s in profile.skills}
    keywords = {k for s in profile.skills for k in s.keywords}
    # an adjective alone is no skill: the wording is the skill the text praises
    assert not {"written", "verbal", "organisational", "interpersonal", "planning", "developing"} & (names | keywords)
    assert {"written communication", "verbal communication", "interpersonal skills"} <= keywords
    assert {"budgeting", "scheduling", "forecasting"} <= {k.lower() for k in keywords}  # a list of skills, each whole
    assert {"hedging", "computer skills"} <= {k.lower() for k in keywords}  # (no act and its object: 'other instruments')
    assert "analytical skills" in keywords and not {k for k in keywords if "analytical solving" in k}  # a noun shares nothing
    # ... unless the two make a skill the taxonomy names so
    assert "time management" in keywords and "leadership management" not in keywords


def test_a_skills_list_run_into_the_schooling_beside_it_names_no_school_or_date_as_a_skill(matcher):
    # a two-column page read across: the education column's lines fall into the skills list
    text = ("Ilya Petrov\nilya.petrov@example.com\n\nSKILLS\nC (3+ years), Python (3+ years), Maple\n"
            "Moscow State University, Faculty of Mechanics\nSep 2019 - present\nWolfram Mathematica, Gnuplot\n")
    skills = parse_resume(text, matcher=matcher).skills
    names = {s.name.lower() for s in skills} | {k.lower() for s in skills for k in s.keywords}
    assert {"c", "python", "maple", "gnuplot"} <= names
    assert not {"moscow state university", "present", "sep 2019"} & names


def test_a_technology_named_alone_in_a_skills_list_of_technologies_is_that_technology(matcher):
    """'Inventor' on a skills line of its own had stayed an unknown word: nothing beside it made it Autodesk's. A list
    that names other technologies is that company; a list of qualities keeps 'Persuasion' a word."""
    tools = "Dana Lee\ndana@example.com\nSKILLS\nMicrosoft Office\nVisio\nInventor\nLean Manufacturing\nMinitab\n"
    skills = parse_resume(tools, matcher=matcher).skills
    assert ("Autodesk Inventor", ["Inventor"]) in [(s.name, s.keywords) for s in skills]
    assert matcher.listed("TS") is None and matcher.listed("Go").skill.name == "Go"  # an acronym stands for too much
    qualities = "Dana Lee\ndana@example.com\nSKILLS\nPersuasion\nNegotiation\nLeadership\n"
    assert "Adobe Systems Adobe Persuasion" not in {s.name for s in parse_resume(qualities, matcher=matcher).skills}


HOBBIES = ("Jane Doe\nData Analyst\njane.doe@example.com\n\nEXPERIENCE\nData Analyst, Acme Ltd, Jan 2020 - Present\n"
           "- Built dashboards in Tableau and wrote SQL against PostgreSQL\n\nSKILLS\nSQL, Python, Tableau\n\n"
           "INTERESTS\nPhotography, cooking, chess, yoga, football\nSports: cycling, tennis & indoor soccer\n"
           "Spanish and Python scripting for fun\nSome of my interests: sketching, baking and\nrock climbing\nPune, Maharashtra\nINDIA\nWas part of the organizing committee of the college's annual "
           "technical fest\n")


def test_the_interests_section_lists_pastimes_which_are_no_skills(matcher):
    """'Photography, yoga, football' under INTERESTS had been skills beside SQL: a photographer's or a sports coach's
    posting read them as the analyst's trade. They are the profile's interests (JSON Resume `interests`); a technology or
    a language named there is still a skill."""
    profile = parse_resume(HOBBIES, matcher=matcher)
    assert [(i.name, i.keywords) for i in profile.interests] == [
        ("Photography", []), ("cooking", []), ("chess", []), ("yoga", []), ("football", []),
        ("Sports", ["cycling", "tennis", "indoor soccer"]), ("Spanish and Python scripting for fun", []), ("sketching", []),
        ("baking", []), ("rock climbing", [])]
    names = {s.name.lower() for s in profile.meta.skills}
    assert not {"photography", "yoga", "football", "tennis"} & names
    assert not {"photography", "yoga", "football"} & {k.lower() for s in profile.skills for k in s.keywords}
    assert {"sql", "tableau", "python", "spanish"} <= names
    # the same field named at work is the person's skill, wherever else it is named
    worked = HOBBIES.replace("- Built dashboards", "- Took the product photography for the web shop\n- Built dashboards")
    assert "photography" in {s.name.lower() for s in parse_resume(worked, matcher=matcher).meta.skills}
    # a technology, a language or qualities a layout put under the heading are skills, not interests; a field is a pastime
    listed = HOBBIES.split("INTERESTS")[0] + "INTERESTS\nPhilosophy, SPSS, German, Hard working and reliable, Leadership\n"
    profile = parse_resume(listed, matcher=matcher)
    assert [i.name for i in profile.interests] == ["Philosophy"]
    assert {"SPSS", "German", "Leadership"} <= {s.name for s in profile.meta.skills}
    # a template's 'Activities and Honors' lists honours and affiliations, no pastimes
    honors = HOBBIES.split("INTERESTS")[0] + "Activities and Honors\nAlpha Kappa Mu Honor Society, Special Emphasis Committee\n"
    assert parse_resume(honors, matcher=matcher).interests == []


def test_research_interests_are_the_fields_a_researcher_works_in(matcher):
    text = ("Mei Lin\nAssociate Professor\nmei.lin@example.edu\n\nRESEARCH INTERESTS\nSocial Media, Health Communication, "
            "Media Effects\n\nTEACHING EXPERIENCE\nAssociate Professor, University of Rhode Island, 2012 - present\n")
    profile = parse_resume(text, matcher=matcher)
    assert not profile.interests
    assert {"social media", "health communication", "media effects"} <= {
        k.lower() for s in profile.skills for k in [s.name, *s.keywords]}

