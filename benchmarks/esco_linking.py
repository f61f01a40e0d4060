"""How often the matcher names the ESCO skill annotators linked a span to (issue 4 figure). Run by hand:

    python benchmarks/esco_linking.py ANNOTATIONS_DIR ESCO_SKILLS_CSV

ANNOTATIONS_DIR holds *_annotations.csv files (columns sentence, span, sub_span, label; label an ESCO
preferred label, or LABEL NOT PRESENT / UNDERSPECIFIED, which are skipped). For each span: the share
whose first matched skill carries the gold label's ESCO URI: with the alias matcher alone, with the
ability linker as its fallback, with the meaning linker (jobfit.skill_linking) alone, and with the alias
matcher when one mention covers the span and the meaning linker otherwise; and the share where the
alias and ability matchers find nothing.
"""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobfit.skill_linking import shared_linker  # noqa: E402
from jobfit.taxonomy import shared_matcher  # noqa: E402


def main(folder: str, esco_skills: str) -> None:
    matcher = shared_matcher()
    uri_of: dict[str, str] = {}
    for row in csv.DictReader(open(esco_skills, encoding="utf-8")):
        uri_of.setdefault(row["preferredLabel"].lower(), row["conceptUri"])
    for path in sorted(Path(folder).glob("*_annotations.csv")):
        rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if r["label"] not in ("LABEL NOT PRESENT", "UNDERSPECIFIED")]
        gold = [(r["span"], uri_of.get(r["label"].lower())) for r in rows]
        unknown = sum(1 for _, uri in gold if uri is None)
        gold = [(span, uri) for span, uri in gold if uri]
        first = with_abilities = nothing = by_meaning = combined = 0
        links = shared_linker().link([span for span, _ in gold], min_similarity=0.0)
        for (span, uri), link in zip(gold, links, strict=True):
            mentions = matcher.find(span)
            first += bool(mentions) and mentions[0].skill.esco_uri == uri
            linked = mentions or matcher.abilities.find(span)
            with_abilities += bool(linked) and linked[0].skill.esco_uri == uri
            nothing += not linked
            by_meaning += link.skill.esco_uri == uri
            whole = len(mentions) == 1 and len(mentions[0].text) >= 0.6 * len(span.strip())
            combined += (mentions[0].skill if whole else link.skill).esco_uri == uri
        n = len(gold)
        print(f"{path.name}: {n} spans; gold first {first / n:.3f} (alias matcher), {with_abilities / n:.3f} "
              f"(with ability linker), {by_meaning / n:.3f} (meaning linker), {combined / n:.3f} (alias when it "
              f"covers the span, else meaning); nothing found {nothing / n:.3f}; labels not in this ESCO {unknown}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
