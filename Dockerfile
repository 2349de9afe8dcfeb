# AllianceKpi portal container.
#   docker compose up -d --build           (see docker-compose.yml and docs/operations.md)
#   docker build -t alliancekpi .          (standalone: SQLite in the /app/data volume)
#
# The runtime stage is Debian 12 with the ASP.NET Core runtime copied from Microsoft's image:
# .NET 10's own images are Ubuntu 24.04, where "chromium" is only a snap wrapper that cannot
# run in a container, while Debian ships a real Chromium package (the one the tests use).

# ---- build ---------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

# Node.js and npm for the front-end packages (npm ci).
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm

WORKDIR /src

# Restore first so that the package layer is cached until a project file changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/AllianceKpi.Domain/AllianceKpi.Domain.csproj src/AllianceKpi.Domain/
COPY src/AllianceKpi.Infrastructure/AllianceKpi.Infrastructure.csproj src/AllianceKpi.Infrastructure/
COPY src/AllianceKpi.Web/AllianceKpi.Web.csproj src/AllianceKpi.Web/
RUN dotnet restore src/AllianceKpi.Web/AllianceKpi.Web.csproj

COPY src/AllianceKpi.Web/package.json src/AllianceKpi.Web/package-lock.json src/AllianceKpi.Web/
RUN cd src/AllianceKpi.Web && npm ci --no-audit --no-fund

COPY src/ src/
RUN dotnet publish src/AllianceKpi.Web/AllianceKpi.Web.csproj -c Release -o /app/publish --no-restore \
      -p:UseAppHost=false

# ---- runtime -------------------------------------------------------------------
FROM debian:12-slim AS runtime

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates curl libicu72 libssl3 tzdata zlib1g \
      chromium fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Non-root user with the same id as in Microsoft's .NET images. It may write only to
# /app/data (database when on SQLite, uploaded files) and /app/logs; the program stays root-owned.
ARG APP_UID=1654
RUN groupadd --gid "$APP_UID" app \
 && useradd --uid "$APP_UID" --gid app --create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app/data/files /app/logs \
 && chown -R app:app /app/data /app/logs

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1 \
    Database__Provider=Sqlite \
    ConnectionStrings__Default="Data Source=/app/data/alliancekpi.db" \
    Storage__Root=/app/data/files \
    Pdf__ChromiumPath=/usr/lib/chromium/chromium

WORKDIR /app
COPY --from=build /app/publish .

USER $APP_UID
EXPOSE 8080
VOLUME ["/app/data"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/health >/dev/null || exit 1

ENTRYPOINT ["dotnet", "AllianceKpi.Web.dll"]
