"""
The tabular schema: the tables every tabular export writes, derived from the model.

One table per record kind, with fixed columns in a fixed order read from the
record class's fields (through their annotations), :data:`~centralasia._schema.KINDS`
and :func:`~centralasia._schema.references`, never from the rows: a table
has the same columns whatever it holds, even nothing.  Beside them, a table
for each tuple of structured values (a country's local names, an event's
people, an article's spans), and the ``citations`` and ``inferences`` of
every record.  CSV, the Data Package, pandas, Parquet, SQLite and the data
dictionary all read this module.

A field becomes columns by its type:

- text, numbers and enumerations: one column of the field's name;
- a date: the EDTF string, then ``_start``, ``_end`` and ``_precision``;
- a figure: its value (for money, the amount, then ``_currency``), then
  ``_qualifier``;
- a reference: the id; a tuple of references or of strings: a list;
- ``sources``: the cited articles' ids (the quotes are in ``citations``);
  ``inferred``: the inferred fields' names (the rest is in ``inferences``).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen

from centralasia import _words as words
from centralasia._dates import Date, Precision
from centralasia._model import Citation, Inference
from centralasia._schema import KINDS, Kind, Reference, kind_of, references, written
from centralasia._validators import DECIMAL_PRECISION, DECIMAL_SCALE
from centralasia._values import Figure, Money, Qualifier

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "LIST_DELIMITER",
    "Column",
    "ColumnType",
    "Table",
    "table_named",
    "table_of",
    "tables",
    "unfit_decimal",
    "values",
]


def unfit_decimal(table: Table, column: Column, value: Decimal) -> ValueError:
    """Return the error for *value*, which ``DECIMAL(38, 10)`` cannot hold exactly."""
    return ValueError(
        f"{table.name}.{column.name}: {value} needs more than {DECIMAL_SCALE} decimal places "
        f"or {DECIMAL_PRECISION - DECIMAL_SCALE} digits before the point"
    )


#: What separates the items of a list in a CSV cell (ids never contain it).
LIST_DELIMITER = ";"

#: Where a row comes from: a record, or a record and a part of it.
Row = Any
Getter = Callable[[Row], Any]


class ColumnType(enum.Enum):
    """What a column holds; each format writes each type its own way."""

    STRING = "string"
    CATEGORY = "category"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    LIST = "list"


@frozen
class Column:
    """One column: its name, type, meaning, and how to read its value from a row."""

    name: str
    type: ColumnType
    description: str
    get: Getter = attrs.field(eq=False, repr=False)
    nullable: bool = True
    #: For a category: every value it may take, in order.
    categories: tuple[str, ...] = ()
    #: For a category: whether the values are ordered (a date's precision).
    ordered: bool = False
    #: The table whose ``id`` this column holds, if it refers to one.
    references: str | None = None


@frozen
class Table:
    """One table: its columns, primary key, and the rows it takes from the collections."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    #: Given collections by name, return the table's rows (records, or records and parts).
    rows: Callable[[Mapping[str, Iterable[Any]]], list[Row]] = attrs.field(eq=False, repr=False)
    #: The kind of record each row is, for a kind's own table.
    kind: Kind[Any] | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        """The columns' names, in order."""
        return tuple(column.name for column in self.columns)


def values(table: Table, collections: Mapping[str, Iterable[Any]]) -> dict[str, list[Any]]:
    """
    Return the table's values, column by column, from *collections* (a dataset's, by name).

    Values are Python's: ``str``, ``int``, ``Decimal``, ``datetime.date``, a
    tuple of ``str`` for a list, or ``None``; a category is its value's text.
    """
    rows = table.rows(collections)
    return {column.name: list(map(column.get, rows)) for column in table.columns}


# Field docstrings, read from the source, are the columns' descriptions.


_DOCS: dict[type[Any], dict[str, str]] = {}


def _field_docs(cls: type[Any]) -> dict[str, str]:
    """Return the docstring under each field of *cls*, read from its source once."""
    if cls not in _DOCS:
        _DOCS[cls] = _read_field_docs(cls)
    return _DOCS[cls]


