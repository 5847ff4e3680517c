from celery import shared_task


@shared_task
def send_receipt(order_id):
    """Routed to the "emails" queue by CELERY_TASK_ROUTES."""


@shared_task(queue="reports")
def nightly_report():
    pass
