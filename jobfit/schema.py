"""Pydantic models for the contracts: JSON Resume profiles, JSON Resume job postings, matches.

JSON Resume fields keep their schema names (camelCase); everything JSON Resume lacks lives in `meta`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CareerLevel = Literal["internship", "entry", "associate", "mid-senior", "director", "executive"]
EmploymentType = Literal["full-time", "part-time", "contract", "temporary", "internship", "volunteer"]
EducationLevel = Literal["secondary", "certificate", "associate", "bachelor", "master", "doctorate"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while many models are made: read from the warehouse in bulk, or explained as
    matches. Each model allocates a few dozen objects, so collections come often, and each full one walks every live
    object, the models made so far among them: it took 80 % of reading 55,000 postings and profiles, and 40 % of
    explaining 40,000 matches among 20,000 postings. Making models makes no cycles to collect; the collector is as it
    was after it, also on an error."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Location(_Model):
    address: str | None = None
    city: str | None = None
    region: str | None = None
    countryCode: str | None = None


class SocialProfile(_Model):
    network: str
    url: str
    username: str | None = None


class Basics(_Model):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location = Field(default_factory=Location)
    profiles: list[SocialProfile] = Field(default_factory=list)


class Work(_Model):
    name: str | None = None
    position: str | None = None
    location: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Education(_Model):
    institution: str | None = None
    area: str | None = None
    studyType: str | None = None  # the degree as written ("B.Sc.", "Master of Science")
    level: EducationLevel | None = None  # jobfit's normalization of studyType
    startDate: str | None = None
    endDate: str | None = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class Skill(_Model):
    name: str
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Certificate(_Model):
    name: str
    date: str | None = None
    issuer: str | None = None


class Project(_Model):
    name: str
    description: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    roles: list[str] = Field(default_factory=list)  # 'Role: Application Developer'
    entity: str | None = None  # who it was for ('Client: Acme Bank')
    keywords: list[str] = Field(default_factory=list)  # the tools it used, as written
    url: str | None = None


class Award(_Model):
    title: str
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None


class Publication(_Model):
    name: str
    releaseDate: str | None = None
    url: str | None = None
    summary: str | None = None  # what the resume says of it under its name


class Volunteer(_Model):
    organization: str | None = None
    position: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Interest(_Model):
    """What the person does outside work, as the resume's interests section lists it ('Sports' with its keywords
    'cycling' and 'tennis', or 'Chess' alone)."""

    name: str
    keywords: list[str] = Field(default_factory=list)


class Reference(_Model):
    """A referee as the resume's references section names them: the name as written ('Miss R Williams'), and what it
    says with it (their role, organization and contact details, or a word about the candidate)."""

    name: str
    reference: str | None = None


class Membership(_Model):
    """A professional body, society or board the resume says the person belongs to, as its memberships or affiliations
    section writes it ('Member, Eta Kappa Nu', 'Project Management Institute (PMI)'); JSON Resume has no such field."""

    name: str
    date: str | None = None
    summary: str | None = None


class Achievement(_Model):
    """A work highlight that carries a figure (a percentage, money, a count): what recruiters look for first."""

    work: int  # index into work[]
    text: str
    figures: list[str] = Field(default_factory=list)


class Language(_Model):
    language: str
    fluency: str | None = None


class NormalizedSkill(_Model):
    """A skill resolved against the taxonomy, with the text that showed it."""

    id: str
    name: str
    category: str
    evidence: list[str] = Field(default_factory=list)  # the resume's own wording
    years: float | None = None  # as stated beside the skill, else the merged dates of the roles that mention it
    level: str | None = None  # as stated ("advanced")
    sections: list[str] = Field(default_factory=list)  # where it was mentioned: skills, experience, summary...
    last_used: str | None = None  # "present" or the end (YYYY-MM) of the latest role that mentions it


class Salary(_Model):
    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: Literal["hour", "day", "week", "month", "year"] | None = None
    annualized_min: float | None = None
    annualized_max: float | None = None
    stated: bool = True


class Relocation(_Model):
    """What a resume says of moving for a job ("Willing to relocate to: Pune, Maharashtra - Chennai, Tamil Nadu",
    "Open to relocation", "Not willing to relocate")."""

    willing: bool = True
    places: list[Location] = Field(default_factory=list)  # where to, as far as said; none: anywhere


class ProfileMeta(_Model):
    tenant: str
    document_sha256: str
    schema_version: str
    taxonomy_version: str | None = None
    skills: list[NormalizedSkill] = Field(default_factory=list)
    total_years_experience: float = 0.0
    career_level: CareerLevel = "entry"
    education_level: EducationLevel | None = None
    confidence: dict[str, float] = Field(default_factory=dict)
    parser: str = "rules"
    parser_version: str | None = None  # of the rules (jobfit.resumes.PARSER_VERSION), "+" the LLM prompt's in LLM mode
    # in LLM mode, why the rules' reading was kept: the model unavailable (unreachable, timed out, an HTTP error: asked
    # again later, see pipelines.catch_up.llm_retries) or its answer invalid (not asked again: the same text gets it again)
    llm_fallback: Literal["unavailable", "invalid"] | None = None
    provenance: dict[str, str] = Field(default_factory=dict)  # a value ("email", "work[0].startDate") -> the line it was read from
    achievements: list[Achievement] = Field(default_factory=list)
    desired_salary: Salary | None = None  # what the resume says the candidate asks ("Expected salary: $90,000")
    relocation: Relocation | None = None  # what the resume says of moving for a job (not said: None)
    memberships: list[Membership] = Field(default_factory=list)


class Profile(_Model):
    """A JSON Resume document plus jobfit's `meta`."""

    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    meta: ProfileMeta


