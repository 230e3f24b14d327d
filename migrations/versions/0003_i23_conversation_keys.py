"""conversation secrets, demo sessions, conversation pseudonyms (issue 23)

Revision ID: 0003_i23_conversation_keys
Revises: 0002
"""

import secrets

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0003_i23_conversation_keys"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_keys",
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.create_table(
        "demo_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "demo_conversations",
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["demo_sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    with op.batch_alter_table("demo_conversations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_demo_conversations_session_id"), ["session_id"])
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conversation_ref", sa.String(length=64), nullable=True))
        # Not unique: a chat that withdrew and chose again keeps both records (issue 22).
        batch_op.create_index("ix_nominations_conversation_ref", ["conversation_ref"])
    # Nominations stored before: a random pseudonym (SECRET_KEY is not known here; new
    # nominations get the keyed one of bot/storage/privacy.py conversation_ref).
    nominations = sa.table("nominations", sa.column("id"), sa.column("conversation_ref"))
    connection = op.get_bind()
    for (nomination_id,) in connection.execute(sa.select(nominations.c.id)).fetchall():
        connection.execute(
            nominations.update()
            .where(nominations.c.id == nomination_id)
            .values(conversation_ref="gesprek-" + secrets.token_hex(16))
        )


def downgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.drop_index("ix_nominations_conversation_ref")
        batch_op.drop_column("conversation_ref")
    with op.batch_alter_table("demo_conversations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_demo_conversations_session_id"))
    op.drop_table("demo_conversations")
    op.drop_table("demo_sessions")
    op.drop_table("conversation_keys")
