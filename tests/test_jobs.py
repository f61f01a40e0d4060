"""Feeds to postings, postings to analyzed postings."""

import pytest

from jobfit import exchange
from jobfit.feeds import FeedError, canonical_url, read_feed
from jobfit.jobs import analyze_job, analyze_jobs
from jobfit.salary import parse_salary

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title>Acme &amp; Co: Senior Python Developer</title>
<link>https://jobs.example.org/42?utm_source=rss&amp;id=7</link>
<pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Remote role. $120,000 - $140,000 per year.</p><h3>Requirements</h3>
<ul><li>5+ years of experience with Python</li><li>PostgreSQL</li></ul>
<h3>Nice to have</h3><ul><li>Kubernetes</li></ul>]]></description></item>
<item><title>Acme &amp; Co: Senior Python Developer</title>
<link>https://jobs.example.org/42?utm_campaign=x&amp;id=7</link><description>dup</description></item>
</channel></rss>"""


def test_rss_items_become_postings():
    postings = read_feed(FEED, feed_name="test")
    first = postings[0]
    assert first["company"] == "Acme & Co" and first["title"] == "Senior Python Developer"
    assert first["url"] == "https://jobs.example.org/42?id=7"
    assert first["date"] == "2026-11-17"
    assert "- 5+ years of experience with Python" in first["description"]
    # the same posting with other tracking parameters has the same identity
    assert postings[0]["id"] == postings[1]["id"]


@pytest.mark.parametrize("text, years", [
    ("- 5+ years with Python or Go", 5), ("- 2 years ICU experience", 2), ("- 3 years of Node.js experience", 3),
    ("- At least 4 years in B2B sales", 4), ("- Minimum of 2 years in a similar role", 2),
    ("We were founded 10 years ago.", None), ("A contract for 2 years.", None), ("We have 20 years of history. Experience with Go", None),
    # the employer's own years are none asked, and the candidate's after them still are
    ("We have over 20 years of remote experience. You bring 3+ years of experience in sales.", 3),
    ("Our team brings 30 years of experience.", None), ("We are looking for someone with 5 years of experience.", 5),
    # abbreviated, in words, as a range (the least is asked), after a label
    ("- 3-5 yrs of experience in data analysis", 3), ("5+ yrs exp in SQL.", 5), ("Min. 2 yrs working experience", 2),
    ("Minimum of three (3) years of experience required.", 3), ("At least five years of experience in finance.", 5),
    ("2 to 4 years of relevant experience.", 2), ("Experience: 7-10 years", 7), ("At least one year of remote experience", 1),
    ("EventMobi is building on ten years of event technology experience. You have 5+ years of Python.", 5),
    ("The majority of our developers have more than 10 years of professional experience.", None),
    ("You will work alongside our senior developer who has 15 years of experience. You have at least 2 years of PHP.", 2),
    ("You are aligned with our values\n\n- You have 4-6 years of experience designing APIs", 4),
    ("In our team you will have 3+ years of experience with Go.", 3),
    # more years than any posting asks are the employer's own, however it words them
    ("Experience Remote done Right. Over 20 years of remote experience, all 500+ staff are remote.\n\n"
     "Requirements\n\n- 7+ years of professional experience", 7),
    ("- 15+ years of experience in software architecture", 15),
    # the team's own record, told before the qualifications, asks nothing: the qualifications' years are the ask
    ("About the founders\n\nAlexis [CEO]\n- 10+ years in Tech Executive Leadership\n- Serial entrepreneur\n\n"
     "Your qualifications\n\n- 4-6+ years of experience in video production\n- A strong portfolio", 4),
])
def test_the_years_asked_in_the_ways_postings_ask_them(matcher, text, years):
    assert analyze_job({"id": "j", "title": "Engineer", "description": text}, matcher).meta.years_required == years


@pytest.mark.parametrize("text, kind", [
    ("This is a casual position with flexible hours.", "part-time"),  # Australia's and Britain's casual work
    ("Seasonal position from November to January.", "temporary"), ("Temp-to-hire opportunity.", "temporary"),
    ("Locum doctor needed for 3 weeks.", "temporary"), ("C2C or 1099 accepted.", "contract"),
    ("Full time, 40h/week. Note for US residents: this is corp-to-corp (1099, not W2).", "contract"),
    ("A casual dress code and seasonal demand.", None),
    # a kind the job is not, work besides it, and the contract of employment itself say nothing of what the job is
    ("Not open to short-term, agency, or contract positions. This is a full-time role.", "full-time"),
    ("This job description is not a contract of employment. Full-time, 40 hours a week.", "full-time"),
    ("Contract offered: Full time", "full-time"),
    ("We want someone working full time, without commitments such as freelance for other businesses.", "full-time"),
    ("This is a 6-month contract role.", "contract"), ("Type of contract: temporary", "temporary"),
])
def test_the_employment_types_english_speaking_boards_name(matcher, text, kind):
    assert analyze_job({"id": "j", "title": "Engineer", "description": text}, matcher).meta.employment_type == kind


def test_only_the_sentence_that_says_preferred_asks_a_plus(matcher):
    job = analyze_job({"id": "j", "title": "Data Analyst", "description":
                       "Requirements: SQL, Tableau, 2 years experience. Python preferred."}, matcher)
    assert {s.id for s in job.meta.required_skills} >= {"sql", "tableau"}
    assert {s.id for s in job.meta.preferred_skills} == {"python"}


POSTING_WITH_LISTS = """Headquarters: Berlin

We build payment software for small shops. Our team of twelve works remotely.

What you'll do:

- Build the billing service in Python
-
Own releases end to end

Candidates will complete a technical exercise.

What do I need?

- 3+ years with PostgreSQL
- Good written English
- Strong benefit package including a 401k and paid vacation

What you get to do:

- Run our Kubernetes clusters

Why Acme?

- 30 days of paid leave
- A new laptop
"""


def test_a_postings_own_lists_are_its_responsibilities_and_qualifications(matcher):
    job = analyze_job({"id": "j", "title": "Backend Engineer", "description": POSTING_WITH_LISTS}, matcher)
    # the items under the work's headings (a bullet alone on its line over its item), not the prose after them nor
    # the perks, and a 'What you get to do' that is work, not a perk
    assert job.responsibilities == ["Build the billing service in Python", "Own releases end to end",
                                    "Run our Kubernetes clusters"]
    assert job.qualifications == ["3+ years with PostgreSQL", "Good written English"]
    assert "kubernetes" in {s.id for s in job.meta.required_skills}  # the work's skills are asked, not offered
    # a posting's own lists, when a feed gives them, stay as they are; a posting with no headings has none
    given = analyze_job({"id": "g", "title": "Engineer", "description": POSTING_WITH_LISTS,
                         "qualifications": ["A driving licence"]}, matcher)
    assert given.qualifications == ["A driving licence"] and not given.responsibilities
    plain = analyze_job({"id": "p", "title": "Engineer", "description": "We need an engineer who knows Python."}, matcher)
    assert plain.responsibilities == [] and plain.qualifications == []


POSTING_WITH_PARTS = """What You'll Accomplish:

You'll drive our supply chain. This will include:

General project management

- Keep the team aware of timelines
- Anticipate delays and bottlenecks

Managing Suppliers (including but not limited to...)

- Ensure licensing agreements are in place

Stock options

- 0.5% of the company, vesting over four years

Perks

- A gym membership

Requirements

- 5+ years in supply chain roles

Our office

