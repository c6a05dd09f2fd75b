"""slagen serve answers only requests meant for the loopback preview, and never with a traceback.

Raw HTTP over a socket to a real ``slagen serve`` process: a DNS rebinding page
sends its own host name in ``Host``; odd request targets must be 400/404.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

from tests.test_authoring_serve import served_repo  # noqa: F401  (the fixture)


def _raw(base: str, target: str, host: str | None) -> tuple[int, bytes]:
    parts = urlsplit(base)
    assert parts.port is not None
    request = f"GET {target} HTTP/1.1\r\n"
    if host is not None:
        request += f"Host: {host}\r\n"
    request += "Connection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", parts.port), timeout=30) as sock:
        sock.sendall(request.encode("latin-1"))
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    status = int(answer.split(b" ", 2)[1])
    return status, answer


def test_dns_rebinding_host_is_refused(served_repo: tuple[Path, str]) -> None:  # noqa: F811
    _repo, base = served_repo
    port = urlsplit(base).port
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1:1", "localhost.evil.example"):
        status, answer = _raw(base, "/view/acme-sla.yaml", host)
        assert status == 400, (host, answer[:200])
        assert b"Marketing" not in answer
    assert _raw(base, "/", None)[0] == 400  # HTTP/1.1 without Host
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        status, answer = _raw(base, "/view/acme-sla.yaml", host)
        assert status == 200 and b"Marketing" in answer, host


def test_odd_targets_are_400_or_404_without_traceback(
    served_repo: tuple[Path, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    repo, base = served_repo
    host = f"127.0.0.1:{urlsplit(base).port}"
    secret = tmp_path / "outside.yaml"
    secret.write_text("slagen: 1\nid: secret-outside\n", encoding="utf-8")
    os.symlink(secret, repo / "agreements" / "link-out.yaml")
    expected = {
        f"http://{host}/view/acme-sla.yaml": 400,  # absolute-form
        "//evil.example/": 404,  # http.server folds the leading slashes: just a path
        "*": 400,
        "/view/acme-sla.yaml%00.yaml": 400,
        "/view/%00": 400,
        "/view/" + "a" * 5000 + ".yaml": 404,
        "/version?file=" + "a" * 5000: 404,
        "/view/link-out.yaml": 404,
        "/view/../../../etc/passwd": 404,
        "/view/%2e%2e/%2e%2e/etc/hostname": 404,
    }
    for target, code in expected.items():
        status, answer = _raw(base, target, host)
        assert status == code, (target[:60], answer[:300])
        assert b"Traceback" not in answer and b"secret-outside" not in answer
    status, index = _raw(base, "/", host)  # the symlink out does not break the index
    assert status == 200 and b"acme-sla.yaml" in index and b"link-out" not in index
