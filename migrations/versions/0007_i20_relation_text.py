"""issue 20: the youth's own description of "someone else", for the coach

Revision ID: 0006_i20_relation_text
Revises: 0003_i22_withdrawal
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_i20_relation_text"
down_revision = "0006_i18_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentor_relation_text", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.drop_column("mentor_relation_text")
