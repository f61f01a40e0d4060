"""Explained scores: the fitting posting ranks first, tenants never cross, only changes are scored."""

import numpy as np
import pytest

from jobfit import exchange
from jobfit.jobs import analyze_job
from jobfit.matching import Matcher, Stored, Weights, load_weights, match_all, refresh_matches
from jobfit.matching.candidates import nearest_postings, nearest_profiles, posting_typicals
from jobfit.matching.scoring import semantic_score
from jobfit.resumes import parse_resume
from jobfit.text import readable_case

RESUME = """Casey Example
Data Engineer
casey@example.com | Denver, CO

Experience
Data Engineer at Flow Co | Jan 2018 - Jan 2024
- Built pipelines in Python and SQL on PostgreSQL with Apache Airflow

Education
Master of Science in Statistics, University of Denver, 2017
"""

DATA_JOB = {"id": "data", "title": "Senior Data Engineer", "description": "Remote.\nRequirements:\n- 5+ years of experience\n- Python, SQL, Apache Airflow\nNice to have:\n- Kubernetes"}
NURSE_JOB = {"id": "nurse", "title": "Registered Nurse", "location": "Boston, MA", "description": "Requirements:\n- Nursing license and patient care\n- Bachelor's degree"}


def unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def one_pair(matcher, profile, job, similarity, typical=0.2):
    """The explained match of one profile and one posting whose vectors have the given cosine."""
    built = Matcher.build({"p": profile}, unit([[1, 0]]), {job.id: job}, unit([[1, 0]]), matcher.taxonomy)
    built.job_mean[:], built.job_std[:] = typical, 0.1
    scores = built.score(np.array([0]), np.array([0]), np.array([similarity]))
    return built.explain(scores, np.array([0]))[0]


def test_fitting_posting_scores_higher_and_is_explained(matcher):
    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    data_job, nurse_job = analyze_job(DATA_JOB, matcher), analyze_job(NURSE_JOB, matcher)
    good, bad = one_pair(matcher, profile, data_job, 0.6), one_pair(matcher, profile, nurse_job, 0.1)
    assert good.score > bad.score + 30
    assert set(good.matched_skills) >= {"Python", "SQL", "Apache Airflow"}
    assert "Nursing" in bad.missing_skills
    assert any("required skills" in reason for reason in good.reasons)
    assert any("reads closer to this posting than its typical candidate" in reason for reason in good.reasons)
    assert any("describes other work" in reason for reason in bad.reasons)
    assert set(good.components) == {"skills", "title", "experience", "education", "location", "salary", "semantic"}
    assert good.components["title"].score == 50.0  # no title vectors given: the titles neither help nor hurt
    assert good.weights_version == Weights().version and good.components["semantic"].weight == Weights().semantic
    assert 0 <= bad.score <= good.score <= 100


def test_no_posting_a_profile_may_see_gives_no_match_not_a_failed_run(matcher):
    """Before any feed was fetched, once every posting expired, or when a tenant's profiles see no posting, matching
    has no pair to score: before, scoring no pairs failed (scipy gives a sparse matrix for an empty lookup), and with
    it the matches run."""
    profile = parse_resume(RESUME, matcher=matcher, tenant="initech")
    nothing = Matcher.build({"p": profile}, unit([[1, 0]]), {}, np.zeros((0, 2), dtype=np.float32), matcher.taxonomy)
    assert nothing.for_profiles(top_n=5) == [] and nothing.for_postings(top_n=5) == []
    job = analyze_job(DATA_JOB, matcher)
    job.meta.tenant = "acme"
    elsewhere = Matcher.build({"p": profile}, unit([[1, 0]]), {job.id: job}, unit([[1, 0]]), matcher.taxonomy)
    assert elsewhere.for_profiles(top_n=5) == [] and elsewhere.for_postings(top_n=5) == []
    colleague = profile.model_copy(deep=True)
    colleague.meta.tenant = "acme"
    assert len(elsewhere.with_profiles({"q": colleague}, unit([[1, 0]])).for_profiles()) == 1


def test_related_skills_count_partly_and_are_said_so(matcher):
    profile = parse_resume("Sam Example\nExperience\nDev at X | 2020 - 2022\nSkills\nPostgreSQL, Python", matcher=matcher)
    narrower = analyze_job({"id": "j", "title": "Analyst", "description": "Requirements:\n- SQL"}, matcher)
    match = one_pair(matcher, profile, narrower, 0.3)
    assert match.components["skills"].score == 80.0  # PostgreSQL covers SQL mostly
    assert any("through PostgreSQL" in reason for reason in match.reasons)
    assert "Has 0 of 1 required skills." in match.reasons  # partial cover is not claimed as having the skill
    broader = analyze_job({"id": "k", "title": "Web developer", "description": "Requirements:\n- Django"}, matcher)
    assert one_pair(matcher, profile, broader, 0.3).components["skills"].score == 40.0


def test_a_reason_that_counts_skills_names_them_all_or_says_how_many_more(matcher):
    skills = ["Python", "SQL", "Docker", "Kubernetes", "Terraform", "Git", "Linux", "Bash"]
    profile = parse_resume("Sam Example\nExperience\nDev at X | 2020 - 2022\nSkills\n" + ", ".join(skills), matcher=matcher)
    job = analyze_job({"id": "j", "title": "Platform Engineer", "description": "Requirements:\n- " + "\n- ".join(skills)}, matcher)
    assert len(job.meta.required_skills) == 8
    had = next(reason for reason in one_pair(matcher, profile, job, 0.3).reasons if reason.startswith("Has 8 of 8"))
    assert had.endswith(" and 2 more.") and had.count(", ") == 5
    missing = next(reason for reason in one_pair(matcher, parse_resume("Sam Example", matcher=matcher), job, 0.3).reasons
                   if reason.startswith("Missing required skills"))
    assert missing.endswith(" and 2 more.")


