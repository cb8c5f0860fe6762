"""Short cuts of the validation (issue 16), each against the way it replaces.

* `vocab.Vocabulary.__contains__` reads the words kept for the configuration and language in
  use without asking for them: it must follow every change of either, as `_words` does;
* `load_records._folder` lists a folder's record files as `sorted(glob)` and `Sources.rel` did;
* `validate_privacy._flat` gathers the same texts as a plain recursion over the data.
"""

from __future__ import annotations

import random
from pathlib import Path

from hub import config, i18n, load_records, validate_privacy, vocab
from hub.load_records import Sources


def test_vocabulary_membership_follows_the_configuration_and_language(tmp_path: Path) -> None:
    words = vocab.TOPICS
    before = config.active()
    first = next(iter(before.labels("topics")))
    assert first in words and "no-such-topic" not in words
    changed = before.model_copy(deep=True)
    changed.vocabularies.topics.pop(first)  # a hub.yml without that word
    changed.vocabularies.topics["brand-new-topic"] = changed.vocabularies.topics[
        next(iter(changed.vocabularies.topics))]
    changed._cache.clear()  # (the copy's labels, read from its own vocabularies)
    with config.using(changed):
        assert first not in words
        assert "brand-new-topic" in words
    assert first in words and "brand-new-topic" not in words  # the first configuration again
    # and by language: the words are the same in every language, the labels not
    speaking = i18n.language()
    try:
        for lang in ("fr", speaking):
            i18n.use(lang)
            assert (first in words) is True
            assert words._last[1] == lang
    finally:
        i18n.use(speaking)


def test_vocabulary_membership_is_the_words_membership() -> None:
    words = vocab.TOPICS
    every = list(words._words())
    for word in every + ["", "x", every[0].upper(), every[0] + " ", None, 3]:
        assert (word in words) == (word in words._words())


def test_folder_listing_is_sorted_glob_with_paths_from_the_root(tmp_path: Path) -> None:
    rng = random.Random(1)
    folder = tmp_path / "content" / "briefs"
    folder.mkdir(parents=True)
    names = {"".join(rng.choice("ab-1.Z_é") for _ in range(rng.randint(1, 6))) + ".md"
             for _ in range(200)}
    names |= {".hidden.md", "x.fr.md", "B.md", "a.md", "a-b.md", "a.b.md", "not-md.txt"}
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")
    src = Sources(tmp_path)
    expected = [(p, src.rel(p)) for p in sorted(folder.glob("*.md"))]
    assert load_records._folder(src, folder, "*.md") == expected
    assert load_records._folder(src, tmp_path / "none", "*.md") == []


def _flat_by_recursion(data: object, out: list[str]) -> list[str]:
    if isinstance(data, str):
        out.append(data)
    elif isinstance(data, dict):
        for k, v in data.items():
            if k not in validate_privacy.ID_FIELDS:
                _flat_by_recursion(v, out)
    elif isinstance(data, list):
        for v in data:
            _flat_by_recursion(v, out)
    return out


def test_record_texts_are_gathered_as_by_recursion() -> None:
    rng = random.Random(2)
    keys = ["name", "id", "member", "bio", "partners", "x", "members", "title"]

    def value(depth: int) -> object:
        roll = rng.random()
        if depth > 3 or roll < 0.5:
            return rng.choice(["text", "", None, "Asha Rai"])
        if roll < 0.75:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(keys): value(depth + 1) for _ in range(rng.randint(0, 4))}

    for _ in range(3000):
        data = value(0)
        assert validate_privacy._flat(data, []) == _flat_by_recursion(data, [])


