"""Model kinds as SQLMesh's Python API names them (Quarry's stand-in, docs/sqlmesh.md §10)."""
from enum import Enum


class ModelKindName(str, Enum):
    FULL = "FULL"
    VIEW = "VIEW"
    INCREMENTAL_BY_TIME_RANGE = "INCREMENTAL_BY_TIME_RANGE"
    INCREMENTAL_BY_UNIQUE_KEY = "INCREMENTAL_BY_UNIQUE_KEY"
    INCREMENTAL_BY_PARTITION = "INCREMENTAL_BY_PARTITION"
    INCREMENTAL_UNMANAGED = "INCREMENTAL_UNMANAGED"
    SEED = "SEED"
    EMBEDDED = "EMBEDDED"
    EXTERNAL = "EXTERNAL"
    SCD_TYPE_2 = "SCD_TYPE_2"
    SCD_TYPE_2_BY_TIME = "SCD_TYPE_2_BY_TIME"
    SCD_TYPE_2_BY_COLUMN = "SCD_TYPE_2_BY_COLUMN"
    CUSTOM = "CUSTOM"
    MANAGED = "MANAGED"


class _Kind:
    NAME = None

    def __init__(self, **options):
        self.options = options

    def block(self):
        from sqlmesh import _kind

        return _kind(dict(name=self.NAME, **self.options))


def _kind_class(kind_name):
    return type(kind_name.title().replace("_", "") + "Kind", (_Kind,), {"NAME": kind_name})


FullKind = _kind_class("FULL")
ViewKind = _kind_class("VIEW")
IncrementalByTimeRangeKind = _kind_class("INCREMENTAL_BY_TIME_RANGE")
IncrementalByUniqueKeyKind = _kind_class("INCREMENTAL_BY_UNIQUE_KEY")
IncrementalUnmanagedKind = _kind_class("INCREMENTAL_UNMANAGED")
EmbeddedKind = _kind_class("EMBEDDED")
SeedKind = _kind_class("SEED")
