"""Certificates read from a resume's certifications section: what people write under the heading besides them."""

from jobfit.resumes import parse_resume
from jobfit.resumes.certificates import read_certificates


def _read(*lines: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.name, c.issuer, c.date) for c in read_certificates(list(lines))]


def test_a_wrapped_line_a_date_line_and_the_school_on_its_own_line_belong_to_the_certificate_above():
    assert _read("MCSD, Microsoft Certified", "Solution Developer",
                 "CMST - Certified Manager of", "Software Testing",
                 "Medical Assistant Certification for the State of Washington", "Year: 2001",
                 "North Seattle Community College",
                 "Foundation Course in Vedic Mathematics - Example Academy", "Bangalore, India.") == [
        ("MCSD, Microsoft Certified Solution Developer", None, None),
        ("CMST - Certified Manager of Software Testing", None, None),
        ("Medical Assistant Certification for the State of Washington", "North Seattle Community College", "2001"),
        ("Foundation Course in Vedic Mathematics", "Example Academy", None)]
    # the last word of a sentence, cut onto a line of its own, ends the name above ('Ph.D.' would not)
    assert _read("IBM Certified Database Administrator and DB2 Family Fundamentals", "Certifications.", "Zumba Instructor") == [
        ("IBM Certified Database Administrator and DB2 Family Fundamentals Certifications.", None, None),
        ("Zumba Instructor", None, None)]


def test_an_acronym_s_issuer_and_a_certification_s_level():
    assert _read("PMP, PMI, 2019", "CISSP – (ISC)², 2018", "PMP, Project Management Institute",
                 "AWS Certified Solutions Architect – Associate, Amazon Web Services, 2021",
                 "BKD223 - Behavioral Economics", "WCCA, WCCP, AIC") == [
        ("PMP", "PMI", "2019"), ("CISSP", "(ISC)²", "2018"), ("PMP", "Project Management Institute", None),
        ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", "2021"),
        ("BKD223 - Behavioral Economics", None, None),  # a course's code and title
        ("WCCA, WCCP, AIC", None, None)]  # a list of acronyms names no issuer


def test_a_body_named_above_a_certificate_awards_that_one_only():
    assert _read("PROJECT MANAGEMENT INSTITUTE (PMI)", "Project Management Professional (PMP)",
                 "Citrix Certified Administrator (CCA)",
                 "Project Management Professional (PMP), Project Management Institute",
                 "Cisco Networking Academy - CCNA Routing and Switching, 2015",
                 "Matrix Technical Institute, Carlisle, MA") == [
        ("Project Management Professional (PMP)", "PROJECT MANAGEMENT INSTITUTE (PMI)", None),
        ("Citrix Certified Administrator (CCA)", None, None),
        ("Project Management Professional (PMP)", "Project Management Institute", None),
        ("CCNA Routing and Switching", "Cisco Networking Academy", "2015")]


def test_several_on_one_line_are_several_and_a_whole_name_may_end_in_certified():
    assert _read("Project Management Professional (PMP) ~ Certified Information Systems Auditor (CISA)",
                 "Zumba Certified", "Certified Financial Planner (CFP)",
                 "HubSpot Content Marketing Certificate 2017 *HubSpot Inbound Marketing Certificate") == [
        ("Project Management Professional (PMP)", None, None), ("Certified Information Systems Auditor (CISA)", None, None),
        ("Zumba Certified", None, None), ("Certified Financial Planner (CFP)", None, None),
        ("HubSpot Content Marketing Certificate", None, "2017"), ("HubSpot Inbound Marketing Certificate", None, None)]


def test_what_is_no_certificate_is_not_one():
    assert _read("Red Hat Certified Engineer (RHCE), http://www.redhat.com",
                 "Learned to create basic Android apps using Eclipse and Android Studio.",
                 "Fitch, D. (2015). A framework for information technology in social work practice.",
                 "Advances in Social Work, 16(1), 15", "10.18123/456789",
                 "Adapting", "Achieved", "Resume Contributed for Sample Purposes Only",
                 "LinkedIn: www.linkedin.com/in/someone", "June 20XX", "REFERENCES: Available upon request.") == [
        ("Red Hat Certified Engineer (RHCE)", None, None)]


