"""The tests mirror the package: the tests of `situation/<layer>/<module>.py` are in `tests/<layer>/test_<module>.py`.

Beside those: `cli/` calls the command line as a user would, `app/` runs the real pages with Streamlit's
AppTest, `browser/` drives Debian's Chromium against a real server (and nginx), `seeds/` checks the shipped
situation against its article. `cases/valid` and `cases/invalid` are fixture files; each invalid one states the
problems it must get (`# expect: LINE:COL code`). `paths.py` says where things are.
"""
