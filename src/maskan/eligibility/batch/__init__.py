"""Columnar screening: one program over a whole roster held in columns, with reasons.

:meth:`Program.evaluate_columns <maskan.eligibility.Program.evaluate_columns>` takes a pandas
``DataFrame``, a pyarrow ``Table`` or a mapping of numpy arrays whose columns follow
:data:`FACTS`, and returns a :class:`Screening`: per row the verdict, a bitmask of the failed
reasons (:meth:`Screening.reasons` turns it into reason codes) and ``eligible_from``. numpy is
the ``columnar`` extra (``pip install "maskan[columnar]"``); pandas and pyarrow are read when
given.

The same program definition drives both paths. Each simple rule may carry a vectorized twin
(:class:`~maskan.eligibility.rules.InColumns`, written next to the rule) that reads the same
:class:`~maskan.eligibility.Parameter` objects through the same dated histories and gives the
same reason codes. A row that some twin cannot decide — a rule without a twin, a date before
a parameter's first value — is evaluated by :meth:`Program.evaluate
<maskan.eligibility.Program.evaluate>` from a :class:`~maskan.models.Person` rebuilt from its
columns, so the answers are always those of the per-person path
(:attr:`Screening.per_person` says which rows went that way).

>>> import numpy as np
>>> from maskan.calendar import jdate
>>> from maskan.eligibility.programs import national_housing_movement as nhm
>>> from maskan.models import Person
>>> from maskan.models.person import Residence
>>> program = nhm.PROGRAM.with_values(five_year_lookback="in_force", residence_easing="in_force")
>>> sara = Person(national_id="0499370899", first_name="سارا", last_name="احمدی",
...               gender="female", marital_status="single", birth_date="1371/02/10",
...               disabled=False, residences=[Residence(city="اصفهان", since="1371/02/10")],
...               owned_properties=(), benefits=())
>>> columns = columns_from_people([sara], program=program)
>>> columns["birth_date"], columns["residence_1_city"]
(array(['1992-04-30'], dtype='datetime64[D]'), array(['اصفهان'], dtype=object))
>>> screening = program.evaluate_columns(columns, on=jdate(1404, 9, 4), city="اصفهان")
>>> screening.verdicts()[0].value, screening.reasons(0)[:2]
('ineligible', ('national_housing_movement.not_married', \
'national_housing_movement.single_woman_under_age'))
>>> screening.eligible_from.tolist() == [jdate(1406, 2, 10)]
True
"""

from __future__ import annotations

from maskan.eligibility.batch._arrays import Array as Array
from maskan.eligibility.batch._evaluate import evaluate_columns
from maskan.eligibility.batch._frame import FAILED, PASSED, UNKNOWN, Decide, Frame, Leaf, pick
from maskan.eligibility.batch._people import columns_from_people
from maskan.eligibility.batch._schema import FACTS, Fact, required_columns
from maskan.eligibility.batch._screening import VERDICTS, Screening, screening_meta

__all__ = [
    "FACTS",
    "FAILED",
    "PASSED",
    "UNKNOWN",
    "VERDICTS",
    "Decide",
    "Fact",
    "Frame",
    "Leaf",
    "Screening",
    "columns_from_people",
    "evaluate_columns",
    "pick",
    "required_columns",
    "screening_meta",
]
