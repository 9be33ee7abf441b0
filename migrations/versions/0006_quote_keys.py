"""quote keys: quotes filed under their word shingles, for quote-attribution look-ups

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'quote_keys',
        sa.Column('key', sa.BigInteger(), nullable=False),
        sa.Column('revision_id', sa.Integer(), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'],
                                name=op.f('fk_quote_keys_revision_id_revisions'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key', 'revision_id', 'start', name=op.f('pk_quote_keys')),
    )
    _backfill()


def _backfill() -> None:
    """File the quotes already in the ledger (the keys are computed as ingest computes them)."""
    from ledger.model import Claim, Span
    from ledger.store.shingles import claim_keys

    conn = op.get_bind()
    table = sa.table('quote_keys', sa.column('key', sa.BigInteger), sa.column('revision_id', sa.Integer),
                     sa.column('start', sa.Integer))
    rows = conn.execute(sa.text(
        "SELECT revision_id, start, value, qualifiers FROM claims WHERE predicate = 'said'"
    ))
    batch: set[tuple[int, int, int]] = set()
    for revision_id, start, value, qualifiers in rows:
        q: Any = json.loads(qualifiers) if isinstance(qualifiers, str) else (qualifiers or {})
        c = Claim(span=Span(start, start, 1, 1, 1, 1), subject=None, predicate='said', object=None,
                  value=value, qualifiers=q if isinstance(q, dict) else {})
        batch.update((k, revision_id, start) for k in claim_keys(c))
        if len(batch) >= 50_000:
            _flush(conn, table, batch)
    _flush(conn, table, batch)


def _flush(conn: Any, table: Any, batch: set[tuple[int, int, int]]) -> None:
    if batch:
        conn.execute(table.insert(), [{'key': k, 'revision_id': r, 'start': s} for k, r, s in sorted(batch)])
        batch.clear()


def downgrade() -> None:
    op.drop_table('quote_keys')
