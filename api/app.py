"""jobfit's read-only HTTP API over the serving snapshot. Another tenant's record answers 404, never 403."""


import json
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from api.auth import ApiKeys, KeysFileError, Principal
from api.serving import ServingStore, SnapshotMissing
from jobfit import __version__, exchange
from jobfit.documents import QuarantineReason
from jobfit.schema import CareerLevel, EmploymentType
from resources.settings import Settings

NOT_FOUND = "not found"


def _profile_filter(principal: Principal, alias: str = "p") -> tuple[str, list]:
    if principal.role == "admin":
        return "TRUE", []
    if principal.role == "recruiter":
        return f"{alias}.tenant = ?", [principal.tenant]
    return f"{alias}.tenant = ? AND lower({alias}.email) = ?", [principal.tenant, principal.email]


# The name of each place a profile would relocate to: its town, else its region, else the town of a place no gazetteer
# knew ('hyderbad, Telangana'), else its country's code ('anywhere in India')
_RELOCATION_NAMES = ("list_transform(json_extract(p.profile_json, '$.meta.relocation.places[*]'), lambda x: lower(coalesce("
                     "x->>'city', x->>'region', split_part(x->>'address', ',', 1), x->>'countryCode')))")


def _place_filter(place: str) -> tuple[str, list]:
    """Profiles of candidates who live in a place or are willing to relocate there (`jobfit.matching.scoring.relocates_there`
    says the same of a job's place): a town or region by name, a country by any of its places."""
    from jobfit.resumes.places import parse_place

    where = parse_place(place)
    name = (where.city or where.region or "").lower() if where else place.strip().lower()
    country = where.countryCode if where else None
    whole_country = bool(where and not where.city and not where.region)
    lives = ("(lower(p.profile_json->>'$.basics.location.city') = ? OR lower(p.profile_json->>'$.basics.location.region') = ? "
             "OR (? AND p.profile_json->>'$.basics.location.countryCode' = ?))")
    moves = (f"(coalesce((p.profile_json->>'$.meta.relocation.willing')::BOOLEAN, FALSE) AND ("
             f"list_has_any({_RELOCATION_NAMES}, [?, lower(?)]) "
             f"OR (? AND list_contains(json_extract_string(p.profile_json, '$.meta.relocation.places[*].countryCode'), ?)) "
             f"OR (json_array_length(p.profile_json, '$.meta.relocation.places') = 0 AND (? IS NULL "
             f"OR coalesce(p.profile_json->>'$.basics.location.countryCode', ?) = ?))))")
    return f"({lives} OR {moves})", [name, name, whole_country, country, name, country or "", whole_country, country,
                                     country, country, country]


# A posting still open today: an expired one leaves the match lists at once, before matching next runs.
OPEN_POSTING = "(j.expires IS NULL OR j.expires >= current_date::VARCHAR)"


def _job_filter(principal: Principal, alias: str = "j") -> tuple[str, list]:
    if principal.role == "admin":
        return "TRUE", []
    return f"({alias}.tenant IS NULL OR {alias}.tenant = ?)", [principal.tenant]


def _profile_out(row: dict) -> dict:
    return {"id": row["profile_id"], "tenant": row["tenant"], "status": row["status"], "superseded_by": row["superseded_by"],
            "profile": json.loads(row["profile_json"])}


def _file_name(source_path: str) -> str:
    """What a person knows a received file by: its name in the inbox, or its Drive link (the server's paths stay
    private)."""
    return source_path if "://" in source_path else source_path.rsplit("/", 1)[-1]


def _job_out(row: dict) -> dict:
    return {"id": row["id"], "tenant": row["tenant"], "fetch_date": row["fetch_date"], "job": json.loads(row["posting_json"])}


