"""A building is finished: allocate its units by lottery, so that every member can check
that nobody steered the draw.

Who gets which unit is where cooperative disputes start. A fair lottery needs three
things: the list of candidates fixed and published before anyone knows the seed, a seed
nobody controls, and an algorithm simple enough to re-run by hand. maskan's draw is one
SHA-256 hash per candidate; the script runs the draw for a finished project of the
Isfahan sample, publishes the result as JSON, re-checks one member's key with nothing but
``hashlib``, verifies the published result, and shows that a doctored copy fails.

The weights, rules and seed of a real lottery are the cooperative's; none is law here.

Run it with ``python examples/06_lottery.py``.
"""

from __future__ import annotations

import hashlib

import attrs

from maskan import samples, serde
from maskan.allocation import ALGORITHM, Allocation, candidates_digest, lottery, verify
from maskan.models import ProjectStatus
from maskan.persian import format_date, format_number, to_persian_digits


def main() -> None:
    sample = samples.isfahan_1404()
    # A finished building whose units have not been handed out yet.
    project = min(
        (p for p in sample.projects if p.status is ProjectStatus.COMPLETED),
        key=lambda p: len(p.units),
    )
    members = sample.members_of(project.code)
    print(
        f"{project.name} ({project.code}): {format_number(len(project.units))} واحد،"
        f" {format_number(len(members))} عضو"
    )

    # Step 1, before the seed is known: publish the candidates and their fingerprint, so
    # nobody can add or drop a name afterwards unnoticed.
    fingerprint = candidates_digest(members)
    print(f"اثر انگشت فهرست نامزدها (پیش از قرعه منتشر شد): {fingerprint[:16]}…")

    # Step 2: a seed nobody controls, announced in public — here the number drawn from a
    # bowl at the general assembly, as the secretary wrote it, in Persian digits.
    seed = "۷۳۰۵۱۸"
    day = sample.on

    # Step 3: the draw. Each member takes the next free unit in the order the units are
    # listed (floor by floor), in the order of their draw keys.
    result = lottery(members, project, seed=seed, on=day)
    print(f"قرعه‌کشی {format_date(day)} با بذر {seed}:")
    for turn in result.assignments[:8]:
        name = sample.person(turn.national_id).full_name
        block, number = turn.unit or ("", "")
        print(
            f"  {format_number(turn.position):>3}. {name:<16} بلوک {block}، واحد"
            f" {to_persian_digits(number)}   کلید {(turn.draw_key or '')[:12]}…"
        )
    print(f"  … و {format_number(len(result.assignments) - 8)} نفر دیگر\n")

    # Published as JSON (Jalali dates, for the notice board); anyone can load it back.
    published = serde.to_json(result, dates="jalali")
    received = serde.from_json(Allocation, published)

    # A member checks their own key with the standard library only: SHA-256 of
    # "maskan-lottery-v1|<seed in ASCII digits>|<national ID>".
    mine = received.assignments[0]
    by_hand = hashlib.sha256(f"{ALGORITHM}|{received.seed}|{mine.national_id}".encode())
    print(f"member {mine.national_id} re-computes their key by hand: {by_hand.hexdigest()[:16]}…")
    assert by_hand.hexdigest() == mine.draw_key

    # Anyone re-derives the whole draw from the seed and the list, and compares.
    print(
        "published list is the one fixed before the draw:",
        received.candidates_digest == fingerprint,
    )
    print("verify(published result):", verify(received))

    # A board member who swaps two units after the draw is caught, and so is a changed seed.
    first, second = received.assignments[:2]
    doctored = attrs.evolve(
        received,
        turns=tuple(
            attrs.evolve(turn, unit=second.unit)
            if turn is first
            else attrs.evolve(turn, unit=first.unit)
            if turn is second
            else turn
            for turn in received.turns
        ),
    )
    print("verify(two units swapped):", verify(doctored))
    print("verify(another seed):", verify(attrs.evolve(received, seed="730519")))


if __name__ == "__main__":
    main()
