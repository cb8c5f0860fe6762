"""The link checker's short cuts give exactly what html.parser over the written files gives
(tests/quality/reference_check_links.py): the token reader (`_read_tokens`, each token judged
once and remembered), the pieces met before (`_read_pieces`), the verdict given once per piece
and folder (`_Resolver.page_verdict`) and once per link and folder for a page's own links, and
the cheaper paths of `_as_read_from_disk`, `_list_site` and `_PLAIN_URL`. Random markup and
random sites, with a fixed seed, so that a failure can be replayed."""

from __future__ import annotations

import os
import random
from pathlib import Path
from urllib.parse import urlsplit

import reference_check_links as reference

from hub import check_links
from hub.check_links import _PIECES, LinkIndex, _list_site, _Piece, _read_pieces, _read_tokens, _summary

# Bits of markup, odd ones included, that random pages are made of: quotes left open, `==`
# before a quote (html.parser then reads a value up to a later quote), `>` in values, comments,
# scripts, tags across lines, upper case, entities, srcset, `<a name>`.
_BITS = ['<a href="x/">', "<a href='y/'>", "<a href=z/>", '<a id="i">', "<A HREF=\"Up/\">", '<p id="i">',
         '<a name="n">', "<span name=\"s\">", '<img src="p.png" srcset="a.png 1x, b.png 2x">', "</a>", "</p>",
         "<p>", "<br/>", "<div class=\"c\" data-x=\"1\">", "<li class=\"k\" data-href=\"q\">", "<a ", "<p ",
         "href", "id", "=", "==", '"', "'", ">", "<", "/", " ", "\n", "x", "#i", "&amp;", "&eacute;",
         "<!-- ", " -->", "--", "<script>", "</script>", "<style>", "</style>", "<!doctype html>",
         '<link rel="canonical" href="c/">', "<?x?>", "<![CDATA[", "]]>", "</p ", "<a/", "data=",
         ' title="a>b"', " src=", "srcset=", "<form action=\"f/\">", "<video poster=\"v.png\">", "\t",
         '<a href="&#x23;i">', "<h2 id=\"i\">", "<h2 id='j'>", '<a href="x/" id="i">',
         # where pages are cut into pieces (hub.check_links._CUTS)
         "<title>", "</title>", '<header class="md-header">', '<article class="md-content__inner">',
         "</article>"]


# Inside one tag: names, `=`, quotes, `>`; a quote opened in a tag and closed after its `>`.
_TAG_BITS = [" ", "href", "id", "name", "class", "=", "==", '"', "'", "x", ">", "/", "\n", "#i", "y/"]


def _soup(rng: random.Random, n: int) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(_BITS) for _ in range(n))
    return "".join(rng.choice(["<a", "<p", "<img", "<A", "text ", "<title>", "</article>"]) + " "
                   + "".join(rng.choice(_TAG_BITS) for _ in range(rng.randint(1, 8))) + ">"
                   for _ in range(rng.randint(1, 3)))


def _expected(text: str) -> tuple:
    parser = reference._PageParser()
    parser.feed(text)
    parser.close()
    return parser.ids, bool(parser.duplicates), {url.strip() for _, url in parser.links}


def _got(pieces: list[_Piece]) -> tuple:
    ids, repeated, shared, others = _summary(pieces)
    return set(ids), repeated, set().union(*shared, others)


def test_the_token_reader_reads_random_markup_as_html_parser() -> None:
    """Whatever the token reader accepts (with one cache for all pages, as in a build) it reads
    as html.parser does; it accepts most pages of plain markup."""
    rng = random.Random(16)
    cache: dict = {}
    accepted = 0
    for _ in range(12000):
        text = _soup(rng, rng.randint(1, 14))
        piece = _Piece()
        if _read_tokens(text, cache, piece):
            accepted += 1
            assert _got([piece]) == _expected(text), repr(text)
        pieces = _read_pieces(text, cache)
        if pieces is not None:
            assert _got(pieces) == _expected(text), repr(text)
    assert accepted > 1500


