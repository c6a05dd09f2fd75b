"""The YAML loader: positions, exact decimals, and YAML's surprises reported."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from slagen.core.errors import AgreementError
from slagen.core.loader import MAX_BYTES, format_path, load_text


def findings_of(text: str | bytes) -> list[Any]:
    with pytest.raises(AgreementError) as info:
        load_text(text, "a.yaml")
    return info.value.findings


def test_positions_of_keys_and_values() -> None:
    doc = load_text("a: 1\nlist:\n  - x: hello\n    y: [1, {z: 2.50}]\n", "a.yaml")
    assert doc.data == {"a": 1, "list": [{"x": "hello", "y": [1, {"z": Decimal("2.50")}]}]}
    assert (doc.value_marks[("list", 0, "x")].line, doc.value_marks[("list", 0, "x")].column) == (
        3,
        8,
    )
    assert (doc.key_marks[("list", 0, "y")].line, doc.key_marks[("list", 0, "y")].column) == (4, 5)
    z = doc.value_marks[("list", 0, "y", 1, "z")]
    assert (z.line, z.column) == (4, 16)
    # a missing path falls back to its nearest ancestor
    assert doc.mark(("list", 0, "missing")) == doc.value_marks[("list", 0)]


def test_decimals_come_from_source_text_not_floats() -> None:
    doc = load_text("r: 0.1\ns: 12.50\nt: 1_000.5\n", "a.yaml")
    assert doc.data == {"r": Decimal("0.1"), "s": Decimal("12.50"), "t": Decimal("1000.5")}
    assert all(isinstance(v, Decimal) for v in doc.data.values())


def test_dates_stay_text_so_impossible_dates_are_checked_later() -> None:
    doc = load_text("a: 2026-07-01\nb: 2026-02-30\nmonth: 2026-01\n", "a.yaml")
    assert doc.data == {"a": "2026-07-01", "b": "2026-02-30", "month": "2026-01"}


@pytest.mark.parametrize("raw", ["no", "No", "yes", "off", "ON"])
def test_yaml11_booleans_are_marked(raw: str) -> None:
    doc = load_text(f"id: {raw}\nok: true\n", "a.yaml")
    assert isinstance(doc.data["id"], bool)
    assert ("id",) in doc.yaml11_booleans and ("ok",) not in doc.yaml11_booleans
    assert doc.raw_scalars[("id",)] == raw


@pytest.mark.parametrize(
    ("raw", "meaning"),
    [
        ("010", "octal: 8"),
        ("0_17", "octal: 15"),
        ("0x1F", "hexadecimal: 31"),
        ("1:30", "sexagesimal: 90"),
        ("0b101", "binary: 5"),
    ],
)
def test_numbers_in_other_bases_are_refused(raw: str, meaning: str) -> None:
    (finding,) = findings_of(f"version: {raw}\n")
    assert finding.code == "yaml-number" and meaning in finding.message
    assert (finding.line, finding.column, finding.path) == (1, 10, "version")
    assert f'"{raw}"' in finding.hint


@pytest.mark.parametrize("raw", [".inf", "-.Inf", ".nan"])
def test_special_floats_are_refused(raw: str) -> None:
    (finding,) = findings_of(f"x: {raw}\n")
    assert finding.code == "yaml-number"


def test_quoted_values_are_text() -> None:
    doc = load_text('a: "010"\nb: "no"\nc: !!str 1:30\n', "a.yaml")
    assert doc.data == {"a": "010", "b": "no", "c": "1:30"}
    assert not doc.yaml11_booleans


def test_duplicate_keys_name_both_lines() -> None:
    (finding,) = findings_of("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert finding.code == "duplicate-key" and (finding.line, finding.column) == (4, 3)
    assert "line 3" in finding.message and finding.path == "b.c"


def test_every_problem_is_reported_not_only_the_first() -> None:
    findings = findings_of("a: 1\na: 2\nb: 010\nc: !!binary aGVsbG8=\n")
    assert [f.code for f in findings] == ["duplicate-key", "yaml-number", "yaml-tag"]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [echo hi]\n",
        "a: !!python/name:os.system\n",
        "a: !custom value\n",
        "a: !!set {x, y}\n",
        "a: !!omap [{x: 1}]\n",
    ],
)
def test_non_standard_tags_are_refused(text: str) -> None:
    findings = findings_of(text)
    assert findings[0].code == "yaml-tag" and findings[0].line == 1


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    (finding,) = findings_of("\n".join(lines) + "\n")
    assert finding.code in ("yaml-alias", "yaml-too-large")


def test_a_few_aliases_are_fine() -> None:
    doc = load_text("base: &b {x: 1}\none: *b\ntwo: *b\n", "a.yaml")
    assert doc.data["two"] == {"x": 1}


def test_recursive_alias_is_refused() -> None:
    assert findings_of("a: &x [1, *x]\n")[0].code == "yaml-alias"


def test_merge_keys_are_refused() -> None:
    assert findings_of("base: &b {x: 1}\nc:\n  <<: *b\n")[0].code == "yaml-merge-key"


def test_non_text_keys_are_refused() -> None:
    (finding,) = findings_of("no: 1\n")
    assert finding.code == "yaml-key-type" and '"no"' in finding.hint


def test_tab_indentation() -> None:
    (finding,) = findings_of("a:\n\tb: 1\n")
    assert (finding.code, finding.line, finding.column) == ("tab-indent", 2, 1)


def test_invalid_utf8_names_the_place() -> None:
    (finding,) = findings_of("a: ok\nb: caf\xe9\n".encode("latin-1"))
    assert (finding.code, finding.line, finding.column) == ("invalid-utf8", 2, 7)


def test_utf8_bom_is_accepted() -> None:
    assert load_text("\ufeffa: ñ\n".encode(), "a.yaml").data == {"a": "ñ"}


def test_size_bound() -> None:
    (finding,) = findings_of(b"a: " + b"x" * MAX_BYTES + b"\n")
    assert finding.code == "file-too-large"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty-file"),
        ("# only a comment\n", "empty-file"),
        ("- a\n- b\n", "not-a-mapping"),
        ("a: 1\n---\nb: 2\n", "multiple-documents"),
        ("a: [1, 2\n", "yaml-syntax"),
        ("a: b: c\n", "yaml-syntax"),
    ],
)
def test_structure_errors(text: str, code: str) -> None:
    assert findings_of(text)[0].code == code


def test_syntax_error_has_position_and_hint() -> None:
    (finding,) = findings_of("title: Sales: the deal\n")
    assert (finding.line, finding.column) == (1, 13)
    assert "quote" in finding.hint


def test_format_path() -> None:
    assert format_path(("targets", "segments", 0, "close_rate")) == "targets.segments[0].close_rate"
    assert format_path(()) == ""


# -- property: what PyYAML dumps, we load back identically, with positions ----

keys = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(
    lambda k: k not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
)
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
scalars = st.one_of(
    texts,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.booleans(),
    st.none(),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**6), max_value=10**6
    ),
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4)


values = st.recursive(scalars, _containers, max_leaves=20)


def _dumpable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)  # only for PyYAML's dumper; we compare by text below
    if isinstance(value, dict):
        return {k: _dumpable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dumpable(v) for v in value]
    return value


def _expected(value: Any) -> Any:
    if isinstance(value, Decimal):
        return Decimal(repr(float(value)))
    if isinstance(value, dict):
        return {k: _expected(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expected(v) for v in value]
    return value


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=5))
def test_round_trip_and_every_value_has_a_position(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(_dumpable(data), allow_unicode=True, sort_keys=False)
    doc = load_text(text, "a.yaml")
    assert doc.data == _expected(data)

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        assert path in doc.value_marks
        mark = doc.value_marks[path]
        assert 1 <= mark.line <= text.count("\n") + 1
        if isinstance(value, dict):
            for k, v in value.items():
                assert doc.key_marks[path + (k,)].line >= 1
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))

    walk(doc.data, ())
