"""The puller's pipeline: the next page is fetched (and prepared) while one is applied, in order, and a
page that cannot be applied, or fails, never lets a later one in."""

from __future__ import annotations

import gc
import threading
import time
import uuid
from contextlib import nullcontext

import pytest

from sync.client import read_ahead
from sync.client.ports import PullPosition
from sync.client.puller import READ_AHEAD_PAGES, Puller
from sync.client.read_ahead import ReadAhead
from sync.protocol import Change, PullRequest, PullResponse


def _page(number: int, last: int) -> PullResponse:
    change = Change(entity="product", id=str(uuid.UUID(int=number)), op="put", version=1, data={"n": number})
    return PullResponse(cursor=f"c{number}", last_mutation_id=0, changes=[change], has_more=number < last,
                        reset=False, remaining=last - number)


class FakeHub:
    """Answers page n+1 to cursor c<n>; records the requests and the threads that made them."""

    def __init__(self, last: int) -> None:
        self.last = last
        self.requests: list[PullRequest] = []
        self.threads: set[str] = set()

    def pull(self, request: PullRequest) -> PullResponse:
        self.requests.append(request)
        self.threads.add(threading.current_thread().name)
        number = 1 if request.cursor is None else int(request.cursor[1:]) + 1
        return _page(number, self.last)


class FakeReplica:
    def __init__(self, *, refuse_once_at: str | None = None, fail_at: str | None = None) -> None:
        self.client_id = uuid.uuid4()
        self.cursor: str | None = None
        self.applied: list[str] = []
        self.refuse_once_at, self.fail_at = refuse_once_at, fail_at

    def position(self) -> PullPosition:
        return PullPosition(self.client_id, self.cursor)

    def catch_up(self):
        return nullcontext()

    def apply_page(self, position: PullPosition, page: PullResponse) -> bool:
        assert position.cursor == self.cursor, "a page is applied only on top of the position it was asked from"
        if page.cursor == self.fail_at:
            raise RuntimeError("power cut")
        if page.cursor == self.refuse_once_at:
            self.refuse_once_at = None
            return False
        self.applied.append(page.cursor)
        self.cursor = page.cursor
        return True


def test_pages_arrive_in_order_the_next_one_fetched_and_prepared_on_the_prefetching_thread():
    hub, replica, prepared = FakeHub(last=5), FakeReplica(), []
    progress = []
    puller = Puller(hub, replica, page_size=1000, prepare=lambda page: prepared.append(page.cursor))
    report = puller.pull_until_caught_up(lambda done, total: progress.append((done, total)))
    assert replica.applied == ["c1", "c2", "c3", "c4", "c5"]
    assert (report.pages, report.changes) == (5, 5)
    assert prepared == ["c2", "c3", "c4", "c5"], "every page but the first is prepared ahead"
    assert all(request.limit == 1000 for request in hub.requests)
    assert any(name.startswith("sync-prefetch") for name in hub.threads)
    assert progress == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)], "done and total from each page's remaining"


def test_a_page_that_cannot_be_applied_drops_the_prefetched_one_and_asks_again():
    hub, replica = FakeHub(last=4), FakeReplica(refuse_once_at="c2")
    report = Puller(hub, replica).pull_until_caught_up()
    assert replica.applied == ["c1", "c2", "c3", "c4"]
    assert report.pages == 4
    asked = [request.cursor for request in hub.requests]
    assert asked.count("c1") == 2, "c2 was asked for again from the position that stood"


def test_a_failed_apply_stops_the_pull_and_keeps_the_position_of_the_last_page_applied():
    hub, replica = FakeHub(last=6), FakeReplica(fail_at="c3")
    with pytest.raises(RuntimeError, match="power cut"):
        Puller(hub, replica).pull_until_caught_up()
    assert replica.applied == ["c1", "c2"]
    assert replica.cursor == "c2", "the page in hand, and the one fetched ahead, are asked for again next time"
    hub.requests.clear()
    replica.fail_at = None
    Puller(hub, replica).pull_until_caught_up()
    assert replica.applied == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert hub.requests[0].cursor == "c2"


class CollectorWatch(FakeReplica):
    """Notes whether Python's cyclic garbage collector is on as each page is applied."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.collector_on: list[bool] = []

    def apply_page(self, position: PullPosition, page: PullResponse) -> bool:
        self.collector_on.append(gc.isenabled())
        return super().apply_page(position, page)


def test_a_catch_up_of_many_pages_runs_without_the_cyclic_collector_and_turns_it_back_on():
    assert gc.isenabled()
    replica = CollectorWatch()
    Puller(FakeHub(last=3), replica).pull_until_caught_up()
    assert replica.collector_on == [False, False, False]
    assert gc.isenabled()


def test_a_single_page_pull_leaves_the_collector_on():
    replica = CollectorWatch()
    Puller(FakeHub(last=1), replica).pull_until_caught_up(wait_seconds=0)
    assert replica.collector_on == [True]


def test_a_catch_up_that_fails_still_turns_the_collector_back_on():
    replica = CollectorWatch(fail_at="c2")
    with pytest.raises(RuntimeError):
        Puller(FakeHub(last=3), replica).pull_until_caught_up()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_program_stays_off():
    gc.disable()
    try:
        Puller(FakeHub(last=3), CollectorWatch()).pull_until_caught_up()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pages_are_read_ahead_a_few_at_most_while_one_is_applied():
    hub = FakeHub(last=20)
    asked_while_applying: list[int] = []

    class Slow(FakeReplica):
        def apply_page(self, position, page):
            time.sleep(0.02)  # a slow write: the reading thread gets as far ahead as it may
            asked_while_applying.append(len(hub.requests) - (len(self.applied) + 1))
            return super().apply_page(position, page)

    replica = Slow()
    Puller(hub, replica).pull_until_caught_up()
    assert replica.applied == [f"c{n}" for n in range(1, 21)]
    # The queue's pages, plus the one fetched and waiting for room in it.
    assert max(asked_while_applying) == READ_AHEAD_PAGES + 1


def test_stopping_a_read_ahead_that_waits_for_room_does_not_hang():
    hub = FakeHub(last=50)
    ahead = ReadAhead(lambda position: hub.pull(PullRequest(client_id=position.client_id, cursor=position.cursor)),
                      PullPosition(uuid.uuid4(), None), _page(1, 50), depth=2)
    deadline = time.monotonic() + 5
    while len(hub.requests) < 3 and time.monotonic() < deadline:  # two queued, one waiting for room
        time.sleep(0.01)
    started = time.monotonic()
    ahead.close()
    assert time.monotonic() - started < 1
    assert len(hub.requests) == 3, "nothing is fetched once stopped"


def test_a_single_page_pull_starts_no_reading_thread(monkeypatch):
    started: list[str] = []

    class Noted(threading.Thread):
        def start(self) -> None:
            started.append(self.name)
            super().start()

    monkeypatch.setattr(read_ahead.threading, "Thread", Noted)
    Puller(FakeHub(last=1), FakeReplica()).pull_until_caught_up()
    assert started == []
    Puller(FakeHub(last=2), FakeReplica()).pull_until_caught_up()
    assert started == ["sync-prefetch"], "a catch-up of more pages reads ahead"