- A dog named Rex
"""


def test_the_parts_of_a_heading_that_lists_nothing_itself_are_its_list(matcher):
    job = analyze_job({"id": "j", "title": "Head of Supply Chain", "description": POSTING_WITH_PARTS}, matcher)
    # the items under a work heading's own part headings are the work; a heading of perks ends them
    assert job.responsibilities == ["Keep the team aware of timelines", "Anticipate delays and bottlenecks",
                                    "Ensure licensing agreements are in place"]
    # a heading after a list's own items is another part of the posting, whose items may be anything
    assert job.qualifications == ["5+ years in supply chain roles"]
    # a part after prose that leads into nothing is the posting's own, not the work's
    other = analyze_job({"id": "o", "title": "Engineer", "description": "The role\n\nYou will build our Go services.\n\n"
                         "The mindset we hire for\n\n- Intensity and grit\n"}, matcher)
    assert other.responsibilities == ["You will build our Go services."]


@pytest.mark.parametrize("region, inside, outside", [
    ("USA", {"US"}, {"CA"}), ("UK", {"GB"}, {"IE"}), ("European timezones", {"DE", "PT"}, {"US"}),
    ("North America", {"US", "CA", "MX"}, {"JM", "BR"}), ("Latin America", {"MX", "BR", "AR"}, {"US", "CA"}),
    ("EMEA", {"DE", "AE", "NG"}, {"IN", "US"}), ("APAC", {"IN", "AU", "JP"}, {"AE", "DE"}),
])
def test_a_job_board_s_regions_name_countries(region, inside, outside):
    from jobfit.resumes.places import countries_of_region

    countries = countries_of_region(region)
    assert inside <= countries and not outside & countries


@pytest.mark.parametrize("region", ["CST (UTC-6)", "New York", "Other (don’t specify)"])
def test_what_names_no_country_restricts_nothing(region):
    from jobfit.resumes.places import countries_of_region

    assert countries_of_region(region) is None


@pytest.mark.parametrize("text, remote", [
    ("On-site 3 days a week in London", "Hybrid"), ("In the office two days per week, the rest from home", "Hybrid"),
    ("2-3 days a week in the office", "Hybrid"), ("3 days from home", "Hybrid"),
    ("Fully remote. We meet in person 2 days a year", "Full"), ("Remote. The team meets on-site 2 days per quarter", "Full"),
    ("We work 5 days a week at our Leeds plant", "None"),
])
def test_a_week_split_between_office_and_home_is_hybrid(matcher, text, remote):
    assert analyze_job({"id": "j", "title": "Engineer", "description": text}, matcher).remote == remote


@pytest.mark.parametrize("title, level", [
    ("Reddit Campaign Manager (Entry level / Part time)", "entry"),  # the level stated outranks the role noun's
    ("Junior Project Manager", "entry"), ("Jr. Data Analyst", "entry"),
    ("Senior Project Manager", "mid-senior"), ("Project Manager", "mid-senior"),
    ("Data Entry Manager", "mid-senior"),  # data entry is the work, not the level
    ("Assistant Director", "director"), ("Graduate Trainee", "internship"),
])
def test_the_seniority_a_title_states(matcher, title, level):
    assert analyze_job({"id": "s", "title": title, "description": "Work with our team."}, matcher).meta.seniority == level


def test_unreadable_feed_raises():
    with pytest.raises(FeedError):
        read_feed(b"<<< not a feed", feed_name="broken")
    with pytest.raises(FeedError):
        read_feed("/nonexistent/feed.xml", feed_name="missing")


def test_analysis_separates_required_and_preferred(matcher):
    job = analyze_job(read_feed(FEED)[0], matcher)
    assert {s.id for s in job.meta.required_skills} == {"python", "postgresql"}
    assert {s.id for s in job.meta.preferred_skills} == {"kubernetes"}
    assert job.meta.seniority == "mid-senior"
    assert job.meta.years_required == 5
    assert job.remote == "Full"
    assert job.meta.salary.min == 120000 and job.meta.salary.currency == "USD" and job.meta.salary.period == "year"
    assert [s.name for s in job.skills if s.level == "required"] == ["Python", "PostgreSQL"]


def test_the_company_s_part_ends_where_a_part_on_the_candidate_begins(matcher):
    # 'About Us' said nothing asked, and everything after it used to be read as more about the company
    job = analyze_job({"id": "j", "title": "Senior Developer", "description": (
        "About Us\n\nWe run busy web sites from the Gold Coast.\n\n"
        "Who would be the right fit for us?\n\nYou would need very strong Linux skills and understand PHP.\n\n"
        "Compensation\n\nA good salary.\n\nRequired skills\n\n- PostgreSQL")}, matcher)
    assert {"linux", "php", "postgresql"} <= {s.id for s in job.meta.required_skills}
    assert job.qualifications == ["You would need very strong Linux skills and understand PHP.", "PostgreSQL"]
    # a list under a short line is the candidate's when the line says so ('We like you to know' / '1. Docker')
    job = analyze_job({"id": "j", "title": "Software Engineer", "description": (
        "About Stimulus\n\nA social platform.\n\nWe like you to know\n\n1. Docker\n\n2. React")}, matcher)
    assert {s.id for s in job.meta.required_skills} >= {"docker", "react"}
    # a heading of one word ('Role') ends it too
    job = analyze_job({"id": "j", "title": "Inside Sales Representative", "description": (
        "About Us\n\nWe help families repair their credit.\n\nRole\n\nYou will keep Salesforce current.")}, matcher)
    assert "salesforce" in {s.id for s in job.meta.required_skills}
    # a field ('Compensation: 100% Commission') says its value and heads nothing below it
    job = analyze_job({"id": "j", "title": "Account Executive", "description": (
        "Compensation: 100% Commission\n\nLocation: Remote\n\nYou will run demos and keep Salesforce current.")}, matcher)
    assert "salesforce" in {s.id for s in job.meta.required_skills}
    # a heading that names the candidate heads what is asked
    job = analyze_job({"id": "j", "title": "Account Executive", "description": (
        "Candidate Profile: The Top 1%\n\n- Flawless business English\n\n- Closing high-ticket deals")}, matcher)
    assert job.qualifications == ["Flawless business English", "Closing high-ticket deals"]
    # ... and the perks' own short lines over their lists end nothing
    job = analyze_job({"id": "j", "title": "Software Engineer", "description": (
        "Requirements:\n- Python\n\nBenefits\n\nWellness\n- Yoga classes and Slack channels for hobbies")}, matcher)
    assert {s.id for s in job.meta.required_skills} == {"python"}
    # a heading of the job's practical details ('Details/Logistics') asks for no logistics; its items may ask
    for heading in ("Details/Logistics", "Logistics"):
        job = analyze_job({"id": "j", "title": "Software Engineer", "description": (
            f"Requirements:\n- Python\n\n{heading}\n\n- This position is full-time\n- Is fluent in English")}, matcher)
        assert {s.id for s in job.meta.required_skills} == {"python", "english"}
    job = analyze_job({"id": "j", "title": "Operations Manager", "description": "Requirements:\n- 5 years in logistics"}, matcher)
    assert "logistics" in {s.id for s in job.meta.required_skills}


def test_a_nice_to_haves_heading_makes_its_list_a_plus_and_an_aside_only_its_line(matcher):
    job = analyze_job({"id": "j", "title": "Rails Engineer", "description": (
        "Required Technical Skills\n\n-\n\nRuby on Rails (Rails 6-8 preferred)\n\n-\n\nPostgreSQL\n\n"
        "Nice-to-haves\n\n- Kubernetes\n\nNice To Haves\n\n- Terraform")}, matcher)
    assert "postgresql" in {s.id for s in job.meta.required_skills}
    assert {s.id for s in job.meta.preferred_skills} >= {"kubernetes", "terraform"}
    # an item that is a plus itself makes no block of pluses of the items after it
    job = analyze_job({"id": "j", "title": "Backend Engineer", "description": (
        "Requirements:\n- Experience with Kotlin a plus\n- PostgreSQL\n- A degree in computer science; MBA preferred\n"
        "- 5 years with Python\n\nConsidered a plus\n- Terraform")}, matcher)
    assert {"postgresql", "python"} <= {s.id for s in job.meta.required_skills}
    assert {s.id for s in job.meta.preferred_skills} >= {"kotlin", "terraform"}


def test_a_department_the_hire_works_with_is_no_skill_asked(matcher):
    job = analyze_job({"id": "j", "title": "Frontend Engineer", "description": (
        "Requirements:\n- React and TypeScript\n- You will work with the Design, QA, Marketing, and Support teams\n"
        "- Report to the Sales department")}, matcher)
    asked = {s.id for s in job.meta.required_skills}
    assert asked >= {"react", "typescript"} and not asked & {"quality-assurance", "marketing", "sales"}
    # the hire's own team, a department asked outright, and a method the teams follow are asked
    job = analyze_job({"id": "j", "title": "Head of Growth", "description": (
        "Requirements:\n- Build and lead our marketing team\n- 5 years of B2B sales\n- Experience in agile teams")}, matcher)
    assert {"marketing", "sales", "agile"} <= {s.id for s in job.meta.required_skills}


def test_the_equipment_a_remote_hire_needs_is_no_skill_asked(matcher):
    job = analyze_job({"id": "j", "title": "Support Agent", "description": (
        "Requirements:\n- A reliable laptop with a working mic, camera, and a headset\n- Zendesk")}, matcher)
    assert {s.name for s in job.meta.required_skills} == {"Zendesk"}
    job = analyze_job({"id": "j", "title": "Video Producer", "description": "Requirements:\n- Experience with DSLR cameras"}, matcher)
    assert "cameras" in {s.id for s in job.meta.required_skills}  # the craft of cameras is still asked


def test_a_department_named_among_those_the_hire_works_with_is_no_skill_asked(matcher):
    """Without 'team' after it, a department is still the people when it is named, capitalized, among those the hire
    collaborates with: 'Collaborate with Product Management, R&D, UX, and Architecture'."""
    job = analyze_job({"id": "j", "title": "Lead Software Developer", "description": (
        "Requirements:\n- Collaborate with Product Management, R&D, and Architecture to define the roadmap\n"
        "- Work closely with Business Development and Marketing to manage partners\n- Work with Sales on pricing")}, matcher)
    assert not {s.id for s in job.meta.required_skills} & {"product-management", "business-development", "marketing", "sales"}
    # the department's craft, its data, or the department asked outright still are skills
    job = analyze_job({"id": "j", "title": "Growth Analyst", "description": (
        "Requirements:\n- Strong Marketing skills\n- Work with Sales data to build forecasts\n"
        "- Experience in product management")}, matcher)
    assert {"marketing", "sales", "product-management"} <= {s.id for s in job.meta.required_skills}


def test_skills_joined_by_or_are_alternatives_one_of_which_is_enough(matcher):
    job = analyze_job({"id": "j", "title": "Software Engineer", "description": (
        "Requirements:\n- 3+ years of experience with Go or Java\n- You know Python, SQL and Docker or Kubernetes\n"
        "- A frontend framework such as React, Vue, or Angular\nNice to have:\n- AWS and/or GCP")}, matcher)
    assert job.meta.alternatives == [["go", "java"], ["docker", "kubernetes"], ["react", "vue", "angular"], ["aws", "gcp"]]
    assert {"python", "sql", "go", "java", "react"} <= {s.id for s in job.meta.required_skills}  # each still asked
    assert {s.id for s in job.meta.preferred_skills} == {"aws", "gcp"}


def test_the_years_asked_with_a_skill_are_the_skill_s(matcher):
    job = analyze_job({"id": "j", "title": "Software Engineer", "description": (
        "Requirements:\n- 5+ years of experience with Python, Django and PostgreSQL\n"
        "- 3-5 years of commercial back-end development experience with PHP\n- 2+ years of Go and familiarity with Docker\n"
        "- 5+ years of professional development experience using C#\n"
        "- 5+ years of Product Management experience in an independent software vendor\n"
        "About us: we have 10 years of experience in Kubernetes")}, matcher)
    assert job.meta.skill_years == {"python": 5, "django": 5, "postgresql": 5, "backend": 3, "php": 3, "go": 2, "c-sharp": 5,
                                   "product-management": 5}


def test_an_alternative_the_posting_also_asks_on_its_own_is_what_it_asks(matcher):
    """'Backend Engineer (Go)' asking for 'Go or Java' asks for Go; Java would have done, so it is a plus."""
    job = analyze_job({"id": "j", "title": "Backend Engineer (Go)", "description":
                       "Requirements:\n- 3+ years of experience with Go or Java"}, matcher)
    assert job.meta.alternatives == []
    assert "go" in {s.id for s in job.meta.required_skills}
    assert [s.id for s in job.meta.preferred_skills] == ["java"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$50 - $60 per hour", (50, 60, "USD", "hour")),
        ("$40/hour - $50/hour", (40, 50, "USD", "hour")),  # the period after each figure
        ("€65.000 – €80.000 per year", (65000, 80000, "EUR", "year")),
        ("£45k-£55k", (45000, 55000, "GBP", "year")),
        ("Salary: USD 90,000 a year", (90000, 90000, "USD", "year")),
        # the code after the figure, other currencies, other conventions
        ("Salary: 60.000 EUR per year", (60000, 60000, "EUR", "year")),
        ("between 60k - 90k CAD per annum", (60000, 90000, "CAD", "year")),
        ("Level 2: A$90k - A$130k", (90000, 130000, "AUD", "year")),
        ("Medium: 4 000 - 6 000 USD per month (B2B)", (4000, 6000, "USD", "month")),
        ("CHF 120,000 per year", (120000, 120000, "CHF", "year")),
        ("€45.000,00 per year", (45000, 45000, "EUR", "year")),
        ("$31,2k- $52k", (31200, 52000, "USD", "year")),
        # lakhs and crores; the period in a word of its own, before or after the figure
        ("CTC: ₹12 LPA", (1200000, 1200000, "INR", "year")),
        ("INR 8 lakhs per annum", (800000, 800000, "INR", "year")),
        ("Rs. 40,000 per month", (40000, 40000, "INR", "month")),
        ("6-month contract, day rate €450-€550", (450, 550, "EUR", "day")),
        # a figure in lakhs is in rupees without a currency, and India groups its digits in lakhs
        ("CTC: 12-18 LPA", (1200000, 1800000, "INR", "year")),
        ("Salary: 3.5 - 5 Lakhs per annum", (350000, 500000, "INR", "year")),
        ("Compensation: INR 8,00,000 - 12,00,000 per annum", (800000, 1200000, "INR", "year")),
        ("Salary: 3,00,000 - 5,00,000 P.A.", (300000, 500000, "INR", "year")),  # grouped in lakhs: rupees
        ("Stipend: Rs 15,000/- per month", (15000, 15000, "INR", "month")),  # India's '/-' after a sum
        # Switzerland groups thousands with apostrophes; Malaysia writes its ringgit RM
        ("CHF 120'000 - 140'000", (120000, 140000, "CHF", "year")),
        ("RM 3,500 - RM 4,500 per month", (3500, 4500, "MYR", "month")),
        ("€3.500 monthly", (3500, 3500, "EUR", "month")),
        ("Monthly salary: €3,500", (3500, 3500, "EUR", "month")),
        ("the hourly rate starts at 6$/h", (6, 6, "USD", "hour")),
        ("The starting Salary for this role is €2200 Euros per month.", (2200, 2200, "EUR", "month")),
        # money that is not pay comes before the salary
        ("We raised $20M and pay engineers $5k - $10k / month", (5000, 10000, "USD", "month")),
        ("A €1000 remote working budget per year. Salary: €63,000 annually", (63000, 63000, "EUR", "year")),
        ("An education benefit of $1,500. Salary Range: $131,000.00 - $157,500.00 /year", (131000, 157500, "USD", "year")),
        ("1. Salary: $120,000/year 2. $20,000 signing bonus", (120000, 120000, "USD", "year")),
        ("Sales Manager salary $80k", (80000, 80000, "USD", "year")),
        # a bonus or a benefit named after the salary, past its sentence or a 'plus', leaves the salary pay
        ("Salary $90,000 plus annual bonus", (90000, 90000, "USD", "year")),
        ("$90,000 + bonus", (90000, 90000, "USD", "year")),
        ("Pay $25/hr. Annual bonus paid in March", (25, 25, "USD", "hour")),
        ("Salary: $90,000. Plus a wellness stipend of $100 per month", (90000, 90000, "USD", "year")),
        # a bonus, a differential, relocation, savings or a gift card named with the money is no pay
        ("Employee referral bonus of $1,000. Compensation: $60,000/yr", (60000, 60000, "USD", "year")),
        ("Sign-on bonus: $3,000. Pay: $30/hour.", (30, 30, "USD", "hour")),
        ("Shift differential of $2/hr for nights. Starting pay: $18/hr", (18, 18, "USD", "hour")),
        ("Relocation assistance up to $10,000 available. Base salary $120k-$140k.", (120000, 140000, "USD", "year")),
        ("Our customers save $1,200 a year on average. You will earn $65,000.", (65000, 65000, "USD", "year")),
        ("$25 Amazon gift card for applying. Hourly pay $22-$26.", (22, 26, "USD", "hour")),
        ("Base pay range: $45,000 - $60,000\n- Performance Bonus opportunities", (45000, 60000, "USD", "year")),
        # in a description, the figure whose sentence (or heading, or bullet above) names pay before the first that only reads as money
        ("Close deals worth $50k+ each quarter. Base: $60k.", (60000, 60000, "USD", "year")),
        ("Process invoices up to $10,000 without approval. Pay: $22/hr.", (22, 22, "USD", "hour")),
        ("401(k) match up to $3,000 annually. Compensation: $90,000.", (90000, 90000, "USD", "year")),
        ("Handle cash deposits up to $20,000 daily. Wage: $16.50 per hour", (16.5, 16.5, "USD", "hour")),
        ("Pricing starts at $49/month for our customers. Salary: $85k-$95k", (85000, 95000, "USD", "year")),
        ("Our average deal size is $25,000. OTE $120,000.", (120000, 120000, "USD", "year")),
        ("He had over $20,000 in student loans.\n\nStarting salary range: $150,000 - $225,000 per year", (150000, 225000, "USD", "year")),
        ("- 401(k) match up to $3,000\n- Competitive salary\n- $90,000 - $100,000 per year", (90000, 100000, "USD", "year")),
        ("HSA contribution of $1,000.\nCompensation\n$120,000 - $150,000", (120000, 150000, "USD", "year")),
        # money per piece of work is no wage ("$100 per sale"); the thousands may be said once in a range
        ("Earn $100 per sale in commission on top of your $45,000 base.", (45000, 45000, "USD", "year")),
        ("Our top sales rep makes $15 - $20,000 a month", (15000, 20000, "USD", "month")),
        # an intern's stipend is their pay; a stipend for something is not
        ("Stipend: ₹50,000 per month", (50000, 50000, "INR", "month")),
        ("A learning stipend of $1,000 a year. Monthly stipend of $2,000", (2000, 2000, "USD", "month")),
        # Europe writes the range and the period in its own words, gross or net between
        ("65.000 – 80.000 € brutto im Jahr", (65000, 80000, "EUR", "year")),
        ("Vergütung: 15 € pro Stunde", (15, 15, "EUR", "hour")),
        ("Bruttomonatsgehalt: 4.500 €", (4500, 4500, "EUR", "month")),
        ("Salaire : 45 000 € à 55 000 € brut annuel", (45000, 55000, "EUR", "year")),
        ("Gratification : 1 200 € par mois", (1200, 1200, "EUR", "month")),
        ("Salario de 40.000 a 50.000 € brutos anuales", (40000, 50000, "EUR", "year")),
        ("RAL 35.000 € annui", (35000, 35000, "EUR", "year")),
        ("Stipendio: 1.800 € netti al mese", (1800, 1800, "EUR", "month")),
        # and in Portuguese, Polish, Dutch, Malay, Indonesian, Japanese and Chinese, with their own words for 'to'
        ("Salário: entre R$ 5.000 e R$ 7.000 por mês", (5000, 7000, "BRL", "month")),
        ("Wynagrodzenie: od 12 000 do 16 000 zł brutto/mies.", (12000, 16000, "PLN", "month")),
        ("€ 4.000 - € 5.000 bruto per maand", (4000, 5000, "EUR", "month")),
        ("Gaji: RM 3,500 - RM 4,500 sebulan", (3500, 4500, "MYR", "month")),
        ("Gaji bulanan: RM 3,000", (3000, 3000, "MYR", "month")),
        ("Gaji: Rp 8 juta - Rp 12 juta per bulan", (8e6, 12e6, "IDR", "month")),
        ("年収500万円〜700万円", (5e6, 7e6, "JPY", "year")),
        ("月薪1.5万-2万元", (15000, 20000, "CNY", "month")),
        ("月薪 ¥15,000-20,000", (15000, 20000, "CNY", "month")),  # the yen sign in Chinese is the yuan's
        ("工资 ¥6000", (6000, 6000, "CNY", "month")),
        ("給与：月給 ¥300,000 です", (300000, 300000, "JPY", "month")),
        ("Salario entre 30.000 y 35.000 euros brutos al año", (30000, 35000, "EUR", "year")),
        # the currency named in words, and a sign's code after the figure says which dollar
        ("We pay between 60 and 70 thousand dollars a year", (60000, 70000, "USD", "year")),
        ("Salary: Mininum 156,03 NOK pr hour", (156.03, 156.03, "NOK", "hour")),
        ("Salary range: 90,000 – 110,000 (USD)", (90000, 110000, "USD", "year")),  # a code in brackets
        ("Our salary bands: L3 $110k–$140k; L4 $140k–$175k", (110000, 140000, "USD", "year")),  # L3 is a level
        # where a month's pay runs to millions, millions said to be pay or paid by the period are a salary
        ("Salary range: 3.5 - 4.5 million VND", (3.5e6, 4.5e6, "VND", "month")),
        ("KRW 50 million per year", (5e7, 5e7, "KRW", "year")),
        ("Salary: 3 million naira per annum", (3e6, 3e6, "NGN", "year")),
        ("Sueldo: COP 4 millones mensuales", (4e6, 4e6, "COP", "month")),
        # and in Vietnamese and Korean, whose units say the currency when none is written
        ("Lương: 15 - 20 triệu/tháng", (15e6, 20e6, "VND", "month")),
        ("연봉 4,000만원", (4e7, 4e7, "KRW", "year")),
        ("월급 300만 원", (3e6, 3e6, "KRW", "month")),
        ("3월 입사, 연봉 4,000만원", (4e7, 4e7, "KRW", "year")),  # '3월' is March: the pay word after it says the period
        # a code written against the figure, and the Philippine peso as Filipinos write it
        ("Salary: USD50,000 - USD60,000", (50000, 60000, "USD", "year")),
        ("Salary: Php 25,000 - 30,000 monthly", (25000, 30000, "PHP", "month")),
        # 'and' joins a range only after 'between'; a figure written in full takes no unit from the next one
        ("Salary: $85,000 and 401(k)", (85000, 85000, "USD", "year")),
        ("Salary $80,000 and 401k", (80000, 80000, "USD", "year")),
        ("Salary: $50,000 and 2 weeks PTO", (50000, 50000, "USD", "year")),
        ("Salary: between $80,000 and $90,000 per year", (80000, 90000, "USD", "year")),
        ("Salary: 12.5-15k EUR", (12500, 15000, "EUR", "year")),
        # a labeled salary before one a sentence names; a range's top ten times its bottom is a slip, not a range
        ("Top reps earn over $140k this year. Job Types: Full-time  Pay: $60,000- $140,000+ per year",
         (60000, 140000, "USD", "year")),
        ("Salary in the range of GBP 53,000 - 60,0000 depending on experience", (53000, 53000, "GBP", "year")),
    ],
)
def test_salary_forms(text, expected):
    salary = parse_salary(text)
    assert (salary.min, salary.max, salary.currency, salary.period) == expected


@pytest.mark.parametrize("text", [
    "We have already paid out over $11M to our engineers", "a $3.5 trillion healthcare system", "Each sale is between $250 and $2,500",
    "PHP 7/8 expert", "php 5 years, MySQL 8", "Budget: PHP5000", "Users 10 times faster", "A $2000 equipment stipend and $5k workspace setup", "all 5 candidates",
    "managing $50k+ monthly budgets", "A €5,000 p.a. travel allowance", "A technology stipend of $2000 for all new hires",
    "Ebury received in 2019 a £350 million investment",  # 'a' joins a range only between two figures
    "Must be able to lift 50 pounds",  # pounds of weight
    "Brand New Laptop and $1,000: Upon signing, we'll send you a laptop and $1,000 to outfit the rest of your office",
    "We expect you to generate an additional $3-5K MRR in the first few months",  # the company's revenue
    "We manage a KRW 800 million portfolio", "Backed by a ₩5 billion series A",  # millions not said to be pay
    "Salary: $1.5 million in commissions paid last year",  # more than a year's pay could be
    "It's a $540B dollar a year industry", "clients range from mid-stage ($1M - $80 per year) brands",
    # benefits: a donation match, a 401(k) match (no '5,000 401' read as one figure), an extra sum on top of pay
    "$10,000 annual charitable donation matching", "$5,000 401(k) match",
    "Remote work stipend - We add $1,200/yr to all of our salaries to provide our team with an extra $100/month",
    # more than any posting pays: a typo or an id in a salary field was a stated pay of $10^20, first in every filter
    "Salary: $99999999999999999999 per year", "Pay: $60,000 an hour", "Salary: €2,000,000 per month",
])
def test_money_that_is_no_salary(text):
    assert parse_salary(text) is None


@pytest.mark.parametrize("text, country, expected", [
    ("$90,000 - $110,000 + super", "AU", (90000, 110000, "AUD", "year")),
    ("Pay: 35 dollars an hour", "CA", (35, 35, "CAD", "hour")),
    ("$120,000 USD", "CA", (120000, 120000, "USD", "year")),  # the code written wins
    ("US$95,000", "CA", (95000, 95000, "USD", "year")),
    ("Lön: 45 000 kr/mån", "SE", (45000, 45000, "SEK", "month")),
    ("Lønn 650 000 kr i året", "NO", (650000, 650000, "NOK", "year")),
    ("Salary: R350 000 - R450 000 per annum", "ZA", (350000, 450000, "ZAR", "year")),
    ("月薪 ¥15,000-20,000", "CN", (15000, 20000, "CNY", "month")),
    ("€3.500 monthly", "AU", (3500, 3500, "EUR", "month")),  # a sign of another country's is that country's
    # pay named with no currency written: the country's
    ("Salary: 40,000 to 50,000 per month", "IN", (40000, 50000, "INR", "month")),
    ("Retribuzione: 30-35k RAL", "IT", (30000, 35000, "EUR", "year")),
    ("Gaji: 3,500 - 4,500", "MY", (3500, 4500, "MYR", "month")),
    ("8千-1.2万/月", "CN", (8000, 12000, "CNY", "month")),  # thousands and ten-thousands in Chinese
    ("Hourly Rate: 25.00 - 30.00", "US", (25, 30, "USD", "hour")),
])
def test_a_countrys_own_sign_is_its_currency(text, country, expected):
    salary = parse_salary(text, country)
    assert (salary.min, salary.max, salary.currency, salary.period) == expected


def test_a_local_sign_is_no_money_elsewhere():
    assert parse_salary("Lön: 45 000 kr/mån") is None  # 'kr' is Swedish, Norwegian, Danish or Icelandic: which is not known
    assert parse_salary("Skills: R 4.0, Python", "ZA") is None  # R the language, not a few rand
    assert parse_salary("$90,000", "US").currency == parse_salary("$90,000").currency == "USD"
    # a figure with no currency is money only after a word for pay, where the country is known
    assert parse_salary("Salary: 40,000 to 50,000 per month") is None
    assert parse_salary("We have 40,000 customers", "IN") is None and parse_salary("Salary: 3 years of experience", "IN") is None
    assert parse_salary("Success rate: 95", "US") is None  # a rate that is no pay


def test_where_the_job_is_says_which_dollar(matcher):
    def currency(location, remote=None):
        job = analyze_job({"id": "d", "title": "Data Analyst", "location": location, "remote": remote,
                           "description": "SQL and Python. Salary: $95,000 - $110,000 per year."}, matcher)
        return job.meta.salary.currency
    assert currency("Sydney NSW 2000") == "AUD" and currency("Toronto, ON") == "CAD" and currency("Austin, TX") == "USD"
    assert currency("Singapore") == "SGD" and currency("Auckland, New Zealand") == "NZD"
    assert currency("Canada", remote="Full") == "USD"  # a remote job's location is where its people may live


def test_a_postings_salary_field_is_pay_without_saying_so(matcher):
    def salary(field, location, description="SQL and Python."):
        job = analyze_job({"id": "f", "title": "Data Analyst", "location": location, "salary": field,
                           "description": description}, matcher)
        s = job.meta.salary
        return s and (s.min, s.max, s.currency, s.period)
    assert salary("VND 15 - 20 million", "Ho Chi Minh City, Vietnam") == (15e6, 20e6, "VND", "month")
    assert salary("3,500 - 4,500", "Kuala Lumpur, Malaysia") == (3500, 4500, "MYR", "month")  # the country's currency
    # in the description, the same words need pay named
    assert salary(None, "Ho Chi Minh City, Vietnam", "SQL. Our fund manages VND 15 - 20 million per client.") is None


@pytest.mark.parametrize("text, country, expected", [
    # worth $8,000 or more at the reference rates: a year's pay
    ("Salary: $85,000", None, (85000, "USD", "year")), ("€45.000 brutto", None, (45000, "EUR", "year")),
    ("¥5,000,000", "JP", (5e6, "JPY", "year")), ("Salary: R350 000", "ZA", (350000, "ZAR", "year")),
    # less: a month's, as these countries quote pay
    ("Gaji: RM 4,500", None, (4500, "MYR", "month")), ("Salário: R$ 5.000", None, (5000, "BRL", "month")),
    ("Fizetés: bruttó 480.000 Ft", "HU", (480000, "HUF", "month")), ("¥300,000", "JP", (300000, "JPY", "month")),
    ("Gaji Rp 8.000.000", None, (8e6, "IDR", "month")), ("Salary: R25 000", "ZA", (25000, "ZAR", "month")),
    ("Our range of compensation starts at 7000 USD dollars", None, (7000, "USD", "month")),
    # small: an hour's
    ("$25", None, (25, "USD", "hour")), ("¥1,200", "JP", (1200, "JPY", "hour")),
    ("Salary: AED 15,000 - 20,000", None, (15000, "AED", "month")),  # the dirham is pegged to the dollar
    # India states pay from a lakh by the year (about $5,700 here), a month's below it
    ("Salary: INR 3,00,000 - 5,00,000", None, (300000, "INR", "year")), ("CTC: ₹5,00,000", None, (500000, "INR", "year")),
    ("Rs. 4.5 lakhs", None, (450000, "INR", "year")), ("Salary: INR 500,000", None, (500000, "INR", "year")),
    ("Salary ₹25,000", None, (25000, "INR", "month")), ("Rs 1,50,000 per month", None, (150000, "INR", "month")),
    # a currency with no reference rate is read at its rough worth: 15 million naira is about $10,000, 350,000 about $230
    ("₦15,000,000", None, (15e6, "NGN", "year")), ("Salary: NGN 350,000", None, (350000, "NGN", "month")),
    ("Salary PKR 150,000", None, (150000, "PKR", "month")), ("Salary: VND 15 million", None, (15e6, "VND", "month")),
])
def test_a_figure_that_says_no_period_is_read_by_its_size(text, country, expected):
    salary = parse_salary(text, country)
    assert (salary.min, salary.currency, salary.period) == expected


def test_money_converts_at_the_reference_rates_and_the_pegs():
    usd_in_eur = exchange.convert(1, "USD", "EUR")
    assert 0.5 < usd_in_eur < 1.5 and exchange.convert(100, "EUR", "EUR") == 100
    assert exchange.convert(3.6725, "AED", "USD") == pytest.approx(1.0)  # pegged: 3.6725 dirhams to the dollar
    assert exchange.convert(655.957, "XOF", "EUR") == pytest.approx(1.0)
    assert exchange.convert(1, "EUR", "AED") == pytest.approx(3.6725 / usd_in_eur)
    assert exchange.convert(1, "NGN", "USD") is None and exchange.convert(1, None, "USD") is None
    assert {"USD", "JPY", "AED"} <= exchange.currencies() and "NGN" not in exchange.currencies()
    # a currency with no rate still has a rough worth, to judge a figure's size by, never to convert money with
    assert 100 < exchange.rough_usd(350_000, "NGN") < 500 and exchange.rough_usd(100, "EUR") == exchange.convert(100, "EUR", "USD")
    assert exchange.rough_usd(100, "XYZ") is None


def test_no_salary_is_none():
    assert parse_salary("Competitive pay and 5 years of experience") is None


def test_canonical_url_drops_tracking():
    assert canonical_url("HTTPS://Example.com/jobs/1/?utm_medium=x&ref=y&page=2#top") == "https://example.com/jobs/1?page=2"


def test_abilities_are_linked_and_employer_sections_ignored(matcher):
    job = analyze_job({"id": "a", "title": "Engineering Manager", "description": (
        "What you will do:\n"
        "- Lead a team of six engineers\n"
        "- Analyse business requirements with product owners\n"
        "Benefits:\n"
        "- Python training budget and Kubernetes conference tickets\n"
    )}, matcher)
    wording = {k: s.name for s in job.skills for k in s.keywords}
    assert "Lead a team of six engineers" in wording  # the posting's own clause, linked to a competence
    assert "Analyse business requirements with product owners" in wording
    ids = {s.id for s in job.meta.required_skills}
    assert not ids & {"python", "kubernetes"}  # what the employer offers is not asked of candidates


@pytest.mark.parametrize("description, asked, not_asked", [
    # 'The Business', 'Who We Are', 'Why us?' and the interview process describe the employer; 'Who we are looking
    # for' and 'What we value' head what is asked
    ("The Business\n"
     "We are a team of 40 combining Marketing, Sales, Customer Services, Design and Data.\n"
     "Who we are looking for\n"
     "- Experience with Ruby on Rails and PostgreSQL\n"
     "What we value:\n"
     "- Familiarity with Git\n"
     "Why us?\n"
     "We enable data-driven leadership and offer Kubernetes training.\n"
     "Interview Process\n"
     "- Intro call with the recruiting team\n",
     {"Ruby on Rails", "PostgreSQL", "Git"}, {"Marketing", "Sales", "Customer Service", "Leadership", "Kubernetes", "Recruiting"}),
    # job boards head the candidate's part 'About You' after 'About <Company>', and a section's emoji ends its heading
    ("About Acme\n"
     "We sell to e-commerce brands and run our own Kubernetes cluster.\n"
     "About You\n"
     "- You model data in Snowflake with dbt and Python\n"
     "Your Mission ⚡\n"
     "- Keep our Git history clean\n"
     "What's in it for you?\n"
     "- A Salesforce certification course and a yoga budget\n",
     {"Snowflake", "Python", "Git"}, {"E-commerce", "Kubernetes", "Salesforce"}),
])
def test_the_company_s_own_sections_ask_for_nothing(matcher, description, asked, not_asked):
    job = analyze_job({"id": "a", "title": "Developer", "description": description}, matcher)
    names = {s.name for s in job.meta.required_skills + job.meta.preferred_skills}
    assert asked <= names
    assert not names & not_asked


def test_web_and_email_addresses_name_no_skill(matcher):
    # job boards end nearly every posting with a link to apply: its 'https' is no HTTP skill, a domain no language
    job = analyze_job({"id": "a", "title": "Support Engineer", "description": (
        "You will answer customer tickets and write Python scripts.\n"
        "Apply today! https://www.example.com/go/ruby-jobs?u=1062055\n"
        "Questions: jobs@rust-works.io\n"
    )}, matcher)
    names = {s.name for s in job.meta.required_skills + job.meta.preferred_skills}
    assert "Python" in names
    assert not names & {"HTTP", "Ruby", "Rust", "Go"}
    asked = analyze_job({"id": "b", "title": "Backend Engineer",
                         "description": "You know HTTP and REST APIs well; see https://example.com/apply"}, matcher)
    assert "HTTP" in {s.name for s in asked.meta.required_skills}  # named as a skill, it is one


def test_only_a_clause_stating_an_action_is_linked_to_a_competence(matcher):
    """A competence's alternative label that opens with a noun ('technical skills', 'team building') is no
    action: a heading or a noun phrase that shares its words is not that competence."""
    find = matcher.abilities.find
    assert not find("Technical skills and requirements")
    assert not find("Team building activities")
    assert [a.skill.id for a in find("Lead a team of six engineers")] != []


def test_what_the_company_says_it_is_asks_no_skill(matcher):
    """'Acme is a fast-growing SaaS company' says what the employer is, not what the hire needs: it asked for Cloud
    Computing in 5 of the shared feed postings, 'We are a fintech team' for Financial Services. The sentence stops
    being the company's where it turns to the hire, and a sentence about the role or a skill is no company's. The
    language or framework a team says it writes is still asked."""
    def asked(description: str) -> set[str]:
        job = analyze_job({"id": "c", "title": "Customer Success Manager", "description": description}, matcher)
        return {s.name for s in [*job.meta.required_skills, *job.meta.preferred_skills]}

    assert "SaaS" not in asked("Brightloop is a fast-growing B2B SaaS company. You know Salesforce.")
    assert "Salesforce" in asked("Brightloop is a fast-growing B2B SaaS company. You know Salesforce.")
    assert "Financial Services" not in asked("We are a FinTech team passionate about helping small businesses grow.")
    # the company names itself, then says what it is
    assert "photography" not in asked("Hi! We're Pixellu, a software company on a mission to take the work out of "
                                      "running a photography business. You know Zendesk.")
    assert "Marketing" not in asked("We're SimpleTexting, an SMS marketing and business texting platform.")
    assert "Zendesk" in asked("We are Pixellu, a software company for photographers. You know Zendesk.")
    assert "Cloud Computing" in asked("We are hiring, a SaaS company or not: you know cloud computing.")
    assert "SaaS" in asked("Experience selling SaaS to enterprise customers.")  # asked of the hire
    assert "Ruby on Rails" in asked("We are a fully remote team looking for an experienced Ruby on Rails developer.")
    assert {"Linux", "Ruby"} <= asked("We are a team of Ruby enthusiasts, however you would need strong Linux skills.")
    assert "Django" in asked("We are a Django agency building websites for museums.")  # the hire will write it
    assert "Apache Airflow" in asked("The Data Engineer is a key member of our data platform team, building Airflow pipelines.")
    assert "Python" in asked("Python is a plus.")


def test_an_invitation_to_look_at_the_company_asks_no_skill(matcher):
    """'Follow us on Twitter and LinkedIn' asked the hire for Twitter and LinkedIn, and 'YouTube Playlist', the label of
    a link in Clevertech's postings, asked seven developers for YouTube. An invitation runs to the end of its sentence;
    visiting clients, watching game videos and the language a team shows on GitHub are still asked."""
    def asked(description: str) -> set[str]:
        job = analyze_job({"id": "i", "title": "Backend Engineer", "description": description}, matcher)
        return {s.name for s in [*job.meta.required_skills, *job.meta.preferred_skills]}

    assert asked("Follow us on Twitter and LinkedIn. Check out our GitHub. You know Python.") == {"Python", "Backend Development"}
    assert "YouTube" not in asked("Straight from the Devs\nWatch short snippets of actual developers (Real, not scripted) "
                                  "share why they joined YouTube Playlist\nYou know Django.")
    assert "Instagram" not in asked("Visit our website or like us on Instagram!")
    assert "Substack" not in asked("Read more on our Substack, over here.")
    # a duty is no invitation
    assert "Cisco" in asked("Visit our clients to install Cisco routers.")
    assert "Microsoft Excel" in asked("Watch game videos and tag events in Excel.")
    # and the invitation ends with its sentence
    assert "Kubernetes" in asked("Follow us on Twitter. You run Kubernetes in production.")
    assert "Communication" in asked("You'll find us in places that foster self-discipline and open communication.")
    assert "Rust" in asked("Check out our open-source Rust crates on GitHub.")  # the language the hire will write


def test_a_word_of_the_employers_name_is_no_skill(matcher):
    """'Hack Reactor is a school for software engineers' asked a mentor for the Hack language, 'the Rainforest QA
    dashboard' an engineer for quality assurance. A name of one word may be the product the hire works with."""
    def asked(company: str, description: str) -> set[str]:
        job = analyze_job({"id": "e", "title": "Lead Mentor", "company": company, "description": description}, matcher)
        return {s.name for s in [*job.meta.required_skills, *job.meta.preferred_skills]}

    assert asked("Hack Reactor, Inc.", "Hack Reactor is a school for software engineers.\n- Pair programming") \
        == {"Pair Programming"}
    assert "Quality Assurance" not in asked("Rainforest QA", "Work on the Rainforest QA dashboard in React.")
    assert "Quality Assurance" in asked("Acme Labs", "Work on the Acme Labs dashboard. 3 years of QA experience.")
    assert "Salesforce" in asked("Salesforce", "Salesforce is hiring. You know Salesforce Apex.")