def test_a_senior_is_past_a_role_for_beginners_but_not_one_that_asks_few_years(matcher):
    casey = parse_resume(RESUME, matcher=matcher)  # six years a data engineer
    assert casey.meta.career_level == "mid-senior"
    description = "Requirements:\n- 1+ years of experience\n- Python, SQL"
    junior = analyze_job({"id": "j", "title": "Junior Data Engineer", "description": description}, matcher)
    plain = analyze_job({"id": "p", "title": "Data Engineer", "description": description}, matcher)
    past = one_pair(matcher, casey, junior, 0.5)
    assert past.components["experience"].score == 30.0  # two levels past an entry role
    assert "6.1 years of experience against 1 asked; the role is for beginners, their career level mid-senior." in past.reasons
    assert one_pair(matcher, casey, plain, 0.5).components["experience"].score == 100.0
    beginner = parse_resume("Ana Example\nExperience\nData Engineer Intern at Flow Co | Jan 2023 - Jan 2024", matcher=matcher)
    assert one_pair(matcher, beginner, junior, 0.5).components["experience"].score == 100.0


def test_a_remote_job_open_only_to_other_countries_is_no_fit_for_where_the_candidate_lives(matcher):
    berlin = parse_resume(RESUME.replace("Denver, CO", "Berlin, Germany"), matcher=matcher)
    assert berlin.basics.location.countryCode == "DE"
    description = "Requirements:\n- Python, SQL"

    def remote_from(location):
        return analyze_job({"id": location, "title": "Data Engineer", "location": location, "description": description}, matcher)

    us_only, europe, latam = remote_from("USA Only"), remote_from("Europe Only"), remote_from("LATAM, Europe")
    assert us_only.remote == "Full" and us_only.meta.regions_allowed == ["USA"]
    away = one_pair(matcher, berlin, us_only, 0.5)
    assert away.components["location"].score == 30.0
    assert "The position is remote from USA only; the candidate is in Germany." in away.reasons
    assert one_pair(matcher, berlin, europe, 0.5).components["location"].score == 100.0
    assert one_pair(matcher, berlin, latam, 0.5).components["location"].score == 100.0
    # a town and its region name one country: 'Atlanta, Georgia' is the US state, not the country Georgia
    atlanta = analyze_job({"id": "a", "title": "Data Engineer", "location": "Atlanta, Georgia",
                           "description": "Remote.\n" + description}, matcher)
    assert atlanta.remote == "Full" and atlanta.meta.regions_allowed == ["Atlanta, Georgia"]  # one place
    denver = parse_resume(RESUME, matcher=matcher)
    assert one_pair(matcher, denver, atlanta, 0.5).components["location"].score == 100.0
    # where the candidate lives is not known: the job is not held against them
    unknown = parse_resume(RESUME.replace("Denver, CO", ""), matcher=matcher)
    assert unknown.basics.location.countryCode is None
    assert one_pair(matcher, unknown, us_only, 0.5).components["location"].score == 100.0


def test_a_candidate_willing_to_relocate_fits_a_job_where_they_would_move(matcher):
    """Before: a candidate in Pune who would move to Bengaluru scored 30 on location for a Bengaluru job, as one who would
    not, and the reasons did not say that they would."""
    def living_in_pune(relocation=""):
        return parse_resume(RESUME.replace("Denver, CO\n", f"Pune, Maharashtra\n{relocation}\n"), matcher=matcher)

    named, anywhere = living_in_pune("Willing to relocate to: Bengaluru, Karnataka"), living_in_pune("Willing to relocate: Anywhere")
    stays = living_in_pune()
    assert named.basics.location.city == anywhere.basics.location.city == stays.basics.location.city == "Pune"
    description = "Requirements:\n- Python, SQL"

    def job_in(place):
        return analyze_job({"id": place, "title": "Data Engineer", "location": place, "description": description}, matcher)

    bengaluru, mumbai, berlin = job_in("Bengaluru, Karnataka"), job_in("Mumbai, Maharashtra"), job_in("Berlin, Germany")
    there = one_pair(matcher, named, bengaluru, 0.5)
    assert there.components["location"].score == 100.0
    assert "Willing to relocate to Bengaluru, Karnataka, where the job is; lives in Pune." in there.reasons
    assert there.score > one_pair(matcher, stays, bengaluru, 0.5).score
    elsewhere = one_pair(matcher, named, mumbai, 0.5)
    assert elsewhere.components["location"].score == 30.0
    assert "The job is in Mumbai, Maharashtra; the candidate is in Pune (willing to relocate to Bengaluru, Karnataka)." \
        in elsewhere.reasons
    # anywhere: any town of the candidate's country, a little below living there; not another country
    moving = one_pair(matcher, anywhere, mumbai, 0.5)
    assert moving.components["location"].score == 80.0
    assert "The job is in Mumbai, Maharashtra; the candidate is in Pune and willing to relocate." in moving.reasons
    assert one_pair(matcher, anywhere, berlin, 0.5).components["location"].score == 30.0
    in_india = living_in_pune("Open to relocation anywhere in India")
    assert one_pair(matcher, in_india, mumbai, 0.5).components["location"].score == 100.0  # the country named
    assert "The job is in Berlin, Germany; the candidate is in Pune (willing to relocate to India)." in \
        one_pair(matcher, in_india, berlin, 0.5).reasons
    assert one_pair(matcher, stays, mumbai, 0.5).components["location"].score == 30.0


