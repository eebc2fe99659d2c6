"""The one question model (issue 11), for practice quizzes (self-check) and graded quizzes alike.

- schemas/question.json: the one question schema (the graded bank's shape); a quiz file's
  schema (schemas/practice.json, gradedquiz/schemas/bank.json) lists questions of it;
- checks: the checks a schema cannot express (one correct option, matches, guessing rule);
- hide: the one way keys are hidden in package data and widget state (self-check);
- feedback: the feedback of one checked answer and its one template set.
Scores come from coursekit.scoring. The mode (practice or graded) belongs to the quiz.
"""
