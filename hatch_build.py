"""
The wheel's build hook: a trusted snapshot of the bundled data (``centralasia._snapshot``).

The snapshot is made from the JSON files by the checked loader of the source
being built, and only ever goes into the wheel: it is never committed, and an
editable install, which reads the files it is being edited through, has none.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    """Add ``centralasia/_bundled.snapshot`` to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Make the snapshot with the source's own loader, in a process of its own."""
        if self.target_name != "wheel" or version == "editable":
            return
        folder = pathlib.Path(tempfile.mkdtemp(prefix="centralasia-snapshot-"))
        self._folder = folder
        path = folder / "_bundled.snapshot"  # centralasia._snapshot.FILE
        source = pathlib.Path(self.root) / "src"
        # A process of its own: the backend's interpreter must not keep (or
        # already hold) another copy of the package's modules.
        code = (
            "import pathlib, sys; sys.path.insert(0, sys.argv[1]); "
            "from centralasia._bundled import snapshot; snapshot(pathlib.Path(sys.argv[2]))"
        )
        subprocess.run([sys.executable, "-c", code, str(source), str(path)], check=True)  # noqa: S603
        build_data["force_include"][str(path)] = "centralasia/_bundled.snapshot"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the snapshot's temporary folder once the wheel holds it."""
        del version, build_data, artifact_path
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
