"""The semester plan (RPS): lessons/rps.yaml -> lecturer/rps-id.ipynb, lecturer/rps-en.ipynb and a
printable page (coursekit handouts)."""
