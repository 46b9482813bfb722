"""reportlint — check JSON reports against declarative rule sets, from Python.

A thin layer over libreportlint.so (the C engine the ``reportlint`` command
uses): the same rules, the same violations, the same output formats.

    >>> from reportlint import Rules
    >>> rules = Rules("rules/", params={"min_on_time_rate": 91})
    >>> result = rules.check_file("samples/national/2025-09-29.json")
    >>> for v in result:                      # dicts, keys as in `-f json`
    ...     print(v["file"], v["line"], v["rule"], v["message"])
    >>> result.summary["violations"]["total"]
    >>> result.write("out.sarif", format="sarif")

Checking releases the GIL: threads sharing one Rules check in parallel.
``reportlint.dask`` checks a dask.bag of records or files on a cluster.
See docs/python.md."""
from __future__ import annotations

import ctypes
import json
import os
from typing import (IO, Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional,
                    Sequence, Tuple, Union)

from . import _lib
from ._lib import lib

__all__ = ["Rules", "Result", "RulesError", "CheckError", "Diagnostic", "FORMATS", "__version__"]
__version__ = "0.1.0"

PathLike = Union[str, "os.PathLike[str]"]

#: The output formats ``Result.write`` and ``Result.to_bytes`` accept.
FORMATS: Tuple[str, ...] = tuple(
    s.strip() for s in lib.rl_format_names().decode().split(","))


class Diagnostic(NamedTuple):
    """One problem found while loading a rule set (or a schema)."""
    file: str
    line: int     #: 1-based; 0 when the whole file is meant
    column: int   #: 1-based, in code points
    rule: Optional[str]
    message: str

    def __str__(self) -> str:
        where = "%s:%d:%d" % (self.file, self.line, self.column) if self.line else self.file
        rule = " [%s]" % self.rule if self.rule else ""
        return "%s: error%s %s" % (where, rule, self.message)


class RulesError(ValueError):
    """The rule sets, schemas or parameters could not be loaded: nothing can
    be checked. ``diagnostics`` holds every problem, each with its
    file:line:col; ``str()`` lists them one per line, as the CLI does."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics: List[Diagnostic] = list(diagnostics)
        n = len(self.diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics)
                         + "\n%d problem%s in the rule sets; nothing was checked"
                         % (n, "" if n == 1 else "s"))


class CheckError(RuntimeError):
    """A check could not run at all (out of memory, a misuse). Bad input is
    never this: an unreadable or invalid report is an ``input`` violation."""


def _fspath(p: PathLike) -> str:
    return os.fsdecode(os.fspath(p))


def _paths(paths: Union[PathLike, Iterable[PathLike], None]) -> List[str]:
    if paths is None:
        return []
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [_fspath(paths)]
    return [_fspath(p) for p in paths]


def _param_text(value: Any) -> str:
    """A --param VALUE: JSON numbers, booleans and null as JSON; strings as
    they are (the engine reads ISO dates in them)."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    raise TypeError("reportlint: param values are numbers, booleans, None or strings "
                    "(JSON reference data goes in param_files), not %s" % type(value).__name__)


