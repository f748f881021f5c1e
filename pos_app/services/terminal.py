"""What every command needs to know about where it runs: store, province, taxes, terminal number."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, tzinfo

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.tax import TaxComponent
from pos_app.persistence import store_repository
from pos_app.persistence.sync_state import ensure_sync_state
from pos_app.services.errors import NotSetUp


@dataclass(frozen=True)
class TerminalContext:
    store_id: uuid.UUID
    store_code: str
    store_name: str
    address_lines: tuple[str, ...]
    license_number: str | None
    province_code: str
    min_age: int
    terminal_no: int
    tax_components: tuple[TaxComponent, ...]
    settings: dict
    zone: tzinfo = UTC  # the store's time zone: every time a person reads is shown in it (services.clock)

    def receipt_number(self, seq: int) -> str:
        return f"{self.store_code}-{self.terminal_no}-{seq:06d}"


def load_terminal_context(session_factory: sessionmaker[Session], today: date) -> TerminalContext:
    with session_factory() as session:
        store = store_repository.the_store(session)
        if store is None:
            raise NotSetUp("not_set_up.no_store")
        province = store_repository.province_of(session, store)
        state = ensure_sync_state(session)
        session.commit()
        return TerminalContext(
            store_id=store.id,
            store_code=store.store_code,
            store_name=store.name,
            address_lines=tuple(x for x in (store.street, f"{store.city}, {province.code} {store.postal_code}")
                                if x.strip(", ")),
            license_number=store.license_number,
            province_code=province.code,
            min_age=province.min_age,
            terminal_no=state.terminal_no,
            tax_components=tuple(store_repository.tax_components(session, store, today)),
            settings=dict(store.settings),
            zone=store_repository.store_zone(session),
        )
