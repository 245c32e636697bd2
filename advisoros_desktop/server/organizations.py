"""Creating firms and their people: used by the CLI, the demo seed and the tests."""

from __future__ import annotations

import sqlalchemy as sa

from advisoros_desktop.domain.entities import USER, Role, validate_fields
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.database import utc_now, writing
from advisoros_desktop.server.passwords import hash_password
from advisoros_desktop.server.records import OrganizationWriter
from advisoros_desktop.server.schema import credentials, organizations


class AccountError(ValueError):
    """A firm or user could not be created; the message says why."""


def create_organization(engine: sa.Engine, name: str) -> str:
    organization_id = new_id()
    with writing(engine) as conn:
        conn.execute(
            organizations.insert().values(
                id=organization_id,
                name=name,
                lastSeq=0,
                purgedSeq=0,
                purgeCount=0,
                epoch=new_id(),
                createdAt=utc_now(),
            )
        )
    return organization_id


def find_organization(engine: sa.Engine, name: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(organizations.c.id).where(organizations.c.name == name)
        ).scalar()


def add_user(
    engine: sa.Engine,
    organization_id: str,
    email: str,
    name: str,
    role: Role | str,
    password: str,
) -> str:
    """Create a user who signs in with ``email`` and ``password``; returns the user id."""
    clean, problems = validate_fields(
        USER,
        {"email": email, "name": name, "role": str(role), "isActive": True},
        creating=True,
        server=True,
    )
    if problems:
        raise AccountError("; ".join(message for _field, message in problems))
    if len(password) < 4:
        raise AccountError("The password is too short (at least 4 characters).")
    login = str(clean["email"]).lower()
    user_id = new_id()
    with writing(engine) as conn:
        taken = conn.execute(
            sa.select(credentials.c.email).where(credentials.c.email == login)
        ).first()
        if taken:
            raise AccountError(f"A user with the email {login} already exists.")
        writer = OrganizationWriter(conn, organization_id)
        writer.insert("user", user_id, clean)
        conn.execute(
            credentials.insert().values(
                email=login,
                organizationId=organization_id,
                userId=user_id,
                passwordHash=hash_password(password),
            )
        )
        writer.finish()
    return user_id


def set_password(engine: sa.Engine, email: str, password: str) -> None:
    """Give a user a new password (the local workspace renews its own at each start)."""
    with writing(engine) as conn:
        updated = conn.execute(
            credentials.update()
            .where(credentials.c.email == email.lower())
            .values(passwordHash=hash_password(password))
        ).rowcount
    if not updated:
        raise AccountError(f"There is no user with the email {email}.")
