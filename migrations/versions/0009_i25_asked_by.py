"""issue 25: who asks the chosen person (mentor.asked_by), and the parents' answer under 16

Revision ID: 0006_i25_asked_by
Revises: 0003_i22_withdrawal
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_i25_asked_by"
down_revision = "0006_i17_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentor_asked_by", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("parents_answer", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.drop_column("parents_answer")
        batch_op.drop_column("mentor_asked_by")
