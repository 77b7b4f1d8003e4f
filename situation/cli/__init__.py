"""The command line, `python -m situation …`: the thin edge over every layer below it.

- `main`: the commands, their arguments and exit codes; it parses, calls the library, and never lets a traceback out.
- `report`: what a command prints, as text for people or JSON for machines, picked from one table.

Imports: any layer of `situation` except `situation.ui`.
"""
