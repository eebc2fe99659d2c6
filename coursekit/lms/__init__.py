"""LMS exports: the one question bank as Moodle XML, GIFT, QTI 2.1 and Canvas QTI 1.2, grades as CSV.

Modules: source (the ONE adapter reading the bank), text (languages and multilang markup),
moodle, gift, qti21, canvas (one per format), grades (gradebook CSVs), guard (where keys may be
written), strings (lecturer-facing messages, bilingual data), cli (the sub-commands).
"""
