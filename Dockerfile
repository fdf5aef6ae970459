# One image for web, worker and beat. Build: docker compose build
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core nodejs npm make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
COPY . .
RUN mkdir -p var/frontend/css var/frontend/govuk \
 && npx sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
      frontend/app.scss var/frontend/css/app.css \
 && cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js var/frontend/govuk/ \
 && python -m agencies.catalogues compile \
 && SECRET_KEY=build-only STATIC_MANIFEST=true python manage.py collectstatic --no-input
RUN useradd --create-home portal && chown -R portal /app/var
USER portal
EXPOSE 8000
# The same limits as docker-compose.yml's web service; without a proxy in front, gunicorn
# believes forwarded headers only from 127.0.0.1 (its default) and TRUSTED_PROXY_COUNT stays 0.
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--limit-request-line", "4094", "--limit-request-fields", "50", \
     "--limit-request-field_size", "8190"]
