from mysite.celery import celery_app


@celery_app.task(queue='reports')
def build_report(report_id):
    pass
