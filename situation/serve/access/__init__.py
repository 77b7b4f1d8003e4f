"""Who may open the dashboard, and which situations each person sees, a module per job:

    secrets.toml ─ settings ─▶ AccessSettings ─┬─ nothing set up: a local run, everyone sees everything
                                               ├─ [auth]: Streamlit's OpenID Connect sign-in ─ sessions ─▶ identity
                                               └─ [signin.users]: a name and password ─ sessions.attempt ─▶ identity
    identity ─ allow_list ─▶ the situations this person may see ─▶ the picker and every page
    identity ─ roles ─▶ editor (sees drafts), reviewer (publishes them) ─▶ situation.serve.review

`settings` reads secrets.toml and fails closed; `passwords` makes and checks argon2id hashes; `limiter` slows wrong
passwords per user name and address; `sessions` decides one try, a provider's identity and when a sign-in ends;
`allow_list` keeps each person to their situations; `roles` says who are editors and reviewers; `people` how a person is
named in both tables. `situation/ui/signin.py` lays them out.

Imports: the standard library, argon2 and itself only; never `situation.serve.live` (import-linter keeps the two apart).
"""
