"""What a printer made of one job: lines of styled text, pictures (QR codes, barcodes, images) and cuts."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class Style:
    bold: bool = False
    underline: bool = False
    width: int = 1
    height: int = 1


@dataclass
class TextLine:
    segments: list[tuple[str, Style]]
    align: str = "left"

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)

    @property
    def cells(self) -> int:
        return sum(len(text) * style.width for text, style in self.segments)


@dataclass
class Picture:
    image: Image.Image  # mode "1", one pixel per printer dot
    align: str
    kind: str  # "qr", "barcode" or "raster"
    data: str = ""  # what a QR code or barcode holds


@dataclass
class CutMark:
    partial: bool = False


Item = TextLine | Picture | CutMark


@dataclass
class ParsedJob:
    items: list[Item] = field(default_factory=list)
    drawer_pulses: int = 0
    cuts: int = 0
    code_pages: set[str] = field(default_factory=set)
    unknown_commands: int = 0

    @property
    def barcodes(self) -> list[str]:
        return [item.data for item in self.items if isinstance(item, Picture) and item.kind == "barcode"]

    @property
    def qr_codes(self) -> list[str]:
        return [item.data for item in self.items if isinstance(item, Picture) and item.kind == "qr"]

    @property
    def has_content(self) -> bool:
        return bool(self.items or self.drawer_pulses)
