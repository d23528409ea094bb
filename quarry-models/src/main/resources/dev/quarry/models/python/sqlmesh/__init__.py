"""Quarry's stand-in for the parts of SQLMesh's Python API that models, macros and config.py use.

Written for Quarry (docs/sqlmesh.md §10): `@model`, `@macro`, `ExecutionContext` (fetchdf, resolve_table, var),
and a small DataFrame of our own, since pandas may not be installed.
"""
import datetime as _dt
import decimal as _decimal
import inspect as _inspect
import re as _re

from sqlmesh.core.model import ModelKindName, _Kind


class _Registry:
    def __init__(self):
        self.models = []
        self.macros = {}

    def find_model(self, name):
        for m in self.models:
            if m.name == name.lower():
                return m
        raise LookupError("no @model named %s" % name)


_registry = _Registry()
_ask = None


class DataFrame:
    """Rows with named columns: what fetchdf returns when pandas is not installed."""

    def __init__(self, rows=None, columns=None):
        if isinstance(rows, dict):
            columns = list(rows)
            values = [rows[c] if isinstance(rows[c], (list, tuple)) else [rows[c]] for c in columns]
            rows = [dict(zip(columns, r)) for r in zip(*values)]
        rows = list(rows or [])
        if columns is None:
            columns = list(rows[0]) if rows and isinstance(rows[0], dict) else []
        self.columns = list(columns)
        self._rows = [r if isinstance(r, dict) else dict(zip(self.columns, r)) for r in rows]

    def __len__(self):
        return len(self._rows)

    def __iter__(self):
        return iter(self.columns)

    def __getitem__(self, column):
        return [r.get(column) for r in self._rows]

    @property
    def empty(self):
        return not self._rows

    def iterrows(self):
        return enumerate(dict(r) for r in self._rows)

    def itertuples(self, index=False):
        for r in self._rows:
            yield tuple(r.get(c) for c in self.columns)

    def to_dict(self, orient="records"):
        if orient != "records":
            return {c: self[c] for c in self.columns}
        return [dict(r) for r in self._rows]

    def head(self, n=5):
        return DataFrame(self._rows[:n], self.columns)

    def __repr__(self):
        return "DataFrame(%d rows, columns=%s)" % (len(self._rows), self.columns)


class ExecutionContext:
    """What a Python model's function receives as `context`."""

    def __init__(self, tables, variables, gateway=""):
        self._tables = {k.lower(): v for k, v in tables.items()}
        self._variables = {k.lower(): v for k, v in variables.items()}
        self.gateway = gateway

    def resolve_table(self, name):
        return self._tables.get(name.lower(), name)

    def fetchdf(self, query, quote_identifiers=False):
        sql = query if isinstance(query, str) else str(query)
        answer = _ask(sql)
        columns = answer["columns"]
        rows = [dict(zip(columns, r)) for r in answer["rows"]]
        try:
            import pandas
        except ImportError:
            return DataFrame(rows, columns)
        return pandas.DataFrame(rows, columns=columns)

    def fetchall(self, query):
        answer = _ask(query if isinstance(query, str) else str(query))
        return [tuple(r) for r in answer["rows"]]

    def var(self, name, default=None):
        return self._variables.get(name.lower(), default)

    def blueprint_var(self, name, default=None):
        return default


class SqlText(str):
    """A macro argument: the SQL text as written."""

    def sql(self, dialect=None):
        return str(self)

    @property
    def name(self):
        return str(self).strip().strip("'\"`")


class MacroEvaluator:
    def __init__(self, variables):
        self.locals = dict(variables)

    def var(self, name, default=None):
        return self.locals.get(name.lower(), default)


def _sql(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, _decimal.Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_sql(v) for v in value) + ")"
    if hasattr(value, "sql") and callable(value.sql):
        return value.sql()
    return str(value)


