from sqlmesh import MacroEvaluator, macro  # noqa: F401
