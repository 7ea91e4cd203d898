PY := .venv/bin/python

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/'

run:  ## install, migrate, load the demo and serve on 127.0.0.1:8000
	python3 dev.py run

test:  ## install and run the whole test suite
	python3 dev.py test

lint:  ## ruff, format check and the import contract (rules/ stays free of Django)
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/lint-imports

format:  ## format the code
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

bench:  ## run the benchmarks (figures go to bench/RESULTS.md by hand)
	$(PY) bench/catalog_import.py
	$(PY) -m bench.pii.run
	$(PY) bench/reports/region_summary.py
	$(PY) -m bench.portal.run

reset-demo:  ## rebuild the demo data from scratch
	python3 dev.py demo

.PHONY: help run test lint format bench reset-demo
