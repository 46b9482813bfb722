"""_lib.py — the ctypes binding of libreportlint.so (engine/include/reportlint.h).

Only this module knows the C signatures and struct layouts; the rest of the
package calls the functions it declares. Why ctypes and not cffi: ctypes is
in the standard library (nothing to install on the workers of a cluster,
no compiler at install time: the package is pure Python), and a CDLL call
releases the GIL for its whole duration, which is what lets threads check
in parallel. The struct mirrors below are checked against the C compiler's
layout by tests/python/test_layout.py.

Invariants: every pointer handed to C is kept alive by a Python object for
as long as C may read it; every object C allocates is freed by the Python
object that owns it (Rules, Result), never by the garbage collector alone
when close() / a ``with`` block is used.

The library is found, in order: $REPORTLINT_LIB (a path to the .so); the
copy bundled in the installed package (reportlint/_native/); the source
tree's build/libreportlint.so (when this package is run from a checkout);
then the system's libreportlint.so.0 (``make install``)."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int, c_int64, c_size_t,
                    c_uint, c_void_p)
from typing import Callable, List, Optional

_HERE = os.path.dirname(os.path.abspath(__file__))


def _candidates() -> List[str]:
    out = []
    env = os.environ.get("REPORTLINT_LIB")
    if env:
        out.append(env)
    out.append(os.path.join(_HERE, "_native", "libreportlint.so"))
    out.append(os.path.join(os.path.dirname(os.path.dirname(_HERE)), "build", "libreportlint.so"))
    found = ctypes.util.find_library("reportlint")
    if found:
        out.append(found)
    out.append("libreportlint.so.0")
    return out


def _load() -> ctypes.CDLL:
    errors = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append("%s: %s" % (path, e))
            if path == os.environ.get("REPORTLINT_LIB"):
                break
    raise ImportError("reportlint: cannot load libreportlint.so (build it with `make`, install it "
                      "with `make install`, or set REPORTLINT_LIB=/path/to/libreportlint.so)"
                      + ("; tried: " + "; ".join(errors) if errors else ""))


lib = _load()
libc = ctypes.CDLL(None)


class rl_error(Structure):
    _fields_ = [("message", c_char * 512), ("line", c_uint), ("column", c_uint), ("failed", c_int)]


class rl_diag(Structure):
    _fields_ = [("file", c_char_p), ("line", c_uint), ("column", c_uint), ("rule", c_char_p),
                ("message", c_char_p)]


class rl_rule_severity(Structure):
    _fields_ = [("rule", c_char_p), ("severity", c_int)]


# The versions of the option structs mirrored here (reportlint.h's
# RL_*_OPTS_VERSION): the library refuses an option struct of another one.
RL_CHECK_OPTS_VERSION = 2
RL_WRITE_OPTS_VERSION = 1


class rl_check_opts(Structure):
    """Mirror of rl_check_opts, made with its version set (as
    RL_CHECK_OPTS_INIT). Fields added to the C struct later are zero
    (their default, by the header's convention) thanks to the padding."""
    _fields_ = [
        ("version", c_uint),
        ("locale", c_char_p),
        ("only", POINTER(c_char_p)), ("n_only", c_size_t),
        ("skip", POINTER(c_char_p)), ("n_skip", c_size_t),
        ("max_depth", c_uint),
        ("lang", c_char_p),
        ("severities", POINTER(rl_rule_severity)), ("n_severities", c_size_t),
        ("jobs", c_uint),
        ("max_string", c_size_t), ("max_size", c_size_t), ("max_violations", c_size_t),
        ("timeout", c_double),
        ("max_memory", c_size_t),
        ("_reserved", c_char * 256),
    ]

    def __init__(self, **fields):
        fields.setdefault("version", RL_CHECK_OPTS_VERSION)
        super().__init__(**fields)


class rl_summary(Structure):
    _fields_ = [(n, c_size_t) for n in ("files", "rules", "evaluations", "passed", "failed",
                                        "not_applicable", "errors", "warnings", "infos",
                                        "suppressed")] + [
        ("baseline", c_int), ("baseline_known", c_size_t), ("baseline_fixed", c_size_t)]


class rl_write_opts(Structure):
    """Mirror of rl_write_opts, made with its version set (as RL_WRITE_OPTS_INIT)."""
    _fields_ = [("version", c_uint), ("color", c_int), ("verbosity", c_int), ("jobs", c_uint)]

    def __init__(self, **fields):
        fields.setdefault("version", RL_WRITE_OPTS_VERSION)
        super().__init__(**fields)


def _fn(name: str, restype, *argtypes) -> None:
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)


