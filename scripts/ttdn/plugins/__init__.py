"""The plugin adapters: the engine's events in, calls to ttdn's services out.

With `ttdn.engine` they are the only modules that import the engine (`mkdocs.*`, which
ProperDocs answers too). It comes first so that ProperDocs, when chosen, takes `mkdocs`'s place
before any plugin imports it.
"""

import ttdn.engine  # noqa: F401
