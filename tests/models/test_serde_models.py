"""Every model class survives JSON: ``from_json(to_json(x)) == x`` in both date modes, and
every way of writing JSON writes the same text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies_cooperative import (
    assemblies,
    boards,
    cooperative_events,
    cooperatives,
    memberships,
    quorum_rules,
    registries,
    statutes,
)
from strategies_ledger import contributions, dues, instalment_plans, ledgers
from strategies_person import (
    benefits,
    employments,
    form_j_statuses,
    housing_histories,
    insured_periods,
    owned_properties,
    people,
    residences,
)
from strategies_project import (
    financings,
    housing_projects,
    progress_reports,
    status_changes,
    units,
)

from maskan import models, serde

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    models.Person: people(),
    models.Residence: residences(),
    models.Employment: employments(),
    models.InsuredPeriod: insured_periods(),
    models.OwnedProperty: owned_properties(),
    models.Benefit: benefits(),
    models.FormJStatus: form_j_statuses(),
    models.HousingHistory: housing_histories(),
    models.Cooperative: cooperatives(),
    models.Statute: statutes(),
    models.QuorumRule: quorum_rules(),
    models.Assembly: assemblies(),
    models.Membership: memberships(),
    models.Board: boards(),
    models.CooperativeEvent: cooperative_events(),
    models.Registry: registries(),
    models.HousingProject: housing_projects(),
    models.Unit: units(),
    models.Financing: financings(),
    models.StatusChange: status_changes(),
    models.ProgressReport: progress_reports(),
    models.Ledger: ledgers(),
    models.Contribution: contributions(),
    models.Due: dues(),
    models.InstalmentPlan: instalment_plans(),
}

ENUMS = [
    value
    for value in vars(models).values()
    if isinstance(value, type) and hasattr(value, "__members__")
]


def test_every_model_class_has_a_strategy() -> None:
    classes = {
        value
        for name in models.__all__
        if (value := getattr(models, name)) is not None and hasattr(value, "__attrs_attrs__")
    }
    assert classes <= set(STRATEGIES), sorted(c.__name__ for c in classes - set(STRATEGIES))


@pytest.mark.parametrize(
    "kind", sorted(STRATEGIES, key=lambda kind: kind.__name__), ids=lambda k: k.__name__
)
@pytest.mark.parametrize("dates", ["iso", "jalali"])
def test_json_round_trip(kind: type, dates: serde.DateMode) -> None:
    @settings(
        max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
    )
    @given(STRATEGIES[kind])
    def round_trip(value: Any) -> None:
        text = serde.to_json(value, dates=dates)
        assert "\\u" not in text
        assert serde.from_json(kind, text) == value

    round_trip()


@pytest.mark.parametrize("kind", ENUMS, ids=lambda k: k.__name__)
def test_enums_travel_as_their_codes(kind: Any) -> None:
    for member in kind:
        assert serde.to_dict(member) == member.value
        assert serde.from_dict(kind, member.value) is member


@pytest.mark.parametrize(
    "kind", sorted(STRATEGIES, key=lambda kind: kind.__name__), ids=lambda k: k.__name__
)
@pytest.mark.parametrize("dates", ["iso", "jalali"])
def test_every_json_writer_writes_to_dict_as_json(
    kind: type, dates: serde.DateMode, monkeypatch: pytest.MonkeyPatch
) -> None:
    # orjson's streaming, the text writer used without orjson, and to_json_bytes all write
    # what the standard library writes for to_dict's data
    @settings(
        max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
    )
    @given(st.lists(STRATEGIES[kind], max_size=3))
    def same_text(values: list[Any]) -> None:
        expected = json.dumps(
            serde.to_dict(values, dates=dates), ensure_ascii=False, separators=(",", ":")
        )
        written = [serde.to_json(values, dates=dates), serde.to_json_bytes(values, dates=dates)]
        with monkeypatch.context() as without_orjson:
            without_orjson.setattr(serde, "_orjson", None)
            written += [
                serde.to_json(values, dates=dates),
                serde.to_json_bytes(values, dates=dates),
            ]
        assert written == [expected, expected.encode()] * 2
        # the text writer itself, which to_json would quietly leave for the general path
        assert serde._converter_for(dates).text()(values) == expected

    same_text()
