"""Run pip-audit on the lock files and say plainly what it could and could not check.

pip-audit asks PyPI's JSON API for each pinned version's known vulnerabilities. Where that API
is out of reach (a mirror that serves only the package index), pip-audit skips every package
and still prints "No known vulnerabilities found" with exit code 0. This wrapper counts the
skipped packages, so an unreachable advisory database is reported, never mistaken for a pass.
Exit 1 only when a known vulnerability is found.
"""

import json
import subprocess  # nosec B404
import sys
from pathlib import Path

PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def audit(lock_file: str) -> dict:
    # Our own tool, from our own virtual environment, on our own lock file (bandit B603).
    result = subprocess.run(  # noqa: S603  # nosec B603
        [
            str(PIP_AUDIT),
            "-r",
            lock_file,
            "--no-deps",
            "--disable-pip",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1) or not result.stdout.strip():
        print(result.stderr.strip())
        return {"dependencies": [], "error": f"pip-audit failed with code {result.returncode}"}
    return json.loads(result.stdout)


def main(lock_files: list[str]) -> int:
    audited = skipped = 0
    vulnerable = []
    for lock_file in lock_files:
        report = audit(lock_file)
        if "error" in report:
            print(f"pip-audit: {lock_file}: {report['error']}")
            skipped += 1
            continue
        for dep in report["dependencies"]:
            if dep.get("skip_reason"):
                skipped += 1
                continue
            audited += 1
            vulnerable += [(dep["name"], dep["version"], v["id"]) for v in dep.get("vulns", [])]
    for name, version, advisory in vulnerable:
        print(f"VULNERABLE: {name} {version}: {advisory}")
    print(f"pip-audit: {audited} pinned packages checked, {skipped} could not be checked.")
    if audited == 0:
        print(
            "pip-audit: WARNING: the vulnerability database could not be reached from here "
            "(PyPI's JSON API answered 'not found' or the network refused), so the lock files "
            "were NOT audited. Run `.ci/audit_dependencies.py requirements.lock "
            "requirements-dev.lock` where pypi.org is reachable."
        )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["requirements.lock", "requirements-dev.lock"]))