def test_a_duty_the_hire_is_responsible_for_is_the_ability_asked_not_responsibility(matcher):
    """'You will be responsible for managing our roadmap' frames a duty: the clause is 'managing our roadmap', and
    it asks for no ESCO 'assume responsibility' (whose label 'be responsible' it shared a word with). A sense of
    responsibility asked for is still that skill."""
    clauses = matcher.abilities.clauses
    for text in ("You will be responsible for managing our product roadmap",
                 "You'll be responsible for managing our product roadmap", "Be accountable for managing our product roadmap",
                 "You will be responsible and accountable for managing our product roadmap"):
        assert [text[s:e] for s, e in clauses(text)] == ["managing our product roadmap"]
    posting = analyze_job({"id": "d", "title": "Product Marketer", "description": (
        "You will be responsible for running experiments across our paid and owned marketing channels.\n"
        "You'll be responsible for writing new articles and tutorials.\n"
        "You will be responsible and accountable for the SEO performance of the website.\n"
        "As a marketer, you will be responsible for—but not limited to—implementation and testing.")}, matcher)
    assert "assume responsibility" not in {s.name for s in posting.meta.required_skills}
    posting = analyze_job({"id": "e", "title": "Account Manager", "description": "- Strong sense of responsibility"}, matcher)
    assert "assume responsibility" in {s.name for s in posting.meta.required_skills}


