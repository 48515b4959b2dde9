"""Derived facts: what the pages show, computed from the model (never typed in)."""

from generator.rules.plan_facts import (
    AksiFacts, AreaFacts, IndikatorFacts, KegiatanFacts, KelompokFacts, PlanFacts, RuleError, derive_plan,
)

__all__ = [
    "AksiFacts", "AreaFacts", "IndikatorFacts", "KegiatanFacts", "KelompokFacts", "PlanFacts",
    "RuleError", "derive_plan",
]
