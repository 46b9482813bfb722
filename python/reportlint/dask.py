"""reportlint.dask — check a dask.bag of reports on a Dask cluster.

    import dask.bag as db
    from distributed import Client
    from reportlint import Rules
    from reportlint.dask import check_bag

    client = Client("tcp://scheduler:8786")
    bag = db.read_text("data/*.ndjson", include_path=True)
    result = check_bag(bag, Rules("rules/"))
    for v in result:
        print(v["file"], v["line"], v["rule"], v["message"])

How it runs. Each partition of the bag is checked on a worker by the C
engine (libreportlint.so, in one call that releases the GIL); what comes
back to the client is the partition's result as compact text (its
violations and counts: rl_result_dump) and, when the rules have collection
rules, its collection state (rl_result_write_partial: aggregates, not
reports). The client loads the results in partition order, merges the
states and judges the collection rules (rl_result_judge): the violations
and the summary are those of one ``reportlint`` run over the same records,
whatever the partitioning.

Records keep their file's line numbers: a first, cheap pass counts each
partition's lines (per file), and partition k is checked from the line
where partitions 0..k-1 stopped. The passes are chained in one task graph,
so a partition is read once and its check starts as soon as the counts
before it are known.

Invariants: the result never depends on the number of partitions, their
order of completion or the number of workers; nothing but the rules'
arguments (paths must be readable on every worker) and the records goes to
the workers; only results and states come back."""
from __future__ import annotations

import ctypes
import functools
import glob
import json
import os
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

import dask
import dask.bag

from . import CheckError, Result, Rules, _lib
from ._lib import lib

__all__ = ["check_bag", "check_files", "read_ndjson", "Block", "DaskResult"]

_ITEMS = ("lines", "paths")


class Block(NamedTuple):
    """Bytes [start, end) of an NDJSON file, as read_ndjson cuts it: the
    block holds the lines that begin in that range (a line that begins
    before end is read to its newline)."""
    path: str
    start: int
    end: int


def read_ndjson(paths: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]],
                *, blocksize: int = 64 << 20) -> dask.bag.Bag:
    """A bag of Blocks: every NDJSON file cut into byte ranges of about
    blocksize, one partition each, for check_bag. A worker reads its block
    itself (the files must be readable there at the same paths) and checks
    it in C without making a Python object per record; only the block's
    description (path, start, end) travels. A glob pattern ("data/*.ndjson")
    is expanded, sorted. Violations name each file as given."""
    if isinstance(paths, (str, os.PathLike)):
        p = os.fsdecode(os.fspath(paths))
        names = sorted(glob.glob(p)) if glob.has_magic(p) else [p]
    else:
        names = [os.fsdecode(os.fspath(x)) for x in paths]
    if blocksize < 1:
        raise ValueError("reportlint.dask: blocksize is at least 1 byte")
    blocks = []
    for name in names:
        size = os.path.getsize(name)
        blocks += [Block(name, o, min(o + blocksize, size)) for o in range(0, size, blocksize)]
        if size == 0:
            blocks.append(Block(name, 0, 0))
    if not blocks:
        raise ValueError("reportlint.dask: no file matches %r" % (paths,))
    return dask.bag.from_sequence(blocks, npartitions=len(blocks))


def _read_block(b: Block) -> bytes:
    """The lines that begin in [start, end), whole (a line begins at 0 and
    after every newline)."""
    with open(b.path, "rb") as f:
        pos = 0
        if b.start > 0:
            f.seek(b.start - 1)
            f.readline()  # up to the first line that begins at start or later
            pos = f.tell()
        if pos >= b.end:
            return b""
        data = f.read(b.end - pos)
        if data and not data.endswith(b"\n"):
            data += f.readline()  # the last line that begins before end, whole
        return data


# ---- on the workers ----------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _worker_rules(spec_json: str) -> Rules:
    """The Rules of a spec, loaded once per worker process."""
    from . import _rules_from_spec
    return _rules_from_spec(json.loads(spec_json))