def _read_field_docs(cls: type[Any]) -> dict[str, str]:
    """Return the docstring under each field of *cls*, read from its source, or nothing."""
    import ast  # noqa: PLC0415 - only descriptions need them
    import inspect  # noqa: PLC0415

    try:
        source = inspect.getsource(inspect.getmodule(cls))  # type: ignore[arg-type]
    except (OSError, TypeError):  # pragma: no cover - no source shipped: no descriptions
        return {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            break
    else:  # pragma: no cover - every model class is defined at module level
        return {}
    docs: dict[str, str] = {}
    for statement, after in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[statement.target.id] = " ".join(inspect.cleandoc(after.value.value).split())
    return docs


def _summary(cls: type[Any]) -> str:
    """Return the first paragraph of *cls*'s docstring, on one line."""
    import inspect  # noqa: PLC0415

    return " ".join(inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].split())


def _plain(doc: str) -> str:
    """Turn reST roles and literals into plain text with backticks."""
    for role in (":attr:", ":class:", ":meth:", ":func:"):
        doc = doc.replace(role, "")
    return doc.replace("``", "`").replace("`~", "`")


def _label_column() -> Column:
    return Column("label", ColumnType.STRING,
                  "What a person calls the record: its name, title, topic, summary or "
                  "description; an untitled article by its authors.",
                  words.label, nullable=False)  # fmt: skip


# How each type of field becomes columns.


def _optional(annotation: Any) -> tuple[Any, bool]:
    """Return *annotation* without ``None``, and whether it allowed ``None``."""
    union = isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union
    members = typing.get_args(annotation) if union else ()
    if type(None) in members:
        rest = tuple(member for member in members if member is not type(None))
        return (rest[0] if len(rest) == 1 else functools.reduce(operator.or_, rest)), True
    return annotation, False


def _then(source: Getter, step: Callable[[Any], Any]) -> Getter:
    """Return a getter applying *step* to what *source* reads, ``None`` staying ``None``."""

    def get(row: Row) -> Any:
        value = source(row)
        return None if value is None else step(value)

    return get


def _open_start(date: Date) -> dt.date | None:
    return None if date.start == dt.date.min else date.start


def _open_end(date: Date) -> dt.date | None:
    return None if date.end == dt.date.max else date.end


_PRECISIONS = tuple(precision.name.lower() for precision in Precision)
_QUALIFIERS = tuple(qualifier.value for qualifier in Qualifier)


@functools.lru_cache(maxsize=4096)
def _date_words(date: Date) -> str:
    """Return *date* in words, once for each date: dates repeat across records."""
    return date.words


def _date_columns(name: str, doc: str, source: Getter, *, nullable: bool) -> list[Column]:
    return [
        Column(name, ColumnType.STRING, f"{doc} As an EDTF string.",
               _then(source, operator.attrgetter("edtf")), nullable=nullable),
        Column(f"{name}_start", ColumnType.DATE,
               f"The first day `{name}` allows; empty when it is open at the start.",
               _then(source, _open_start)),
        Column(f"{name}_end", ColumnType.DATE,
               f"The last day `{name}` allows; empty when it is open at the end.",
               _then(source, _open_end)),
        Column(f"{name}_precision", ColumnType.CATEGORY,
               f"How precisely the source states `{name}`: day, month, season (a season, "
               "quarter or half of a year) or year.",
               _then(source, lambda date: date.precision.name.lower()), nullable=nullable,
               categories=_PRECISIONS, ordered=True),
        Column(f"{name}_words", ColumnType.STRING,
               f"`{name}` as a reader would say it, as precise as its source and no more "
               "(`the first half of 2023`).",
               _then(source, _date_words), nullable=nullable),
    ]  # fmt: skip


