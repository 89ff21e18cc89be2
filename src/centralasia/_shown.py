"""
The notebook display hooks that records, collections, profiles and results share.

Jupyter calls ``_repr_html_`` and IPython's pretty printer ``_repr_pretty_``;
both hand the object to :mod:`centralasia._display`, which words it through
:mod:`centralasia._words`.  That module is imported on the first display only:
``import centralasia`` stays cheap, and the classes here stay below the
wording in the layers (the one import upward, allowed by name in the contract).
"""

from __future__ import annotations

from typing import Any

__all__ = ["Shown"]


class Shown:
    """A mixin: display in a notebook as a compact HTML table, or a few lines of text."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # IPython's printer takes a class's own __repr__ (attrs writes one) over an
        # inherited _repr_pretty_: each class that shows holds the method itself.
        cls._repr_pretty_ = Shown._repr_pretty_  # type: ignore[method-assign]

    def _repr_html_(self) -> str:
        from centralasia._display import html  # noqa: PLC0415 - on first display only

        return html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's API
        from centralasia._display import pretty  # noqa: PLC0415 - on first display only

        printer.text("..." if cycle else pretty(self))