def _match_out(row: dict) -> dict:
    match = json.loads(row["match_json"])
    return {
        "profile_id": match["profile_id"], "job_id": match["job_id"], "score": match["score"],
        "components": match["components"], "matched_skills": match["matched_skills"],
        "missing_skills": match["missing_skills"], "reasons": match["reasons"],
        "weights_version": match["weights_version"], "computed_at": match["computed_at"],
        "title": row.get("title"), "company": row.get("company"), "name": row.get("name"),
    }


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    store = ServingStore(settings.layout.serving_path)
    keys = ApiKeys(settings.api_keys_file)
    app = FastAPI(
        title="jobfit API",
        version=__version__,
        description="Read-only access to profiles, postings, explained matches and digests. "
        "Send your key as `X-API-Key` (or `Authorization: Bearer <key>`).",
    )

    @app.exception_handler(SnapshotMissing)
    @app.exception_handler(KeysFileError)
    async def _unavailable(request: Request, exc: Exception):
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    def principal(
        x_api_key: Annotated[str | None, Header()] = None, authorization: Annotated[str | None, Header()] = None
    ) -> Principal:
        key = x_api_key or (authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None)
        found = keys.lookup(key) if key else None
        if found is None:
            raise HTTPException(status_code=401, detail="a valid API key is required (header X-API-Key)")
        return found

    Caller = Annotated[Principal, Depends(principal)]

    def visible_profile(profile_id: str, who: Principal) -> dict:
        where, params = _profile_filter(who)
        rows = store.query(f"SELECT * FROM profiles p WHERE p.profile_id = ? AND {where}", [profile_id, *params])
        if not rows:
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        if rows[0]["status"] == "withdrawn":
            raise HTTPException(status_code=410, detail="The candidate withdrew: this profile and its matches were erased.")
        return rows[0]

    @app.get("/health", tags=["service"])
    def health() -> dict:
        try:
            built = store.query("SELECT built_at FROM snapshot")[0]["built_at"]
            counts = store.query(
                "SELECT (SELECT count(*) FROM profiles WHERE status = 'active') AS profiles, (SELECT count(*) FROM job_postings) AS jobs, "
                "(SELECT count(*) FROM matches) AS matches"
            )[0]
        except SnapshotMissing as exc:
            return {"status": "starting", "detail": str(exc), "version": __version__, "api_keys": keys.health()}
        return {"status": "ok", "version": __version__, "snapshot_built_at": built.isoformat(), **counts, "api_keys": keys.health()}

    @app.get("/profiles", tags=["profiles"])
    def list_profiles(
        who: Caller,
        q: Annotated[str | None, Query(min_length=2, max_length=100, description="words found in the name, e-mail or title (any case)")] = None,
        skill: Annotated[str | None, Query(description="a taxonomy skill id the profile names")] = None,
        career_level: Annotated[CareerLevel | None, Query(description="internship, entry, associate, mid-senior, director, executive")] = None,
        min_years: Annotated[float | None, Query(ge=0, description="years of experience at least")] = None,
        place: Annotated[str | None, Query(min_length=2, max_length=100, description="a town, region or country: candidates who live there or "
                                           "are willing to relocate there (one willing to relocate anywhere, to any place "
                                           "of their own country)")] = None,
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict:
        where, params = _profile_filter(who)
        clauses = ["p.status = 'active'", where]
        for word in (q or "").lower().split():
            clauses.append("strpos(lower(concat_ws(' ', p.name, p.email, p.label)), ?) > 0")
            params.append(word)
        if skill is not None:
            clauses.append("list_contains(json_extract_string(p.profile_json, '$.meta.skills[*].id'), ?)")
            params.append(skill)
        if career_level is not None:
            clauses.append("p.career_level = ?")
            params.append(career_level)
        if min_years is not None:
            clauses.append("p.years_experience >= ?")
            params.append(min_years)
        if place is not None:
            clause, values = _place_filter(place)
            clauses.append(clause)
            params += values
        rows = store.query(
            f"SELECT profile_id, tenant, name, label, email, career_level, years_experience, skills FROM profiles p "
            f"WHERE {' AND '.join(clauses)} ORDER BY name, profile_id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return {"items": [{"id": r.pop("profile_id"), **r} for r in rows], "limit": limit, "offset": offset}

    @app.get("/profiles/{profile_id}", tags=["profiles"])
    def get_profile(profile_id: str, who: Caller) -> dict:
        return _profile_out(visible_profile(profile_id, who))

    @app.get("/profiles/{profile_id}/matches", tags=["matches"])
    def profile_matches(profile_id: str, who: Caller, limit: int = Query(20, ge=1, le=200)) -> dict:
        visible_profile(profile_id, who)
        where, params = _job_filter(who)
        rows = store.query(
            f"SELECT m.match_json, j.title, j.company FROM matches m JOIN job_postings j ON j.id = m.job_id "
            f"WHERE m.profile_id = ? AND {where} AND {OPEN_POSTING} ORDER BY m.score DESC LIMIT ?",
            [profile_id, *params, limit],
        )
        return {"profile_id": profile_id, "items": [_match_out(r) for r in rows]}

    @app.get("/jobs", tags=["jobs"])
    def list_jobs(
        who: Caller,
        remote: Annotated[str | None, Query(pattern="^(Full|Hybrid|None)$", description="Full, Hybrid or None (on-site)")] = None,
        # (an unknown value is refused with the values there are, not answered with an empty list)
        type: Annotated[EmploymentType | None, Query(description="employment type: full-time, part-time, contract, temporary, internship, volunteer")] = None,
        seniority: Annotated[CareerLevel | None, Query(description="internship, entry, associate, mid-senior, director, executive")] = None,
        min_salary: Annotated[float | None, Query(ge=0, description="yearly, in `currency`; postings whose range reaches it")] = None,
        currency: Annotated[str, Query(pattern="^[A-Z]{3}$", description="ISO 4217 code of min_salary; postings in other "
                                       "currencies are compared at the ECB reference rates (those with none only in their own)")] = "USD",
        skill: Annotated[str | None, Query(description="a taxonomy skill id, asked for as required or preferred")] = None,
        occupation: Annotated[str | None, Query(description="an occupation id or ESCO URI")] = None,
        since: Annotated[date | None, Query(description="posted on or after (YYYY-MM-DD)")] = None,
        include_expired: bool = False,
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict:
        where, params = _job_filter(who)
        clauses = [where]
        for column, value in (("remote", remote), ("employment_type", type), ("seniority", seniority)):
            if value is not None:
                clauses.append(f"j.{column} = ?")
                params.append(value)
        if min_salary is not None:
            floors = {currency: min_salary} | {c: exchange.convert(min_salary, currency, c) for c in exchange.currencies()}
            floors = {c: floor for c, floor in floors.items() if floor is not None}
            clauses.append("(" + " OR ".join(["(j.salary_currency = ? AND j.salary_max >= ?)"] * len(floors)) + ")")
            params += [value for item in floors.items() for value in item]
        if skill is not None:
            clauses.append("(list_contains(json_extract_string(j.posting_json, '$.meta.required_skills[*].id'), ?) OR "
                           "list_contains(json_extract_string(j.posting_json, '$.meta.preferred_skills[*].id'), ?))")
            params += [skill, skill]
        if occupation is not None:
            clauses.append("? IN (json_extract_string(j.posting_json, '$.meta.occupation.id'), "
                           "json_extract_string(j.posting_json, '$.meta.occupation.esco_uri'))")
            params.append(occupation)
        if since is not None:
            clauses.append("j.date >= ?")
            params.append(since.isoformat())
        if not include_expired:
            clauses.append(OPEN_POSTING)
        rows = store.query(
            f"SELECT id, tenant, title, company, date, remote, seniority, category, employment_type, salary_min, "
            f"salary_max, salary_currency, json_extract_string(j.posting_json, '$.meta.occupation.title') AS occupation "
            f"FROM job_postings j WHERE {' AND '.join(clauses)} ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return {"items": rows, "limit": limit, "offset": offset}

    def visible_job(job_id: str, who: Principal) -> dict:
        where, params = _job_filter(who)
        rows = store.query(f"SELECT * FROM job_postings j WHERE j.id = ? AND {where}", [job_id, *params])
        if not rows:
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        return rows[0]

    @app.get("/jobs/{job_id}", tags=["jobs"])
    def get_job(job_id: str, who: Caller) -> dict:
        return _job_out(visible_job(job_id, who))

    @app.get("/jobs/{job_id}/matches", tags=["matches"])
    def job_matches(job_id: str, who: Caller, limit: int = Query(20, ge=1, le=200)) -> dict:
        visible_job(job_id, who)
        where, params = _profile_filter(who)
        rows = store.query(
            f"SELECT m.match_json, p.name FROM matches m JOIN profiles p ON p.profile_id = m.profile_id "
            f"WHERE m.job_id = ? AND {where} ORDER BY m.score DESC LIMIT ?",
            [job_id, *params, limit],
        )
        return {"job_id": job_id, "items": [_match_out(r) for r in rows]}

    def skill_refs(ids: list[str]) -> list[dict]:
        if not ids:
            return []
        rows = store.query("SELECT id, name, category FROM skills WHERE list_contains(?, id) ORDER BY name", [ids])
        return [{"id": r["id"], "name": r["name"], "category": r["category"]} for r in rows]

    @app.get("/skills", tags=["taxonomy"])
    def search_skills(who: Caller, q: Annotated[str, Query(min_length=1, max_length=100)],
                      category: str | None = None, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
        """Skills whose name or an alias contains `q`: exact names first, then names starting with it, then the
        most asked for in current postings. When none does, the skills nearest to `q` in meaning, each with
        its similarity (0-1)."""
        needle = q.strip().lower()
        visible, visible_params = _job_filter(who, "d")
        skills_with_demand = (
            "SELECT s.id, s.name, s.type, s.category, s.hot, coalesce(d.required, 0) AS required, "
            "coalesce(d.preferred, 0) AS preferred{rank} FROM skills s LEFT JOIN (SELECT skill_id, sum(required) AS "
            f"required, sum(preferred) AS preferred FROM skill_demand d WHERE {visible} GROUP BY skill_id) d "
            "ON d.skill_id = s.id WHERE {where} AND (? IS NULL OR s.category = ?) "
        )
        rows = store.query(
            skills_with_demand.format(
                rank=", CASE WHEN lower(s.name) = ? OR list_contains(list_transform(s.aliases, lambda a: lower(a)), ?) "
                     "THEN 0 WHEN starts_with(lower(s.name), ?) THEN 1 ELSE 2 END AS rank",
                where="(contains(lower(s.name), ?) OR len(list_filter(s.aliases, lambda a: contains(lower(a), ?))) > 0)")
            + "ORDER BY rank, required + preferred DESC, s.hot DESC, length(s.name), s.name LIMIT ?",
            [needle, needle, needle, *visible_params, needle, needle, category, category, limit],
        )
        similarity: dict[str, float] = {}
        if not rows:  # no name or alias holds the words: the skills nearest in meaning ('fixing cars')
            similarity = {link.skill.id: link.similarity for link in _linker().nearest(needle, k=limit)}
            rows = sorted(store.query(skills_with_demand.format(rank="", where="list_contains(?, s.id)"),
                                      [*visible_params, list(similarity), category, category]),
                          key=lambda r: -similarity[r["id"]])
        return {"q": q, "items": [
            {k: r[k] for k in ("id", "name", "type", "category", "hot")}
            | ({"match": "meaning", "similarity": similarity[r["id"]]} if similarity else {"match": "name"})
            | {"demand": {"required": r["required"], "preferred": r["preferred"]}} for r in rows]}

    def _linker():
        from jobfit.skill_linking import shared_linker

        path = settings.layout.taxonomy_path  # the taxonomy the pipeline materialized, else the one jobfit ships
        return shared_linker(str(path), path.stat().st_mtime) if path.exists() else shared_linker()

    @app.get("/skills/{skill_id}", tags=["taxonomy"])
    def get_skill(skill_id: str, who: Caller) -> dict:
        rows = store.query("SELECT * FROM skills WHERE id = ?", [skill_id])
        if not rows:
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        skill = rows[0]
        where, params = _job_filter(who, "d")
        demand = store.query(f"SELECT coalesce(sum(required), 0) AS required, coalesce(sum(preferred), 0) AS preferred "
                             f"FROM skill_demand d WHERE d.skill_id = ? AND {where}", [skill_id, *params])[0]
        occupations = store.query("SELECT id, title, isco_group FROM occupations WHERE list_contains(?, id) ORDER BY title",
                                  [skill["occupations"][:50]])
        return {
            "id": skill["id"], "name": skill["name"], "type": skill["type"], "category": skill["category"],
            "aliases": skill["aliases"], "esco_uri": skill["esco_uri"], "hot_technology": skill["hot"],
            "parents": skill_refs(skill["parents"]), "children": skill_refs(skill["children"]),
            "related": skill_refs(skill["related"]), "occupations": occupations,
            "demand": {"required": demand["required"], "preferred": demand["preferred"]},
            "taxonomy_version": skill["version"],
        }

    @app.get("/occupations", tags=["taxonomy"])
    def search_occupations(who: Caller, q: Annotated[str, Query(min_length=1, max_length=100)],
                           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
        """Occupations whose title or an alternative label contains `q`, exact titles first."""
        needle = q.strip().lower()
        rows = store.query(
            "SELECT id, title, esco_uri, isco_group, isco_label, category, onet_socs, "
            "CASE WHEN lower(title) = ? THEN 0 WHEN list_contains(list_transform(aliases, lambda a: lower(a)), ?) THEN 1 "
            "WHEN starts_with(lower(title), ?) THEN 2 ELSE 3 END AS rank FROM occupations "
            "WHERE contains(lower(title), ?) OR len(list_filter(aliases, lambda a: contains(lower(a), ?))) > 0 "
            "ORDER BY rank, length(title), title LIMIT ?",
            [needle, needle, needle, needle, needle, limit],
        )
        return {"q": q, "items": [{k: r[k] for k in ("id", "title", "esco_uri", "isco_group", "isco_label", "category", "onet_socs")} for r in rows]}

    @app.get("/digests/{profile_id}/{date}", tags=["digests"], responses={200: {"content": {"text/html": {}}}})
    def get_digest(profile_id: str, date: str, who: Caller, accept: Annotated[str | None, Header()] = None):
        visible_profile(profile_id, who)
        rows = store.query("SELECT digest_json, html FROM digests WHERE profile_id = ? AND date = ?", [profile_id, date])
        if not rows:
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        if accept and "text/html" in accept:
            return HTMLResponse(rows[0]["html"])
        return json.loads(rows[0]["digest_json"])

    @app.get("/documents", tags=["documents"])
    def list_documents(
        who: Caller,
        status: Annotated[Literal["stored", "text", "quarantined", "unpacked"] | None, Query(
            description="stored (not read yet), text (read: its profile follows), quarantined, or unpacked (an archive an "
                        "older jobfit stored whole: its files are documents of their own, its message names them)")] = None,
        reason: Annotated[QuarantineReason | None, Query(description="why documents are in quarantine")] = None,
        tenant: Annotated[str | None, Query(description="the tenant whose inbox or Drive folder sent them (admins)")] = None,
        since: Annotated[date | None, Query(description="received on or after (YYYY-MM-DD, UTC)")] = None,
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict:
        """The files received, newest first: one item per file and tenant, with what became of it (its profiles, or why
        it is in quarantine and what to do)."""
        clauses, params = ["TRUE"], []
        if who.role != "admin":
            clauses.append("s.tenant = ?")
            params.append(who.tenant)
        if who.role == "candidate":
            where, values = _profile_filter(who)
            clauses.append(f"EXISTS (SELECT 1 FROM profiles p WHERE p.sha256 = s.sha256 AND {where})")
            params += values
        for column, value in (("s.tenant", tenant), ("d.status", status), ("d.reason", reason)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            clauses.append("s.seen_at >= ?::DATE")
            params.append(since.isoformat())
        where, values = _profile_filter(who)
        rows = store.query(
            f"SELECT s.sha256, s.tenant, s.source_path, s.seen_at, d.status, d.format, d.size_bytes, d.reason, d.message, "
            f"d.warning, (SELECT list(p.profile_id ORDER BY p.profile_id) FROM profiles p "
            f"            WHERE p.sha256 = s.sha256 AND p.tenant = s.tenant AND {where}) AS profile_ids "
            f"FROM document_sources s JOIN documents d USING (sha256) WHERE {' AND '.join(clauses)} "
            f"ORDER BY s.seen_at DESC, s.source_path LIMIT ? OFFSET ?",
            [*values, *params, limit, offset],
        )
        return {"items": [{
            "sha256": r["sha256"], "tenant": r["tenant"], "file": _file_name(r["source_path"]), "seen_at": r["seen_at"].isoformat(),
            "status": r["status"], "format": r["format"], "size_bytes": r["size_bytes"],
            "quarantine": {"reason": r["reason"], "message": r["message"]} if r["status"] == "quarantined" else None,
            "warning": r["warning"], "profile_ids": r["profile_ids"] or [],
        } for r in rows], "limit": limit, "offset": offset}

    @app.get("/documents/{sha256}", tags=["documents"])
    def get_document(sha256: str, who: Caller) -> dict:
        rows = store.query("SELECT * FROM documents WHERE sha256 = ?", [sha256])
        sources = store.query("SELECT tenant, source_path, seen_at FROM document_sources WHERE sha256 = ?", [sha256])
        if not rows:
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        if who.role == "recruiter" and who.tenant not in {s["tenant"] for s in sources}:
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        if who.role == "candidate":
            where, params = _profile_filter(who)
            if not store.query(f"SELECT 1 FROM profiles p WHERE p.sha256 = ? AND {where}", [sha256, *params]):
                raise HTTPException(status_code=404, detail=NOT_FOUND)
        document = rows[0]
        if who.role != "admin":
            sources = [s for s in sources if s["tenant"] == who.tenant]
        where, params = _profile_filter(who)
        profile_ids = [r["profile_id"] for r in store.query(f"SELECT profile_id FROM profiles p WHERE p.sha256 = ? AND {where}", [sha256, *params])]
        return {
            "sha256": sha256, "status": document["status"], "format": document["format"],
            "size_bytes": document["size_bytes"], "pages": document["pages"],
            "quarantine": {"reason": document["reason"], "message": document["message"]} if document["status"] == "quarantined" else None,
            # a damaged file read as far as possible (a truncated PDF): its profile may lack parts
            "warning": document.get("warning"),
            # which readers read it (jobfit.documents.READER_VERSION); released: an operator let it through as a resume
            "reader_version": document.get("reader_version"), "released": bool(document.get("released")),
            "profile_ids": profile_ids,
            "sources": [{"tenant": s["tenant"], "file": _file_name(s["source_path"]), "seen_at": s["seen_at"].isoformat()} for s in sources],
        }

    return app


app = create_app()
