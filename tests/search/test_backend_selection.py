"""Which search backend the settings choose: the database's own on PostgreSQL, tantivy otherwise."""

import os
import subprocess
import sys

import pytest

PRINT_BACKEND = (
    "import django; django.setup(); from gongkai.search.indexing import configured_backend_name; "
    "print(configured_backend_name())"
)


def _configured(**env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", *env)}
    environment.pop("GONGKAI_SEARCH_BACKEND", None)
    environment.update(env, DJANGO_SETTINGS_MODULE="gongkai.settings")
    done = subprocess.run(
        [sys.executable, "-c", PRINT_BACKEND],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "embedded"),
        ({"DATABASE_URL": "postgres://gongkai@127.0.0.1:5432/gongkai"}, "database"),
        (
            {
                "DATABASE_URL": "postgres://gongkai@127.0.0.1:5432/gongkai",
                "GONGKAI_SEARCH_BACKEND": "embedded",
            },
            "embedded",
        ),
        ({"GONGKAI_SEARCH_BACKEND": "database"}, "database"),
    ],
)
def test_postgresql_selects_the_database_backend(env, expected, tmp_path):
    assert _configured(GONGKAI_DATA_DIR=str(tmp_path), **env) == expected
