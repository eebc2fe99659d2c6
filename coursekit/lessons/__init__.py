"""Lesson notebooks generated from one authored bilingual source per lesson (lessons/*.yaml).

    coursekit lessons build           # write notebooks/id/*.ipynb and notebooks/en/*.ipynb
    coursekit lessons build --check   # fail when a committed notebook is stale
"""
