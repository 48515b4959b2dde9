"""Publish a built site to the office's web server: rsync over SSH, then an atomic switch.

Remote layout under the configured ``path``::

    releases/20261121T101500Z-1a2b3c4d/   one folder per deploy, never changed after
    current -> releases/20261121T101500Z-1a2b3c4d

The web server's document root is ``<path>/current``. A deploy uploads into a hidden
``releases/.<name>.partial`` folder, renames it when complete, then points ``current`` at
it by renaming a fresh symlink over the old one (``mv -T``: one ``rename(2)``), so a
visitor sees either the old site or the new one, never a mix, and a failed upload leaves
``current`` untouched. Rollback is the same switch to the previous release.

We drive the system ``ssh`` and ``rsync`` (no SSH library): staff's servers already
speak them, their options are documented, and the same commands can be run by hand when
something has to be repaired. Remote commands go to ``sh -s`` on stdin, so the login
shell never re-parses our quoting. The server needs a POSIX shell, GNU coreutils
(``mv -T``, ``readlink``) and rsync.

Configuration (host, user, path, key) comes from ``zi-deploy.toml`` or ``ZI_DEPLOY_*``
environment variables, never from ``plans/`` or ``content/``: those folders are
committed and partly published, and a server key must never be either.

Messages are Indonesian (staff read them). Failures raise ``DeployError``; only the CLI
turns it into an exit status.
"""

from generator.staff.deploy.config import (
    DEFAULT_CONFIG,
    FIELDS,
    DeployConfig,
    DeployError,
    load_config,
)
from generator.staff.deploy.release import RELEASE, check_site, release_name, site_digest, to_prune
from generator.staff.deploy.remote import State
from generator.staff.deploy.sasaran import PERINGATAN_FTP, deploy, list_releases, rollback

__all__ = [
    "DEFAULT_CONFIG",
    "FIELDS",
    "PERINGATAN_FTP",
    "RELEASE",
    "DeployConfig",
    "DeployError",
    "State",
    "check_site",
    "deploy",
    "list_releases",
    "load_config",
    "release_name",
    "rollback",
    "site_digest",
    "to_prune",
]
