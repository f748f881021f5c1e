"""AAMVA test payloads built for these tests (no real person's data)."""

from __future__ import annotations


def aamva(
    iin: str,
    version: int,
    subfiles: list[tuple[str, list[str]]],
    *,
    jurisdiction_version: str = "00",
    header_start: str = "@\n\x1e\r",
    dl_offset_override: str | None = None,
) -> str:
    """A PDF417 payload with correct designators (type, offset, length) for each subfile."""
    count = f"{len(subfiles):02d}"
    header = header_start + "ANSI " + iin + f"{version:02d}"
    header += (jurisdiction_version if version >= 2 else "") + count
    offset = len("@\n\x1e\r" + header[len(header_start) :]) + 10 * len(subfiles)
    designators, bodies = "", ""
    for kind, elements in subfiles:
        body = kind + "\n".join(elements) + "\r"
        offset_text = f"{offset:04d}"
        if kind == "DL" and dl_offset_override is not None:
            offset_text = dl_offset_override
        designators += f"{kind}{offset_text}{len(body):04d}"
        bodies += body
        offset += len(body)
    return header + designators + bodies


US_V08 = aamva(
    "636000",
    8,
    [
        (
            "DL",
            [
                "DAQT64235789",
                "DCSSAMPLE",
                "DDEN",
                "DACMICHAEL",
                "DDFN",
                "DADJOHN",
                "DDGN",
                "DCAD",
                "DCBK",
                "DCDPH",
                "DBD06062019",
                "DBB06061986",
                "DBA12102030",
                "DBC1",
                "DAU068 in",
                "DAG2300 WEST BROAD STREET",
                "DAIRICHMOND",
                "DAJVA",
                "DAK232690000  ",
                "DCF2424244747474786102204",
                "DCGUSA",
            ],
        ),
        ("ZV", ["ZVA01"]),
    ],
    jurisdiction_version="01",
)

ONTARIO_ELEMENTS = [
    "DCAG",
    "DCBNONE",
    "DCDNONE",
    "DBA20280315",
    "DCSDOE",
    "DACJANE",
    "DADMARIE",
    "DBD20230315",
    "DBB19900315",
    "DBC2",
    "DAYNONE",
    "DAU165 cm",
    "DAG123 QUEEN ST W",
    "DAITORONTO",
    "DAJON",
    "DAKM5H2M9",
    "DAQD1234-56789-00315",
    "DCFAB1234567",
    "DCGCAN",
]
# Ontario's layout: the DL designator's offset reads 0000, so the subfile must be found by its type.
ONTARIO = aamva(
    "636012",
    8,
    [("DL", ONTARIO_ELEMENTS), ("ZO", ["ZOAXYZ"])],
    dl_offset_override="0000",
    jurisdiction_version="01",
)

QUEBEC_ID = aamva(
    "604428",
    9,
    [
        (
            "ID",
            [
                "DAQT1234-050101-07",
                "DCSTREMBLAY",
                "DACELODIE",
                "DBB20050101",
                "DBA20310101",
                "DAJQC",
                "DCGCAN",
            ],
        )
    ],
)

ALBERTA = aamva(
    "604432",
    3,
    [("DL", ["DAQ123456-789", "DCSNGUYEN", "DCTALEX", "DBB20081122", "DBA20300101", "DAJAB", "DCGCAN"])],
)

BC_MAGSTRIPE = (
    "%BCVICTORIA^SPECIMEN,$TEST CARD^910 GOVERNMENT ST$VICTORIA BC  V8W 3Y8^?"
    ";6360281234567=280719750102=?"
    "_%0AV8W3Y8                     M185 95BRNBLU9123456789                ?"
)
BC_MAGSTRIPE_BIRTHDAY_EXPIRY = "%BCVANCOUVER^LEE,$SAM^1 MAIN ST$VANCOUVER BC^?;6360287654321=289919880229=?"

US_V01_FULL_NAME = aamva(
    "636001", 1, [("DL", ["DAQ123456789", "DAAPUBLIC,JOHN,Q", "DBB01311970", "DBA01312027", "DAJNY"])]
)

MISSING_DOB = aamva("636000", 8, [("DL", ["DAQT1", "DCSNODOB", "DACPAT", "DBA12102030", "DAJVA", "DCGUSA"])])
IMPOSSIBLE_DOB = aamva(
    "636000", 8, [("DL", ["DAQT2", "DCSBAD", "DACDATE", "DBB02301990", "DBA12102030", "DAJVA", "DCGUSA"])]
)
EXPIRED = aamva(
    "636012",
    8,
    [("DL", ["DAQE1234-56789-00101", "DCSOLD", "DACCARD", "DBB19800101", "DBA20200101", "DAJON", "DCGCAN"])],
)
TRUNCATED = US_V08[:60]
FUTURE_DOB = aamva(
    "636012", 8, [("DL", ["DAQF1", "DCSFUTURE", "DACKID", "DBB20300101", "DBA20350101", "DAJON", "DCGCAN"])]
)
TOO_OLD = aamva(
    "636012", 8, [("DL", ["DAQO1", "DCSOLD", "DACVERY", "DBB18500101", "DBA20300101", "DAJON", "DCGCAN"])]
)
BC_MISSING_DOB = "%BCVICTORIA^NO,$DOB^1 ST$VICTORIA BC^?;6360281111111=2807=?"
