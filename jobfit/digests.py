"""Daily digests: each profile's best current matches, what is new since the last digest, as JSON and HTML."""

from __future__ import annotations

from importlib import resources

import jinja2

from jobfit.schema import JobPosting, Match, Profile

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(resources.files("jobfit") / "templates")),
    autoescape=jinja2.select_autoescape(["html"]),
)


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
    html = _ENV.get_template("digest.html").render(digest=digest)
    return digest, html
