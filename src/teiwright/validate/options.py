"""What a validation run checks: the layers and the schemas the user adds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teiwright.errors import TeiwrightError

#: Where RELAX NG messages for an invalid file come from (see :mod:`teiwright.validate.relaxng`).
RNG_MESSAGES = ("full", "fast", "jing")
LAYERS = ("wellformed", "xsd", "relaxng", "rules", "tei-schematron", "schematron")
LAYER_HELP = {
    "wellformed": "safe parse: well-formed, no entities or DTDs",
    "xsd": "schemas/teiwright.xsd on files that declare the profile, plus --xsd",
    "relaxng": "TEI P5 tei_all, plus --rng",
    "rules": "the project's rules, schemas/teiwright.sch",
    "tei-schematron": "the Schematron embedded in tei_all",
    "schematron": "the --schematron files",
}


class UsageError(TeiwrightError):
    """A validate option that cannot be honoured."""


@dataclass(frozen=True)
class Options:
    """Layers to run and extra schemas; the default checks everything that applies."""

    layers: frozenset[str] = frozenset(LAYERS)
    rng: tuple[Path, ...] = ()
    xsd: tuple[Path, ...] = ()
    schematron: tuple[Path, ...] = ()
    phase: str = "#DEFAULT"
    svrl_dir: Path | None = None
    rng_messages: str = "full"
    xsd_forced: bool = field(default=False)

    def runs(self, layer: str) -> bool:
        return layer in self.layers


def parse_layers(text: str) -> frozenset[str]:
    """``wellformed,relaxng`` → the layer set; unknown names are a usage error."""
    names = {name.strip() for name in text.split(",") if name.strip()}
    unknown = sorted(names - set(LAYERS))
    if unknown:
        raise UsageError(f"unknown layer(s) {', '.join(unknown)}; choose from {', '.join(LAYERS)}")
    return frozenset(names | {"wellformed"})
