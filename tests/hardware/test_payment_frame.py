"""POSLink-style frames: LRC, encoding, incremental decoding, ACK/NAK over loop://, and fuzzing."""

from __future__ import annotations

import pytest
import serial
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.payments.frame import (
    ACK,
    NAK,
    Ack,
    BadFrame,
    Frame,
    FrameDecodeError,
    FrameReader,
    Nak,
    decode_frame,
    encode_frame,
    lrc,
)
from hardware.payments.link import FrameLink, PaymentNotSent
from hardware.payments.messages import parse_result, result_frame_fields
from hardware.ports import PaymentResult, PaymentStatus


def test_frame_layout_and_lrc():
    frame = encode_frame("SALE", "REF1", "1999")
    assert frame == b"\x02SALE\x1cREF1\x1c1999\x03" + bytes([lrc(b"SALE\x1cREF1\x1c1999\x03")])
    # The LRC covers everything after STX up to and including ETX.
    body = frame[1:-1]
    check = 0
    for byte in body:
        check ^= byte
    assert frame[-1] == check
    assert decode_frame(frame) == Frame("SALE", ("REF1", "1999"))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "does not start"),
        (b"SALE\x03\x00", "does not start"),
        (b"\x02SALE\x1cREF", "incomplete"),
        (b"\x02SALE\x03\x00\x00", "incomplete"),
        (encode_frame("SALE", "R", "1")[:-1] + b"\x00", "damaged"),
        (b"\x02\x03\x03", "empty"),
        (b"\x02\x1cX\x03" + bytes([lrc(b"\x1cX\x03")]), "no command"),
        (b"\x02SA\x05LE\x03" + bytes([lrc(b"SA\x05LE\x03")]), "characters"),
    ],
)
def test_bad_frames_raise_our_error(data, words):
    with pytest.raises(FrameDecodeError, match=words):
        decode_frame(data)


def test_reader_handles_noise_split_frames_acks_and_damage():
    reader = FrameReader()
    good = encode_frame("RESULT", "R1", "approved")
    damaged = good[:-1] + bytes([good[-1] ^ 1])
    messages = reader.feed(b"\x00\x06junk" + good[:5])
    assert messages == [Ack()]
    messages = reader.feed(good[5:] + bytes([NAK]) + damaged)
    assert messages[0] == Frame("RESULT", ("R1", "approved"))
    assert messages[1] == Nak()
    assert isinstance(messages[2], BadFrame)


def test_result_keeps_only_four_digits_of_the_card():
    fields = result_frame_fields(
        PaymentResult(PaymentStatus.APPROVED, "R1", 100, 100, "4242", "VISA", "A1", "T1")
    )
    result = parse_result(Frame("RESULT", fields))
    assert (result.status, result.last4, result.brand) == (PaymentStatus.APPROVED, "4242", "VISA")
    leaky = list(fields)
    leaky[4] = "4111111111111111"
    assert parse_result(Frame("RESULT", tuple(leaky))).last4 == "1111"
    with pytest.raises(FrameDecodeError):
        parse_result(Frame("RESULT", ("R1", "maybe", "1", "1", "", "", "", "")))


def test_link_over_loop_receives_a_frame_and_acks_it():
    port = serial.serial_for_url("loop://", timeout=0.01)
    link = FrameLink(port, ack_timeout_s=0.05)
    port.write(encode_frame("RESULT", "R9", "declined"))
    assert link.receive(1.0) == Frame("RESULT", ("R9", "declined"))
    assert port.read(1) == bytes([ACK])


def test_link_over_loop_naks_a_damaged_frame():
    port = serial.serial_for_url("loop://", timeout=0.01)
    link = FrameLink(port, ack_timeout_s=0.05)
    good = encode_frame("RESULT", "R9", "declined")
    port.write(good[:-1] + b"\x00" + good)
    assert link.receive(1.0) == Frame("RESULT", ("R9", "declined"))
    assert port.read(2) == bytes([NAK, ACK])


class NakingPort:
    """A serial port whose far end NAKs every frame it is sent."""

    timeout = 0.01
    in_waiting = 0

    def __init__(self) -> None:
        self.written: list[bytes] = []
        self._naks_due = 0

    def write(self, data: bytes) -> None:
        self.written.append(data)
        self._naks_due += 1

    def read(self, size: int = 1) -> bytes:
        if not self._naks_due:
            return b""
        self._naks_due -= 1
        return bytes([NAK])


def test_link_gives_up_after_three_naks():
    port = NakingPort()
    with pytest.raises(PaymentNotSent, match="three times"):
        FrameLink(port, ack_timeout_s=0.2).send(encode_frame("SALE", "R1", "100"))
    assert len(port.written) == 3


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=64))
def test_fuzz_decode_frame_returns_a_frame_or_our_error(data):
    try:
        frame = decode_frame(data)
    except FrameDecodeError:
        return
    assert isinstance(frame, Frame)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=24), max_size=8))
def test_fuzz_frame_reader_never_raises(chunks):
    reader = FrameReader()
    for chunk in chunks:
        for message in reader.feed(chunk):
            assert isinstance(message, Frame | Ack | Nak | BadFrame)


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1),
    st.lists(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E)), max_size=5),
)
def test_fuzz_round_trip(command, fields):
    assert decode_frame(encode_frame(command, *fields)) == Frame(command, tuple(fields))
