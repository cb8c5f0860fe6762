"""CONTRIBUTING.md: its examples are valid records, and its lists of words are the validator's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, hub_config, run_hub
from hub import vocab
from hub.problems import errors
from hub.validate_links import validate
from hub.vocab_docs import SECTIONS, is_current, update

GUIDE = REPO / "CONTRIBUTING.md"
EXAMPLE_RE = re.compile(r"<!-- example: (\w+) -->\n```(\w+)\n(.*?)\n```", re.S)


def examples() -> dict[str, str]:
    found = {kind: body + "\n" for kind, _, body in EXAMPLE_RE.findall(GUIDE.read_text(encoding="utf-8"))}
    assert set(found) == {"partner", "member", "brief", "module", "exchange"}
    return found


def repo_copy(dest: Path) -> Path:
    for part in ("hub.yml", "partners.yaml", "members.yaml"):
        shutil.copy2(REPO / part, dest / part)
    shutil.copytree(REPO / "curriculum", dest / "curriculum")
    (dest / "content").mkdir()
    shutil.copytree(REPO / "content" / "briefs", dest / "content" / "briefs")
    shutil.copytree(REPO / "content" / "assets", dest / "content" / "assets")
    return dest


def add_example(root: Path, kind: str, text: str) -> Path:
    if kind in ("partner", "member"):
        path = root / f"{kind}s.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
        return path
    if kind == "module":
        record_id = re.search(r"^id: (\S+)", text, re.M).group(1)
        path = root / "curriculum" / "modules" / f"{record_id}.yaml"
    elif kind == "exchange":
        path = root / "content" / "exchanges" / "chw-nepal-kenya.md"
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        path = root / "content" / "briefs" / "midwife-led-birthing-centres.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.sample
def test_every_example_in_the_guide_validates_in_the_hub(tmp_path: Path) -> None:
    root = repo_copy(tmp_path)
    for kind, text in examples().items():
        add_example(root, kind, text)
    cat, problems = validate(root)
    assert errors(problems) == []
    assert "example-np-riverbend-office" in cat.partners and "example-asha-rai" in cat.public_members
    assert "sm-150-maternal-health-equity" in cat.modules
    assert cat.briefs["midwife-led-birthing-centres"].front.status == "draft"
    assert cat.exchanges["chw-nepal-kenya"].direction.word == "south-south"


@pytest.mark.parametrize("kind", ["partner", "member", "brief", "module", "exchange"])
def test_a_broken_example_would_be_caught(kind: str, tmp_path: Path) -> None:
    """The test above can fail: a typo in an example is reported."""
    root = repo_copy(tmp_path)
    text = examples()[kind].replace("country: \"NP\"", "country: \"Nepal\"").replace(
        "level: introductory", "level: beginner").replace("status: draft", "status: drafted").replace(
        "status: completed", "status: done")
    add_example(root, kind, text)
    assert errors(validate(root)[1])


def test_the_word_lists_are_current() -> None:
    assert is_current(GUIDE), "run `make vocab-docs`"
    assert run_hub("vocab-docs", cwd=REPO).returncode == 0


def test_every_controlled_word_is_in_the_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    vocabularies = [vocab.PARTNER_TYPES, vocab.TIERS, vocab.TOPICS, vocab.SDG_TARGETS,
                    vocab.MEMBER_ROLES, vocab.PROFESSIONS, vocab.BRIEF_STATUSES, vocab.TRACK_LEVELS,
                    vocab.COMPETENCIES, vocab.SESSION_FORMATS, vocab.LANGUAGES, vocab.EXCHANGE_KINDS,
                    vocab.EXCHANGE_STATUSES]
    assert [s[2] for s in SECTIONS] == vocabularies
    for words in vocabularies:
        for word, label in words.items():
            assert f"| `{word}` | {label} |" in text, word


def test_a_stale_word_list_is_reported(tmp_path: Path) -> None:
    guide = tmp_path / "CONTRIBUTING.md"
    shutil.copy2(REPO / "hub.yml", tmp_path / "hub.yml")
    text = GUIDE.read_text(encoding="utf-8")
    at = text.index("<!-- vocab:start")  # a word of the generated lists, not of another table
    guide.write_text(text[:at] + text[at:].replace("| --- |\n| `", "| --- |\n| `stale-", 1))
    result = run_hub("vocab-docs", cwd=tmp_path)
    assert result.returncode == 1 and "run `make generate`" in result.stderr
    assert run_hub("vocab-docs", "--write", cwd=tmp_path).returncode == 0
    assert guide.read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")


def test_markers_are_required() -> None:
    with pytest.raises(ValueError):
        update("no markers here")


def test_the_guide_covers_what_contributors_need() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for needed in ("## Way 1: in your web browser", "## Way 2: on your own computer",
                   "## Consent for member profiles", "**Withdrawing consent.**",
                   "## What review looks for", hub_config(REPO).network.licence.name, "make check",
                   "make new KIND="):
        assert needed in text, needed


def test_the_translators_examples_start_translations_that_do_not_exist_yet() -> None:
    """A newcomer who copies the translators' example commands gets a new file, not "exists
    already": none names a translation this repository has (a hub made with `make adopt` has
    no sample records: the example then only shows the command)."""
    text = GUIDE.read_text(encoding="utf-8").split("## Translations", 1)[1].split("\n## ", 1)[0]
    briefs = re.findall(r"make new KIND=brief ID=([\w-]+) TO=(\w+)", text)
    pages = re.findall(r"`KIND=page ID=([\w/-]+)` \(`content/[\w/-]+\.(\w+)\.md`\)", text)
    assert briefs and pages
    for folder, (key, lang) in [("content/briefs/", b) for b in briefs] + [("content/", p) for p in pages]:
        assert not (REPO / f"{folder}{key}.{lang}.md").exists(), f"{folder}{key}.{lang}.md exists already"