def test_a_town_by_another_of_its_names_is_the_same_town(matcher):
    """Before: a candidate in 'München, Deutschland' scored 30 on location for a job in 'Munich, Germany', as one in
    another town would (and the town was no place at all); so did one in Bangalore for a job in Bengaluru, and one
    willing to move to Bombay for a job in Mumbai."""
    def living_in(place, relocation=""):
        return parse_resume(RESUME.replace("Denver, CO\n", f"{place}\n{relocation}\n"), matcher=matcher)

    def job_in(place):
        return analyze_job({"id": place, "title": "Data Engineer", "location": place, "description": "Requirements:\n- Python"},
                           matcher)

    munich = one_pair(matcher, living_in("München, Deutschland"), job_in("Munich, Germany"), 0.5)
    assert munich.components["location"].score == 100.0 and "Lives in München, where the job is." in munich.reasons
    assert one_pair(matcher, living_in("Bangalore, Karnataka"), job_in("Bengaluru, Karnataka"), 0.5).components["location"].score == 100.0
    moving = one_pair(matcher, living_in("Pune, Maharashtra", "Willing to relocate to: Bombay"), job_in("Mumbai, Maharashtra"), 0.5)
    assert moving.components["location"].score == 100.0
    assert "Willing to relocate to Mumbai, Maharashtra, where the job is; lives in Pune." in moving.reasons
    assert one_pair(matcher, living_in("München, Deutschland"), job_in("Berlin, Germany"), 0.5).components["location"].score == 30.0


def test_a_posting_that_pays_what_the_candidate_asks_scores_higher_and_says_so(matcher):
    profile = parse_resume(RESUME.replace("casey@example.com", "casey@example.com\nExpected salary: $90,000 a year"),
                           matcher=matcher)
    assert profile.meta.desired_salary.annualized_min == 90000 and profile.meta.desired_salary.currency == "USD"
    pays = analyze_job({**DATA_JOB, "salary": "$85,000 - $100,000 a year"}, matcher)
    short = analyze_job({**DATA_JOB, "salary": "$70,000 - $85,000 a year"}, matcher)
    in_naira = analyze_job({**DATA_JOB, "salary": "₦85,000,000 - ₦100,000,000 per year"}, matcher)
    good, low, other = (one_pair(matcher, profile, job, 0.6) for job in (pays, short, in_naira))
    assert good.components["salary"].score == 100.0 and low.components["salary"].score == 70.6  # 5.9% over the top: 29 points less
    # a currency with no reference rate, like a salary only one side states, is left out of the total
    assert other.components["salary"].score == 50.0 and other.components["salary"].weight == 0.0
    assert not any(r.startswith("Asks") for r in other.reasons)
    assert good.components["salary"].weight == Weights().salary
    assert good.score > other.score > low.score
    assert "Asks USD 90,000 a year; the posting offers USD 85,000 to 100,000." in good.reasons
    assert "Asks USD 90,000 a year, more than the posting's USD 70,000 to 85,000." in low.reasons
    unstated = one_pair(matcher, parse_resume(RESUME, matcher=matcher), pays, 0.6)
    assert unstated.components["salary"].weight == 0.0 and not any(r.startswith("Asks") for r in unstated.reasons)
    assert unstated.score == other.score


def test_salaries_in_two_currencies_are_compared_at_the_reference_rates(matcher):
    profile = parse_resume(RESUME.replace("casey@example.com", "casey@example.com\nExpected salary: $90,000 a year"),
                           matcher=matcher)
    in_eur = exchange.convert(90000, "USD", "EUR")
    assert 60000 < in_eur < 120000  # the rates shipped are a day's ECB rates: a dollar is roughly a euro
    pays = analyze_job({**DATA_JOB, "salary": f"€{in_eur * 1.05:,.0f} per year"}, matcher)
    short = analyze_job({**DATA_JOB, "salary": f"€{in_eur * 0.9:,.0f} per year"}, matcher)
    good, low = (one_pair(matcher, profile, job, 0.6) for job in (pays, short))
    assert good.components["salary"].score == 100.0 and good.components["salary"].weight == Weights().salary
    assert low.components["salary"].score == pytest.approx(100 - 500 * (1 / 0.9 - 1), abs=0.2)  # a ninth over the top
    assert good.score > low.score
    said = f"Asks USD 90,000 a year (about EUR {in_eur:,.0f} at the ECB rates of {exchange.rates_date()})"
    assert f"{said}; the posting offers EUR {in_eur * 1.05:,.0f}." in good.reasons
    assert f"{said}, more than the posting's EUR {in_eur * 0.9:,.0f}." in low.reasons


def test_tenant_postings_stay_within_their_tenant():
    vectors = np.eye(3, dtype=np.float32)
    mean, std = np.zeros(3), np.ones(3)
    p, j, _ = nearest_postings(vectors[:2], ["a", "b"], vectors, [None, "a", "b"], mean, std, k=5)
    pairs = set(zip(p.tolist(), j.tolist(), strict=True))
    assert pairs == {(0, 0), (0, 1), (1, 0), (1, 2)}  # a's profile never meets b's posting and back
    p, j, _ = nearest_profiles(vectors[:2], ["a", "b"], vectors, [None, "a", "b"], k=5)
    assert set(zip(p.tolist(), j.tolist(), strict=True)) == pairs