def _figure_columns(
    name: str, doc: str, inner: Any, source: Getter, *, nullable: bool
) -> list[Column]:
    described = Column(
        f"{name}_words", ColumnType.STRING,
        f"`{name}` as a reader would say it, its qualifier in words and a share as a "
        "percentage (`about 40%`, `under US$ 1.7 billion`).",
        _figure_words(name, source), nullable=nullable,
    )  # fmt: skip
    qualifier = Column(
        f"{name}_qualifier", ColumnType.CATEGORY,
        f"How `{name}` relates to the true value, as its source words it: "
        + ", ".join(_QUALIFIERS) + ".",
        _then(source, lambda figure: figure.qualifier.value), nullable=nullable,
        categories=_QUALIFIERS,
    )  # fmt: skip
    if inner is Money:
        return [
            Column(name, ColumnType.DECIMAL, f"{doc} Exact, in the currency `{name}_currency`.",
                   _then(source, lambda figure: figure.value.amount), nullable=nullable),
            Column(f"{name}_currency", ColumnType.STRING,
                   f"The ISO 4217 code of the currency of `{name}`.",
                   _then(source, lambda figure: figure.value.currency), nullable=nullable),
            qualifier,
            described,
        ]  # fmt: skip
    return [
        Column(name, ColumnType.DECIMAL, doc, _then(source, operator.attrgetter("value")),
               nullable=nullable),
        qualifier,
        described,
    ]  # fmt: skip


def _figure_words(name: str, source: Getter) -> Getter:
    """Return how a figure of the field *name* reads to a person, as every front end words it."""

    def worded(row: Row) -> str | None:
        return None if source(row) is None else words.figure(row, name)

    return worded


def _plain_columns(
    name: str, doc: str, annotation: Any, source: Getter, *, nullable: bool
) -> list[Column]:
    """Return the columns of a field that is not a reference, or raise TypeError."""
    if annotation is Date:
        return _date_columns(name, doc, source, nullable=nullable)
    if typing.get_origin(annotation) is Figure:
        (inner,) = typing.get_args(annotation)
        return _figure_columns(name, doc, inner, source, nullable=nullable)
    if annotation is Citation:  # a value's own quote, such as a person's role's
        return _quote_columns(source, nullable=nullable)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        categories = tuple(str(member.value) for member in annotation)
        get = _then(source, operator.attrgetter("value"))
        return [Column(name, ColumnType.CATEGORY, doc, get, nullable, categories)]
    simple = {str: ColumnType.STRING, int: ColumnType.INTEGER, Decimal: ColumnType.DECIMAL}
    if annotation in simple:
        return [Column(name, simple[annotation], doc, source, nullable=nullable)]
    if annotation == tuple[str, ...]:
        return [Column(name, ColumnType.LIST, f"{doc} A list.", source, nullable=False)]
    msg = f"no column type for the field {name!r} of type {annotation!r}"
    raise TypeError(msg)


def _is_part(annotation: Any) -> bool:
    """Whether *annotation* is a tuple of structured values, which get a table of their own."""
    if typing.get_origin(annotation) is not tuple:
        return False
    (item, *_) = typing.get_args(annotation)
    records = {kind.cls for kind in KINDS}
    return attrs.has(item) and item not in {Citation, Inference, *records}


def _ids(kinds: int) -> Callable[[tuple[Any, ...]], tuple[str, ...]]:
    """Return how a tuple of records is written: ids, or ``kind:id`` when kinds mix."""
    if kinds == 1:
        return lambda records: tuple(record.id for record in records)
    return lambda records: tuple(map(written, records))


def _reference_columns(
    reference: Reference, doc: str, source: Getter, *, nullable: bool
) -> list[Column]:
    """Return the column of a field that refers to records: an id, or a list of them."""
    name = reference.field
    if reference.many:
        many = f"{doc} A list of ids" + (
            f" of the {reference.targets[0].collection} table."
            if len(reference.targets) == 1
            else ", each after its kind and a colon (`loan:kg-exim-2023`)."
        )
        get = _then(source, _ids(len(reference.targets)))
        return [Column(name, ColumnType.LIST, many, get, nullable=False)]
    (target,) = reference.targets
    return [Column(name, ColumnType.STRING,
                   f"{doc} The id of a record of the {target.collection} table.",
                   _then(source, operator.attrgetter("id")), nullable,
                   references=target.collection)]  # fmt: skip


def _claim_columns(name: str) -> list[Column]:
    """Return the column of a claim's ``sources`` or ``inferred``: the rest has its own table."""
    if name == "sources":
        return [Column(
            name, ColumnType.LIST,
            "The ids of the articles its sources quote, in order; the quotes are in the "
            "citations table.",
            lambda record: tuple(dict.fromkeys(c.article.id for c in record.sources)),
            nullable=False,
        )]  # fmt: skip
    return [Column(
        name, ColumnType.LIST,
        "The names of the fields its quotes do not state; how each was inferred is in the "
        "inferences table.",
        lambda record: tuple(inference.field for inference in record.inferred),
        nullable=False,
    )]  # fmt: skip


