"""HTTP to the hub with httpx: one method per endpoint, each answer turned into a result or a SyncError."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync.client.errors import (
    ClientIdReused,
    GapDetected,
    HubBusy,
    HubUnreachable,
    NeedsPairing,
    Refused,
)
from sync.logs import CORRELATION_HEADER, correlation_id
from sync.protocol import (
    RESTORED_DATABASE,
    PairRequest,
    PairResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    StoreDaySummary,
    StoreSummaryRequest,
)

DEFAULT_TIMEOUT = 30.0  # a batch of 100 sales can take the hub seconds under load
Answer = TypeVar("Answer", bound=BaseModel)


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    message = body.get("message") if isinstance(body, dict) else None
    detail = body.get("detail") if isinstance(body, dict) else None
    return message or (detail if isinstance(detail, str) else response.reason_phrase)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.replace(".", "", 1).isdigit() else None


class HubClient:
    """Talks to one hub. `token` is read on every request, so pairing again takes effect at once."""

    def __init__(self, base_url: str, token: Callable[[], str | None] = lambda: None, *,
                 timeout: float = DEFAULT_TIMEOUT, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport)

    def close(self) -> None:
        self._http.close()

    def pair(self, request: PairRequest) -> PairResponse:
        return self._post("/sync/v1/pair", request, PairResponse, authorised=False)

    def push(self, request: PushRequest) -> PushResponse:
        # The same id goes in both programs' logs, so support can follow these mutations to the hub and back.
        first, last = request.mutations[0].id, request.mutations[-1].id
        return self._post("/sync/v1/push", request, PushResponse,
                          headers={CORRELATION_HEADER: correlation_id(request.client_id, first, last)})

    def pull(self, request: PullRequest) -> PullResponse:
        # A long-poll holds the answer back up to wait_seconds; the read timeout must outlast it.
        return self._post("/sync/v1/pull", request, PullResponse, extra_wait=request.wait_seconds)

    def store_summary(self, client_id: uuid.UUID, day: date) -> StoreDaySummary:
        """One day of this terminal's store's sales, as the hub has them now."""
        return self._post("/sync/v1/store-summary", StoreSummaryRequest(client_id=client_id, day=day),
                          StoreDaySummary)

    def healthy(self) -> bool:
        try:
            return self._http.get("/healthz", timeout=min(self._timeout, 3.0)).status_code == 200
        except httpx.HTTPError:
            return False

    def _post(self, path: str, request: BaseModel, model: type[Answer], *, authorised: bool = True,
              extra_wait: float = 0.0, headers: dict[str, str] | None = None) -> Answer:
        headers = dict(headers or {})
        if authorised:
            token = self._token()
            if not token:
                raise NeedsPairing("This terminal is not paired with a hub. Run `pos-app sync pair`.")
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self._http.post(path, content=request.model_dump_json(), headers={
                **headers, "Content-Type": "application/json"}, timeout=self._timeout + extra_wait)
        except httpx.TimeoutException as error:
            raise HubUnreachable(f"The hub at {self.base_url} did not answer in time ({type(error).__name__}).") \
                from error
        except httpx.HTTPError as error:
            raise HubUnreachable(f"The hub at {self.base_url} cannot be reached ({type(error).__name__}).") \
                from error
        _raise_for(response, self.base_url)
        try:
            return model.model_validate_json(response.content)
        except ValidationError as error:
            # Half an answer (a proxy cut it short) reads like no answer: the outcome is unknown.
            raise HubUnreachable(f"The hub at {self.base_url} sent an answer that is not complete.") from error


def _raise_for(response: httpx.Response, base_url: str) -> None:
    status = response.status_code
    if status < 400:
        return
    detail = _detail(response)
    if status == 401:
        raise NeedsPairing(f"The hub refused this terminal's token ({detail}). Pair the terminal again; "
                           "unsent sales stay on the terminal.")
    if status == 409:
        expected = _json_field(response, "expected_id")
        if isinstance(expected, int):
            raise GapDetected(detail, expected)
        raise Refused(f"The hub refused the request: {detail}")
    if status == 422 and _json_field(response, "code") == RESTORED_DATABASE:
        raise ClientIdReused(detail)
    if status == 429 or status >= 500:
        raise HubBusy(f"The hub at {base_url} is busy or unwell ({status}: {detail}).", _retry_after(response))
    raise Refused(f"The hub refused the request ({status}): {detail}")


def _json_field(response: httpx.Response, name: str):
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get(name) if isinstance(body, dict) else None