def test_a_word_is_no_stopword_because_its_key_is_one(matcher):
    """'news' compares as 'new', a stopword: 'collaborate with news teams' (a journalist's competence) lost its
    'news' and every software team's 'collaborate with cross-functional teams' was linked to it."""
    find = matcher.abilities.find
    linked = {a.skill.name for text in ("Collaborate with cross-functional teams to ship features",
                                        "Collaborate closely with our engineering team",
                                        "Stay up-to-date with technologies so you can suggest improvements")
              for a in find(text)}
    assert not {name for name in linked if "news" in name}
    assert "work closely with news teams" in {a.skill.name for a in find("Collaborate with news teams on the evening bulletin")}



def test_a_clause_is_not_linked_to_a_narrower_kind_of_what_it_says(matcher):
    """A label that sets a word before one the clause shares names a narrower kind: a software posting's 'follow
    best practices' is no 'follow healthcare best practices', its 'identify and resolve issues' no lighting
    engineer's 'identify and resolve lighting issues', a help desk's 'provide customer support' no vet's."""
    find = matcher.abilities.find
    linked = {a.skill.name for text in ("You follow best practices and conventions;",
                                        "Engineers identify and resolve issues quickly",
                                        "Provide technical support to our customers",
                                        "Conducting market research")
              for a in find(text)}
    assert not {name for name in linked if any(w in name for w in ("healthcare", "lighting", "veterinary", "jewellery"))}
    # the label's every word said, it is linked as before
    assert "identify and resolve lighting issues" in {
        alias for a in find("Identify and resolve lighting issues on stage") for alias in (a.skill.name, *a.skill.aliases)}