def _line_text(item: Any) -> bytes:
    if isinstance(item, (bytes, bytearray)):
        b = bytes(item)
    elif isinstance(item, str):
        b = item.encode("utf-8")
    else:  # a dict or list: a report as data
        b = json.dumps(item, ensure_ascii=False, allow_nan=False).encode("utf-8")
    if b.endswith(b"\n"):
        b = b[:-1]
    if b"\n" in b:
        raise ValueError("reportlint.dask: a bag item holds more than one line (%r...); "
                         "give one NDJSON line per item" % b[:60])
    return b


def _pieces(part: Iterable[Any], name: str) -> List[Tuple[str, int, bytes]]:
    """A partition of lines as runs of one file each: (file, lines, text).
    Items are lines (str or bytes, with or without their newline), dicts,
    or (line, path) pairs as db.read_text(..., include_path=True) gives."""
    runs: List[Tuple[str, List[bytes]]] = []
    part = list(part)
    if part and all(isinstance(x, Block) for x in part):
        out = []
        for b in part:
            data = _read_block(b)
            n = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
            out.append((b.path, n, data))
        return out
    for item in part:
        if isinstance(item, tuple) and len(item) == 2:
            line, path = item
        else:
            line, path = item, name
        if not runs or runs[-1][0] != path:
            runs.append((path, []))
        runs[-1][1].append(_line_text(line))
    return [(p, len(ls), b"\n".join(ls) + b"\n") for p, ls in runs]


def _counts(pieces: List[Tuple[str, int, bytes]]) -> List[Tuple[str, int]]:
    return [(p, n) for p, n, _ in pieces]


def _advance(start: Dict[str, int], counts: List[Tuple[str, int]]) -> Dict[str, int]:
    """The next line of every file once a partition's counts are added."""
    out = dict(start)
    for p, n in counts:
        out[p] = out.get(p, 1) + n
    return out


def _dump(rules: Rules, res: Result) -> Tuple[bytes, Optional[bytes]]:
    """A worker's answer: the result's dump and its collection state."""
    size = ctypes.c_size_t()
    text = _lib.take_string(lib.rl_result_dump(res._ptr, ctypes.byref(size)), size.value)
    state = None
    if _lib.collection_rules(rules._ptr):
        state = _lib.stream_to_bytes(lambda fp: lib.rl_result_write_partial(res._ptr, rules._ptr,
                                                                             fp))
    res.close()
    return text, state


def _check_lines(spec_json: str, pieces: List[Tuple[str, int, bytes]],
                 start: Dict[str, int]) -> Tuple[bytes, Optional[bytes]]:
    rules = _worker_rules(spec_json)
    res = rules._new_result()
    for path, _, text in pieces:
        rc = lib.rl_check_ndjson_slice(rules._ptr, ctypes.byref(rules._opts), path.encode(),
                                       start.get(path, 1), text, len(text), res._ptr)
        if rc != 0:
            res.close()
            raise CheckError("reportlint.dask: checking records of %s failed" % path)
    return _dump(rules, res)


def _check_paths(spec_json: str, part: Iterable[Any]) -> Tuple[bytes, Optional[bytes]]:
    rules = _worker_rules(spec_json)
    res = rules._new_result()
    for path in part:
        rc = lib.rl_check_file(rules._ptr, ctypes.byref(rules._opts),
                               os.fsdecode(os.fspath(path)).encode(), res._ptr)
        if rc != 0:
            res.close()
            raise CheckError("reportlint.dask: checking %s failed" % path)
    return _dump(rules, res)


# ---- on the client -------------------------------------------------------------

class DaskResult(Result):
    """The result of check_bag: a reportlint.Result (iterate the violations
    as dicts, ``summary``, ``write(file, format=...)``), plus ``partitions``
    (how many were checked) and ``state_bytes`` (the size of the collection
    states the workers sent)."""

    partitions: int = 0
    state_bytes: int = 0
    result_bytes: int = 0


