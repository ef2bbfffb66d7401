# Ladder. Two commands matter: `make run` and `make test`. Both install what is missing
# first (system packages, npm packages, tauri-driver), so a fresh machine needs nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run
MAKEFLAGS += --no-print-directory

# cargo install puts tauri-driver here; rustup puts cargo here.
export PATH := $(HOME)/.cargo/bin:$(PATH)

RUST_MIN := 1.94
NODE_MIN := 20.19
# What Tauri needs on Debian 12 / Ubuntu 22.04+, plus Xvfb, WebKitWebDriver and
# ImageMagick for the end-to-end tests and screenshots, and dbus-daemon for the private
# session bus each end-to-end journey gets (the single-instance plugin claims a name there).
APT_PACKAGES := build-essential curl wget file pkg-config libwebkit2gtk-4.1-dev libxdo-dev \
	libssl-dev libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver \
	imagemagick sqlite3 dbus-daemon
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO := cargo
LOCKED := --locked
# The one feature set of every `make test` step: the test-only switches (a pinned today,
# answered file dialogs; src-tauri/infra/test_hooks.rs). One set, so no step rebuilds
# what another built, and clippy sees the gated code. `make run`, `make bench` and
# packages build without it, so a released binary has no switches.
TEST_FEATURES := --features test-hooks

.PHONY: run test setup toolchain system-deps ui-deps tauri-driver ui release check architecture fmt clippy \
	bindings svelte-check test-rust release-switches test-ui test-e2e bench screenshots dev goldens

## make run: set up, build the app with the UI embedded (release), start it.
run: setup ui
	$(CARGO) build $(LOCKED) --release
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "There is no display here; to run Ladder headless, use: xvfb-run -a make run"; \
		exit 1; \
	fi
	./target/release/ladder

## make test: set up, then every check and every test.
test: setup ui check test-rust test-ui test-e2e
	@echo "make test: every check and test passed."

setup: toolchain system-deps ui-deps tauri-driver

toolchain:
	@command -v cargo >/dev/null && command -v rustc >/dev/null || { \
		echo "Rust is missing. Install Rust $(RUST_MIN) or newer with rustup: https://rustup.rs"; exit 1; }
	@v=$$(rustc --version | awk '{print $$2}'); \
	printf '%s\n%s\n' "$(RUST_MIN)" "$$v" | sort -V -C || { \
		echo "Rust $$v is too old: Ladder needs $(RUST_MIN) or newer. Run: rustup update stable"; exit 1; }
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "Node.js is missing. Install Node.js $(NODE_MIN) or newer (20 LTS or 22 LTS) with npm: https://nodejs.org"; exit 1; }
	@v=$$(node --version | tr -d v); \
	printf '%s\n%s\n' "$(NODE_MIN)" "$$v" | sort -V -C || { \
		echo "Node.js $$v is too old: Ladder needs $(NODE_MIN) or newer (20 LTS or 22 LTS)."; exit 1; }

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed' || echo "$$p"; \
	done | tr '\n' ' '); \
	if [ -n "$${missing// /}" ]; then \
		if ! command -v apt-get >/dev/null; then \
			echo "Install these packages (Debian/Ubuntu names) with your package manager: $$missing"; exit 1; \
		fi; \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

ui-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

tauri-driver:
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --locked

## The UI bundle that the app embeds (cargo needs ui/dist before it compiles). Rebuilt only
## when a source changed, since a new bundle makes cargo recompile the app.
UI_SOURCES := $(shell find ui/src ui/index.html ui/vite.config.ts ui/svelte.config.js \
	ui/tsconfig.json -type f 2>/dev/null)
ui: ui/dist/index.html

ui/dist/index.html: ui/node_modules/.package-lock.json $(UI_SOURCES)
	cd ui && npm run build

check: architecture fmt clippy bindings svelte-check

## The module graph: no import cycles, no import against the layer order in
## src-tauri/lib.rs, no function over 80 lines. Prints the graph.
architecture:
	node tests/architecture.mjs

fmt:
	$(CARGO) fmt --all --check

clippy: ui
	$(CARGO) clippy $(LOCKED) $(TEST_FEATURES) --all-targets -- -D warnings

## Regenerates the ts-rs bindings and fails when they differ from what is committed.
bindings: ui
	rm -f ui/src/bindings/*.ts
	$(CARGO) test $(LOCKED) $(TEST_FEATURES) --lib export_bindings --quiet
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
		if [ -n "$$(git status --porcelain --untracked-files=all -- ui/src/bindings)" ]; then \
			echo "The TypeScript bindings are stale: commit ui/src/bindings as regenerated:"; \
			git status --short --untracked-files=all -- ui/src/bindings; \
			git --no-pager diff -- ui/src/bindings | head -50; \
			exit 1; \
		fi; \
	else echo "Not a git checkout: bindings regenerated but not compared."; fi

svelte-check: ui-deps
	cd ui && npm run check

test-rust: ui release-switches
	$(CARGO) test $(LOCKED) $(TEST_FEATURES) --lib --test it

## Proof that a build without test-hooks ignores the switches: the library's tests built
## once more as a release would be (no feature), running only the test that sets them all.
release-switches: ui
	$(CARGO) test $(LOCKED) --lib test_hooks

## Writes tests/golden/<version>.sqlite for each fill script tests/golden/<version>.sql that
## has none yet: exactly the migrations up to that version, then the script (README:
## Golden databases). An existing golden is never rewritten; delete it to make it again.
goldens: ui
	$(CARGO) test $(LOCKED) $(TEST_FEATURES) --test it golden::write_missing_goldens -- --ignored --exact --nocapture

test-ui: ui-deps
	cd ui && npm test

## The real app under Xvfb through tauri-driver; one at a time, as each starts a window.
test-e2e: ui tauri-driver
	xvfb-run -a -s "-screen 0 1280x800x24" $(CARGO) test $(LOCKED) $(TEST_FEATURES) --test e2e -- --test-threads=1

## p50/p99 of each screen's domain call on the standard data set, and the UI's size.
bench: setup ui
	$(CARGO) bench $(LOCKED) --bench bench
	@js=$$(for f in ui/dist/assets/*.js; do gzip -9 -c "$$f"; done | wc -c); \
	echo "UI JavaScript, gzipped: $$((js / 1024)) KB ($$js bytes; budget 150 KB)"

## Screenshots of the real app: a tour of the standard data set into target/e2e-screenshots/,
## and the README's pictures of the example plan into docs/screenshots/.
screenshots: ui tauri-driver
	rm -rf target/tour-data
	$(CARGO) bench $(LOCKED) --bench bench -- --generate target/tour-data
	LADDER_TOUR_DB=target/tour-data/ladder.sqlite3 xvfb-run -a -s "-screen 0 1280x800x24" \
		$(CARGO) test $(LOCKED) $(TEST_FEATURES) --test e2e screenshot_tour -- --ignored --test-threads=1
	xvfb-run -a -s "-screen 0 1280x800x24" \
		$(CARGO) test $(LOCKED) $(TEST_FEATURES) --test e2e readme_screenshots -- --ignored --test-threads=1
	xvfb-run -a -s "-screen 0 1280x800x24" \
		$(CARGO) test $(LOCKED) $(TEST_FEATURES) --test e2e dialog_tour -- --ignored --test-threads=1
	for f in target/e2e-screenshots/readme-*.png; do cp "$$f" "docs/screenshots/$${f#target/e2e-screenshots/readme-}"; done

## Development: the Vite dev server with hot reload, and the app pointed at it.
dev: setup
	cd ui && npm run dev & \
	$(CARGO) run --no-default-features; kill %1
