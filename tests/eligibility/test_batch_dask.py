"""The Dask recipe of the screening guide: ``map_partitions`` on a local Dask cluster gives
the single-process columnar answers."""

from __future__ import annotations

import datetime
import functools
from typing import Any

import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from maskan.calendar import jdate
from maskan.eligibility import batch
from maskan.eligibility.program import Program
from maskan.eligibility.programs import get
from maskan.models.person import HousingHistory, OwnedProperty, Person, Residence

CITIES = ("اصفهان", "کاشان", "نجف‌آباد")


def _people(count: int) -> list[Person]:
    people = []
    for n in range(count):
        born = jdate(1340 + n % 45, 1 + n % 12, 1 + n % 29)
        moved = jdate(1395 + n % 10, 1 + n % 12, 1)
        people.append(
            Person(
                national_id="0499370899",
                first_name="مریم",
                last_name="احمدی",
                birth_date=born,
                gender=("female", "male", None)[n % 3],
                marital_status=("single", "married", "divorced", "widowed", None)[n % 5],
                head_of_household=(True, False, None)[n % 3],
                child_custody=n % 4 == 0,
                disabled=n % 7 == 0,
                residences=[
                    Residence(city=CITIES[n % 3], since=born),
                    Residence(city=CITIES[0], since=moved, from_metropolis=n % 2 == 0),
                ],
                owned_properties=[OwnedProperty(kind="unit", acquired=jdate(1398, 1, 1))]
                if n % 6 == 0
                else [],
                benefits=[] if n % 9 else None,
                spouse_housing=HousingHistory(owned_properties=[], benefits=[]),
            )
        )
    return people


def screen(part: pd.DataFrame, program: Program, on: datetime.date, city: str) -> Any:
    return program.evaluate_columns(part, on=on, city=city).to_pandas(reasons=True)


def test_map_partitions_on_a_local_cluster_gives_the_single_process_answers() -> None:
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="1403/01/01"
    )
    frame = pd.DataFrame(batch.columns_from_people(_people(240), program=program))
    on, city = jdate(1404, 9, 4), CITIES[0]
    expected = screen(frame, program, on, city)
    job = functools.partial(screen, program=program, on=on, city=city)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        roster = dd.from_pandas(frame, npartitions=4)
        result = roster.map_partitions(job, meta=batch.screening_meta(reasons=True)).compute()
    pd.testing.assert_frame_equal(result, expected)
    assert set(expected["verdict"]) == {"eligible", "ineligible", "undetermined"}
