"""issue 22: a withdrawal waits hidden for its undo time; outbox rows name their event

Revision ID: 0003_i22_withdrawal
Revises: 0003_i24_coach_signal
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0003_i22_withdrawal"
down_revision = "0003_i24_coach_signal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hidden_details", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column("undo_until", bot.storage.models.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "event",
                sa.String(length=40),
                nullable=False,
                server_default="nomination.created",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("event")
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.drop_column("undo_until")
        batch_op.drop_column("hidden_details")
