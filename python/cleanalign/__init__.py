"""cleanalign for Python: clean dirty scraped zh/en web text and align zh<->en sentences.

The functions are the library behind the `cleanalign` command, compiled into this package (no binary, no
subprocess):

    import cleanalign
    cleanalign.fix(text, stages=None, to="zh-Hans")          # like `cleanalign fix`: line N out is line N in
    cleanalign.Pipeline(config=None).clean(text, name="doc")  # {"text", "metadata", "rejected"}
    cleanalign.align(src, tgt, src_lang="zh", tgt_lang="en")  # [(src_ids, tgt_ids, score)]

and `cleanalign.datatrove.pipeline_steps` runs `cleanalign run`'s cleaning as datatrove pipelines.
"""

from ._native import FIX_STAGES, InputError, LineCounts, Pipeline, __version__, align, fix

__all__ = ["FIX_STAGES", "InputError", "LineCounts", "Pipeline", "__version__", "align", "fix"]
