"""issue 18: reviews and the letter in a nomination's history; choosing again by invite

Revision ID: 0006_i18_reviews
Revises: 0003_i22_withdrawal
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision = "0006_i18_reviews"
down_revision = "0003_i22_withdrawal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "nomination_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("nomination_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["nomination_id"], ["nominations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_nomination_notes_nomination_id"), "nomination_notes", ["nomination_id"]
    )
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review_months", sa.Integer(), nullable=False, server_default="2")
        )
    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("previous_nomination_id", sa.String(length=36), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.drop_column("previous_nomination_id")
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.drop_column("review_months")
    op.drop_index(op.f("ix_nomination_notes_nomination_id"), table_name="nomination_notes")
    op.drop_table("nomination_notes")