def test_a_clause_goes_to_the_competence_it_names_most_fully_under_any_hash_seed():
    """Two labels covering a clause alike: the one that says more of it wins, in every process (the order of a
    set of strings changes with PYTHONHASHSEED, and with it which of two equal labels came first)."""
    import os
    import subprocess
    import sys

    code = ("from jobfit.taxonomy import shared_matcher\n"
            "print([a.skill.name for a in shared_matcher().abilities.find('- maintain privacy of service users')])")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in (1, 2, 3)}
    assert seen == {"['maintain privacy of service users']"}


def test_abilities_joined_by_to_by_or_run_on_are_separate_clauses(matcher):
    clauses = matcher.abilities.clauses
    text = "Speak with data to make decisions and set the direction"
    assert [text[s:e] for s, e in clauses(text)] == ["Speak with data", "make decisions and set the direction"]
    text = "Live and breathe DevOps by improving our infrastructure"
    assert [text[s:e] for s, e in clauses(text)] == ["Live and breathe DevOps", "improving our infrastructure"]
    text = "Design the data model side Work with product teams"  # run-on text: the second clause keeps its verb
    assert [text[s:e] for s, e in clauses(text)] == ["Design the data model side", "Work with product teams"]
    assert clauses("Our mission is to solve big global problems") == []  # the company's purpose, asked of nobody
    text = "You will be able to learn fast"
    assert [text[s:e] for s, e in clauses(text)] == ["be able to learn fast"]


