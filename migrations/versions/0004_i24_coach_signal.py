"""issue 24, item 6: coach signals (safety.contact_requested) and their outbox rows

Revision ID: 0003_i24_coach_signal
Revises: 0003_i23_conversation_keys
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0003_i24_coach_signal"
down_revision = "0003_i23_conversation_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safety_signals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("conversation", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=True),
        sa.Column("invite_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("handled_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"]),
        sa.ForeignKeyConstraint(["invite_id"], ["invites.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["handled_by"], ["coaches.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("safety_signals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_safety_signals_team_id"), ["team_id"])
        batch_op.create_index(batch_op.f("ix_safety_signals_conversation"), ["conversation"])
    # An outbox row is now about a nomination or about a signal.
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("nomination_id", existing_type=sa.String(length=36), nullable=True)
        batch_op.add_column(sa.Column("signal_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            "fk_outbox_signal_id_safety_signals",
            "safety_signals",
            ["signal_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(batch_op.f("ix_outbox_signal_id"), ["signal_id"])


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE signal_id IS NOT NULL")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_signal_id"))
        batch_op.drop_constraint("fk_outbox_signal_id_safety_signals", type_="foreignkey")
        batch_op.drop_column("signal_id")
        batch_op.alter_column("nomination_id", existing_type=sa.String(length=36), nullable=False)
    with op.batch_alter_table("safety_signals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safety_signals_conversation"))
        batch_op.drop_index(batch_op.f("ix_safety_signals_team_id"))
    op.drop_table("safety_signals")
