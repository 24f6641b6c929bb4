"""Fuzz the command line's roster reader (CSV, JSON Lines, JSON array).

    python fuzz/fuzz_roster.py -atheris_runs=1000000 -dict=fuzz/roster.dict

Only a MaskanError may escape; anything else is a crash (see fuzz_targets.py).
"""

import atheris

with atheris.instrument_imports(include=["maskan"]):
    import fuzz_targets

if __name__ == "__main__":
    fuzz_targets.main(fuzz_targets.roster_file, binary=True)
