"""The checks on text inside records (hooks/hub/text_guards.py, validate_privacy.py), with their
exact messages: contact details in disguise, withheld members' names, control and invisible
characters, theme ids, protocol-relative links, Markdown bounds and length limits. Each rule
has refused variants and legitimate text that must stay accepted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError
from test_messages import WITHHELD, mini_hub_messages

from hub import text_guards
from hub.fields import HttpsUrl, MarkdownText, PlainText, ShortText, markdown_problems
from hub.validate_privacy import NameFinder

PLAIN, SHORT = TypeAdapter(PlainText), TypeAdapter(ShortText)
MARKDOWN, URL = TypeAdapter(MarkdownText), TypeAdapter(HttpsUrl)
EMAIL = "contains an e-mail address; the hub never publishes e-mail addresses"
PHONE = "contains what looks like a phone number; the hub never publishes phone numbers"


def error(adapter: TypeAdapter, text: str) -> str:
    with pytest.raises(ValidationError) as exc:
        adapter.validate_python(text)
    return exc.value.errors()[0]["msg"]


def body_messages(text: str) -> list[str]:
    return [message for _, message, _ in markdown_problems(text)]


# --- contact details in disguise ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "jane.doe@example.org",
    "Write to jane.doe [at] example dot org",
    "jane.doe (at) example (dot) org",
    "jane.doe {at} example.org",
    "jane dot doe at example dot org",
    "jane.doe at example.org",
    "info2 AT example DOT org",
    "jane.doe @ example . org",
    "jane.doe\uff20example\uff0eorg",  # full-width @ and .
    "jane.doe\ufe6bexample.org",  # small commercial at
    "\uff4a\uff41\uff4e\uff45@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.\uff4f\uff52\uff47",
    "jane.doe@example\u3002org",  # ideographic full stop
])
def test_email_in_disguise(text: str) -> None:
    assert error(PLAIN, text) == EMAIL
    assert body_messages(text) == [EMAIL]


@pytest.mark.parametrize("text", [
    "Call 0712 345 678",
    "0712-345-678",
    "254-712-345-678",
    "+254 712 345678",
    "+254712345678",
    "(+254) 712 345 678",
    "Call (01) 442 3345",
    "0044 20 7946 0958",
    "\uff10\uff17\uff11\uff12 \uff13\uff14\uff15 \uff16\uff17\uff18",  # full-width digits
    "071.234.5678",
    "+977 1 4412 345",
    "0712\u2013345\u2013678",  # en dashes
    "\u0660\u0667\u0661\u0662 \u0663\u0664\u0665 \u0666\u0667\u0668",  # Arabic-Indic digits
    "\u0966\u096d\u0967\u0968-\u0969\u096a\u096b-\u096c\u096d\u096e",  # Devanagari digits
])
def test_phone_in_disguise(text: str) -> None:
    assert error(PLAIN, text) == PHONE
    assert body_messages(text) == [PHONE]


@pytest.mark.parametrize("text", [
    "In 2024, 38 of 77 districts met the target.",
    "Between 2019 and 2023 (2019-2023), coverage rose.",
    "Published on 2025-03-31, reviewed 31.12.2025 10.30.",
    "doi 10.1016/S0140-6736(18)31668-4 and 10.1371/journal.pmed.0030449",
    "ISBN 978-0-306-40615-7, ISBN 0-306-40615-2",
    "pp. 1234-1256 and pages 12345-12399",
    "1 234 567 people; 1,234,567,890 dollars; 1.234.567.890 euros; 1 400 000 000 people",
    "ORCID 0000-0002-1825-0097",
    "A rate of 45.6% (95% CI 41.2-50.1), p = 0.001, n = 12 345",
    "Coordinates 27.7172, 85.3240; 3.14159265358979",
    "The report is available at who.int and at www.who.int/publications.",
    "We met at the clinic at 10:30 and looked at the data.",
    "Follow the link at https://www.who.int/news/item/25-10-2018-2018-world-health-statistics",
    "Mastodon https://mastodon.social/@who is the WHO's account",
    "Table 3.1.2, section 4.2.1.3, SDG 3.8.1",
    "Email and phone are not published; ask the coordinator.",
    "The team met at.me.com",
])
def test_legitimate_text_is_not_a_contact(text: str) -> None:
    assert PLAIN.validate_python(text) == text
    assert body_messages(text) == []


@pytest.mark.parametrize(("text", "host"), [
    ("https://wa.me/254712345678", "wa.me"),
    ("https://api.whatsapp.com/send?phone=254712345678", "api.whatsapp.com"),
    ("https://chat.whatsapp.com/AbCdEf", "chat.whatsapp.com"),
    ("https://t.me/someone", "t.me"),
    ("https://signal.me/#p/+254712345678", "signal.me"),
    ("https://m.me/someone", "m.me"),
])
def test_messaging_links_refused_as_websites_and_in_text(text: str, host: str) -> None:
    message = (f"links to a messaging or call service ({host}); the hub never publishes ways to "
               "call or message a person")
    assert error(URL, text) == message
    assert message in body_messages(f"[chat]({text})")
    assert message in body_messages(f"Write on {text.removeprefix('https://')} today")


@pytest.mark.parametrize("scheme", ["tel", "sms", "skype", "viber", "whatsapp", "tg", "callto", "mailto"])
def test_call_and_message_schemes(scheme: str) -> None:
    message = (f"links to '{scheme}:' addresses are not allowed: the hub never publishes ways to "
               "call or message a person")
    assert body_messages(f"[call]({scheme}:someone)") == [message]
    assert error(URL, f"{scheme}:someone") == message


def test_a_contact_link_with_a_number_is_reported_once() -> None:
    assert body_messages("[call](tel:+254712345678)") == [PHONE]
    assert body_messages("[mail](mailto:jane@example.org)") == [EMAIL]


# --- withheld members ---------------------------------------------------------------------------

BRIEF = "content/briefs/x-brief.md"


@pytest.mark.parametrize(("kind", "changes", "where"), [
    ("brief", {"authors": '\n  - name: "Hidden Example"'}, f"{BRIEF}:5:11: authors[1].name"),
    ("brief", {"authors": '\n  - name: "HIDDEN   \u00e9xample"'}, f"{BRIEF}:5:11: authors[1].name"),
    ("brief", {"authors": '\n  - name: "Hidden Ex\\u0061mple"'}, f"{BRIEF}:5:11: authors[1].name"),
    ("brief", {"body": "## Who\n\nWe thank hidden\nexample for the data.\n"}, f"{BRIEF}:20:10: body"),
    ("brief", {"body": "## Who\n\nAfter Example, Hidden (2020).\n"}, f"{BRIEF}:20:7: body"),
    ("brief", {"summary": '"Hidden Example found it."'}, "content/briefs/x-brief.md:11:10: summary"),
    ("partner", {"description": '"Founded with H\u00edDDen Ex\u00e1mple."'},
     "partners.yaml:9:16: partners[1].description"),
    ("module", {"objectives": '["Meet Hidden Example in the field."]'},
     "curriculum/modules/sm-101.yaml:7:14: objectives[1]"),
    ("member", {"bio": '"Works with Hidden Example."'}, "members.yaml:8:8: members[1].bio"),
    ("track", {"description": '"Taught by Hidden Example."'},
     "curriculum/tracks.yaml:3:16: tracks[1].description"),
])
def test_withheld_name_refused(kind: str, changes: dict, where: str, tmp_path: Path) -> None:
    found = mini_hub_messages(tmp_path, kind, changes)
    assert found == [f"{where}: {WITHHELD}"]
    assert "hidden" not in found[0].lower()  # the message never repeats the name


@pytest.mark.parametrize(("kind", "changes"), [
    ("brief", {"status": "draft", "authors": '\n  - name: "Hidden Example"'}),  # never published
    ("partner", {"description": '"Hidden Examples of good practice."'}),  # another word
    ("partner", {"description": '"Hidden, for example."'}),
    ("brief", {"authors": '\n  - name: "Ada Example"'}),  # a public member's name
])
def test_withheld_name_not_matched(kind: str, changes: dict, tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, kind, changes) == []


def test_name_finder_is_one_lookup_per_word() -> None:
    finder = NameFinder([f"Person Number{i} Surname" for i in range(2000)] + ["Solo"])
    text = "person number5 x " * 1000 + "Person  NUMBER1999 surname"
    assert finder.find(text) == text.index("Person  NUMBER1999")
    assert finder.find("Surname, Person Number7") == 0
    assert finder.find("a solo act") == 2
    assert finder.find("person number5 surnames") == -1


# --- characters ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("Asha\u200bRai", "contains U+200B ZERO WIDTH SPACE, an invisible character, in a name or "
                      "title (after 'Asha')"),
    ("\ufeffAsha Rai", "contains U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible character, in a "
                       "name or title (at the start)"),
    ("Asha Ra\u00adi", "contains U+00AD SOFT HYPHEN, an invisible character, in a name or title "
                       "(after 'Asha Ra')"),
    ("Asha\u2060Rai", "contains U+2060 WORD JOINER, an invisible character, in a name or title "
                      "(after 'Asha')"),
    ("Asha\u200fRai", "contains U+200F RIGHT-TO-LEFT MARK, an invisible character, in a name or "
                      "title (after 'Asha')"),
    ("Asha\u200dRai", "contains U+200D ZERO WIDTH JOINER, an invisible character, in a name or "
                      "title (after 'Asha')"),
    ("Asha\u202eRai", "contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that "
                      "changes the order in which text is shown (after 'Asha')"),
    ("Asha\u2066Rai", "contains U+2066 LEFT-TO-RIGHT ISOLATE, an invisible character that "
                      "changes the order in which text is shown (after 'Asha')"),
])
def test_invisible_characters_in_names(text: str, message: str) -> None:
    assert error(SHORT, text) == message


@pytest.mark.parametrize("text", [
    "\u0622\u0632\u0627\u062f\u0647\u200c\u0627\u06cc",  # Persian, with ZWNJ inside the word
    "\u0928\u092e\u0938\u094d\u200d\u0924\u0947",  # Devanagari, ZWJ after a virama
    "Jos\u00e9 Mar\u00eda \u00d1u\u00f1ez",
    "\u0645\u0631\u064a\u0645 \u0627\u0644\u0639\u0644\u064a",  # Arabic, right to left without controls
])
def test_names_in_other_scripts_accepted(text: str) -> None:
    assert SHORT.validate_python(text) == text


@pytest.mark.parametrize(("char", "shown"), [
    ("\x01", "U+0001 (a control character)"),
    ("\x1b", "U+001B (a control character)"),
    ("\x7f", "U+007F (a control character)"),
    ("\x85", "U+0085 (a control character)"),
    ("\x9f", "U+009F (a control character)"),
    ("\ufffe", "U+FFFE (not a character)"),
    ("\ud800", "U+D800 (half of a character pair, not a character)"),
])
def test_control_characters_everywhere(char: str, shown: str) -> None:
    message = f"contains an invisible control character, {shown} (after 'Feed')"
    assert error(PLAIN, f"Feed{char}breaker") == message
    assert error(MARKDOWN, f"Feed{char}breaker") == message
    assert body_messages(f"## Title\n\nFeed{char}breaker") == [message]


def test_bidi_override_anywhere_but_marks_allowed_in_prose() -> None:
    assert body_messages("Total: \u202e01$ \u202c") == [
        "contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that changes the order "
        "in which text is shown (after 'Total:')"]
    prose = "Arabic \u0645\u0631\u064a\u0645\u200f and tabs\tand new\nlines"
    assert PLAIN.validate_python(prose) == prose and body_messages(prose) == []


# --- theme ids ----------------------------------------------------------------------------------

THEME_HINT = "remove it: ids that start with __ belong to the site's theme"


@pytest.mark.parametrize(("text", "message"), [
    ("## __config", "the heading gets the id '__config', which belongs to the site's theme (ids "
                    "that start with __)"),
    ("## \\_\\_search", "the heading gets the id '__search', which belongs to the site's theme "
                        "(ids that start with __)"),
    ("__drawer\n========", "the heading gets the id '__drawer', which belongs to the site's "
                           "theme (ids that start with __)"),
    ("## !__palette_0 ##", "the heading gets the id '__palette_0', which belongs to the site's "
                           "theme (ids that start with __)"),
    ("Text\n{: #__toc }", "the id '__toc' belongs to the site's theme; contributed text cannot set it"),
    ("## Title {: #__consent }", "the id '__consent' belongs to the site's theme; contributed text "
                                 "cannot set it"),
    ("Text {: id=__announce }", "the id '__announce' belongs to the site's theme; contributed text "
                                "cannot set it"),
    ('<div id="__source">x</div>', "the id '__source' belongs to the site's theme; contributed "
                                   "text cannot set it"),
])
def test_theme_ids_refused(text: str, message: str) -> None:
    assert message in body_messages(text)
    # the general "raw HTML" / "attributes" message is not repeated for the same mistake
    assert len(body_messages(text)) == 1


@pytest.mark.parametrize("text", [
    "## Config\n\nText", "## _Emphasis_ at the start", "## __Bold__ heading", "## The __init__ file",
    "Text[^__config]\n\n[^__config]: a note", "Text\n{: #results }",
])
def test_ordinary_ids_accepted(text: str) -> None:
    assert body_messages(text) == []


# --- protocol-relative links ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "target"), [
    ("[x](//evil.example/x)", "//evil.example/x"),
    ("![a map](//evil.example/x.png)", "//evil.example/x.png"),
    ("[x][r]\n\n[r]: //evil.example/y", "//evil.example/y"),
    ("[x](&#47;/evil.example/x)", "&#47;/evil.example/x"),
    ("[x](/\\evil.example/x)", "/\\\\evil.example/x"),
])
def test_protocol_relative_links(text: str, target: str) -> None:
    messages_ = body_messages(text)
    assert len(messages_) == 1 and messages_[0].startswith(
        f"the link '{target}' has no https: in front (a protocol-relative link)")


def test_protocol_relative_url_field_and_raw_html() -> None:
    assert error(URL, "//example.org/x") == ("'//example.org/x' has no https: in front (a "
                                             "protocol-relative address)")
    assert body_messages('<img src="//evil.example/x.png" alt="x">')[0].startswith("raw HTML")
    assert body_messages("[x](/relative/page.md) and [y](../other.md)") == []


# --- Markdown bounds ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("[" * 30_000, "a line is longer than 10,000 characters"),
    ("x" * 1_000_000 + "@", "a line is longer than 10,000 characters"),
    ("\n".join(["[" * 90 + "a"] * 100), "too many unclosed or nested [ ] brackets in this "
                                        "paragraph: the page would take too long to build"),
    ("\n".join(["[a" * 45] * 100), "too many unclosed or nested [ ] brackets in this "
                                   "paragraph: the page would take too long to build"),
    ("\n".join(["[a](" * 40] * 100), "too many unclosed or nested [ ] brackets in this "
                                     "paragraph: the page would take too long to build"),
    ("> " * 9 + "deep", "quotes or lists are nested more than 8 levels deep"),
    ("* " * 4000, "quotes or lists are nested more than 8 levels deep"),
    ("- a\n" + " " * 49 + "- b", "a line is indented by more than 48 spaces"),
    ("*" * 101, "more than 100 '*' characters in a row"),
    ("`" * 101, "more than 100 '`' characters in a row"),
    ("".join(f"*[A{i}]: a\n" for i in range(51)),
     "the text defines 51 abbreviations (`*[...]: ...`), more than 50"),
])
def test_markdown_bounds(text: str, message: str) -> None:
    assert body_messages(text)[0] == message


def test_bracket_cost_counts_what_markdown_scans() -> None:
    assert text_guards._bracket_cost("[a](b) [c](d)")[1] == 2 + 2 + 2 + 2
    assert text_guards._bracket_cost("[[[a]]]")[1] == 6 + 4 + 2
    assert text_guards._bracket_cost("[ab\n\n[ab")[1] == 3 + 3  # each paragraph on its own
    assert text_guards._bracket_cost("\\[ab")[1] == 0  # an escaped bracket is not scanned
    assert text_guards._bracket_cost("[" * 30_000)[0] == 0


def test_near_limit_text_accepted() -> None:
    near = "\n\n".join(["> " * 8 + "quote", "- " * 8 + "item", " " * 48 + "indented",
                        "_" * 100, "word " * 1_999, "[a](https://example.org) " * 200])
    assert body_messages(near) == []


# --- length limits --------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "changes", "expected"), [
    ("partner", {"description": '"' + "x" * 3001 + '"'},
     "partners.yaml:9:16: partners[1].description: is longer than 3000 characters (3001); "
     "shorten it by at least 1 character"),
    ("module", {"objectives": '["' + "x" * 302 + '"]'},
     "curriculum/modules/sm-101.yaml:7:14: objectives[1]: is longer than 300 characters (302); "
     "shorten it by at least 2 characters"),
    ("module", {"notes": '"' + "x" * 5001 + '"'},
     "curriculum/modules/sm-101.yaml:13:8: notes: is longer than 5000 characters (5001); "
     "shorten it by at least 1 character"),
    ("brief", {"recommendations": '\n  - "' + "x" * 1001 + '"'},
     "content/briefs/x-brief.md:13:5: recommendations[1]: is longer than 1000 characters (1001); "
     "shorten it by at least 1 character"),
    ("track", {"description": '"' + "x" * 3001 + '"'},
     "curriculum/tracks.yaml:3:16: tracks[1].description: is longer than 3000 characters (3001); "
     "shorten it by at least 1 character"),
    ("partner", {"city": '"' + "x" * 201 + '"'},
     "partners.yaml:10:9: partners[1].city: is longer than 200 characters (201); shorten it by "
     "at least 1 character"),
])
def test_length_limits(kind: str, changes: dict, expected: str, tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, kind, changes) == [expected]


def test_file_size_limit(tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, "brief", {"body": "## Body\n\n" + "Long text.\n\n" * 10_000}) == [
        "content/briefs/x-brief.md:1:1: the file is larger than 100 KB (120 KB); shorten it (see "
        "Limits in CONTRIBUTING.md)"]


def _schema_max(model: type, *path: str) -> int:
    schema = model.model_json_schema()
    node = schema["properties"][path[0]]
    node = next((n for n in node.get("anyOf", [node]) if n.get("type") != "null"), node)
    if node.get("type") == "array":
        node = node["items"]
    return node["maxLength"]


def test_contributing_states_the_limits_the_models_enforce() -> None:
    from conftest import REPO
    from hub import models

    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (.+?) \| ([\d,]+) (?:characters|KB|MB)", guide, re.M))
    number = {k: int(v.replace(",", "")) for k, v in rows.items()}

    def stated(start: str) -> int:
        return next(n for row, n in number.items() if row.startswith(start))

    assert stated("a `name`") == _schema_max(models.Partner, "name") == _schema_max(models.Author, "name") \
        == _schema_max(models.Reference, "publisher") == _schema_max(models.Partner, "city")
    assert stated("a partner's `short_name`") == _schema_max(models.Partner, "short_name")
    assert stated("a member's `bio`") == _schema_max(models.Member, "bio") \
        == _schema_max(models.Brief, "summary")
    assert stated("one of a module's `objectives`") == _schema_max(models.Module, "objectives")
    assert stated("one of a brief's `recommendations`") == _schema_max(models.Brief, "recommendations")
    assert stated("a partner's or a track's") == _schema_max(models.Partner, "description") \
        == _schema_max(models.Track, "description") == _schema_max(models.Module, "assessment")
    assert stated("a module's `notes`") == _schema_max(models.Module, "notes")
    assert stated("a brief's file") * 1000 == text_guards.FILE_LIMITS["brief"]
    assert stated("a module's file") * 1000 == text_guards.FILE_LIMITS["module"]
    assert stated("`curriculum/tracks.yaml`") * 1000 == text_guards.FILE_LIMITS["tracks"]
    for bound in ("10,000 characters", "8 levels", "48 spaces", "100 times", "50 abbreviations"):
        assert bound in guide
    assert (text_guards.MAX_LINE, text_guards.MAX_NESTING, text_guards.MAX_INDENT, text_guards.MAX_RUN,
            text_guards.MAX_ABBREVIATIONS) == (10_000, 8, 48, 100, 50)


def test_sanitiser_drops_theme_ids_that_validation_missed() -> None:
    from hub.render_markdown import sanitise_page

    html = sanitise_page('<h2 id="__config">A</h2><p id="results">B</p><div id="__search_x">C</div>')
    assert html == '<h2>A</h2><p id="results">B</p><div>C</div>'
