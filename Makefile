# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv when it is missing.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: demo test lint bench soak screenshots console-catalog translations qm dist system-deps clean

$(STAMP): pyproject.toml
	@bash scripts/system-deps.sh
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The Qt screens' compiled translations (build products, not in git), made from the .ts files beside them.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*_fr.ts))

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

qm: $(QM)

# The Qt screens' strings: each area's tr() into its .ts (scripts/translations.py), then the .qm from each .ts.
translations: $(STAMP)
	$(PY) scripts/translations.py $(VENV)/bin/pyside6-lupdate
	@$(MAKE) --no-print-directory qm VENV=$(VENV)

demo: $(STAMP) $(QM)
	$(VENV)/bin/pos-app run --demo

# The suite runs on every core (pytest-xdist; PYTEST_WORKERS=0 runs it in this one process), each module's tests
# together on one worker, in their order. pytest exits 5 when it collects nothing; that is a failure, not a pass.
PYTEST_WORKERS ?= auto
test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; fi; exit $$rc

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.perf.run $(if $(QUICK),--quick,) $(BENCH_ARGS)

# The crash soak: 1,000 SIGKILLs of a terminal on a fresh PostgreSQL database (SOAK_MINUTES caps it, default 60).
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/soak_crash.py --postgres --kills $(or $(SOAK_KILLS),1000) \
		--budget $(or $(SOAK_MINUTES),60)

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pos_app.ui.screenshots docs/screenshots
	CONSOLE_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
		tests/sync/console/test_console_browser.py tests/sync/console/test_console_purchasing_browser.py \
		tests/sync/console/test_console_catalog_browser.py tests/sync/console/test_console_records_browser.py \
		tests/sync/console/test_console_staff_and_prices_browser.py \
		tests/sync/console/test_console_promotions_browser.py tests/sync/console/test_console_french_browser.py \
		tests/sync/console/test_console_french_promotions_browser.py tests/sync/console/test_console_sales_browser.py

# The web console's strings: extract every _() into the template and update each language's catalog. Besides its
# own strings, the refusals of the hub services whose sentences it shows (raised as Invalid("... %(name)s ...",
# name=...), or said as a sync.sentence.Sentence). tests/sync/console/test_console_catalog_complete.py extracts with
# these same two variables (each on one line).
CONSOLE_EXTRACT = --no-location --sort-output -k Invalid -k NotFound -k SignInRefused -k OutOfScope -k Taken -k Sentence
CONSOLE_SERVICES = ../tenancy.py ../prices.py ../price_schedules.py ../accounts.py ../staff.py ../suppliers.py ../taxes.py ../accessories.py ../promotions.py ../promotion_changes.py ../purchase_orders.py ../catalog_uploads.py ../sync_health.py ../importers/csv_rows.py ../importers/asn.py ../importers/catalog.py ../reports/ocs.py ../../promotions_rules.py ../../pin_policy.py
console-catalog: $(STAMP)
	cd sync/hub/console && $(abspath $(VENV))/bin/pybabel extract -F babel.cfg $(CONSOLE_EXTRACT) \
		--omit-header -o locale/messages.pot . $(CONSOLE_SERVICES) && $(abspath $(VENV))/bin/pybabel update -i locale/messages.pot \
		-d locale --no-fuzzy-matching --omit-header --ignore-obsolete

# The installable one-folder bundle (dist/pos-app) from build.spec, then its smoke test on the built program.
dist: $(STAMP) $(QM)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	$(PY) scripts/dist_smoke.py dist

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache dist build
