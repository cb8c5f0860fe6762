"""Checks on the text inside records: characters, contact details, theme ids, Markdown bounds.

Every check here reads contributor text of any size, so every one runs in linear time: each
regular expression repeats only with a bound (`{0,64}+`, possessive where it could backtrack)
or starts only where a lookbehind allows, and nothing searches once per name or per field
pair. Each function returns `(offset, message, hint)` triples (offset into the text given);
`fields.py` raises the first one for a single field, `markdown_problems` reports them all.

Contact details are looked for in a normalised copy of the text (NFKC: full-width `＠` and
digits become `@` and 0-9; a few look-alike dots and dashes are mapped too), so that writing
an address in other characters does not hide it.
"""

from __future__ import annotations

import re
import unicodedata

Found = tuple[int, str, str]  # (offset, message, hint)

# --- characters ------------------------------------------------------------------------------

# Outside XML 1.0 (C0 but tab, LF, CR; U+FFFE/FFFF; lone surrogates), C1 and DEL: no text of a
# record needs them, and they break the feeds and exports.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Bidi embeddings, overrides and isolates reorder what a reader sees ("Trojan source").
BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Invisible in a name or title: a name with one looks like another person's (or the same
# person twice). ZWNJ/ZWJ (U+200C/D) are allowed after a letter of a script that uses them.
INVISIBLE_RE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
                          "\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0]")
_JOINERS = "\u200c\u200d"
_BAD_RE = re.compile(CONTROL_RE.pattern[:-1] + BIDI_RE.pattern[1:])
_ASCII_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_CONTROL_BYTES = bytes(c for c in range(128) if _ASCII_CONTROL_RE.match(chr(c)))


def ascii_clean(text: str) -> bool:
    """Whether ASCII `text` holds none of `_ASCII_CONTROL_RE`'s characters: `isprintable` for
    short texts (no character below a space nor DEL: tab and line breaks fail it too), and for
    long ones `bytes.translate`, which deletes those characters (a byte copy, faster than a
    look at each character)."""
    if len(text) < 64 and text.isprintable():
        return True
    return len(text.encode().translate(None, _ASCII_CONTROL_BYTES)) == len(text)


