# Production image: the API and the built web app, served by uvicorn.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY schema.graphql ./
COPY web/package.json web/package-lock.json web/
RUN cd web && npm ci --no-audit --no-fund
COPY web web
RUN cd web && npm run build

FROM python:3.11-slim-bookworm
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml requirements.lock alembic.ini ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY server server
COPY docs docs
RUN pip install --no-cache-dir --no-deps .
COPY --from=web /app/web/dist web/dist
ENV MATCHUP_WEB_DIST=/app/web/dist MATCHUP_HOST=0.0.0.0
EXPOSE 8000
CMD ["sh", "-c", "python -m server migrate && python -m server serve --host 0.0.0.0 --port 8000 --workers ${MATCHUP_WORKERS:-2}"]