def test_postings_expire_by_stated_validity_or_publication_plus_ttl(matcher):
    from jobfit.jobs import expiry

    assert expiry({"valid_through": "2026-12-31", "date": "2026-01-01"}) == "2026-12-31"
    assert expiry({"date": "2026-11-01"}, ttl_days=30) == "2026-12-01"
    assert expiry({"fetch_date": "2026-11-22"}, ttl_days=10) == "2026-12-02"  # no date: from when it was fetched
    job = analyze_job({"id": "x", "title": "Nurse", "date": "2026-11-01", "description": "Care."}, matcher, ttl_days=30)
    assert job.meta.expires == "2026-12-01"


def test_unstated_salaries_get_a_suggestion_from_similar_postings(matcher):
    from jobfit.jobs import suggest_salaries
    from jobfit.schema import JobPosting

    def posting(n, salary=None, seniority="mid-senior", isco="2512", currency="EUR"):
        return JobPosting.model_validate({
            "id": f"p{n}", "title": "Software developer", "location": "Berlin, Germany", "remote": "None",
            "meta": {"seniority": seniority, "occupation": {"id": "software-developer", "isco_group": isco},
                     "salary": {"min": salary, "max": salary, "currency": currency, "period": "year", "annualized_min": salary,
                                "annualized_max": salary, "stated": True} if salary else None}})

    market = [posting(n, 60000 + 5000 * n) for n in range(8)]  # 60k … 95k
    asked, other = posting(100), posting(101, isco="2221")
    done = {j.id: j for j in suggest_salaries([asked, other, market[0]], market)}
    suggestion = done["p100"].meta.salary_suggestion
    assert suggestion.currency == "EUR" and 60000 < suggestion.min < suggestion.max < 95000
    assert suggestion.sample_size == 8 and "2512" in suggestion.basis and done["p100"].meta.salary is None  # never 'stated'
    assert done["p101"].meta.salary_suggestion is None  # no nurses in the market: no guess
    assert done["p0"].meta.salary_suggestion is None  # a stated salary needs no suggestion
    # three in euros and two in francs make a sample of five, in euros, the francs at the reference rates
    eur_per_chf = exchange.convert(1, "CHF", "EUR")
    mixed = [posting(n, 70000) for n in range(3)] + [posting(n + 3, round(70000 / eur_per_chf), currency="CHF") for n in range(2)]
    pooled = suggest_salaries([posting(100)], mixed)[0].meta.salary_suggestion
    assert (pooled.currency, pooled.sample_size) == ("EUR", 5) and pooled.min == pooled.max == 70000


def test_board_estimates_are_not_stated_salaries_and_remote_regions_are_kept(matcher):
    job = analyze_job({"id": "g", "title": "Data Scientist", "salary": "$53K-$91K (Glassdoor est.)",
                       "location": "USA or Canada", "remote": "Full", "description": "Python."}, matcher)
    assert job.meta.salary.min == 53000 and job.meta.salary.stated is False
    assert job.meta.regions_allowed == ["USA", "Canada"]
    assert parse_salary("EUR 60.000 - 70.000 per year").stated is True


def test_pay_in_the_title_is_the_salary_and_whom_the_job_serves_sets_no_level(matcher):
    job = analyze_job({"id": "t", "title": "Senior Executive Assistant to the CEO (up to $100k per year depending on location)",
                       "description": "Manage the CEO's calendar and travel. Perks: $1,000 home office stipend."}, matcher)
    assert (job.meta.salary.min, job.meta.salary.period, job.meta.salary.stated) == (100000, "year", True)
    assert job.meta.seniority == "mid-senior"  # a senior assistant's job, not the CEO's
    assert analyze_job({"id": "t", "title": "Chief of Staff to the CEO", "description": "Run the office."},
                       matcher).meta.seniority == "executive"


@pytest.mark.parametrize("sentence, regions", [
    ("This fully remote role is open to candidates in the EU (CET ± 3 hours).", ["EU"]),
    ("You must be based in the US or Canada.", ["US", "Canada"]),
    ("US-based applicants only, please.", ["US"]),
    ("Applicants must be eligible to work in the U.S. without sponsorship.", ["US"]),
    ("We are a London-based team with offices in Berlin.", []),  # where the company is, not where its people must be
    ("Work from anywhere in the world.", []),
])
def test_a_remote_job_without_a_location_takes_the_regions_its_text_asks_for(matcher, sentence, regions):
    job = analyze_job({"id": "r", "title": "Backend Engineer (Remote)", "description": f"Build APIs in Go. {sentence}"}, matcher)
    assert job.remote == "Full" and job.meta.regions_allowed == regions
    # a location that names a region says it first
    job = analyze_job({"id": "r", "title": "Backend Engineer", "location": "USA or Canada", "remote": "Full",
                       "description": f"Build APIs in Go. {sentence}"}, matcher)
    assert job.meta.regions_allowed == ["USA", "Canada"]


def _wording(matcher, title: str, description: str) -> dict[str, list[str]]:
    """Each skill of the analyzed posting with the wordings kept for it."""
    job = analyze_job({"id": "w", "title": title, "description": description}, matcher)
    return {s.name: s.keywords for s in job.skills}


