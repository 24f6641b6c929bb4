"""Fuzz serde.from_json into every model.

    python fuzz/fuzz_serde.py -atheris_runs=1000000 -dict=fuzz/json.dict

Only a MaskanError may escape; anything else is a crash (see fuzz_targets.py).
"""

import atheris

with atheris.instrument_imports(include=["maskan"]):
    import fuzz_targets

if __name__ == "__main__":
    fuzz_targets.main(fuzz_targets.serde_json, binary=True)