_MATERIAL = ('<!doctype html>\n<html><head><meta name="description" content="{title}">\n'
             '<link rel="icon" href="{up}assets/i.png">\n'
             '<script type="application/ld+json">{{"n": "{title}"}}</script>\n'
             '<title>{title}</title>\n<link rel="stylesheet" href="{up}assets/s.css">\n</head><body>\n'
             '<header class="md-header"><a href="{up}" id="logo">h</a>\n'
             '<div class="md-header__title">{title}</div>\n<form class="md-header__option"></form>\n'
             '<div class="md-container"><nav class="md-nav">{nav}</nav>\n'
             '<div class="md-sidebar md-sidebar--secondary"><a href="#{first}">t</a>{same}</div>\n'
             '<article class="md-content__inner">\n<h1 id="{first}">{title}</h1>\n{body}\n</article>\n'
             '<footer><a href="{up}about/">a</a><img srcset="{up}assets/i.png 1x, {fixed} 2x"></footer>'
             '<script>var x = "<a href=\'gone/\'>";</script></body></html>\n')
_FOLDERS = ["", "about", "partners", "partners/a", "partners/b", "partners/c", "fr", "fr/partners",
            "fr/partners/a", "deep/er/still"]


def _random_site(rng: random.Random, root: Path) -> dict[str, str]:
    """Pages in several folders and languages sharing Material's frame (head, header, nav,
    footer), each with its own links: to pages, folders, anchors, the page itself, outside."""
    pages: dict[str, str] = {}
    files = [f"{folder}/index.html".lstrip("/") for folder in _FOLDERS]
    files += [f"{folder}/x.html".lstrip("/") for folder in rng.sample(_FOLDERS, 3)]
    (root / "assets").mkdir(parents=True, exist_ok=True)
    (root / "assets" / "i.png").write_bytes(b"")
    (root / "assets" / "s.css").write_text("", encoding="utf-8")
    # Links whose text is the same on every page (a piece shared by all depths), leading to a
    # different file from each folder.
    same = "".join(f'<a href="{url}">s</a>' for url in rng.sample(
        ["../partners/", "../../assets/i.png", "../x.html", "./", "../", "../../../partners/a/#first", "a/"],
        3))
    targets = ["", "about/", "partners/", "partners/a/", "partners/b/#first", "partners/c/#nope",
               "fr/partners/a/", "gone/", "partners/x.html", "assets/i.png", "assets/none.png",
               "deep/er/still/#first", "deep/"]
    for rel in files:
        depth = rel.count("/")
        up = "../" * depth
        fixed = rng.choice(["../assets/i.png", "assets/i.png", "../../assets/i.png", "./"])  # any depth
        nav = "".join(f'<a href="{up}{t}">n</a>' for t in ("about/", "partners/", "partners/a/#first"))
        if rng.random() < 0.3:
            nav += '<a href="../partners/">relative, the same text on every page</a>'
        body = []
        for _ in range(rng.randint(0, 6)):
            t = rng.choice(targets)
            climb = up if rng.random() < 0.8 else "../" * rng.randint(0, depth + 1)
            anchor, own_id = rng.choice(["first", "b", "z"]), rng.choice(["b", "c", "first"])
            body.append(rng.choice([
                f'<p><a href="{climb}{t}">l</a></p>', f'<a href="#{anchor}">s</a>',
                f'<img src="{climb}{t}" alt="">',
                f'<span id="{own_id}">i</span>', f"<a href='{climb}{t}'\n class='multi'>m</a>",
                "<!-- <a href=\"hidden/\"> -->", f'<a href="{climb}{t}?q=1">q</a>', '<a href="?q">self</a>',
                '<a href="">e</a>']))
        pages[rel] = _MATERIAL.format(title=f"T{rng.randint(0, 3)}", up=up, nav=nav, fixed=fixed, same=same,
                                      first="first", body="\n".join(body))
    for rel, html in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    return pages


def _shown(broken) -> list[str]:
    return [b.format() for b in broken]


