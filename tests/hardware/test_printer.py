"""The ESC/POS printer adapter against the printer simulator on a real socket, and the pieces under it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from hardware.errors import DeviceUnavailable, HardwareError
from hardware.ports import CashDrawer, PrinterStatus, ReceiptPrinter
from hardware.printers.adapter import EscposPrinter, PrinterNotReady
from hardware.printers.document import ReceiptDiscount, ReceiptLabels, ReceiptLine, ReceiptTender
from hardware.printers.layout import TextRow, layout_receipt, two_columns
from hardware.printers.status import StatusDecodeError, decode_status, encode_status
from hardware.simulators.escpos_parser import EscposParser
from hardware.simulators.printer import PrinterSimulator
from hardware.simulators.receipt_image import job_text

from .receipts import sample_receipt


def printer_for(sim: PrinterSimulator, **options) -> EscposPrinter:
    options.setdefault("timeout_s", 2.0)
    return EscposPrinter(f"tcp://127.0.0.1:{sim.port}", **options)


def test_a_receipt_comes_back_as_text_with_the_right_totals_and_a_png(printer_sim):
    printer = printer_for(printer_sim)
    assert isinstance(printer, ReceiptPrinter) and isinstance(printer, CashDrawer)
    printer.print_receipt(sample_receipt(), open_drawer=True)
    (job,) = printer_sim.wait_for_jobs(1)
    text = job.text
    for expected in (
        "Maple Leaf Cannabis",
        "Licence: CRSA-1234567",
        "Receipt ON001-1-000042",
        "Served by: Alex",
        "Lot: LOT-A1, LOT-A2",
        "3 x $9.00",
        "Loyalty 10%",
        "HST 13%",
        "VISA ****4242 Auth A1B2C3",
        "Cash rounding",
    ):
        assert expected in text
    assert _amount_on_line(text, "Subtotal") == "$99.99"
    assert _amount_on_line(text, "Loyalty 10%") == "-$10.00"
    assert _amount_on_line(text, "HST 13%") == "$11.70"
    assert _amount_on_line(text, "TOTAL") == "$101.69"
    lines = text.splitlines()
    saved = lines.index("You saved $10.00")  # the saving, under the discount it sums
    assert lines[saved - 1].startswith("Loyalty 10%") and lines[saved + 1].startswith("HST 13%")
    assert _amount_on_line(text, "Cash rounding") == "$0.01"
    assert _amount_on_line(text, "Change") == "$0.30"
    assert job.parsed.qr_codes == ["R:ON001-1-000042"]
    assert (job.parsed.drawer_pulses, job.parsed.cuts) == (1, 1)
    assert job.printed and job.png_path is not None and job.png_path.exists()
    with Image.open(job.png_path) as image:
        assert image.width == 48 * 12 + 32 and image.height > 900
    assert all(len(line) <= 48 for line in text.splitlines())


def _amount_on_line(text: str, label: str) -> str:
    line = next(line for line in text.splitlines() if line.startswith(label))
    return line.split()[-1]


@pytest.mark.parametrize("code_page", ["CP858", "CP863"])
def test_french_accents_round_trip_through_the_code_page(printer_sim, code_page):
    printer_for(printer_sim, code_page=code_page).print_lines(
        ["Crème brûlée Édition", "Ça, c'est l'été à Montréal"]
    )
    (job,) = printer_sim.wait_for_jobs(1)
    assert "Crème brûlée Édition" in job.text
    assert "Ça, c'est l'été à Montréal" in job.text
    assert job.parsed.code_pages == {code_page.lower()}


def test_58_mm_receipt_with_a_code128_barcode(printer_sim):
    printer_sim.columns = 32  # a 58 mm roll
    printer = printer_for(printer_sim, paper_width=58, receipt_code="code128")
    printer.print_receipt(sample_receipt())
    (job,) = printer_sim.wait_for_jobs(1)
    assert job.parsed.barcodes == ["R:ON001-1-000042"]
    assert "TOTAL" in job.text
    assert all(len(line) <= 32 for line in job_text(job.parsed, 32).splitlines())


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (PrinterStatus(), PrinterStatus()),
        (PrinterStatus(paper_near_end=True), PrinterStatus(paper_near_end=True)),
        (PrinterStatus(paper_end=True), PrinterStatus(paper_end=True, paper_near_end=True, offline=True)),
        (PrinterStatus(cover_open=True), PrinterStatus(cover_open=True, offline=True)),
        (PrinterStatus(offline=True), PrinterStatus(offline=True)),
    ],
)
def test_status_is_read_with_dle_eot(printer_sim, state, expected):
    printer_sim.status = state
    assert printer_for(printer_sim).status() == expected


def test_a_printer_out_of_paper_refuses_the_receipt_but_still_opens_the_drawer(printer_sim):
    printer_sim.set_status(paper_end=True)
    with pytest.raises(PrinterNotReady, match="out of paper") as caught:
        printer_for(printer_sim).print_receipt(sample_receipt(), open_drawer=True)
    assert caught.value.status.paper_end
    (job,) = printer_sim.wait_for_jobs(1)
    assert (job.parsed.drawer_pulses, job.parsed.cuts) == (1, 0)
    assert "Maple" not in job.text


def test_a_printer_that_ignores_status_requests_is_printed_to_anyway(printer_sim):
    printer_sim.answer_status = False
    printer = printer_for(printer_sim, timeout_s=0.3)
    assert printer.status().offline
    printer.print_lines(["hello"])
    assert "hello" in printer_sim.wait_for_jobs(1)[0].text


def test_an_unreachable_printer_is_a_plain_sentence(printer_sim):
    port = printer_sim.port
    printer_sim.stop()
    with pytest.raises(DeviceUnavailable) as caught:
        EscposPrinter(f"tcp://127.0.0.1:{port}", timeout_s=1).print_receipt(sample_receipt())
    assert str(caught.value) == (
        f"The receipt printer at tcp://127.0.0.1:{port} cannot be reached. Check that it is on and connected."
    )


def test_serial_printer_url_goes_through_serial_for_url(printer_sim):
    printer = EscposPrinter(f"serial:socket://127.0.0.1:{printer_sim.port}", timeout_s=1.0)
    assert printer.status() == PrinterStatus()
    printer.print_receipt(sample_receipt())
    assert "TOTAL" in printer_sim.wait_for_jobs(1)[-1].text


def test_file_printer_writes_the_escpos_bytes(tmp_path: Path):
    target = tmp_path / "receipt.bin"
    EscposPrinter(f"file://{target}").print_receipt(sample_receipt())
    parser = EscposParser()
    parser.feed(target.read_bytes())
    assert "Crème brûlée Édition" in job_text(parser.finish(), 48)


@pytest.mark.parametrize("url", ["ftp://printer", "tcp://", "usb://zz:yy"])
def test_bad_printer_urls_are_refused_plainly(url):
    with pytest.raises(HardwareError, match="not one we know|pyusb"):
        EscposPrinter(url).status()


def test_a_simulator_saving_to_a_folder_numbers_on_from_an_earlier_run_and_keeps_its_receipts(tmp_path):
    for run in ("first run", "second run"):
        sim = PrinterSimulator(port=0, save_dir=tmp_path)
        sim.start()
        try:
            printer_for(sim).print_lines([f"from the {run}"])
            (job,) = sim.wait_for_jobs(1)
        finally:
            sim.stop()
        assert job.png_path is not None and job.png_path.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        f"job-000{n}.{ext}" for n in (1, 2) for ext in ("bin", "png", "txt")]
    assert "from the first run" in (tmp_path / "job-0001.txt").read_text(encoding="utf-8")
    assert "from the second run" in (tmp_path / "job-0002.txt").read_text(encoding="utf-8")


def test_simulator_renders_raster_images_and_skips_unknown_commands():
    device = Dummy()
    device.image(Image.new("1", (64, 16), 0))
    device._raw(b"\x1b\xee\x1d\xee")  # unknown ESC and GS commands
    device.text("after\n")
    parser = EscposParser()
    for chunk in (device.output[:5], device.output[5:]):  # a command split across two reads
        parser.feed(chunk)
    job = parser.finish()
    picture = job.items[0]
    assert picture.kind == "raster" and picture.image.size == (64, 16)
    assert job.unknown_commands == 2
    assert job.items[-1].text == "after"


def test_layout_keeps_every_line_inside_the_paper():
    long_name = "Extraordinarily long product name that needs wrapping on narrow paper 28 g"
    doc = sample_receipt(store_name="The Very Long Store Name Of Northern Ontario Cannabis")
    doc = sample_receipt(
        store_name=doc.store_name, lines=(*doc.lines, ReceiptLine(long_name, 1, 123456, 123456))
    )
    for columns in (48, 32):
        rows = layout_receipt(doc, columns)
        for row in rows:
            if isinstance(row, TextRow):
                assert len(row.text) * (2 if row.double_width else 1) <= columns


@pytest.mark.parametrize("tender, label", [
    (ReceiptTender("card", 500, brand="VISA", last4="4242", auth_code="A1"), "VISA ****4242 Auth A1"),
    (ReceiptTender("card", 500, last4="4242"), "Card ****4242"),
    (ReceiptTender("card refund", 500, brand="VISA", last4="4242", auth_code="A1"),
     "Card refund VISA ****4242 Auth A1"),
    (ReceiptTender("cash refund", 500), "Cash refund"),
])
def test_a_tender_row_says_what_it_is_and_a_card_refund_says_refund(tender, label):
    texts = [row.text for row in layout_receipt(sample_receipt(title="REFUND", tenders=(tender,)), 48)
             if isinstance(row, TextRow)]
    assert label + " " * (48 - len(label) - 5) + "$5.00" in texts


def test_you_saved_adds_up_every_discount_and_a_receipt_without_one_has_no_such_line():
    def texts(doc):
        return [row.text for row in layout_receipt(doc, 32) if isinstance(row, TextRow)]

    two = sample_receipt(discounts=(ReceiptDiscount("Pre-rolls: buy 2, get 1 at 50 % off", 450),
                                    ReceiptDiscount("Code SPRING5: $5 off", 500)))
    shown = texts(two)
    assert shown.index("You saved $9.50") == shown.index(next(t for t in shown if t.startswith("Code SPRING5"))) + 1
    assert not [t for t in texts(sample_receipt(discounts=())) if t.startswith("You saved")]
    french = sample_receipt(labels=ReceiptLabels(you_saved="Vous économisez"))
    assert "Vous économisez $10.00" in texts(french)


def test_two_columns():
    assert two_columns("Subtotal", "$1.00", 16) == ["Subtotal   $1.00"]
    assert two_columns("A name far too long", "$1.00", 16) == ["A name far too", "long       $1.00"]


def test_status_decoder_on_known_bytes():
    replies = {n: bytes([encode_status(n, PrinterStatus(paper_near_end=True))]) for n in (1, 2, 3, 4)}
    assert decode_status(replies) == PrinterStatus(paper_near_end=True)
    assert decode_status({}) == PrinterStatus(offline=True)
    assert decode_status({1: b"\x12", 2: b"\x16"}).cover_open
    with pytest.raises(StatusDecodeError, match="not a status byte"):
        decode_status({1: b"\xff"})
    with pytest.raises(StatusDecodeError):
        decode_status({5: b"\x12"})


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.integers(-2, 8), st.binary(max_size=3), max_size=6))
def test_fuzz_status_decoder_returns_a_status_or_our_error(replies):
    try:
        status = decode_status(replies)
    except StatusDecodeError:
        return
    assert isinstance(status, PrinterStatus)


def test_printer_simulator_runs_as_a_program(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "hardware.simulators.printer", "--port", "0", "--save-dir", str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(process.stdout.readline().split("127.0.0.1:")[1].split(" ")[0])
        printer = EscposPrinter(f"tcp://127.0.0.1:{port}", timeout_s=2)
        printer.print_lines(["from another process"])
        # The job is saved once the simulator has read the whole connection; wait for it before changing state.
        saved = tmp_path / "job-0001.txt"
        deadline = time.monotonic() + 10
        while not saved.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        process.stdin.write("status paper_end=1\n")
        process.stdin.flush()
        assert "paper_end=True" in process.stdout.readline()
        assert printer.status().paper_end
    finally:
        process.stdin.write("quit\n")
        process.stdin.close()
        process.wait(timeout=5)
        process.stdout.close()
    assert "from another process" in (tmp_path / "job-0001.txt").read_text(encoding="utf-8")
    assert (tmp_path / "job-0001.png").exists()
