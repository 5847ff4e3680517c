# Settings package. Pick a module with DJANGO_SETTINGS_MODULE:
#   backend.settings.production   (default; what the containers on AWS use)
#   backend.settings.development  (local work; SQLite / local memory unless Postgres / Redis are given)