def test_a_posting_that_reads_like_every_resume_does_not_top_every_list():
    # posting 0 is generic: 0.6 to every resume; posting k+1 is specific: 0.5 to resume k, 0.1 to the others
    rng = np.random.default_rng(3)
    n = 8
    similarity = np.full((n, n + 1), 0.1)
    similarity[:, 0] = 0.6
    similarity[np.arange(n), np.arange(n) + 1] = 0.5
    similarity += rng.normal(0, 0.01, similarity.shape)
    profiles, jobs = np.eye(n, dtype=np.float32), similarity.T.astype(np.float32)  # cosine = the table above
    mean, std = posting_typicals(profiles, ["t"] * n, jobs, [None] * (n + 1))
    assert mean[0] == pytest.approx(0.6, abs=0.02) and mean[1] == pytest.approx(0.15, abs=0.02)
    p, j, _ = nearest_postings(profiles, ["t"] * n, jobs, [None] * (n + 1), mean, std, k=1)
    assert j.tolist() == (np.arange(n) + 1).tolist()  # each resume's own posting first, not the generic one


def test_one_of_alternatives_the_posting_names_is_enough(matcher):
    """'3+ years with Go or Java': a Java developer has what the posting asks, as a Go developer does; one with neither
    misses one skill, said as the posting says it."""
    job = analyze_job({"id": "j", "title": "Software Engineer", "description":
                       "Requirements:\n- 3+ years of experience with Go or Java\n- PostgreSQL"}, matcher)
    resume = "Sam Example\nExperience\nDev at X | 2018 - 2024\nSkills\n{}"
    java, go, neither = (parse_resume(resume.format(skills), matcher=matcher) for skills in
                         ("Java, PostgreSQL", "Go, PostgreSQL", "PostgreSQL, Excel"))
    with_java, with_go, without = (one_pair(matcher, profile, job, 0.3) for profile in (java, go, neither))
    assert with_java.components["skills"].score == with_go.components["skills"].score == 100.0
    assert "Has 2 of 2 required skills: Java, PostgreSQL." in with_java.reasons
    assert with_java.missing_skills == [] and "Java" in with_java.matched_skills
    assert without.components["skills"].score == 50.0  # PostgreSQL, half of what is asked
    assert without.missing_skills == ["Go or Java"]
    assert "Missing required skills: Go or Java." in without.reasons


def test_the_years_a_posting_asks_with_a_skill_are_set_beside_the_candidate_s(matcher):
    job = analyze_job({"id": "j", "title": "Software Engineer", "description":
                       "Requirements:\n- 5+ years of experience with Python or Go\n- 3+ years of PostgreSQL\n- Docker"}, matcher)
    profile = parse_resume("Sam Example\nExperience\nDeveloper at X | Jan 2020 - Jan 2024\n- Services in Go on PostgreSQL\n"
                           "Developer at Y | Jan 2018 - Jan 2020\n- Python scripts\nSkills\nDocker", matcher=matcher)
    reasons = one_pair(matcher, profile, job, 0.3).reasons
    years = {s.name: s.years for s in profile.meta.skills}
    assert years["Go"] > years["Python"] > 0 and years["Docker"] is None
    # of Python or Go, the one the candidate has longest; Docker, asked with no years, is not said
    assert f"Years with the skills asked: Go {years['Go']:g} (5 asked), PostgreSQL {years['PostgreSQL']:g} (3 asked)." in reasons


def test_a_posting_s_typical_candidate_counts_its_alternatives_once(matcher):
    """Of six candidates who all know Java, none stands out on a posting asking 'Go or Java': the typical candidate
    covers it wholly too, as the posting's skills component is measured against it."""
    profiles = {f"p{n}": parse_resume(f"Name {n}\nExperience\nDev at X | 2018 - 2024\nSkills\nJava, PostgreSQL", matcher=matcher)
                for n in range(6)}
    job = analyze_job({"id": "j", "title": "Software Engineer", "description":
                       "Requirements:\n- Go or Java\n- PostgreSQL"}, matcher)
    built = Matcher.build(profiles, unit([[1, 0]] * 6), {"j": job}, unit([[1, 0]]), matcher.taxonomy)
    [match] = built.for_profiles(np.array([0]), top_n=1)
    assert "Covers 100% of what the posting asks, as much as its typical candidate (100%)." in match.reasons
    assert match.components["skills"].score == 50.0


def test_skills_every_resume_lists_do_not_make_a_posting_fit_everyone(matcher):
    """A posting asking what every resume lists is covered wholly by everyone: covering it says nothing of fit, while
    covering most of a specialist posting that the others miss does. The vectors are the same, so only skills differ."""
    base = "Name {n}\nname{n}@example.com\nExperience\nAgent at Acme | 2018 - 2024\nSkills\nCommunication, Teamwork, Customer Service"
    profiles = {f"p{n}": parse_resume(base.format(n=n) + (", Python, SQL, Apache Airflow" if n == 0 else ""), matcher=matcher)
                for n in range(6)}
    generic = analyze_job({"id": "generic", "title": "Agent", "description": "Requirements:\n- Communication, teamwork, customer service"}, matcher)
    special = analyze_job({"id": "special", "title": "Agent", "description": "Requirements:\n- Python, SQL, Apache Airflow, Kubernetes"}, matcher)
    built = Matcher.build(profiles, unit([[1, 0]] * 6), {"generic": generic, "special": special}, unit([[1, 0]] * 2),
                          matcher.taxonomy)
    first = {m.job_id: m for m in built.for_profiles(np.array([0]), top_n=2)}
    assert first["generic"].components["skills"].score == 50.0  # covered wholly, as by every other candidate
    assert first["special"].components["skills"].score > semantic_score(2.0)  # two deviations and more above the rest
    assert first["special"].score > first["generic"].score
    assert "Covers 75% of what the posting asks, more than its typical candidate (12%)." in first["special"].reasons
    assert "Covers 100% of what the posting asks, as much as its typical candidate (100%)." in first["generic"].reasons
    # with no pool to compare with, the share covered is the score
    alone = Matcher.build({"p0": profiles["p0"]}, unit([[1, 0]]), {"special": special}, unit([[1, 0]]), matcher.taxonomy)
    [match] = alone.for_profiles(top_n=1)
    assert match.components["skills"].score == 75.0 and not any(r.startswith("Covers") for r in match.reasons)


