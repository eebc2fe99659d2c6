"""The fieldwork project: one authored file (exercises/project/proyek-lapangan.yaml) -> an nbgrader
assignment marked by hand (exercises/source/proyek-lapangan/) and the printable brief and rubric."""
