"""Fuzz every identifier module's compact, validate, is_valid and format, and the bank lookups.

    python fuzz/fuzz_identifiers.py -atheris_runs=1000000

Only a MaskanError may escape; anything else is a crash (see fuzz_targets.py).
"""

import atheris

with atheris.instrument_imports(include=["maskan"]):
    import fuzz_targets

if __name__ == "__main__":
    fuzz_targets.main(fuzz_targets.identifiers)
