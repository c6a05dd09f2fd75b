"""The shipped catalogs compiled ahead of time equal the ones Babel compiles."""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

import babel
import pytest
from babel.messages.pofile import read_po
from babel.support import Translations

from slagen.formats import catalog_compile, catalog_compiled
from slagen.formats.i18n import _precompiled_mo, _read_catalog, translations
from tests.conftest import ROOT

LOCALE_DIR = ROOT / "templates" / "locale"
PREPARED = babel.__version__ == catalog_compiled.BABEL_VERSION


def test_the_generated_module_is_up_to_date() -> None:
    if not PREPARED:
        pytest.fail("Babel changed: run python -m slagen.formats.catalog_compile")
    assert catalog_compile.generate() == catalog_compile.TARGET.read_text(encoding="utf-8"), (
        "run python -m slagen.formats.catalog_compile"
    )
    assert sorted(catalog_compiled.CATALOGS) == ["es"]


def _compiled(po_path: Path, lang: str) -> Translations:
    """What the in-memory compile (``read_po`` + ``write_mo``, no fuzzy) gives."""
    mo = catalog_compile.compile_po(po_path.read_bytes(), lang)
    return Translations(fp=BytesIO(mo), domain="messages")


@pytest.mark.parametrize("lang", sorted(catalog_compiled.CATALOGS))
def test_every_message_translates_as_the_compiled_catalog(lang: str) -> None:
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    # The shipped .po is the one the module was generated from, so it is used.
    assert _precompiled_mo(po_path.read_bytes(), lang) == catalog_compiled.CATALOGS[lang][1]
    generated = translations(lang)
    compiled = _compiled(po_path, lang)
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="es_ES")
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id[0], message.id[1]
            for n in range(4):
                assert generated.ngettext(singular, plural, n) == compiled.ngettext(
                    singular, plural, n
                )
        else:
            assert generated.gettext(message.id) == compiled.gettext(message.id)
        checked += 1
    assert checked > 100
    assert generated._catalog == compiled._catalog  # type: ignore[attr-defined]
    assert generated.plural(2) == compiled.plural(2)  # type: ignore[attr-defined]


def test_an_edited_catalog_is_compiled_not_taken_from_the_generated_one(tmp_path: Path) -> None:
    shutil.copytree(LOCALE_DIR / "es", tmp_path / "es")
    po_path = tmp_path / "es" / "LC_MESSAGES" / "messages.po"
    text = po_path.read_text(encoding="utf-8")
    assert 'msgstr "BORRADOR"' in text
    po_path.write_text(text.replace('msgstr "BORRADOR"', 'msgstr "EN BORRADOR"'), encoding="utf-8")
    assert _read_catalog(tmp_path, "es").gettext("DRAFT") == "EN BORRADOR"
    assert _read_catalog(LOCALE_DIR, "es").gettext("DRAFT") == "BORRADOR"


def test_fuzzy_entries_stay_out_of_the_compiled_catalog(tmp_path: Path) -> None:
    shutil.copytree(LOCALE_DIR / "es", tmp_path / "es")
    po_path = tmp_path / "es" / "LC_MESSAGES" / "messages.po"
    text = po_path.read_text(encoding="utf-8")
    po_path.write_text(
        text.replace('msgid "DRAFT"', '#, fuzzy\nmsgid "DRAFT"', 1), encoding="utf-8"
    )
    assert _read_catalog(tmp_path, "es").gettext("DRAFT") == "DRAFT"
