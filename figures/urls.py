"""URLs of this part of the portal; config/urls.py includes them."""

urlpatterns: list = []