_P = c_void_p
_fn("rl_rules_new", _P)
_fn("rl_rules_free", None, _P)
_fn("rl_rules_set_param", c_int, _P, c_char_p, c_char_p, POINTER(rl_error))
_fn("rl_rules_load_path", c_int, _P, c_char_p)
_fn("rl_rules_load_buffer", c_int, _P, c_char_p, c_char_p, c_size_t)
_fn("rl_rules_add_schema", c_int, _P, c_char_p)
_fn("rl_rules_diag_count", c_size_t, _P)
_fn("rl_rules_diag", POINTER(rl_diag), _P, c_size_t)
_fn("rl_rules_count", c_size_t, _P)
_fn("rl_rules_has", c_int, _P, c_char_p)
_fn("rl_result_new", _P)
_fn("rl_result_free", None, _P)
_fn("rl_result_count", c_size_t, _P)
_fn("rl_result_summary", POINTER(rl_summary), _P)
_fn("rl_result_sort", None, _P)
_fn("rl_result_merge", c_int, _P, _P)
_fn("rl_result_max_severity", c_int, _P)
_fn("rl_check_file", c_int, _P, POINTER(rl_check_opts), c_char_p, _P)
_fn("rl_check_buffer", c_int, _P, POINTER(rl_check_opts), c_char_p, c_char_p, c_size_t, _P)
_fn("rl_format_parse", c_int, c_char_p, POINTER(c_int))
_fn("rl_format_names", c_char_p)
_fn("rl_write_ex", c_int, _P, c_int, _P, _P, POINTER(rl_write_opts))
_fn("rl_locale_check", c_int, c_char_p, POINTER(rl_error))
_fn("rl_lang_match", c_char_p, c_char_p)

# Optional (newer) functions: present in this tree's library; tolerated
# missing so that an older installed library still serves the basics.
HAVE_SLICE = hasattr(lib, "rl_check_ndjson_slice")
if HAVE_SLICE:
    _fn("rl_check_ndjson_slice", c_int, _P, POINTER(rl_check_opts), c_char_p, c_uint, c_char_p,
        c_size_t, _P)
HAVE_DUMP = hasattr(lib, "rl_result_dump")
if HAVE_DUMP:
    _fn("rl_result_dump", _P, _P, POINTER(c_size_t))
    _fn("rl_result_load", c_int, _P, c_char_p, c_size_t, POINTER(rl_error))

HAVE_NOTES = hasattr(lib, "rl_result_note_unapplied")  # rule-never-applied notices
if HAVE_NOTES:
    _fn("rl_result_note_unapplied", c_int, _P, c_char_p)
HAVE_JUDGE = hasattr(lib, "rl_result_judge")  # collection rules
if HAVE_JUDGE:
    _fn("rl_result_judge", c_int, _P, POINTER(rl_check_opts), _P)
    _fn("rl_rules_collection_count", c_size_t, _P)
HAVE_PARTIAL = hasattr(lib, "rl_result_write_partial")  # their states (--partial, merge)
if HAVE_PARTIAL:
    _fn("rl_result_write_partial", c_int, _P, _P, _P)
    _fn("rl_result_read_partial", c_int, _P, _P, c_char_p, c_char_p, c_size_t, POINTER(rl_error))


def collection_rules(rules: int) -> int:
    """The number of collection rules loaded (0 with an older library)."""
    return int(lib.rl_rules_collection_count(rules)) if HAVE_JUDGE else 0

libc.open_memstream.restype = _P
libc.open_memstream.argtypes = [POINTER(c_void_p), POINTER(c_size_t)]
libc.fclose.restype = c_int
libc.fclose.argtypes = [_P]
libc.free.restype = None
libc.free.argtypes = [_P]


def take_string(ptr: Optional[int], length: int) -> bytes:
    """Copy length bytes from a malloc'd C buffer and free it."""
    if not ptr:
        raise MemoryError("reportlint: out of memory")
    try:
        return ctypes.string_at(ptr, length)
    finally:
        libc.free(ptr)


def stream_to_bytes(write: Callable[[int], int]) -> bytes:
    """Call write(FILE *) on an in-memory stream (open_memstream): the
    bytes written. write returns 0 on success."""
    buf = c_void_p()
    size = c_size_t()
    fp = libc.open_memstream(ctypes.byref(buf), ctypes.byref(size))
    if not fp:
        raise MemoryError("reportlint: open_memstream failed")
    rc = write(fp)
    libc.fclose(fp)
    data = take_string(buf.value, size.value) if buf.value else b""
    if rc != 0:
        raise OSError("reportlint: writing the result failed")
    return data


def write_to_bytes(fmt: int, res: int, rules: Optional[int], wopts: Optional[rl_write_opts]) -> bytes:
    """rl_write_ex into memory: the bytes written."""
    return stream_to_bytes(lambda fp: lib.rl_write_ex(
        fp, fmt, res, rules, ctypes.byref(wopts) if wopts is not None else None))


def str_array(items: List[str]):
    """A C array of UTF-8 strings (keep the returned object alive)."""
    enc = [s.encode("utf-8") for s in items]
    arr = (c_char_p * max(1, len(enc)))(*enc)
    return arr, enc


__all__ = ["lib", "libc", "rl_error", "rl_diag", "rl_check_opts", "rl_summary", "rl_write_opts",
           "rl_rule_severity", "take_string", "write_to_bytes", "str_array", "c_int64"]
