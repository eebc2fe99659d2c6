"""Start JupyterLab for the course: the student's view (their own copy of the lessons, no nbgrader
authoring tools, no news pop-up) or, with --lecturer, nbgrader's formgrader on exercises/.

Run by scripts/open-course.sh as `python -m coursekit.launch [--lecturer] [--lang en] [jupyter args]`.
"""