def test_random_sites_give_the_verdict_of_html_parser_over_the_files(tmp_path: Path) -> None:
    """Pieces shared by pages of many folders and depths (links with the same text leading to
    different files), pages' own links, anchors on the page itself and on others, language
    folders: the index (in memory, as `make build`) reports exactly what the reference reports
    reading the files back; and, across the sites, every kind of broken link shows up."""
    rng = random.Random(1616)
    reasons: set[str] = set()
    for k in range(40):
        root = tmp_path / f"site{k}"
        pages = _random_site(rng, root)
        expected = _shown(reference.check_site(root))
        index = LinkIndex()
        for rel in sorted(pages, key=lambda _: rng.random()):  # in any order
            index.add(rel, pages[rel])
        assert _shown(index.broken(root)) == expected, k
        reasons.update(line.split(": ", 2)[2].split(" ")[0] + line.split(": ", 2)[2].split(" ")[1]
                       for line in expected)
        assert index._tags[_PIECES][0]  # the shared pieces were remembered and reused
    assert {"nosuch", "noelement", "theid"} <= reasons


def test_the_written_text_is_what_a_reader_of_the_file_gets(tmp_path: Path) -> None:
    """A lone surrogate (MkDocs writes it as a character reference) and carriage returns:
    read in memory as they are read from the written file."""
    pages = {"index.html": '<p>\u00e9</p><a href="a/\ud800/">s</a>\r\n<a href="#x">x</a>\r<h2 id="x">x</h2>',
             "a/index.html": '<p>\u00e9\u2013</p><a href="../#x">up</a><a href="../#y">y</a>'}
    for rel, html in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(html.encode("utf-8", "xmlcharrefreplace"))
    index = LinkIndex()
    for rel, html in pages.items():
        index.add(rel, html)
    expected = _shown(reference.check_site(tmp_path))
    assert len(expected) == 2 and "'a/\ufffd/'" in expected[1]  # the reference written, read back
    assert _shown(index.broken(tmp_path)) == expected


