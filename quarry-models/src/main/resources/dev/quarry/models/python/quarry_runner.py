"""Quarry's side of the Python bridge (docs/sqlmesh.md §10).

Quarry starts `python3 quarry_runner.py`, writes one JSON request line on stdin and reads JSON lines on stdout:
{"query": SQL} asks Quarry to run a query (Quarry answers with one line {"columns": [...], "rows": [[...]]} or
{"error": text}); {"rows": [...]} carries output rows; the last line is {"result": ...} or {"error": ...}.
User code's own prints go to stderr so they cannot break the protocol.
"""
import importlib.util
import json
import os
import sys
import traceback

import sqlmesh
from sqlmesh import _registry

_out = sys.stdout
sys.stdout = sys.stderr


def send(obj):
    _out.write(json.dumps(obj, default=str) + "\n")
    _out.flush()


def ask(sql):
    send({"query": sql})
    line = sys.stdin.readline()
    if not line:
        raise RuntimeError("Quarry closed the connection")
    answer = json.loads(line)
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer


sqlmesh._ask = ask


def load(path, root):
    rel = os.path.relpath(path, root)
    name = "quarry_user_" + rel.replace(os.sep, "_").replace(".", "_").replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def failure(path, exc):
    tb = traceback.extract_tb(exc.__traceback__)
    line = 1
    for frame in tb:
        if os.path.abspath(frame.filename) == os.path.abspath(path):
            line = frame.lineno
    if isinstance(exc, SyntaxError) and exc.lineno:
        line = exc.lineno
    missing = exc.name if isinstance(exc, ModuleNotFoundError) else None
    return {"file": path, "line": line, "message": "%s: %s" % (type(exc).__name__, exc), "missing_module": missing}


def discover(req):
    root = req["root"]
    models, macros, errors = [], [], []
    for path in req["files"]:
        before_models = len(_registry.models)
        before_macros = len(_registry.macros)
        try:
            load(path, root)
        except BaseException as exc:  # a broken file is reported, the others still load
            errors.append(failure(path, exc))
            continue
        for m in _registry.models[before_models:]:
            models.append(m.describe(path))
        for name in list(_registry.macros)[before_macros:]:
            macros.append({"name": name, "file": path})
    return {"models": models, "macros": macros, "errors": errors}


def execute(req):
    load(req["file"], req["root"])
    entry = _registry.find_model(req["model"])
    context = sqlmesh.ExecutionContext(req["tables"], req["variables"], req.get("gateway", ""))
    result = entry.run(context, req)
    columns = list(entry.columns)
    batch = []
    count = 0
    for row in sqlmesh._rows(result, columns):
        batch.append(row)
        if len(batch) >= 1000:
            send({"rows": batch})
            count += len(batch)
            batch = []
    if batch:
        send({"rows": batch})
        count += len(batch)
    return {"count": count}


def macro(req):
    for path in req["files"]:
        load(path, req["root"])
    fn = _registry.macros[req["name"].lower()]
    evaluator = sqlmesh.MacroEvaluator(req["variables"])
    args = [sqlmesh.SqlText(a) for a in req["args"]]
    value = fn(evaluator, *args)
    return {"sql": sqlmesh._sql(value)}


def config(req):
    module = load(req["file"], req["root"])
    found = getattr(module, "config", None)
    if found is None:
        for value in vars(module).values():
            if isinstance(value, sqlmesh.core.config.Config):
                found = value
                break
    if found is None:
        raise RuntimeError("config.py defines no `config = Config(...)`")
    return {"config": found.to_dict()}


def main():
    req = json.loads(sys.stdin.readline())
    sys.path.insert(0, req["root"])
    try:
        result = {"discover": discover, "execute": execute, "macro": macro, "config": config}[req["op"]](req)
        send({"result": result})
    except BaseException as exc:
        path = req.get("file", "")
        send({"error": failure(path, exc)})


if __name__ == "__main__":
    main()
