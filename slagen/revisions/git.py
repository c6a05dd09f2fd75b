"""Reading agreement versions: a file in the working tree, or ``REV:PATH`` from git.

Git is run as a subprocess (``git cat-file blob REV:PATH``, what ``git show`` prints), never through a library:
whatever git the user has — with its config, worktrees and shallow clones —
is the one that answers. A revision git does not have is a :class:`UserError`
that says how to get it; in a shallow clone (CI checkouts fetch one commit by
default) the hint names ``git fetch --deepen`` and ``fetch-depth: 0``.

Stage: revisions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from slagen.core.errors import FileAccessError, UserError
from slagen.core.records import Record, record

if TYPE_CHECKING:
    import subprocess  # imported when git runs: a diff of two files needs none of it

__all__ = ["Source", "git_toplevel", "read_git", "read_source", "split_rev_path"]

GIT_TIMEOUT = 30  # seconds; a local `git show` takes milliseconds


@record
class Source(Record):
    """One version of an agreement: its text and a name for messages.

    ``rev`` is the git revision it came from, ``None`` for a file on disk.
    """

    name: str
    text: bytes
    path: str
    rev: str | None = None


def split_rev_path(spec: str) -> tuple[str | None, str]:
    """``"v1:agreements/a.yaml"`` → ``("v1", "agreements/a.yaml")``; a plain path → ``(None, path)``.

    A name that exists on disk is always a path, so a file whose name holds a
    colon still works; ``C:\\…`` drive letters are paths too.
    """
    if ":" not in spec or Path(spec).exists():
        return None, spec
    rev, _, path = spec.partition(":")
    if not rev or (len(rev) == 1 and rev.isalpha() and path.startswith(("\\", "/"))):
        return None, spec
    return rev, path


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    import subprocess

    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANG="C")
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, env=env, check=False
        )
    except FileNotFoundError:
        raise UserError(
            "git is not installed or not on PATH",
            hint="install git, or compare two files: slagen diff OLD.yaml NEW.yaml",
        ) from None
    except subprocess.TimeoutExpired:
        raise UserError(f"git {' '.join(args)} did not answer within {GIT_TIMEOUT} s") from None


def _stderr(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else f"exit code {done.returncode}"


def git_toplevel(cwd: Path) -> Path:
    """The top folder of the repository containing ``cwd``.

    Raises:
        UserError: when ``cwd`` is not inside a git repository.
    """
    done = _git(["rev-parse", "--show-toplevel"], cwd)
    if done.returncode != 0:
        message = _stderr(done)
        if "not a git repository" not in message:  # e.g. "detected dubious ownership"
            raise UserError(f"git cannot read the repository at {cwd}: {message}")
        raise UserError(
            f"{cwd}: not inside a git repository",
            hint="run slagen from the repository, or compare two files: slagen diff OLD NEW",
        )
    return Path(done.stdout.decode("utf-8", "replace").strip())


def _is_shallow(cwd: Path) -> bool:
    done = _git(["rev-parse", "--is-shallow-repository"], cwd)
    return done.stdout.strip() == b"true"


def _missing_revision(rev: str, cwd: Path) -> UserError:
    if _is_shallow(cwd):
        return UserError(
            f"unknown git revision {rev!r}: this clone is shallow (only the latest commits were "
            "fetched), so the revision may exist but not be here",
            hint="fetch more history: git fetch --deepen=50 (or git fetch --unshallow); in GitHub "
            "Actions set `fetch-depth: 0` on actions/checkout",
        )
    hint = "check the name with git log --oneline or git tag"
    if "/" in rev:
        hint += f"; a remote branch may need fetching first: git fetch {rev.replace('/', ' ', 1)}"
    return UserError(f"unknown git revision {rev!r}", hint=hint)


def _repo_path(path: str, cwd: Path) -> str:
    """``path`` as git's ``REV:`` syntax wants it: relative to the current folder with ``./``."""
    p = Path(path)
    if p.is_absolute():
        top = git_toplevel(cwd)
        try:
            return p.resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            raise UserError(f"{path} is outside the git repository at {top}") from None
    text = p.as_posix()
    return text if text.startswith(("./", "../")) else "./" + text


def read_git(rev: str, path: str, *, cwd: str | Path | None = None) -> Source:
    """The text of ``path`` as it was in revision ``rev``.

    Raises:
        UserError: not a repository, an unknown revision (with a hint for
            shallow clones), or a file that does not exist in that revision.
    """
    where = Path(cwd) if cwd is not None else Path.cwd()
    git_toplevel(where)
    check = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], where
    )
    if check.returncode != 0:
        raise _missing_revision(rev, where)
    spec = f"{rev}:{_repo_path(path, where)}"
    done = _git(["cat-file", "blob", spec], where)  # a blob only: never a tree listing
    if done.returncode != 0:
        message = _stderr(done)
        if message.endswith("bad file"):
            raise FileAccessError(f"{path} is a folder in revision {rev}, not an agreement file")
        if "does not exist" not in message and "exists on disk, but not in" not in message:
            raise UserError(f"git cat-file blob {spec} failed: {message}")
        raise FileAccessError(
            f"{path} does not exist in revision {rev}",
            hint="the file may have been added later or renamed; name the old path as REV:OLD_PATH",
        )
    return Source(name=f"{rev}:{path}", text=done.stdout, path=path, rev=rev)


def read_source(spec: str, *, rev: str | None = None, cwd: str | Path | None = None) -> Source:
    """A file on disk, ``REV:PATH``, or ``path`` at ``rev`` when ``rev`` is given.

    Raises:
        FileAccessError: a file that cannot be read.
        UserError: as :func:`read_git`.
    """
    spec_rev, path = split_rev_path(spec)
    if spec_rev is not None and rev is not None:
        raise UserError(
            f"{spec} already names a revision; leave out --from/--to or the REV: prefix"
        )
    rev = rev or spec_rev
    if rev is not None:
        return read_git(rev, path, cwd=cwd)
    file = Path(cwd, path) if cwd is not None else Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise FileAccessError(
            f"{path}: no such file", hint="check the path, or name a revision as REV:PATH"
        ) from None
    except IsADirectoryError:
        raise FileAccessError(f"{path}: is a folder, not an agreement file") from None
    except OSError as exc:
        raise FileAccessError(f"{path}: cannot read ({exc.strerror})") from None
    return Source(name=path, text=data, path=path)
