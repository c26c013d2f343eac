"""Test-side tooling: the browser, the audits and the screenshots (never shipped with the site)."""
