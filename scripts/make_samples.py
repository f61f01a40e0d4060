"""Write the bundled sample data: fictional resumes (PDF, DOCX, TXT) for two tenants and an RSS feed.

Every person, company and posting here is invented by the jobfit project. Run once; the outputs are committed
so their sha256 (and so the sample profile ids) stay stable: `python scripts/make_samples.py`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent / "samples"

RESUMES = {
    ("acme", "maria_lopez.pdf"): """Maria Lopez
Senior Data Engineer
maria.lopez@example.com | +1 415 555 0142 | San Francisco, CA
linkedin.com/in/maria-lopez-example

Summary
Data engineer with eight years building batch and streaming pipelines for analytics and machine learning teams.

Experience
Senior Data Engineer at Bluebird Analytics | Mar 2020 - Present
- Built a Dagster and Apache Airflow platform moving 2 TB a day into Snowflake
- Cut warehouse cost by 35% with incremental models in SQL and dbt
Data Engineer at Harbor Logistics | Jun 2016 - Feb 2020
- Wrote Python ETL jobs on AWS (S3, Lambda) and PostgreSQL
- Ran Kafka streams for shipment tracking

Education
Master of Science in Computer Science, University of Washington, 2016

Skills
Python, SQL, PostgreSQL, Apache Spark, Kafka, Docker, Kubernetes, AWS, Terraform, Git

Languages
English (native), Spanish (fluent)
""",
    ("acme", "james_okafor.docx"): """James Okafor
Frontend Developer
james.okafor@example.com
+44 20 7946 0958
London, UK

Profile
Frontend developer who turns product designs into fast, accessible web applications.

Work Experience
Frontend Developer at Pixel & Pine | Jan 2021 - Present
- Rebuilt the customer dashboard in React and TypeScript, halving load time
- Introduced unit testing with Jest and end-to-end tests with Playwright
Junior Web Developer at Northgate Media | Sep 2019 - Dec 2020
- Built marketing pages with HTML, CSS and JavaScript

Education
Bachelor of Science in Software Engineering, University of Leeds, 2019

Skills
JavaScript, TypeScript, React, Node.js, HTML, CSS, Git, Figma, REST APIs, Agile
""",
    ("acme", "priya_raman.txt"): """Priya Raman
Machine Learning Engineer
priya.raman@example.com  |  +91 98765 43210  |  Bengaluru, India
github.com/priya-raman-example

SUMMARY
Machine learning engineer shipping NLP and recommendation models to production.

EXPERIENCE
Machine Learning Engineer, Lotus Commerce, Jul 2019 - Present
- Trained PyTorch ranking models that lifted click-through by 12%
- Served models with FastAPI and Docker on Google Cloud
Data Analyst, Meridian Bank, Aug 2017 - Jun 2019
- Built credit dashboards in Tableau and forecasting models with scikit-learn and pandas

EDUCATION
Bachelor of Technology in Electronics, National Institute of Technology, 2017

SKILLS
Python, PyTorch, TensorFlow, scikit-learn, NLP, SQL, Docker, GCP, Statistics, pandas
""",
    ("globex", "daniel_weber.pdf"): """Daniel Weber
Accountant
daniel.weber@example.com | +49 30 901820 | Berlin, Germany

Summary
Chartered accountant with ten years in month-end close, audit preparation and financial reporting.

Experience
Senior Accountant at Kessler Industrie | Apr 2018 - Present
- Led the monthly close for 4 entities and cut it from 9 to 5 days
- Automated reconciliations in Microsoft Excel and SAP
Accountant at Rhein Audit Partners | Sep 2014 - Mar 2018
- Prepared audit files, accounts payable and accounts receivable

Education
Master of Arts in Finance, Humboldt University, 2014

Skills
Accounting, Financial Analysis, SAP, Microsoft Excel, Power BI, Communication

Certifications
CPA
""",
    ("globex", "sofia_rossi.docx"): """Sofia Rossi
Customer Support Team Lead
sofia.rossi@example.com
+39 02 1234 5678
Milan, Italy

Summary
Support lead who builds calm, fast help desks and coaches new agents.

Professional work history
Customer Support Team Lead at Vela Travel | Feb 2019 - Present
- Led a team of 12 agents handling 3,000 tickets a week in Salesforce
- Raised customer satisfaction from 82% to 94%
Customer Support Agent at Brio Telecom | Jan 2016 - Jan 2019
- Answered phone and chat support in English and Italian

