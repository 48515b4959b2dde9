"""The CI templates staff copy: valid YAML, check and build on every change, deploy only from main.

GitHub Actions: ``.github/workflows/terbitkan.yml`` (and ``pages.yml``); GitLab CI: ``.gitlab-ci.yml``. Every
``zi`` command they run must exist in the real CLI with the options used.
"""

from __future__ import annotations

import contextlib
import re
import shlex
import subprocess

import click
import pytest
import yaml

from generator.cli import main
from tests.conftest import REPO

GITHUB = REPO / ".github" / "workflows" / "terbitkan.yml"
GITLAB = REPO / ".gitlab-ci.yml"
KEY_MATERIAL = re.compile(r"BEGIN [A-Z ]*PRIVATE KEY|ssh-(?:ed25519|rsa) AAAA|ecdsa-sha2-nistp\d+ AAAA")


def zi_commands(script: str) -> list[list[str]]:
    """Each `zi ...` command in a shell script, as its words after `zi`."""
    out = []
    for line in script.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for part in re.split(r"&&|\|\||;", line):
            try:
                words = shlex.split(part)
            except ValueError:
                continue
            while words and re.match(r"^[A-Z_][A-Z0-9_]*=", words[0]):  # VAR=value zi ...
                words = words[1:]
            if words[:1] == ["zi"]:
                out.append(words[1:])
    return out


def assert_cli_accepts(words: list[str]) -> str:
    assert words, "perintah `zi` tanpa subperintah"
    name = words[0]
    assert name in main.commands, f"zi {name}: subperintah tidak ada"
    command = main.commands[name]
    known = {opt for p in command.params if isinstance(p, click.Option) for opt in (*p.opts, *p.secondary_opts)}
    for word in words[1:]:
        if word.startswith("-"):
            assert word.split("=")[0] in known, f"zi {name}: pilihan {word} tidak ada (dikenal: {sorted(known)})"
    # The real parser agrees (no option misspelt as an argument, no missing value); CI runs in
    # the repository, where defaults such as mkdocs.yml exist.
    with contextlib.chdir(REPO):
        ctx = command.make_context(f"zi {name}", list(words[1:]), resilient_parsing=False)
        ctx.close()
    return name


# --- GitHub Actions ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def github() -> dict:
    return yaml.safe_load(GITHUB.read_text(encoding="utf-8"))


def job_order(jobs: dict) -> list[str]:
    """Jobs in an order that respects `needs`."""
    done: list[str] = []
    while len(done) < len(jobs):
        ready = [j for j, spec in jobs.items() if j not in done and all(n in done for n in _as_list(spec.get("needs")))]
        assert ready, "needs membentuk lingkaran"
        done.extend(ready)
    return done


def _as_list(value) -> list:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def test_github_triggers(github):
    on = github.get("on", github.get(True))  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    assert "main" in on["pull_request"]["branches"]
    assert github.get("permissions") == {"contents": "read"}


