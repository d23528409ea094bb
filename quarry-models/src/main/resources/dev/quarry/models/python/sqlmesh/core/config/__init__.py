"""config.py support: Config and its parts keep their arguments and turn into config.yaml's shape."""


class _Settings:
    def __init__(self, **kwargs):
        self.kwargs = kwargs

    def to_dict(self):
        return {k: _plain(v) for k, v in self.kwargs.items() if v is not None}


def _plain(v):
    if isinstance(v, _Settings):
        return v.to_dict()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return getattr(v, "value", v)


class _Connection(_Settings):
    TYPE = None

    def to_dict(self):
        out = super().to_dict()
        out.setdefault("type", self.TYPE)
        return out


def _connection(type_name):
    return type(type_name.title() + "ConnectionConfig", (_Connection,), {"TYPE": type_name})


class Config(_Settings):
    pass


class GatewayConfig(_Settings):
    pass


class ModelDefaultsConfig(_Settings):
    pass


class NameInferenceConfig(_Settings):
    pass


class LinterConfig(_Settings):
    pass


class PlanConfig(_Settings):
    pass


class AutoCategorizationMode:
    FULL = "full"
    SEMI = "semi"
    OFF = "off"


class CategorizerConfig(_Settings):
    pass


StarRocksConnectionConfig = _connection("starrocks")
DuckDBConnectionConfig = _connection("duckdb")
PostgresConnectionConfig = _connection("postgres")
MySQLConnectionConfig = _connection("mysql")
SQLiteConnectionConfig = _connection("sqlite")
