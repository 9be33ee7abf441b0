"""revisions.origin and .directives: where an HTML page's text stands in the page, and its ledger-ignore comments

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # positions of an HTML page's text refer to the page: rules that read the stored text
    # (house-style) need the map; its <!-- ledger-ignore --> comments are not in the extracted
    # text: they are kept with the revision, at their lines in the page
    # plain ALTER TABLE ADD / DROP COLUMN, never a copy of the table: on SQLite, dropping the
    # old revisions table would cascade to every claim and mention
    op.add_column('revisions', sa.Column('origin', sa.JSON(), nullable=True))
    op.add_column('revisions', sa.Column('directives', sa.JSON(), nullable=True))


def downgrade() -> None:
    op.execute('ALTER TABLE revisions DROP COLUMN directives')  # SQLite >= 3.35 and PostgreSQL
    op.execute('ALTER TABLE revisions DROP COLUMN origin')
