"""``slagen serve``: a local preview of every agreement as HTML, refreshed on change.

A standard-library ``ThreadingHTTPServer``, on the loopback interface unless
told otherwise. Routes:

- ``/`` lists the agreements;
- ``/view/<path>`` renders one agreement with :func:`slagen.documents.render.render_html`,
  or, when it is invalid or fails to render, a page listing the findings
  (escaped), never a crash;
- ``/version?file=<path>`` is a hash of what the page depends on: the YAML
  bytes, the templates (slagen's and the overrides, by name, size and mtime)
  and ``slagen.toml``. Each page polls it and reloads when it changes;
  ``/version`` without ``file`` covers the list of agreements, for the index.

Drafts are private until merged, so the server answers only requests meant
for it: a ``Host`` header naming the loopback interface (``127.0.0.1``,
``localhost``, ``[::1]``, with the port) — any other name is how a DNS
rebinding page would read drafts — and an origin-form target (``/path``).
Anything else is a 400; a path that cannot name an agreement (a NUL, a
component too long for the file system, a symlink out of the folder) is a
404. No request ever produces a traceback.

Stage: authoring.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import threading
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from slagen.config import Config, load_config
from slagen.core.errors import AgreementError, UserError
from slagen.core.resources import templates_dir as shipped_templates_dir
from slagen.core.validate import collect_agreement_files, validate_file

__all__ = ["LOOPBACK_HOSTS", "PreviewServer", "make_server"]

LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")
POLL_MS = 500
MAX_COMPONENT = 255  # longer than any file name on Linux, macOS or Windows

_RELOAD_SCRIPT = """
<script id="slagen-live-reload">
(function () {
  var url = %(url)s, seen = %(version)s;
  function poll() {
    fetch(url, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (d) {
      if (d.version !== seen) { location.reload(); } else { setTimeout(poll, %(ms)d); }
    }).catch(function () { setTimeout(poll, %(ms)d * 4); });
  }
  setTimeout(poll, %(ms)d);
})();
</script>
"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%(title)s</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
.slagen-errors li { font-family: monospace; white-space: pre-wrap; margin: .4rem 0; color: #8a1c1c; }
.slagen-preview-bar { font: 13px system-ui, sans-serif; background: #fff3cd; padding: .3rem .6rem; }
</style></head>
<body>%(body)s</body></html>
"""


class PreviewServer(ThreadingHTTPServer):
    """The preview server; ``url`` is where it listens."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], agreements: Path, config: Config) -> None:
        self.agreements = agreements.resolve()
        self.config = config
        self.render_lock = threading.Lock()  # matplotlib and Jinja caches are not thread-safe
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """Drop the connection without a word (socketserver would print a traceback)."""

    def allowed_hosts(self) -> frozenset[str]:
        """The ``Host`` header values this server answers (lower case)."""
        host, port = str(self.server_address[0]), self.server_address[1]
        names = {"127.0.0.1", "localhost", "[::1]"}
        if host not in ("0.0.0.0", "::", ""):
            names.add(f"[{host}]" if ":" in host else host)
        allowed = {f"{name}:{port}" for name in names}
        if port == 80:
            allowed |= names
        return frozenset(allowed)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def agreement_files(self) -> list[Path]:
        """The agreements of the folder, without those a symlink takes outside it."""
        return [f for f in collect_agreement_files([self.agreements]) if self._inside(f)]

    def _inside(self, path: Path) -> bool:
        try:
            return path.resolve().is_relative_to(self.agreements)
        except (OSError, ValueError, RuntimeError):  # loops, NULs, names too long
            return False

    def resolve(self, relative: str) -> Path | None:
        """The agreement file ``relative`` names, only inside the agreements folder."""
        if "\0" in relative or any(len(c) > MAX_COMPONENT for c in relative.split("/")):
            return None
        try:
            candidate = (self.agreements / relative).resolve()
            if (
                candidate.is_relative_to(self.agreements)
                and candidate.suffix in (".yaml", ".yml")
                and candidate.is_file()
            ):
                return candidate
        except (OSError, ValueError, RuntimeError):  # see _inside
            return None
        return None

    def version(self, file: Path | None) -> str:
        digest = hashlib.sha256()
        for folder in (shipped_templates_dir(), self.config.templates):
            digest.update(_stat_digest(_files_under(folder)).encode())
        if self.config.path is not None:
            digest.update(_read(self.config.path))
        if file is None:
            digest.update(_stat_digest(self.agreement_files()).encode())
        else:
            digest.update(_read(file))
        return digest.hexdigest()[:16]


def make_server(
    folder: str | os.PathLike[str] = ".",
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    config: Config | None = None,
) -> PreviewServer:
    """A preview server for the agreements of ``folder`` (its ``agreements/`` when present).

    Raises:
        UsageError: a bad ``slagen.toml``.
        FileAccessError: ``folder`` does not exist.
        OSError: the port cannot be bound.
    """
    root = Path(folder)
    config = config or load_config(start=root)
    agreements = root / "agreements" if (root / "agreements").is_dir() else root
    collect_agreement_files([agreements])  # a clear error for a missing folder
    return PreviewServer((host, port), agreements, config)


def _files_under(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _stat_digest(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0missing"


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "slagen-serve"

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the command prints its own address; polling would flood the terminal

    def do_GET(self) -> None:
        try:
            problem = self._refusal()
            if problem is not None:
                self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", problem.encode())
                return
            self._route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away mid-response (a reload); nothing to answer

    def _refusal(self) -> str | None:
        """Why this request is not for us (a 400), or None."""
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.server.allowed_hosts():
            return "unexpected Host header: this preview answers only on the loopback address\n"
        if not self.path.startswith("/") or self.path.startswith("//"):
            return "only origin-form request targets (/path) are served\n"
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in unquote(self.path)):
            return "control characters in the request target\n"
        return None

    def _route(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if parts.path == "/":
            self._send_html(self._index())
        elif parts.path == "/version":
            self._version(query.get("file", [None])[0])
        elif parts.path.startswith("/view/"):
            self._view(unquote(parts.path[len("/view/") :]))
        else:
            self._send_html(_page("Not found", "<h1>Not found</h1>"), HTTPStatus.NOT_FOUND)

    def _version(self, relative: str | None) -> None:
        file = None
        if relative is not None:
            file = self.server.resolve(relative)
            if file is None:
                self._send(
                    HTTPStatus.NOT_FOUND, "application/json", b'{"error": "no such agreement"}'
                )
                return
        body = json.dumps({"version": self.server.version(file)}).encode()
        self._send(HTTPStatus.OK, "application/json", body)

    def _index(self) -> str:
        version = self.server.version(None)
        items = []
        for file in self.server.agreement_files():
            relative = file.resolve().relative_to(self.server.agreements).as_posix()
            items.append(f'<li><a href="/view/{quote(relative)}">{html.escape(relative)}</a></li>')
        listing = (
            "<ul>" + "".join(items) + "</ul>" if items else "<p>No agreements yet: slagen new</p>"
        )
        body = (
            f"<h1>slagen preview</h1><p>{html.escape(str(self.server.agreements))}</p>{listing}"
            + _reload_script("/version", version)
        )
        return _page("slagen preview", body)

    def _view(self, relative: str) -> None:
        file = self.server.resolve(relative)
        if file is None:
            self._send_html(
                _page("Not found", f"<h1>No agreement {html.escape(relative)}</h1>"),
                HTTPStatus.NOT_FOUND,
            )
            return
        version = self.server.version(file)  # before reading: a change in between reloads once more
        script = _reload_script(f"/version?file={quote(relative)}", version)
        page = self._render(file, relative)
        head, found, tail = page.rpartition("</body>")
        self._send_html(head + script + found + tail if found else page + script)

    def _render(self, file: Path, relative: str) -> str:
        try:
            result = validate_file(file, display=relative)
            if result.errors or result.agreement is None or result.targets is None:
                return _error_page(relative, [f.format_text() for f in result.errors])
            from slagen.documents.render import render_html

            with self.server.render_lock:
                return render_html(
                    result.agreement, result.targets, templates_dir=self.server.config.templates
                )
        except AgreementError as exc:
            return _error_page(relative, [f.format_text() for f in exc.findings])
        except UserError as exc:
            return _error_page(
                relative, [exc.message + (f" (hint: {exc.hint})" if exc.hint else "")]
            )
        except Exception as exc:  # noqa: BLE001 - the page says it; the server goes on
            return _error_page(relative, [f"cannot render: {type(exc).__name__}: {exc}"])

    def _send_html(self, page: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self._send(status, "text/html; charset=utf-8", page.encode("utf-8"))

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _reload_script(url: str, version: str) -> str:
    return _RELOAD_SCRIPT % {"url": json.dumps(url), "version": json.dumps(version), "ms": POLL_MS}


def _page(title: str, body: str) -> str:
    return _PAGE % {"title": html.escape(title), "body": body}


def _error_page(relative: str, messages: list[str]) -> str:
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages) or "<li>invalid agreement</li>"
    body = (
        f'<p class="slagen-preview-bar"><a href="/">all agreements</a></p>'
        f'<h1 id="slagen-error-title">{html.escape(relative)} has errors</h1>'
        f'<p>Fix them and save: this page reloads by itself.</p><ul class="slagen-errors" id="slagen-errors">'
        f"{items}</ul>"
    )
    return _page(f"Errors in {relative}", body)