def _field_columns(cls: type[Any], read: Callable[[str], Getter]) -> list[Column]:
    """
    Return the columns of the fields of *cls*, a record class or a value class.

    *read* gives, for a field's name, how its value is read from a row.
    Tuples of structured values are left out: they have tables of their own.
    """
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    refs = {reference.field: reference for reference in references(cls)}
    record = cls in {kind.cls for kind in KINDS}
    columns: list[Column] = []
    for attribute in attrs.fields(cls):
        name = attribute.name
        doc = _plain(docs.get(name, ""))
        annotation, nullable = _optional(hints[name])
        if name in refs:
            columns += _reference_columns(refs[name], doc, read(name), nullable=nullable)
        elif record and name in {"sources", "inferred"}:
            columns += _claim_columns(name)
        elif not _is_part(annotation):
            columns += _plain_columns(name, doc, annotation, read(name), nullable=nullable)
    return columns


def _main_rows(kind: Kind[Any]) -> Callable[[Mapping[str, Iterable[Any]]], list[Row]]:
    return lambda collections: list(collections.get(kind.collection, ()))


def _part_reader(name: str) -> Getter:
    """Return how a part table reads the field *name* of its value: the row's third item."""
    return _then(operator.itemgetter(2), operator.attrgetter(name))


def _part_table(kind: Kind[Any], name: str, item: type[Any]) -> Table:
    """Return the table of the tuple of structured values in the field *name* of *kind*."""
    owner = Column(kind.name, ColumnType.STRING,
                   f"The id of the record of the {kind.collection} table it belongs to.",
                   lambda row: row[0].id, nullable=False, references=kind.collection)  # fmt: skip
    position = Column("position", ColumnType.INTEGER,
                      f"Its place in the record's `{name}`, from 1.",
                      operator.itemgetter(1), nullable=False)  # fmt: skip
    columns = [owner, position, *_field_columns(item, _part_reader)]

    def rows(collections: Mapping[str, Iterable[Any]]) -> list[Row]:
        return [
            (record, number, value)
            for record in collections.get(kind.collection, ())
            for number, value in enumerate(getattr(record, name), 1)
        ]

    summary = _plain(_summary(item))
    description = (
        f"The `{name}` of each {kind.name}, one row per item, in order. "
        f"Each is a {item.__name__}, {summary[:1].lower()}{summary[1:]}"
    )
    return Table(f"{kind.name}_{name}", description, tuple(columns), (kind.name, "position"), rows)


def _has(field_name: str) -> tuple[Kind[Any], ...]:
    return tuple(kind for kind in KINDS if field_name in attrs.fields_dict(kind.cls))


def _record_columns(field_name: str) -> list[Column]:
    kinds = tuple(kind.name for kind in _has(field_name))
    return [
        Column("record_kind", ColumnType.CATEGORY,
               "The kind of the record: `loan` for a record of the loans table, and so on.",
               lambda row: row[0].name, nullable=False, categories=kinds),
        Column("record_id", ColumnType.STRING,
               "The id of the record in the table of its kind.",
               lambda row: row[1].id, nullable=False),
    ]  # fmt: skip


def _kind_links(
    kinds: Iterable[Kind[Any]], kind_of_row: Getter, record_of_row: Getter, taken: Iterable[str]
) -> list[Column]:
    """
    Return a column per kind holding the row's record id when it is of that kind, else empty.

    Each is a foreign key to its kind's table, so that a record reaches the rows (its
    citations, its conflicts) that name it by kind and id.
    """
    used = set(taken)
    columns = []
    for kind in kinds:
        name = kind.name if kind.name not in used else f"side_{kind.name}"

        def get(row: Row, kind: Kind[Any] = kind) -> str | None:
            return record_of_row(row).id if kind_of_row(row) is kind else None

        columns.append(Column(
            name, ColumnType.STRING,
            f"The id of the record when it is a {kind.name} (a record of the {kind.collection} "
            f"table), else empty: `record_id` again, as a foreign key.",
            get, references=kind.collection,
        ))  # fmt: skip
    return columns