def test_a_skill_inside_an_action_clause_keeps_the_clause_as_its_wording(matcher):
    wording = _wording(matcher, "Frontend Developer", (
        "Developing new backend services in Python and Django\n"
        "Write and maintain technical documentation\n"
        "Have 3+ years of Kotlin experience\n"
        "Good knowledge of the German language\n"
    ))
    assert "Developing new backend services in Python and Django" in wording["Django"]
    assert "Write and maintain technical documentation" in wording["Technical Documentation"]
    assert wording["Kotlin"] == ["Kotlin"]  # a verb of having names no action: the skill's own words
    assert wording["German"] == ["German"]  # nor does a noun phrase


def test_a_batch_of_postings_gives_each_what_it_gets_alone(matcher):
    # the clauses of a batch are tagged together: each posting keeps its own, in order, whatever the others hold
    postings = [
        {"id": "a", "title": "Frontend Developer", "description": "Developing new backend services in Python and Django\n"
                                                                 "Have 3+ years of Kotlin experience\n"},
        {"id": "b", "title": "Clerk", "description": "We offer a gym.\nAbout us: a bank."},  # no clause at all
        {"id": "c", "title": "Writer", "description": "Good knowledge of Markdown\n"
                                                     "Write and maintain technical documentation in Markdown\n"},
    ]
    alone = [analyze_job(raw, matcher) for raw in postings]
    together = analyze_jobs(list(reversed(postings)), matcher)[::-1]
    assert [job.skills for job in together] == [job.skills for job in alone]
    words = {s.name: s.keywords for s in together[2].skills}
    assert "Write and maintain technical documentation in Markdown" in words["Technical Documentation"]
    assert not any("Developing" in w for s in together[2].skills for w in s.keywords)


def test_a_posting_s_abbreviation_means_what_its_other_skills_point_to(matcher):
    retail = _wording(matcher, "Store Cashier", "Run the POS and the cash register\nCustomer service and merchandising\n")
    assert "Point of sale POS software" in retail and "blockchain consensus mechanisms" not in retail
    coding = _wording(matcher, "Medical Coder", "Assign ICD-10 and CPT codes\nKnowledge of medical terminology and HCPCS\n")
    assert "Current procedural terminology CPT software" in coding and "cable-propelled transit" not in coding


def test_a_head_noun_after_a_skill_stays_in_its_wording(matcher):
    wording = _wording(matcher, "Developer", (
        "You know Agile practices and AWS services.\n"
        "Strong communication skills and experience with machine learning techniques.\n"
        "JavaScript React HTML and CSS\n"
    ))
    assert "Agile practices" in wording["Agile"]
    assert "AWS services" in wording["Amazon Web Services"]
    assert "communication skills" in wording["Communication"]
    assert "machine learning techniques" in wording["Machine Learning"]
    # 'React' opens the line as a name, not as a verb of action: the line is no clause asking an action
    assert wording["React"] == ["React"] and wording["CSS"] == ["CSS"]


def test_the_fields_of_a_degree_asked_keep_the_degree_as_their_wording(matcher):
    wording = _wording(matcher, "Data Scientist", (
        "A Bachelor's or Master's degree in Computer Science, Physics or a related field.\n"
        "You show a high degree of personal responsibility.\n"
    ))
    assert "Bachelor's or Master's degree in Computer Science, Physics" in wording["computer science"]
    assert "Bachelor's or Master's degree in Computer Science, Physics" in wording["physics"]
    assert not [k for keywords in wording.values() for k in keywords if k.startswith("degree of")]  # an extent


def test_a_paragraph_run_on_into_the_perks_keeps_the_skills_asked_before_them(matcher):
    # job boards that strip the line breaks leave requirements and perks in one paragraph
    job = analyze_job({"id": "r", "title": "Backend Developer", "description": (
        "Your profile: 3+ years with Python and MySQL, fluent in English We offer free Kubernetes courses and a gym\n"
        "Job benefits: yoga, Scala workshops Company description: we build mobile apps on Docker Requirements: Java, Git\n"
        "You know SQL Application deadline: 1 March, send your Rust code\n"
        "We would like to receive your application soon as we are recruiting on an ongoing basis\n"
    )}, matcher)
    names = {s.name for s in job.skills}
    assert {"Python", "MySQL", "English", "Java", "Git", "SQL"} <= names
    assert not {n.lower() for n in names} & {"kubernetes", "scala", "yoga", "docker", "mobile development", "rust",
                                             "process applications"}


def test_hiring_boilerplate_names_no_skill_and_slashed_pairs_keep_their_wording(matcher):
    job = analyze_job({"id": "b", "title": "Backend Developer", "description": (
        "You know C#/.NET and Unix/Linux.\n"
        "We are an equal opportunity employer and do not discriminate on race, marital status, pregnancy or disability.\n"
        "We use our assessment platform to make sure we make the best hiring decisions faster and bias-free.\n"
        "Application procedure\n"
        "Send a list of your publications and your Python code samples.\n"
        "You get possibilities for personal development and Kubernetes training.\n"
        "The recruitment process includes a Docker test; if you have questions about Scala, call us.\n"
    )}, matcher)
    wording = {k: s.name for s in job.skills for k in s.keywords}
    assert {"C#/.NET", "Unix/Linux"} <= set(wording)  # the pair as written, beside each name
    assert {"C#", "Linux"} <= set(wording)
    names = {s.name.lower() for s in job.skills}
    assert not names & {"pregnancy", "python", "personal development", "kubernetes", "docker", "scala", "recruiting",
                        "decision making"}


def test_a_budget_or_stipend_for_growth_is_a_perk_not_an_ask(matcher):
    """'Personal development stipend: $1000 per year' is something the employer gives, outside any benefits heading
    too; an interest in personal development is still the candidate's."""
    def asked(description: str) -> set[str]:
        return {s.name.lower() for s in analyze_job({"id": "p", "title": "Designer", "description": description}, matcher).skills}

    for perk in ("- Personal development stipend: $1000 per year to focus on bettering yourself",
                 "- Annual personal development budget of €800 for conferences, courses, books",
                 "- Professional development funds for Python courses"):
        assert not asked(perk) & {"personal development", "python"}, perk
    assert "personal development" in asked("- A strong interest in personal development")
    assert "microsoft excel" in asked("- Manage the development budget in Excel")


def test_how_the_employer_follows_up_an_application_asks_nothing(matcher):
    job = analyze_job({"id": "p", "title": "Analyst", "description": (
        "- We'll follow up by email with any questions we have about your application, usually around logistics, "
        "your ambitions and your expectations\n- Fluent in SQL")}, matcher)
    assert {s.name for s in job.skills} == {"SQL"}


@pytest.mark.parametrize("description, asked", [
    ("Requirements:\n- BS/MS/PhD in Computer Science or a related field", "bachelor"),
    ("Requirements:\n- Bachelor's degree required; Master's preferred", "bachelor"),
    ("Requirements:\n- High School Diploma or GED\n- 8+ years of development", "secondary"),
    ("Requirements:\n- PhD in Physics or Chemistry", "doctorate"),
    ("Requirements:\n- MS in Statistics", "master"),
    # a degree with no level named is a first degree ("a 2:1 degree", as UK employers ask for one)
    ("Requirements:\n- You will have a 2:1 degree in Computer Science", "bachelor"),
    ("Requirements:\n- A university degree in economics or a related field", "bachelor"),
    ("Requirements:\n- You work with a high degree of autonomy and a degree of patience", None),
    # words that name no degree: a craft, a git branch, a shouted 'be', a certificate of a server
    ("Master the art of selling. Every pull request is reviewed before it lands in master.\n"
     "TO BE CONSIDERED FOR THIS ROLE, APPLY BELOW\nYou renew SSL certificates.", None),
    # what the employer offers is not what it asks
    ("Requirements:\n- Python\nBenefits:\n- We pay for your Master's degree", None),
    # the least level, whatever language names each: a school-leaving diploma, 'Bac+5' a plus
    ("Requirements:\n- High School Diploma\n- Bac+5 is a plus", "secondary"),
    # the Dutch school levels as a Dutch posting asks them, not HBO the network nor VWO the testing tool
    ("Wat vragen wij:\n- HBO werk- en denkniveau", "bachelor"),
    ("Wat vragen wij:\n- Een afgeronde mbo-opleiding", "certificate"),
    ("Requirements:\n- Experience with Google Optimize, VWO and Optimizely\n- Our clients include HBO Max", None),
])
def test_the_education_a_posting_asks_is_the_least_it_accepts(matcher, description, asked):
    """A candidate with a bachelor's is not short of 'BS/MS/PhD'; the match's education part reads this level."""
    job = analyze_job({"id": "e", "title": "Engineer", "description": description}, matcher)
    assert job.meta.education_level == asked


GERMAN = """Wir suchen ab sofort eine/n Senior Data Engineer in Vollzeit, unbefristet.

Deine Aufgaben:
- Aufbau von Datenpipelines mit Python und Airflow

Dein Profil:
- Abgeschlossenes Studium der Informatik
- Mindestens 5 Jahre Berufserfahrung im Data Engineering
- Wünschenswert: Erfahrung mit Kafka

Wir bieten:
- 65.000 – 80.000 € brutto im Jahr
- Homeoffice möglich
- Ein Budget für Docker-Schulungen"""