def test_covering_one_of_a_posting_s_two_skills_stands_no_further_above_typical_than_a_step_of_a_half_allows(matcher):
    """A posting asking two skills moves a candidate's share in halves: an accountant's Communication, one of a nurse
    posting's two asks that two of six candidates have, scored 90 for skills (more than two deviations above the
    typical sixth, as if the share spread like a long list's). Its spread is now at least a binomial's over two asks."""
    profiles = {f"p{n}": parse_resume(f"Name {n}\nExperience\nClerk at X | 2018 - 2024\nSkills\n"
                                      + ("Communication, Accounting" if n < 2 else "Accounting"), matcher=matcher)
                for n in range(6)}
    job = analyze_job({"id": "j", "title": "Registered Nurse", "description": "Requirements:\n- Nursing\n- Communication"},
                      matcher)
    built = Matcher.build(profiles, unit([[1, 0]] * 6), {"j": job}, unit([[1, 0]]), matcher.taxonomy)
    [match] = built.for_profiles(np.array([0]), top_n=1)
    assert "Covers 50% of what the posting asks, more than its typical candidate (17%)." in match.reasons
    assert semantic_score(1.0) < match.components["skills"].score < semantic_score(2.0)


def test_a_few_profiles_do_not_make_one_of_them_stand_far_above_the_rest():
    """Eight profiles measure a posting's spread of similarity at 0.058 where 120 measure 0.081: with the small one
    alone, a resume a little closer than the others stood two deviations above them (an interior designer scored 80
    on a software posting). The spread is pooled with the prior one; a large pool keeps what it measured."""
    rng = np.random.default_rng(5)

    def spread(n, measured):
        column = np.clip(0.3 + rng.normal(0, measured, n), -1, 1)
        profiles = np.stack([column, np.sqrt(1 - column ** 2)], axis=1).astype(np.float32)  # cosine to (1, 0) = column
        _, std = posting_typicals(profiles, ["t"] * n, unit([[1, 0]]), [None])
        return float(std[0]), float(column.std())

    few, few_measured = spread(6, 0.02)
    assert few_measured < 0.03 and few > 0.07  # one resume 0.05 above the others is under a deviation above them
    many, many_measured = spread(2000, 0.02)
    assert many == pytest.approx(many_measured, abs=0.003)


def test_a_candidate_whose_title_reads_like_the_posting_title_ranks_it_higher(matcher):
    # three postings read the same to the resume as a whole; only their titles differ. The candidate's title
    # (a data engineer) is close to the first posting's title, typical of the second's, far from the third's
    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    jobs = {j["id"]: analyze_job(j, matcher) for j in (
        {**DATA_JOB, "id": "close"}, {**DATA_JOB, "id": "typical"}, {**DATA_JOB, "id": "far"})}
    untitled = parse_resume(RESUME.replace("Data Engineer\ncasey", "casey").replace("Data Engineer at Flow Co", "Flow Co"),
                            matcher=matcher, tenant="t1")
    assert profile.basics.label == "Data Engineer" and not untitled.basics.label
    built = Matcher.build({"casey": profile, "nolabel": untitled}, unit([[1, 0], [1, 0]]), jobs, unit([[1, 0.1]] * 3),
                          matcher.taxonomy, profile_titles=unit([[1, 0, 0], [1, 0, 0]]),
                          job_titles=unit([[0.95, 0.3, 0], [0.5, 0.5, 0.7], [0, 0.3, 1]]))
    ranked = built.for_profiles(top_n=3)
    casey = [m for m in ranked if m.profile_id == "casey"]
    assert [m.job_id for m in casey] == ["close", "typical", "far"]
    assert casey[0].components["title"].score > 70 > 30 > casey[2].components["title"].score
    assert any("Their title, Data Engineer, is close to this posting's" in r for r in casey[0].reasons)
    assert any("is far from this posting's" in r for r in casey[2].reasons)
    # a resume without a title is neither helped nor hurt by the postings' titles
    assert {m.components["title"].score for m in ranked if m.profile_id == "nolabel"} == {50.0}
    # a newcomer scored against the same postings reads the same titles
    alone = built.with_profiles({"casey": profile}, unit([[1, 0]]), unit([[1, 0, 0]])).for_profiles(top_n=1)
    assert alone[0].job_id == "close" and alone[0].score == casey[0].score


def test_reasons_quote_titles_set_in_capitals_as_words_not_shouting(matcher):
    profile = parse_resume(RESUME.replace("Data Engineer\ncasey", "SENIOR DATA ENGINEER\ncasey"), matcher=matcher, tenant="t1")
    assert profile.basics.label == "SENIOR DATA ENGINEER"
    jobs = {j["id"]: analyze_job(j, matcher) for j in (
        {**DATA_JOB, "id": "close", "title": "PA TO THE HEAD OF IT DEPT"}, {**DATA_JOB, "id": "typical"}, {**DATA_JOB, "id": "far"})}
    built = Matcher.build({"casey": profile}, unit([[1, 0]]), jobs, unit([[1, 0.1]] * 3), matcher.taxonomy,
                          profile_titles=unit([[1, 0, 0]]), job_titles=unit([[0.95, 0.3, 0], [0.5, 0.5, 0.7], [0, 0.3, 1]]))
    match = next(m for m in built.for_profiles(top_n=3) if m.job_id == "close")
    assert "Their title, Senior Data Engineer, is close to this posting's (PA to the Head of IT Dept)." in match.reasons
    # what is not all capitals is quoted as written
    assert readable_case("Senior QA Lead, iOS") == "Senior QA Lead, iOS" and readable_case("CEO") == "CEO"


