#!/usr/bin/env python3
"""Records throughput: the Dask engine with 2 workers against 1, WARC against HTML files, and
`clean --jsonl` rate and memory against the number of records.

usage: python benchmarks/records_speed.py --corpus ../shared/eval [--records 10000] [--warc-pages 1000]
       [--rounds 1] [--only dask,warc,stream,local]

Inputs are built in a temporary folder from CORPUS/text/*.txt (JSONL records, the pages cycled)
and CORPUS/html/*.html.gz (a gzipped WARC of responses, and the same pages as .html files).

- dask: `run_record_batch` on a local Dask cluster of 1, then 2 single-threaded workers, on
  --records JSONL records, in --rounds alternating rounds; cluster start-up is timed apart (it is
  paid once per run, not per record).
- warc: `newsclip batch` with --jobs 1 on the WARC file and on the folder of the same pages as
  HTML files, alternating, records/s of each.
- stream: `newsclip clean --jsonl` on --records records and on a tenth of them: records/s and peak
  memory (flat when records stream through).
- local (not by default): the local engine with --jobs 1 and 2 on the same records, for scale.
"""
from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_speed import peak_rss_mb, timed  # noqa: E402
from corpus_args import corpus_parser  # noqa: E402


def write_records(path: Path, pages: list[Path], count: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in pages]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps({"id": f"page-{i:06d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def bench_dask(jsonl: Path, count: int, tmp: Path, rounds: int) -> None:
    from newsclip.dask_engine import dask_executor
    from newsclip.records import RecordConfig, run_record_batch

    # 1 and 2 workers alternate, so that a drift in the machine's load (a shared host) weighs on both.
    for round_number in range(1, rounds + 1):
        rates = {}
        for jobs in (1, 2):
            started = time.perf_counter()
            with dask_executor(jobs) as (executor, workers):
                start_up = time.perf_counter() - started
                config = RecordConfig(str(jsonl), str(tmp / f"dask{jobs}.jsonl"))
                cpu_before, started = cluster_cpu_seconds(), time.perf_counter()
                results = list(run_record_batch(config, workers, executor))
                seconds = time.perf_counter() - started
                cores = (cluster_cpu_seconds() - cpu_before) / seconds
                rates[jobs] = len(results) / seconds
            print(f"round {round_number}: dask, {workers} worker(s), {count} records: {rates[jobs]:.0f} records/s "
                  f"(cluster start-up {start_up:.1f} s, not included; the workers got {cores:.2f} cores)", flush=True)
        print(f"round {round_number}: dask 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x", flush=True)
    same = (tmp / "dask1.jsonl").read_bytes() == (tmp / "dask2.jsonl").read_bytes()
    print(f"same output with 1 and 2 workers: {same}")


def cluster_cpu_seconds() -> float:
    """CPU time used so far by this process's children (the local cluster's nannies and workers):
    over the wall time, how many cores the workers actually got on a shared machine."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def bench_local(jsonl: Path, tmp: Path) -> None:
    """The local process pool on the same records, for scale."""
    from newsclip.records import RecordConfig, run_record_batch

    for jobs in (1, 2):
        started = time.perf_counter()
        results = list(run_record_batch(RecordConfig(str(jsonl), str(tmp / f"local{jobs}.jsonl")), jobs))
        print(f"local engine, --jobs {jobs}: {len(results) / (time.perf_counter() - started):.0f} records/s")


def bench_warc(html_pages: list[Path], count: int, newsclip: str, tmp: Path, rounds: int = 2) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [gzip.decompress(p.read_bytes()) for p in html_pages]
    folder = tmp / "html"
    folder.mkdir()
    warc = tmp / "crawl.warc.gz"
    with open(warc, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(count):
            page = pages[i % len(pages)]
            (folder / f"{i:06d}.html").write_bytes(page)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i:06d}", "response",
                                                          payload=io.BytesIO(page), http_headers=http))
    for round_number in range(1, rounds + 1):
        warc_rate = count / timed([newsclip, "batch", str(warc), str(tmp / "warc.jsonl"), "-j", "1", "-q"])
        shutil.rmtree(tmp / "html-out", ignore_errors=True)
        html_rate = count / timed([newsclip, "batch", str(folder), str(tmp / "html-out"), "-j", "1", "-q"])
        print(f"round {round_number}: {count} pages, --jobs 1: WARC {warc_rate:.0f} records/s, "
              f"HTML files {html_rate:.0f} files/s ({warc_rate / html_rate:.2f}x)")
    from_warc = [json.loads(line) for line in (tmp / "warc.jsonl").read_text(encoding="utf-8").splitlines()]
    same = sum(1 for i, record in enumerate(from_warc)
               if {**record, "source": None} == {**json.loads((tmp / "html-out" / f"{i:06d}.json").read_text(
                   encoding="utf-8")), "source": None})
    print(f"WARC records equal to their page cleaned as a file: {same} of {count}")


def bench_stream(jsonl: Path, count: int, newsclip: str, tmp: Path) -> None:
    tenth = tmp / "tenth.jsonl"
    with open(jsonl, encoding="utf-8") as source, open(tenth, "w", encoding="utf-8") as out:
        for _, line in zip(range(max(1, count // 10)), source):
            out.write(line)
    for label, path, n in (("a tenth", tenth, max(1, count // 10)), ("all", jsonl, count)):
        started = time.perf_counter()
        mb = peak_rss_mb(["sh", "-c", f"{newsclip} clean --jsonl < {path} > /dev/null"])
        rate = n / (time.perf_counter() - started)
        print(f"clean --jsonl, {label} ({n} records): {rate:.0f} records/s, peak memory {mb:.0f} MB")


def main() -> int:
    parser = corpus_parser(__doc__, brief=True)
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--warc-pages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1, help="alternating 1-worker / 2-worker Dask runs")
    parser.add_argument("--only", default="dask,warc,stream",
                        help="comma-separated: dask, warc, stream, and local (the process pool on the same records)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    newsclip = shutil.which("newsclip") or str(Path(sys.executable).with_name("newsclip"))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        jsonl = tmp / "pages.jsonl"
        write_records(jsonl, sorted((args.corpus / "text").glob("*.txt")), args.records)
        if "dask" in only:
            bench_dask(jsonl, args.records, tmp, args.rounds)
        if "local" in only:
            bench_local(jsonl, tmp)
        if "warc" in only:
            bench_warc(sorted((args.corpus / "html").glob("*.html.gz")), args.warc_pages, newsclip, tmp)
        if "stream" in only:
            bench_stream(jsonl, args.records, newsclip, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
