"""Loading the bundled content from the YAML files in fixtures/.

The top layer: it reads, validates and writes into every domain app
(organisation, legal, policies, strategies, goals, search), and nothing below
imports it. `loading.load()` is the entry point; the `load_content` command
wraps it.
"""