def test_a_title_only_less_unrelated_than_the_others_is_not_close(matcher):
    """Among software postings an interior designer's title stands well above its typical similarity wherever a
    posting says 'designer' or 'architect': standing above counts only as far as the similarity reaches that of
    two titles of one occupation."""
    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    ids = ["unrelated", "related", *(f"other{i}" for i in range(20))]
    jobs = {jid: analyze_job({**DATA_JOB, "id": jid}, matcher) for jid in ids}
    rng = np.random.default_rng(1)
    # cosine to the profile's title (1, 0, 0): 0.25 and 0.75; the others about 0.05
    others = [[0.05 + rng.normal(0, 0.02), 1, rng.normal(0, 0.3)] for _ in ids[2:]]
    built = Matcher.build({"casey": profile}, unit([[1, 0]]), jobs, unit([[1, 0.1]] * len(ids)), matcher.taxonomy,
                          profile_titles=unit([[1, 0, 0]]), job_titles=unit([[0.25, 0.968, 0], [0.75, 0.661, 0], *others]))
    ranked = {m.job_id: m for m in built.for_profiles(top_n=len(ids))}
    unrelated, related = ranked["unrelated"], ranked["related"]
    assert related.components["title"].score > 90 and any("is close to this posting's" in r for r in related.reasons)
    assert unrelated.components["title"].score < 10  # though its 0.25 stands several deviations above the typical 0.05
    assert not any("is close to this posting's" in r for r in unrelated.reasons)


def test_match_all_keeps_top_n_each_way(matcher):
    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    jobs = {j["id"]: analyze_job(j, matcher) for j in (DATA_JOB, NURSE_JOB, {**NURSE_JOB, "id": "feed-nurse"})}
    jobs["nurse"].meta.tenant = "t1"  # the tenant's own posting; feed-nurse comes from a global feed
    result = match_all({"p": profile}, unit([[1, 0]]), jobs, unit([[1, 0.1], [1, 0.1], [1, 0.1]]), matcher.taxonomy, top_n=1)
    # top 1 for the profile is the data job; the tenant's nurse posting keeps its best profile too (both directions)
    assert [m.job_id for m in result] == ["data", "nurse"]


def test_explaining_leaves_the_cycle_collector_as_it_found_it(matcher):
    """Explaining pauses Python's cycle collector (its full passes over the corpus took 40 % of the time); a pause that
    outlived it would let memory grow for the rest of a long-lived process (the Dagster daemon's runs, the API)."""
    import gc

    profile, job = parse_resume(RESUME, matcher=matcher), analyze_job(DATA_JOB, matcher)
    assert gc.isenabled()
    assert one_pair(matcher, profile, job, 0.6).score > 0
    assert gc.isenabled()
    gc.disable()
    try:
        one_pair(matcher, profile, job, 0.6)
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
    built = Matcher.build({"p": profile}, unit([[1, 0]]), {job.id: job}, unit([[1, 0]]), matcher.taxonomy)
    scores = built.score(np.array([0]), np.array([0]), np.array([0.5]))
    built.profiles.profiles.clear()  # the profile gone: explaining fails midway
    with pytest.raises(KeyError):
        built.explain(scores, np.array([0]))
    assert gc.isenabled()  # and the collector is back on


def test_only_pairs_with_a_change_are_scored_again(matcher):
    casey = parse_resume(RESUME, matcher=matcher, tenant="t1")
    robin = parse_resume(RESUME.replace("Casey", "Robin"), matcher=matcher, tenant="t1")
    jobs = {j["id"]: analyze_job(j, matcher) for j in (DATA_JOB, NURSE_JOB)}
    profile_vectors, job_vectors = unit([[1, 0], [1, 0.2]]), unit([[1, 0.1], [0.2, 1]])
    built = Matcher.build({"casey": casey}, profile_vectors[:1], jobs, job_vectors, matcher.taxonomy)
    _, first = refresh_matches(built, Stored.of([]), {"casey"}, set(jobs), top_n=5)
    assert {m.job_id for m in first} == {"data", "nurse"}
    # robin arrives and the nurse posting expires: only robin's pairs are scored; casey's data match is kept as it was
    built = Matcher.build({"casey": casey, "robin": robin}, profile_vectors, {"data": jobs["data"]}, job_vectors[:1], matcher.taxonomy)
    kept, fresh = refresh_matches(built, Stored.of(first), {"robin"}, set(), top_n=5)
    assert built.pairs_scored == 1 and [(m.profile_id, m.job_id) for m in fresh] == [("robin", "data")]
    assert kept.tolist() == [m.job_id == "data" for m in first]


