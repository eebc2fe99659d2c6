"""LMS exports: the one question bank as Moodle XML, GIFT, QTI 2.1 and Canvas QTI 1.2, grades as CSV.

Modules: source (the ONE adapter reading the bank: swap it when the question model changes),
text (languages, multilang markup), weights (the course's scoring rule as LMS percentages),
moodle, gift, qti21, canvas (one per format), export (write a format into a folder), guard (folders
students receive: never written), examples (exercises/lms/), grades (gradebook CSVs), strings
(lecturer-facing messages, bilingual data in strings.yaml), cli (the sub-commands).
"""
