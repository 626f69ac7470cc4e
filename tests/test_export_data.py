"""Collecting an export: the case's verdicts, notes and audit, the options and the metadata."""

import re

import pytest

import core
from core.export.data import ExportOptions, collect
from fixtures.export.sample import build_alignment, build_data


class FakeCase:
    """The part of core.case.store.Case that collect() reads."""

    path = "cases/ferry-strike.parallax"

    def __init__(self, data):
        self._data = data

    def verdicts(self):
        return dict(self._data.verdicts)

    def annotations(self):
        return list(self._data.annotations)

    def audit(self):
        return list(self._data.audit)


def test_collect_reads_verdicts_annotations_audit_and_the_case_name():
    sample = build_data()
    data = collect(FakeCase(sample), build_alignment(), ExportOptions(scope="divergent"))
    assert list(data.verdicts) == ["div-number"]
    assert [a.id for a in data.annotations] == ["a1", "a2", "a3"]
    assert [e.action for e in data.audit] == ["verdict.set"]
    assert data.case_name == "ferry-strike"
    assert data.options.scope == "divergent"
    assert data.version == core.__version__


def test_live_verdicts_and_annotations_override_the_case():
    data = collect(FakeCase(build_data()), build_alignment(), verdicts={}, annotations=())
    assert (dict(data.verdicts), data.annotations, len(data.audit)) == ({}, (), 1)


def test_without_a_case_the_export_has_no_work_and_a_utc_timestamp():
    data = collect(None, build_alignment())
    assert (dict(data.verdicts), data.annotations, data.audit, data.case_name) == ({}, (), (), "")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data.generated_at)


def test_an_unknown_scope_is_refused():
    with pytest.raises(ValueError, match="unknown scope 'some'"):
        ExportOptions(scope="some")
