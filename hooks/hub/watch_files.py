"""What `make serve` watches for changes, told by the system at once instead of by polling.

MkDocs' server looks for changes by polling every watched file every 0.5 s: after a save, the
rebuild starts 0 to 0.5 s later (0.25 s on average), and each poll lists and stats every file
(about 20 ms of CPU at 10,000 records, all the time). On Linux, inotify tells of a change as
it happens, for no work in between. `observer()` gives an inotify observer that MkDocs' server
can use in place of its polling one (`hooks/serve.py`), or None where there is none (another
system, or no inotify instance left): MkDocs' polling then stays.

Two differences from polling are handled here, so that nothing is missed and nothing loops:
- a single watched file (`partners.yaml`, `mkdocs.yml`) is watched through its folder, so that
  an editor that saves by writing a new file and renaming it over the old one is still seen
  (an inotify watch on the file itself follows the old file);
- only changes count: inotify also reports a file opened or closed without writing, which
  every build does to every record file, and MkDocs would rebuild for those forever.
"""

from __future__ import annotations

import os
from typing import Any

try:
    from watchdog.events import (
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileSystemEventHandler,
    )
    from watchdog.observers.inotify import InotifyObserver
    from watchdog.observers.inotify_c import InotifyFD
except ImportError:  # not Linux
    InotifyObserver = None  # type: ignore[assignment, misc]

CHANGES = None if InotifyObserver is None else [
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


def observer() -> Any:
    """An inotify observer for MkDocs' server, or None (then keep polling)."""
    if InotifyObserver is None:
        return None
    try:  # the process's one inotify instance, made now: a failure later, inside the
        InotifyFD.get_instance()  # observer's thread, would go unnoticed
    except OSError:  # no inotify here, or no instance left
        return None
    return _Observer()


if InotifyObserver is not None:

    class _OnePath(FileSystemEventHandler):
        """Passes on the events of one file of a watched folder."""

        def __init__(self, handler: FileSystemEventHandler, path: str) -> None:
            super().__init__()
            self.handler, self.path = handler, path

        def dispatch(self, event) -> None:
            if self.path in (os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", ""))):
                self.handler.dispatch(event)

    class _Observer(InotifyObserver):  # type: ignore[misc, valid-type]
        def schedule(self, event_handler, path, *, recursive: bool = False, event_filter=None,
                     follow_symlink: bool = False):
            path = os.path.abspath(os.fsdecode(path))
            if not os.path.isdir(path):  # a file: through its folder
                return super().schedule(_OnePath(event_handler, path), os.path.dirname(path),
                                        recursive=False, event_filter=CHANGES)
            return super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGES,
                                    follow_symlink=follow_symlink)
