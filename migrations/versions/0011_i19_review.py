"""issue 19: the review queue of messages the bot did not understand (masked)

Revision ID: 0010_i19_review
Revises: 0010_i19_insight
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0010_i19_review"
down_revision = "0010_i19_insight"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation", sa.String(length=64), nullable=False),
        sa.Column("message_key", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("intent", sa.String(length=64), nullable=True),
        sa.Column("confidence", sa.Integer(), nullable=True),
        sa.Column("question", sa.String(length=64), nullable=True),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("label_intent", sa.String(length=64), nullable=True),
        sa.Column("label_entities", sa.JSON(), nullable=True),
        sa.Column("labelled_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("labelled_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_key"),
    )
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_items_conversation"), ["conversation"])
        batch_op.create_index(batch_op.f("ix_review_items_created_at"), ["created_at"])


def downgrade() -> None:
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_items_created_at"))
        batch_op.drop_index(batch_op.f("ix_review_items_conversation"))
    op.drop_table("review_items")
