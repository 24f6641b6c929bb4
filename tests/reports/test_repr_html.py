"""Notebooks call ``_repr_html_``: each displayable class gives escaped right-to-left HTML."""

from __future__ import annotations

from maskan.allocation import lottery
from maskan.eligibility.programs import get
from maskan.models import Person
from maskan.models.project import Unit
from maskan.samples import isfahan_1404

SCRIPT = "<script>alert(1)</script>"


def test_every_displayable_class_renders_escaped_html() -> None:
    sample = isfahan_1404()
    person = Person(national_id="0499370899", first_name=SCRIPT, last_name="کریمی")
    decision = get("family_land").evaluate(person, on=sample.on)
    allocation = lottery(["0499370899"], [Unit(number="1")], seed=7, on=sample.on)
    for shown in (person, sample.cooperatives[0], sample.projects[0], decision, allocation):
        page = shown._repr_html_()
        assert 'dir="rtl"' in page, type(shown).__name__
        assert "<script>" not in page, type(shown).__name__
    assert "&lt;script&gt;" in person._repr_html_()
