"""Printable handouts: every lesson as static HTML and PDF, the syllabus, the fieldwork project,
the reference list and the glossary; and the lecturer pack (never released to students).

    coursekit handouts [-o DIR] [--lecturer-dir DIR] [--no-pdf]
"""