def test_a_matcher_resumed_from_its_saved_postings_scores_a_newcomer_as_the_one_that_saved_them(tmp_path, matcher):
    from jobfit.matching.state import PostingsState, population

    casey = parse_resume(RESUME, matcher=matcher, tenant="t1")
    robin = parse_resume(RESUME.replace("Casey", "Robin"), matcher=matcher, tenant="t1")
    jobs = {j["id"]: analyze_job(j, matcher) for j in (DATA_JOB, NURSE_JOB)}
    first, second = (s.id for s in jobs["data"].meta.required_skills[:2])  # as if postings asked for them together
    taxonomy = matcher.taxonomy.with_pairs({first: frozenset({second}), second: frozenset({first})})
    built = Matcher.build({"casey": casey}, unit([[1, 0]]), jobs, unit([[1, 0.1], [0.2, 1]]), taxonomy,
                          profile_titles=unit([[1, 0, 0]]), job_titles=unit([[0.9, 0.3, 0], [0, 0.3, 1]]))
    path = tmp_path / "matching" / "postings_state.pkl"
    built.postings_state("config-1", {"data": "a", "nurse": "b"}, population(["t1"])).save(path)
    fetched = []
    state = PostingsState.load(path)
    assert state.describes({"data": "a", "nurse": "b"}, "config-1") and not state.jobs.jobs  # the postings themselves are not kept, only what scoring needs
    resumed = Matcher.resume(state, matcher.taxonomy, {"robin": robin}, unit([[1, 0.2]]), profile_titles=unit([[1, 0, 0]]),
                             fetch=lambda ids: fetched.extend(ids) or {i: jobs[i] for i in ids})
    expected = built.with_profiles({"robin": robin}, unit([[1, 0.2]]), unit([[1, 0, 0]])).for_profiles(top_n=1)
    got = resumed.for_profiles(top_n=1)
    assert [(m.job_id, m.score, m.reasons) for m in got] == [(m.job_id, m.score, m.reasons) for m in expected]
    assert fetched == [got[0].job_id]  # only the posting explained is read
    assert resumed.taxonomy.cooccurring == taxonomy.cooccurring
    # the typical candidates hold while the profiles they were measured on stay much the same
    state.population = {None: 100, "t1": 60, "t2": 40}
    assert state.fits({None: 108, "t1": 65, "t2": 43})
    assert not state.fits({None: 120, "t1": 80, "t2": 40})  # a fifth more profiles: measured again
    assert not state.fits({None: 105, "t1": 60, "t2": 40, "t3": 5})  # a tenant now has enough to be measured alone
    path.write_bytes(b"torn")
    assert PostingsState.load(path) is None and PostingsState.load(tmp_path / "absent.pkl") is None


def test_a_postings_side_grown_from_kept_rows_scores_as_one_built_from_every_posting(matcher):
    from jobfit.matching.scoring import JobSide

    casey = parse_resume(RESUME, matcher=matcher, tenant="t1")
    jobs = {j["id"]: analyze_job(j, matcher) for j in (DATA_JOB, NURSE_JOB, {
        **DATA_JOB, "id": "data2", "title": "Data Analyst", "description": DATA_JOB["description"] + "\n- Scala or Java"})}
    assert jobs["data2"].meta.alternatives  # the groups of alternatives travel with their rows too
    index = {sid: n for n, sid in enumerate(matcher.taxonomy.skills)}
    whole = JobSide(jobs, index)
    kept = JobSide({"nurse": jobs["nurse"], "data": jobs["data"]}, index).take([1])  # "data" kept from an earlier run
    grown = kept.extended(JobSide({"nurse": jobs["nurse"], "data2": jobs["data2"]}, index)).take([0, 1, 2])
    assert grown.ids == ["data", "nurse", "data2"] == whole.ids
    assert grown.skill_sets(list(index)) == whole.skill_sets(list(index))
    assert {s.id for s in jobs["data"].meta.required_skills} <= whole.skill_sets(list(index))[0]
    vectors = unit([[1, 0.1], [0.2, 1], [1, 0.3]])
    scored = [Matcher.build({"casey": casey}, unit([[1, 0]]), side, vectors, matcher.taxonomy).for_profiles(top_n=3)
              for side in (whole, grown)]
    assert [(m.job_id, m.score, m.reasons) for m in scored[0]] == [(m.job_id, m.score, m.reasons) for m in scored[1]]
    # a run in which no posting is new keeps every row and reads none
    alone = whole.take([0, 1, 2]).extended(JobSide({}, index))
    kept = Matcher.build({"casey": casey}, unit([[1, 0]]), alone, vectors, matcher.taxonomy).for_profiles(top_n=3)
    assert [(m.job_id, m.score) for m in kept] == [(m.job_id, m.score) for m in scored[0]]


