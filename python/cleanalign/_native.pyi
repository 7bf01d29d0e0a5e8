"""Type stubs of the extension module (python/src/lib.rs)."""

from os import PathLike
from typing import Any, Sequence, Union

StrPath = Union[str, PathLike[str]]

FIX_STAGES: list[str]
__version__: str

class InputError(ValueError):
    """A document that cannot be read (binary data, an undecodable encoding, over the size limit)."""

def fix(
    text: str,
    stages: Union[str, Sequence[str], None] = None,
    to: str = "zh-Hans",
    config: StrPath | None = None,
) -> str: ...
def align(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "zh",
    tgt_lang: str = "en",
    config: StrPath | None = None,
) -> list[tuple[list[int], list[int], float]]: ...

class LineCounts:
    def __init__(self, keys: bytes, counts: bytes, documents: int) -> None: ...
    @property
    def documents(self) -> int: ...
    def get(self, key: int) -> int: ...
    def __len__(self) -> int: ...

class Pipeline:
    def __init__(self, config: StrPath | None = None, *, toml: str | None = None) -> None: ...
    def clean(
        self,
        text: Union[str, bytes],
        name: str = "doc",
        *,
        line_counts: LineCounts | None = None,
        html: bool = False,
    ) -> dict[str, Any]: ...
    def line_keys(self, text: Union[str, bytes], name: str = "doc", *, html: bool = False) -> list[int]: ...
