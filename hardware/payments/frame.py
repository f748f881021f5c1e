"""POSLink-style framing: STX, command, FS-separated fields, ETX, then an LRC byte.

The LRC is the XOR of every byte after STX up to and including ETX. The receiver answers each frame with ACK
(valid) or NAK (bad LRC or garbled); the sender retransmits on NAK. Fields are printable ASCII.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from hardware.codes.errors import CodeParseError

STX, ETX, FS, ACK, NAK, EOT = 0x02, 0x03, 0x1C, 0x06, 0x15, 0x04
MAX_FRAME = 4096


class FrameDecodeError(CodeParseError):
    pass


@dataclass(frozen=True)
class Frame:
    command: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ack:
    pass


@dataclass(frozen=True)
class Nak:
    pass


@dataclass(frozen=True)
class BadFrame:
    reason: str


Message = Frame | Ack | Nak | BadFrame


def lrc(data: bytes) -> int:
    return reduce(lambda acc, byte: acc ^ byte, data, 0)


def encode_frame(command: str, *fields: str) -> bytes:
    parts = [command, *fields]
    for part in parts:
        if not part.isascii() or any(not 0x20 <= ord(char) < 0x7F for char in part):
            raise ValueError(f"Frame fields must be printable ASCII: {part!r}")
    body = "\x1c".join(parts).encode("ascii") + bytes([ETX])
    return bytes([STX]) + body + bytes([lrc(body)])


def decode_frame(data: bytes) -> Frame:
    """Decode exactly one complete frame, STX ... ETX LRC."""
    if len(data) < 3 or data[0] != STX:
        raise FrameDecodeError("The terminal's message does not start like a frame (STX).")
    if len(data) > MAX_FRAME:
        raise FrameDecodeError("The terminal's message is too long to be a frame.")
    end = data.find(bytes([ETX]), 1)
    if end < 0 or end != len(data) - 2:
        raise FrameDecodeError("The terminal's message is incomplete or has bytes after its end.")
    body = data[1 : end + 1]
    if lrc(body) != data[-1]:
        raise FrameDecodeError(
            "The terminal's message was damaged on the way (its check byte does not match)."
        )
    return _parse_body(body[:-1])


def _parse_body(body: bytes) -> Frame:
    if not body:
        raise FrameDecodeError("The terminal's message is empty.")
    if any(not (0x20 <= byte < 0x7F or byte == FS) for byte in body):
        raise FrameDecodeError("The terminal's message holds characters a frame may not contain.")
    command, *fields = body.decode("ascii").split("\x1c")
    if not command:
        raise FrameDecodeError("The terminal's message has no command.")
    return Frame(command, tuple(fields))


class FrameReader:
    """Incremental decoder: feed bytes as they arrive, get ACKs, NAKs, frames and damaged frames back.

    Bytes outside a frame other than ACK and NAK are line noise and are dropped.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[Message]:
        self._buffer += data
        messages: list[Message] = []
        while self._buffer:
            head = self._buffer[0]
            if head != STX:
                del self._buffer[0]
                if head == ACK:
                    messages.append(Ack())
                elif head == NAK:
                    messages.append(Nak())
                continue
            end = self._buffer.find(bytes([ETX]), 1)
            if end < 0 or end + 1 >= len(self._buffer):
                if len(self._buffer) > MAX_FRAME:
                    self._buffer.clear()
                    messages.append(BadFrame("The terminal's message is too long to be a frame."))
                break
            raw = bytes(self._buffer[: end + 2])
            del self._buffer[: end + 2]
            try:
                messages.append(decode_frame(raw))
            except FrameDecodeError as exc:
                messages.append(BadFrame(str(exc)))
        return messages
