"""Portal speed bench (issue 6): gunicorn on loopback under load; see bench/portal/README.md."""
