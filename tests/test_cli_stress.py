"""The command line under stress: odd paths, unreadable files, a closed pipe, Ctrl-C.

The pipe and Ctrl-C need a real process; everything else goes through CliRunner.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from newsclip.cli import cli

STORY = "Storm closes coastal road\n\nThe council closed the coast road on Monday after the storm, officials said.\n"


@pytest.mark.parametrize("name", ["with spaces.txt", "new\nline.txt", "ünïcode ✓.txt"])
def test_odd_file_names_work(runner, tmp_path, name):
    path = tmp_path / name
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(cli, ["clean", str(path), "-f", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Storm closes coastal road")


def test_missing_odd_name_error_stays_on_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["clean", str(tmp_path / "no\nsuch file.txt")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "\\n" in result.stderr


def test_permission_denied(runner, tmp_path, monkeypatch):
    # Made to happen whoever runs the tests (root reads a file whatever its mode).
    path = tmp_path / "secret.txt"
    path.write_text(STORY)

    def refuse(name, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr("builtins.open", refuse)
    result = runner.invoke(cli, ["clean", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"Error: cannot read {str(path)!r}: Permission denied\n"


def test_undecodable_with_forced_encoding_is_one_line(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café\n".encode("latin-1"))
    result = runner.invoke(cli, ["clean", str(path), "--encoding", "utf-8"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "not valid utf-8" in result.stderr


def test_whitespace_only_input(runner):
    result = runner.invoke(cli, ["clean", "-f", "text"], input=" \n\t\n\u00a0\n")
    assert result.exit_code == 0 and result.stdout == ""


def _big_input(tmp_path, paragraphs=150_000):
    path = tmp_path / "big.txt"
    path.write_text("Headline of a long story\n\n" + "The council met on Monday and voted to close the old bridge.\n\n"
                    * paragraphs, encoding="utf-8")
    return path


@pytest.mark.parametrize("command, lines_read", [
    (["clean"], 0), (["clean"], 1), (["clean", "-f", "text"], 1), (["explain", "-f", "jsonl"], 1),
])
def test_closed_pipe_is_silent(tmp_path, command, lines_read):
    # The reader goes away before newsclip writes, or after its first line while newsclip is still
    # writing (as `newsclip clean big.txt | head -1` does): no traceback, no message, exit 141 as for
    # a process killed by SIGPIPE, never 0 with the output cut short.
    proc = subprocess.Popen([sys.executable, "-m", "newsclip", *command, str(_big_input(tmp_path))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(lines_read):
        assert proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert stderr == b""


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "newsclip", "clean", str(_big_input(tmp_path, 400_000))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 130
    assert stderr.strip() == "newsclip: interrupted"  # click first ends the terminal's "^C" line


def test_closed_stdin_or_stdout_is_one_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    closed_out = subprocess.run([sys.executable, "-m", "newsclip", "clean", str(story)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: os.close(1))
    closed_in = subprocess.run([sys.executable, "-m", "newsclip", "clean"], capture_output=True, text=True,
                               preexec_fn=lambda: os.close(0))
    assert (closed_out.returncode, closed_out.stderr) == (1, "Error: cannot write the output: stdout is closed\n")
    assert (closed_in.returncode, closed_in.stdout) == (1, "")
    assert closed_in.stderr == "Error: cannot read stdin: it is closed; name a FILE\n"


def test_a_full_disk_is_one_line_and_exit_1(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "newsclip", "clean", str(story)], stdout=full,
                                stderr=subprocess.PIPE, text=True)
    assert (result.returncode, result.stderr) == (1, "Error: No space left on device\n")
