"""Fuzz calendar.parse_date and calendar.as_date.

    python fuzz/fuzz_dates.py -atheris_runs=1000000 -dict=fuzz/persian.dict

Only a MaskanError may escape; anything else is a crash (see fuzz_targets.py).
"""

import atheris

with atheris.instrument_imports(include=["maskan"]):
    import fuzz_targets

if __name__ == "__main__":
    fuzz_targets.main(fuzz_targets.dates)