Education
Bachelor of Arts in Languages, University of Milan, 2015

Skills
Customer Service, Salesforce, Leadership, Communication, Jira, Problem Solving

Languages
Italian (native), English (fluent), French (intermediate)
""",
    ("globex", "tom_becker.txt"): """Tom Becker
DevOps Engineer
tom.becker@example.com | +1 312 555 0199 | Chicago, IL

Summary
DevOps engineer who keeps Kubernetes platforms boring and deploys frequent.

Experience
DevOps Engineer at Cobalt Health | May 2021 - Present
- Moved 40 services to Kubernetes with Terraform and GitHub Actions
- Cut deploy time from 40 to 8 minutes with CI/CD pipelines
Systems Administrator at Lakeshore College | Jun 2017 - Apr 2021
- Ran Linux servers, Ansible playbooks and Bash automation

Education
Bachelor of Science in Information Technology, DePaul University, 2017

Skills
Kubernetes, Docker, Terraform, Ansible, Linux, Bash, AWS, CI/CD, Python, Git

Certifications
Certified Kubernetes Administrator (CKA)
""",
}

JOBS = [
    ("Bluewave Data", "Senior Data Engineer", "Remote (US)", "$150,000 - $180,000 per year",
     ["Build and run batch and streaming data pipelines.", "Own our Snowflake warehouse and dbt models."],
     ["5+ years of experience in data engineering", "Python and SQL", "Apache Airflow or Dagster", "AWS", "Kafka"],
     ["Kubernetes", "Terraform"]),
    ("Fernleaf Labs", "Machine Learning Engineer", "Remote", "$140k - $170k a year",
     ["Train and deploy ranking and NLP models.", "Work with product teams on experiments."],
     ["3+ years of experience building ML systems", "Python, PyTorch", "Machine Learning in production", "Docker"],
     ["Google Cloud Platform", "FastAPI"]),
    ("Copperline", "Frontend Engineer (React)", "London, UK (hybrid)", "£55,000 - £70,000 per year",
     ["Build our customer-facing web app.", "Care about accessibility and speed."],
     ["3+ years of experience with React and TypeScript", "HTML and CSS", "Unit testing"],
     ["Figma", "Node.js"]),
    ("Northwind Finance", "Senior Accountant", "Berlin, Germany", "€65.000 - €80.000 per year",
     ["Run the month-end close for our German entities.", "Prepare audit files."],
     ["5+ years of experience in accounting", "SAP and Microsoft Excel", "Financial Analysis", "Bachelor's degree in finance or accounting"],
     ["CPA", "Power BI"]),
    ("Helio Support", "Customer Support Lead", "Remote (Europe)", "€45,000 per year",
     ["Lead a team of support agents.", "Improve our help desk processes."],
     ["3+ years of experience in customer service", "Team leadership", "Salesforce or Zendesk", "Excellent communication"],
     ["Jira", "French"]),
    ("Stratus Cloud", "DevOps Engineer", "Chicago, IL", "$130,000 - $155,000 per year",
     ["Run our Kubernetes platform.", "Automate infrastructure and deployments."],
     ["4+ years of experience in DevOps", "Kubernetes and Docker", "Terraform", "CI/CD", "Linux"],
     ["Certified Kubernetes Administrator", "Ansible"]),
    ("Brightpath", "Junior Python Developer", "Remote", "$35 - $45 per hour",
     ["Build internal tools and REST APIs.", "Write tests for what you build."],
     ["1+ years of experience with Python", "Django or Flask", "SQL", "Git"],
     ["Docker"]),
    ("Quarry Analytics", "Data Analyst", "New York, NY", "$85,000 - $100,000 per year",
     ["Answer business questions with data.", "Build dashboards for leadership."],
     ["2+ years of experience in data analysis", "SQL", "Tableau or Power BI", "Statistics"],
     ["Python", "pandas"]),
    ("Tidewater Health", "Registered Nurse", "Boston, MA", "$42 per hour",
     ["Provide patient care on a busy surgical ward."],
     ["Nursing license", "2+ years of experience in patient care", "Communication"],
     []),
    ("Lumen Retail", "Digital Marketing Specialist", "Remote", "$60,000 - $75,000 per year",
     ["Plan SEO and content marketing campaigns.", "Report on campaign results."],
     ["2+ years of experience in digital marketing", "SEO", "Data Analysis"],
     ["Figma"]),
    ("Orbit Systems", "Backend Engineer (Go)", "Remote", "$120,000 - $150,000 per year",
     ["Build the services behind our API.", "Own reliability of what you ship."],
     ["3+ years of experience with Go or Java", "PostgreSQL", "Microservices", "REST APIs"],
     ["Kubernetes", "Kafka"]),
    ("Sable Partners", "Project Manager", "Milan, Italy", "€50.000 - €60.000 per year",
     ["Coordinate delivery of client projects.", "Keep stakeholders informed."],
     ["4+ years of experience in project management", "Agile", "Stakeholder Management", "Jira"],
     ["PMP", "Italian"]),
]


def write_pdf(path: Path, text: str) -> None:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    y = 56
    for number, line in enumerate(text.split("\n")):
        size = 18 if number == 0 else (12 if line in {"Summary", "Experience", "Education", "Skills", "Languages", "Certifications"} else 10)
        font = "hebo" if size > 10 else "helv"
        page.insert_text((56, y), line, fontsize=size, fontname=font)
        y += size + 5
    doc.set_metadata({"title": path.stem, "creationDate": "D:20260101000000Z", "modDate": "D:20260101000000Z", "producer": "jobfit samples"})
    doc.save(path, garbage=4, deflate=True, no_new_id=True)


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    lines = text.strip().split("\n")
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        # a heading in sentence case ("Professional work history"): its style says it is one
        if line in {"Summary", "Profile", "Experience", "Work Experience", "Professional work history", "Education", "Skills", "Languages"}:
            document.add_heading(line, level=1)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line:
            document.add_paragraph(line)
    core = document.core_properties
    core.created = core.modified = datetime(2026, 1, 1, tzinfo=UTC)
    core.author = core.last_modified_by = "jobfit samples"
    document.save(path)


def write_rss(path: Path) -> None:
    # No publication dates: the demo's postings are as fresh as the day they are fetched, so they
    # stay within the posting TTL (JOBFIT_POSTING_TTL_DAYS) whenever `make run` is tried.
    items = []
    for number, (company, title, location, salary, duties, required, preferred) in enumerate(JOBS, 1):
        body = f"<p>{escape(company)} is hiring a {escape(title)}. Location: {escape(location)}. Salary: {escape(salary)}.</p>"
        body += "<h3>What you will do</h3><ul>" + "".join(f"<li>{escape(d)}</li>" for d in duties) + "</ul>"
        body += "<h3>Requirements</h3><ul>" + "".join(f"<li>{escape(r)}</li>" for r in required) + "</ul>"
        if preferred:
            body += "<h3>Nice to have</h3><ul>" + "".join(f"<li>{escape(p)}</li>" for p in preferred) + "</ul>"
        slug = title.lower().replace(" ", "-").replace("(", "").replace(")", "")
        items.append(
            f"""  <item>
    <title>{escape(company)}: {escape(title)}</title>
    <link>https://jobs.example.com/{number}-{slug}?utm_source=rss</link>
    <guid>https://jobs.example.com/{number}-{slug}</guid>
    <region>{escape(location)}</region>
    <description><![CDATA[{body}]]></description>
  </item>"""
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        "  <title>jobfit sample job board</title>\n  <link>https://jobs.example.com/</link>\n"
        "  <description>Invented postings bundled with jobfit</description>\n"
        + "\n".join(items)
        + "\n</channel>\n</rss>\n",
        encoding="utf-8",
    )


def main() -> None:
    for (tenant, name), text in RESUMES.items():
        target = ROOT / "inbox" / tenant / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".pdf"):
            write_pdf(target, text)
        elif name.endswith(".docx"):
            write_docx(target, text)
        else:
            target.write_text(text, encoding="utf-8")
    (ROOT / "feeds").mkdir(parents=True, exist_ok=True)
    write_rss(ROOT / "feeds" / "jobs.rss")
    (ROOT / "feeds.yaml").write_text(
        "# Feeds jobfit fetches every hour. url: an http(s) URL or a file path (relative to this file).\n"
        "# tenant: leave out for a global feed every tenant sees, or name one tenant.\n"
        "feeds:\n  - name: sample-board\n    url: feeds/jobs.rss\n"
    )


if __name__ == "__main__":
    main()
