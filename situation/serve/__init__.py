"""Serving a team: what a long-running server needs beyond one page, with no Streamlit.

- `watch`: live reload; the last good model of every file and what is wrong with it now; `file_events`: the
  kernel's word that a save is complete (inotify), with polling where events do not arrive; `heap`: a version's
  objects frozen out of the garbage collector's full walks once it is on show.
- who may open the dashboard, and which situations each person sees, a module per job:

      secrets.toml ─ signin_settings ─▶ AccessSettings ─┬─ nothing set up: a local run, everyone sees everything
                                                        ├─ [auth]: Streamlit's OpenID Connect sign-in ─ sessions ─▶ identity
                                                        └─ [signin.users]: a name and password ─ sessions.attempt ─▶ identity
      identity ─ allow_list ─▶ the situations this person may see ─▶ the picker and every page

  `signin_settings` reads secrets.toml and fails closed; `passwords` makes and checks argon2id hashes; `limiter`
  slows wrong passwords per user name and address; `sessions` decides one try, a provider's identity and when a
  sign-in ends; `allow_list` keeps each person to their situations. `situation/ui/signin.py` lays them out.

Imports: every layer below it (`model`, `load`, `views`, `exports`) and itself; never `situation.ui`.
"""