def _link_table(kind: Kind[Any], reference: Reference) -> Table:
    """Return the table of the list-valued reference *reference* of *kind*: a row per item."""
    field_name = reference.field
    owner = Column(kind.name, ColumnType.STRING,
                   f"The id of the record of the {kind.collection} table whose "
                   f"`{field_name}` it is.",
                   lambda row: row[0].id, nullable=False, references=kind.collection)  # fmt: skip
    position = Column("position", ColumnType.INTEGER,
                      f"Its place in the record's `{field_name}`, from 1.",
                      operator.itemgetter(1), nullable=False)  # fmt: skip
    item: Getter = operator.itemgetter(2)
    if len(reference.targets) == 1:
        (target,) = reference.targets
        name = target.name if target.name != kind.name else f"{field_name}_id"
        targets = [Column(name, ColumnType.STRING,
                          f"The id of the record of the {target.collection} table it names.",
                          lambda row: row[2].id, nullable=False,
                          references=target.collection)]  # fmt: skip
    else:

        def record_kind(row: Row) -> Kind[Any]:
            return kind_of(type(row[2]))

        targets = [
            Column("record_kind", ColumnType.CATEGORY,
                   "The kind of the record it names: `loan` for a record of the loans table.",
                   lambda row: record_kind(row).name, nullable=False,
                   categories=tuple(target.name for target in reference.targets)),
            Column("record_id", ColumnType.STRING,
                   "The id of the record in the table of its kind.",
                   lambda row: row[2].id, nullable=False),
            *_kind_links(reference.targets, record_kind, item,
                         taken=(kind.name, "position", "record_kind", "record_id")),
        ]  # fmt: skip

    def rows(collections: Mapping[str, Iterable[Any]]) -> list[Row]:
        return [
            (record, number, value)
            for record in collections.get(kind.collection, ())
            for number, value in enumerate(getattr(record, field_name), 1)
        ]

    description = (
        f"The `{field_name}` of each {kind.name}, one row per record it names, in order: "
        f"the list `{kind.collection}.{field_name}` as a table, with a foreign key for each item."
    )
    columns = (owner, position, *targets)
    return Table(f"{kind.name}_{field_name}", description, columns, (kind.name, "position"), rows)


def _part_link_table(kind: Kind[Any], name: str, reference: Reference) -> Table:
    """Return the table of a list of records in a part: a statement's ambiguities' candidates."""
    (target,) = reference.targets
    part = f"{name}_position"
    columns = (
        Column(kind.name, ColumnType.STRING,
               f"The id of the record of the {kind.collection} table it belongs to.",
               lambda row: row[0].id, nullable=False, references=kind.collection),
        Column(part, ColumnType.INTEGER,
               f"The place of the item in the record's `{name}`, from 1 (the `position` of "
               f"the {kind.name}_{name} table).", operator.itemgetter(1), nullable=False),
        Column("position", ColumnType.INTEGER,
               f"Its place in the item's `{reference.field}`, from 1.",
               operator.itemgetter(2), nullable=False),
        Column(target.name, ColumnType.STRING,
               f"The id of the record of the {target.collection} table it names.",
               lambda row: row[3].id, nullable=False, references=target.collection),
    )  # fmt: skip

    def rows(collections: Mapping[str, Iterable[Any]]) -> list[Row]:
        return [
            (record, number, place, value)
            for record in collections.get(kind.collection, ())
            for number, item in enumerate(getattr(record, name), 1)
            for place, value in enumerate(getattr(item, reference.field), 1)
        ]

    description = (
        f"The `{reference.field}` of each item of each {kind.name}'s `{name}`, one row per record "
        f"it names, in order, with a foreign key for each."
    )
    return Table(f"{kind.name}_{name}_{reference.field}", description, columns,
                 (kind.name, part, "position"), rows)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _start(text: str, quote: str) -> int:
    """Return where *quote* first occurs in *text*: ``Citation.start``, for repeated quotes."""
    return text.index(quote)


def _offsets(citation: Citation) -> tuple[int, int]:
    start = _start(citation.article.text, citation.quote)
    return start, start + len(citation.quote)