def _assemble(rules: Rules, answers: Sequence[Tuple[bytes, Optional[bytes]]]) -> DaskResult:
    ptr = lib.rl_result_new()
    if not ptr:
        raise MemoryError("reportlint: out of memory")
    res = DaskResult(ptr, rules)
    err = _lib.rl_error()
    for i, (text, _) in enumerate(answers):
        if lib.rl_result_load(res._ptr, text, len(text), ctypes.byref(err)) != 0:
            res.close()
            raise CheckError("reportlint.dask: partition %d's result: %d:%d: %s"
                             % (i, err.line, err.column, err.message.decode("utf-8", "replace")))
    res.partitions = len(answers)
    res.result_bytes = sum(len(t) for t, _ in answers)
    res.state_bytes = sum(len(s) for _, s in answers if s)
    if _lib.collection_rules(rules._ptr):
        for i, (_, state) in enumerate(answers):
            name = ("partition %d" % i).encode()
            if state is None or lib.rl_result_read_partial(res._ptr, rules._ptr, name, state,
                                                          len(state), ctypes.byref(err)) != 0:
                res.close()
                raise CheckError("reportlint.dask: partition %d's collection state: %d:%d: %s"
                                 % (i, err.line, err.column,
                                    err.message.decode("utf-8", "replace")))
    return res._finish(0)


def _compute(tasks: List[Any], client: Any) -> List[Any]:
    if client is not None:
        return client.gather(client.compute(tasks))
    return list(dask.compute(*tasks))


def check_bag(bag: dask.bag.Bag, rules: Rules, *, items: str = "lines", name: str = "<bag>",
              client: Any = None) -> DaskResult:
    """Check every record of a dask.bag on the workers; judge the collection
    rules on the client. Returns a DaskResult: the violations (dicts with
    -f json's keys, sorted as the command prints them) and the summary of
    one ``reportlint`` run over the same records, whatever the partitioning.

    ``items="lines"`` (the default): the bag holds NDJSON lines — str or
    bytes, one record each (a blank line is skipped, a line that is not JSON
    is an ``input`` violation) — or (line, path) pairs, as
    ``db.read_text(paths, include_path=True)`` gives: violations then name
    each record's file and line. Lines without a path belong to ``name``.
    Dicts are records too (serialized with json.dumps), and so are the
    Blocks of read_ndjson (byte ranges of files, read on the workers: the
    fastest way to split large files). ``items="paths"``:
    the bag holds file paths (.json reports or .ndjson files), each checked
    whole on a worker; the paths must be readable there.

    ``client``: a distributed.Client to run on (default: dask's current
    scheduler — the Client made last, if any)."""
    if items not in _ITEMS:
        raise ValueError("reportlint.dask: items is one of %s" % ", ".join(_ITEMS))
    if not isinstance(rules, Rules):
        raise TypeError("reportlint.dask: rules is a reportlint.Rules")
    if _lib.collection_rules(rules._ptr) and not _lib.HAVE_PARTIAL:
        raise CheckError("reportlint.dask: these rules have collection rules, and this "
                         "libreportlint.so cannot carry their state between processes "
                         "(rl_result_write_partial)")
    spec = json.dumps(rules._spec, sort_keys=True)
    parts = bag.to_delayed()
    tasks = []
    if items == "paths":
        tasks = [dask.delayed(_check_paths, pure=True)(spec, p) for p in parts]
    else:
        start: Any = {}
        for p in parts:
            pieces = dask.delayed(_pieces, pure=True)(p, name)
            tasks.append(dask.delayed(_check_lines, pure=True)(spec, pieces, start))
            start = dask.delayed(_advance, pure=True)(start, dask.delayed(_counts, pure=True)(pieces))
    answers = _compute(tasks, client)
    return _assemble(rules, answers)


def check_files(paths: Iterable[Union[str, "os.PathLike[str]"]], rules: Rules, *,
                npartitions: Optional[int] = None, client: Any = None) -> DaskResult:
    """Check report files (.json, .ndjson) on the workers, each whole, in
    npartitions groups (default: one per file, at most 256)."""
    paths = [os.fsdecode(os.fspath(p)) for p in paths]
    n = npartitions or max(1, min(len(paths), 256))
    bag = dask.bag.from_sequence(paths, npartitions=n)
    return check_bag(bag, rules, items="paths", client=client)