def test_github_checks_and_builds_before_deploying_only_from_main(github):
    jobs = github["jobs"]
    sequence = []  # (job, subcommand)
    for name in job_order(jobs):
        for step in jobs[name]["steps"]:
            for words in zi_commands(step.get("run", "")):
                sequence.append((name, assert_cli_accepts(words)))
    subcommands = [s for _, s in sequence]
    assert subcommands == ["check", "build", "deploy"], sequence
    build_job = next(j for j, s in sequence if s == "build")
    deploy_job = next(j for j, s in sequence if s == "deploy")
    assert "if" not in jobs[build_job], "pull request juga harus diperiksa dan dibangun"
    assert build_job in _as_list(jobs[deploy_job].get("needs"))
    condition = jobs[deploy_job]["if"].replace(" ", "")
    assert "github.event_name=='push'" in condition and "github.ref=='refs/heads/main'" in condition
    # The deploy job takes the site built (and checked) by the first job.
    steps = jobs[deploy_job]["steps"]
    download = [s for s in steps if str(s.get("uses", "")).startswith("actions/download-artifact")]
    upload = [s for s in jobs[build_job]["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert download and upload and download[0]["with"]["name"] == upload[0]["with"]["name"]


def test_github_installs_rsync_and_ssh_and_uses_secrets_only(github):
    deploy = github["jobs"]["terbitkan"]
    runs = "\n".join(s.get("run", "") for s in deploy["steps"])
    assert "rsync" in runs and "openssh-client" in runs and "pip install -r requirements.lock" in runs
    step = next(s for s in deploy["steps"] if "zi deploy" in s.get("run", ""))
    for name, value in step["env"].items():
        assert re.fullmatch(r"\$\{\{ secrets\.[A-Z_]+ \}\}", value), f"{name} harus dari secrets, bukan {value!r}"
    assert {"ZI_DEPLOY_HOST", "ZI_DEPLOY_USER", "ZI_DEPLOY_PATH"} <= set(step["env"])
    # The key and known_hosts are written to a private temporary folder, removed afterwards.
    assert "umask 077" in step["run"] and "mktemp -d" in step["run"] and "trap 'rm -rf" in step["run"]
    text = GITHUB.read_text(encoding="utf-8")
    assert not KEY_MATERIAL.search(text)
    assert "StrictHostKeyChecking" not in text


# --- GitLab CI ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def gitlab_jobs(config: dict) -> dict[str, dict]:
    reserved = {
        "stages",
        "workflow",
        "default",
        "variables",
        "cache",
        "include",
        "image",
        "before_script",
        "after_script",
        "services",
    }
    return {k: v for k, v in config.items() if k not in reserved and not k.startswith(".") and isinstance(v, dict)}


def test_gitlab_runs_for_main_and_merge_requests(gitlab):
    rules = [r["if"].replace(" ", "") for r in gitlab["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE=="merge_request_event"' in rules
    assert '$CI_COMMIT_BRANCH=="main"' in rules


def test_gitlab_checks_and_builds_before_deploying_only_from_main(gitlab):
    stages = gitlab["stages"]
    jobs = gitlab_jobs(gitlab)
    found = {}
    for name, job in jobs.items():
        if name == "pages":  # GitLab Pages, tested below
            continue
        script = "\n".join(job.get("script", []))
        for words in zi_commands(script):
            found[assert_cli_accepts(words)] = name
    assert set(found) == {"check", "build", "deploy"}, found
    order = [stages.index(jobs[found[c]]["stage"]) for c in ("check", "build", "deploy")]
    assert order == sorted(order) and order[0] < order[2] and order[1] < order[2], order
    deploy = jobs[found["deploy"]]
    needed = {n["job"] if isinstance(n, dict) else n for n in deploy.get("needs", [])}
    assert {found["check"], found["build"]} <= needed
    [rule] = deploy["rules"]
    condition = rule["if"].replace(" ", "")
    assert '$CI_COMMIT_BRANCH=="main"' in condition and '$CI_PIPELINE_SOURCE=="push"' in condition
    assert rule.get("when", "on_success") != "always"
    for name in (found["check"], found["build"]):
        assert "rules" not in jobs[name] and "only" not in jobs[name], "merge request juga harus diperiksa"
    assert "site/" in jobs[found["build"]]["artifacts"]["paths"]
    assert deploy.get("resource_group")


def test_gitlab_installs_rsync_and_ssh_and_keeps_secrets_out(gitlab):
    deploy = gitlab_jobs(gitlab)["terbitkan"]
    setup = "\n".join(deploy["before_script"])
    assert "rsync" in setup and "openssh-client" in setup and "pip install --quiet -r requirements.lock" in setup
    script = "\n".join(deploy["script"])
    assert "umask 077" in script and "mktemp -d" in script
    assert "ZI_DEPLOY_KEY=" in script and "$ZI_SSH_KEY" in script
    for name in gitlab.get("variables", {}):
        assert not name.startswith(("ZI_DEPLOY", "ZI_SSH", "ZI_KNOWN")), f"{name} harus variabel CI/CD, bukan di berkas"
    text = GITLAB.read_text(encoding="utf-8")
    assert not KEY_MATERIAL.search(text)
    assert "StrictHostKeyChecking" not in text


# --- Publishing to Pages instead (issue 14): off unless ZI_TERBIT_KE=pages --------------------------------------

PAGES = REPO / ".github" / "workflows" / "pages.yml"


def kondisi(expr: str, nilai: dict[str, str]) -> bool:
    """Evaluate a CI condition of the forms these files use: ``a == 'b'`` / ``$A != "b"`` joined by ``&&``."""
    hasil = True
    for part in expr.split("&&"):
        m = re.fullmatch(r"\s*(\$?[\w.]+)\s*(==|!=)\s*(['\"])([^'\"]*)\3\s*", part)
        assert m, f"kondisi tidak dikenal: {part!r}"
        left = nilai.get(m.group(1).lstrip("$"), "")  # an unset variable is empty in both CI systems
        hasil = hasil and ((left == m.group(4)) == (m.group(2) == "=="))
    return hasil


@pytest.fixture(scope="module")
def github_pages() -> dict:
    return yaml.safe_load(PAGES.read_text(encoding="utf-8"))


PUSH_MAIN = {
    "github.event_name": "push",
    "github.ref": "refs/heads/main",
    "CI_PIPELINE_SOURCE": "push",
    "CI_COMMIT_BRANCH": "main",
}


@pytest.mark.parametrize("pilihan", ["", "ssh", "pages"])
def test_exactly_one_way_of_publishing_runs_on_main(pilihan, github, github_pages, gitlab):
    nilai = {**PUSH_MAIN, "vars.ZI_TERBIT_KE": pilihan, "ZI_TERBIT_KE": pilihan}
    ssh = kondisi(github["jobs"]["terbitkan"]["if"], nilai)
    pages = all(kondisi(job["if"], nilai) for job in github_pages["jobs"].values())
    assert (ssh, pages) == (pilihan != "pages", pilihan == "pages")
    jobs = gitlab_jobs(gitlab)
    [ssh_rule], [pages_rule] = jobs["terbitkan"]["rules"], jobs["pages"]["rules"]
    assert (kondisi(ssh_rule["if"], nilai), kondisi(pages_rule["if"], nilai)) == (ssh, pages)
    # Never from another branch or a pull/merge request.
    for other in ({"github.ref": "refs/heads/fitur", "CI_COMMIT_BRANCH": "fitur"}, {"CI_PIPELINE_SOURCE": "web"}):
        assert not kondisi(pages_rule["if"], {**nilai, **other})
    assert not any(kondisi(j["if"], {**nilai, "github.ref": "refs/heads/fitur"}) for j in github_pages["jobs"].values())


def test_github_pages_workflow(github_pages):
    on = github_pages.get("on", github_pages.get(True))
    assert on["push"]["branches"] == ["main"] and "pull_request" not in on
    assert github_pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert github_pages["concurrency"]["cancel-in-progress"] is False
    jobs = github_pages["jobs"]
    assert job_order(jobs) == ["bangun", "terbitkan"] and jobs["terbitkan"]["needs"] == "bangun"
    steps = jobs["bangun"]["steps"]
    uses = [str(s.get("uses", "")).split("@")[0] for s in steps]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    commands = [assert_cli_accepts(w) for s in steps for w in zi_commands(s.get("run", ""))]
    assert commands == ["check", "build"]
    build = next(s for s in steps if "zi build" in s.get("run", ""))
    configure = next(s for s in steps if str(s.get("uses", "")).startswith("actions/configure-pages"))
    # The sub-path: the address GitHub gives replaces satker.yaml's (zi build reads ZI_ALAMAT_SITUS).
    assert build["env"] == {"ZI_ALAMAT_SITUS": "${{ steps." + configure["id"] + ".outputs.base_url }}"}
    assert "ZI_ALAMAT_SITUS" in {e for p in main.commands["build"].params for e in [getattr(p, "envvar", None)] if e}
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site/" and "--site-dir site" in build["run"]
    deploy = jobs["terbitkan"]
    assert [str(s["uses"]).split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["environment"]["name"] == "github-pages"
    assert not KEY_MATERIAL.search(PAGES.read_text(encoding="utf-8"))


def test_gitlab_pages_job(gitlab):
    job = gitlab_jobs(gitlab)["pages"]
    assert job["artifacts"]["paths"] == ["public"]
    [words] = zi_commands("\n".join(job["script"]))
    assert assert_cli_accepts(words) == "build" and words[1:] == ["--site-dir", "public"]
    assert 'ZI_ALAMAT_SITUS="$CI_PAGES_URL" zi build' in job["script"][0]
    assert {n["job"] for n in job["needs"]} == {"periksa"} and job.get("resource_group")


def test_the_ci_build_also_keeps_the_zip_for_the_hosting_panel(github, gitlab):
    steps = github["jobs"]["periksa-dan-bangun"]["steps"]
    build = next(s["run"] for s in steps if "zi build" in s.get("run", ""))
    assert "--zip --zip-dir zip" in build
    uploads = {s["with"]["name"]: s["with"]["path"] for s in steps if "upload-artifact" in str(s.get("uses", ""))}
    assert uploads["situs-zip"] == "zip/*.zip"
    bangun = gitlab_jobs(gitlab)["bangun"]
    assert "--zip --zip-dir zip" in bangun["script"][0] and "zip/" in bangun["artifacts"]["paths"]


def test_command_check_itself_catches_a_wrong_option():
    with pytest.raises(AssertionError):
        assert_cli_accepts(["build", "--site", "site"])
    with pytest.raises(AssertionError):
        assert_cli_accepts(["terbit"])
    assert zi_commands("X=1 zi deploy --site-dir site && echo ok\n# zi nope") == [["deploy", "--site-dir", "site"]]


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_deploy_script_writes_only_the_secrets_given_for_the_target(ci, github, gitlab, tmp_path):
    """The deploy step run by bash with a stand-in `zi`: ssh needs key and known_hosts; an FTPS
    account needs neither (its password and pin reach zi deploy through the environment)."""
    if ci == "github":
        step = next(s for s in github["jobs"]["terbitkan"]["steps"] if "zi deploy" in s.get("run", ""))
        script = step["run"]
    else:
        script = "\n".join(gitlab_jobs(gitlab)["terbitkan"]["script"])
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "zi").write_text('#!/bin/sh\necho "KEY=${ZI_DEPLOY_KEY:-} KNOWN=${ZI_DEPLOY_KNOWN_HOSTS:-} $*"\n')
    (fake / "zi").chmod(0o755)

    def run(**secrets: str) -> subprocess.CompletedProcess:
        env = {"PATH": f"{fake}:/usr/bin:/bin", "RUNNER_TEMP": str(tmp_path), "TMPDIR": str(tmp_path), **secrets}
        return subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True, timeout=30)

    r = run(ZI_DEPLOY_TARGET="ftps", ZI_DEPLOY_PASSWORD="rahasia")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "KEY= KNOWN= deploy --site-dir site"
    r = run(ZI_SSH_KEY="-----BEGIN KUNCI-----", ZI_KNOWN_HOSTS="host ssh-ed25519 AAAA")
    assert r.returncode == 0 and "KEY=/" in r.stdout and "KNOWN=/" in r.stdout
    r = run(ZI_DEPLOY_TARGET="ssh", ZI_SSH_KEY="-----BEGIN KUNCI-----")
    assert r.returncode == 1 and "ZI_KNOWN_HOSTS belum diisi" in r.stderr and "KEY=" not in r.stdout
