"""The keyboard-wedge detector, fed (character, timestamp) the way a Qt event filter would feed it."""

from __future__ import annotations

from hardware.scanners.wedge import WedgeDetector, WedgeKind, WedgeResult


def type_keys(detector: WedgeDetector, keys: str, gap_ms: float, start_ms: float = 0.0) -> list[WedgeResult]:
    results = []
    now = start_ms
    for key in keys:
        results.append(detector.feed(key, now))
        now += gap_ms
    return results


def delivered(results: list[WedgeResult]) -> tuple[list[str], str]:
    scans = [r.text for r in results if r.kind is WedgeKind.SCAN]
    typed = "".join(r.text for r in results if r.kind is WedgeKind.TYPING)
    return scans, typed


def test_a_burst_at_scanner_speed_ending_in_enter_is_a_scan():
    for gap in (0, 1, 3, 5):
        results = type_keys(WedgeDetector(), "0628176000123\r", gap_ms=gap)
        assert delivered(results) == (["0628176000123"], "")
        assert all(r.kind is WedgeKind.PENDING for r in results[:-1])


def test_a_scan_may_end_in_tab_and_keeps_gs_separators():
    results = type_keys(WedgeDetector(), "0109501101530003\x1d10AB12\t", gap_ms=4)
    assert delivered(results) == (["0109501101530003\x1d10AB12"], "")


def test_human_typing_is_handed_back_key_by_key():
    detector = WedgeDetector()
    results = type_keys(detector, "blue dream", gap_ms=120)
    results.append(detector.poll(10 * 120 + 50))
    scans, typed = delivered(results)
    assert scans == []
    assert typed == "blue dream"


def test_human_typing_followed_by_enter_is_typing_even_when_long_enough():
    detector = WedgeDetector()
    results = type_keys(detector, "0628176000123\r", gap_ms=100)
    assert delivered(results) == ([], "0628176000123\r")


def test_a_short_fast_burst_with_enter_is_typing():
    results = type_keys(WedgeDetector(min_length=6), "ok\r", gap_ms=3)
    assert delivered(results) == ([], "ok\r")


def test_poll_flushes_a_lone_key_once_it_cannot_be_a_scan():
    detector = WedgeDetector(max_gap_ms=40)
    assert detector.feed("a", 1000).kind is WedgeKind.PENDING
    assert detector.poll(1030).kind is WedgeKind.PENDING
    assert detector.poll(1041) == WedgeResult(WedgeKind.TYPING, "a")
    assert detector.poll(1100).kind is WedgeKind.IDLE
    assert not detector.pending


def test_a_scan_right_after_typing_is_still_recognised_whole():
    detector = WedgeDetector()
    typed = type_keys(detector, "ab", gap_ms=150)
    # No poll in between: the scan's first key must flush the stale "b" and start the scan itself.
    scan = type_keys(detector, "4006381333931\r", gap_ms=2, start_ms=450)
    scans, text = delivered(typed + scan)
    assert scans == ["4006381333931"]
    assert text == "ab"


def test_two_scans_back_to_back():
    detector = WedgeDetector()
    first = type_keys(detector, "036000291452\r", gap_ms=2)
    second = type_keys(detector, "96385074\r", gap_ms=2, start_ms=300)
    assert delivered(first + second) == (["036000291452", "96385074"], "")


def test_a_burst_that_stalls_is_typing_from_then_on():
    detector = WedgeDetector(max_gap_ms=40)
    results = type_keys(detector, "1234", gap_ms=2)
    results += type_keys(detector, "5678\r", gap_ms=2, start_ms=200)
    scans, typed = delivered(results)
    assert scans == []
    assert typed == "12345678\r"
