"""NLP stage: one spaCy Language, the chosen model plus the project's components from config.

The component list and settings live in `models/pipeline.cfg` (data, not code), so a user can
switch components off or retune them without editing the package.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import citations, dates, entities, events, places  # noqa: F401  (registers the component factories)
from .attributes import swap_attribute_ruler
from .config import Settings
from .errors import ModelNotFound
from .extensions import register_extensions
from .lemmatizer import swap_lemmatizer


MODEL_TWINS = ("legalnews_attribute_ruler", "legalnews_lemmatizer")  # the model's own work, done faster


def load_pipeline_config(models_dir: str | Path) -> dict:
    return spacy.util.load_config(Path(models_dir) / "pipeline.cfg", interpolate=True)


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
    for name in cfg["legalnews"]["components"]:
        component_cfg = dict(cfg["components"].get(name, {}))
        factory = component_cfg.pop("factory", name)
        component_cfg["models_dir"] = str(settings.models_dir)
        nlp.add_pipe(factory, name=name, config=component_cfg)
    return nlp
