"""TEST ONLY: a JupyterHub authenticator with fixed per-user passwords, loaded only by the
jupyterhub_config.py that the hub tests write. Never use it on a real hub: there use the
university's login (LDAP, OAuth/SSO via oauthenticator, or TLJH's native authenticator)."""

from jupyterhub.auth import Authenticator
from traitlets import Dict


class PasswordsForTests(Authenticator):
    passwords = Dict(help="username -> password (test accounts only)").tag(config=True)

    async def authenticate(self, handler, data):
        name = (data or {}).get("username", "")
        if name in self.passwords and data.get("password") == self.passwords[name]:
            return name
        return None
