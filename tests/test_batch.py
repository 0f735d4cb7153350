"""`newsclip batch` through CliRunner: mirroring, JSONL, failures, exit codes, resume, refusals."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from newsclip.batch import MANIFEST_NAME, TMP_SUFFIX, BatchConfig, run_batch
from newsclip.cli import cli
from tests.conftest import SAMPLES
from tests.schema import validate


@pytest.fixture
def clippings(tmp_path) -> Path:
    """A folder of clippings with a sub-folder and one binary file among them."""
    src = tmp_path / "clippings"
    (src / "2024" / "may").mkdir(parents=True)
    for name in ("seed-layout", "credit-line", "no-captions"):
        shutil.copy(SAMPLES / f"{name}.txt", src / f"{name}.txt")
    shutil.copy(SAMPLES / "crlf.txt", src / "2024" / "may" / "crlf.txt")
    (src / "notes.md").write_text("not a clipping by the default glob")
    return src


def add_binary(src: Path) -> None:
    (src / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(40)))


def test_tree_is_mirrored_with_the_format_suffix(runner, clippings, tmp_path):
    out = tmp_path / "clean"
    result = runner.invoke(cli, ["batch", str(clippings), str(out), "--recursive", "-j", "1"])
    assert result.exit_code == 0, result.output
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert outputs == ["2024/may/crlf.json", "credit-line.json", "no-captions.json", "seed-layout.json"]
    data = json.loads((out / "seed-layout.json").read_text(encoding="utf-8"))
    validate(data)
    assert data["source"] == "seed-layout.txt"
    expected = json.loads((SAMPLES / "seed-layout.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in data.items() if k != "source"} == expected
    assert "files cleaned" in result.stderr and result.stdout == ""


def test_sub_folders_are_searched_by_default(runner, clippings, tmp_path):
    out = tmp_path / "clean"
    assert runner.invoke(cli, ["batch", str(clippings), str(out), "-q"]).exit_code == 0
    assert (out / "2024" / "may" / "crlf.json").exists()
    assert len(list(out.rglob("*.json"))) == 4


def test_no_recursive_stays_in_the_top_folder(runner, clippings, tmp_path):
    out = tmp_path / "clean"
    assert runner.invoke(cli, ["batch", str(clippings), str(out), "--no-recursive", "-q"]).exit_code == 0
    assert not (out / "2024").exists()
    assert len(list(out.glob("*.json"))) == 3


def test_a_folder_with_nothing_to_clean_is_an_error_that_says_what_was_searched(runner, tmp_path):
    src = tmp_path / "clippings"
    (src / "deep").mkdir(parents=True)
    (src / "deep" / "notes.md").write_text("Not a clipping by the default glob.\n")
    result = runner.invoke(cli, ["batch", str(src), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"Error: nothing to clean: no file matching *.txt, *.html, *.htm, *.txt.gz, *.html.gz, *.htm.gz (and no WARC file) in {str(src)!r} "
        "and its sub-folders"]
    only_top = runner.invoke(cli, ["batch", str(src), str(tmp_path / "out"), "--no-recursive", "-g", "*.md"])
    assert only_top.exit_code == 1 and "not its sub-folders" in only_top.stderr


def test_markdown_outputs(runner, clippings, tmp_path):
    out = tmp_path / "md"
    assert runner.invoke(cli, ["batch", str(clippings), str(out), "-f", "md", "-q"]).exit_code == 0
    assert (out / "seed-layout.md").read_text(encoding="utf-8").startswith("# Harbour town")


def test_jsonl_is_one_file_one_record_per_clipping_in_input_order(runner, clippings, tmp_path):
    out = tmp_path / "all.jsonl"
    result = runner.invoke(cli, ["batch", str(clippings), str(out), "-f", "jsonl", "-r", "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == ["credit-line.txt", "no-captions.txt", "seed-layout.txt",
                                             "2024/may/crlf.txt"]
    for record in records:
        validate(record)


def test_a_failing_file_is_reported_and_the_run_goes_on(runner, clippings, tmp_path):
    add_binary(clippings)
    out = tmp_path / "clean"
    result = runner.invoke(cli, ["batch", str(clippings), str(out)])
    assert result.exit_code == 1
    assert "broken.txt: input looks binary" in result.stderr
    assert len(list(out.glob("*.json"))) == 3
    errors = [json.loads(line) for line in (out / "newsclip-errors.jsonl").read_text().splitlines()]
    assert errors == [{"source": "broken.txt", "error": "input looks binary, not text"}]


def test_results_do_not_depend_on_jobs(runner, clippings, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(cli, ["batch", str(clippings), str(one), "-f", "jsonl", "-r", "-j", "1", "-q"]).exit_code == 0
    assert runner.invoke(cli, ["batch", str(clippings), str(two), "-f", "jsonl", "-r", "-j", "2", "-q"]).exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_chunked_workers_keep_input_order_among_skipped_and_failed_files(runner, clippings, tmp_path):
    # Enough files for chunks of several clippings, with a failing file and, on the rerun, files
    # already done between them: the JSONL and the errors come out the same as with one process.
    samples = sorted(SAMPLES.glob("*.txt"))
    for i in range(60):
        shutil.copy(samples[i % len(samples)], clippings / f"{i:03d}.txt")
    add_binary(clippings)
    # The top folder only: sources in name order (the sample in a sub-folder would come last).
    def run(out, jobs, *more):
        return runner.invoke(cli, ["batch", str(clippings), str(out), "-f", "jsonl", "-j", jobs, "-q", "-R", *more])

    assert run(tmp_path / "one.jsonl", "1").exit_code == 1
    two = tmp_path / "two.jsonl"
    assert run(two, "2").exit_code == 1
    assert two.read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    for i in range(0, 60, 7):
        (clippings / f"{i:03d}.txt").write_text(f"Headline {i} changed\n\nA paragraph of text, edited later on.\n")
    assert run(two, "2").exit_code == 1
    rerun_one = run(tmp_path / "one.jsonl", "1", "--force")
    assert rerun_one.exit_code == 1
    assert two.read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    sources = [json.loads(line)["source"] for line in two.read_text(encoding="utf-8").splitlines()]
    assert sources == sorted(sources) and len(sources) == 63 and "broken.txt" not in sources
    errors = (tmp_path / "two.jsonl.errors.jsonl").read_text(encoding="utf-8")
    assert json.loads(errors)["source"] == "broken.txt"
    # The results themselves (what progress and the summary see) arrive in input order too.
    config = BatchConfig(clippings, tmp_path / "three", recursive=False)
    assert [r.source for r in run_batch(config, jobs=2)] == sorted(p.name for p in clippings.glob("*.txt"))
    statuses = [r.status for r in run_batch(config, jobs=2)]
    assert statuses.count("skipped") == 63 and statuses.count("failed") == 1


def test_rerun_skips_done_and_unchanged_clippings(runner, clippings, tmp_path):
    out = tmp_path / "clean"
    assert runner.invoke(cli, ["batch", str(clippings), str(out), "-q"]).exit_code == 0
    (clippings / "no-captions.txt").write_text("Changed headline here\n\nA new paragraph of text, edited later.\n")
    result = runner.invoke(cli, ["batch", str(clippings), str(out)])
    assert result.exit_code == 0
    assert _row(result.stderr, "files cleaned") == 1 and _row(result.stderr, "skipped") == 3
    assert json.loads((out / "no-captions.json").read_text())["title"] == "Changed headline here"
    forced = runner.invoke(cli, ["batch", str(clippings), str(out), "--force"])
    assert _row(forced.stderr, "files cleaned") == 4


def test_resume_after_a_killed_run(runner, clippings, tmp_path):
    """Simulate a kill: one output recorded in the manifest, one output written but not recorded,
    and a half-written temp file. The rerun redoes all but the recorded one and leaves no temp."""
    out = tmp_path / "clean"
    assert runner.invoke(cli, ["batch", str(clippings), str(out), "-q"]).exit_code == 0
    manifest = (out / MANIFEST_NAME).read_text().splitlines()
    kept = [line for line in manifest if '"credit-line.txt"' in line]
    (out / MANIFEST_NAME).write_text(kept[0] + "\n" + '{"source": "no-capt')  # cut short by the kill
    (out / ("seed-layout.json" + TMP_SUFFIX)).write_text('{"title": "half')
    result = runner.invoke(cli, ["batch", str(clippings), str(out)])
    assert result.exit_code == 0
    assert _row(result.stderr, "skipped") == 1 and _row(result.stderr, "files cleaned") == 3
    assert not list(out.rglob(f"*{TMP_SUFFIX}"))
    validate(json.loads((out / "seed-layout.json").read_text(encoding="utf-8")))


def test_output_equal_to_input_is_refused(runner, clippings):
    result = runner.invoke(cli, ["batch", str(clippings), str(clippings)])
    assert result.exit_code == 2
    assert "output folder is the input folder" in result.stderr
    assert sorted(p.name for p in clippings.iterdir()) == ["2024", "credit-line.txt", "no-captions.txt", "notes.md",
                                                           "seed-layout.txt"]


def test_output_inside_input_is_never_read_back(runner, clippings):
    out = clippings / "clean"
    for _ in range(2):
        result = runner.invoke(cli, ["batch", str(clippings), str(out), "-r", "-f", "text"])
        assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "2024/may/crlf.txt", "credit-line.txt", "no-captions.txt", "seed-layout.txt"]


def test_an_output_that_links_to_its_input_is_a_failure_not_an_overwrite(runner, clippings, tmp_path):
    # A sub-folder of the output tree that is a symlink into the input tree: "md/seed-layout.md" in
    # the output would be the input itself.
    src = tmp_path / "notes"
    (src / "md").mkdir(parents=True)
    (src / "md" / "seed-layout.md").write_text("Storm hits coast\n\nHomes were flooded as the storm came ashore.\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "md").symlink_to(src / "md", target_is_directory=True)
    before = (src / "md" / "seed-layout.md").read_bytes()
    result = runner.invoke(cli, ["batch", str(src), str(out), "-r", "-g", "*.md", "-f", "md", "-q"])
    assert result.exit_code == 1
    assert "the output would overwrite the input" in result.stderr
    assert (src / "md" / "seed-layout.md").read_bytes() == before


def test_missing_input_folder_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["batch", str(tmp_path / "nope"), str(tmp_path / "out")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_glob_selects_files(runner, clippings, tmp_path):
    out = tmp_path / "clean"
    assert runner.invoke(cli, ["batch", str(clippings), str(out), "--glob", "seed-*.txt", "-q"]).exit_code == 0
    assert [p.name for p in out.glob("*.json")] == ["seed-layout.json"]


def _row(summary: str, label: str) -> int:
    line = next(line for line in summary.splitlines() if label in line)
    return int(line.split("│")[2].strip())


def test_ctrl_c_ends_with_the_summary_and_a_rerun_resumes(tmp_path):
    """A real interrupt: the batch stops with its summary so far and exit 130, no traceback; the
    same command then skips what was done."""
    import signal
    import subprocess
    import sys
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = (SAMPLES / "whole-page.txt").read_bytes()
    for i in range(2000):
        (src / f"{i:05d}.txt").write_bytes(text)
    cmd = [sys.executable, "-m", "newsclip", "batch", str(src), str(out), "-j", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not (out / MANIFEST_NAME).exists():
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    assert stdout == b""
    assert b"Traceback" not in stderr and b"interrupted" in stderr and b"files cleaned" in stderr
    done = len((out / MANIFEST_NAME).read_text().splitlines())
    assert 0 < done < 2000
    again = subprocess.run(cmd, capture_output=True, timeout=600)
    assert again.returncode == 0
    summary = again.stderr.decode()
    assert _row(summary, "skipped") == done and _row(summary, "files cleaned") == 2000 - done


def test_gzipped_clippings_are_cleaned_and_named_without_gz(runner, clippings, tmp_path):
    (clippings / "packed.txt.gz").write_bytes(gzip.compress((SAMPLES / "seed-layout.txt").read_bytes()))
    (clippings / "page.html.gz").write_bytes(gzip.compress((SAMPLES / "museum-page.html").read_bytes()))
    out = tmp_path / "clean"
    result = runner.invoke(cli, ["batch", str(clippings), str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    packed = json.loads((out / "packed.json").read_text(encoding="utf-8"))
    plain = json.loads((out / "seed-layout.json").read_text(encoding="utf-8"))
    assert packed["source"] == "packed.txt.gz"
    assert {k: v for k, v in packed.items() if k != "source"} == {k: v for k, v in plain.items() if k != "source"}
    page = json.loads((out / "page.json").read_text(encoding="utf-8"))
    expected = json.loads((SAMPLES / "museum-page.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in page.items() if k != "source"} == {k: v for k, v in expected.items() if k != "source"}