def test_a_resume_s_certificates_section_in_a_profile(matcher):
    text = ("Sam Example\nsam@example.com\nExperience\nDeveloper, Acme Ltd, 2019 - 2023\nBuilt the billing service.\n"
            "Certifications\nMCSD, Microsoft Certified\nSolution Developer\nYear: 2013\nCertified ScrumMaster (CSM), Scrum Alliance\n"
            "Adapting\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(c.name, c.issuer, c.date) for c in profile.certificates] == [
        ("MCSD, Microsoft Certified Solution Developer", None, "2013"), ("Certified ScrumMaster (CSM)", "Scrum Alliance", None)]


def test_a_scrum_master_certificate_is_no_master_s_degree(matcher):
    from jobfit.resumes import parse_resume

    profile = parse_resume("Jane Roe\n\nCertifications\n- Professional Scrum Master I (PSM I), Scrum.org, 2020\n"
                           "- Scrum Master (PSM I)\n- SAP Master Data Governance\n\nEducation\nMaster of Science in Statistics, "
                           "2016\n", matcher=matcher)
    assert [c.name for c in profile.certificates] == ["Professional Scrum Master I (PSM I)", "Scrum Master (PSM I)",
                                                      "SAP Master Data Governance"]
    assert [(e.studyType, e.level) for e in profile.education] == [("Master of Science in Statistics", "master")]


def test_a_training_list_says_who_gave_each_course_and_when_in_brackets():
    assert _read("50064 - Advanced SharePoint 2007 Development (5 days, Microsoft Certified, AFI 2009)",
                 "Microsoft Office SharePoint Designer (2 days, AFI June 2008)",
                 "Introduction to JAVA (ABC training - 1997)", "Programming in Java (ONPU, 25 hours, 2011);",
                 "Certified Scrum Master (CSM, 2015)", "First Aid (Red Cross, expires 2025)",
                 "ITIL Foundation Certificate (Expected Completion Date: Aug 2009)") == [
        # a course's number and title are one name; its length goes, what else the brackets say of it stays
        ("50064 - Advanced SharePoint 2007 Development (Microsoft Certified)", "AFI", "2009"),
        ("Microsoft Office SharePoint Designer", "AFI", "2008"),
        ("Introduction to JAVA", "ABC training", "1997"), ("Programming in Java", "ONPU", "2011"),
        ("Certified Scrum Master (CSM)", None, "2015"),  # its own abbreviation, no issuer
        ("First Aid", "Red Cross", None),  # the year it lapses is not the year it was taken
        ("ITIL Foundation Certificate", None, "2009")]
    # 'Oracle Certified': Oracle certified it, and the name still says the course was certified
    assert _read("Java (Oracle Certified, 2015)", "AWS Solutions Architect (Amazon Web Services, 2021)") == [
        ("Java (Oracle Certified)", "Oracle", "2015"), ("AWS Solutions Architect", "Amazon Web Services", "2021")]


def test_a_training_section_keeps_its_courses_out_of_the_schooling_above(matcher):
    from jobfit.resumes import parse_resume

    text = ("John Roe\nEDUCATION\nAugust 1994\nBachelor of Science (B.Sc.)\nUniversity of Montreal\n"
            "ADDITIONAL CERTIFIED TRAINING\nIntroduction to JAVA (ABC training - 2000)\nC language (ABC training - 1995)\n"
            "KEY SKILLS\nOffice Management\nStaff Development & Training\nRecords Management\n"
            "PROJECTS UNDERTAKEN\nLibrary management under C++\n")
    profile = parse_resume(text, matcher=matcher)
    assert [(e.studyType, e.institution) for e in profile.education] == [("Bachelor of Science (B.Sc.)", "University of Montreal")]
    assert [(c.name, c.issuer, c.date) for c in profile.certificates] == [
        ("Introduction to JAVA", "ABC training", "2000"), ("C language", "ABC training", "1995")]
    # a skill listed in title case is no heading of trainings; projects said done are projects
    assert "Staff Development & Training" not in [c.name for c in profile.certificates]
    assert [p.name for p in profile.projects] == ["Library management under C++"]