def test_name_first_look_is_whether_some_name_has_all_its_words() -> None:
    rng = random.Random(3)
    pool = ["asha", "rai", "mei", "lin", "kofi", "annan", "x", "withheld", "de", "la", "cruz", "o"]
    names = [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))) for _ in range(40)]
    finder = validate_privacy.NameFinder(names)
    for _ in range(5000):
        tokens = tuple(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert finder._may_hold(tokens) == any(set(n) <= set(tokens) for n in finder.names), tokens


def _outcome(check, value: str) -> object:
    from pydantic_core import PydanticCustomError

    try:
        return ("ok", check(value))
    except PydanticCustomError as exc:
        return ("error", str(exc), exc.context)


def test_plain_web_addresses_checked_as_every_address_is() -> None:
    from hub import fields

    rng = random.Random(4)
    hosts = ["example.org", "a-b.example.org", "who.int", "x", "localhost", "wa.me", "t.me", "EXAMPLE.ORG",
             "xn--bcher-kva.de", "1.2.3.4", "[::1]", "a..b", "-a.org", "a.org:443", "user@a.org", "a.b.c.d.e"]
    tails = ["", "/", "/a/b.html", "/ref/9000", "?q=1&r=2", "#frag", "/x?y#z", "/a b", "/a%20b", "/'x'",
             '/"x"', "/<x>", "/a\\b", "/`x`", "/{x}", "/[x]", "/~u/", "/:@!$&()*+,;=", "/\u200bx",
             "/é", "/12345678", "/call/+44 20 7946 0958", "/mail/jane.doe@example.org", "/%0A", "\n",
             "/x\ty", " ", "/0712345678", "/wa.me/1"]
    schemes = ["https://", "https://", "https://", "http://", "HTTPS://", "//", "mailto:", "tel:", "",
               "https:/", "https:///", "ftp://", "javascript:"]
    values = ["https://example.org", "https://who.int/publications/i/item/9789240061484"]
    for _ in range(20_000):
        values.append(rng.choice(schemes) + rng.choice(hosts) + "".join(rng.choice(tails)
                                                                          for _ in range(rng.randint(0, 3))))
    taken = 0
    for value in values:
        assert _outcome(fields._url, value) == _outcome(fields._url_checked, value), repr(value)
        taken += fields._PLAIN_URL_RE.fullmatch(value) is not None
    assert taken > 1000


def test_front_matter_found_as_the_pattern_finds_it() -> None:
    from hub import load_yaml

    rng = random.Random(6)
    pieces = ["---", "...", "--- ", "---\t", "----", "-- ", "--- x", "title: x", "a: 1", "", " ", "\t", "x",
              "...x", "# c", "---\r", "\r", "é"]
    texts = ["---\n---\n", "---\n...\n", "---\n", "---\na: 1\n---", "---\r\na: 1\r\n---\r\nbody", "x\n---\n"]
    for _ in range(30_000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 7))]
        texts.append(rng.choice(["---\n", "--- \n", "---\r\n", "---", "", "----\n"]) +
                     rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n", "\r\n"]))
    found = 0
    for text in texts:
        fast, slow = load_yaml._front_match(text), load_yaml._FRONT.match(text)
        assert (fast is None) == (slow is None), repr(text)
        if slow is not None:
            found += 1
            assert (fast.group(1), fast.end()) == (slow.group(1), slow.end()), repr(text)
    assert found > 3000


def test_headings_left_out_cannot_repeat_a_section() -> None:
    from markdown.extensions.toc import slugify

    from hub import brief_sections, exchanges

    rng = random.Random(7)
    pieces = ["Recommendations", "recommendations", "RE", "commendations", "References", "Cite", "cite",
              "this", "brief", "Brief", "title", "Title", "brief-title", "brief_title", "Innovation",
              "Outcomes", "Related", "exchange", "-", " ", "  ", "_", "!", "*", "`", ":", "'", "1", "x",
              "Ré", "é", "{#cite}", "{: #x}", "#", "\t", "—"]
    headings = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(20_000)]
    for generated in (brief_sections.GENERATED, exchanges.GENERATED):
        signatures = brief_sections._signatures(generated)
        hits = 0
        for text in headings:
            if "{" in text or not text.isascii():
                continue
            if text.lower().translate(brief_sections._NOT_IN_SLUG) not in signatures:
                assert slugify(text, "-") not in generated, repr(text)
            else:
                hits += 1
        assert hits > 100
    # and whole bodies: the same problems as with every line and every heading looked at
    forms = ["## {}", "{}", "===", "---", "```", "~~~", "   # {}", "    # {}", "text", "", "- item", "#{}",
             "#### {} ##"]
    bodies = ["\n".join(rng.choice(forms).format(h) for h in rng.sample(headings, 6)) for _ in range(2000)]
    found = 0
    for body in bodies:
        fast = brief_sections.duplicate_section_problems(body, "f.md", 5)
        found += bool(fast)
        assert fast == _sections_every_line(body, "f.md", 5), repr(body)
    assert found > 100


def _sections_every_line(body: str, rel: str, first_line: int) -> list:
    """`duplicate_section_problems` as first written: every line matched, every heading slugged."""
    from hub import brief_sections as bs
    from hub.problems import Problem

    out = []
    lines, fenced = body.split("\n"), False
    for i, line in enumerate(lines):
        if bs._FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        found = None
        m = bs._ATX.match(line)
        if m:
            found = (line.index(m.group(2)) + 1, m.group(2))
        elif i > 0 and bs._SETEXT.match(line) and lines[i - 1].strip() and not bs._ATX.match(lines[i - 1]):
            if not (line.lstrip().startswith("-") and lines[i - 1].lstrip().startswith(("-", "*", "+"))):
                found = (len(lines[i - 1]) - len(lines[i - 1].lstrip()) + 1, lines[i - 1].strip())
                i -= 1
        if not found:
            continue
        col, text = found
        hid, title, given = bs._heading_id(text)
        if hid in bs.GENERATED:
            shown, hint = bs.GENERATED[hid]
            what = f"takes the id {hid!r} of" if given else "repeats"
            out.append(Problem(rel, first_line + i, col, "body",
                               f"the heading {title!r} {what} a section the page already has "
                               f"({shown!r})", f"remove this heading; {hint}"))
    return out
