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


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads any file")
def test_permission_denied(runner, tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    path.chmod(0)
    result = runner.invoke(cli, ["clean", str(path)])
    assert result.exit_code == 1 and "Permission denied" in result.stderr


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


def test_closed_pipe_is_silent(tmp_path):
    # The reader goes away before newsclip writes (as `newsclip clean big.txt | head -1` does once
    # head has its line): no traceback, no message, exit 141 as for a process killed by SIGPIPE.
    proc = subprocess.Popen([sys.executable, "-m", "newsclip", "clean", str(_big_input(tmp_path))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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
