"""indexes for rule queries: current revisions, mentions by revision and entity

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # every rule query joins documents on their current revision
    op.create_index(op.f('ix_documents_current_revision'), 'documents', ['current_revision'], unique=False)
    # name-inconsistency: a revision's entities written in more than one way (covering)
    op.create_index(op.f('ix_mentions_revision_id_entity_id_surface'), 'mentions',
                    ['revision_id', 'entity_id', 'surface'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_mentions_revision_id_entity_id_surface'), table_name='mentions')
    op.drop_index(op.f('ix_documents_current_revision'), table_name='documents')
