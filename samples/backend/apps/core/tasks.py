import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(bind=True)
def debug_task(self):
    """Example task: logs and returns where it ran. Beat also sends it hourly (see settings).

    Try it from a shell: ``python manage.py shell -c "from apps.core.tasks import debug_task;
    print(debug_task.delay().get(timeout=10))"``.
    """
    logger.info("debug_task %s running on %s", self.request.id, self.request.hostname)
    return {"task_id": self.request.id, "hostname": self.request.hostname}
