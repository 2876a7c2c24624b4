"""Several replicas of the app behind nginx on loopback, as a council would host it.

``make serve REPLICAS=2`` starts that many ``streamlit run app.py`` processes on free loopback
ports and nginx in front of them with the production set-up's sticky sessions and proxy
settings (``deploy/sticky-sessions.conf`` and ``deploy/proxy.conf``, the files
``deploy/nginx.conf`` includes), without TLS. A Streamlit session lives in one process's
memory, so the proxy keeps each visitor on one replica with a cookie. ``make loadtest
REPLICAS=2`` drives the same set-up.

Usage: python -m scripts.serve [--replicas 2] [--port 8501]
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.browser.harness import Served, free_port, read_output, serve_app, wait_until_healthy

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
MAX_REPLICAS = 8
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# As deploy/nginx.conf sets it, less `Secure`: loopback has no TLS.
COOKIE = "incentives_replica=$replica_key; Path=/; HttpOnly; SameSite=Lax"


@dataclass(frozen=True)
class Cluster:
    """Replicas behind a proxy: the address visitors use, and each replica."""

    url: str
    replicas: tuple[Served, ...]

    def memory_bytes(self) -> int:
        """Resident memory of every replica together (the proxy's few MB left out)."""
        return sum(replica.memory_bytes() for replica in self.replicas)


def nginx_config(port: int, replica_ports: Sequence[int], work: Path) -> str:
    """An nginx configuration for loopback: the production proxy settings, plain HTTP."""
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;" for p in replica_ports
    )
    temp = "\n".join(
        f"    {kind}_temp_path {work / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
worker_processes 1;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
{temp}
    include {DEPLOY / "sticky-sessions.conf"};
    upstream incentives {{
        hash $replica_key consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 2m;
        large_client_header_buffers 4 32k;
        location / {{
            include {DEPLOY / "proxy.conf"};
            add_header Set-Cookie "{COOKIE}" always;
        }}
    }}
}}
"""


@contextlib.contextmanager
def serve_replicas(count: int, *extra: str, port: int | None = None) -> Iterator[Cluster]:
    """Start ``count`` replicas and nginx in front; yield once the proxy answers."""
    count = max(1, min(count, MAX_REPLICAS))
    with contextlib.ExitStack() as stack:
        replicas = tuple(stack.enter_context(serve_app(*extra)) for _ in range(count))
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="incentives-nginx-")))
        port = port or free_port()
        replica_ports = [int(replica.url.rsplit(":", 1)[1]) for replica in replicas]
        (work / "nginx.conf").write_text(nginx_config(port, replica_ports, work))
        proxy = subprocess.Popen(
            [NGINX, "-p", str(work), "-c", str(work / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        stack.callback(_stop, proxy)
        url = f"http://127.0.0.1:{port}"
        log = work / "error.log"
        wait_until_healthy(
            url, proxy, "nginx", lambda: read_output(proxy.stderr) + _logged(log), timeout=20
        )
        yield Cluster(url, replicas)


def _logged(log: Path) -> str:
    return log.read_text() if log.exists() else ""


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501)
    arguments = parser.parse_args()
    with serve_replicas(arguments.replicas, port=arguments.port) as cluster:
        print(f"{len(cluster.replicas)} replicas behind nginx: {cluster.url}  (Ctrl-C stops)")
        for replica in cluster.replicas:
            print(f"  replica {replica.url} (process {replica.process.pid})")
        with contextlib.suppress(KeyboardInterrupt):
            while all(replica.process.poll() is None for replica in cluster.replicas):
                time.sleep(1)


if __name__ == "__main__":
    main()