class _Owned:
    """A Python object owning one C object (``self._ptr``), freed by
    ``_free`` on close(), at the end of a ``with`` block, or when collected."""

    _ptr: Any = None
    _free: Any = None  # the C free function's name in lib, set by subclasses

    def close(self) -> None:
        """Free the C object now (else when garbage-collected)."""
        if self._ptr:
            getattr(lib, self._free)(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


class Rules(_Owned):
    """Loaded rule sets, ready to check reports. Thread-safe: any number of
    threads may check with one Rules at once.

    ``paths``: rule set files or directories (every ``*.json`` in a
    directory), as ``reportlint -r``. ``params``: ``--param NAME=VALUE``
    overrides. ``param_files``: ``--param-file NAME=FILE`` (a param holding
    the JSON of a file). ``schemas``: JSON Schemas every report must satisfy
    (``-s``). ``as_of``: the day deadlines are judged on (``--as-of``).
    ``locale``, ``lang``, ``only``, ``skip``, ``jobs``, ``max_violations``,
    ``timeout`` (seconds), ``max_memory`` (bytes): as the CLI options of
    the same names (0: the default).

    Raises RulesError (with every diagnostic) when anything fails to load.
    A Rules pickles as the arguments it was made with (for Dask workers,
    which load the same paths: they must be readable there)."""

    _free = "rl_rules_free"

    def __init__(self, paths: Union[PathLike, Iterable[PathLike]], *,
                 params: Optional[Mapping[str, Any]] = None,
                 param_files: Optional[Mapping[str, PathLike]] = None,
                 schemas: Union[PathLike, Iterable[PathLike], None] = None,
                 as_of: Optional[str] = None, locale: Optional[str] = None,
                 lang: Optional[str] = None, only: Optional[Iterable[str]] = None,
                 skip: Optional[Iterable[str]] = None, jobs: int = 1,
                 max_violations: int = 0, timeout: float = 0, max_memory: int = 0):
        self._ptr: Optional[int] = None
        self._spec: Dict[str, Any] = dict(
            paths=_paths(paths), params=dict(params or {}),
            param_files={k: _fspath(v) for k, v in (param_files or {}).items()},
            schemas=_paths(schemas), as_of=as_of, locale=locale, lang=lang,
            only=list(only or []), skip=list(skip or []), jobs=int(jobs),
            max_violations=int(max_violations), timeout=float(timeout),
            max_memory=int(max_memory))
        if not self._spec["paths"]:
            raise ValueError("reportlint: Rules needs at least one rule set path")
        self._ptr = lib.rl_rules_new()
        if not self._ptr:
            raise MemoryError("reportlint: out of memory")
        try:
            self._load()
            self._opts = self._make_opts()
        except BaseException:
            self.close()
            raise

    # -- loading -------------------------------------------------------------
    def _load(self) -> None:
        s = self._spec
        diags: List[Diagnostic] = []
        params = dict(s["params"])
        if s["as_of"] is not None:
            params["as_of"] = s["as_of"]
        for name, value in params.items():
            err = _lib.rl_error()
            if lib.rl_rules_set_param(self._ptr, name.encode(), _param_text(value).encode(),
                                      ctypes.byref(err)) != 0:
                diags.append(Diagnostic("--param", 0, 0, None,
                                        "%s: %s" % (name, err.message.decode("utf-8", "replace"))))
        for name, path in s["param_files"].items():
            diags.extend(self._param_file(name, path))
        for p in s["paths"]:
            lib.rl_rules_load_path(self._ptr, p.encode())
        for p in s["schemas"]:
            lib.rl_rules_add_schema(self._ptr, p.encode())
        diags.extend(self._diagnostics())
        diags.extend(self._check_ids())
        diags.extend(self._check_params(list(s["params"]) + list(s["param_files"])))
        if diags:
            raise RulesError(diags)

    def _param_file(self, name: str, path: str) -> List[Diagnostic]:
        fn = getattr(lib, "rl_rules_set_param_file", None)
        if fn is None:
            return [Diagnostic(path, 0, 0, None, "param_files needs a libreportlint.so with "
                               "rl_rules_set_param_file (reference data)")]
        fn.restype = ctypes.c_int
        fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                       ctypes.POINTER(_lib.rl_error)]
        err = _lib.rl_error()
        if fn(self._ptr, name.encode(), path.encode(), ctypes.byref(err)) != 0:
            return [Diagnostic(path, err.line, err.column, None,
                               err.message.decode("utf-8", "replace"))]
        return []

    def _diagnostics(self) -> List[Diagnostic]:
        out = []
        for i in range(lib.rl_rules_diag_count(self._ptr)):
            d = lib.rl_rules_diag(self._ptr, i).contents
            dec = lambda b: b.decode("utf-8", "replace") if b is not None else None  # noqa: E731
            out.append(Diagnostic(dec(d.file) or "", d.line, d.column, dec(d.rule),
                                  dec(d.message) or ""))
        return out

    def _check_params(self, names: List[str]) -> List[Diagnostic]:
        """An unknown param name is a mistake (as --param's), never ignored."""
        fn = getattr(lib, "rl_rules_check_param", None)
        if fn is None or lib.rl_rules_diag_count(self._ptr):
            return []
        fn.restype = ctypes.c_int
        fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(_lib.rl_error)]
        out = []
        for name in names:
            err = _lib.rl_error()
            if fn(self._ptr, name.encode(), ctypes.byref(err)) != 0:
                out.append(Diagnostic("--param", 0, 0, None,
                                      err.message.decode("utf-8", "replace")))
        return out

    def _check_ids(self) -> List[Diagnostic]:
        s = self._spec
        out = []
        for flag in ("only", "skip"):
            for rid in s[flag]:
                if not lib.rl_rules_has(self._ptr, rid.encode()):
                    out.append(Diagnostic("--" + flag, 0, 0, rid,
                                          "no loaded rule has the id '%s'" % rid))
        for what in ("locale",):
            tag = s[what]
            if tag is not None:
                err = _lib.rl_error()
                if lib.rl_locale_check(tag.encode(), ctypes.byref(err)) != 0:
                    out.append(Diagnostic("--locale", 0, 0, None,
                                          err.message.decode("utf-8", "replace")))
        if s["lang"] is not None and lib.rl_lang_match(s["lang"].encode()) is None:
            out.append(Diagnostic("--lang", 0, 0, None, "unknown language '%s'" % s["lang"]))
        return out

    def _make_opts(self) -> _lib.rl_check_opts:
        s = self._spec
        o = _lib.rl_check_opts()
        keep = []
        if s["locale"]:
            o.locale = s["locale"].encode()
        if s["lang"]:
            o.lang = s["lang"].encode()
        if s["only"]:
            arr, enc = _lib.str_array(s["only"])
            o.only = ctypes.cast(arr, ctypes.POINTER(ctypes.c_char_p))
            o.n_only = len(s["only"])
            keep += [arr, enc]
        if s["skip"]:
            arr, enc = _lib.str_array(s["skip"])
            o.skip = ctypes.cast(arr, ctypes.POINTER(ctypes.c_char_p))
            o.n_skip = len(s["skip"])
            keep += [arr, enc]
        o.jobs = max(1, s["jobs"])
        o.max_violations = s["max_violations"]
        o.timeout = s.get("timeout", 0.0)
        o.max_memory = s.get("max_memory", 0)
        self._keep = keep  # the strings o points to
        return o

    # -- pickling (Dask ships Rules to its workers) ---------------------------
    def __reduce__(self):
        return (_rules_from_spec, (self._spec,))

    @property
    def spec(self) -> Dict[str, Any]:
        """The arguments this Rules was made with (a copy)."""
        return json.loads(json.dumps(self._spec))

    def __len__(self) -> int:
        """The number of rules loaded."""
        return int(lib.rl_rules_count(self._require()))

    def __repr__(self) -> str:
        return "Rules(%r, %d rules)" % (self._spec["paths"], len(self) if self._ptr else 0)

    # -- checking --------------------------------------------------------------
    def _require(self) -> int:
        if not self._ptr:
            raise ValueError("reportlint: this Rules is closed")
        return self._ptr

    def _new_result(self) -> "Result":
        ptr = lib.rl_result_new()
        if not ptr:
            raise MemoryError("reportlint: out of memory")
        return Result(ptr, self)

    def check_file(self, path: PathLike) -> "Result":
        """Check a report file (.json), or every record of an .ndjson/.jsonl
        file (streamed in bounded memory). An unreadable or invalid file is
        an ``input`` violation, as in the CLI."""
        res = self._new_result()
        rc = lib.rl_check_file(self._require(), ctypes.byref(self._opts),
                               _fspath(path).encode(), res._ptr)
        return res._finish(rc)

    def check_files(self, paths: Iterable[PathLike]) -> "Result":
        """Check several files into one result (as ``reportlint FILE...``)."""
        res = self._new_result()
        for p in paths:
            rc = lib.rl_check_file(self._require(), ctypes.byref(self._opts),
                                   _fspath(p).encode(), res._ptr)
            if rc != 0:
                res.close()
                raise CheckError("reportlint: checking %s failed (out of memory?)" % p)
        return res._finish(0)

    def check_bytes(self, data: Union[bytes, bytearray, memoryview, str], *,
                    name: str = "<bytes>") -> "Result":
        """Check a report held in memory. ``name`` is the file name shown in
        violations; a name ending in .ndjson or .jsonl reads data as NDJSON
        records (one report per line)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        buf = bytes(data)
        res = self._new_result()
        rc = lib.rl_check_buffer(self._require(), ctypes.byref(self._opts), name.encode(),
                                 buf, len(buf), res._ptr)
        return res._finish(rc)

    def check(self, obj: Any, *, name: str = "<object>") -> "Result":
        """Check a report given as Python data (a dict, as ``json.loads``
        returns). It is serialized with ``json.dumps`` (one line): violations
        locate values by their JSON Pointer; line is 1 and column is a
        position in that text."""
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False)
        return self.check_bytes(text.encode("utf-8"), name=name)

    def check_ndjson_slice(self, data: bytes, *, name: str, first_line: int) -> "Result":
        """Check NDJSON records that are a slice of the file ``name``
        beginning at its line ``first_line``: violations carry the file's
        line numbers (for files split across workers)."""
        if not _lib.HAVE_SLICE:
            raise CheckError("reportlint: libreportlint.so lacks rl_check_ndjson_slice")
        res = self._new_result()
        rc = lib.rl_check_ndjson_slice(self._require(), ctypes.byref(self._opts), name.encode(),
                                       int(first_line), bytes(data), len(data), res._ptr)
        return res._finish(rc, notes=False)  # a slice is not a whole run



def _rules_from_spec(spec: Dict[str, Any]) -> Rules:
    return Rules(spec["paths"], **{k: v for k, v in spec.items() if k != "paths"})


class Result(_Owned):
    """Violations and the summary of one or more checks.

    Iterating gives the violations as dicts with the keys of ``-f json``
    (file, rule, severity, pointer, line, column, message, then the
    figures), sorted by file, line, column and rule as the CLI prints them.
    ``summary`` is the ``-f json`` summary dict. ``write`` and ``to_bytes``
    give any CLI format."""

    _free = "rl_result_free"

    def __init__(self, ptr: int, rules: Optional[Rules]):
        self._ptr: Optional[int] = ptr
        self._rules = rules
        self._doc: Optional[Dict[str, Any]] = None

    def _finish(self, rc: int, notes: bool = True) -> "Result":
        """Judge collection rules, then (notes) add the rule-never-applied
        notices of the whole run, as the CLI does without -q."""
        if rc == 0 and self._rules is not None and _lib.collection_rules(self._rules._ptr):
            rc = lib.rl_result_judge(self._rules._ptr, ctypes.byref(self._rules._opts), self._ptr)
        if rc == 0 and notes and _lib.HAVE_NOTES and self._rules is not None:
            rc = 0 if lib.rl_result_note_unapplied(self._ptr, self._rules._opts.lang) >= 0 else -1
        if rc != 0:
            self.close()
            raise CheckError("reportlint: the check could not run (out of memory, or a misuse)")
        lib.rl_result_sort(self._ptr)
        return self

    def _require(self) -> int:
        if not self._ptr:
            raise ValueError("reportlint: this Result is closed")
        return self._ptr

    def _json(self) -> Dict[str, Any]:
        if self._doc is None:
            self._doc = json.loads(self.to_bytes("json"))
        return self._doc

    @property
    def violations(self) -> List[Dict[str, Any]]:
        """The violations, as ``-f json`` writes them."""
        return self._json()["violations"]

    @property
    def summary(self) -> Dict[str, Any]:
        """The summary, as ``-f json`` writes it (files, rules, evaluations,
        passed, failed, not_applicable, violations by severity, ...)."""
        return self._json()["summary"]

    def __iter__(self) -> Iterator[Dict[str, Any]]:
        return iter(self.violations)

    def __len__(self) -> int:
        return int(lib.rl_result_count(self._require()))

    def __bool__(self) -> bool:
        return True

    @property
    def max_severity(self) -> Optional[str]:
        """"error", "warning", "info" or None: the worst violation."""
        s = lib.rl_result_max_severity(self._require())
        return None if s < 0 else ("info", "warning", "error")[s]

    def exit_code(self, fail_on: str = "error") -> int:
        """The CLI's exit status for this result: 1 when a violation is at
        or above ``fail_on`` (error, warning, info, never), else 0."""
        order = {"info": 0, "warning": 1, "error": 2}
        if fail_on == "never":
            return 0
        if fail_on not in order:
            raise ValueError("reportlint: fail_on is error, warning, info or never")
        s = lib.rl_result_max_severity(self._require())
        return 1 if s >= order[fail_on] else 0

    def to_bytes(self, format: str = "json", *, color: bool = False,
                 verbosity: int = 0) -> bytes:
        """The result written in a CLI output format (see FORMATS)."""
        fmt = ctypes.c_int()
        if lib.rl_format_parse(format.encode(), ctypes.byref(fmt)) != 0:
            raise ValueError("reportlint: unknown format '%s' (one of %s)"
                             % (format, ", ".join(FORMATS)))
        rules = self._rules
        wopts = _lib.rl_write_opts(color=int(color), verbosity=int(verbosity))
        return _lib.write_to_bytes(fmt.value, self._require(),
                                   rules._ptr if rules is not None else None, wopts)

    def write(self, file: Union[PathLike, IO[Any]], format: str = "text", **kw: Any) -> None:
        """Write the result to a path or an open file (text or binary)."""
        data = self.to_bytes(format, **kw)
        if isinstance(file, (str, bytes, os.PathLike)):
            with open(file, "wb") as f:
                f.write(data)
        elif hasattr(file, "buffer"):
            file.flush()
            file.buffer.write(data)
            file.buffer.flush()
        else:
            try:
                file.write(data)
            except TypeError:
                file.write(data.decode("utf-8"))


    def __repr__(self) -> str:
        if not self._ptr:
            return "Result(closed)"
        return "Result(%d violations)" % len(self)
