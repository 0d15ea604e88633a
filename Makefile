# Fanout — build, run and test on Debian 12 (Go installed).
#   make run    installs what is missing, builds, opens the workbench on the default scenario
#   make test   installs what is missing, vets, runs every test and every shipped scenario
SHELL := /bin/bash
export LANG := en_US.UTF-8
export CGO_ENABLED := 1

BIN      := app/bin/fanout
# The C toolchain and the X11/GL headers Fyne's GLFW driver needs (verified minimal set).
SYS_PKGS := gcc libc6-dev pkg-config libgl-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GO_PKGS  := ./...
TEST_TIMEOUT ?= 12m

.PHONY: run test build deps vet unit e2e bench fuzz clean

run: deps build
	./$(BIN)

build: deps
	go build -o $(BIN) ./app

# deps installs the system packages that are missing, and only those.
deps:
	@missing=$$(for p in $(SYS_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "installing: $$missing"; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v go >/dev/null || { echo "Go is not installed: see https://go.dev/doc/install"; exit 1; }

vet: deps
	go vet $(GO_PKGS)

unit: deps
	go test -timeout $(TEST_TIMEOUT) $(GO_PKGS)

# e2e runs every shipped scenario through the command line, as a user would.
e2e: build
	@set -e; for f in scenarios/*.yaml; do \
	    echo "== $$f"; ./$(BIN) validate "$$f"; \
	    ./$(BIN) run "$$f" --quiet --no-store --summary /tmp/fanout-e2e-summary.json; \
	done

test: deps vet unit e2e

bench: deps
	go test -run '^$$' -bench . -benchmem ./engine/...

clean:
	rm -rf app/bin
