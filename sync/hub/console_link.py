"""`pos-hub create-tenant`: the tenant, its first owner, and the text the command prints (the one-time link).
A refused value raises `tenancy.Invalid` with the sentence to show."""

from __future__ import annotations

from sync.hub.accounts import PASSWORD_LINK_TTL, create_tenant
from sync.hub.database import Database


def create_tenant_with_link(db: Database, *, name: str, code: str, province: str, owner_email: str,
                            console_url: str) -> str:
    with db.write() as session:
        made = create_tenant(session, name=name, code=code, province_code=province, owner_email=owner_email)
        code, username, token = made.tenant.code, made.owner.username, made.password_token
    hours = int(PASSWORD_LINK_TTL.total_seconds() // 3600)
    link = f"{console_url.rstrip('/')}/console/set-password?token={token}"
    return (f"Created tenant {code}. Its owner's console user name is {username}.\n"
            f"Open this link once, within {hours} hours, to set the owner's password (keep it secret):\n{link}")
