"""`make serve` sees a save as it happens (hub.watch_files, on Linux): every kind of save of a
watched file or of a file in a watched folder is a change, and reading a file is none (MkDocs
rebuilds on any event it is told of: a build reads every record file)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from hub import watch_files

pytestmark = pytest.mark.skipif(watch_files.observer() is None, reason="no inotify here")


class _Seen(watch_files.FileSystemEventHandler):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        self.cond = threading.Condition()

    def on_any_event(self, event) -> None:
        if event.is_directory:
            return
        with self.cond:
            self.paths.append(os.fsdecode(getattr(event, "dest_path", "") or event.src_path))
            self.cond.notify_all()

    def after(self, action) -> list[str]:
        """What was seen within half a second after `action` (nothing new: an empty list)."""
        with self.cond:
            self.paths.clear()
        action()
        end = time.monotonic() + 0.5
        with self.cond:
            while time.monotonic() < end:
                self.cond.wait(0.05)
            return sorted(set(self.paths))


def test_saves_are_changes_and_reads_are_not(tmp_path: Path) -> None:
    record, folder = tmp_path / "partners.yaml", tmp_path / "content"
    other = tmp_path / "members.yaml"
    record.write_text("a\n", encoding="utf-8")
    other.write_text("m\n", encoding="utf-8")
    folder.mkdir()
    (folder / "page.md").write_text("p\n", encoding="utf-8")
    seen = _Seen()
    observer = watch_files.observer()
    observer.schedule(seen, str(record), recursive=True)
    observer.schedule(seen, str(folder), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        assert seen.after(lambda: record.write_text("b\n", encoding="utf-8")) == [str(record)]
        assert seen.after(lambda: record.read_text(encoding="utf-8")) == []  # a build reads it
        assert seen.after(lambda: (folder / "page.md").read_text(encoding="utf-8")) == []
        assert seen.after(lambda: other.write_text("n\n", encoding="utf-8")) == []  # not watched

        def replace() -> None:  # an editor that writes a new file and renames it over the old
            (tmp_path / ".partners.yaml.tmp").write_text("c\n", encoding="utf-8")
            os.replace(tmp_path / ".partners.yaml.tmp", record)

        assert seen.after(replace) == [str(record)]
        assert seen.after(lambda: record.write_text("d\n", encoding="utf-8")) == [str(record)]  # still
        assert seen.after(lambda: (folder / "new.md").write_text("n\n", encoding="utf-8")) == \
            [str(folder / "new.md")]
        assert seen.after(lambda: (folder / "new.md").unlink()) == [str(folder / "new.md")]
        assert seen.after(lambda: record.unlink()) == [str(record)]
        assert seen.after(lambda: record.write_text("e\n", encoding="utf-8")) == [str(record)]  # back
    finally:
        observer.stop()
        observer.join()
