"""NLP stage: one spaCy Language, the chosen model plus the project's components from config.

The component list and settings live in `models/pipeline.cfg` (data, not code), so a user can
switch components off or retune them without editing the package. `save_pipeline` writes the
whole Language with its resources, loadable by a bare `spacy.load` and packageable by `spacy package`.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from . import citations, dates, entities, events, line_breaks, places  # noqa: F401  (registers the component factories)
from .attributes import swap_attribute_ruler
from .config import Settings
from .errors import ModelNotFound
from .extensions import register_extensions
from .lemmatizer import swap_lemmatizer


MODEL_TWINS = ("legalnews_attribute_ruler", "legalnews_lemmatizer")  # the model's own work, done faster


def load_pipeline_config(models_dir: str | Path) -> dict:
    return spacy.util.load_config(Path(models_dir) / "pipeline.cfg", interpolate=True)


def add_line_breaks(nlp: Language, config: dict) -> None:
    """Sentence starts at headings and paragraph ends, set before whichever pipe splits sentences."""
    splitter = next((name for name in ("parser", "senter", "sentencizer") if name in nlp.pipe_names), None)
    if splitter is not None:
        nlp.add_pipe("legalnews_line_breaks", before=splitter, config=config)


def keep_whole_words(nlp: Language, words: list[str]) -> None:
    """Tokenizer special cases for hyphenated words the model would split ("co-defendant"), written
    lower case or capitalised."""
    for word in words:
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def build_nlp(settings: Settings = Settings()) -> Language:
    """Load `settings.model` and append the project's components in their configured order."""
    register_extensions()
    try:
        nlp = spacy.load(settings.model)
    except OSError as err:
        raise ModelNotFound(settings.model) from err
    cfg = load_pipeline_config(settings.models_dir)
    if cfg["legalnews"].get("fast_attribute_ruler", False):
        swap_attribute_ruler(nlp)
    if cfg["legalnews"].get("fast_lemmatizer", False):
        swap_lemmatizer(nlp)
    keep_whole_words(nlp, cfg["legalnews"].get("whole_words", []))
    if cfg["legalnews"].get("line_breaks", False):
        add_line_breaks(nlp, dict(cfg["components"].get("legalnews_line_breaks", {})))
    for name in cfg["legalnews"]["components"]:
        component_cfg = dict(cfg["components"].get(name, {}))
        factory = component_cfg.pop("factory", name)
        component_cfg["models_dir"] = str(settings.models_dir)
        nlp.add_pipe(factory, name=name, config=component_cfg)
    return nlp


def save_pipeline(path: str | Path, settings: Settings = Settings(), name: str = "legalnews",
                  pipeline_version: str = "0.1.0") -> Path:
    """Build the pipeline as `extract` would and write it, resources included, to `path`.

    The meta names the `legalnews` release it needs (its components' code), so a package built
    from the folder with `spacy package` installs it.
    """
    nlp = build_nlp(settings)
    try:
        project = version("legalnews")
    except PackageNotFoundError:
        project = "0.1.0"
    base = nlp.meta.get("name", "model")
    nlp.meta.update({
        "name": name, "version": pipeline_version,
        "description": f"legalnews court-action extraction on top of {nlp.meta.get('lang', 'en')}_{base}",
        "requirements": [f"legalnews>={project}"],
    })
    path = Path(path)
    nlp.to_disk(path)
    return path