def test_the_site_is_listed_as_os_walk_lists_it(tmp_path: Path) -> None:
    for rel in ("index.html", "a/index.html", "a/b/c.html", "empty/", "x/y/z/"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        if not rel.endswith("/"):
            (tmp_path / rel).write_text("", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a")  # a folder by a link: listed, not entered
    (tmp_path / "file-link.html").symlink_to(tmp_path / "index.html")
    files, dirs = set(), {""}
    for here, subdirs, names in os.walk(tmp_path):
        rel_dir = Path(here).relative_to(tmp_path).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirs.update(prefix + d for d in subdirs)
        files.update(prefix + n for n in names)
    assert _list_site(tmp_path) == (files, dirs)
    assert "link" in dirs and "link/index.html" not in files


def test_plain_links_split_as_urlsplit_splits_them() -> None:
    rng = random.Random(3)
    chars = "ab./-_~#?%:@ \t"
    plain = 0
    for _ in range(20000):
        url = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        if check_links._PLAIN_URL.fullmatch(url):
            plain += 1
            path, _, fragment = url.partition("#")
            assert tuple(urlsplit(url)) == ("", "", path, "", fragment), repr(url)
    assert plain > 1000


# --- the one-pass judges and the token reader's tokens (issue 16) -------------------------------
# Start tags made of names, attributes and values that each fast judge takes (`_FAST`, `_META`,
# `_CANONICAL`, `_CDATA_UNIT`) and that it must refuse: ids, links, `<a name>`, `<link>` with and
# without rel="canonical", entities, `<` and `>` in values, single quotes, no quotes, upper case.
_NAMES_OF_TAGS = ["a", "A", "h2", "img", "link", "LINK", "meta", "Meta", "span", "script", "style", "li",
                  "a-b", "metax"]
_ATTRS = [' class="c"', ' id="i"', ' ID="j"', ' href="x/"', ' HREF="../y/#f"', ' src="p.png"', ' name="n"',
          ' rel="canonical"', ' rel="icon"', ' content="t"', ' data-x="1"', ' data="d"', ' srcset="a.png 1x"',
          ' href="a&amp;b/"', ' id="&eacute;"', ' title="a<b"', ' title="a>b"', " title='q'", " href='s/'",
          " href=u/", ' hidden', ' action="f/"', ' id=""', ' href=" sp/ "', ' name ="m"', ' namespace="z"',
          ' idx="k"', '\n class="d"', ' class="x"y', ' title="&quot;"']


def _random_tag(rng: random.Random) -> str:
    name = rng.choice(_NAMES_OF_TAGS + ["meta", "link", "link"])
    attrs = "".join(rng.choice(_ATTRS) for _ in range(rng.randint(0, 4)))
    if rng.random() < 0.5 and name.lower() == "meta":
        metas = [' name="n"', ' NAME="d"', ' content="t"', ' content="a<b>"', ' name', ' id="i"',
                 ' property="og"', " name='q'"]
        attrs = "".join(rng.choice(metas) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.3 and name.lower() == "link":
        attrs = (' rel="' + rng.choice(["canonical", "canonical", "icon", "Canonical"]) + '" href="'
                 + rng.choice(["c/", "a&amp;b", "x<y"]) + '"')
    tag = f"<{name}{attrs}{rng.choice(['>', '>', ' >', '/>', ' />'])}"
    if name.lower() in ("script", "style") and rng.random() < 0.7:  # with its text and end tag
        tag += rng.choice(['{"a": "b"}', "", "x < y", "a > b"])
        tag += rng.choice([f"</{name.lower()}>", f"</{name}>", f"</{name} >"])
    return tag


def _reference_effects(text: str) -> tuple:
    parser = reference._PageParser()
    parser.feed(text)
    parser.close()
    return parser.ids, bool(parser.duplicates), {url.strip() for _, url in parser.links}


def test_each_one_pass_judge_reads_a_tag_as_html_parser() -> None:
    """Each fast judge (`_FAST`, `_META`, `_CANONICAL`, `_CDATA_UNIT`) reads the tags it takes as
    html.parser reads them; each takes many; and a tag it takes that adds something adds it
    (a judge that drops or alters an id or a link fails here)."""
    rng = random.Random(1616)
    taken = {"fast": 0, "fast_effects": 0, "meta": 0, "canonical": 0, "cdata": 0}
    for _ in range(30000):
        token = _random_tag(rng)
        fast, meta = check_links._FAST.fullmatch(token), check_links._META.fullmatch(token)
        canonical = check_links._CANONICAL.fullmatch(token)
        cdata = token.endswith(check_links._CDATA_ENDS) and check_links._CDATA_UNIT.fullmatch(token)
        if not (fast or meta or canonical or cdata):
            continue
        taken["fast"] += bool(fast)
        taken["meta"] += bool(meta and not fast)
        taken["canonical"] += bool(canonical)
        taken["cdata"] += bool(cdata)
        effects = check_links._judge(token, {})
        assert effects is not None, token
        piece = _Piece()
        piece.apply(effects, 0)
        taken["fast_effects"] += bool(effects)
        assert _got([piece]) == _reference_effects(token), token
    assert min(taken.values()) > 100, taken


def test_the_token_reader_reads_pieces_of_such_tags_as_html_parser() -> None:
    """Pieces of such tags, text, bare tags and end tags (a tag repeated: a repeated id), read
    by the token reader with one cache, as html.parser reads them."""
    cache: dict = {}
    for text in ['<script type="a">{}</script><a href="x/">x</a><script>y</script>',  # one script each
                 '<style>p {}</style><h2 id="s">s</h2><style>q {}</style>', '<h2 id="t"></h2>\n<h2 id="t">',
                 '<script>a<b</script><a href="y/">', '<!-- a --><a href="z/"><!-- b -->']:
        piece = _Piece()
        assert not _read_tokens(text, cache, piece) or _got([piece]) == _reference_effects(text), text
    rng = random.Random(17)
    accepted = 0
    bits = ["<p>", "</p>", "text", "\n", " < ", "</a >", "<br/>", "</x <y>", "<!-- c -->", "<!-->", "<!--->",
            "--", "<!-- a > b -->", " -->", "<!--x-- >", "<!-- <a href='hidden/'> -->"]
    for _ in range(6000):
        tags = [_random_tag(rng) for _ in range(rng.randint(1, 5))]
        text = "".join(rng.choice(tags + bits) for _ in range(rng.randint(1, 12)))
        piece = _Piece()
        if _read_tokens(text, cache, piece):
            accepted += 1
            assert _got([piece]) == _reference_effects(text), repr(text)
        else:
            assert piece.ids == set() and piece.links == set(), repr(text)  # untouched when refused
    assert accepted > 1200


def test_a_piece_met_last_is_taken_again_only_where_its_cut_follows() -> None:
    """The piece met last at a place is taken again without looking for its cut, but only when
    the cut follows it: the same text followed by something else is read anew (and an id used
    in two pieces of a page, neither remembered, is found used twice)."""
    head = '<!doctype html><head><meta name="description" content="d">\n'
    frame = ('<link rel="icon" href="i.png"><title>T</title>\n<header class="md-header">'
             '<a href="./" id="logo">h</a></header>\n')
    cache: dict = {}
    for k in range(4):  # the frame's pieces remembered
        page = head + frame + f'<article class="md-content__inner"><h2 id="a{k}">x</h2></article>'
        assert _got(_read_pieces(page, cache)) == _reference_effects(page)
    odd = head + frame.replace("<header", "<a href='gone/' id='logo'>\n<header") + (
        '<article class="md-content__inner"><h2 id="logo">x</h2></article>')
    assert _got(_read_pieces(odd, cache)) == _reference_effects(odd)
    assert _reference_effects(odd)[1] and "gone/" in _reference_effects(odd)[2]
    for where in ("", "<!-- the fast reader -->"):  # (a piece read by the fast reader, too)
        twice = head.replace('content="d">', 'content="d"><b id="t">' + where) + frame + (
            '<article class="md-content__inner"><h2 id="t">x</h2></article>')
        assert _got(_read_pieces(twice, cache)) == _reference_effects(twice) and _reference_effects(twice)[1]


def test_plain_paths_are_judged_as_urlsplit_and_normpath_judge_them(tmp_path: Path) -> None:
    """`_Resolver._plain_verdict` (a plain path down from a folder) says what `_verdict` says
    (urlsplit, normpath, the file list, the ids of the target), for random paths and folders;
    and an http(s) link, skipped as external, is one `_verdict` finds nothing wrong with."""
    rng = random.Random(5)
    names = ["a", "b", "x.html", "index.html", "c.d", "-e", "~f", "http", "https-x", "h"]
    files, dirs = {"index.html", "a/index.html", "a/b/index.html", "a/x.html", "b/c.d", "-e/index.html",
                   "a/b/x.html"}, {"", "a", "a/b", "-e", "b"}
    pages = {f: (frozenset({"f", "g"}), (), frozenset()) for f in files if f.endswith(".html")}
    resolver = check_links._Resolver(tmp_path, files, dirs, "/", pages)
    kinds = set()
    for _ in range(20000):
        folder = rng.choice(sorted(dirs))
        rel = (folder + "/" if folder else "") + rng.choice(["index.html", "x.html"])
        path = "/".join(rng.choice(names) for _ in range(rng.randint(1, 3))) + rng.choice(["", "/"])
        url = path + rng.choice(["", "#", "#f", "#h", "#g.1"])
        m = check_links._PLAIN_REST.fullmatch(url)
        assert m is not None, url
        got = resolver._plain_verdict(folder, m[1], m[2], pages)
        assert got == resolver._verdict(rel, url, pages)[0], (rel, url)
        assert resolver._kind(url)[0] >= 0, url  # not skipped as external
        kinds.add(" ".join(got.split(" ")[:2]) if got else None)
        external = rng.choice(["https://", "http://"]) + path
        assert resolver._kind(external) == (-1, None)
        assert resolver._verdict(rel, external, pages) == (None, True)
    assert kinds == {None, "no such", "no element"}
