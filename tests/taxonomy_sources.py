"""Taxonomy sources for tests: a few ESCO and O*NET rows, written where a test asks."""

import csv

ESCO = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def write_sources(tmp_path):
    """A few ESCO and O*NET rows in the real files' shapes (columns, multi-line labels, tab files): (esco dir, onet dir)."""
    esco, onet = tmp_path / "esco", tmp_path / "onet"
    esco.mkdir()
    onet.mkdir()
    skill_cols = ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "hiddenLabels",
                  "status", "description"]
    write_csv(esco / "skills_en.csv", skill_cols, [
        ["KSC", ESCO + "cp", "knowledge", "cross-sector", "computer programming", "Lua\nAWK", "", "released", "Coding."],
        ["KSC", ESCO + "py", "knowledge", "sector-specific", "Python (computer programming)", "Python\nPython3", "", "released", "The language."],
        ["KSC", ESCO + "sql", "knowledge", "sector-specific", "SQL", "SEQUEL\nStructured Query Language", "", "released", "Queries."],
        ["KSC", ESCO + "pg", "knowledge", "sector-specific", "PostgreSQL", "Postgres", "", "released", "A database."],
        ["KSC", ESCO + "team", "skill/competence", "transversal", "work in teams", "teamwork\nplan", "", "released",
         "Plan the plan with a plan and plan again; plan, plan."],
        ["KSC", ESCO + "db", "knowledge", "sector-specific", "query optimisation", "query tuning", "", "released", "Tuning."],
        ["KSC", ESCO + "src", "knowledge", "sector-specific", "Source (digital game creation systems)", "Source\nSource 2", "",
         "released", "A game engine."],
        ["KSC", ESCO + "scr", "knowledge", "sector-specific", "Scratch (computer programming)", "Scratch\nScratch 3", "",
         "released", "A block language."],
        ["KSC", ESCO + "man", "skill/competence", "sector-specific", "compile airport certification manuals",
         "maintain airport certification manuals\nand procedures", "", "released", "Manuals."],
        ["KSC", ESCO + "spk", "knowledge", "sector-specific", "SPARK", "", "", "released", "An Ada language."],
        ["KSC", ESCO + "dapp", "knowledge", "sector-specific", "decentralized application frameworks", "embark\nHardhat",
         "", "released", "Frameworks for dapps."],
        ["KSC", ESCO + "mb", "knowledge", "sector-specific", "marine biology\u00a0", "sea  biology", "", "released", "Sea life."],
    ])
    write_csv(esco / "skillGroups_en.csv", ["conceptUri", "preferredLabel", "altLabels", "code"], [
        ["http://data.europa.eu/esco/isced-f/0613", "software and applications development and analysis", "", ""],
        ["http://data.europa.eu/esco/isced-f/0619", "ICT not elsewhere classified", "", ""]])
    write_csv(esco / "broaderRelationsSkillPillar.csv", ["conceptType", "conceptUri", "broaderType", "broaderUri"], [
        ["KnowledgeSkillCompetence", ESCO + "py", "KnowledgeSkillCompetence", ESCO + "cp"],
        ["KnowledgeSkillCompetence", ESCO + "cp", "SkillGroup", "http://data.europa.eu/esco/isced-f/0613"],
        ["KnowledgeSkillCompetence", ESCO + "pg", "KnowledgeSkillCompetence", ESCO + "sql"],
        ["KnowledgeSkillCompetence", ESCO + "spk", "KnowledgeSkillCompetence", ESCO + "cp"],
        ["KnowledgeSkillCompetence", ESCO + "dapp", "KnowledgeSkillCompetence", ESCO + "cp"],
    ])
    write_csv(esco / "skillSkillRelations.csv", ["originalSkillUri", "originalSkillType", "relationType", "relatedSkillType", "relatedSkillUri"],
         [[ESCO + "db", "knowledge", "optional", "knowledge", ESCO + "sql"]])
    write_csv(esco / "occupations_en.csv", ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels", "description"], [
        ["Occupation", OCC + "dev", "2512", "software developer", "programmer\napplication developer", "", "Writes software."],
        ["Occupation", OCC + "nurse", "2221", "specialist nurse", "registered nurse", "", "Cares."],
        ["Occupation", OCC + "mobile", "2512", "mobile application developer", "android developer", "", "Apps."],
    ])
    write_csv(esco / "broaderRelationsOccPillar.csv", ["conceptType", "conceptUri", "broaderType", "broaderUri"], [
        ["Occupation", OCC + "dev", "ISCOGroup", "http://data.europa.eu/esco/isco/C2512"],
        ["Occupation", OCC + "mobile", "Occupation", OCC + "dev"],
    ])
    write_csv(esco / "ISCOGroups_en.csv", ["conceptUri", "code", "preferredLabel"], [
        ["u1", "25", "Information and communications technology professionals"], ["u2", "2512", "Software developers"],
        ["u3", "22", "Health professionals"]])
    write_csv(esco / "occupationSkillRelations.csv", ["occupationUri", "relationType", "skillType", "skillUri"], [
        [OCC + "dev", "essential", "knowledge", ESCO + "py"], [OCC + "dev", "optional", "knowledge", ESCO + "pg"]])
    for name in ("language", "transversal", "digital"):
        write_csv(esco / f"{name}SkillsCollection_en.csv", ["conceptUri"], [[ESCO + "team"]] if name == "transversal" else [])
    (onet / "Technology Skills.txt").write_text(
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\n"
        "15-1252.00\tPostgreSQL\t1\tData base management system software\tY\n"
        "15-1252.00\tOracle Python\t1\tObject or component oriented development software\tN\n"
        "15-1252.00\tAcme Widget Studio\t1\tDevelopment environment software\tN\n"
        "15-1252.00\tAcme Widget Studio Pro\t1\tDevelopment environment software\tN\n"
        "15-1252.00\tZorblax\t1\tDevelopment environment software\tN\n"
        "15-1252.00\tLoom\t1\tDevelopment environment software\tY\n", encoding="utf-8")
    (onet / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tDevelop.\n29-1141.00\tRegistered Nurses\tCare.\n")
    (onet / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n15-1252.00\tProgrammer\tn/a\t08\n"
        "15-1252.00\tRuby on Rails Developer\tn/a\t01\n15-1252.00\tSoftware Quality Engineer (SQE)\tSQE\t01\n"
        "15-1252.00\tCisco Certified Internetwork Expert (CCIE)\tCCIE\t08\n"
        "29-1141.00\tCharge Nurse\tn/a\t08\n")
    return esco, onet
