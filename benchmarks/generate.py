"""Synthetic, schema-valid hubs of any size, for the benchmark (`make bench`) and its smoke test.

`generate_hub(dest, n, seed)` writes the record files of a hub with about `n` records across
the four kinds (partners, members, policy briefs, curriculum modules) into `dest`:
partners.yaml, members.yaml, curriculum/tracks.yaml, curriculum/modules/*.yaml and
content/briefs/*.md; and, on top of them, one exchange per five partners
(content/exchanges/*.md, between partners of two or three countries). The same `n` and
`seed` always give the same files. Every record is
fictional (`example: true`); the text is made of plain words, with no number that looks like
a phone number and nothing that the validators reject.

`generate_baseline(dest, pages, seed)` writes a plain Material site with the same theme
settings and navigation shape and the given number of Markdown pages of comparable text: the
yardstick the hub's build time is compared with.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
HOOKS = REPO / "hooks"

# Share of each kind in the records: a network has more members than partners.
SHARES = {"partner": 0.25, "member": 0.45, "brief": 0.15, "module": 0.15}

WORDS = (
    "primary care community health workers district hospital referral pathway financing "
    "insurance coverage equity access quality workforce training supervision supply chain "
    "essential medicines maternal newborn child nutrition immunisation screening "
    "hypertension diabetes data information system surveillance governance accountability "
    "budget allocation payment reform household survey outreach clinic rural urban "
    "municipal province federal ministry university curriculum mentoring research evidence "
    "policy dialogue implementation evaluation cohort fieldwork partnership network"
).split()
SYLLABLES = "ka lo mi ra su te vo na pe ri so la du fe go ha ji ko".split()
TRACKS = [("social-medicine", "Social medicine"), ("health-systems", "Health systems"),
          ("primary-care", "Primary care practice"), ("research-methods", "Research methods")]


def _countries() -> list[str]:
    with (HOOKS / "hub" / "data" / "countries.csv").open(encoding="utf-8") as fh:
        return [row["iso2"] for row in csv.DictReader(fh) if row.get("who_region")]


def _vocab():
    import sys

    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    from hub import vocab

    return vocab


@dataclass
class Counts:
    partners: int
    members: int
    briefs: int
    modules: int
    exchanges: int = 0  # on top of `total`: one per five partners

    @property
    def total(self) -> int:
        return self.partners + self.members + self.briefs + self.modules


def split(n: int) -> Counts:
    """How many records of each kind make about `n` records (at least 2 of each)."""
    c = {k: max(2, round(n * s)) for k, s in SHARES.items()}
    return Counts(c["partner"], c["member"], c["brief"], c["module"], max(1, c["partner"] // 5))


def _lexicon(size: int = 4000) -> tuple[list[str], list[float]]:
    """Health-system words and made-up words, with Zipf-like weights: text that compresses
    about as well as real prose (a tiny vocabulary would flatter every gzip number)."""
    rng = random.Random(0)
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    words = WORDS + sorted(made - set(WORDS))
    rng.shuffle(words)
    return words, [1 / (rank + 1) for rank in range(len(words))]


LEXICON, WEIGHTS = _lexicon()


class Text:
    """Deterministic filler: sentences of words from LEXICON, names from syllables."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, lo: int, hi: int) -> str:
        return " ".join(self.rng.choices(LEXICON, WEIGHTS, k=self.rng.randint(lo, hi)))

    def sentence(self, lo: int = 8, hi: int = 16) -> str:
        """Words with the punctuation of real prose now and then (a comma, an apostrophe, a
        hyphen, a parenthesis, a percentage): Markdown's typography work (smart quotes) is
        paid as on real records, not skipped for bare words."""
        w = self.words(lo, hi).split()
        r = self.rng.random
        if r() < 0.4:
            w[len(w) // 2] += ","
        if r() < 0.25:
            w[1] += "'s"
        if r() < 0.2:
            w[-2] = f"{w[-2]}-{w[-1]}"
            w.pop()
        if r() < 0.15:
            w[2:4] = [f"({w[2]}", f"{w[3]})"] if len(w) > 4 else w[2:4]
        if r() < 0.1:
            w.insert(len(w) // 3, f"{self.rng.randint(2, 98)} %")
        s = " ".join(w)
        return s[0].upper() + s[1:] + "."

    def paragraph(self, n: int) -> str:
        """Sentences; one paragraph in five has a word in *emphasis*."""
        text = " ".join(self.sentence() for _ in range(n))
        if self.rng.random() < 0.2:
            words = text.split(" ")
            i = self.rng.randrange(1, len(words) - 1)
            if words[i].isalpha():
                words[i] = f"*{words[i]}*"
            text = " ".join(words)
        return text

    def name(self, parts: int = 2) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def title(self, lo: int = 3, hi: int = 7) -> str:
        return self.words(lo, hi).capitalize()


def _dump(data, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text("# Synthetic records for the benchmark. All fictional.\n" + text, encoding="utf-8")


def _reference(t: Text, i: int, reading: bool = False) -> dict:
    ref = {"title": t.title(4, 9), "publisher": f"{t.name(3)} Press",
           "year": str(1995 + i % 30), "url": f"https://example.org/ref/{i}"}
    if reading:
        ref["open_access"] = t.rng.random() < 0.7
    return ref


def generate_hub(dest: Path, n: int, seed: int = 1) -> Counts:
    """Write the record files of a hub with about `n` records into `dest`, with the
    repository's hub.yml (its vocabularies are the words the records use)."""
    dest.mkdir(parents=True, exist_ok=True)
    if not (dest / "hub.yml").exists():
        shutil.copy2(REPO / "hub.yml", dest / "hub.yml")
    vocab = _vocab()
    rng = random.Random(seed)
    t = Text(rng)
    counts = split(n)
    codes = _countries()
    topics, types = list(vocab.TOPICS), list(vocab.PARTNER_TYPES)
    sdgs = list(vocab.SDG_TARGETS)

    partners = []
    for i in range(counts.partners):
        kind = types[i % len(types)]
        p = {"id": f"partner-{i}", "example": True,
             "name": f"{t.name(3)} {vocab.PARTNER_TYPES[kind]} {t.name(2)}",
             "type": kind, "country": rng.choice(codes), "city": t.name(3)}
        if kind in vocab.GOVERNMENT_TYPES:
            p["tier"] = rng.choice(list(vocab.TIERS))
        p.update(website=f"https://example.org/partners/{i}",
                 focus=rng.sample(topics, rng.randint(1, 3)),
                 sdg_targets=rng.sample(sdgs, rng.randint(0, 2)),
                 since=f"{2005 + i % 20}-{1 + i % 12:02d}-15",
                 description=t.paragraph(rng.randint(2, 5)))
        partners.append(p)
    _dump(partners, dest / "partners.yaml")

    members, public = [], []
    for i in range(counts.members):
        ok = rng.random() < 0.9
        name = f"{t.name(2)} {t.name(3)}"
        # Names are made of the syllables of the text's words: a withheld member's name could
        # occur in a brief by chance, which validation refuses. "Withheld" is no text's word.
        m = {"id": f"member-{i}", "example": True, "name": name if ok else f"{name} Withheld",
             "role": rng.choice(list(vocab.MEMBER_ROLES)),
             "profession": rng.choice(list(vocab.PROFESSIONS)),
             "country": rng.choice(codes), "affiliation": f"partner-{rng.randrange(counts.partners)}",
             "cohort": str(2010 + i % 15), "interests": rng.sample(topics, rng.randint(1, 3)),
             "bio": t.paragraph(2)[:390],
             "consent": {"public": ok, "date": f"{2020 + i % 5}-0{1 + i % 9}-10"}}
        members.append(m)
        if ok:
            public.append(m["id"])
    _dump(members, dest / "members.yaml")

    _dump([{"id": tid, "example": True, "title": title, "description": t.paragraph(2)}
           for tid, title in TRACKS], dest / "curriculum" / "tracks.yaml")
    levels = list(vocab.TRACK_LEVELS)
    by_track: dict[str, list[str]] = {tid: [] for tid, _ in TRACKS}
    for i in range(counts.modules):
        tid = TRACKS[i % len(TRACKS)][0]
        mid = f"module-{i}"
        earlier = by_track[tid][-20:]  # prerequisites only point back: no cycles
        sessions = [{"title": t.title(2, 5), "minutes": str(rng.choice([45, 60, 90])),
                     "format": rng.choice(list(vocab.SESSION_FORMATS))} for _ in range(rng.randint(2, 5))]
        hours = -(-sum(int(s["minutes"]) for s in sessions) // 60) + 1
        module = {"id": mid, "example": True, "title": t.title(3, 6), "track": tid,
                  "level": levels[i % 3],
                  "competencies": rng.sample(list(vocab.COMPETENCIES), rng.randint(1, 3)),
                  "duration_hours": str(hours),
                  "partners": [f"partner-{rng.randrange(counts.partners)}" for _ in range(rng.randint(0, 2))],
                  "objectives": [t.sentence() for _ in range(rng.randint(2, 4))],
                  "prerequisites": rng.sample(earlier, min(len(earlier), rng.randint(0, 2))),
                  "sessions": sessions,
                  "readings": [_reference(t, i * 7 + k, reading=True) for k in range(rng.randint(1, 3))],
                  "assessment": t.paragraph(2)}
        module["partners"] = sorted(set(module["partners"]))
        by_track[tid].append(mid)
        _dump(module, dest / "curriculum" / "modules" / f"{mid}.yaml")

    briefs_dir = dest / "content" / "briefs"
    briefs_dir.mkdir(parents=True, exist_ok=True)
    for i in range(counts.briefs):
        year = 2015 + i % 10
        authors: list[dict] = [{"member": rng.choice(public)}] if public else []
        authors.append({"name": f"{t.name(2)} {t.name(3)}", "affiliation": f"{t.name(3)} Institute"})
        front = {"title": t.title(4, 9), "date": f"{year}-{1 + i % 12:02d}-0{1 + i % 9}",
                 "example": True, "authors": authors,
                 "partners": sorted({f"partner-{rng.randrange(counts.partners)}"
                                     for _ in range(rng.randint(0, 2))}),
                 "countries": rng.sample(codes, rng.randint(1, 2)),
                 "tiers": rng.sample(list(vocab.TIERS), rng.randint(1, 2)),
                 "topics": rng.sample(topics, rng.randint(1, 3)),
                 "sdg_targets": rng.sample(sdgs, rng.randint(1, 2)),
                 "status": "draft" if i % 20 == 19 else "published",
                 "summary": t.paragraph(2)[:390],
                 "recommendations": [t.sentence() for _ in range(rng.randint(2, 4))],
                 "references": [_reference(t, i * 5 + k) for k in range(rng.randint(1, 4))],
                 "review_by": "2099-01-01"}
        body = "\n\n".join(f"## {t.title(2, 4)}\n\n{t.paragraph(rng.randint(3, 6))}"
                           for _ in range(rng.randint(2, 4)))
        front_text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
        (briefs_dir / f"brief-{i}.md").write_text(f"---\n{front_text}---\n\n{body}\n", encoding="utf-8")
    _exchanges(dest, counts, partners, public, rng, t)
    return counts


def _exchanges(dest: Path, counts: Counts, partners: list[dict], public: list[str],
               rng: random.Random, t: Text) -> None:
    """One exchange per five partners, between two or three partners of different countries:
    completed, ongoing and planned ones, every kind."""
    vocab = _vocab()
    kinds, topics = list(vocab.EXCHANGE_KINDS), list(vocab.TOPICS)
    folder = dest / "content" / "exchanges"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(counts.exchanges):
        chosen: list[dict] = []
        for p in rng.sample(partners, len(partners)):
            if p["country"] not in {c["country"] for c in chosen}:
                chosen.append(p)
            if len(chosen) == 2 + i % 2:
                break
        year = 2015 + i % 10
        front: dict = {"title": t.title(4, 8), "example": True, "kind": kinds[i % len(kinds)],
                       "partners": [p["id"] for p in chosen],
                       "start": f"{year}-{1 + i % 12:02d}-01"}
        status = ("completed", "ongoing", "planned")[i % 3]
        if status == "completed":
            front["end"] = f"{year + 1}-{1 + i % 12:02d}-01"
        elif status == "planned":
            front["start"] = f"2099-{1 + i % 12:02d}-01"
        front.update(status=status, topics=rng.sample(topics, rng.randint(1, 3)),
                     innovation=t.sentence(), outcomes=t.paragraph(2)[:900],
                     members=rng.sample(public, min(len(public), rng.randint(0, 2))),
                     references=[_reference(t, 9000 + i * 3 + k) for k in range(rng.randint(1, 3))])
        body = "\n\n".join(f"## {t.title(2, 4)}\n\n{t.paragraph(rng.randint(2, 5))}" for _ in range(2))
        front_text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"exchange-{i}.md").write_text(f"---\n{front_text}---\n\n{body}\n", encoding="utf-8")


# --- the plain Material baseline --------------------------------------------------------------


def baseline_config(hub_config: Path) -> str:
    """The hub's mkdocs.yml without what is the hub's own (hooks, macros, overrides).

    Same theme settings, the same navigation entries and the same search plugin; pages that
    are not in the navigation are marked so, as the hub marks its record pages.
    """
    from mkdocs.utils.yaml import yaml_load  # handles mkdocs.yml's !ENV tags

    cfg = yaml_load(hub_config.read_text(encoding="utf-8"))  # maintainers' file
    from hub import config as network_config  # what hooks/network.py sets from hub.yml
    from hub.sections import identity

    ident = identity(network_config.load_or_raise(hub_config.parent))
    for key in ("site_name", "site_description", "site_url", "repo_url", "repo_name", "copyright"):
        if ident[key] is not None:
            cfg[key] = ident[key]
    cfg["theme"]["language"] = ident["language"]
    for key in ("hooks", "watch", "extra_css", "extra"):
        cfg.pop(key, None)
    cfg["theme"].pop("custom_dir", None)
    cfg["plugins"] = [p for p in cfg.get("plugins", []) if p == "search" or "search" in p] or ["search"]
    cfg["not_in_nav"] = "/*/*\n!/*/index.md\n"
    cfg["validation"] = {"nav": {"omitted_files": "warn", "not_found": "warn"}}
    return yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True)


def _nav_pages(cfg: dict) -> list[str]:
    out: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict):
                for v in item.values():
                    walk(v if isinstance(v, list) else [v])

    walk(cfg.get("nav", []))
    return out


def generate_baseline(dest: Path, pages: int, seed: int = 1, hub_config: Path = REPO / "mkdocs.yml") -> int:
    """A plain Material site with `pages` Markdown pages; returns the number of pages written."""
    rng = random.Random(seed)
    t = Text(rng)
    dest.mkdir(parents=True, exist_ok=True)
    text = baseline_config(hub_config)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    cfg = yaml.safe_load(text)
    docs = dest / cfg.get("docs_dir", "docs")
    nav = _nav_pages(cfg)
    folders = sorted({str(Path(rel).parent) for rel in nav if "/" in rel})
    per_folder = {f: 0 for f in folders}
    # Record-like pages spread over the listing folders, linked from the listings (item-K.md)
    for k in range(max(0, pages - len(nav))):
        folder = folders[k % len(folders)]
        body = [f"# {t.title(3, 7)}", "", t.paragraph(rng.randint(2, 5)), "",
                "Type\n: " + t.words(1, 3), "", "Country\n: " + t.name(3), "",
                "Topics\n: " + t.words(2, 4), "",
                f"## {t.title(1, 3)}", "", t.paragraph(2), "",
                f"## {t.title(1, 3)}", "", *[f"- {t.sentence()}" for _ in range(3)], ""]
        path = docs / folder / f"item-{per_folder[folder]}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(body), encoding="utf-8")
        per_folder[folder] += 1
    written = sum(per_folder.values())
    for rel in nav:
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        n_items = per_folder.get(str(Path(rel).parent), 0) if rel.endswith("/index.md") else 0
        links = "\n".join(f"- [{t.title(3, 6)}](item-{k}.md) {t.words(4, 8)}"
                          for k in range(min(20, n_items)))
        path.write_text(f"# {t.title(1, 2)}\n\n{t.paragraph(3)}\n\n{links}\n", encoding="utf-8")
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("--records", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    counts = generate_hub(args.dest, args.records, args.seed)
    print(f"wrote {counts.total} records to {args.dest}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
