"""Persistent collections: immutable values that share their structure with the value they
were derived from, so that "a new cooperative with one more member" costs O(log n), not a
copy of n members.

Model objects are frozen and every operation returns a new object (DESIGN.md,
Immutability). With plain tuples and dicts, admitting the 100,000th member would copy the
99,999 before it, and admitting 100,000 members one at a time would be quadratic. Three
structures avoid that:

* :class:`PMap`, a hash array mapped trie (32-way, bitmap-compressed): ``set`` copies the
  handful of nodes on one path, about 4 for 100,000 keys, and the new map shares every
  other node with the old one. Nothing is ever mutated, so old versions stay valid and
  are garbage-collected as soon as nobody holds them.
* :class:`Chain`, an append-only sequence. All versions derived in a line share one
  Python list: a version is "the first *length* items". Appending to the newest version
  appends to the list in place (O(1)); appending to an older version, which would
  overwrite what a newer one sees, copies its prefix first (O(n), only when a history
  branches). Items are never replaced, so the shared list holds nothing the newest
  version does not also hold.
* :class:`Keyed`, records kept in insertion order and found by key: a :class:`PMap`
  from key to record plus a :class:`Chain` of keys for the order. Replacing a record
  keeps its place.

All three are read-only :class:`~collections.abc.Sequence` / mapping-like values that
compare by content (a sequence also equals the tuple of its items), hash by content
(cached; a sequence as that tuple does), and pickle and deep-copy as their content
(a trie's layout depends on ``hash()``, which differs between processes).

>>> first = Chain(["a", "b"])
>>> second = first.appended("c")
>>> first, second
(('a', 'b'), ('a', 'b', 'c'))
>>> m = PMap().set("k", 1)
>>> m.set("k", 2).get("k"), m.get("k"), m.get("z") is None
(2, 1, True)
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

_BITS = 5
_MASK = (1 << _BITS) - 1
_HASH_BITS = 64
_HASH_MASK = (1 << _HASH_BITS) - 1


class _Leaf:
    __slots__ = ("hash", "key", "value")

    def __init__(self, hash_: int, key: object, value: object) -> None:
        self.hash = hash_
        self.key = key
        self.value = value


class _Bucket:
    """Keys whose 64-bit hashes are equal: a short list of pairs, searched in order."""

    __slots__ = ("hash", "pairs")

    def __init__(self, hash_: int, pairs: tuple[tuple[object, object], ...]) -> None:
        self.hash = hash_
        self.pairs = pairs


class _Node:
    """A trie node: ``bitmap`` says which of the 32 slots are used; ``slots`` holds only
    those, in slot order."""

    __slots__ = ("bitmap", "slots")

    def __init__(self, bitmap: int, slots: tuple[object, ...]) -> None:
        self.bitmap = bitmap
        self.slots = slots


_EMPTY = _Node(0, ())
_MISSING: Any = object()


def _hash(key: object) -> int:
    return hash(key) & _HASH_MASK


def _lookup(node: _Node, key: object, hash_: int) -> Any:
    shift = 0
    while True:
        bit = 1 << ((hash_ >> shift) & _MASK)
        if not node.bitmap & bit:
            return _MISSING
        slot = node.slots[(node.bitmap & (bit - 1)).bit_count()]
        kind = type(slot)
        if kind is _Node:
            node = slot  # type: ignore[assignment]
            shift += _BITS
        elif kind is _Leaf:
            leaf: _Leaf = slot  # type: ignore[assignment]
            return leaf.value if leaf.hash == hash_ and leaf.key == key else _MISSING
        else:
            bucket: _Bucket = slot  # type: ignore[assignment]
            if bucket.hash == hash_:
                for bucket_key, value in bucket.pairs:
                    if bucket_key == key:
                        return value
            return _MISSING


def _split(old: _Leaf | _Bucket, new: _Leaf, shift: int) -> _Node:
    """A node holding two entries with different hashes, as deep as their hashes agree."""
    old_index = (old.hash >> shift) & _MASK
    new_index = (new.hash >> shift) & _MASK
    if old_index == new_index:
        return _Node(1 << old_index, (_split(old, new, shift + _BITS),))
    slots: tuple[object, ...] = (old, new) if old_index < new_index else (new, old)
    return _Node((1 << old_index) | (1 << new_index), slots)


def _insert(node: _Node, shift: int, leaf: _Leaf) -> tuple[_Node, bool]:
    """Return the node with ``leaf`` set, and whether its key is new."""
    bit = 1 << ((leaf.hash >> shift) & _MASK)
    position = (node.bitmap & (bit - 1)).bit_count()
    slots = node.slots
    if not node.bitmap & bit:
        return _Node(node.bitmap | bit, (*slots[:position], leaf, *slots[position:])), True
    slot = slots[position]
    added = False
    replacement: object
    if type(slot) is _Node:
        replacement, added = _insert(slot, shift + _BITS, leaf)
    elif type(slot) is _Leaf:
        if slot.hash == leaf.hash and slot.key == leaf.key:
            replacement = leaf
        elif slot.hash == leaf.hash:
            replacement = _Bucket(leaf.hash, ((slot.key, slot.value), (leaf.key, leaf.value)))
            added = True
        else:
            replacement = _split(slot, leaf, shift + _BITS)
            added = True
    else:
        bucket: _Bucket = slot  # type: ignore[assignment]
        if bucket.hash == leaf.hash:
            pairs = tuple(pair for pair in bucket.pairs if pair[0] != leaf.key)
            added = len(pairs) == len(bucket.pairs)
            replacement = _Bucket(bucket.hash, (*pairs, (leaf.key, leaf.value)))
        else:
            replacement = _split(bucket, leaf, shift + _BITS)
            added = True
    return _Node(node.bitmap, (*slots[:position], replacement, *slots[position + 1 :])), added


def _walk(node: _Node) -> Iterator[tuple[Any, Any]]:
    for slot in node.slots:
        if type(slot) is _Node:
            yield from _walk(slot)
        elif type(slot) is _Leaf:
            yield slot.key, slot.value
        else:
            yield from slot.pairs  # type: ignore[attr-defined]


class PMap(Generic[K, V]):
    """An immutable hash map with O(log₃₂ n) ``set``; iteration order is unspecified.

    >>> ages = PMap[str, int]().set("a", 1).set("b", 2)
    >>> len(ages), ages.get("b"), "a" in ages, ages.set("a", 5).get("a"), ages.get("a")
    (2, 2, True, 5, 1)
    """

    __slots__ = ("_length", "_root")

    def __init__(self) -> None:
        self._root = _EMPTY
        self._length = 0

    def get(self, key: K) -> V | None:
        """The value for ``key``, or ``None``."""
        value = _lookup(self._root, key, _hash(key))
        return None if value is _MISSING else value

    def __contains__(self, key: object) -> bool:
        return _lookup(self._root, key, _hash(key)) is not _MISSING

    def __len__(self) -> int:
        return self._length

    def set(self, key: K, value: V) -> PMap[K, V]:
        """A new map with ``key`` set to ``value``; this one is unchanged."""
        root, added = _insert(self._root, 0, _Leaf(_hash(key), key, value))
        new: PMap[K, V] = PMap.__new__(PMap)
        new._root = root
        new._length = self._length + added
        return new

    def items(self) -> Iterator[tuple[K, V]]:
        """The ``(key, value)`` pairs, in no particular order.

        >>> sorted(PMap[str, int]().set("b", 2).set("a", 1).items())
        [('a', 1), ('b', 2)]
        """
        return _walk(self._root)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PMap):
            if other._root is self._root:
                return True
            return len(self) == len(other) and all(
                _same(other.get(key), value) and key in other for key, value in self.items()
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PMap({dict(self.items())!r})"

    def __reduce__(self) -> tuple[object, ...]:
        # The trie's layout follows hash(), which differs between processes: rebuild it.
        return (_pmap_of, (tuple(self.items()),))


def _pmap_of(items: Iterable[tuple[K, V]]) -> PMap[K, V]:
    built: PMap[K, V] = PMap()
    for key, value in items:
        built = built.set(key, value)
    return built


class _Store(Generic[T]):
    __slots__ = ("items", "lock")

    def __init__(self, items: list[T]) -> None:
        self.items = items
        self.lock = threading.Lock()


class Chain(Sequence[T]):
    """An immutable sequence with O(1) ``appended`` along a line of versions.

    >>> base = Chain([1, 2])
    >>> left, right = base.appended(3), base.appended(4)
    >>> base, left, right, left[-1], right[1:]
    ((1, 2), (1, 2, 3), (1, 2, 4), 3, (2, 4))
    """

    __slots__ = ("_hash", "_length", "_store")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._store = _Store(list(items))
        self._length = len(self._store.items)
        self._hash: int | None = None

    @classmethod
    def _view(cls, store: _Store[T], length: int) -> Chain[T]:
        view = cls.__new__(cls)
        view._store = store
        view._length = length
        view._hash = None
        return view

    def appended(self, item: T) -> Chain[T]:
        """A new sequence with ``item`` at the end; this one is unchanged."""
        store = self._store
        with store.lock:
            if len(store.items) == self._length:
                store.items.append(item)
                return self._view(store, self._length + 1)
        # A newer version already owns the rest of the shared list: branch off a copy.
        fork = _Store(store.items[: self._length])
        fork.items.append(item)
        return self._view(fork, self._length + 1)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError(f"index {index} out of range for {self._length} items")
        return self._store.items[position]

    def __iter__(self) -> Iterator[T]:
        return itertools.islice(self._store.items, self._length)

    def __reversed__(self) -> Iterator[T]:
        items = self._store.items
        return (items[position] for position in range(self._length - 1, -1, -1))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Chain):
            if other._store is self._store:
                return other._length == self._length
            return self._length == other._length and all(map(_same, self, other))
        if isinstance(other, tuple):  # it reads as one, and hashes as one
            return self._length == len(other) and all(map(_same, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self))
        return self._hash

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (tuple(self),))


def _same(left: object, right: object) -> bool:
    return left is right or left == right


class Keyed(Sequence[T], Generic[K, T]):
    """Records in insertion order, found by key; ``key`` reads a record's key.

    ``with_record`` adds a record, or replaces the record with the same key in its place.

    >>> people = Keyed(str.lower, ["Ali", "Sara"])
    >>> changed = people.with_record("ALI")
    >>> changed, people, changed.get("ali"), people.get("zahra") is None
    (('ALI', 'Sara'), ('Ali', 'Sara'), 'ALI', True)
    """

    __slots__ = ("_hash", "_key", "_map", "_order")

    def __init__(self, key: Callable[[T], K], records: Iterable[T] = ()) -> None:
        self._key = key
        self._map: PMap[K, T] = PMap()
        self._order: Chain[K] = Chain()
        self._hash: int | None = None
        for record in records:
            self._add_in_place(record)

    def _add_in_place(self, record: T) -> None:
        key = self._key(record)
        if key not in self._map:
            self._order = self._order.appended(key)
        self._map = self._map.set(key, record)

    def _copy(self) -> Keyed[K, T]:
        new = type(self).__new__(type(self))
        new._key = self._key
        new._map = self._map
        new._order = self._order
        new._hash = None
        return new

    def with_record(self, record: T) -> Keyed[K, T]:
        """A new collection with ``record`` added or replaced; this one is unchanged."""
        new = self._copy()
        new._add_in_place(record)
        return new

    def get(self, key: K) -> T | None:
        """The record with ``key``, or ``None``."""
        return self._map.get(key)

    def has_key(self, key: K) -> bool:
        """Whether a record has ``key``."""
        return key in self._map

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        return self._map.get(self._order[index])  # type: ignore[return-value]

    def __iter__(self) -> Iterator[T]:
        lookup = self._map.get
        return (lookup(key) for key in self._order)  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Keyed):
            if other._map is self._map and other._order == self._order:
                return True
            return len(self) == len(other) and all(map(_same, self, other))
        if isinstance(other, tuple):  # it reads as one, and hashes as one
            return len(self) == len(other) and all(map(_same, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self))
        return self._hash

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self._key, tuple(self)))
