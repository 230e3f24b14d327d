"""issue 17: personal accounts, server-side sessions, sign-in links, access log, team tokens

Existing teams, coaches (their coach tokens keep working), nominations and invites stay as
they are: coaches get the role `coach` and no password until they sign in by e-mail link.

Revision ID: 0006_i17_accounts
Revises: 0003_i22_withdrawal
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0006_i17_accounts"
down_revision = "0006_i20_relation_text"
branch_labels = None
depends_on = None

UTC = bot.storage.models.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("coaches", schema=None) as batch_op:
        batch_op.alter_column("token_hash", existing_type=sa.String(length=64), nullable=True)
        batch_op.add_column(
            sa.Column("role", sa.String(length=20), nullable=False, server_default="coach")
        )
        batch_op.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", UTC(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("sso_subject", sa.String(length=300), nullable=True))
        batch_op.create_unique_constraint("uq_coaches_sso_subject", ["sso_subject"])
        batch_op.create_index(batch_op.f("ix_coaches_email"), ["email"])

    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("code_hash", sa.String(length=200), nullable=False),
        sa.Column("used_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["coach_id"], ["coaches.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_recovery_codes_coach_id", "recovery_codes", ["coach_id"])
    op.create_table(
        "portal_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("last_seen_at", UTC(timezone=True), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["coach_id"], ["coaches.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_portal_sessions_coach_id", "portal_sessions", ["coach_id"])
    op.create_table(
        "login_links",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("expires_at", UTC(timezone=True), nullable=False),
        sa.Column("used_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["coach_id"], ["coaches.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_login_links_coach_id", "login_links", ["coach_id"])
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", UTC(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("actor_name", sa.String(length=300), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("nomination_id", sa.String(length=36), nullable=True),
        sa.Column("reference", sa.String(length=16), nullable=True),
        sa.Column("detail", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_access_log_at", "access_log", ["at"])
    op.create_index("ix_access_log_team_id", "access_log", ["team_id"])
    op.create_index("ix_access_log_nomination_id", "access_log", ["nomination_id"])
    op.create_table(
        "integration_tokens",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("last_used_at", UTC(timezone=True), nullable=True),
        sa.Column("revoked_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["coaches.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_integration_tokens_team_id", "integration_tokens", ["team_id"])
    op.create_table(
        "passkeys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("credential_id", sa.String(length=400), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("sign_count", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("last_used_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["coach_id"], ["coaches.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("credential_id"),
    )
    op.create_index("ix_passkeys_coach_id", "passkeys", ["coach_id"])
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("link_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            "fk_outbox_link_id_login_links", "login_links", ["link_id"], ["id"], ondelete="CASCADE"
        )
        batch_op.create_index(batch_op.f("ix_outbox_link_id"), ["link_id"])


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE link_id IS NOT NULL")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_link_id"))
        batch_op.drop_constraint("fk_outbox_link_id_login_links", type_="foreignkey")
        batch_op.drop_column("link_id")
    op.drop_table("passkeys")
    op.drop_table("integration_tokens")
    op.drop_table("access_log")
    op.drop_table("login_links")
    op.drop_table("portal_sessions")
    op.drop_table("recovery_codes")
    op.execute("DELETE FROM coaches WHERE token_hash IS NULL")
    with op.batch_alter_table("coaches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaches_email"))
        batch_op.drop_constraint("uq_coaches_sso_subject", type_="unique")
        for column in (
            "sso_subject",
            "locked_until",
            "failed_logins",
            "totp_last_step",
            "totp_secret",
            "password_hash",
            "role",
        ):
            batch_op.drop_column(column)
        batch_op.alter_column("token_hash", existing_type=sa.String(length=64), nullable=False)
