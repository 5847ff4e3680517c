import os

from celery import Celery

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings_production')

celery_app = Celery('mysite')
celery_app.config_from_object('django.conf:settings', namespace='CELERY')
celery_app.conf.task_default_queue = 'default'
celery_app.autodiscover_tasks()
