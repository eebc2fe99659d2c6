"""Self-check quizzes: authored in lessons/selfcheck (repo only), compiled to data/ without readable keys."""


def quiz(module: str, lang: str | None = None):
    """The self-check quiz of a module, e.g. quiz('m4'); twins: answer, check, retry, score."""
    from .quizzes import Quiz

    return Quiz(module, lang)
