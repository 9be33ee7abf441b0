"""draft look-ups: claims by revision and start (quotes), office claims filtered by date in the index

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # quote_keys name a claim by (revision, start): with only (revision) indexed each look-up
    # read the revision's hundred claims; (revision, start) still serves the revision alone
    op.create_index(op.f('ix_claims_revision_id_start'), 'claims', ['revision_id', 'start'], unique=False)
    op.drop_index(op.f('ix_claims_revision_id'), table_name='claims')
    # a draft's office claims are read by subject, office and a window of dates: with the dates
    # in the index SQLite skips the claims outside the window without reading them
    op.create_index(op.f('ix_claims_predicate_subject_key_object_key_valid_to_valid_from'), 'claims',
                    ['predicate', 'subject_key', 'object_key', 'valid_to', 'valid_from'], unique=False)
    op.drop_index(op.f('ix_claims_predicate_subject_key_object_key'), table_name='claims')


def downgrade() -> None:
    op.create_index(op.f('ix_claims_predicate_subject_key_object_key'), 'claims',
                    ['predicate', 'subject_key', 'object_key'], unique=False)
    op.drop_index(op.f('ix_claims_predicate_subject_key_object_key_valid_to_valid_from'), table_name='claims')
    op.create_index(op.f('ix_claims_revision_id'), 'claims', ['revision_id'], unique=False)
    op.drop_index(op.f('ix_claims_revision_id_start'), table_name='claims')
