"""The language of the running notebook, shared by figures and exercise checks.

The Korean and English notebooks run identical code, so code that speaks to the
reader (figure labels, exercise feedback) asks which notebook it runs in:

1. the language set by :func:`set_language` (``plotting.setup(lang=...)`` calls it);
2. the environment variable ``LOSSBOOK_LANG`` (``ko`` or ``en``);
3. the name of the working directory if it is ``ko`` or ``en`` (a kernel runs in
   its notebook's folder, ``book/ko`` or ``book/en``).

Elsewhere (Colab runs every notebook in ``/content``) the language is unknown:
:func:`detected_language` returns ``None``, figures use English and exercise
feedback speaks both languages.
"""

from __future__ import annotations

import os
import pathlib

LANGUAGES = ("ko", "en")

_override: str | None = None


def check_lang(lang, where: str) -> str:
    """Return ``lang`` if it is ``"ko"`` or ``"en"``, else raise ``ValueError``."""
    if lang not in LANGUAGES:
        raise ValueError(f"{where} must be one of {LANGUAGES}, got {lang!r}")
    return lang


def set_language(lang: str | None) -> None:
    """Fix the language for the rest of the session (``None`` forgets it)."""
    global _override
    _override = None if lang is None else check_lang(lang, "lang")


def detected_language() -> str | None:
    """``"ko"``, ``"en"``, or ``None`` when nothing says which notebook this is."""
    if _override is not None:
        return _override
    env = os.environ.get("LOSSBOOK_LANG")
    if env:
        return check_lang(env.strip().lower(), "LOSSBOOK_LANG")
    folder = pathlib.Path.cwd().name
    return folder if folder in LANGUAGES else None


def language() -> str:
    """The notebook's language, ``"en"`` when it cannot be told."""
    return detected_language() or "en"


def tr(ko: str, en: str) -> str:
    """Return ``ko`` in a Korean notebook and ``en`` otherwise.

    >>> tr("손실", "loss") in ("손실", "loss")
    True
    """
    return ko if language() == "ko" else en