def describe_char(ch: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`, or a plain description for characters with no name."""
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    if name:
        return f"{code} {name}"
    if 0xD800 <= ord(ch) <= 0xDFFF:
        return f"{code} (half of a character pair, not a character)"
    if ord(ch) in (0xFFFE, 0xFFFF):
        return f"{code} (not a character)"
    return f"{code} (a control character)"


def _after(text: str, i: int) -> str:
    before = text[max(0, i - 24):i].rsplit("\n", 1)[-1]
    before = CONTROL_RE.sub("", BIDI_RE.sub("", INVISIBLE_RE.sub("", before)))
    before = before.strip()[-16:]
    return f" (after {before!r})" if before else " (at the start)"


def character_problems(text: str) -> list[Found]:
    """Control characters and bidi overrides, anywhere in contributor text."""
    if text.isascii():
        if ascii_clean(text):
            return []
    elif _BAD_RE.search(text) is None:
        return []
    out: list[Found] = []
    for m in CONTROL_RE.finditer(text):
        out.append((m.start(), f"contains an invisible control character, {describe_char(m.group())}"
                    f"{_after(text, m.start())}",
                    "delete it (retype the text around it if you cannot see it): such characters "
                    "break the site's feeds and data files"))
    if not text.isascii():
        for m in BIDI_RE.finditer(text):
            out.append((m.start(), f"contains {describe_char(m.group())}, an invisible character "
                        f"that changes the order in which text is shown{_after(text, m.start())}",
                        "delete it: right-to-left text is shown correctly without it"))
    return out


def _joins_letters(before: str) -> bool:
    """ZWNJ/ZWJ after a letter or mark of a script beyond Latin: part of how it is written."""
    return ord(before) > 0x36F and (before.isalpha() or unicodedata.category(before).startswith("M"))


def name_character_problems(text: str) -> list[Found]:
    """Invisible characters in a name or a title (on top of `character_problems`)."""
    if text.isascii():
        return []
    out: list[Found] = []
    for m in INVISIBLE_RE.finditer(text):
        ch, i = m.group(), m.start()
        if ch in _JOINERS and i and _joins_letters(text[i - 1]):
            continue  # ZWNJ/ZWJ inside a word of a script that uses them (Persian, Devanagari...)
        out.append((i, f"contains {describe_char(ch)}, an invisible character, in a name or "
                    f"title{_after(text, i)}",
                    "delete it (retype the name if you cannot see it): invisible characters make "
                    "names look alike"))
    return out


# --- normalised copy ---------------------------------------------------------------------------

_LOOKALIKES = str.maketrans({
    "\u3002": ".", "\uff61": ".", "\u2024": ".", "\ufe52": ".",  # ideographic / small full stops
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})


_OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d")


def normalised(text: str) -> tuple[str, list[int] | None]:
    """NFKC of `text` with look-alikes mapped, and where each of its characters came from
    (`None` when offsets are unchanged)."""
    if text.isascii():
        return text, None
    norm = unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)
    if _OTHER_DIGIT_RE.search(norm):  # Arabic-Indic, Devanagari... digits: 0-9, one for one
        norm = _OTHER_DIGIT_RE.sub(lambda m: str(unicodedata.decimal(m.group(), 0)), norm)
    if len(norm) == len(text):
        return norm, None
    parts: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch).translate(_LOOKALIKES) if not ch.isascii() else ch
        n = _OTHER_DIGIT_RE.sub(lambda m: str(unicodedata.decimal(m.group(), 0)), n)
        parts.append(n)
        origin.extend([i] * len(n))
    return "".join(parts), origin


# --- contact details -----------------------------------------------------------------------------

_SP = r"[ \t]{0,3}+"
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_DOT = rf"(?:{_SP}\.{_SP}|{_SP}{_OPEN}{_SP}dot{_SP}{_CLOSE}{_SP}|[ \t]{{1,3}}+dot[ \t]{{1,3}}+)"
_LABEL = r"[^\W_][\w-]{0,62}+"
# An address is found from its "at": `@`, `[at]` / `(at)` / `{at}` / `<at>`, or the word `at`
# between spaces. From each one, the local part is read backwards (in the reversed text, at
# most 64 characters) and the domain forwards: constant work per "at", whatever the text.
# (read on the lower-case copy)
_AT_MARK_RE = re.compile(rf"@|{_OPEN}[ \t]{{0,3}}+at[ \t]{{0,3}}+{_CLOSE}|(?<=[ \t])at(?=[ \t])")
_LOCAL_REVERSED_RE = re.compile(r"[ \t]{0,3}+([\w.+%-]{1,64}+)(?![\w.+%-])")
_DOMAIN_RE = re.compile(rf"(?i)[ \t]{{0,3}}+((?:{_LABEL}{_DOT}){{1,6}}[^\W\d_]{{2,24}}+)(?![\w-])")
# A local part that looks like a user name, not a word of prose ("jane.doe", "info2").
_USERNAME_RE = re.compile(r"[^\W_]{2,}[._][^\W_]{2,}|\d")

# Digits in a row with single separators between them; whether it is a phone number is decided
# in Python from its shape (`_is_phone`).
_PHONE_CAND_RE = re.compile(
    r"(?<![\w.+/-])(\(?[ \t]?\+[ \t]{0,2}+)?(\(?\d{1,15}+\)?)"
    r"((?:(?:[ \t]{1,2}+|[ \t]?[.-][ \t]?)\(?\d{1,15}+\)?){0,10}+)(?![\w-])")
_MASK_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"]{0,2000}+|\b10\.\d{4,9}+/[^\s<>\"]{0,500}+")

MESSAGING_HOSTS = (
    "wa.me", "api.whatsapp.com", "chat.whatsapp.com", "web.whatsapp.com", "call.whatsapp.com",
    "whatsapp.com/send", "t.me", "telegram.me", "telegram.dog", "signal.me", "signal.group",
    "m.me", "line.me", "u.wechat.com", "join.skype.com", "invite.viber.com", "viber.me",
)
_MESSAGING_END_RE = re.compile(r"\.(?:me|com|group|dog)(?![\w-])")  # on lower case
_MESSAGING_RE = re.compile(r"(?i)(?<![\w.-])(?:www\.)?(" + "|".join(
    re.escape(h) for h in sorted(MESSAGING_HOSTS, key=len, reverse=True)) + r")(?![\w-])(?!\.\w)")
CONTACT_SCHEMES = frozenset({
    "mailto", "tel", "sms", "mms", "skype", "viber", "whatsapp", "tg", "signal", "callto",
    "facetime", "facetime-audio", "sip", "sips", "im", "xmpp", "weixin", "line", "fb-messenger",
    "threema", "wtai", "imessage",
})

EMAIL_MESSAGE = "contains an e-mail address; the hub never publishes e-mail addresses"
EMAIL_HINT = ("remove it (readers reach people through the partner's `website:` or the network's "
              "coordinators)")
PHONE_MESSAGE = "contains what looks like a phone number; the hub never publishes phone numbers"
MESSAGING_HINT = "remove it: people are reached through the network's coordinators"


def _isbn(digits: str) -> bool:
    if len(digits) == 13 and digits[:3] in ("978", "979"):
        return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    if len(digits) == 10:
        return sum(int(d) * (10 - i) for i, d in enumerate(digits)) % 11 == 0
    return False


def _year(group: str) -> bool:
    return len(group) == 4 and 1800 <= int(group) <= 2100


def _is_phone(plus: str, body: str) -> bool:
    """Whether digits written as `body` (after an optional `+`) are a phone number, not a
    statistic, a year, a date, a page range or a book number."""
    groups = re.findall(r"\d+", body)
    digits = "".join(groups)
    n = len(digits)
    if n < 8 or n > 15:
        return False
    if "+" in plus:
        return True
    first = groups[0]
    if body.lstrip().startswith("(") and len(first) <= 5 and not _year(first) and n >= 8:
        return True  # an area code in brackets: (01) 442 3345
    if len(first) >= 2 and first[0] == "0" and n >= 9:
        return True  # a trunk or international prefix: 0712 345 678, 0044 20 ...
    if len(groups) < 3 or n < 9 or _isbn(digits) or any(_year(g) for g in groups[:3]):
        return False  # (a year among the first groups: a date, "31.12.2025 10.30")
    seps = set(re.findall(r"[^\d()]+", body.strip()))
    if not seps or all(s.strip() == "" for s in seps):
        return False  # spaces only: "1 234 567 890" is a number, not a phone
    thousands = len(first) <= 3 and all(len(g) == 3 for g in groups[1:])
    if thousands and seps <= {"."}:
        return False  # 1.234.567.890
    return len(first) <= 4


def _emails(norm: str, low: str) -> list[int]:
    """Offsets of the e-mail addresses in `norm` (a normalised text; `low` in lower case)."""
    out = []
    for mark in _AT_MARK_RE.finditer(low):
        i = mark.start()
        local = _LOCAL_REVERSED_RE.match(norm[max(0, i - 68):i][::-1])
        if not local:
            continue
        name = local.group(1)[::-1].lstrip(".")
        domain = _DOMAIN_RE.match(norm, mark.end())
        if not name or not domain:
            continue
        if mark.group()[0] in "aA" and not (
                "dot" in domain.group(1).lower() or _USERNAME_RE.search(name)):
            continue  # "available at who.int": prose, not an address
        out.append(i - len(local.group(0)) + (len(local.group(1)) - len(name)))
    return out


def contact_problems(text: str) -> list[tuple[int, str, str, str]]:
    """E-mail addresses, phone numbers and messaging links in any disguise, as
    (offset, kind, message, hint); kind is "email", "phone" or "messaging"."""
    if text.isascii():  # most texts: nothing normalised, and none of the three first looks finds anything
        low = text.lower()
        if (not _may_hold_at(low) or _AT_MARK_RE.search(low) is None) \
                and ("." not in text or _MESSAGING_END_RE.search(low) is None) \
                and (len(text.encode().translate(None, _NOT_DIGITS)) < 8  # (fewer than 8 digits)
                     or _EIGHT_DIGITS_RE.search(text) is None):
            return []
    out: list[tuple[int, str, str, str]] = []
    norm, origin = normalised(text)

    def at(i: int) -> int:
        return origin[i] if origin is not None and i < len(origin) else i

    low = norm.lower()
    if len(low) != len(norm):  # a letter that lower-cases to two ("İ"): keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
    if "@" in norm or "at" in low:
        out += [(at(i), "email", EMAIL_MESSAGE, EMAIL_HINT) for i in _emails(norm, low)]
    if "." in norm:
        found: set[int] = set()
        for end in _MESSAGING_END_RE.finditer(low):
            lo = max(0, end.start() - 24)  # the longest host, and `www.`
            m = _MESSAGING_RE.search(norm, lo, end.end() + 5)
            if m and m.start() not in found:
                found.add(m.start())
                out.append((at(m.start()), "messaging",
                            f"links to a messaging or call service ({m.group(1)}); the hub never "
                            "publishes ways to call or message a person", MESSAGING_HINT))
    if _has_digits(norm):
        masked = _MASK_RE.sub(lambda m: " " * len(m.group()), norm) if "/" in norm or "www" in low \
            else norm
        for m in _PHONE_CAND_RE.finditer(masked):
            if _is_phone(m.group(1) or "", m.group(2) + m.group(3)):
                out.append((at(m.start()), "phone", PHONE_MESSAGE, "remove it"))
    return out


_EIGHT_DIGITS_RE = re.compile(r"\d(?:\D{0,3}+\d){7}")


# Bytes that are not ASCII digits: `bytes.translate` deletes them, what is left is counted.
_NOT_DIGITS = bytes(c for c in range(256) if not 0x30 <= c <= 0x39)
# What the second and third forms of `_AT_MARK_RE` need: `at` then a space or tab (after
# one), or `at` then a closing bracket (after up to three spaces or tabs). Written to start
# with its letters, so that the pattern is tried only where they are.
_AT_CANDIDATE_RE = re.compile(r"at(?:(?<=[ \t]at)(?=[ \t])|[ \t]{0,3}+[\])}>])")


def _may_hold_at(low: str) -> bool:
    """False when `_AT_MARK_RE` cannot match `low`: each of its three forms needs an `@`, `at`
    and a closing bracket, or `at` between a space or tab on each side. Cheaper looks than one
    pattern of three branches tried at every position of every text: 2x to 20x faster on prose
    (tests/unit/test_text_fast_paths.py compares the two on generated texts)."""
    return "@" in low or _AT_CANDIDATE_RE.search(low) is not None


def _has_digits(text: str) -> bool:
    """At least eight digits close together: the least any phone number has."""
    return _EIGHT_DIGITS_RE.search(text) is not None


def contact_scheme_problem(scheme: str) -> tuple[str, str] | None:
    if scheme in CONTACT_SCHEMES:
        return (f"links to '{scheme}:' addresses are not allowed: the hub never publishes ways to "
                "call or message a person", MESSAGING_HINT)
    return None


# --- Markdown bounds -------------------------------------------------------------------------------
# Python-Markdown is quadratic (or worse) on some inputs: each unclosed `[` (and each `(` after
# `](`) is scanned to the end of its paragraph, deep nesting recurses. The bounds below are far
# above what any brief needs and keep every accepted text fast to build (benchmarks/run.py,
# "hostile worst cases").

MAX_LINE = 10_000  # characters in one line
MAX_NESTING = 8  # quote and list markers at the start of one line
MAX_INDENT = 48  # spaces (or tabs) before the text of a line
MAX_RUN = 100  # the same one of [ ( < * _ ` ~ in a row
MAX_ABBREVIATIONS = 50  # `*[WHO]: World Health Organization` definitions in one text
BLOCK_BUDGET = 100_000  # characters Markdown scans for brackets, per paragraph
TEXT_BUDGET = 300_000  # and in the whole text

_LONG_LINE_RE = re.compile(rf"(?m)^[^\n]{{{MAX_LINE + 1}}}")
_NEST_RE = re.compile(r"(?m)^(?:[ \t]{0,3}+(?:>|[*+-](?=[ \t])|\d{1,9}+[.)](?=[ \t]))[ \t]*+)"
                      rf"{{{MAX_NESTING + 1}}}")
_INDENT_RE = re.compile(rf"(?m)^[ \t]{{{MAX_INDENT + 1}}}")
_RUN_RE = re.compile(rf"([\[(<*_`~])\1{{{MAX_RUN}}}")
_ABBR_RE = re.compile(r"(?m)^[ ]{0,3}\*\[")
_BRACKET_TOKEN_RE = re.compile(r"\\.|[\[\]()]|\n[ \t]*+(?=\n)")



def _bracket_cost(text: str) -> tuple[int, int]:
    """(offset of the worst paragraph's first bracket, or -1; the total cost), where the cost
    of a paragraph is how far Python-Markdown scans for the ends of its `[` and `](`."""
    worst, total = -1, 0
    block_cost = 0
    squares: list[int] = []
    parens: list[tuple[int, bool]] = []
    prev_close = -2
    first = -1

    def close_block(end: int) -> None:
        nonlocal block_cost, worst, total, first
        block_cost += sum(end - i for i in squares)
        block_cost += sum(end - i for i, link in parens if link)
        total += block_cost
        if block_cost > BLOCK_BUDGET and worst < 0:
            worst = first
        squares.clear()
        parens.clear()
        block_cost, first = 0, -1

    for m in _BRACKET_TOKEN_RE.finditer(text):
        tok, i = m.group(), m.start()
        c = tok[0]
        if c == "\\":
            continue
        if c == "\n":
            close_block(i)
            continue
        if first < 0:
            first = i
        if c == "[":
            squares.append(i)
        elif c == "]":
            if squares:
                block_cost += i - squares.pop()
            prev_close = i
        elif c == "(":
            parens.append((i, prev_close == i - 1))
        elif c == ")" and parens:
            j, link = parens.pop()
            if link:
                block_cost += i - j
    close_block(len(text))
    if worst < 0 and total > TEXT_BUDGET:
        worst = 0
    return worst, total


def _may_nest(text: str) -> bool:
    """Whether some line starts with a quote or list marker (the only way to nest)."""
    return any(line.lstrip(" \t")[:1] in _MARKERS for line in text.split("\n") if line)


_MARKERS = frozenset(">*+-0123456789")
_RUNS = tuple((c, c * (MAX_RUN + 1)) for c in "[(<*_`~")  # what `_RUN_RE` finds


def _may_run(text: str) -> bool:
    """Whether `_RUN_RE` can match: one of its characters MAX_RUN + 1 times in a row (a search
    for a character is faster than the pattern's test at every position)."""
    return any(c in text and run in text for c, run in _RUNS)


def markdown_bound_problems(text: str) -> list[Found]:
    """Inputs that would make Markdown (or a check) slow: refused before anything renders them."""
    out: list[Found] = []
    n = len(text)
    m = _LONG_LINE_RE.search(text) if n > MAX_LINE else None
    if m:
        out.append((m.start(), f"a line is longer than {MAX_LINE:,} characters",
                    "break it into paragraphs (an empty line between them)"))
    m = _NEST_RE.search(text) if _may_nest(text) else None
    if m:
        out.append((m.start(), f"quotes or lists are nested more than {MAX_NESTING} levels deep",
                    "use fewer levels of > or of list items"))
    m = _INDENT_RE.search(text) if "\t" in text or " " * MAX_INDENT in text else None
    if m:
        out.append((m.start(), f"a line is indented by more than {MAX_INDENT} spaces",
                    "lists need four spaces per level; use fewer levels"))
    m = _RUN_RE.search(text) if n > MAX_RUN and _may_run(text) else None
    if m:
        out.append((m.start(), f"more than {MAX_RUN} {m.group(1)!r} characters in a row",
                    "shorten the run (for a line across the page, write --- on its own line)"))
    if "[" in text and "*[" in text:  # (one character first: found faster than two)
        n = len(_ABBR_RE.findall(text))
        if n > MAX_ABBREVIATIONS:
            out.append((0, f"the text defines {n} abbreviations (`*[...]: ...`), more than "
                        f"{MAX_ABBREVIATIONS}", "keep the abbreviations readers need most"))
    # Each `[` and `](` costs at most the length of the text: most texts cannot reach the budget.
    if ("[" in text or "]" in text) and (text.count("[") + text.count("](")) * n > BLOCK_BUDGET:
        worst, total = _bracket_cost(text)
        if worst >= 0:
            out.append((worst, "too many unclosed or nested [ ] brackets in this paragraph: "
                        "the page would take too long to build",
                        "close each [ with ] and each ( of a link with ), or write \\[ for a "
                        "bracket that is not part of a link"))
    return out


# --- theme ids ---------------------------------------------------------------------------------------
# Every id of Material's templates and scripts starts with `__` (`__config`, `__search`,
# `__drawer`, `__palette_0`, `__nav_1`, `__toc`, `__consent`, ...): an element with one of
# them in the page's content breaks search or replaces the theme's settings.

THEME_ID_PREFIX = "__"
_ATTR_ID_RE = re.compile(r"\{[^{}\n]{0,2000}+\}")
_HASH_ID_RE = re.compile(r"(?:^|[\s{:])#([^\s{}#.=]{1,200}+)")
_KEY_ID_RE = re.compile(r"(?i)(?:^|[\s{:])id[ \t]{0,5}+=[ \t]{0,5}+[\"']?[ \t]{0,5}+([^\s\"'{}]{1,200}+)")
_HTML_ID_RE = re.compile(r"""(?i)<[a-z][^<>]{0,1000}?\sid[ \t\n]{0,5}+=[ \t\n]{0,5}+["']?[ \t]{0,5}+"""
                         r"""([^\s"'<>]{1,200}+)""")
_ATX_RE = re.compile(r"(?m)^[ ]{0,3}#{1,6}[ \t]+([^\n]*)")
_SETEXT_RE = re.compile(r"(?m)^([^\n]*+)\n[ ]{0,3}+(?:=++|-++)[ \t]*+$")
THEME_ID_HINT = "remove it: ids that start with __ belong to the site's theme"


def _theme_id(value: str) -> bool:
    return value.startswith(THEME_ID_PREFIX)


def heading_ids(titles: list[str]) -> list[str]:
    """The ids MkDocs' toc extension gives headings with these texts (one render for all)."""
    import markdown

    safe = [t.replace("<", "&lt;").replace("\n", " ") for t in titles]
    html = markdown.Markdown(extensions=["toc"]).convert("\n\n".join("# " + t for t in safe))
    ids = re.findall(r'<h1 id="([^"]*)"', html)
    return ids if len(ids) == len(titles) else [""] * len(titles)


def theme_id_problems(text: str) -> list[tuple[int, str, str, str]]:
    """Ids that contributor markup would give an element and that the theme owns, as
    (offset, kind, message, hint); kind "attr", "html" or "heading"."""
    out: list[tuple[int, str, str, str]] = []
    if "{" in text:
        for m in _ATTR_ID_RE.finditer(text):
            for rx in (_HASH_ID_RE, _KEY_ID_RE):
                for found in rx.finditer(m.group(0)[1:-1]):
                    if _theme_id(found.group(1)):
                        out.append((m.start(), "attr", f"the id {found.group(1)!r} belongs to the "
                                    "site's theme; contributed text cannot set it", THEME_ID_HINT))
    if "<" in text:
        for m in _HTML_ID_RE.finditer(text):
            if _theme_id(m.group(1)):
                out.append((m.start(), "html", f"the id {m.group(1)!r} belongs to the site's theme; "
                            "contributed text cannot set it", THEME_ID_HINT))
    if "_" in text:
        # Headings whose text starts with underscores (after punctuation, which the slug drops)
        # are rendered as MkDocs would, all in one go, to read the id they really get.
        candidates: list[tuple[int, str]] = []
        for rx in (_ATX_RE, _SETEXT_RE) if "#" in text else (_SETEXT_RE,):
            for m in rx.finditer(text):
                title = re.sub(r"[ \t]#+[ \t]*$|\{[^{}]*\}[ \t]*$", "", m.group(1)[:500]).strip()
                if "_" in title[:8] and re.sub(r"[^\w]+", "", title[:40]).startswith("_"):
                    candidates.append((m.start(1), title))
        for (offset, _), slug in zip(candidates, heading_ids([t for _, t in candidates]), strict=True):
            if _theme_id(slug):
                out.append((offset, "heading", f"the heading gets the id {slug!r}, which "
                            "belongs to the site's theme (ids that start with __)",
                            "reword the heading so that it does not start with underscores"))
    return out


def protocol_relative(seen: str) -> bool:
    """`//host/x.png` (or `\\\\host`, `/\\host`): the browser fills in the page's scheme."""
    return len(seen) >= 2 and seen[0] in "/\\" and seen[1] in "/\\"


# --- file sizes ----------------------------------------------------------------------------------
# Every file a contributor writes has a size limit (CONTRIBUTING.md, "Limits"); the two list
# files grow with the network and keep load_yaml's general limit.

FILE_LIMITS = {"brief": 100_000, "module": 100_000, "tracks": 200_000}


def file_limit(rel: str) -> int | None:
    """The size limit in bytes of the record file at `rel`, or None for the general limit."""
    if rel.endswith(".md"):
        return FILE_LIMITS["brief"]
    if rel.endswith("tracks.yaml"):
        return FILE_LIMITS["tracks"]
    if "/modules/" in rel:
        return FILE_LIMITS["module"]
    return None
