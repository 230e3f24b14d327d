"""issue 19: insight counters per team and day, the per-conversation markers, and the
indexes insight reads nominations by

Revision ID: 0010_i19_insight
Revises: 0006_i25_asked_by
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0010_i19_insight"
down_revision = "0006_i25_asked_by"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "insight_counts",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "day", "metric"),
    )
    op.create_index("ix_insight_counts_day", "insight_counts", ["day"])
    op.create_table(
        "insight_conversations",
        sa.Column("conversation", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_step", sa.String(length=40), nullable=True),
        sa.Column("sent", sa.Boolean(), nullable=False),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("conversation"),
    )
    op.create_index("ix_insight_conversations_team_id", "insight_conversations", ["team_id"])
    op.create_index("ix_insight_conversations_created_at", "insight_conversations", ["created_at"])
    op.create_table(
        "insight_marks",
        sa.Column("conversation", sa.String(length=64), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation"], ["insight_conversations.conversation"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("conversation", "step"),
    )
    op.create_index("ix_nominations_team_created", "nominations", ["team_id", "created_at"])
    op.create_index("ix_nominations_created_at", "nominations", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_nominations_created_at", table_name="nominations")
    op.drop_index("ix_nominations_team_created", table_name="nominations")
    op.drop_table("insight_marks")
    op.drop_index("ix_insight_conversations_created_at", table_name="insight_conversations")
    op.drop_index("ix_insight_conversations_team_id", table_name="insight_conversations")
    op.drop_table("insight_conversations")
    op.drop_index("ix_insight_counts_day", table_name="insight_counts")
    op.drop_table("insight_counts")
