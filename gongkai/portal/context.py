from django.conf import settings


def site(request) -> dict:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "care_mode": request.COOKIES.get("care") == "1",
    }
