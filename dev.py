"""Bootstrap for a bare machine with Python 3.11: `python3 dev.py run` or `python3 dev.py test`.

It creates .venv, installs the locked dependencies, then hands over to the venv's Python.
Everything after the install is an ordinary Django or pytest command.
"""

import hashlib
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
LOCKS = {"run": ROOT / "requirements" / "base.txt", "test": ROOT / "requirements" / "dev.txt"}
USAGE = """usage: python3 dev.py COMMAND [ARGS...]
  run     install, migrate SQLite, load the demo region and serve on http://127.0.0.1:8000
  test    install and run the whole test suite (pytest ARGS are passed on)
  demo    (re)load the demo data only
"""


def ensure_env(lock: Path) -> None:
    if sys.version_info < (3, 11):
        sys.exit("Gongkai needs Python 3.11 or newer.")
    if not PY.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{lock.stem}"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Installing locked dependencies from {lock.relative_to(ROOT)} ...", flush=True)
    subprocess.run(
        [
            str(PY),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--require-hashes",
            "-r",
            str(lock),
        ],
        check=True,
    )
    stamp.write_text(digest)


def manage(*args: str, env: dict | None = None) -> None:
    subprocess.run([str(PY), str(ROOT / "manage.py"), *args], check=True, cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "demo"}:
        print(USAGE)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env(LOCKS["test" if command == "test" else "run"])
    if command == "test":
        return subprocess.run([str(PY), "-m", "pytest", *rest], cwd=ROOT).returncode
    manage("migrate", "--noinput", "-v", "0")
    manage("load_demo", *(["--reset"] if command == "demo" else []))
    if command == "demo":
        return 0
    manage("collectstatic", "--noinput", "-v", "0")
    manage("print_welcome")
    # Pages in one process; background tasks in another; a clock that enqueues the periodic jobs.
    helpers = [
        subprocess.Popen([str(PY), str(ROOT / "manage.py"), *args], cwd=ROOT)
        for args in (
            ("db_worker", "--no-reload", "-v", "0"),
            ("run_periodic_jobs", "-v", "0"),
        )
    ]
    try:
        return subprocess.run(
            [str(PY), str(ROOT / "manage.py"), "runserver", "127.0.0.1:8000", *rest], cwd=ROOT
        ).returncode
    except KeyboardInterrupt:
        return 0
    finally:
        for helper in helpers:
            helper.terminate()
        for helper in helpers:
            helper.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
