"""Admin API: orders (list, get, status history), payment transactions, card batch closes, and rejected or deferred
sync mutations."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from sync.hub.api.admin_common import RESPONSES, Page, Paging, owned, page_of, row_out, store_ids
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.models import Order, OrderStatusHistory, PaymentTransaction, Store, SyncMutation
from sync.hub.settlements import settlements_query
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)
StoreFilter = Query(None, description="One store of the tenant; all of them when left out.")


def _tenant_of_store(session, store_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(select(Store.tenant_id).where(Store.id == store_id))


@router.get("/orders", response_model=Page)
def list_orders(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                status: str | None = Query(None, max_length=20), principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        query = select(Order).where(Order.store_id.in_(store_ids(session, principal, store_id)))
        if status:
            query = query.where(Order.status == status)
        return page_of(session, query.order_by(Order.created_at.desc(), Order.order_number), paging)


def _scoped_order(session, principal: Principal, order_id: uuid.UUID) -> Order:
    order = session.get(Order, order_id)
    return owned(order, order and _tenant_of_store(session, order.store_id), principal, "order")


@router.get("/orders/{order_id}", response_model=dict[str, Any])
def get_order(order_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        order = _scoped_order(session, principal, order_id)
        return {**row_out(order), "lines": [row_out(item) for item in order.items]}


@router.get("/orders/{order_id}/status-history", response_model=list[dict[str, Any]])
def order_history(order_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        order = _scoped_order(session, principal, order_id)
        rows = session.scalars(select(OrderStatusHistory).where(OrderStatusHistory.order_id == order.id)
                               .order_by(OrderStatusHistory.created_at))
        return [row_out(row) for row in rows]


@router.get("/payments/transactions", response_model=Page)
def list_transactions(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                      order_id: uuid.UUID | None = None, payment_method: str | None = Query(None, max_length=16),
                      principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        query = select(PaymentTransaction).where(
            PaymentTransaction.store_id.in_(store_ids(session, principal, store_id)))
        if order_id:
            query = query.where(PaymentTransaction.order_id == order_id)
        if payment_method:
            query = query.where(PaymentTransaction.payment_method == payment_method)
        return page_of(session, query.order_by(PaymentTransaction.created_at.desc(), PaymentTransaction.id), paging)


@router.get("/payments/transactions/{transaction_id}", response_model=dict[str, Any])
def get_transaction(transaction_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        payment = session.get(PaymentTransaction, transaction_id)
        return row_out(owned(payment, payment and _tenant_of_store(session, payment.store_id), principal,
                             "payment transaction"))


@router.get("/payments/settlements", response_model=Page)
def list_card_settlements(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                          mismatched: bool = Query(False, description="Only the batches that do not match."),
                          principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        return page_of(session, settlements_query(store_ids(session, principal, store_id),
                                                  mismatched_only=mismatched), paging)


@router.get("/sync/rejections", response_model=Page)
def rejected_mutations(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                       principal: Principal = Admin, db: Database = Db):
    """Mutations the hub refused for good, with their codes, for the manager to follow up."""
    with db.read() as session:
        query = select(SyncMutation).where(SyncMutation.store_id.in_(store_ids(session, principal, store_id)),
                                           SyncMutation.status == "rejected")
        return page_of(session, query.order_by(SyncMutation.received_at.desc(), SyncMutation.mutation_id), paging)


@router.get("/sync/deferred", response_model=Page)
def deferred_mutations(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                       principal: Principal = Admin, db: Database = Db):
    """Mutations from terminals newer than this hub, kept with their args to be applied once it knows their names
    (at start, or by `pos-hub db maintain`), oldest first."""
    with db.read() as session:
        query = select(SyncMutation).where(SyncMutation.store_id.in_(store_ids(session, principal, store_id)),
                                           SyncMutation.status == "deferred")
        return page_of(session, query.order_by(SyncMutation.received_at, SyncMutation.client_id,
                                               SyncMutation.mutation_id), paging)
