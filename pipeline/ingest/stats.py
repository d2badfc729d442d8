"""What ingest counts for the manifest, and the check that the counts add up."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..records import Reject

__all__ = ["IngestStats", "accounting_problems"]


@dataclass
class IngestStats:
    """Counts for the manifest: records_read == articles + duplicates + rejects."""

    records_read: int = 0
    articles: int = 0
    duplicates: int = 0
    rejects: int = 0
    renamed_ids: int = 0
    undated: int = 0
    unparsed_dates: int = 0
    reject_reasons: Counter = field(default_factory=Counter)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def demote(self, reject: Reject) -> None:
        """An article that failed in a later stage is accounted for as a reject instead."""
        self.articles -= 1
        self.rejects += 1
        self.reject_reasons[reject.reason] += 1

    @property
    def balanced(self) -> bool:
        """Every record read is an article, a duplicate or a reject: nothing lost, nothing twice."""
        return (self.records_read == self.articles + self.duplicates + self.rejects
                and self.rejects == sum(self.reject_reasons.values()))

    def as_dict(self) -> dict[str, Any]:
        return {"records_read": self.records_read, "articles": self.articles, "duplicates": self.duplicates,
                "rejects": self.rejects, "rejects_by_reason": dict(sorted(self.reject_reasons.items())),
                "balanced": self.balanced,
                "renamed_ids": self.renamed_ids, "articles_without_published_at": self.undated,
                "unparsed_published_at": self.unparsed_dates, "files": self.files}


def accounting_problems(counts: dict[str, Any]) -> list[str]:
    """What does not add up in a manifest's `counts`: empty when read = written + duplicates +
    rejected, the reasons sum to the rejects, and the tables hold as many rows as counted."""
    read, articles, duplicates, rejects = (int(counts.get(k) or 0) for k in
                                           ("records_read", "articles", "duplicates", "rejects"))
    problems = []
    if read != articles + duplicates + rejects:
        problems.append(f"records_read {read} != articles {articles} + duplicates {duplicates} + rejects {rejects}")
    by_reason = sum((counts.get("rejects_by_reason") or {}).values())
    if by_reason != rejects:
        problems.append(f"rejects_by_reason sums to {by_reason}, rejects is {rejects}")
    tables = counts.get("tables") or {}
    for name, expected in (("articles", articles), ("rejects", rejects)):
        if name in tables and tables[name] != expected:
            problems.append(f"{name} table has {tables[name]} rows, counts say {expected}")
    return problems