@pytest.mark.parametrize("title, description, expected", [
    ("Senior Data Engineer (m/w/d)", GERMAN,
     {"type": "full-time", "remote": "Hybrid", "years": 5, "education": "bachelor", "salary": (65000, 80000),
      "required": {"python", "airflow"}, "preferred": {"kafka"}, "seniority": "mid-senior"}),
    ("Werkstudent (m/w/d) Marketing", "Teilzeit, 20 Stunden pro Woche. Vergütung: 15 € pro Stunde. Remote nicht möglich.",
     {"type": "internship", "remote": "None", "seniority": "internship", "salary": (15, 15)}),
    ("Développeur Full Stack H/F - CDI", "Poste en CDI, temps plein, télétravail partiel. Salaire : 45 000 € à 55 000 € "
     "brut annuel. Bac+5 en informatique, 3 ans d'expérience minimum en React.",
     {"type": "full-time", "remote": "Hybrid", "years": 3, "education": "master", "salary": (45000, 55000)}),
    ("Stage - Assistant Marketing (6 mois)", "Stage de 6 mois. Gratification : 1 200 € par mois.",
     {"type": "internship", "seniority": "internship", "salary": (1200, 1200)}),
    ("Desarrollador Backend Java", "Contrato indefinido, jornada completa. 100% remoto desde España. Grado en Ingeniería "
     "Informática, 4 años de experiencia con Java.",
     {"type": "full-time", "remote": "Full", "years": 4, "education": "bachelor", "not_skills": {"informetica"}}),
    # Brazil's 'Pleno' and the Netherlands' 'Medior' are between junior and senior
    ("Desenvolvedor Python Pleno", "Regime: CLT, tempo integral. Modelo híbrido (3 dias no escritório). Requisitos: 3 anos "
     "de experiência com Python e Django, SQL. Desejável: AWS. Formação superior completa em Ciência da Computação. "
     "Salário: R$ 8.000 a R$ 10.000 por mês.",
     {"type": "full-time", "remote": "Hybrid", "years": 3, "education": "bachelor", "salary": (8000, 10000),
      "required": {"python", "django", "sql"}, "preferred": {"aws"}, "seniority": "associate"}),
    ("Estágio em Marketing Digital", "Estágio de 6 meses, meio período. Ensino médio completo.",
     {"type": "internship", "education": "secondary", "seniority": "internship"}),
    ("Medior Java Developer", "Fulltime (40 uur). Hybride: 2 dagen thuiswerken. Wat vragen wij: minimaal 3 jaar ervaring met "
     "Java, HBO werk- en denkniveau. Salaris: € 4.000 - € 5.500 bruto per maand.",
     {"type": "full-time", "remote": "Hybrid", "years": 3, "education": "bachelor", "salary": (4000, 5500),
      "seniority": "associate"}),
    ("Starszy programista Java", "Umowa o pracę, pełny etat, praca zdalna. Wymagania: minimum 5 lat doświadczenia w Java, "
     "Spring. Wykształcenie wyższe techniczne. Mile widziane: Kubernetes. Wynagrodzenie: 18 000 - 24 000 zł brutto miesięcznie.",
     {"type": "full-time", "remote": "Full", "years": 5, "education": "bachelor", "salary": (18000, 24000),
      "required": {"java"}, "preferred": {"kubernetes"}, "seniority": "mid-senior"}),
    ("Młodszy specjalista ds. marketingu", "Kontrakt B2B. Praca hybrydowa.",
     {"type": "contract", "remote": "Hybrid", "seniority": "entry"}),
    # Malay and Indonesian, with Indonesia's levels only where a posting asks them (not D3.js)
    ("Eksekutif Akaun", "Jenis pekerjaan: Sepenuh masa. Kelayakan: Ijazah Sarjana Muda dalam Perakaunan. "
     "Sekurang-kurangnya 2 tahun pengalaman. Gaji: RM 3,500 - RM 4,500 sebulan.",
     {"type": "full-time", "years": 2, "education": "bachelor", "salary": (3500, 4500)}),
    ("Staff Admin", "Paruh waktu. Pendidikan minimal D3/S1. Pengalaman minimal 1 tahun. Kerja dari rumah.",
     {"type": "part-time", "remote": "Full", "years": 1, "education": "associate"}),
    ("Data Visualization Engineer", "Full-time. You build charts with D3 and React on our S1 servers.",
     {"type": "full-time"}),
    # the Dutch 'een pré' is a plus; the French 'Pré-requis' is what is required
    ("Développeur Python H/F", "CDI. Pré-requis : Python et Django. Kubernetes est un plus.",
     {"type": "full-time", "required": {"python", "django"}, "preferred": {"kubernetes"}}),
    ("Python Developer", "Fulltime. Vereist: Python. Kennis van Kubernetes is een pré.",
     {"type": "full-time", "required": {"python"}, "preferred": {"kubernetes"}}),
])
def test_postings_in_german_french_and_spanish_are_read_as_english_ones(matcher, title, description, expected):
    """Before, these had no employment type, years or education asked; 'Remote nicht möglich' made a job remote,
    '1 200 € par mois' a yearly salary of 1,200 and 'Informática' an Informetica skill."""
    job = analyze_job({"id": "1", "title": title, "description": description}, matcher)
    meta = job.meta
    assert meta.employment_type == expected["type"]
    assert job.remote == expected.get("remote", "None")
    assert meta.years_required == expected.get("years")
    assert meta.education_level == expected.get("education")
    assert (meta.salary.min, meta.salary.max) == expected["salary"] if "salary" in expected else meta.salary is None
    if "seniority" in expected:
        assert meta.seniority == expected["seniority"]
    required, preferred = {s.id for s in meta.required_skills}, {s.id for s in meta.preferred_skills}
    assert expected.get("required", set()) <= required and expected.get("preferred", set()) <= preferred
    assert "docker" not in required | preferred  # 'Wir bieten' is what the employer offers
    assert not expected.get("not_skills", set()) & (required | preferred)


def test_the_languages_a_posting_asks_in_its_own_language(matcher):
    job = analyze_job({"id": "1", "title": "Projektmanager (m/w/d)", "description": "Dein Profil:\n"
                       "- Sehr gute Deutsch- und Englischkenntnisse\n- Französisch von Vorteil"}, matcher)
    required = {s.id: s.evidence for s in job.meta.required_skills}
    assert required["german"] == ["Deutsch"] and required["english"] == ["Englischkenntnisse"]
    assert [s.id for s in job.meta.preferred_skills] == ["french"]
    # a word English uses too names no language: a place, a surname
    english = analyze_job({"id": "2", "title": "Driver", "description": "Based in Chino, CA. Apply at Russo Logistics."}, matcher)
    assert not [s for s in english.meta.required_skills if s.category == "languages"]


@pytest.mark.parametrize("text", ["This is not a remote position.", "No remote work: you join us in Leeds.",
                                  "Kein Homeoffice", "Pas de télétravail"])
def test_a_posting_that_rules_out_remote_work_is_on_site(matcher, text):
    assert analyze_job({"id": "1", "title": "Engineer", "description": text}, matcher).remote == "None"


@pytest.mark.parametrize("location", ["Anywhere in the World", "Remote - Worldwide", "Americas, Europe"])
def test_a_job_done_from_anywhere_is_remote_whatever_its_company_calls_itself(matcher, location):
    job = analyze_job({"id": "1", "title": "Recruiting Coordinator", "location": location,
                       "description": "Location: Work From Your Home on a Remote-First Team at a Hybrid Remote Company"},
                      matcher)
    assert job.remote == "Full"
    office = analyze_job({"id": "2", "title": "Recruiting Coordinator", "location": "Scottsdale, AZ",
                          "description": "A hybrid role: three days a week in our Scottsdale office"}, matcher)
    assert office.remote == "Hybrid"


def test_a_posting_in_a_country_named_in_its_own_language_pays_in_its_currency(matcher):
    """'kr' is the krona of Sweden, Norway, Denmark or Iceland: the posting's country says which. 'Göteborg, Sverige'
    named none before (a town with 'ö' and a country in Swedish), so the pay stated was lost."""
    job = analyze_job({"id": "1", "title": "Utvecklare", "location": "Göteborg, Sverige",
                       "description": "Lön: 45 000 kr per månad"}, matcher)
    assert (job.meta.salary.min, job.meta.salary.currency, job.meta.salary.period) == (45000, "SEK", "month")


def test_a_posting_in_chinese_japanese_or_korean_gives_the_skills_named_in_latin_letters_and_its_pay(matcher):
    """Before: no skill at all ('熟悉Python、SQL和Spark': a name glued to Chinese letters was one word with them, and so
    'PythonとSQLの経験', 'Python과 SQL을', and a name in full-width letters, 'Ｐｙｔｈｏｎ') and no pay ('薪资：20k-30k/月' wrote no
    currency)."""
    job = analyze_job({"id": "1", "title": "数据工程师", "location": "北京",
                       "description": "岗位要求：\n熟悉Python、SQL和Spark，3年以上数据仓库经验。\n薪资：20k-30k/月"}, matcher)
    assert {s.name for s in job.skills} == {"Python", "SQL", "Apache Spark"}
    assert (job.meta.salary.min, job.meta.salary.max, job.meta.salary.currency, job.meta.salary.period) == (20000, 30000, "CNY", "month")
    for text in ("PythonとSQLの経験が3年以上", "Python과 SQL을 사용한 경험", "必須スキル：Ｐｙｔｈｏｎ、ＳＱＬの経験"):  # full width too
        assert {s.name for s in analyze_job({"id": "2", "title": "Engineer", "description": text}, matcher).skills} == {"Python", "SQL"}
    assert parse_salary("薪资面议，2023年入职") is None  # pay to be agreed; a year


@pytest.mark.parametrize("location, regions", [
    ("New York, NY", ["New York, NY"]),  # one place: a city and its state
    ("Can Work from Home", []), ("remotely", []), ("Other (don’t specify)", []),  # how, or where not: no region
    ("USA, CST (UTC-6)", ["USA", "CST (UTC-6)"]), ("Europe, UK", ["Europe", "UK"]),
])
def test_a_remote_jobs_regions_are_places(matcher, location, regions):
    job = analyze_job({"id": "1", "title": "Support Engineer", "location": location, "remote": "Full",
                       "description": "Help our customers."}, matcher)
    assert job.meta.regions_allowed == regions
