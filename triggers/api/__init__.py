"""The JSON API: serializers, views and URLs (mounted at /api/v1/)."""
