# TMDBFusion for Go. `make test` is the command CI runs.
GO        ?= go
PKGS      := ./...
GENERATED := gen/tmdb.gen.go internal/fakeapi/server.gen.go
BENCHTIME ?= 1s
BENCHCOUNT ?= 6

.PHONY: all generate check-generated fmt-check vet test test-short lint bench fuzz

all: test

## generate: regenerate gen/ and the fake's server interface from api/tmdb-v3.yaml
generate:
	$(GO) generate ./...

## check-generated: fail, naming the files, when the committed generated code differs from a fresh run
check-generated:
	@./.ci/check-generated.sh $(GENERATED)

## fmt-check: fail when a Go file is not gofmt-clean
fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

## test: everything CI checks (format, vet, generated code in step, race-enabled tests)
test: fmt-check vet check-generated
	$(GO) test -race -count=1 $(PKGS)

test-short:
	$(GO) test -short -count=1 $(PKGS)

## lint: vet, gofmt, go.mod in step, and staticcheck (pinned; fetched on first use)
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint: vet fmt-check
	$(GO) mod tidy -diff
	$(GO) run $(STATICCHECK) ./...

## bench: paired facade-vs-baseline benchmarks and their ratio table. The
## runs are interleaved (BENCHCOUNT separate processes) so that a change in
## machine load falls on both sides of each pair alike.
bench:
	@rm -f bench.out
	@for i in $$(seq $(BENCHCOUNT)); do \
		$(GO) test -run='^$$' -bench=. -benchmem -benchtime=$(BENCHTIME) -count=1 ./tmdb/ | tee -a bench.out || exit 1; \
	done
	$(GO) run ./internal/benchtable < bench.out

## fuzz: run each fuzzer for FUZZTIME (default 60s)
FUZZTIME ?= 60s
fuzz:
	@./.ci/fuzz.sh $(FUZZTIME)
