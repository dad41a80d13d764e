"""The docker compose set-up is wired as users need it.

There is no Docker engine here, so these tests read docker-compose.yml and the
Dockerfile and check their wiring against the code they start: the settings the API
reads, the store the factory opens, the console script and its options.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from graph.factory import store_from_settings
from graph.neo4j_store import Neo4jStore
from graph.settings import Settings

REPO = Path(__file__).resolve().parent.parent
_VAR = re.compile(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
                  r"(?:(?P<op>:-|:\?)(?P<arg>[^}]*))?\}")


class Unset(Exception):
    """Compose refuses to start: a `${VAR:?message}` variable is unset or empty."""


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's `${VAR}`, `${VAR:-default}`, `${VAR:?error}` and `$$` substitution."""

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        found = env.get(m.group("name"))
        if found:
            return found
        if m.group("op") == ":?":
            raise Unset(f"{m.group('name')}: {m.group('arg')}")
        return m.group("arg") or ""

    return _VAR.sub(sub, value)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuations joined."""
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    out = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, rest = line.strip().partition(" ")
            out.append((keyword.upper(), rest.strip()))
    return out


def env_of(service: dict[str, Any]) -> dict[str, Any]:
    env = service.get("environment", {})
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return dict(env)


def container_ports(service: dict[str, Any]) -> set[int]:
    return {int(str(p).rsplit(":", 1)[-1].split("/")[0]) for p in service.get("ports", [])}


def test_neo4j_service_runs_526_community_with_a_named_data_volume(
    compose: dict[str, Any],
) -> None:
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert container_ports(neo4j) == {7474, 7687}
    mounts = {str(v).split(":")[1]: str(v).split(":")[0] for v in neo4j["volumes"]}
    assert "/data" in mounts
    assert mounts["/data"] in compose["volumes"], "the data volume must be a named volume"


def test_neo4j_password_comes_from_the_environment_with_no_default(
    compose: dict[str, Any],
) -> None:
    auth = env_of(compose["services"]["neo4j"])["NEO4J_AUTH"]
    api_password = env_of(compose["services"]["api"])["NEO4J_PASSWORD"]
    assert auth.startswith("neo4j/${NEO4J_PASSWORD")
    assert interpolate(auth, {"NEO4J_PASSWORD": "s3cret-pass"}) == "neo4j/s3cret-pass"
    for value in (auth, api_password):
        # unset or empty, compose stops with a message instead of using a default
        for env in ({}, {"NEO4J_PASSWORD": ""}):
            with pytest.raises(Unset, match="NEO4J_PASSWORD"):
                interpolate(value, env)
    # and no password is written anywhere in the file
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert not re.search(r"NEO4J_PASSWORD:?-", text)
    assert re.findall(r"NEO4J_AUTH:\s*(\S+)", text) == ["neo4j/${NEO4J_PASSWORD:?set"]


def test_neo4j_healthcheck_queries_the_database(compose: dict[str, Any]) -> None:
    check = compose["services"]["neo4j"]["healthcheck"]
    test = check["test"]
    assert test[0] in {"CMD", "CMD-SHELL"}
    command = " ".join(test[1:])
    assert "cypher-shell" in command or ("wget" in command and "7474" in command)
    if "cypher-shell" in command:
        # The shell in the container must expand the password, not compose.
        shell = interpolate(command, {})
        assert '"${NEO4J_AUTH#neo4j/}"' in shell
    assert check["retries"] >= 3
    for key in ("interval", "timeout"):
        assert re.fullmatch(r"\d+s", check[key])


def test_api_waits_for_a_healthy_neo4j(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert "healthcheck" in compose["services"]["neo4j"]


def test_api_is_built_from_the_dockerfile_and_published_on_8000(
    compose: dict[str, Any], dockerfile: list[tuple[str, str]],
) -> None:
    api = compose["services"]["api"]
    build = api["build"]
    context = REPO / (build["context"] if isinstance(build, dict) else build)
    name = build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile"
    assert (context / name).resolve() == REPO / "Dockerfile"
    assert container_ports(api) == {8000}
    exposed = {int(args) for kw, args in dockerfile if kw == "EXPOSE"}
    assert exposed == {8000}


def test_api_environment_opens_the_compose_neo4j(compose: dict[str, Any]) -> None:
    api_env = env_of(compose["services"]["api"])
    host_env = {"NEO4J_PASSWORD": "s3cret-pass"}
    values = {k: interpolate(v, host_env) for k, v in api_env.items() if v is not None}
    # every variable the API is given is a setting it reads
    aliases = {f.validation_alias for f in Settings.model_fields.values()}
    assert set(api_env) <= aliases, set(api_env) - aliases
    assert values["ALLEGIANCE_STORE"] == "bolt://neo4j:7687"
    assert "neo4j" in compose["services"]  # the host name in the URI is the service
    assert 7687 in container_ports(compose["services"]["neo4j"])
    # the password the API uses is the one Neo4j is started with
    neo4j_auth = interpolate(env_of(compose["services"]["neo4j"])["NEO4J_AUTH"], host_env)
    assert neo4j_auth == f"{values['NEO4J_USER']}/{values['NEO4J_PASSWORD']}"
    assert values["NEO4J_DATABASE"] == "neo4j"
    # the access settings are passed through from the host (no value in the file)
    for name in ("ALLEGIANCE_API_KEY", "ALLEGIANCE_READ_REQUIRES_KEY",
                 "ALLEGIANCE_CORS_ORIGINS"):
        assert name in api_env and api_env[name] is None, name

    settings = Settings.model_validate(values)
    store = store_from_settings(settings)  # unopened: no connection is made
    assert isinstance(store, Neo4jStore)
    assert (store.uri, store.database) == ("bolt://neo4j:7687", "neo4j")


def test_dockerfile_installs_the_package_and_serves_on_all_interfaces(
    dockerfile: list[tuple[str, str]],
) -> None:
    assert dockerfile[0] == ("FROM", "python:3.11-slim")
    runs = " ".join(args for kw, args in dockerfile if kw == "RUN")
    assert re.search(r"pip install (--\S+ )*\.(\s|$)", runs)
    cmds = [args for kw, args in dockerfile if kw == "CMD"]
    assert len(cmds) == 1
    cmd = json.loads(cmds[0])  # exec form, so signals reach the server
    assert cmd[:2] == ["allegiance", "serve"]
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"
    assert int(cmd[cmd.index("--port") + 1]) == 8000
    assert not any(kw == "ENTRYPOINT" for kw, _ in dockerfile)
    users = [args for kw, args in dockerfile if kw == "USER"]
    assert users and users[-1] not in {"root", "0"}


def test_the_command_the_image_runs_exists() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "allegiance" in pyproject["project"]["scripts"]
    from api.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0, result.output
    assert "--host" in result.output and "--port" in result.output


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = {ln.strip().rstrip("/") for ln in
               (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
               if ln.strip() and not ln.startswith("#")}
    assert {".venv", ".cache", "data", ".git", ".env"} <= ignored
    # but not what the install needs
    assert not ignored & {"graph", "api", "loaders", "viz", "pyproject.toml", "README.md"}
