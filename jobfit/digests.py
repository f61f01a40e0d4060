"""Daily digests: each profile's best current matches, what is new since the last digest, as JSON and HTML."""

from __future__ import annotations

from importlib import resources

import jinja2

from jobfit.schema import JobPosting, Match, Profile

TEMPLATES = jinja2.Environment(  # the digest and the letters' pages
    loader=jinja2.FileSystemLoader(str(resources.files("jobfit") / "templates")),
    autoescape=jinja2.select_autoescape(["html"]),
)


# what each part of a score measures, as a reader of the digest names it
COMPONENT_LABELS = {
    "semantic": "Resume and posting alike", "skills": "Skills asked", "title": "Job title", "experience": "Experience",
    "education": "Education", "location": "Location", "salary": "Salary", "llm": "Reviewer's fit",
}


def score_parts(match: Match) -> list[dict]:
    """The parts a match's score is made of, heaviest first: each one's score (0-100) and its share of the total
    weight. A part that did not count for this match (weight 0: a salary only one side states) is left out."""
    total = sum(c.weight for c in match.components.values()) or 1.0
    return [{"name": name, "label": COMPONENT_LABELS.get(name, name.capitalize()), "score": round(c.score),
             "share": round(100 * c.weight / total)}
            for name, c in sorted(match.components.items(), key=lambda item: -item[1].weight) if c.weight > 0]


def build_digest(
    profile_id: str,
    profile: Profile,
    matches: list[Match],
    jobs: dict[str, JobPosting],
    date: str,
    previously_sent: set[str],
    limit: int = 10,
) -> tuple[dict, str]:
    """The digest for one profile on one day: (JSON object, HTML page)."""
    best = sorted(matches, key=lambda m: -m.score)[:limit]
    items = []
    for match in best:
        job = jobs.get(match.job_id)
        items.append(
            {
                "job_id": match.job_id,
                "title": job.title if job else None,
                "company": job.company if job else None,
                "url": job.meta.canonical_url if job else None,
                "score": match.score,
                "new": match.job_id not in previously_sent,
                "matched_skills": match.matched_skills,
                "missing_skills": match.missing_skills,
                "reasons": match.reasons,
                "components": score_parts(match),
            }
        )
    digest = {
        "profile_id": profile_id,
        "date": date,
        "name": profile.basics.name,
        "tenant": profile.meta.tenant,
        "new_matches": sum(1 for item in items if item["new"]),
        "matches": items,
    }
    html = TEMPLATES.get_template("digest.html").render(digest=digest)
    return digest, html