class model:
    """The @model decorator: registers a Python model."""

    def __init__(self, name, **kwargs):
        self.name = name.lower()
        self.kwargs = kwargs
        self.columns = dict(kwargs.get("columns") or {})
        self.fn = None
        self.line = 1

    def __call__(self, fn):
        self.fn = fn
        try:
            self.line = _inspect.getsourcelines(fn)[1]
        except (OSError, TypeError):
            self.line = 1
        _registry.models.append(self)
        return fn

    def describe(self, path):
        meta = dict(self.kwargs)
        meta.pop("columns", None)
        if "depends_on" not in meta:
            # As SQLMesh does, tables named in resolve_table("...") calls are the model's upstream.
            try:
                source = _inspect.getsource(self.fn)
            except (OSError, TypeError):
                source = ""
            found = _re.findall(r"resolve_table\(\s*['\"]([^'\"]+)['\"]", source)
            found = [f for f in dict.fromkeys(found) if f.lower() != self.name]
            if found:
                meta["depends_on"] = found
        return {"name": self.name, "file": path, "line": self.line, "columns": {k: str(v) for k, v in self.columns.items()},
                "block": _block(self.name, meta, self.columns), "enabled": _truth(meta.get("enabled", True)),
                "is_sql": bool(meta.get("is_sql", False))}

    def run(self, context, req):
        params = _inspect.signature(self.fn).parameters
        kwargs = {"start": _ts(req["start"]), "end": _ts(req["end"]), "execution_time": _ts(req["execution_time"])}
        kwargs.update(req["variables"])
        if not any(p.kind == p.VAR_KEYWORD for p in params.values()):
            kwargs = {k: v for k, v in kwargs.items() if k in params}
        return self.fn(context, **kwargs)


def macro(name=None):
    """The @macro decorator: registers a Python macro under its function name (or `name`)."""

    def register(fn, given=None):
        _registry.macros[(given or fn.__name__).lower()] = fn
        return fn

    if callable(name):
        return register(name)
    return lambda fn: register(fn, name)


def _truth(v):
    return str(v).lower() not in ("false", "0", "no")


def _ts(text):
    return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _rows(result, columns):
    """Every row of what a model returned, as a list in `columns` order."""
    if result is None:
        return
    if hasattr(result, "to_dict") and not isinstance(result, dict):
        result = [result]
    elif isinstance(result, dict):
        result = [DataFrame(result)]
    for part in result:
        if part is None:
            continue
        if hasattr(part, "to_dict"):
            records = part.to_dict("records") if not isinstance(part, dict) else [part]
        elif isinstance(part, dict):
            records = [part]
        else:
            records = [dict(zip(columns, part))]
        for r in records:
            yield [_plain(r.get(c)) for c in columns]


def _plain(v):
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v.isoformat(sep=" ") if isinstance(v, _dt.datetime) else v.isoformat()
    if hasattr(v, "item") and callable(v.item):
        return v.item()
    return v


_IDENT = _re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def _value(v, names=False):
    """A Python value as it would be written in a MODEL block."""
    if isinstance(v, _Kind):
        return v.block()
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dict):
        return "(" + ", ".join("%s = %s" % (k, _value(x)) for k, x in v.items()) + ")"
    if isinstance(v, (list, tuple, set)):
        return "(" + ", ".join(_value(x, names) for x in v) + ")"
    if hasattr(v, "value") and isinstance(getattr(v, "value"), str):
        return v.value
    s = str(v)
    if names and _IDENT.match(s):
        return s
    return "'" + s.replace("'", "''") + "'"


def _audit(a):
    if isinstance(a, str):
        return a
    name, args = a
    return "%s(%s)" % (name, ", ".join("%s := %s" % (k, _value(x, True)) for k, x in args.items()))


def _kind(k):
    if isinstance(k, _Kind):
        return k.block()
    if isinstance(k, dict):
        k = dict(k)
        name = k.pop("name")
        name = getattr(name, "value", name)
        if not k:
            return str(name)
        return "%s (%s)" % (name, ", ".join("%s %s" % (o, _value(x, o in ("time_column", "unique_key"))) for o, x in k.items()))
    return str(getattr(k, "value", k))


def _block(name, meta, columns):
    parts = ["name " + name]
    for key, v in meta.items():
        if key in ("is_sql", "pre_statements", "post_statements", "enabled"):
            continue
        if key == "kind":
            parts.append("kind " + _kind(v))
        elif key == "audits":
            parts.append("audits (" + ", ".join(_audit(a) for a in v) + ")")
        elif key in ("grain", "grains", "partitioned_by", "clustered_by", "depends_on", "tags"):
            items = v if isinstance(v, (list, tuple, set)) else [v]
            parts.append("%s (%s)" % (key, ", ".join(_value(x, key != "tags") for x in items)))
        else:
            parts.append("%s %s" % (key, _value(v)))
    if columns:
        parts.append("columns (" + ", ".join("%s %s" % (c, t) for c, t in columns.items()) + ")")
    return "MODEL (" + ", ".join(parts) + ");"
