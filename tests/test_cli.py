"""The `jobfit` command as DESIGN.md's contracts describe it, run as a real subprocess."""

import json
import subprocess
import sys

import pytest

from tests.conftest import LENA, SAMPLES

JOBFIT = [sys.executable, "-m", "jobfit.cli"]


def run(*args, check=True):
    result = subprocess.run([*JOBFIT, *map(str, args)], capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_version():
    assert run("version").stdout.startswith("jobfit ")


def test_parse_every_sample_format(tmp_path):
    records = lines(run("parse", SAMPLES / "inbox", "--jsonl").stdout)
    assert len(records) == 6
    assert {r["source"].rsplit(".", 1)[1] for r in records} == {"pdf", "docx", "txt"}
    for record in records:
        assert set(record) == {"source", "status", "error", "profile"}
        assert record["status"] == "ok" and record["error"] is None
        assert record["profile"]["basics"]["name"] and record["profile"]["meta"]["schema_version"] == "1"
    # the DOCX's heading style opens 'Professional work history', which its words alone do not
    sofia = next(r["profile"] for r in records if r["source"].endswith("sofia_rossi.docx"))
    assert [w.get("name") for w in sofia["work"]] == ["Vela Travel", "Brio Telecom"]


def test_a_damaged_pdf_is_parsed_with_a_warning_and_the_output_stays_json_lines(tmp_path):
    """MuPDF's complaints about a file cut short used to land on standard output, among the JSON lines."""
    whole = (SAMPLES / "inbox" / "acme" / "maria_lopez.pdf").read_bytes()
    cut = tmp_path / "maria_cut.pdf"
    cut.write_bytes(whole[:len(whole) // 2])
    result = run("parse", cut, SAMPLES / "inbox" / "acme" / "maria_lopez.pdf", "--jsonl")
    damaged, sound = lines(result.stdout)  # every line is JSON
    assert damaged["status"] == "ok" and damaged["profile"]["basics"]["name"] == "Maria Lopez"
    assert damaged["warning"].startswith("the file is damaged (") and "may be incomplete" in damaged["warning"]
    assert "warning" not in sound
    assert "MuPDF" not in result.stdout + result.stderr


def test_a_docx_cut_short_is_parsed_with_a_warning(tmp_path):
    whole = (SAMPLES / "inbox" / "globex" / "sofia_rossi.docx").read_bytes()
    cut = tmp_path / "sofia_cut.docx"
    cut.write_bytes(whole[:len(whole) // 2])
    [damaged] = lines(run("parse", cut, "--jsonl").stdout)
    assert damaged["status"] == "ok" and damaged["profile"]["basics"]["name"] == "Sofia Rossi"
    assert [w.get("name") for w in damaged["profile"]["work"]] == ["Vela Travel", "Brio Telecom"]
    assert damaged["warning"].startswith("the file is damaged (") and "may be incomplete" in damaged["warning"]


@pytest.mark.parametrize("args, reason", [
    (["match", "--profiles", "{tmp}/missing.jsonl", "--jobs", "{tmp}/jobs.jsonl"], "cannot read {tmp}/missing.jsonl: No such file"),
    (["match", "--profiles", "{tmp}/jobs.jsonl", "--jobs", "{tmp}/jobs.jsonl"], "{tmp}/jobs.jsonl holds no parsed profile"),
    # a profile edited by hand or written by another tool: a pydantic traceback before
    (["match", "--profiles", "{tmp}/edited.jsonl", "--jobs", "{tmp}/jobs.jsonl"],
     "{tmp}/edited.jsonl: the profile of ana.pdf is not one `jobfit parse --jsonl` writes (meta: field required)"),
    (["match", "--profiles", "{tmp}/unnamed.jsonl", "--jobs", "{tmp}/jobs.jsonl"], '{tmp}/unnamed.jsonl: a profile with no "source"'),
    (["analyze-job", "{tmp}/list.jsonl"], "{tmp}/list.jsonl:1 is not a JSON object"),
    (["analyze-job", "{tmp}/typed.jsonl"], 'job object 1: "title" must be text, not int'),
    (["parse", "{tmp}/empty"], "no files in {tmp}/empty"),
])
def test_bad_input_stops_with_its_reason_and_no_traceback(tmp_path, args, reason):
    (tmp_path / "jobs.jsonl").write_text('{"id": "j1", "title": "Data Engineer"}\n')
    (tmp_path / "list.jsonl").write_text("[1, 2]\n")
    (tmp_path / "typed.jsonl").write_text('{"id": "j1", "title": 5}\n')
    (tmp_path / "empty").mkdir()
    (tmp_path / "edited.jsonl").write_text('{"source": "ana.pdf", "status": "ok", "profile": {"basics": {"name": "Ana"}}}\n')
    (tmp_path / "unnamed.jsonl").write_text('{"status": "ok", "profile": {"basics": {"name": "Ana"}}}\n')
    result = run(*[a.format(tmp=tmp_path) for a in args], check=False)
    assert result.returncode != 0
    assert result.stderr.strip() == f"jobfit: {reason.format(tmp=tmp_path)}" or (
        result.stderr.startswith(f"jobfit: {reason.format(tmp=tmp_path)}") and "Traceback" not in result.stderr)


@pytest.mark.parametrize("args, said", [
    (["parse", "{resume}", "--jsonl", "--region", "ZZ"], "argument --region: not a country's two-letter code"),
    (["match", "--profiles", "{tmp}/p.jsonl", "--jobs", "{tmp}/j.jsonl", "--top", "-3"], "argument --top: not a whole number of 1 or more"),
])
def test_a_bad_option_is_refused_before_any_work(tmp_path, args, said):
    """Before: '--region ZZ' was taken, every phone number written without a country then read as no phone at all; and
    '--top -3' printed nothing and exited 0."""
    resume = SAMPLES / "inbox" / "acme" / "priya_raman.txt"
    result = run(*[a.format(tmp=tmp_path, resume=resume) for a in args], check=False)
    assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr and not result.stdout


def test_present_in_a_text_resume_means_when_the_file_was_saved(tmp_path):
    import os
    from datetime import datetime

    resume = tmp_path / "resume.txt"
    resume.write_text("Sam Example\nsam@example.com\n\nEXPERIENCE\nData Analyst, Acme Corp, Jan 2018 - Present\n"
                      "- Built dashboards in SQL\n")
    saved = datetime(2024, 1, 15).timestamp()
    os.utime(resume, (saved, saved))
    profile = lines(run("parse", resume, "--jsonl").stdout)[0]["profile"]
    assert 5.9 <= profile["meta"]["total_years_experience"] <= 6.1  # Jan 2018 to Jan 2024, not to the end of 2018
    # a resume copied onto the machine today keeps its day when the caller says it
    profile = lines(run("parse", resume, "--jsonl", "--saved-on", "2020-01-01").stdout)[0]["profile"]
    assert 1.9 <= profile["meta"]["total_years_experience"] <= 2.1
    result = run("parse", resume, "--saved-on", "last week", check=False)
    assert result.returncode == 2 and "not a date (YYYY-MM-DD): 'last week'" in result.stderr


def test_parse_reads_each_file_of_a_zip_of_resumes_as_the_inbox_does(tmp_path):
    """Before: one record, Maria Lopez's: the archive stores her PDF first, uncompressed, and was read as that PDF; the
    other two were lost without a word."""
    import io
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name in ("maria_lopez.pdf", "priya_raman.txt"):
            archive.writestr(f"applicants/{name}", (SAMPLES / "inbox" / "acme" / name).read_bytes())
        # a resume saved into the archive in January 2024: 'Present' is then, not the day the archive is read
        archive.writestr(zipfile.ZipInfo("applicants/sam.txt", date_time=(2024, 1, 15, 9, 0, 0)),
                         "Sam Jones\nsam@example.com\n\nEXPERIENCE\nData Analyst, Acme Corp, Jan 2018 - Present\n")
    (tmp_path / "week 12.zip").write_bytes(data.getvalue())
    records = lines(run("parse", tmp_path / "week 12.zip", "--jsonl").stdout)
    assert [(r["source"], r["status"], r["profile"]["basics"]["name"]) for r in records] == [
        (f"{tmp_path}/week 12.zip/applicants/{name}.{kind}", "ok", person) for name, kind, person in
        (("maria_lopez", "pdf", "Maria Lopez"), ("priya_raman", "txt", "Priya Raman"), ("sam", "txt", "Sam Jones"))]
    assert 5.9 <= records[2]["profile"]["meta"]["total_years_experience"] <= 6.1


def test_parse_reads_each_file_of_a_rar_or_7z_archive(tmp_path):
    """Before: 'binary files are not resumes we can read' for the 7-Zip; for the RAR, which stores its files as they
    are, Maria Lopez's PDF alone (its header in the archive's first kilobyte), the other lost without a word."""
    from tests.conftest import make_archive

    files = {f"cvs/{name}": (SAMPLES / "inbox" / "acme" / name).read_bytes() for name in ("maria_lopez.pdf", "priya_raman.txt")}
    for kind in ("rar", "7z"):
        (tmp_path / f"week 12.{kind}").write_bytes(make_archive(kind, files))
    records = lines(run("parse", tmp_path / "week 12.rar", tmp_path / "week 12.7z", "--jsonl").stdout)
    assert [(r["source"], r["status"], r["profile"]["basics"]["name"]) for r in records] == [
        (f"{tmp_path}/week 12.{kind}/cvs/{name}", "ok", person) for kind in ("rar", "7z")
        for name, person in (("maria_lopez.pdf", "Maria Lopez"), ("priya_raman.txt", "Priya Raman"))]


@pytest.mark.parametrize("name", ["agency.eml", "winmail.dat", "portfolio.pdf"])
def test_parse_reads_each_candidate_of_an_agency_email_as_the_inbox_does(tmp_path, name):
    """Before: one record, the first candidate's, whose warning named the other; the winmail.dat Outlook wraps an
    email's files in (saved from an email sent in its rich text format) was refused as a binary file, and a PDF
    portfolio of the resumes as its cover page ('not a resume')."""
    from tests.conftest import make_email, make_portfolio, make_winmail

    cvs = [(f"{person}.pdf", (SAMPLES / "inbox" / folder / f"{person}.pdf").read_bytes())
           for folder, person in (("acme", "maria_lopez"), ("globex", "daniel_weber"))]
    (tmp_path / name).write_bytes(make_email("Two candidates for the role, attached.", *[(n, "application/pdf", data) for n, data in cvs])
                                  if name.endswith(".eml") else make_winmail(cvs) if name.endswith(".dat") else make_portfolio(dict(cvs)))
    records = lines(run("parse", tmp_path / name, "--jsonl").stdout)
    assert [(r["source"], r["status"], r["profile"]["basics"]["name"], r.get("warning")) for r in records] == [
        (f"{tmp_path}/{name}/maria_lopez.pdf", "ok", "Maria Lopez", None),
        (f"{tmp_path}/{name}/daniel_weber.pdf", "ok", "Daniel Weber", None)]


@pytest.mark.parametrize("name", ["shortlist.pdf", "agency.eml"])
def test_parse_reads_each_candidate_of_a_pdf_of_several_resumes(tmp_path, name):
    """Before: one record, Maria Lopez's, her profile holding Daniel Weber's jobs and degrees too; so too when an agency
    emailed the PDF."""
    import pymupdf

    from tests.conftest import make_email

    resumes = [SAMPLES / "inbox" / "acme" / "maria_lopez.pdf", SAMPLES / "inbox" / "globex" / "daniel_weber.pdf"]
    pack = pymupdf.open()
    for resume in resumes:
        pack.insert_pdf(pymupdf.open(resume))
    (tmp_path / name).write_bytes(pack.tobytes() if name.endswith(".pdf") else
                                  make_email("Two candidates for you.", ("shortlist.pdf", "application/pdf", pack.tobytes())))
    records = lines(run("parse", tmp_path / name, "--jsonl").stdout)
    place = tmp_path / name if name.endswith(".pdf") else tmp_path / name / "shortlist.pdf"
    assert [(r["source"], r["status"], r["profile"]["basics"]["name"]) for r in records] == [
        (f"{place}/page 1.pdf", "ok", "Maria Lopez"), (f"{place}/page 2.pdf", "ok", "Daniel Weber")]
    alone = lines(run("parse", *resumes, "--jsonl").stdout)
    assert [r["profile"]["work"] for r in records] == [r["profile"]["work"] for r in alone]  # each their own jobs only


def test_parse_reports_bad_files_and_exits_nonzero(tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    result = run("parse", bad, "--jsonl", check=False)
    assert result.returncode == 1
    record = lines(result.stdout)[0]
    assert record["status"] == "quarantined" and record["error"].startswith("corrupt")


def test_analyze_job_keeps_ids(tmp_path):
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text("\n".join(json.dumps(j) for j in [
        {"id": 7, "title": "Data Analyst", "description": "Requirements: SQL and Tableau. $80,000 - $90,000 per year"},
        {"id": "b", "title": "Nurse", "description": "Patient care"},
    ]))
    out = lines(run("analyze-job", jobs).stdout)
    assert [o["id"] for o in out] == ["7", "b"]
    assert {s["name"] for s in out[0]["skills"]} == {"SQL", "Tableau"}
    assert out[0]["skills"][0]["keywords"]
    assert out[0]["meta"]["salary"] == {**out[0]["meta"]["salary"], "min": 80000, "max": 90000, "currency": "USD", "period": "year"}


def test_feed_prints_analyzed_postings():
    out = lines(run("feed", SAMPLES / "feeds" / "jobs.rss", "--jsonl").stdout)
    assert len(out) == 12 and all(o["meta"]["required_skills"] for o in out)


def test_feed_that_cannot_be_read_exits_nonzero(tmp_path):
    result = run("feed", tmp_path / "missing.rss", "--jsonl", check=False)
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_match_prints_top_n_per_profile(tmp_path):
    parsed = tmp_path / "parsed.jsonl"
    parsed.write_text(run("parse", SAMPLES / "inbox", "--jsonl").stdout)
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(run("feed", SAMPLES / "feeds" / "jobs.rss", "--jsonl").stdout)
    result = run("match", "--profiles", parsed, "--jobs", jobs, "--top", 3)
    out = lines(result.stdout)
    assert len(out) == 18
    assert "Loading weights" not in result.stderr  # no model-loading progress bar on the user's terminal
    by_profile = {}
    for row in out:
        assert set(row) == {"profile", "job", "score", "components", "matched_skills", "missing_skills", "reasons"}
        by_profile.setdefault(row["profile"], []).append(row)
    titles = {json.loads(line)["id"]: json.loads(line)["title"] for line in jobs.read_text().splitlines()}
    assert titles[by_profile["daniel_weber"][0]["job"]] == "Senior Accountant"
    assert all([r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True) for rows in by_profile.values())


def matched_by_title(tmp_path, title: str, postings: dict[str, str]) -> dict[str, dict]:
    """`jobfit match` of an accountant's resume titled `title` against postings that differ by their titles alone."""
    resume = tmp_path / "dana.txt"
    resume.write_text(f"Dana Moss\n{title}\ndana@example.com\n\nExperience\n{title}, Ledger & Co, 2015 - 2024\n"
                      "- Closed the monthly books and reconciled accounts\n")
    parsed = tmp_path / "parsed.jsonl"
    parsed.write_text(run("parse", resume, "--jsonl").stdout)
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text("".join(json.dumps({"id": jid, "title": posted, "description": "Join our team."}) + "\n"
                            for jid, posted in postings.items()))
    return {row["job"]: row for row in lines(run("match", "--profiles", parsed, "--jobs", jobs, "--top", len(postings)).stdout)}


def test_seniority_makes_no_two_jobs_read_alike(tmp_path):
    """'Senior Accountant' read 0.59 close to 'Senior Software Engineer' and 0.40 to 'Bookkeeper' in MiniLM space: the
    seniority word outweighed the work. Titles are compared, and embedded with the resume and the posting, without it."""
    out = matched_by_title(tmp_path, "Senior Accountant", {"dev": "Senior Software Engineer", "books": "Bookkeeper",
                                                             "nurse": "Senior Nurse"})
    assert out["books"]["components"]["title"]["score"] > out["dev"]["components"]["title"]["score"]
    assert out["books"]["components"]["title"]["score"] > out["nurse"]["components"]["title"]["score"]
    assert max(out, key=lambda job: out[job]["score"]) == "books"


def test_match_uses_the_weights_file_and_refuses_a_bad_one(tmp_path):
    parsed = tmp_path / "parsed.jsonl"
    parsed.write_text(run("parse", SAMPLES / "inbox" / "globex" / "tom_becker.txt", "--jsonl").stdout)
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(run("feed", SAMPLES / "feeds" / "jobs.rss", "--jsonl").stdout)
    weights = tmp_path / "weights.yaml"
    weights.write_text("default: {skills: 100, semantic: 0, title: 0, experience: 0, education: 0, location: 0, salary: 0}\n")
    out = lines(run("match", "--profiles", parsed, "--jobs", jobs, "--top", 3, "--weights", weights).stdout)
    assert out and all(row["components"]["skills"]["weight"] == 100 and row["components"]["semantic"]["weight"] == 0
                       and row["score"] == row["components"]["skills"]["score"] for row in out)
    missing = run("match", "--profiles", parsed, "--jobs", jobs, "--weights", tmp_path / "nope.yaml", check=False)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    weights.write_text("default: {skills: -5}\n")
    negative = run("match", "--profiles", parsed, "--jobs", jobs, "--weights", weights, check=False)
    assert negative.returncode == 2 and "non-negative" in negative.stderr


def test_a_parser_failure_costs_one_document_not_the_batch(tmp_path, monkeypatch, capsys):
    import jobfit.resumes
    from jobfit import cli

    real = jobfit.resumes.parse_resume

    def flaky(text, **kwargs):
        if "Trigger" in text:
            raise ValueError("a rule tripped over this layout")
        return real(text, **kwargs)

    monkeypatch.setattr(jobfit.resumes, "parse_resume", flaky)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Robin Good\nrobin@example.com\nExperience\nEngineer, Acme Ltd, 2019 - 2021\n")
    bad.write_text("Trigger Happy\ntrigger@example.com\nExperience\nEngineer, Acme Ltd, 2019 - 2021\n")
    assert cli.main(["parse", str(bad), str(good), "--jsonl"]) == 1
    records = {r["source"]: r for r in lines(capsys.readouterr().out)}
    assert records[str(bad)]["status"] == "error" and "a rule tripped" in records[str(bad)]["error"]
    assert records[str(good)]["status"] == "ok" and records[str(good)]["profile"]["basics"]["name"] == "Robin Good"


def test_a_title_in_another_language_meets_the_same_job_in_english(tmp_path):
    """MiniLM knows English: 'Buchhalter' read 0.19 close to 'accountant', 'Comptable' 0.35. Titles are compared, and
    embedded with the resume and the posting, in the English of the occupations' labels."""
    out = matched_by_title(tmp_path, "Accountant", {
        "de": "Buchhalter (m/w/d)", "fr": "Comptable H/F", "dev": "Softwareentwickler (m/w/d)", "nurse": "Enfermera",
        "chef": "Chef", "driver": "Truck Driver", "teacher": "Teacher"})
    title = {job: row["components"]["title"]["score"] for job, row in out.items()}
    assert min(title["de"], title["fr"]) > 75 > 20 > max(title["dev"], title["nurse"])
    assert "Their title, Accountant, is close to this posting's (Buchhalter (m/w/d))." in out["de"]["reasons"]
    assert sorted(out, key=lambda job: -out[job]["score"])[:2] in (["de", "fr"], ["fr", "de"])



def test_a_json_resume_keeps_what_it_states_and_gets_skills_and_meta_as_other_resumes_do(tmp_path):
    (tmp_path / "resume.json").write_text(json.dumps(LENA))
    (record,) = lines(run("parse", tmp_path / "resume.json", "--jsonl", "--saved-on", "2026-05-01").stdout)
    assert record["status"] == "ok"
    profile = record["profile"]
    basics = profile["basics"]
    # its entries as stated, dates as profiles write them, the phone in E.164
    assert (basics["name"], basics["label"], basics["email"]) == ("Lena Fischer", "Senior Platform Engineer", "lena.fischer@example.org")
    assert basics["phone"] == "+13125550147" and basics["location"]["city"] == "Chicago"
    assert basics["profiles"][0]["url"] == "https://github.com/lenaf"
    assert [(w["name"], w["position"], w.get("startDate"), w.get("endDate")) for w in profile["work"]] == [
        ("Cobalt Health", "Senior Platform Engineer", "2021-05", None),
        ("Lakeshore College", "Systems Administrator / DBA", "2016-06", "2021-04")]  # one entry, as stated
    assert profile["work"][0]["highlights"] == LENA["work"][0]["highlights"]
    assert profile["education"][0]["studyType"] == "Bachelor of Science" and profile["education"][0]["level"] == "bachelor"
    assert profile["certificates"][0] == {"name": "Certified Kubernetes Administrator", "date": "2022-03", "issuer": "CNCF"}
    assert profile["volunteer"][0]["organization"] == "CoderDojo Chicago" and profile["projects"][0]["name"] == "kube-janitor"
    assert profile["skills"][0] == {"name": "Cloud", "level": "Advanced", "keywords": ["AWS", "GCP"]}
    assert {(lang["language"], lang["fluency"]) for lang in profile["languages"]} == {("German", "native"), ("English", "fluent")}
    # what it states of skills, named by the taxonomy: 'k8s' is Kubernetes
    meta = profile["meta"]
    assert {"Kubernetes", "Terraform", "Amazon Web Services", "Python", "PostgreSQL"} <= {s["name"] for s in meta["skills"]}
    # meta counted from the entries: May 2016 to Apr 2021 and May 2021 to the day it was saved, in one run
    assert meta["total_years_experience"] == pytest.approx(9.9, abs=0.1)
    assert meta["career_level"] == "mid-senior" and meta["education_level"] == "bachelor"
    assert meta["parser"] == "json_resume" and meta["achievements"][0]["figures"] == ["80%"]


def test_a_json_resume_section_of_the_wrong_shape_is_read_from_its_text(tmp_path):
    broken = {**LENA, "work": [{**LENA["work"][0], "highlights": "Moved 40 services to Kubernetes"}],  # a string, not a list
              "basics": {**LENA["basics"], "profiles": [{"network": "GitHub"}]}}  # a profile with no url
    (tmp_path / "resume.json").write_text(json.dumps(broken))
    (record,) = lines(run("parse", tmp_path / "resume.json", "--jsonl").stdout)
    work = record["profile"]["work"]
    assert [(w["name"], w["position"]) for w in work] == [("Cobalt Health", "Senior Platform Engineer")]
    assert record["profile"]["education"][0]["institution"] == "DePaul University"  # the other sections as stated
    assert record["profile"]["basics"]["location"]["postalCode"] == "60601"  # the other basics as stated


def test_a_json_resume_of_the_schemas_earlier_version_is_read_under_its_current_names(tmp_path):
    earlier = {"basics": {"name": "Sam Older", "email": "sam@example.org", "website": "https://sam.example.org"},
               "work": [{"company": "Foo Corp", "position": "Data Engineer", "website": "https://foo.example",
                         "startDate": "2019-01-01", "endDate": "2022-06-30", "highlights": ["Built pipelines in Python"]}],
               "education": [{"institution": "State University", "area": "Physics", "studyType": "Bachelor", "gpa": "3.8"}],
               "meta": {"lastModified": "2024-01-20T08:30:00"}}
    (tmp_path / "resume.json").write_text(json.dumps(earlier))
    (record,) = lines(run("parse", tmp_path / "resume.json", "--jsonl").stdout)
    profile = record["profile"]
    assert profile["basics"]["url"] == "https://sam.example.org"
    assert [(w["name"], w["url"], w["startDate"], w["endDate"]) for w in profile["work"]] == [
        ("Foo Corp", "https://foo.example", "2019-01", "2022-06")]
    assert profile["education"][0]["score"] == "3.8" and "gpa" not in profile["education"][0]
    assert profile["meta"]["total_years_experience"] == pytest.approx(3.5)
    # 'Present' means when the file says it was last changed, not the day it is read
    still = {**earlier, "work": [{**earlier["work"][0], "endDate": None}]}
    (tmp_path / "resume.json").write_text(json.dumps(still))
    (record,) = lines(run("parse", tmp_path / "resume.json", "--jsonl").stdout)
    assert record["profile"]["meta"]["total_years_experience"] == pytest.approx(5.1)


def test_data_files_that_are_no_resume_say_what_they_are(tmp_path):
    (tmp_path / "export.csv").write_text("name,email,applied,position,status\nAna Example,ana@example.com,2024-01-03,Data "
                                         "Engineer,Interview\nBo Li,bo@example.com,2024-01-04,Data Engineer,Rejected\n"
                                         "Cy Doe,cy@example.com,2024-02-01,Analyst,New\n")
    (tmp_path / "export.json").write_text(json.dumps([{"name": "Ana Example", "email": "ana@example.com"}]))
    (tmp_path / "export.xml").write_text('<?xml version="1.0"?><candidates><candidate><name>Ana Example</name>'
                                         "<experience>2019-2023 Data Engineer</experience></candidate></candidates>")
    (tmp_path / "brackets.txt").write_text("[Ana Example]\nData Engineer\nana@example.com\nExperience\nData Engineer at Foo "
                                           "Corp | 2019 - Present\nSkills\nPython, SQL\n")
    (tmp_path / "fragment.html").write_text("<h1>Ana Lindqvist</h1><p>ana@example.com</p><h2>Experience</h2><p>Data Engineer "
                                            "at Foo Corp | 2019 - Present</p><h2>Skills</h2><p>Python, SQL</p>")
    records = {r["source"].rsplit("/", 1)[1]: r for r in lines(run("parse", tmp_path, "--jsonl", check=False).stdout)}
    assert records["fragment.html"]["profile"]["basics"]["name"] == "Ana Lindqvist"  # HTML, not XML
    assert records["export.csv"]["error"].startswith("unsupported_format: a table (4 rows of 5 columns")
    assert records["export.json"]["error"].startswith("unsupported_format: a JSON file that is no JSON Resume")
    assert records["export.xml"]["error"].startswith("unsupported_format: xml files are not resumes")
    assert records["brackets.txt"]["status"] == "ok"  # a text resume that opens with a bracket is still one
    assert records["brackets.txt"]["profile"]["work"][0]["name"] == "Foo Corp"
