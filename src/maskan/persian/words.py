"""Numbers in Persian words, both ways: cardinals, ordinals and decimal fractions.

Writing follows these conventions:

* «صد» for 100 (not «یکصد»), the joined hundreds «دویست», «سیصد», «چهارصد», «پانصد»,
  «ششصد», «هفتصد», «هشتصد», «نهصد», and «یک هزار» for 1000;
* «و» between every part and every group: 2500 is «دو هزار و پانصد»;
* short-scale words: هزار 10³, میلیون 10⁶, میلیارد 10⁹, تریلیون 10¹², کوآدریلیون 10¹⁵,
  کوینتیلیون 10¹⁸, سکستیلیون 10²¹. Absolute values from 10²⁴ up raise
  :class:`~maskan.errors.InvalidNumber`;
* «صفر» for 0, «منفی …» for negatives;
* a decimal fraction is the integer part, «و», then the digits after the point read as a
  number over its denominator (دهم, صدم, هزارم, ده هزارم, صد هزارم, میلیونم, … تریلیونم:
  at most 12 places). The integer part is always written, so 0.5 is «صفر و پنج دهم», as
  the press writes «صفر و پنج دهم درصد». Trailing zeros do not count: 5.30 reads as 5.3;
* when that form reads back as another number (1000.25 and 1020.05 both spell
  «یک هزار و بیست و پنج صدم»), the integer part is closed by «صحیح», the schoolbook
  style: 1020.05 is «یک هزار و بیست صحیح و پنج صدم». So every output reads back exactly;
* ordinals add «م»: «یکم», «دوم», «سوم», «بیست و یکم», «صدم», «یک هزارم»; after a final
  «ی» they add «ام» behind a ZWNJ (U+200C): «سی‌ام».

>>> number_to_words(2500)
'دو هزار و پانصد'
>>> number_to_words(Decimal("12.25"))
'دوازده و بیست و پنج صدم'
>>> number_to_words("۱٬۰۰۰٫۵")
'یک هزار و پنج دهم'
>>> ordinal_words(30)
'سی\u200cام'

Reading accepts everything written above and what people type besides:

* any mix of words and digits in any script: «۲ هزار و ۵۰۰», «۲۵۰ میلیون», «۲٬۵۰۰»; in a
  number ``٬`` or ``,`` groups thousands and ``٫``, ``.`` or ``/`` (as on Persian
  keyboards, and as :func:`maskan.persian.numbers.parse_number` reads) is the decimal point,
  so «۱٫۵ میلیون» is 1500000 (an ``int``, since it is whole);
* Arabic ``ي``/``ك``, presentation forms, tatweel and stray direction marks (through
  :func:`maskan.persian.text.normalize`), and spaces or ZWNJ between any two words;
* «و» may be left out between parts («دو میلیون پانصد هزار»), or glued to the word
  before it («صدو بیست», as some teaching material prints it);
* a scale word multiplies the whole smaller amount before it: «هزار میلیارد» is 10¹²,
  «هشت هزار و پانصد و نود میلیارد» is 8590 × 10⁹; a scale word is never repeated
  without a larger one between («هزار هزار» and «دو هزار و سه هزار» are errors);
* a bare scale word means one of it: «هزار» is 1000, «دو میلیون و هزار» is 2001000;
* variants: «یکصد» (as num2fawords and persiantools write it), the split hundreds
  «یک صد», «یک‌صد», «سی صد», «هفت صد» (as some teaching material spells them), «هیجده»
  for «هجده», «شیش» for «شش» (colloquial; persian-tools reads it too), «بیلیون» for
  «میلیارد» (10⁹: it is the short-scale twin, and this library's «تریلیون» is short scale
  too), «کوادریلیون» for «کوآدریلیون»;
* ordinals: «سی ام», «سی‌ام», «سیام» (the ZWNJ lost in copying), «سی اُم» (as
  persian-tools writes), «۲۵۶ ام», «اول» and «نخست» for 1st (alone only: 21st is
  «بیست و یکم»), the adjective forms in «مین» («سومین», «بیست و یکمین», «اولین»,
  «نخستین», «۲۵۶ امین»);
* decimals marked with «ممیز» as well as «صحیح»: «دو ممیز پنج دهم».

>>> words_to_number("۲ هزار و ۵۰۰")
2500
>>> words_to_number("يكصد و بيست")
120
>>> words_to_number("بیست و یکم")
21
>>> words_to_number("دوازده و بیست و پنج صدم")
Decimal('12.25')

Ambiguities, and how they are read:

* a text that is a valid ordinal is read as one: «سه هزارم» is 3000, and «صد و سه هزارم»
  is 103000; the fractions are written «صفر و سه هزارم» and «صد صحیح و سه هزارم»;
* split hundreds right before a denominator make a fraction: «پنج صدم» is 0.05 (the
  500th is «پانصدم»);
* a fraction without an integer part, like «پنج دهم», is read as 0.5;
* when the words before a denominator split into an integer part and a numerator in more
  than one way, the numerator takes as many words as fit under the denominator:
  «یک هزار و بیست و پنج صدم» is 1000.25.

Not read: digits spelt one by one after «ممیز» («یک ممیز صفر سه»), digits glued to words
(«۵۰۰هزار»), and the long-scale «بیلیارد».
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from maskan.errors import InvalidNumber, describe
from maskan.persian.digits import to_latin_digits, to_persian_digits
from maskan.persian.text import normalize

__all__ = ["number_to_words", "ordinal_words", "words_to_number"]

ZWNJ = "\u200c"

_ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
_TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS = ("", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
_SCALES = ("هزار", "میلیون", "میلیارد", "تریلیون", "کوآدریلیون", "کوینتیلیون", "سکستیلیون")
_VARIANTS = {
    "یکصد": "صد",
    "هیجده": "هجده",
    "شیش": "شش",
    "بیلیون": "میلیارد",
    "کوادریلیون": "کوآدریلیون",
}
_ZERO = "صفر"
_MINUS = "منفی"
_AND = "و"
_POINT_WORD = "صحیح"  # closes the integer part when the plain form is ambiguous
_FIRSTS = ("اول", "نخست")
_ORDINAL_SUFFIXES = frozenset({"ام", "اُم", "امین", "اُمین"})

_LIMIT = 10**24
_MAX_PLACES = 12
_MAX_TEXT = 10_000
# A numerator below 10**12 takes at most 26 words (four groups like «صد و بیست و سه هزار»
# joined by «و»); the margin covers split hundreds. Bounding the split search this way keeps
# reading linear in the length of the text.
_MAX_FRACTION_ATOMS = 48


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [_HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        parts.extend(word for word in (_TENS[tens], _ONES[ones]) if word)
    return " و ".join(parts)


_BELOW_1000 = tuple(_below_thousand(n) for n in range(1000))
_SUFFIXES = ("", *(" " + scale for scale in _SCALES))


def _integer_words(n: int) -> str:
    """Words for ``0 < n < 10**24``."""
    if n < 1000:
        return _BELOW_1000[n]
    parts = []
    for suffix in _SUFFIXES:
        n, group = divmod(n, 1000)
        if group:
            parts.append(_BELOW_1000[group] + suffix)
        if not n:
            break
    parts.reverse()
    return " و ".join(parts)


def _add_ordinal_suffix(words: str) -> str:
    if words.endswith("سه"):
        return words[:-2] + "سوم"
    if words.endswith("ی"):
        return words + ZWNJ + "ام"
    return words + "م"


def _denominator(places: int) -> str:
    group, extra = divmod(places, 3)
    if not group:
        return ("", "دهم", "صدم")[extra]
    return ("", "ده ", "صد ")[extra] + _SCALES[group - 1] + "م"


_DENOMINATORS = tuple(_denominator(places) for places in range(_MAX_PLACES + 1))

# Reading works on atoms: (kind, value, top, bottom, word). Below a thousand, a number has
# three slots, hundreds (3), tens (2) and ones (1); a word fills the slots from ``top`` down
# to ``bottom`` («سیزده» fills tens and ones) and may only follow words that stopped above
# its top. A scale atom keeps its exponent in ``top``; a decimal digit atom keeps its
# number of places there.
_Atom = tuple[int, int, int, int, str]
_SMALL, _SCALE, _JOIN, _NAUGHT, _DECIMAL, _POINT, _SIGN = range(7)


def _word_atoms() -> dict[str, _Atom]:
    words: dict[str, _Atom] = {}
    for digit in range(1, 10):
        words[_ONES[digit]] = (_SMALL, digit, 1, 1, _ONES[digit])
        words[_TEENS[digit]] = (_SMALL, 10 + digit, 2, 1, _TEENS[digit])
        words[_HUNDREDS[digit]] = (_SMALL, 100 * digit, 3, 3, _HUNDREDS[digit])
        if digit > 1:
            words[_TENS[digit]] = (_SMALL, 10 * digit, 2, 2, _TENS[digit])
    words[_TEENS[0]] = (_SMALL, 10, 2, 1, _TEENS[0])
    for group, scale in enumerate(_SCALES, 1):
        words[scale] = (_SCALE, 1000**group, 3 * group, 0, scale)
    for variant, canonical in _VARIANTS.items():
        words[variant] = (*words[canonical][:4], variant)
    for word, kind in ((_AND, _JOIN), (_ZERO, _NAUGHT), (_POINT_WORD, _POINT), ("ممیز", _POINT)):
        words[word] = (kind, 0, 0, 0, word)
    words[_MINUS] = (_SIGN, 0, 0, 0, _MINUS)
    return words


def _ordinal_table() -> dict[str, str]:
    """Ordinal word (also in its «مین» form) -> the cardinal word it is made from."""
    ordinals = {}
    for word, atom in _WORDS.items():
        if atom[0] in (_SMALL, _SCALE):
            ordinal = _add_ordinal_suffix(word).replace(ZWNJ, "")  # «سیام» is common too
            ordinals[ordinal] = ordinals[ordinal + "ین"] = word
    for word in _FIRSTS:
        ordinals[word] = ordinals[word + "ین"] = _ONES[1]
    return ordinals


_WORDS = _word_atoms()
_HUNDRED = _WORDS["صد"]  # identity matters: «یکصد» is not split hundreds
_TEN = _WORDS["ده"]
_START: _Atom = (_NAUGHT, 0, 0, 0, "")  # stands before the first word in the order checks
_ORDINALS = _ordinal_table()
# Ordinal word -> the number of decimal places it stands for as a denominator.
_PLACES = {"دهم": 1, "صدم": 2} | {
    word + "م": atom[2] for word, atom in _WORDS.items() if atom[0] == _SCALE
}


def _error(field: str, value: object, code: str, message: str, message_fa: str) -> InvalidNumber:
    return InvalidNumber(
        f"{field}: {message}",
        message_fa=f"{field}: {message_fa}",
        code=code,
        field=field,
        value=value,
    )


def _type_error(
    field: str,
    value: object,
    function: str,
    expected: str,
    expected_fa: str,
    *,
    takes_numbers: bool = True,
) -> InvalidNumber:
    if isinstance(value, float) and takes_numbers:
        # say why this number is refused: 0.1 as a float is not exactly one tenth
        return _error(
            field,
            value,
            "type",
            f"{describe(value)} is an inexact float; give {expected}",
            f"{describe(value)} عدد اعشاری شناور (float) و نادقیق است؛ {expected_fa} بدهید",
        )
    kind = type(value).__name__
    return _error(
        field,
        value,
        "type",
        f"{function}() takes {expected}, not {kind}",
        f"ورودی {function} باید {expected_fa} باشد، نه {kind}",
    )


def _out_of_range(field: str, value: object) -> InvalidNumber:
    return _error(
        field,
        value,
        "out_of_range",
        f"{describe(value)} is out of range; the absolute value must be below 10**24",
        f"{describe(value)} بیرون از بازه است؛ قدر مطلق باید کمتر از ۱۰ به توان ۲۴ باشد",
    )


def _too_precise(field: str, value: object, places: int) -> InvalidNumber:
    return _error(
        field,
        value,
        "decimal_places",
        f"{describe(value)} has {places} decimal places; at most {_MAX_PLACES} can be read",
        f"{describe(value)} {to_persian_digits(places)} رقم اعشار دارد؛"
        f" بیشینه {to_persian_digits(_MAX_PLACES)} رقم است",
    )


def _too_long(field: str, value: str) -> InvalidNumber:
    return _error(
        field,
        value,
        "too_long",
        f"{len(value)} characters is too long; at most {_MAX_TEXT}",
        f"متن {to_persian_digits(len(value))} نویسه است؛"
        f" بیشینه {to_persian_digits(_MAX_TEXT)} نویسه",
    )


def _split_numeral(text: str) -> tuple[str, str] | None:
    """Split Latin-digit ``text`` into integer and fraction digits, or None if not a numeral.

    ``٬`` or ``,`` must group by threes; ``٫``, ``.`` or ``/`` is the decimal point.
    """
    if not text.isascii():
        text = text.replace("٬", ",").replace("٫", ".")
        if not text.isascii():
            return None
    whole, point, fraction = text.replace("/", ".").partition(".")
    if "," in whole:
        groups = whole.split(",")
        if not 0 < len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return None
        whole = "".join(groups)
    if not whole.isdigit() or (point and not fraction.isdigit()):
        return None
    return whole, fraction.rstrip("0")


def _digit_atom(token: str, text: str) -> _Atom | None:
    parts = _split_numeral(to_latin_digits(token))
    if parts is None:
        return None
    whole, fraction = parts
    significant = whole.lstrip("0")
    if len(significant) > 24:
        raise _out_of_range("text", text)
    if len(fraction) > _MAX_PLACES:
        raise _too_precise("text", token, len(fraction))
    if fraction:
        return (_DECIMAL, int(significant + fraction), len(fraction), 0, token)
    value = int(significant or "0")
    if not value:
        return (_NAUGHT, 0, 0, 0, token)
    top = 3 if value >= 100 else 2 if value >= 10 else 1
    return (_SMALL, value, top, 0, token)


def _unusual_atoms(token: str, text: str) -> list[_Atom]:
    """Atoms for a token that is not a plain word: digits, Arabic letters, a glued «و»."""
    atom = _digit_atom(token, text)
    if atom is not None:
        return [atom]
    atoms: list[_Atom] = []
    for piece in normalize(token).split():  # may vanish: a lone direction mark
        atom = _WORDS.get(piece) or _digit_atom(piece, text)
        if atom is None and piece[-1] == _AND and piece[:-1] in _WORDS:
            atoms += (_WORDS[piece[:-1]], _WORDS[_AND])
        elif atom is None:
            raise _error(
                "text",
                text,
                "unknown_word",
                f"cannot read the word {describe(token)} in {describe(text)}",
                f"واژهٔ {describe(token)} در {describe(text)} خوانده نشد",
            )
        else:
            atoms.append(atom)
    return atoms


def _atoms(tokens: list[str], text: str) -> list[_Atom]:
    atoms = list(map(_WORDS.get, tokens))
    if None not in atoms:
        return cast(list[_Atom], atoms)
    found: list[_Atom] = []
    for token, atom in zip(tokens, atoms, strict=True):
        if atom is None:
            found += _unusual_atoms(token, text)
        else:
            found.append(atom)
    return found


def _syntax(text: str, message: str, message_fa: str) -> InvalidNumber:
    return _error(
        "text",
        text,
        "syntax",
        f"{message} in {describe(text)}",
        f"{message_fa}؛ در {describe(text)}",
    )


def _misplaced(atom: _Atom, previous: _Atom, text: str) -> InvalidNumber:
    word = describe(atom[4])
    if atom[0] == _JOIN:
        return _syntax(text, "'و' must stand between two numbers", "«و» باید میان دو عدد بیاید")
    if atom[0] == _NAUGHT:
        return _syntax(
            text, f"{word} cannot be part of a larger number", f"{word} بخشی از عدد بزرگ‌تر نمی‌شود"
        )
    if atom[0] == _POINT:
        return _syntax(
            text,
            f"{word} must be followed by a fraction such as 'پنج دهم'",
            f"پس از {word} باید کسری مانند «پنج دهم» بیاید",
        )
    if atom[0] == _SIGN:
        return _syntax(text, f"{word} can only start the text", f"{word} فقط در آغاز متن می‌آید")
    if previous is _START:
        return _syntax(text, f"{word} cannot start a number", f"عدد با {word} آغاز نمی‌شود")
    before = describe(previous[4])
    return _syntax(text, f"{word} cannot follow {before}", f"{word} نمی‌تواند پس از {before} بیاید")


def _not_below(atom: _Atom, exponent: int, text: str) -> InvalidNumber:
    word = describe(atom[4])
    scale = describe(_SCALES[exponent // 3 - 1])
    return _syntax(
        text,
        f"{word} is out of order: the amount must stay below the {scale} before it",
        f"{word} نابجاست: مقدار باید کمتر از {scale} پیش از آن بماند",
    )


def _lone_decimal(atom: _Atom, text: str) -> InvalidNumber:
    word = describe(atom[4])
    return _syntax(
        text,
        f"{word} must stand alone or be followed by a scale word such as 'میلیون'",
        f"{word} باید تنها بیاید یا پس از آن واژه‌ای مانند «میلیون» بیاید",
    )


def _integer(atoms: list[_Atom], lo: int, hi: int, text: str) -> int | Decimal:
    """Read ``atoms[lo:hi]`` as a whole number (a Decimal only for a lone «۱٫۵»)."""
    if lo >= hi:
        raise _syntax(text, "a number is missing", "عددی نیامده است")
    amounts: list[int] = []  # amounts under distinct scales, largest scale first
    exponents: list[int] = []
    small = 0
    slot = 4  # every slot of the current group below a thousand is free; -1: none is
    decimal: _Atom | None = None  # a «۱٫۵» waiting for its scale word; it closes all slots
    previous = _START  # the last word before this one, «و» aside
    joined = False  # whether a «و» stands between ``previous`` and this word
    for atom in atoms[lo:hi]:
        kind, value, top, bottom, _ = atom
        if kind == _SMALL:
            if top < slot:
                small += value
                slot = bottom
                if value >= 1000 and exponents and small >= 10 ** exponents[-1]:
                    raise _not_below(atom, exponents[-1], text)
            elif atom is _HUNDRED and slot == 1 and small < 10 and not joined:
                small *= 100  # «یک صد», «چهار صد»
                slot = 3
            else:
                raise _lone_decimal(decimal, text) if decimal else _misplaced(atom, previous, text)
        elif kind == _JOIN:
            if decimal is not None:
                raise _lone_decimal(decimal, text)
            if joined or previous is _START:
                raise _misplaced(atom, previous, text)
            joined = True
            continue
        elif kind == _SCALE:
            multiple = small
            while exponents and exponents[-1] < top:
                multiple += amounts.pop()
                exponents.pop()
            if decimal is not None:
                if multiple:
                    raise _misplaced(decimal, previous, text)
                multiple, remainder = divmod(decimal[1] * value, 10 ** decimal[2])
                if remainder:
                    phrase = describe(f"{decimal[4]} {atom[4]}")
                    raise _syntax(
                        text, f"{phrase} is not a whole number", f"{phrase} عدد درستی نیست"
                    )
                decimal = None
            else:
                multiple = (multiple or 1) * value  # a bare «هزار» is one thousand
            if exponents and multiple >= 10 ** exponents[-1]:
                raise _not_below(atom, exponents[-1], text)
            if multiple >= _LIMIT:
                raise _out_of_range("text", text)
            amounts.append(multiple)
            exponents.append(top)
            small = 0
            slot = 4
        elif kind == _DECIMAL and slot == 4:
            decimal = atom
            slot = -1
        elif kind == _NAUGHT and hi - lo == 1:
            return 0
        else:
            raise _lone_decimal(decimal, text) if decimal else _misplaced(atom, previous, text)
        previous = atom
        joined = False
    if joined:
        raise _misplaced(_WORDS[_AND], previous, text)
    if decimal is not None:
        if hi - lo > 1:
            raise _lone_decimal(decimal, text)
        return Decimal(f"{decimal[1]}E-{decimal[2]}")
    total = small + sum(amounts)
    if total >= _LIMIT:
        raise _out_of_range("text", text)
    return total


def _ordinal_tail(tokens: list[str], text: str) -> str | None:
    """If the text ends with an ordinal, put its cardinal in its place and return it."""
    last = tokens[-1]
    if last in _WORDS or last[-1] not in "منلت":
        return None
    if last in _ORDINAL_SUFFIXES:
        if len(tokens) == 1:
            return None
        tokens.pop()  # «سی ام»: the number before the suffix is the cardinal
        return last
    word = last if last in _ORDINALS else normalize(last)
    cardinal = _ORDINALS.get(word)
    if cardinal is None:
        return None
    if len(tokens) > 1 and word.startswith(_FIRSTS):
        raise _syntax(
            text,
            f"{describe(last)} stands alone; write 'یکم' in a compound",
            f"{describe(last)} تنها می‌آید؛ «یکم» بنویسید",
        )
    tokens[-1] = cardinal
    return word


def _ordinal(atoms: list[_Atom], negative: bool, text: str) -> int:
    value = _integer(atoms, 0, len(atoms), text)
    if negative or not value or isinstance(value, Decimal):
        raise _syntax(
            text, "an ordinal must be a positive whole number", "عدد ترتیبی باید درست و مثبت باشد"
        )
    return value


def _whole(atoms: list[_Atom], lo: int, hi: int, text: str) -> int:
    value = _integer(atoms, lo, hi, text)
    if isinstance(value, Decimal):
        raise _syntax(
            text, "a fraction cannot hold a decimal point", "کسر نمی‌تواند ممیز داشته باشد"
        )
    return value


def _fraction(atoms: list[_Atom], places: int, negative: bool, text: str) -> Decimal:
    end = len(atoms) - 1  # the denominator's scale word
    if (
        places >= 3
        and end >= 2
        and (atoms[end - 1] is _TEN or atoms[end - 1] is _HUNDRED)
        and atoms[end - 2][0] != _JOIN
    ):
        places += 1 if atoms[end - 1] is _TEN else 2  # «ده هزارم», «صد میلیونم»
        end -= 1
    if places > _MAX_PLACES:
        raise _too_precise("text", text, places)
    whole, fraction = _fraction_parts(atoms, end, 10**places, text)
    if fraction is None:
        raise _syntax(
            text,
            f"the fraction does not fit its denominator {describe(_DENOMINATORS[places])}",
            f"کسر با مخرج {describe(_DENOMINATORS[places])} جور نیست",
        )
    digits = f"{fraction:0{places}d}".rstrip("0")
    return Decimal(f"{'-' if negative else ''}{whole}.{digits}")


def _fraction_parts(atoms: list[_Atom], end: int, limit: int, text: str) -> tuple[int, int | None]:
    """Split ``atoms[:end]`` into the integer part and a numerator below ``limit`` (or None)."""

    def numerator(lo: int) -> int | None:
        value = _whole(atoms, lo, end, text)
        return value if 0 < value < limit else None

    points = [index for index in range(end) if atoms[index][0] == _POINT]
    if points:
        start = points[0] + 1
        if start < end and atoms[start][0] == _JOIN:
            start += 1
        return _whole(atoms, 0, points[0], text), numerator(start)
    # The earliest «و» that leaves a fitting numerator wins: the numerator takes all it can.
    for split in range(max(1, end - _MAX_FRACTION_ATOMS), end - 1):
        if atoms[split][0] != _JOIN:
            continue
        try:
            fraction = numerator(split + 1)
            if fraction is not None:
                return _whole(atoms, 0, split, text), fraction
        except InvalidNumber:
            continue
    return 0, numerator(0)


def _split_hundreds_tail(atoms: list[_Atom]) -> bool:
    """Whether the text ends like «پنج صدم» or «سه صد هزارم»: a fraction, not an ordinal."""
    at = len(atoms) - 1
    if atoms[at] is not _HUNDRED:
        at -= 1
    if at < 1 or atoms[at] is not _HUNDRED:
        return False
    before = atoms[at - 1]
    return before[0] == _SMALL and before[3] == 1 and before[1] < 10


def words_to_number(text: str) -> int | Decimal:
    """Read a number written in Persian words (or words and digits).

    The exact inverse of :func:`number_to_words` and :func:`ordinal_words` (an ordinal
    gives its ``int``), and tolerant of the variants listed in the module documentation.
    A fraction gives a ``Decimal``, anything else an ``int``.

    >>> words_to_number("دو هزار و پانصد")
    2500
    >>> words_to_number("۱٫۵ میلیون")
    1500000
    >>> words_to_number("سی‌ام")
    30
    >>> words_to_number("منفی صفر و پنج دهم")
    Decimal('-0.5')
    >>> words_to_number("دو هزار و سیب")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNumber: text: cannot read the word 'سیب' in 'دو هزار و سیب'

    Raises:
        InvalidNumber: with code ``type``, ``empty``, ``too_long``, ``unknown_word``,
            ``syntax``, ``decimal_places`` or ``out_of_range``.
    """
    if not isinstance(text, str):
        raise _type_error("text", text, "words_to_number", "a str", "متن", takes_numbers=False)
    if len(text) > _MAX_TEXT:
        raise _too_long("text", text)
    tokens = (text.replace(ZWNJ, " ") if ZWNJ in text else text).split()
    if not tokens:
        raise _error("text", text, "empty", "the text is empty", "متن خالی است")
    negative = False
    first = tokens[0]
    if first == _MINUS:
        negative = True
        del tokens[0]
    elif first[0] in "-−\u200e\u200f" and first not in _WORDS:
        sign = first.lstrip("\u200e\u200f")
        if sign[:1] in ("-", "−"):
            negative = True
            tokens[0] = sign[1:]
            if not tokens[0]:
                del tokens[0]
    if not tokens:
        raise _syntax(
            text, "a number is missing after the sign", "پس از نشانهٔ منفی عددی نیامده است"
        )
    ordinal = _ordinal_tail(tokens, text)
    atoms = _atoms(tokens, text)
    if not atoms:
        raise _error("text", text, "empty", "the text holds no number", "متن عددی ندارد")
    places = _PLACES.get(ordinal) if ordinal else None
    if places is None:
        if ordinal:
            return _ordinal(atoms, negative, text)
        value = _integer(atoms, 0, len(atoms), text)
        return -value if negative else value
    if not negative and not _split_hundreds_tail(atoms):
        try:
            return _ordinal(atoms, negative, text)
        except InvalidNumber:
            pass  # not an ordinal: a fraction, then
    return _fraction(atoms, places, negative, text)


def _decimal_words(value: Decimal, given: object) -> str:
    if not value.is_finite():
        raise _error(
            "value",
            given,
            "not_finite",
            f"{describe(given)} is not a finite number",
            f"{describe(given)} عدد متناهی نیست",
        )
    sign, digit_tuple, exponent_or_flag = value.as_tuple()
    exponent = cast(int, exponent_or_flag)  # an int, since the value is finite
    digits = "".join(map(str, digit_tuple))
    if exponent < 0:
        # 5.30 reads as 5.3: drop trailing zeros after the point
        dropped = min(len(digits) - len(digits.rstrip("0")), -exponent)
        digits = digits[: len(digits) - dropped] or "0"
        exponent += dropped
    if digits == "0":
        return _ZERO
    if len(digits) + exponent > 24:
        raise _out_of_range("value", given)
    if -exponent > _MAX_PLACES:
        raise _too_precise("value", given, -exponent)
    if exponent >= 0:
        words = _integer_words(int(digits) * 10**exponent)
    else:
        whole = int(digits[:exponent] or "0")
        fraction = int(digits[exponent:])
        places = -exponent
        head = _integer_words(whole) if whole else _ZERO
        tail = f"{_integer_words(fraction)} {_DENOMINATORS[places]}"
        words = f"{head} و {tail}"
        if words_to_number(words) != Decimal(f"{whole}.{fraction:0{places}d}"):
            words = f"{head} {_POINT_WORD} و {tail}"
    return f"{_MINUS} {words}" if sign else words


def _numeral(text: str) -> Decimal:
    if len(text) > _MAX_TEXT:
        raise _too_long("value", text)
    numeral = to_latin_digits(text.strip())
    if not numeral:
        raise _error("value", text, "empty", "the text is empty", "متن خالی است")
    negative = numeral[0] in ("-", "−")
    parts = _split_numeral(numeral[1:] if negative else numeral)
    if parts is None:
        raise _error(
            "value",
            text,
            "syntax",
            f"{describe(text)} is not a number written in digits",
            f"{describe(text)} عددی با رقم نیست",
        )
    whole, fraction = parts
    return Decimal(f"{'-' if negative else ''}{whole}.{fraction or 0}")


def number_to_words(value: int | Decimal | str) -> str:
    """Write ``value`` in Persian words (see the module documentation for the conventions).

    ``value`` is an ``int``, a ``Decimal``, or text of digits in any script with ``٬`` or
    ``,`` grouping, ``٫``, ``.`` or ``/`` as the decimal point and a leading ``-`` or ``−``.
    Floats are refused: 0.1 is not exactly one tenth.

    >>> number_to_words(1001)
    'یک هزار و یک'
    >>> number_to_words(-250_000_000)
    'منفی دویست و پنجاه میلیون'
    >>> number_to_words(Decimal("0.5"))
    'صفر و پنج دهم'
    >>> number_to_words("۲٬۵۰۰")
    'دو هزار و پانصد'
    >>> number_to_words(0.5)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNumber: value: 0.5 is an inexact float; give an int, a Decimal or text

    Raises:
        InvalidNumber: with code ``type``, ``empty``, ``too_long``, ``syntax``,
            ``not_finite``, ``decimal_places`` or ``out_of_range`` (from 10**24 up).
    """
    if type(value) is not int:
        if isinstance(value, Decimal):
            return _decimal_words(value, value)
        if isinstance(value, str):
            return _decimal_words(_numeral(value), value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _type_error(
                "value",
                value,
                "number_to_words",
                "an int, a Decimal or text",
                "عدد صحیح، Decimal یا متن",
            )
        value = int(value)
    if 0 < value < 1000:
        return _BELOW_1000[value]
    if -_LIMIT < value < _LIMIT:
        if value > 0:
            return _integer_words(value)
        return f"{_MINUS} {_integer_words(-value)}" if value else _ZERO
    raise _out_of_range("value", value)


def ordinal_words(n: int) -> str:
    """Write the ordinal of the positive whole number ``n`` in Persian words.

    >>> ordinal_words(1), ordinal_words(3), ordinal_words(21)
    ('یکم', 'سوم', 'بیست و یکم')
    >>> ordinal_words(1000)
    'یک هزارم'
    >>> ordinal_words(30) == "سی\u200cام"
    True

    Raises:
        InvalidNumber: code ``type`` for anything but an ``int`` (bools included),
            ``out_of_range`` below 1 or from 10**24 up.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise _type_error("n", n, "ordinal_words", "an int", "عدد صحیح")
    if not 0 < n < _LIMIT:
        raise _error(
            "n",
            n,
            "out_of_range",
            f"{describe(n)} has no ordinal; give a whole number from 1 to 10**24 - 1",
            f"{describe(n)} عدد ترتیبی ندارد؛ عددی از ۱ تا کمتر از ۱۰ به توان ۲۴ بدهید",
        )
    return _add_ordinal_suffix(_integer_words(int(n)))
