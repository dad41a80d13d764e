# The allegiance API and network view. With docker-compose.yml it uses Neo4j; alone it
# keeps an embedded store in the /data volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY . .
RUN pip install . \
    && useradd --create-home --uid 10001 allegiance \
    && mkdir -p /data && chown allegiance /data

USER allegiance
ENV ALLEGIANCE_STORE=sqlite:////data/allegiance.db \
    ALLEGIANCE_HOST=0.0.0.0 \
    ALLEGIANCE_PORT=8000
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

CMD ["allegiance", "serve", "--host", "0.0.0.0", "--port", "8000"]
