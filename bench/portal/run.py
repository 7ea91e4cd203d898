"""Portal speed: gunicorn on loopback, driven by a load generator, for four public pages.

    flock /tmp/bench.lock .venv/bin/python -m bench.portal.run [--worker-class sync gthread]
        [--duration 10] [--connections 8] [--uncached] [--data-dir DIR]

Prepares a data directory with the demo region (migrate + load_demo; SQLite in a temporary
directory unless --data-dir or DATABASE_URL says otherwise), serves the app with gunicorn
(2 workers, DEBUG off, static files through WhiteNoise as in production) on 127.0.0.1 and a free
port, and drives the home page, a catalog item page, a document page and a search with `wrk`
(or a small Python load generator when wrk is not installed). Prints requests/s and p50/p99 per
page; asserts nothing. The load generator runs on the same machine as the server.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench.portal.load import Result, python_load, wrk_load  # noqa: E402

SEARCH_QUERY = "低保"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(data_dir: Path, *, cached: bool) -> dict:
    env = os.environ | {
        "GONGKAI_DATA_DIR": str(data_dir),
        "GONGKAI_DEBUG": "0",
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "gongkai.settings",
    }
    if not cached:
        env["GONGKAI_PAGE_CACHE_SECONDS"] = "0"
    return env


def prepare(data_dir: Path) -> dict[str, str]:
    """Migrate, load the demo region (skipped when there is data) and pick the pages' URLs."""
    env = server_env(data_dir, cached=True)
    python = sys.executable
    for args in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run([python, "manage.py", *args], cwd=ROOT, env=env, check=True)
    found = subprocess.run(
        [python, "-m", "bench.portal.pages"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    home, item, document = found.stdout.decode().split()
    return {
        "home": home,
        "item": item,
        "document": document,
        "search": f"/search/?q={quote(SEARCH_QUERY)}",
    }


def start_server(data_dir: Path, *, worker_class: str, workers: int, threads: int, cached: bool):
    port = free_port()
    log = open(data_dir / f"gunicorn-{worker_class}.log", "ab")  # noqa: SIM115
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "gongkai.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--worker-class={worker_class}",
        "--log-level=warning",
    ]
    if worker_class == "gthread":
        command.append(f"--threads={threads}")
    process = subprocess.Popen(
        command, cwd=ROOT, env=server_env(data_dir, cached=cached), stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=5).read()
            return process, base
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on {base}; see {log.name}")


def warm(base: str, urls: dict[str, str]) -> dict[str, int]:
    """Each page once (the first request of a worker fills its caches); the sizes in bytes."""
    sizes = {}
    for name, path in urls.items():
        for _ in range(3):
            with urllib.request.urlopen(base + path, timeout=30) as response:
                body = response.read()
                if response.status != 200:
                    raise SystemExit(f"{name} {path} answered {response.status}")
        sizes[name] = len(body)
    return sizes


def print_results(title: str, rows: list[tuple[str, str, int, Result]]) -> None:
    print(f"\n{title}")
    print(f"{'page':<9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'errors':>7}  url")
    for name, path, size, result in rows:
        print(
            f"{name:<9} {result.requests_per_second:8.1f} {result.p50_ms:8.2f} "
            f"{result.p99_ms:8.2f} {result.non_2xx:8d} {result.errors:7d}  {path} ({size:,} B)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="keep the data here (default: a temp dir)")
    parser.add_argument("--worker-class", nargs="+", default=["sync", "gthread"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--uncached", action="store_true", help="also run without the page cache")
    parser.add_argument("--python-load", action="store_true", help="ignore wrk")
    args = parser.parse_args()

    temporary = args.data_dir is None
    data_dir = (
        Path(tempfile.mkdtemp(prefix="gongkai-portal-bench-")) if temporary else args.data_dir
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    wrk = None if args.python_load else shutil.which("wrk")
    database = "DATABASE_URL" if os.environ.get("DATABASE_URL") else "SQLite"
    try:
        started = time.perf_counter()
        urls = prepare(data_dir)
        print(
            f"data: demo region in {data_dir} ({database}), ready in "
            f"{time.perf_counter() - started:.1f} s"
        )
        print(
            f"load: {'wrk ' + wrk if wrk else 'Python load generator'}, "
            f"{args.connections} connections, {args.duration} s per page, on the same machine "
            f"as the server ({os.cpu_count()} cores); load average before: "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        modes = [(cls, True) for cls in args.worker_class]
        if args.uncached:
            modes += [(cls, False) for cls in args.worker_class]
        for worker_class, cached in modes:
            process, base = start_server(
                data_dir,
                worker_class=worker_class,
                workers=args.workers,
                threads=args.threads,
                cached=cached,
            )
            try:
                sizes = warm(base, urls)
                rows = []
                for name, path in urls.items():
                    run = wrk_load if wrk else python_load
                    result = run(base + path, connections=args.connections, seconds=args.duration)
                    rows.append((name, path, sizes[name], result))
            finally:
                process.terminate()
                process.wait(timeout=30)
            threads = f" × {args.threads} threads" if worker_class == "gthread" else ""
            cache = "page cache on" if cached else "page cache OFF"
            print_results(
                f"gunicorn {args.workers} {worker_class} workers{threads}, {cache}:", rows
            )
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if temporary:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
