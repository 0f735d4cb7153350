"""The Dask engine: a batch's chunks of work on a Dask cluster instead of a local process pool.

An I/O shell, imported only for `--engine dask` (the core install has no Dask). The batch code is
the same for both engines: it submits chunks of work to a `concurrent.futures` executor, here the
Dask client's, and takes results back in input order, so records, errors, progress and the
summary are those of the local engine. Workers must have newsclip installed (the same version).
"""
from __future__ import annotations

import logging
from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Iterator

from .model import NewsclipError

# Seconds to wait for a scheduler given by --scheduler before giving up with one line.
CONNECT_TIMEOUT_SECONDS = 15


@contextmanager
def dask_executor(jobs: int, scheduler: str | None = None) -> Iterator[tuple[Executor, int]]:
    """(executor, worker threads) of the cluster at `scheduler`, or of a local cluster of `jobs`
    single-threaded worker processes (the parser holds the GIL: threads would not run in parallel)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise NewsclipError("--engine dask needs Dask: pip install 'newsclip[dask]'") from None

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise NewsclipError(f"cannot reach the Dask scheduler at {scheduler!r}: {err}") from None
    try:
        threads = sum(client.nthreads().values())
        # Not pure: two chunks of equal content are still two pieces of work with their own place.
        yield client.get_executor(pure=False), max(threads, 1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
