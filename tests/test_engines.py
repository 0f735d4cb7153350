"""Where the work runs: a Dask cluster gives the local engine's records and errors, and pool
workers do not outlive a killed batch."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclip.batch import MANIFEST_NAME, BatchConfig, run_batch
from newsclip.cli import cli
from newsclip.dask_engine import dask_executor
from newsclip.records import RecordConfig, run_record_batch
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def cluster():
    """One local Dask cluster of two single-threaded worker processes for the module's tests."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local.scheduler_address


@pytest.fixture
def pages(tmp_path) -> Path:
    """A JSONL export of every sample, many times over, with bad lines among the records."""
    lines = []
    samples = sorted(SAMPLES.glob("*.txt"))
    for i in range(120):
        lines.append(json.dumps({"id": f"page-{i:03d}", "text": samples[i % len(samples)].read_text(encoding="utf-8")}))
        if i % 37 == 5:
            lines.append('{"id": "broken", "text": ')
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dask_cluster_gives_the_local_engines_records_and_errors(cluster, pages, tmp_path, runner):
    local = runner.invoke(cli, ["batch", str(pages), str(tmp_path / "local.jsonl"), "-j", "1", "-q"])
    assert local.exit_code == 1
    on_dask = runner.invoke(cli, ["batch", str(pages), str(tmp_path / "dask.jsonl"), "--engine", "dask",
                                  "--scheduler", cluster])
    assert on_dask.exit_code == 1, on_dask.stderr
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert len((tmp_path / "dask.jsonl").read_text().splitlines()) == 120
    errors = (tmp_path / "dask.jsonl.errors.jsonl").read_text()
    assert errors == (tmp_path / "local.jsonl.errors.jsonl").read_text() and errors.count("\n") == 4
    assert "records cleaned        │    120" in on_dask.stderr
    assert "failed                 │      4" in on_dask.stderr


def test_dask_cluster_cleans_a_folder_as_the_local_pool_does(cluster, tmp_path):
    src = tmp_path / "clippings"
    (src / "2025" / "march").mkdir(parents=True)
    for i, sample in enumerate(sorted(SAMPLES.glob("*.txt")) * 3):
        shutil.copy(sample, src / ("2025/march" if i % 4 == 0 else "") / f"{i:02d}-{sample.name}")
    (src / "broken.txt").write_bytes(b"\x00\x01binary")
    with dask_executor(2, cluster) as (executor, workers):
        assert workers == 2
        on_dask = list(run_batch(BatchConfig(src, tmp_path / "dask.jsonl", "jsonl"), workers, executor))
    local = list(run_batch(BatchConfig(src, tmp_path / "local.jsonl", "jsonl"), jobs=2))
    assert on_dask == local
    assert [r.status for r in on_dask].count("failed") == 1
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()


def test_a_local_dask_cluster_starts_with_the_number_of_jobs(pages, tmp_path):
    config = RecordConfig(str(pages), str(tmp_path / "dask"), shard_size=50)
    with dask_executor(1) as (executor, workers):
        assert workers == 1
        results = list(run_record_batch(config, workers, executor))
    assert [r.status for r in results].count("cleaned") == 120
    assert sorted(p.name for p in (tmp_path / "dask").glob("part-*")) == [
        "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]


def test_an_unreachable_scheduler_is_one_line(runner, pages, tmp_path, monkeypatch):
    monkeypatch.setattr("newsclip.dask_engine.CONNECT_TIMEOUT_SECONDS", 1)
    result = runner.invoke(cli, ["batch", str(pages), str(tmp_path / "out.jsonl"), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:9", "-q"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'")
    assert result.stderr.count("\n") == 1


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc: the test runs on Linux, as CI does)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _descendants(pid: int) -> list[int]:
    children = _children(pid)
    return children + [grandchild for child in children for grandchild in _descendants(child)]


def _recorded(manifest: Path) -> bool:
    try:
        return manifest.stat().st_size > 0
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_workers_end_when_the_batch_is_killed(tmp_path, engine):
    """kill -9 of the batch process: its pool workers, asleep on the work queue, end too; so do a
    local Dask cluster's processes (nannies and their workers)."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = (SAMPLES / "whole-page.txt").read_bytes()
    for i in range(3000):
        (src / f"{i:05d}.txt").write_bytes(text)
    proc = subprocess.Popen([sys.executable, "-m", "newsclip", "batch", str(src), str(out), "-j", "2", "-q",
                             "--engine", engine], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Both workers are up and the first outputs are recorded: the pool is in full work.
        deadline = time.time() + 60
        workers: list[int] = []
        while time.time() < deadline and not (len(workers) >= 2 and _recorded(out / MANIFEST_NAME)):
            time.sleep(0.05)
            workers = _descendants(proc.pid)
        assert len(workers) >= 2, "the batch started no worker processes"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"workers left running after their parent was killed: {left}"


def test_a_worker_whose_parent_is_already_gone_ends_at_once():
    """The worker was forked, then its parent died before it could ask to die with it: it is
    already re-parented, so it ends instead of waiting for work that never comes."""
    code = "import time; from newsclip.batch import die_with_parent; die_with_parent(-1); time.sleep(30)"
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], timeout=30)
    assert done.returncode == 1 and time.time() - started < 10


@pytest.mark.parametrize("args", [["--version"], ["clean", str(SAMPLES / "seed-layout.txt")], ["clean", "--jsonl"]])
def test_start_up_and_clean_import_neither_dask_nor_the_warc_reader(args):
    """The core install stays light: the extras are imported only by the runs that use them."""
    code = ("import sys; from click.testing import CliRunner; from newsclip.cli import cli; "
            f"result = CliRunner().invoke(cli, {args!r}, input='{{\"text\": \"Storm hits\"}}\\n'); "
            "assert result.exit_code == 0, result.output; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'warcio', 'fsspec'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_readmes_dask_bag_line_cleans_each_record_in_order(tmp_path):
    """The README's one-line Dask map (`read_text(...).map(clean_line).to_textfiles(...)`), run as
    written on local files: a record per input line, each as `clean_line` gives it, bad lines as errors."""
    import dask
    import dask.bag as db

    from newsclip.records import clean_line

    export = tmp_path / "export"
    export.mkdir()
    storm = json.dumps({"id": "storm", "text": "Storm hits coast\n\nHomes were flooded overnight, police said.\n"})
    ferry = json.dumps({"id": "ferry", "text": "Ferry service resumes\n\nThe first boat in a week left at dawn.\n"})
    (export / "part-0.jsonl").write_text(f"{storm}\n{{broken\n{ferry}\n", encoding="utf-8")
    with dask.config.set(scheduler="synchronous"):
        db.read_text(str(export / "*.jsonl")).map(clean_line).to_textfiles(str(tmp_path / "clean" / "*.jsonl"))
    records = [json.loads(line) for path in sorted((tmp_path / "clean").glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r.get("title") for r in records] == ["Storm hits coast", None, "Ferry service resumes"]
    assert [r["source"] for r in records] == ["storm", "?", "ferry"]
    assert records[1]["error"].startswith("not JSON") and "error" not in records[0]
