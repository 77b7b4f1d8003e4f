"""The serving files say what docs/serving.md says they do: server settings, the example secrets, CI's packages.

The running proof is in tests/browser/test_serving.py (nginx) and tests/browser/test_signin.py (sign-in); these are the
quick checks that the files themselves stay right.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from typing import Any

import argon2
import pytest

from situation.serve.access.roles import Role
from situation.serve.access.settings import AccessError, settings_from
from tests.paths import ROOT

DEPLOY = ROOT / "deploy"
HASH = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash("correct horse battery")


def example() -> dict[str, Any]:
    return tomllib.loads((DEPLOY / "secrets.example.toml").read_text(encoding="utf-8"))


def filled_in(secrets: dict[str, Any]) -> dict[str, Any]:
    """The example as a team would fill it in."""
    auth = {
        key: ("x" * 40 if isinstance(value, str) and value.startswith("REPLACE") else value)
        for key, value in secrets["auth"].items()
    }
    return {**secrets, "auth": auth, "signin": {**secrets["signin"], "users": {"jo": HASH}}}


def test_server_settings() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["headless"] is True
    assert config["server"]["address"] == "127.0.0.1"  # only nginx, on the same machine, reaches it
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["runner"]["postScriptGC"] is False


def test_the_example_secrets_work_once_filled_in() -> None:
    settings = settings_from(filled_in(example()))
    assert settings.oidc_providers == ("default",)
    assert list(settings.users) == ["jo"]
    assert settings.limits.max_failures == 5 and settings.limits.window_seconds == 300
    assert settings.allow is not None
    assert settings.allow.allows("amina@example.org", "anything")
    assert settings.allow.allows("jo", "aleppo-2016-08") and not settings.allow.allows("jo", "idlib-2017")
    assert settings.allow.allows("sam@partner.example.org", "aleppo-2016-09")
    assert settings.roles.of("jo") == {Role.EDITOR, Role.REVIEWER}
    assert settings.roles.of("lena@ocha.example.org") == {Role.EDITOR}
    assert settings.roles.of("sam@partner.example.org") == frozenset()


def test_a_line_from_hash_password_appended_to_the_example_lands_in_signin_users() -> None:
    text = (DEPLOY / "secrets.example.toml").read_text(encoding="utf-8") + f'"amina" = "{HASH}"\n'
    assert tomllib.loads(text)["signin"]["users"] == {"amina": HASH}


def test_the_example_as_copied_is_refused_not_half_used() -> None:
    with pytest.raises(AccessError, match="REPLACE"):
        settings_from({**example(), "auth": {**example()["auth"], "cookie_secret": "y" * 40}})


def test_secrets_are_kept_out_of_git() -> None:
    assert not (DEPLOY / "secrets.toml").exists()
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", ".streamlit/secrets.toml"], cwd=ROOT, capture_output=True, check=False
    )
    assert ignored.returncode == 0, ".streamlit/secrets.toml must be in .gitignore"


def test_ci_installs_nginx() -> None:
    line = next(line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.startswith("debian_packages="))
    packages = re.match(r"debian_packages=\(([^)]*)\)", line)
    assert packages and {"chromium", "nginx"} <= set(packages.group(1).split())


def test_the_csp_allows_the_dashboards_own_inline_script_by_its_hash() -> None:
    """The phone's sidebar script runs under nginx's CSP only while its hash is there: change one, change the other."""
    import base64
    import hashlib
    import re

    from situation.ui import style

    html = style._CLOSE_SIDEBAR_ON_PHONE.replace("{PHONE}", str(style.PHONE))
    body = re.search(r"<script>(.*)</script>", html, re.S)
    assert body is not None
    digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