def _quote_columns(citation: Getter, *, nullable: bool) -> list[Column]:
    return [
        Column("article", ColumnType.STRING, "The id of the quoted article.",
               _then(citation, lambda c: c.article.id), nullable, references="articles"),
        Column("quote", ColumnType.STRING,
               "The words of the article, character for character.",
               _then(citation, operator.attrgetter("quote")), nullable),
        Column("quote_start", ColumnType.INTEGER,
               "Where the quote first occurs in the article's text (a character offset, from 0).",
               _then(citation, lambda c: _offsets(c)[0]), nullable),
        Column("quote_end", ColumnType.INTEGER,
               "Where that occurrence ends: `text[quote_start:quote_end]` is the quote.",
               _then(citation, lambda c: _offsets(c)[1]), nullable),
    ]  # fmt: skip


def _citations() -> Table:
    def rows(collections: Mapping[str, Iterable[Any]]) -> list[Row]:
        return [
            (kind, record, number, citation)
            for kind in _has("sources")
            for record in collections.get(kind.collection, ())
            for number, citation in enumerate(record.sources, 1)
        ]

    position = Column("position", ColumnType.INTEGER,
                      "Its place among the record's sources, from 1.",
                      operator.itemgetter(2), nullable=False)  # fmt: skip
    quoted = _quote_columns(operator.itemgetter(3), nullable=False)
    links = _kind_links(_has("sources"), operator.itemgetter(0), operator.itemgetter(1),
                        taken=[column.name for column in quoted])  # fmt: skip
    columns = (*_record_columns("sources"), position, *quoted, *links)
    description = (
        "Every quote that supports a record, one row each: a record may have many. "
        + _plain(_summary(Citation))
    )
    return Table("citations", description, columns, ("record_kind", "record_id", "position"), rows)


def _inferences() -> Table:
    def rows(collections: Mapping[str, Iterable[Any]]) -> list[Row]:
        return [
            (kind, record, inference)
            for kind in _has("inferred")
            for record in collections.get(kind.collection, ())
            for inference in record.inferred
        ]

    docs = _field_docs(Inference)
    columns = (
        *_record_columns("inferred"),
        Column("field", ColumnType.STRING, _plain(docs["field"]),
               lambda row: row[2].field, nullable=False),
        Column("basis", ColumnType.STRING, _plain(docs["basis"]),
               lambda row: row[2].basis, nullable=False),
        *_quote_columns(lambda row: row[2].source, nullable=True),
    )  # fmt: skip
    columns += tuple(_kind_links(_has("inferred"), operator.itemgetter(0),
                                 operator.itemgetter(1),
                                 taken=[column.name for column in columns]))  # fmt: skip
    description = (
        "Every field of a record that its quotes do not state, one row each, with how it was "
        "inferred and, where that is a passage of an article, the passage."
    )
    return Table("inferences", description, columns, ("record_kind", "record_id", "field"), rows)


@functools.cache
def tables() -> tuple[Table, ...]:
    """
    Return every table, in order.

    Each kind's table comes first, followed by its parts' tables; the citations and
    the inferences come last.
    """
    found: list[Table] = []
    for kind in KINDS:
        columns = (*_field_columns(kind.cls, operator.attrgetter), _label_column())
        summary = _plain(_summary(kind.cls))
        found.append(Table(kind.collection, summary, columns, ("id",), _main_rows(kind), kind))
        hints = typing.get_type_hints(kind.cls)
        for attribute in attrs.fields(kind.cls):
            annotation = hints[attribute.name]
            if _is_part(annotation):
                (item, *_) = typing.get_args(annotation)
                found.append(_part_table(kind, attribute.name, item))
                found += [_part_link_table(kind, attribute.name, reference)
                          for reference in references(item) if reference.many]  # fmt: skip
        found += [_link_table(kind, reference) for reference in references(kind.cls)
                  if reference.many]  # fmt: skip
    return (*found, _citations(), _inferences())


def table_of(cls: type[Any]) -> Table:
    """Return the table of the record class *cls*."""
    kind = kind_of(cls)
    return next(table for table in tables() if table.kind is kind)


def table_named(name: str) -> Table:
    """Return the table called *name*; raise KeyError for an unknown one."""
    for table in tables():
        if table.name == name:
            return table
    raise KeyError(name)