class SalarySuggestion(_Model):
    """A yearly range suggested from the stated salaries of similar postings: never a stated salary."""

    min: float
    max: float
    currency: str
    period: Literal["year"] = "year"
    sample_size: int
    basis: str  # which postings it comes from: 'occupation 2512, mid-senior, germany', 'ISCO group 25'
    confidence: float


class JobMeta(_Model):
    tenant: str | None = None  # None: a global posting every tenant sees
    source_feed: str | None = None
    canonical_url: str | None = None
    fetched_date: str | None = None
    fingerprint: str | None = None  # title + company + description: the same job from two feeds
    expires: str | None = None  # stated validity, else publication date + the TTL from settings
    salary: Salary | None = None
    salary_suggestion: SalarySuggestion | None = None  # only where no salary is stated
    seniority: CareerLevel | None = None
    years_required: float | None = None
    education_level: EducationLevel | None = None
    category: str | None = None
    occupation: dict | None = None
    employment_type: str | None = None
    regions_allowed: list[str] = Field(default_factory=list)  # where a remote or hybrid job may be done from
    required_skills: list[NormalizedSkill] = Field(default_factory=list)
    preferred_skills: list[NormalizedSkill] = Field(default_factory=list)
    # skill ids of which one is enough ('Go or Java'), each group all required or all preferred
    alternatives: list[list[str]] = Field(default_factory=list)
    skill_years: dict[str, float] = Field(default_factory=dict)  # years of experience asked with a skill, by id
    taxonomy_version: str | None = None
    analysis_version: str | None = None  # of the rules that analyzed it (jobfit.jobs.ANALYSIS_VERSION)
    confidence: dict[str, float] = Field(default_factory=dict)

    def asks(self) -> list[tuple[NormalizedSkill, ...]]:
        """What the posting asks, a skill or a group of alternatives ('Go or Java') at a time: the required, then the
        preferred ones not required."""
        required = {s.id for s in self.required_skills}
        asked = self.required_skills + [s for s in self.preferred_skills if s.id not in required]
        if not self.alternatives:
            return [(s,) for s in asked]
        skills = {s.id: s for s in asked}
        group_of = {sid: tuple(g for g in group if g in skills) for group in self.alternatives for sid in group}
        return [tuple(skills[g] for g in ids) for ids in dict.fromkeys(group_of.get(sid, (sid,)) for sid in skills)]


class JobPosting(_Model):
    """A JSON Resume job document plus jobfit's `meta`."""

    id: str
    title: str | None = None
    company: str | None = None
    type: str | None = None
    date: str | None = None
    description: str | None = None
    location: Location | str | None = None
    remote: Literal["Full", "Hybrid", "None"] | None = None
    salary: str | None = None
    experience: str | None = None
    responsibilities: list[str] = Field(default_factory=list)
    qualifications: list[str] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    meta: JobMeta = Field(default_factory=JobMeta)


class MatchComponent(_Model):
    score: float  # 0-100
    weight: float


class Match(_Model):
    profile_id: str
    job_id: str
    tenant: str
    score: float
    components: dict[str, MatchComponent]
    matched_skills: list[str] = Field(default_factory=list)
    missing_skills: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    weights_version: str
    computed_at: str
