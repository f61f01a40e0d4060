"""Explained scores: the fitting posting ranks first, tenants never cross."""

import numpy as np

from jobfit.jobs import analyze_job
from jobfit.matching import candidate_pairs, match_all, score_match
from jobfit.resumes import parse_resume

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


def test_fitting_posting_scores_higher_and_is_explained(matcher):
    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    data_job, nurse_job = analyze_job(DATA_JOB, matcher), analyze_job(NURSE_JOB, matcher)
    good = score_match("p", profile, data_job, 0.6, matcher.taxonomy)
    bad = score_match("p", profile, nurse_job, 0.1, matcher.taxonomy)
    assert good.score > bad.score + 30
    assert set(good.matched_skills) >= {"Python", "SQL", "Apache Airflow"}
    assert "Nursing" in bad.missing_skills
    assert any("required skills" in reason for reason in good.reasons)
    assert set(good.components) == {"skills", "experience", "education", "location", "semantic"}
    assert 0 <= bad.score <= good.score <= 100


def test_related_skills_count_partly_and_are_said_so(matcher):
    profile = parse_resume("Sam Example\nExperience\nDev at X | 2020 - 2022\nSkills\nPostgreSQL, Python", matcher=matcher)
    narrower = analyze_job({"id": "j", "title": "Analyst", "description": "Requirements:\n- SQL"}, matcher)
    match = score_match("p", profile, narrower, 0.3, matcher.taxonomy)
    assert match.components["skills"].score == 80.0  # PostgreSQL covers SQL mostly
    assert any("through PostgreSQL" in reason for reason in match.reasons)
    assert "Has 0 of 1 required skills." in match.reasons  # partial cover is not claimed as having the skill
    broader = analyze_job({"id": "k", "title": "Web developer", "description": "Requirements:\n- Django"}, matcher)
    assert score_match("p", profile, broader, 0.3, matcher.taxonomy).components["skills"].score == 40.0


def test_tenant_postings_stay_within_their_tenant():
    vectors = np.eye(3, dtype=np.float32)
    pairs = candidate_pairs(vectors[:2], ["a", "b"], vectors, [None, "a", "b"], per_side=5)
    assert (0, 2) not in pairs and (1, 1) not in pairs  # a's profile never meets b's posting and back
    assert {(0, 0), (0, 1), (1, 0), (1, 2)} <= set(pairs)


def test_match_all_keeps_top_n_each_way(matcher):
    profile = parse_resume(RESUME, matcher=matcher, tenant="t1")
    jobs = {j["id"]: analyze_job(j, matcher) for j in (DATA_JOB, NURSE_JOB)}
    result = match_all({"p": profile}, np.ones((1, 4), np.float32) / 2, jobs, np.ones((2, 4), np.float32) / 2,
                       matcher.taxonomy, top_n=1)
    # top 1 for the profile is the data job; the nurse job keeps its best profile too (both directions)
    assert [m.job_id for m in result] == ["data", "nurse"]
