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
# session bus each end-to-end journey gets (the single-instance plugin claims a name there),
# and the package checks' tools (desktop-file-validate, lintian, rpm).
APT_PACKAGES := build-essential curl wget file pkg-config libwebkit2gtk-4.1-dev libxdo-dev \
	libssl-dev libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver \
	imagemagick sqlite3 dbus-daemon desktop-file-utils lintian rpm cpio xdotool
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO := cargo
LOCKED := --locked
# The one feature set of every `make test` step: the test-only switches (a pinned today,
# answered file dialogs; src-tauri/infra/test_hooks.rs). One set, so no step rebuilds
# what another built, and clippy sees the gated code. `make run`, `make bench` and
# packages build without it, so a released binary has no switches.
TEST_FEATURES := --features test-hooks
# Cargo's output folder (CARGO_TARGET_DIR moves it), where the release binary and the
# packages are written.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
RELEASE_BIN := $(TARGET_DIR)/release/ladder
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# The packages, named as Debian and Fedora name theirs (the bundler names them after the
# product, Ladder_…).
DEB := $(TARGET_DIR)/packages/ladder_$(VERSION)_amd64.deb
RPM := $(TARGET_DIR)/packages/ladder-$(VERSION)-1.x86_64.rpm
# The Tauri CLI from npm (ui/package.json); it would guess the frontend folder otherwise.
TAURI := TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri
ICON_SIZES := 16 32 48 64 128 256 512

.PHONY: package package-check icons run test setup toolchain system-deps ui-deps tauri-driver ui release check architecture fmt clippy \
	bindings svelte-check test-rust release-switches test-ui test-e2e bench screenshots dev goldens

## make run: set up, build the app with the UI embedded (release), start it.
run: setup ui
	$(CARGO) build $(LOCKED) --release
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "There is no display here; to run Ladder headless, use: xvfb-run -a make run"; \
		exit 1; \
	fi
	$(RELEASE_BIN)

## make test: set up, then every check and every test.
test: setup ui check test-rust test-ui test-e2e package-check
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

## make package: the release app as a .deb and an .rpm, in $(TARGET_DIR)/packages/.
## packaging/bundle.json holds what only the packages need (Depends from dpkg-shlibdeps, the
## maintainer): outside tauri.conf.json, so editing it does not recompile the app. No
## AppImage: its bundler downloads linuxdeploy at build time (README: Install).
package: setup ui
	$(CARGO) build $(LOCKED) --release
	mkdir -p gen/package $(TARGET_DIR)/packages
	gzip -9n -c packaging/changelog > gen/package/changelog.gz
	gzip -9n -c packaging/ladder.1 > gen/package/ladder.1.gz
	$(TAURI) bundle --ci --bundles deb,rpm --config packaging/bundle.json
	cp $(TARGET_DIR)/release/bundle/deb/Ladder_$(VERSION)_amd64.deb $(DEB)
	cp $(TARGET_DIR)/release/bundle/rpm/Ladder[-_]$(VERSION)-1.x86_64.rpm $(RPM)
	@ls -l $(RELEASE_BIN) $(DEB) $(RPM)

## The packages' checks (tests/package/check.sh): desktop-file-validate, lintian,
## apt-get --dry-run, the unpacked binary's first screen; with CI=true also the real
## install, a start from /usr/bin/ladder and the removal.
package-check: package
	tests/package/check.sh $(DEB) $(RPM)

## The icons in every size the packages install, drawn from the one source icons/ladder.svg
## (committed: run this after changing the SVG). Needs rsvg-convert (librsvg2-bin).
icons:
	@command -v rsvg-convert >/dev/null || { echo "make icons needs rsvg-convert: apt-get install librsvg2-bin"; exit 1; }
	for s in $(ICON_SIZES); do rsvg-convert -w $$s -h $$s icons/ladder.svg -o icons/$${s}x$${s}.png; done
	@for s in $(ICON_SIZES); do \
		[ "$$(identify -format '%wx%h %[channels]' icons/$${s}x$${s}.png)" = "$${s}x$${s} srgba" ] || { \
			echo "icons/$${s}x$${s}.png is not a $${s}x$${s} RGBA PNG"; exit 1; }; \
	done

## p50/p99 of each screen's domain call on the standard data set, and the UI's size.
bench: setup ui
	$(CARGO) bench $(LOCKED) --bench bench
	$(CARGO) build $(LOCKED) --release
	@size=$$(stat -c %s $(RELEASE_BIN)); \
	echo "Release binary: $$((size / 1000000)).$$((size / 100000 % 10)) MB ($$size bytes; budget 12 MB, 12000000 bytes)"
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
