"""Lesson notebooks generated from one authored bilingual source per lesson (lessons/*.yaml).

    coursekit build           # writes notebooks/id/*.ipynb and notebooks/en/*.ipynb (and the rest)
    coursekit build --check   # fails when a committed notebook is stale
"""