def test_a_changed_posting_measured_alone_scores_as_if_every_posting_were_measured_again(matcher, monkeypatch):
    """A posting changed among 100,000 made matching measure every posting's typical candidate again (15 s); the
    others' stand as measured, so only the changed one is measured, over the same pools, sampled the same way, as
    among all of them. A kept posting's skill coverage is measured again when it asks for a skill whose learned pairs
    changed."""
    from jobfit.matching import candidates
    from jobfit.matching.state import population

    monkeypatch.setattr(candidates, "TYPICAL_SAMPLE", 3)  # the pools below are sampled, as those of real tenants are
    monkeypatch.setattr(candidates, "MIN_POPULATION", 2)
    rng = np.random.default_rng(7)
    tenants = ["t1", "t1", "t1", "t1", "t2", "t2", "t2", "t2"]
    profiles = {f"p{n}": parse_resume(RESUME, matcher=matcher, tenant=tenant) for n, tenant in enumerate(tenants)}
    # a posting of each tenant, and one for everyone: the changed one's tenant pool is the second sampled among all
    jobs = {j["id"]: analyze_job(j, matcher) for j in ({**DATA_JOB, "tenant": "t1"}, NURSE_JOB,
                                                       {**DATA_JOB, "id": "data2", "tenant": "t2", "title": "Data Analyst"})}
    assert [j.meta.tenant for j in jobs.values()] == ["t1", None, "t2"]
    vectors, job_vectors = unit(rng.normal(size=(8, 4))), unit(rng.normal(size=(3, 4)))
    whole = Matcher.build(profiles, vectors, jobs, job_vectors, matcher.taxonomy)
    state = whole.postings_state("config", {j: j for j in jobs}, population(tenants))
    skill_ids = list(matcher.taxonomy.skills)
    kept = state.typicals([0, 1], whole.jobs, whole.taxonomy.cooccurring, skill_ids)  # "data", "nurse" as measured before
    assert not len(kept.stale)  # the same pairs learned: every kept coverage stands
    alone = Matcher.build(profiles, vectors, whole.jobs, job_vectors, matcher.taxonomy, kept=kept)
    assert np.allclose(alone.job_mean, whole.job_mean) and np.allclose(alone.job_std, whole.job_std)
    assert np.allclose(alone.coverage.mean, whole.coverage.mean) and np.allclose(alone.coverage.std, whole.coverage.std)
    assert [(m.profile_id, m.job_id, m.score) for m in alone.for_profiles(top_n=3)] == \
        [(m.profile_id, m.job_id, m.score) for m in whole.for_profiles(top_n=3)]
    # a pair learned for Python: the data posting's coverage is measured again, the nurse's stands as kept
    python = next(sid for sid, skill in matcher.taxonomy.skills.items() if skill.name == "Python")
    kept = state.typicals([0, 1], whole.jobs, {**whole.taxonomy.cooccurring, python: frozenset({"nursing"})}, skill_ids)
    assert list(kept.stale) == [0]
    kept.coverage.mean[:] += 0.3  # as if measured otherwise: only a row measured again is right
    partly = Matcher.build(profiles, vectors, whole.jobs, job_vectors, matcher.taxonomy, kept=kept)
    assert np.isclose(partly.coverage.mean[0], whole.coverage.mean[0])
    assert np.isclose(partly.coverage.mean[1], whole.coverage.mean[1] + 0.3)


def test_weights_per_tenant_from_a_file(tmp_path, matcher):
    path = tmp_path / "weights.yaml"
    path.write_text("default: {skills: 40, semantic: 40}\ntenants:\n  acme: {skills: 90, semantic: 0}\n")
    weights = load_weights(path)
    assert weights[None].skills == 40 and weights["acme"].semantic == 0 and weights["acme"].experience == 10
    assert weights["acme"].version != weights[None].version
    profile = parse_resume(RESUME, matcher=matcher, tenant="acme")
    job = analyze_job(DATA_JOB, matcher)
    built = Matcher.build({"p": profile}, unit([[1, 0]]), {"data": job}, unit([[0, 1]]), matcher.taxonomy, weights)
    match = built.for_profiles(top_n=1)[0]
    assert match.weights_version == weights["acme"].version and match.components["skills"].weight == 90
    path.write_text("default: {skill: 40}\n")
    with pytest.raises(ValueError, match="unknown match components: skill"):
        load_weights(path)
    assert load_weights(tmp_path / "absent.yaml") == {None: Weights()}


def test_vector_tables_index_tenants_and_grow_an_ann_index_past_the_threshold(tmp_path):
    from jobfit.vectors import VectorStore

    store = VectorStore(tmp_path / "lancedb", ann_min_rows=600)
    vectors = unit(np.random.default_rng(0).normal(size=(700, 384)))
    store.upsert("jobs", [f"g{i}" for i in range(300)], [None] * 300, ["s"] * 300, vectors[:300])
    store.upsert("jobs", [f"a{i}" for i in range(200)], ["acme"] * 200, ["s"] * 200, vectors[300:500])
    assert store.indexes("jobs") == {"tenant": "Bitmap"}  # exact search below the threshold
    store.upsert("jobs", [f"b{i}" for i in range(200)], ["beta"] * 200, ["s"] * 200, vectors[500:])
    assert store.indexes("jobs") == {"tenant": "Bitmap", "vector": "IvfPq"}
    found = store.nearest("jobs", vectors[550], 20, "acme")
    assert found and all(not job.startswith("b") for job, _ in found)  # beta's postings never reach acme
    assert store.nearest("jobs", vectors[550], 1, "beta")[0] == ("b50", pytest.approx(1.0, abs=1e-4))


def test_a_digest_draws_what_each_score_is_made_of(matcher):
    import re

    from jobfit.digests import build_digest

    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    job = analyze_job(DATA_JOB, matcher)
    match = one_pair(matcher, profile, job, 0.6)
    digest, html = build_digest("p", profile, [match], {job.id: job}, "2026-12-02", set())
    parts = digest["matches"][0]["components"]
    # heaviest first, only the parts that counted (no salary: neither side states one), shares adding up to the whole
    assert [p["name"] for p in parts][:2] == ["semantic", "skills"] and "salary" not in [p["name"] for p in parts]
    assert sum(p["share"] for p in parts) in (99, 100, 101)
    skills = next(p for p in parts if p["name"] == "skills")
    assert skills["score"] == round(match.components["skills"].score)
    # one bar per part, as wide as its score, under the label a reader knows it by
    drawn = re.findall(r'<span role="listitem">([^<]+) <small>\((\d+)% of the score\)</small></span>\s*'
                       r'<div class="bar"><span style="width: (\d+)%"></span></div>', html)
    assert [(label.strip(), int(width)) for label, _, width in drawn] == [(p["label"], p["score"]) for p in parts]
    assert ("Skills asked", skills["score"]) in [(label.strip(), int(width)) for label, _, width in drawn]
